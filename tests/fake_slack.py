"""The fake Slack Web API the tests run against; it lives in bot/devtools (the sandbox the demo
ships) and is re-exported here for the tests."""

from bot.devtools.fake_slack import Call, FakeSlack, UploadedFile

__all__ = ["Call", "FakeSlack", "UploadedFile"]
