"""Slack's side of the conversation (signed requests to the app); it lives in bot/devtools and is
re-exported here for the tests."""

from bot.devtools.slack_sim import HttpResult, SlackSim, fill_state, http_request, sign

__all__ = ["HttpResult", "SlackSim", "fill_state", "http_request", "sign"]
