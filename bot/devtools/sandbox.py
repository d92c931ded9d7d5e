"""The one door to the development sandbox for the demo.

`FakeSlack` answers the Web API calls the app makes (and records them), `SlackSim` sends what Slack
sends (signed slash commands, clicks, modal submits, events) to the app's HTTP endpoint, and
`fill_state` fills a modal's state by action id.
"""

from __future__ import annotations

from bot.devtools.fake_slack import Call, FakeSlack, UploadedFile
from bot.devtools.slack_sim import HttpResult, SlackSim, fill_state, http_request

__all__ = [
    "Call",
    "FakeSlack",
    "HttpResult",
    "SlackSim",
    "UploadedFile",
    "fill_state",
    "http_request",
]
