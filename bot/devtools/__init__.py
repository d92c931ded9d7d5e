"""Development sandbox: a local stand-in for Slack's Web API, for the demo and the tests.

Nothing here is used when the app runs against a real workspace; `intervisie-bot demo` and the
test-suite start the fake Slack (`bot.devtools.fake_slack`) and play Slack's side
(`bot.devtools.slack_sim`) against the real, signed HTTP endpoint of the app.
"""
