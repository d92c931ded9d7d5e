"""One error handler: a refusal raised after the ack still leaves Slack with its 200 (never the
404 of a lost ack) and tells the user why, in their language; an unexpected error gets a
reference, not a stack trace."""

from __future__ import annotations

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim
from bot.i18n import t
from handlers.ui.attendance_ui import ActionId
from tests.support.texts import opening


def test_a_refusal_after_the_ack_keeps_the_ack_every_time(
    slack: SlackSim, fake_slack: FakeSlack
) -> None:
    # Resending a certificate that does not exist is refused by the service after ack().
    for _ in range(10):
        result = slack.click(
            "UANNE001",
            action_id=ActionId.RESEND_CERTIFICATE,
            value="987654",
            message={"ts": "1.000001", "channel": "DUANNE001"},
        )
        assert result.status == 200
        assert result.elapsed < 1.0
    replies = fake_slack.wait_for("response_url", count=10)
    assert all(r.body["response_type"] == "ephemeral" for r in replies)
    assert all(r.body["text"] == t("nl", "certificate.not_found") for r in replies)


def test_a_forged_button_value_is_refused_not_crashed(
    slack: SlackSim, fake_slack: FakeSlack
) -> None:
    # A button value that is not an id is not something the app ever sends.
    result = slack.click(
        "UENG0012",
        action_id=ActionId.RESEND_CERTIFICATE,
        value="not-a-number",
        message={"ts": "1.000001", "channel": "DUENG0012"},
    )
    assert result.status == 200
    reply = fake_slack.wait_for("response_url")[0]
    assert reply.body["text"] == t("en", "error.bad_form")


def test_an_unexpected_error_gets_a_reference(slack: SlackSim, fake_slack: FakeSlack) -> None:
    # Slack itself fails opening the modal: nothing the user did, so they get a reference.
    fake_slack.fail_next("views.open", status=500)
    result = slack.click(
        "UENG0012",
        action_id=ActionId.SET_PERIOD_START,
        value="",
        message={"ts": "1.000001", "channel": "DUENG0012"},
    )
    assert result.status == 200
    reply = fake_slack.wait_for("response_url")[0]
    assert reply.body["text"].startswith(opening("error.unexpected", "en"))
