"""Issue 6, idempotency: a Slack event delivered again (X-Slack-Retry-Num) is acked and does
nothing; every button and modal decides once, whether clicked twice or raced from two windows
(approve against reject, a registration submitted twice, a plan submitted twice, cancel twice)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import HttpResult, SlackSim
from bot.server import Runtime
from bot.services.idempotency import claim_key, forget_old_keys
from handlers.ui.attendance_ui import member_action_id
from handlers.ui.groups_ids import ActionId as GroupActionId
from handlers.ui.groups_ids import CallbackId as GroupCallbackId
from handlers.ui.meetings_ui import ActionId as MeetingActionId
from handlers.ui.meetings_ui import CallbackId as MeetingCallbackId
from storage.db import make_session_factory, unit_of_work
from storage.models import (
    AuditEvent,
    Certificate,
    Enrollment,
    EnrollmentStatus,
    MeetingStatus,
    ProcessedEvent,
)
from tests.support import attendance as attendance_fixtures
from tests.support.app import RuntimeFactory
from tests.support.groups import (
    ask_to_join,
    button_value,
    create_group,
    dms_containing,
    request_message,
    wait_view,
)
from tests.support.meetings import (
    CONTACT,
    MEMBERS,
    MeetingApp,
    ics_files,
    latest_view,
    meeting_app,
    meetings_of,
)
from tests.support.texts import opening, said, texts_in
from tests.support.wait import wait_until

__all__ = ["meeting_app"]  # the fixture, imported so pytest finds it

# Listeners run after the ack; this is how long a listener that should do nothing gets to (not)
# do it before the test looks.
SETTLE = 0.5


def at_once(*actions: Callable[[], HttpResult]) -> list[HttpResult]:
    """Run the requests at the same moment (two windows, one double click) and return answers."""
    barrier = threading.Barrier(len(actions))
    results: list[HttpResult | None] = [None] * len(actions)

    def run(index: int, action: Callable[[], HttpResult]) -> None:
        barrier.wait()
        results[index] = action()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(r is not None for r in results)
    return [r for r in results if r is not None]


def count(engine: Engine, model: Any, *where: Any) -> int:
    """Rows of a model matching the conditions."""
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0


# ----------------------------------------------------------------------------- events


def _home_event(user: str) -> dict[str, Any]:
    return {
        "type": "app_home_opened",
        "user": user,
        "channel": "D" + user,
        "tab": "home",
        "event_ts": f"{time.time():.6f}",
    }


def test_a_retried_event_is_acked_and_not_processed_again(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    """Events idempotency: the same event_id delivered again with X-Slack-Retry-Num is answered
    200 and publishes nothing more; the event id is on record."""
    event = _home_event("UANNE001")
    assert slack.event(event, event_id="Ev0RETRY0001").status == 200
    fake_slack.wait_for("views.publish")
    for retry in (1, 2):
        assert slack.event(event, event_id="Ev0RETRY0001", retry_num=retry).status == 200
    time.sleep(SETTLE)
    assert len(fake_slack.calls_to("views.publish")) == 1
    assert count(db_engine, ProcessedEvent, ProcessedEvent.event_id == "Ev0RETRY0001") == 1
    # A new event (new id) is handled as usual.
    assert slack.event(event, event_id="Ev0RETRY0002").status == 200
    fake_slack.wait_for("views.publish", count=2)


def test_the_same_event_delivered_twice_at_once_is_processed_once(
    slack: SlackSim, fake_slack: FakeSlack
) -> None:
    """Events idempotency under a race: the original and Slack's retry arrive together."""
    event = _home_event("UBRAM002")
    results = at_once(
        lambda: slack.event(event, event_id="Ev0RACE00001"),
        lambda: slack.event(event, event_id="Ev0RACE00001", retry_num=1),
    )
    assert [r.status for r in results] == [200, 200]
    fake_slack.wait_for("views.publish")
    time.sleep(SETTLE)
    assert len(fake_slack.calls_to("views.publish")) == 1


def test_a_retried_uninstall_event_is_acked(slack: SlackSim, db_engine: Engine) -> None:
    """A redelivered app_uninstalled is acked 200 and recorded once."""
    event = {"type": "app_uninstalled"}
    assert slack.event(event, event_id="Ev0UNINST001").status == 200
    assert slack.event(event, event_id="Ev0UNINST001", retry_num=1).status == 200
    wait_until(
        lambda: count(db_engine, ProcessedEvent, ProcessedEvent.event_id == "Ev0UNINST001"),
        what="the event on record",
    )
    time.sleep(SETTLE)
    assert count(db_engine, ProcessedEvent) == 1


# ----------------------------------------------------------------------------- approve/reject

ANNE = "UANNE001"
DECIDED = (EnrollmentStatus.APPROVED, EnrollmentStatus.REJECTED)


def test_approve_and_reject_raced_from_two_windows_decide_once(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    """Buttons decide once: Anne has the reject modal open in one window and presses Accorderen
    in another at the same moment; exactly one decision is made and Bram gets one answer."""
    number = create_group(slack, fake_slack, ANNE, name="Twee vensters")
    ask_to_join(slack, fake_slack, "UBRAM002", number)
    msg = request_message(fake_slack, ANNE, "Bram Jansen")
    value = button_value(msg, GroupActionId.REJECT)
    slack.click(ANNE, action_id=GroupActionId.REJECT, value=value, message=msg)
    reject_modal = wait_view(fake_slack, ANNE, GroupCallbackId.REJECT)

    at_once(
        lambda: slack.submit(ANNE, reject_modal, {GroupActionId.REJECT_REASON: "Vol"}),
        lambda: slack.click(
            ANNE,
            action_id=GroupActionId.APPROVE,
            value=button_value(msg, GroupActionId.APPROVE),
            message=msg,
        ),
    )

    def decided() -> int:
        return count(
            db_engine,
            AuditEvent,
            AuditEvent.action.in_(("enrollment_approved", "enrollment_rejected")),
        )

    wait_until(decided, what="a decision")
    group = {"number": number, "name": "Twee vensters"}
    welcome = said("decision.welcome", **group, contact="Anne de Vries")
    rejected = said("decision.rejected", **group)
    wait_until(
        lambda: (
            dms_containing(fake_slack, "UBRAM002", welcome)
            or dms_containing(fake_slack, "UBRAM002", rejected)
        ),
        what="Bram's answer",
    )
    time.sleep(SETTLE)
    assert decided() == 1
    answers = dms_containing(fake_slack, "UBRAM002", welcome) + dms_containing(
        fake_slack, "UBRAM002", rejected
    )
    assert len(answers) == 1
    decisions = [
        s for s in (count(db_engine, Enrollment, Enrollment.status == st) for st in DECIDED) if s
    ]
    assert decisions == [2] or sorted(decisions) == [1, 1]  # Anne (approved) + Bram, once


# ----------------------------------------------------------------------------- registration

FIVE = ("UANNE001", "UBRAM002", "UZOE0003", "UDAAN004", "UEMMA005")


def test_a_registration_submitted_twice_at_once_issues_each_certificate_once(
    make_runtime: RuntimeFactory, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    """Modal submits decide once: the same registration submitted twice (double click, two
    windows) gives each present member one certificate and one PDF."""
    from datetime import UTC, datetime, timedelta

    from bot.clock import ManualClock
    from tests.support.people import SIGNING_SECRET, TEAM

    now = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    app: Runtime = make_runtime(clock=ManualClock(now))
    sim = SlackSim(port=app.port, signing_secret=SIGNING_SECRET, fake=fake_slack, team_id=TEAM)
    group = attendance_fixtures.seed_group(db_engine, members=FIVE)
    attendance_fixtures.add_meeting(
        db_engine, group_id=group.group_id, starts_at=now - timedelta(hours=6)
    )
    sim.command("UANNE001", "registreer 1001")
    fake_slack.wait_for("views.open")
    view = fake_slack.opened_views("UANNE001")[-1]
    roles = {member_action_id(group.people[u]): "participant" for u in FIVE}
    roles[member_action_id(group.people["UANNE001"])] = "facilitator"
    roles[member_action_id(group.people["UBRAM002"])] = "presenter"

    results = at_once(
        lambda: sim.submit("UANNE001", view, roles), lambda: sim.submit("UANNE001", view, roles)
    )
    assert [r.status for r in results] == [200, 200]
    fake_slack.wait_for("files.completeUploadExternal", count=5, timeout=20)
    assert app.outbox.wait_idle(timeout=10)
    assert count(db_engine, Certificate) == 5
    for user in FIVE:
        pdfs = [
            f
            for f in fake_slack.uploaded_files()
            if f.completed and f.channel == "D" + user and f.filename.endswith(".pdf")
        ]
        assert len(pdfs) == 1, user


# ----------------------------------------------------------------------------- plan and cancel


def test_a_plan_submitted_twice_at_once_plans_one_meeting(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    """The plan modal submitted twice (double click on Plannen) makes one meeting, and each
    member gets one invitation."""
    app = meeting_app
    app.slack.command(CONTACT, "plan")
    view = latest_view(fake_slack, CONTACT, MeetingCallbackId.MEETING)
    values: dict[str, Any] = {
        MeetingActionId.DATE: "30-03-2026",
        MeetingActionId.START: "09:00",
        MeetingActionId.PLACE: "Utrecht",
    }
    results = at_once(
        lambda: app.slack.submit(CONTACT, view, values),
        lambda: app.slack.submit(CONTACT, view, values),
    )
    assert [r.status for r in results] == [200, 200]
    assert all(not r.body or r.json.get("response_action") != "errors" for r in results)
    wait_until(lambda: all(ics_files(fake_slack, u) for u in MEMBERS), what="invitations")
    assert app.runtime.outbox.wait_idle(timeout=10)
    assert len(meetings_of(db_engine, app.group.id)) == 1
    for user in MEMBERS:
        assert len(ics_files(fake_slack, user)) == 1, user


def test_cancel_clicked_twice_at_once_cancels_once(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    """Bijeenkomst annuleren pressed twice (two windows): one cancellation, one notice each."""
    app = meeting_app
    app.slack.command(CONTACT, "plan 1234 30-03-2026 09:00 2u Utrecht")
    listing = wait_until(
        lambda: [
            c.body
            for c in fake_slack.calls_to("response_url")
            if opening("meeting.planned_ok") in texts_in(c.body.get("blocks"))
        ],
        what="the planned reply",
    )[-1]
    [meeting] = meetings_of(db_engine, app.group.id)
    wait_until(lambda: all(ics_files(fake_slack, u) for u in MEMBERS), what="invitations")
    message = {
        "ts": "1700000000.000100",
        "channel": "C0GENERAL",
        "text": listing.get("text", ""),
        "blocks": listing["blocks"],
    }
    at_once(
        *(
            lambda: app.slack.click(
                CONTACT,
                action_id=MeetingActionId.CANCEL,
                value=str(meeting.id),
                message=message,
            )
            for _ in range(2)
        )
    )
    wait_until(lambda: all(len(ics_files(fake_slack, u)) == 2 for u in MEMBERS), what="notices")
    assert app.runtime.outbox.wait_idle(timeout=10)
    time.sleep(SETTLE)
    [cancelled] = meetings_of(db_engine, app.group.id)
    assert cancelled.status is MeetingStatus.CANCELLED and cancelled.sequence == 1
    for user in MEMBERS:
        assert len(ics_files(fake_slack, user)) == 2, user
    assert count(db_engine, AuditEvent, AuditEvent.action == "meeting_cancelled") == 1


def test_idempotency_keys_are_forgotten_after_slack_can_no_longer_resend(
    db_engine: Engine, clean_db: Engine
) -> None:
    """processed_event does not grow forever: keys older than a week are dropped."""
    start = datetime(2026, 11, 1, tzinfo=UTC)
    factory = make_session_factory(db_engine)
    with unit_of_work(factory) as session:
        assert claim_key(session, key="Ev1", team_id="T1", now=start)
        assert not claim_key(session, key="Ev1", team_id="T1", now=start)
        assert claim_key(session, key="Ev2", team_id="T1", now=start + timedelta(days=6))
    with unit_of_work(factory) as session:
        assert forget_old_keys(session, now=start + timedelta(days=7, seconds=1)) == 1
        assert claim_key(session, key="Ev1", team_id="T1", now=start + timedelta(days=8))
        assert not claim_key(session, key="Ev2", team_id="T1", now=start + timedelta(days=8))
