"""Nothing is lost: every owed DM is recorded before it is sent, retried after 429 (honouring
Retry-After), 5xx and timeouts, given up visibly on permanent errors, and not sent twice after a
crash mid-send (the worker checks the DM's history for the delivery id first)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.clock import ManualClock
from bot.delivery import Outbox
from bot.devtools.fake_slack import FakeSlack
from bot.notify import Renderers
from bot.services.people import ensure_workspace
from bot.services.workspaces import deactivate_workspace
from bot.settings import Settings
from bot.slack_api import make_web_client, same_client
from storage.db import make_session_factory, unit_of_work
from storage.models import AuditEvent, Delivery, DeliveryStatus
from tests.support.notes import install, owe_note, owe_note_edit

START = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(START)


@pytest.fixture
def outbox(clean_db: Engine, settings: Settings, clock: ManualClock) -> Iterator[Outbox]:
    factory = make_session_factory(clean_db)
    box = Outbox(
        session_factory=factory,
        clients=same_client(make_web_client(settings, timeout=2)),
        clock=clock,
        renderers=install(Renderers()),
        settings=settings,
        max_attempts=4,
    )
    with unit_of_work(factory) as session:
        ensure_workspace(session, team_id="T1", now=START)
    yield box
    box.stop()


def _owe(outbox: Outbox, clean_db: Engine, user: str = "UANNE001", key: str = "") -> int:
    factory = make_session_factory(clean_db)
    with unit_of_work(factory) as session:
        return owe_note(session, user_id=user, text="Hallo", now=START, key=key).id


def _row(clean_db: Engine, delivery_id: int) -> Delivery:
    with unit_of_work(make_session_factory(clean_db)) as session:
        row = session.get(Delivery, delivery_id)
        assert row is not None
        return row


def test_a_dm_is_sent_once_and_marked_sent(
    outbox: Outbox, clean_db: Engine, fake_slack: FakeSlack
) -> None:
    delivery_id = _owe(outbox, clean_db)
    assert outbox.run_once() == 1
    assert outbox.run_once() == 0
    posts = fake_slack.calls_to("chat.postMessage")
    assert len(posts) == 1
    assert posts[0].body["channel"] == "UANNE001"
    assert posts[0].body["metadata"]["event_payload"]["delivery_id"] == delivery_id
    row = _row(clean_db, delivery_id)
    assert row.status is DeliveryStatus.SENT
    assert row.result_ts == fake_slack.messages("DUANNE001")[0]["ts"]
    assert row.result_channel == "DUANNE001"


def test_the_same_dedupe_key_is_recorded_once(outbox: Outbox, clean_db: Engine) -> None:
    first = _owe(outbox, clean_db, key="same")
    second = _owe(outbox, clean_db, key="same")
    assert first == second


def test_429_waits_for_retry_after_then_delivers(
    outbox: Outbox, clean_db: Engine, fake_slack: FakeSlack, clock: ManualClock
) -> None:
    delivery_id = _owe(outbox, clean_db)
    fake_slack.fail_next("chat.postMessage", status=429, retry_after=30)
    outbox.run_once()
    row = _row(clean_db, delivery_id)
    assert row.status is DeliveryStatus.PENDING
    assert row.next_attempt_at == START + timedelta(seconds=30)
    assert row.last_error == "ratelimited"
    clock.advance(timedelta(seconds=29))
    assert outbox.run_once() == 0  # not before Retry-After
    clock.advance(timedelta(seconds=1))
    assert outbox.run_once() == 1
    assert _row(clean_db, delivery_id).status is DeliveryStatus.SENT
    assert len(fake_slack.messages("DUANNE001")) == 1


def test_5xx_and_timeouts_back_off_and_retry(
    outbox: Outbox, clean_db: Engine, fake_slack: FakeSlack, clock: ManualClock
) -> None:
    delivery_id = _owe(outbox, clean_db)
    fake_slack.fail_next("chat.postMessage", status=503)
    outbox.run_once()
    row = _row(clean_db, delivery_id)
    assert row.status is DeliveryStatus.PENDING and row.next_attempt_at > START
    fake_slack.delay_next("chat.postMessage", seconds=3)  # the client times out after 2 s
    clock.set(row.next_attempt_at)
    outbox.run_once()
    row = _row(clean_db, delivery_id)
    assert row.status is DeliveryStatus.PENDING
    assert row.attempts == 2
    assert row.maybe_sent
    fake_slack.wait_for("chat.postMessage")  # the slow call completes at Slack
    clock.set(row.next_attempt_at)
    outbox.run_once()
    row = _row(clean_db, delivery_id)
    assert row.status is DeliveryStatus.SENT
    # The timed-out call landed at Slack after the client gave up: the retry must find it in the
    # DM's history instead of posting a second copy.
    assert len(fake_slack.messages("DUANNE001")) == 1


def test_a_permanent_error_fails_at_once_and_is_audited(
    outbox: Outbox, clean_db: Engine, fake_slack: FakeSlack
) -> None:
    delivery_id = _owe(outbox, clean_db)
    fake_slack.fail_next("chat.postMessage", error="account_inactive")
    outbox.run_once()
    row = _row(clean_db, delivery_id)
    assert row.status is DeliveryStatus.FAILED
    assert row.last_error == "account_inactive"
    with unit_of_work(make_session_factory(clean_db)) as session:
        events = session.scalars(select(AuditEvent).where(AuditEvent.action == "delivery_failed"))
        assert [e.details["delivery_id"] for e in events] == [delivery_id]


def test_gives_up_after_the_attempt_limit(
    outbox: Outbox, clean_db: Engine, fake_slack: FakeSlack, clock: ManualClock
) -> None:
    delivery_id = _owe(outbox, clean_db)
    fake_slack.fail_next("chat.postMessage", status=500, count=10)
    for _ in range(4):
        outbox.run_once()
        clock.advance(timedelta(hours=1))
    row = _row(clean_db, delivery_id)
    assert row.status is DeliveryStatus.FAILED
    assert row.attempts == 4
    assert "gave up after 4 attempts" in (row.last_error or "")


def test_after_a_crash_mid_send_the_message_is_not_sent_twice(
    outbox: Outbox, clean_db: Engine, fake_slack: FakeSlack, clock: ManualClock
) -> None:
    delivery_id = _owe(outbox, clean_db)
    outbox.run_once()
    assert len(fake_slack.messages("DUANNE001")) == 1
    # Simulate a process killed after Slack accepted the message but before it was marked sent.
    with unit_of_work(make_session_factory(clean_db)) as session:
        row = session.get(Delivery, delivery_id)
        assert row is not None
        row.status = DeliveryStatus.SENDING
        row.lease_until = START + timedelta(minutes=1)
    clock.advance(timedelta(minutes=5))
    assert outbox.run_once() == 1
    assert len(fake_slack.messages("DUANNE001")) == 1
    assert _row(clean_db, delivery_id).status is DeliveryStatus.SENT


def test_a_crash_before_slack_got_it_is_sent_after_the_lease(
    outbox: Outbox, clean_db: Engine, fake_slack: FakeSlack, clock: ManualClock
) -> None:
    delivery_id = _owe(outbox, clean_db)
    with unit_of_work(make_session_factory(clean_db)) as session:
        row = session.get(Delivery, delivery_id)
        assert row is not None
        row.status = DeliveryStatus.SENDING
        row.lease_until = START + timedelta(minutes=2)
    assert outbox.run_once() == 0  # someone else holds the lease
    clock.advance(timedelta(minutes=3))
    assert outbox.run_once() == 1
    assert len(fake_slack.messages("DUANNE001")) == 1


def test_an_update_edits_the_message_in_place(
    outbox: Outbox, clean_db: Engine, fake_slack: FakeSlack
) -> None:
    _owe(outbox, clean_db)
    outbox.run_once()
    original = fake_slack.messages("DUANNE001")[0]
    with unit_of_work(make_session_factory(clean_db)) as session:
        owe_note_edit(session, user_id="UANNE001", of_text="Hallo", text="Bijgewerkt", now=START)
    outbox.run_once()
    message = fake_slack.messages("DUANNE001")[0]
    assert message["ts"] == original["ts"]
    assert message["text"] == "Bijgewerkt"
    assert message["updated"] == 1


def test_the_worker_thread_delivers_right_after_commit(
    outbox: Outbox, clean_db: Engine, fake_slack: FakeSlack
) -> None:
    outbox.start()
    _owe(outbox, clean_db)
    fake_slack.wait_for("chat.postMessage", timeout=5)
    assert outbox.wait_idle(timeout=5)


def test_a_delivery_cancelled_while_in_flight_is_not_brought_back(
    outbox: Outbox, clean_db: Engine, fake_slack: FakeSlack, clock: ManualClock
) -> None:
    delivery_id = _owe(outbox, clean_db)
    fake_slack.fail_next("chat.postMessage", status=503)
    claims = outbox._claim()
    # The workspace is uninstalled while the attempt is under way.
    with unit_of_work(make_session_factory(clean_db)) as session:
        deactivate_workspace(session, team_id="T1", now=START)
    outbox._send(claims[0])
    assert _row(clean_db, delivery_id).status is DeliveryStatus.CANCELLED
    clock.advance(timedelta(hours=1))
    assert outbox.run_once() == 0
    assert fake_slack.messages("DUANNE001") == []


def test_a_dm_needs_no_conversations_open_and_its_channel_is_remembered(
    outbox: Outbox, clean_db: Engine, fake_slack: FakeSlack
) -> None:
    """The first DM to someone goes to their user id; the DM channel Slack answers with is
    used for the next ones and kept in the row, so a fan-out is one Slack call per DM."""
    for key in ("a", "b", "c"):
        _owe(outbox, clean_db, key=key)
    _owe(outbox, clean_db, user="UBRAM002", key="d")
    while outbox.run_once():
        pass
    assert len(fake_slack.messages("DUANNE001")) == 3
    assert len(fake_slack.messages("DUBRAM002")) == 1
    assert fake_slack.calls_to("conversations.open") == []
    posted_to = [c.body["channel"] for c in fake_slack.calls_to("chat.postMessage")]
    assert sorted(posted_to) == ["DUANNE001", "DUANNE001", "UANNE001", "UBRAM002"]
    with Session(clean_db) as session:
        channels = {row.result_channel for row in session.scalars(select(Delivery))}
    assert channels == {"DUANNE001", "DUBRAM002"}
