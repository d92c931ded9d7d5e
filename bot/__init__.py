"""Intervisie: peer-supervision (intervisie) groups for Dutch professional associations, in Slack."""
