"""Reminders: DMs at the right instants (ManualClock), once even with two processes, after a
restart, never for cancelled or started meetings; attendance nudges to the contact person."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from bot.clock import ManualClock
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim
from bot.jobs import dispatch_reminders, periodic_jobs
from bot.server import Runtime
from bot.services.meeting_text import when, where
from handlers.ui.attendance_ui import ActionId as AttendanceAction
from handlers.ui.attendance_ui import CallbackId as AttendanceCallback
from handlers.ui.meetings_ui import ActionId
from storage.models import Delivery, Meeting, Reminder, ReminderStatus
from tests.support.meetings import (
    CONTACT,
    MEMBERS,
    START,
    MeetingApp,
    meeting_app,
    meetings_of,
    seed_group,
)
from tests.support.people import SIGNING_SECRET, TEAM
from tests.support.texts import opening, said, texts_in
from tests.support.wait import wait_until

__all__ = ["meeting_app"]  # the fixture, imported so pytest finds it

AMS = ZoneInfo("Europe/Amsterdam")
GROUP = {"number": 1234, "name": "Vertrouwenspersonen 1234"}
PLANNED = opening("meeting.planned_ok")
REMINDERS = (opening("reminder.dm.before"), opening("reminder.dm.before", "en"))
NUDGE = opening("reminder.dm.register")

# The meeting: 30-03-2026 09:00 in Amsterdam (summer time, 07:00 UTC), two hours.
MEETING_START = datetime(2026, 3, 30, 7, 0, tzinfo=UTC)
MEETING_END = MEETING_START + timedelta(hours=2)
TWO_DAYS_BEFORE = MEETING_START - timedelta(days=2)  # 28-03 08:00 winter time in Amsterdam
TWO_HOURS_BEFORE = MEETING_START - timedelta(hours=2)


def _plan(slack: SlackSim, fake: FakeSlack) -> None:
    slack.command(CONTACT, "plan 1234 30-03-2026 09:00 2u Utrecht")
    fake.wait_for("response_url", predicate=lambda c: PLANNED in texts_in(c.body))


def _reminder_dms(fake: FakeSlack, user: str) -> list[str]:
    texts = [str(m.get("text")) for m in fake.messages(user)]
    return [t for t in texts if t.startswith(REMINDERS)]


def _nudges(fake: FakeSlack) -> list[str]:
    return [
        str(m.get("text")) for m in fake.messages(CONTACT) if str(m.get("text")).startswith(NUDGE)
    ]


def _wait_reminders(fake: FakeSlack, count: int) -> None:
    wait_until(
        lambda: all(len(_reminder_dms(fake, u)) >= count for u in MEMBERS),
        what=f"{count} reminder(s) for every member",
    )


def test_reminders_and_nudges_fire_at_the_right_instants(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    app, clock, deps = meeting_app, meeting_app.clock, meeting_app.runtime.deps
    _plan(app.slack, fake_slack)
    [meeting] = meetings_of(db_engine, app.group.id)

    clock.set(TWO_DAYS_BEFORE - timedelta(seconds=1))
    assert dispatch_reminders(deps) == 0
    clock.set(TWO_DAYS_BEFORE)
    assert dispatch_reminders(deps) == len(MEMBERS)
    _wait_reminders(fake_slack, 1)
    reminder = said("reminder.dm.before", **GROUP, when=when(meeting, "nl", AMS))
    assert _reminder_dms(fake_slack, "UBRAM002")[0] == reminder + where(meeting, "nl")
    assert "09:00–11:00" in reminder
    assert dispatch_reminders(deps) == 0  # sent once
    # The English member in London reads it in English, in London time.
    london = when(meeting, "en", ZoneInfo("Europe/London"))
    assert "08:00–10:00" in london
    assert _reminder_dms(fake_slack, "UENG0012")[0].startswith(
        said("reminder.dm.before", "en", **GROUP, when=london)
    )

    clock.set(TWO_HOURS_BEFORE - timedelta(minutes=1))
    assert dispatch_reminders(deps) == 0
    clock.set(TWO_HOURS_BEFORE)
    assert dispatch_reminders(deps) == len(MEMBERS)
    _wait_reminders(fake_slack, 2)

    # After the end: the contact person (only) is asked to register attendance, again a day later.
    clock.set(MEETING_END - timedelta(minutes=1))
    assert dispatch_reminders(deps) == 0
    clock.set(MEETING_END)
    assert dispatch_reminders(deps) == 1
    wait_until(lambda: len(_nudges(fake_slack)) == 1, what="the first nudge")
    assert _nudges(fake_slack)[0] == said(
        "reminder.dm.register", **GROUP, when=when(meeting, "nl", AMS)
    )
    clock.set(MEETING_END + timedelta(days=1))
    assert dispatch_reminders(deps) == 1
    wait_until(lambda: len(_nudges(fake_slack)) == 2, what="the second nudge")
    clock.set(MEETING_END + timedelta(days=30))
    assert dispatch_reminders(deps) == 0  # then it stops
    meeting_app.runtime.outbox.wait_idle()
    assert len(_reminder_dms(fake_slack, "UBRAM002")) == 2
    # The nudge carries the button that opens the registration, right from the DM.
    nudge = next(m for m in fake_slack.messages(CONTACT) if str(m["text"]).startswith(NUDGE))
    button = nudge["blocks"][-1]["elements"][0]
    assert button["action_id"] == AttendanceAction.OPEN_REGISTRATION
    assert (
        app.slack.click(
            CONTACT, action_id=button["action_id"], value=button["value"], message=nudge
        ).status
        == 200
    )
    modal = fake_slack.wait_for("views.open")[-1].body["view"]
    assert modal["callback_id"] == AttendanceCallback.REGISTER
    assert not any(str(m.get("text")).startswith(NUDGE) for m in fake_slack.messages("UBRAM002"))


def test_no_nudge_once_attendance_is_registered(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    _plan(meeting_app.slack, fake_slack)
    with db_engine.begin() as conn:
        conn.execute(update(Meeting).values(attendance_registered_at=MEETING_END))
    meeting_app.clock.set(MEETING_END + timedelta(days=2))
    assert dispatch_reminders(meeting_app.runtime.deps) == 0
    assert _nudges(fake_slack) == []


def test_no_reminders_for_a_cancelled_meeting(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    _plan(meeting_app.slack, fake_slack)
    [meeting] = meetings_of(db_engine, meeting_app.group.id)
    meeting_app.slack.command(CONTACT, "bijeenkomsten 1234")
    title = said("meeting.list.title", **GROUP)
    listing = fake_slack.wait_for("response_url", predicate=lambda c: title in texts_in(c.body))[
        -1
    ].body
    meeting_app.slack.click(
        CONTACT,
        action_id=ActionId.CANCEL,
        value=str(meeting.id),
        message={"ts": "1.000100", "channel": "C0GENERAL", "blocks": listing["blocks"]},
    )
    wait_until(lambda: meetings_of(db_engine, meeting_app.group.id)[0].status.value == "cancelled")
    for instant in (
        TWO_DAYS_BEFORE,
        TWO_HOURS_BEFORE,
        MEETING_END,
        MEETING_END + timedelta(days=1),
    ):
        meeting_app.clock.set(instant)
        assert dispatch_reminders(meeting_app.runtime.deps) == 0
    meeting_app.runtime.outbox.wait_idle()
    assert _reminder_dms(fake_slack, "UBRAM002") == [] and _nudges(fake_slack) == []


def _start(make_runtime: Callable[..., Runtime], clock: ManualClock) -> Runtime:
    return make_runtime(clock=clock)


def _sim(runtime: Runtime, fake: FakeSlack) -> SlackSim:
    return SlackSim(port=runtime.port, signing_secret=SIGNING_SECRET, fake=fake, team_id=TEAM)


def test_reminders_survive_a_restart_and_stale_ones_are_not_sent(
    make_runtime: Callable[..., Runtime], fake_slack: FakeSlack, clean_db: Engine
) -> None:
    seed_group(clean_db)
    clock = ManualClock(START)
    first = _start(make_runtime, clock)
    _plan(_sim(first, fake_slack), fake_slack)
    first.outbox.wait_idle()
    first.stop()

    # Down while the 2-day reminder fell due; a new process on the same database sends it once.
    clock.set(TWO_DAYS_BEFORE + timedelta(hours=5))
    second = _start(make_runtime, clock)
    assert dispatch_reminders(second.deps) == len(MEMBERS)
    assert dispatch_reminders(second.deps) == 0
    _wait_reminders(fake_slack, 1)
    second.stop()

    # Down again until after the start: the 2-hour reminder is not sent any more.
    clock.set(MEETING_START + timedelta(minutes=10))
    third = _start(make_runtime, clock)
    assert dispatch_reminders(third.deps) == 0
    third.outbox.wait_idle()
    assert all(len(_reminder_dms(fake_slack, u)) == 1 for u in MEMBERS)
    with Session(clean_db) as session:
        skipped = session.scalars(
            select(Reminder.offset_minutes).where(Reminder.status == ReminderStatus.SKIPPED)
        ).all()
    assert skipped == [120]


def test_after_long_downtime_only_the_latest_due_reminder_is_sent(
    meeting_app: MeetingApp, fake_slack: FakeSlack
) -> None:
    _plan(meeting_app.slack, fake_slack)
    meeting_app.clock.set(TWO_HOURS_BEFORE + timedelta(minutes=30))  # both leads are due now
    assert dispatch_reminders(meeting_app.runtime.deps) == len(MEMBERS)
    meeting_app.runtime.outbox.wait_idle()
    _wait_reminders(fake_slack, 1)
    assert all(len(_reminder_dms(fake_slack, u)) == 1 for u in MEMBERS)


def test_two_processes_dispatching_at_once_send_each_reminder_once(
    make_runtime: Callable[..., Runtime], fake_slack: FakeSlack, clean_db: Engine
) -> None:
    seed_group(clean_db)
    clock = ManualClock(START)
    one = _start(make_runtime, clock)
    two = _start(make_runtime, clock)
    _plan(_sim(one, fake_slack), fake_slack)
    clock.set(TWO_DAYS_BEFORE)
    barrier = threading.Barrier(4)
    counts: list[int] = []
    lock = threading.Lock()

    def dispatch(runtime: Runtime) -> None:
        barrier.wait()
        n = dispatch_reminders(runtime.deps)
        with lock:
            counts.append(n)

    threads = [threading.Thread(target=dispatch, args=(r,)) for r in (one, two, one, two)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sum(counts) == len(MEMBERS)
    _wait_reminders(fake_slack, 1)
    one.outbox.wait_idle()
    two.outbox.wait_idle()
    assert all(len(_reminder_dms(fake_slack, u)) == 1 for u in MEMBERS)
    with Session(clean_db) as session:
        reminder_deliveries = session.scalar(
            select(func.count())
            .select_from(Delivery)
            .where(Delivery.dedupe_key.like("meeting_reminder:%"))
        )
    assert reminder_deliveries == len(MEMBERS)


def test_the_periodic_job_dispatches_through_the_runtime_name(
    meeting_app: MeetingApp, fake_slack: FakeSlack
) -> None:
    assert "reminders" in [job.id for job in periodic_jobs(30)]
    _plan(meeting_app.slack, fake_slack)
    meeting_app.clock.set(TWO_DAYS_BEFORE)
    dispatch_reminders(meeting_app.runtime.deps)
    _wait_reminders(fake_slack, 1)
