"""Scenario tests: the real app, driven from Slack's side against the fake Slack."""
