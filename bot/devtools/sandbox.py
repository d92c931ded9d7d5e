"""The one door to the fake Slack Web API and Slack's side of the conversation.

`FakeSlack` answers the Web API calls the app makes (and records them), `SlackSim` sends what Slack
sends (signed slash commands, clicks, modal submits, events) to the app's HTTP endpoint, and
`fill_state` fills a modal's state by action id. The demo imports them from here only.
"""

from __future__ import annotations

import sys
from pathlib import Path

# A console script does not put the working folder on sys.path; the repository root holds `tests`.
_ROOT = Path(__file__).resolve().parents[2]
if (_ROOT / "tests" / "fake_slack.py").is_file() and str(_ROOT) not in sys.path:
    sys.path.append(str(_ROOT))

# Moved into this package by the lead (bot/devtools/fake_slack.py, slack_sim.py, blockkit.py);
# until then they live beside the tests, importable from a repository checkout.
from tests.fake_slack import Call, FakeSlack, UploadedFile  # noqa: E402
from tests.harness import HttpResult, SlackSim, fill_state, http_request  # noqa: E402

__all__ = [
    "Call",
    "FakeSlack",
    "HttpResult",
    "SlackSim",
    "UploadedFile",
    "fill_state",
    "http_request",
]
