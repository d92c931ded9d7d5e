"""Choosing a date together through Slack's front door: a poll with three moments answered by five
members (one changes an answer) with the live tally in everyone's DM, turned into a meeting by the
contact person's pick; the deadline's reminder and closing, once across processes; bad input."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from bot.devtools.fake_slack import FakeSlack
from bot.i18n import t, tn
from bot.jobs import dispatch_polls, periodic_jobs
from bot.server import Runtime
from handlers.ui.agreements_ids import ActionId, BlockId, CallbackId
from storage.models import DatePoll, Meeting, PollAnswer, PollStatus
from tests.support.agreements import (
    CONTACT,
    SIX,
    AgreeApp,
    agree_app,
    buttons,
    click,
    dms_with,
    open_by_command,
    start_app,
    wait_dm,
    wait_response,
)
from tests.support.app import RuntimeFactory
from tests.support.meetings import ics_files
from tests.support.wait import wait_until

__all__ = ["agree_app"]  # the fixture, imported so pytest finds it

TITLE = t("nl", "poll.title", number=1234, name="Vertrouwenspersonen 1234")
TITLE_EN = t("en", "poll.title", number=1234, name="Vertrouwenspersonen 1234")
SLOTS = "05-10-2026 14:00\n12-10-2026 14:00\n19-10-2026 19:30"
# The three moments in UTC (Amsterdam is on summer time, UTC+2, until 25-10-2026).
FIRST, SECOND, THIRD = (
    datetime(2026, 10, 5, 12, 0, tzinfo=UTC),
    datetime(2026, 10, 12, 12, 0, tzinfo=UTC),
    datetime(2026, 10, 19, 17, 30, tzinfo=UTC),
)


def _answers(engine: Engine) -> list[tuple[int, int, str]]:
    with Session(engine) as session:
        rows = session.scalars(select(PollAnswer)).all()
        return sorted((a.slot_id, a.person_id, a.answer.value) for a in rows)


def _wait_answers(engine: Engine, count: int) -> None:
    """A click is acked before it is handled: wait until `count` answers are stored."""
    wait_until(lambda: len(_answers(engine)) == count, what=f"{count} stored answers")


def _title(user: str) -> str:
    return TITLE_EN if user == "UENG0012" else TITLE


def _propose(app: AgreeApp, *, slots: str = SLOTS, deadline: str = "") -> dict[str, object]:
    view = open_by_command(app, CONTACT, "prik 1234", CallbackId.POLL)
    values = {ActionId.POLL_SLOTS: slots, ActionId.POLL_PLACE: "Utrecht"}
    if deadline:
        values[ActionId.POLL_DEADLINE] = deadline
    result = app.slack.submit(CONTACT, view, values)
    assert result.status == 200, result.text
    body: dict[str, object] = result.json
    return body


def _poll_dm(app: AgreeApp, user: str) -> dict[str, object]:
    return wait_dm(app.fake, user, _title(user))


def _slot_ids(dm: dict[str, object]) -> list[str]:
    return buttons(dm, ActionId.POLL_YES)  # type: ignore[arg-type]


def test_three_moments_answered_by_five_members_become_a_meeting(
    agree_app: AgreeApp, db_engine: Engine
) -> None:
    app = agree_app
    body = _propose(app)
    assert body["response_action"] == "update"
    assert tn("nl", "poll.sent", 6, deadline="08-09-2026 10:00") in str(body["view"])

    first, second, third = _slot_ids(_poll_dm(app, "UBRAM002"))
    # Five members answer every moment; Zoë changes her mind about the second.
    answers = {
        "UBRAM002": (ActionId.POLL_YES, ActionId.POLL_YES, ActionId.POLL_NO),
        "UZOE0003": (ActionId.POLL_NO, ActionId.POLL_NO, ActionId.POLL_YES),
        "UDAAN004": (ActionId.POLL_MAYBE, ActionId.POLL_YES, ActionId.POLL_NO),
        "UEMMA005": (ActionId.POLL_YES, ActionId.POLL_YES, ActionId.POLL_MAYBE),
        "UENG0012": (ActionId.POLL_NO, ActionId.POLL_YES, ActionId.POLL_YES),
    }
    for user, chosen in answers.items():
        dm = _poll_dm(app, user)
        for slot, action in zip((first, second, third), chosen, strict=True):
            click(app, user, dm, action, slot)
    _wait_answers(db_engine, 15)
    dm = _poll_dm(app, "UZOE0003")
    click(app, "UZOE0003", dm, ActionId.POLL_MAYBE, second)
    zoe_id = app.group.person_ids["UZOE0003"]
    wait_until(
        lambda: (int(second), zoe_id, "maybe") in _answers(db_engine), what="Zoë's new answer"
    )

    # Everyone's copy shows the live tally; each sees their own answers.
    tally = [
        t("nl", "poll.tally", yes=2, maybe=1, no=2),
        t("nl", "poll.tally", yes=4, maybe=1, no=0),
        t("nl", "poll.tally", yes=2, maybe=1, no=2),
    ]

    def final(user: str) -> bool:
        return all(line in str(_poll_dm(app, user)["blocks"]) for line in tally)

    for user in SIX[:-1]:
        wait_until(lambda u=user: final(u), timeout=15, what=f"the final tally for {user}")
        text = str(_poll_dm(app, user)["blocks"])
        assert tn("nl", "poll.answered", 6, answered=5) in text
    app.idle()
    english = str(_poll_dm(app, "UENG0012")["blocks"])
    assert t("en", "poll.tally", yes=4, maybe=1, no=0) in english
    assert t("en", "poll.yours", answer="Yes") in english
    zoe = str(_poll_dm(app, "UZOE0003")["blocks"])
    assert t("nl", "poll.yours", answer="Misschien") in zoe
    # Only the contact person's copy has the pick buttons, and names who has not answered.
    assert buttons(_poll_dm(app, "UBRAM002"), ActionId.POLL_PICK) == []
    anne = _poll_dm(app, CONTACT)
    assert buttons(anne, ActionId.POLL_PICK) == [first, second, third]
    assert "Anne de Vries" in str(anne["blocks"])  # she has not answered herself
    with Session(db_engine) as session:
        assert session.scalar(select(func.count()).select_from(PollAnswer)) == 15

    # The contact person picks the second moment: a meeting, planned the normal way.
    click(app, CONTACT, anne, ActionId.POLL_PICK, second)
    wait_response(app.fake, "Gepland: 12-10-2026 14:00")
    wait_until(lambda: all(ics_files(app.fake, u) for u in SIX), what="the .ics for everyone")
    with Session(db_engine) as session:
        [meeting] = session.scalars(select(Meeting)).all()
        poll = session.scalars(select(DatePoll)).one()
        assert meeting.starts_at == SECOND and meeting.duration_minutes == 120
        assert meeting.location == "Utrecht"
        assert poll.status is PollStatus.DECIDED and poll.meeting_id == meeting.id
    app.idle()
    decided = str(_poll_dm(app, "UBRAM002")["blocks"])
    assert "Gekozen:" in decided and buttons(_poll_dm(app, "UBRAM002"), ActionId.POLL_YES) == []

    # Answering a decided poll is refused; nothing changes.
    app.slack.click(
        "UDAAN004",
        action_id=ActionId.POLL_NO,
        value=second,
        message={"ts": "1.0", "channel": "DUDAAN004"},
    )
    wait_response(app.fake, t("nl", "poll.decided"))
    with Session(db_engine) as session:
        assert session.scalar(select(func.count()).select_from(PollAnswer)) == 15


def test_deadline_reminds_those_who_have_not_answered_then_closes_once(
    agree_app: AgreeApp, db_engine: Engine
) -> None:
    app = agree_app
    assert "date_polls" in [job.id for job in periodic_jobs(30)]
    _propose(app, deadline="20-09-2026")
    first = _slot_ids(_poll_dm(app, "UBRAM002"))[0]
    click(app, "UBRAM002", _poll_dm(app, "UBRAM002"), ActionId.POLL_YES, first)
    click(app, "UZOE0003", _poll_dm(app, "UZOE0003"), ActionId.POLL_NO, first)
    _wait_answers(db_engine, 2)
    deadline = datetime(2026, 9, 20, 21, 59, tzinfo=UTC)  # 23:59 in Amsterdam

    app.clock.set(deadline - timedelta(days=1, minutes=1))
    assert dispatch_polls(app.runtime.deps) == 0
    app.clock.set(deadline - timedelta(days=1))
    assert dispatch_polls(app.runtime.deps) == 1
    assert dispatch_polls(app.runtime.deps) == 0  # reminded once
    reminder = t(
        "nl",
        "poll.dm.reminder",
        number=1234,
        name="Vertrouwenspersonen 1234",
        deadline="20-09-2026 23:59",
    )
    for user in ("UDAAN004", "UEMMA005", CONTACT):
        wait_dm(app.fake, user, reminder)
    app.idle()
    assert dms_with(app.fake, "UBRAM002", reminder) == []
    assert dms_with(app.fake, "UZOE0003", reminder) == []

    app.clock.set(deadline)
    assert dispatch_polls(app.runtime.deps) == 1
    assert dispatch_polls(app.runtime.deps) == 0  # closed once
    closed = tn("nl", "poll.dm.closed", 6, answered=2, number=1234)
    closing = wait_dm(app.fake, CONTACT, closed)
    assert len(buttons(closing, ActionId.POLL_PICK)) == 3
    app.idle()
    assert t("nl", "poll.status.closed") in str(_poll_dm(app, "UDAAN004")["blocks"])

    # An answer after the deadline is refused and stores nothing.
    app.slack.click(
        "UDAAN004",
        action_id=ActionId.POLL_YES,
        value=first,
        message={"ts": "1.0", "channel": "DUDAAN004"},
    )
    wait_response(app.fake, t("nl", "poll.closed"))
    with Session(db_engine) as session:
        assert session.scalar(select(func.count()).select_from(PollAnswer)) == 2
    # The contact person can still pick from the closing DM.
    click(app, CONTACT, closing, ActionId.POLL_PICK, first)
    wait_response(app.fake, "Gepland: 05-10-2026 14:00")


def test_bad_input_names_the_problem_and_writes_nothing(
    agree_app: AgreeApp, db_engine: Engine
) -> None:
    app = agree_app
    one = _propose(app, slots="05-10-2026 14:00")
    assert one["response_action"] == "errors"
    assert one["errors"] == {BlockId.POLL_SLOTS: tn("nl", "poll.error.too_few", 2)}

    past = _propose(app, slots="05-10-2026 14:00\n31-08-2026 14:00")
    assert past["errors"] == {
        BlockId.POLL_SLOTS: t("nl", "poll.error.line_past", line=2, value="31-08-2026 14:00")
    }
    garbled = _propose(app, slots="05-10-2026 14:00\n31-02-2026 14:00")
    assert "Regel 2:" in str(garbled["errors"])
    late = _propose(app, slots=SLOTS, deadline="06-10-2026")
    assert late["errors"] == {BlockId.POLL_DEADLINE: t("nl", "poll.error.deadline_after_slot")}
    with Session(db_engine) as session:
        assert session.scalars(select(DatePoll)).all() == []
    # Only the contact person proposes moments.
    app.slack.command("UBRAM002", "prik 1234")
    wait_response(app.fake, t("nl", "group.not_manager", number=1234))


def test_two_processes_close_a_poll_once(
    make_runtime: RuntimeFactory, fake_slack: FakeSlack, clean_db: Engine
) -> None:
    app = start_app(make_runtime, fake_slack, clean_db)
    other = make_runtime(clock=app.clock)
    _propose(app, deadline="20-09-2026")
    app.clock.set(datetime(2026, 9, 21, 8, 0, tzinfo=UTC))
    barrier = threading.Barrier(4)
    counts: list[int] = []

    def dispatch(runtime: Runtime) -> None:
        barrier.wait()
        counts.append(dispatch_polls(runtime.deps))

    threads = [threading.Thread(target=dispatch, args=(r,)) for r in (app.runtime, other) * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sum(counts) == 1
    app.idle()
    other.outbox.wait_idle()
    assert (
        len(dms_with(app.fake, CONTACT, tn("nl", "poll.dm.closed", 6, answered=0, number=1234)))
        == 1
    )


def test_the_contact_person_withdraws_a_poll(agree_app: AgreeApp, db_engine: Engine) -> None:
    app = agree_app
    _propose(app)
    first = _slot_ids(_poll_dm(app, "UBRAM002"))[0]
    anne = _poll_dm(app, CONTACT)
    click(app, CONTACT, anne, ActionId.POLL_CANCEL)
    wait_response(app.fake, t("nl", "poll.cancelled_ok", number=1234))
    app.idle()
    assert t("nl", "poll.status.cancelled") in str(_poll_dm(app, "UBRAM002")["blocks"])
    assert buttons(_poll_dm(app, "UBRAM002"), ActionId.POLL_YES) == []
    click(
        app,
        "UBRAM002",
        {"ts": "1.0", "channel": "DUBRAM002", "blocks": anne["blocks"]},
        ActionId.POLL_YES,
        first,
    )
    wait_response(app.fake, t("nl", "poll.cancelled"))
    with Session(db_engine) as session:
        assert session.scalars(select(DatePoll.status)).one() is PollStatus.CANCELLED
        assert session.scalar(select(func.count()).select_from(PollAnswer)) == 0
