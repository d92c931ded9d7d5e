"""Block Kit builders and listener ids, per area; builders return dicts checked by slack_sdk models."""
