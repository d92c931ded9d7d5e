"""Unit tests: rules, data and exports, without Slack or a database."""
