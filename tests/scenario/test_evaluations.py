"""The evaluation after a meeting through Slack's front door: present members (only they) get the
pulse once; results are shown only as aggregates and only from the third answer on, on the
group's page and with the next meeting's reminder; answers are stored without their author."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.i18n import t, tn
from bot.jobs import dispatch_evaluations, dispatch_reminders, periodic_jobs
from handlers.ui.agreements_ids import ActionId, BlockId, CallbackId
from handlers.ui.attendance_ui import CallbackId as AttendanceCallback
from handlers.ui.attendance_ui import member_action_id
from storage.models import EvaluationInvite, EvaluationResponse, Meeting
from tests.support.agreements import (
    CONTACT,
    AgreeApp,
    agree_app,
    buttons,
    dms_with,
    open_by_click,
    responses,
    wait_dm,
    wait_modal,
    wait_response,
)
from tests.support.wait import wait_until

__all__ = ["agree_app"]  # the fixture, imported so pytest finds it

PRESENT = ("UANNE001", "UBRAM002", "UZOE0003", "UDAAN004", "UEMMA005")
ABSENT = "UENG0012"
# The registered meeting, as Dutch readers in Amsterdam see it.
WHEN = "vrijdag 28 augustus 2026 (28-08-2026) 14:00–16:00"
ANSWERS = {
    "UBRAM002": ("4", "yes", ["for_me", "for_clients"], "Meer tijd voor de vraagronde"),
    "UZOE0003": ("5", "yes", ["for_me"], ""),
    "UDAAN004": ("3", "partly", ["for_practice"], "Eerder beginnen"),
}


def _register_past_meeting(app: AgreeApp) -> None:
    """Plan 28-08-2026 after the fact and register five present, Emily absent."""
    app.slack.command(CONTACT, "plan 1234 28-08-2026 14:00 2u Utrecht")
    view = wait_modal(app.fake, CONTACT, AttendanceCallback.REGISTER, seen=0)
    ids = app.group.person_ids
    roles = {member_action_id(ids[u]): "participant" for u in PRESENT}
    roles[member_action_id(ids[CONTACT])] = "facilitator"
    roles[member_action_id(ids["UBRAM002"])] = "presenter"
    roles[member_action_id(ids[ABSENT])] = "absent"
    result = app.slack.submit(CONTACT, view, roles)
    assert result.status == 200 and result.json["response_action"] == "update", result.text


def _pulse(app: AgreeApp, user: str) -> dict[str, object]:
    text = t("nl", "evaluation.dm.pulse", number=1234, name="Vertrouwenspersonen 1234", when=WHEN)
    return wait_dm(app.fake, user, text)


def _answer(app: AgreeApp, user: str) -> None:
    score, goal, brought, remark = ANSWERS[user]
    view = open_by_click(
        app, user, _pulse(app, user), ActionId.EVALUATION_OPEN, CallbackId.EVALUATION
    )
    values: dict[str, object] = {
        ActionId.EVALUATION_SCORE: score,
        ActionId.EVALUATION_GOAL: goal,
        ActionId.EVALUATION_BROUGHT: brought,
    }
    if remark:
        values[ActionId.EVALUATION_REMARK] = remark
    result = app.slack.submit(user, view, values)
    assert result.json["response_action"] == "update", result.text


def _page(app: AgreeApp, user: str = CONTACT) -> str:
    before = len(responses(app.fake))
    app.slack.command(user, "evaluatie 1234")
    wait_until(lambda: len(responses(app.fake)) > before, what="the evaluation page")
    return responses(app.fake)[-1]


def test_aggregates_appear_only_from_the_third_answer(
    agree_app: AgreeApp, db_engine: Engine
) -> None:
    app = agree_app
    assert "evaluations" in [job.id for job in periodic_jobs(30)]
    _register_past_meeting(app)
    assert dispatch_evaluations(app.runtime.deps) == len(PRESENT)
    assert dispatch_evaluations(app.runtime.deps) == 0  # asked once
    for user in PRESENT:
        assert buttons(_pulse(app, user), ActionId.EVALUATION_OPEN)
    app.idle()
    assert dms_with(app.fake, ABSENT, "evaluation_open") == []
    with Session(db_engine) as session:
        meeting_id = session.scalars(select(Meeting.id)).one()

    # Emily was absent: evaluating that meeting is refused.
    app.slack.click(
        ABSENT,
        action_id=ActionId.EVALUATION_OPEN,
        value=str(meeting_id),
        message={"ts": "1.0", "channel": "D" + ABSENT},
    )
    wait_response(app.fake, t("en", "evaluation.not_present"))

    empty = tn("nl", "evaluation.trend.empty", 3)
    assert empty in _page(app)
    _answer(app, "UBRAM002")
    assert empty in _page(app)
    _answer(app, "UZOE0003")
    page = _page(app, "UZOE0003")
    assert empty in page and "Meer tijd" not in page
    _answer(app, "UDAAN004")
    page = _page(app)
    line = tn("nl", "evaluation.trend.line", 3, date="28-08-2026", average_text="4,0", yes=2)
    assert line in page
    # The remarks, anonymous and in alphabetical (not answer) order, from the third answer on.
    assert "• Eerder beginnen\\n• Meer tijd voor de vraagronde" in page
    # The pulse lost its button once answered; a second answer is refused.
    app.idle()
    answered = _pulse(app, "UBRAM002")
    assert buttons(answered, ActionId.EVALUATION_OPEN) == []
    assert t("nl", "evaluation.thanks") in str(answered["blocks"])
    app.slack.click(
        "UBRAM002",
        action_id=ActionId.EVALUATION_OPEN,
        value=str(meeting_id),
        message={"ts": "1.0", "channel": "DUBRAM002"},
    )
    wait_response(app.fake, t("nl", "evaluation.already"))

    # Stored without the author: a random id, no person, no time; the invite says only "answered".
    assert "person_id" not in EvaluationResponse.__table__.columns
    with Session(db_engine) as session:
        scores = sorted(session.scalars(select(EvaluationResponse.score)).all())
        answered_ids = session.scalars(
            select(EvaluationInvite.person_id).where(EvaluationInvite.answered_at.is_not(None))
        ).all()
    assert scores == [3, 4, 5]
    assert sorted(answered_ids) == sorted(app.group.person_ids[u] for u in ANSWERS)

    # The next meeting's reminder shows the previous one's aggregate to the group.
    app.slack.command(CONTACT, "plan 1234 30-09-2026 14:00 2u Utrecht")
    wait_until(lambda: any("30-09-2026" in r for r in responses(app.fake)), what="the next meeting")
    app.clock.set(datetime(2026, 9, 30, 12, 0, tzinfo=UTC) - timedelta(days=2))
    assert dispatch_reminders(app.runtime.deps) == 6
    head = tn("nl", "evaluation.summary.head", 3, date="28-08-2026", average_text="4,0")
    reminder = wait_dm(app.fake, "UEMMA005", head)
    assert t("nl", "evaluation.summary.goal", yes=2, partly=1, no=0) in str(reminder["blocks"])
    # Remarks stay on the group's page; a reminder carries aggregates only.
    assert "Eerder beginnen" not in str(reminder["blocks"])


def test_fewer_than_three_answers_never_show_and_bad_answers_are_refused(
    agree_app: AgreeApp, db_engine: Engine
) -> None:
    app = agree_app
    _register_past_meeting(app)
    dispatch_evaluations(app.runtime.deps)
    view = open_by_click(
        app, "UEMMA005", _pulse(app, "UEMMA005"), ActionId.EVALUATION_OPEN, CallbackId.EVALUATION
    )
    missing = app.slack.submit("UEMMA005", view, {ActionId.EVALUATION_SCORE: "4"})
    assert missing.json["errors"] == {BlockId.EVALUATION_GOAL: t("nl", "evaluation.error.goal")}
    _answer(app, "UBRAM002")
    _answer(app, "UZOE0003")
    app.slack.command(CONTACT, "plan 1234 30-09-2026 14:00 2u")
    wait_until(lambda: any("30-09-2026" in r for r in responses(app.fake)), what="the meeting")
    app.clock.set(datetime(2026, 9, 28, 12, 0, tzinfo=UTC))
    dispatch_reminders(app.runtime.deps)
    reminder = wait_dm(app.fake, "UDAAN004", "Herinnering")
    assert "Evaluatie vorige bijeenkomst" not in str(reminder["blocks"])
    with Session(db_engine) as session:
        assert len(session.scalars(select(EvaluationResponse)).all()) == 2
    # Members of another group see nothing of this one.
    app.slack.command("UKARL011", "evaluatie 1234")
    wait_response(app.fake, t("nl", "evaluation.not_member", number=1234))
