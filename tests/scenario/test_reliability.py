"""Issue 6, "nothing lost": every certificate the app owes arrives exactly once although Slack
answers 429 (Retry-After) and 500 to a good share of calls, times out mid-upload, or the process is
SIGKILLed mid-delivery; what the outbox gave up on is visible to the secretariat, who can queue it
again (once, however often the button is pressed)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from bot.clock import ManualClock
from bot.delivery import Outbox
from bot.devtools.fake_slack import FakeSlack, UploadedFile
from bot.devtools.slack_sim import SlackSim, http_request
from bot.notify import Renderers
from bot.server import Runtime
from bot.services.people import ensure_workspace
from bot.settings import Settings
from bot.slack_api import make_web_client, same_client
from handlers.ui.attendance_ui import member_action_id
from handlers.ui.outbox_ui import ActionId as OutboxActionId
from storage.db import make_session_factory, unit_of_work
from storage.models import AuditEvent, Certificate, Delivery, DeliveryKind, DeliveryStatus
from tests.support.app import RuntimeFactory
from tests.support.attendance import SeededGroup, add_meeting, seed_group
from tests.support.notes import install, owe_note_file
from tests.support.people import ADMIN, SIGNING_SECRET, TEAM
from tests.support.texts import opening, said, texts_in
from tests.support.wait import wait_until

TEN = (
    "UANNE001",
    "UBRAM002",
    "UZOE0003",
    "UDAAN004",
    "UEMMA005",
    "UFEMK006",
    "UGERT007",
    "UHANS008",
    "UINGE009",
    "UJOOS010",
)
# What the outbox uses for a certificate; a random fault on any of these is a delivery fault.
DELIVERY_METHODS = {
    "conversations.open",
    "conversations.history",
    "files.getUploadURLExternal",
    "files.completeUploadExternal",
    "chat.postMessage",
}


def hours_ago(hours: int) -> datetime:
    """A meeting start in the past on the real clock (the outbox retries on real time)."""
    return datetime.now(UTC).replace(microsecond=0) - timedelta(hours=hours)


def certificates_in(fake: FakeSlack, user_id: str) -> list[UploadedFile]:
    """Certificate PDFs uploaded and completed (shared) in a user's DM."""
    return [
        f
        for f in fake.uploaded_files()
        if f.completed and f.channel == "D" + user_id and f.filename.startswith("deelnamebewijs")
    ]


def file_messages(fake: FakeSlack, user_id: str) -> list[dict[str, Any]]:
    """Messages in the user's DM that show a file (what the member sees)."""
    return [m for m in fake.messages("D" + user_id) if m.get("files")]


def register_ten(sim: SlackSim, fake: FakeSlack, group: SeededGroup) -> None:
    """The contact person registers all ten members as present through the modal."""
    before = len(fake.opened_views("UANNE001"))
    sim.command("UANNE001", f"registreer {group.number}")
    fake.wait_for("views.open", count=before + 1)
    view = fake.opened_views("UANNE001")[-1]
    roles = {member_action_id(group.people[u]): "participant" for u in TEN}
    roles[member_action_id(group.people["UANNE001"])] = "facilitator"
    roles[member_action_id(group.people["UBRAM002"])] = "presenter"
    result = sim.submit("UANNE001", view, roles)
    assert result.status == 200
    assert result.json["response_action"] == "update", result.json


def describe_deliveries(engine: Engine) -> list[tuple[Any, ...]]:
    """Each delivery's state, for failure messages."""
    with Session(engine) as session:
        return [
            (d.id, d.status.value, d.attempts, d.last_error, str(d.next_attempt_at))
            for d in session.scalars(select(Delivery))
        ]


def delivery_counts(engine: Engine) -> dict[DeliveryStatus, int]:
    """How many file deliveries (the certificates) are in each state; the messages that go with
    a registration (the verslag question) are not what these tests count."""
    with Session(engine) as session:
        rows = session.execute(
            select(Delivery.status, func.count())
            .where(Delivery.kind == DeliveryKind.FILE)
            .group_by(Delivery.status)
        ).all()
    return {status: count for status, count in rows}


def assert_exactly_one_each(fake: FakeSlack) -> None:
    """Every member has exactly one certificate in their DM: none lost, none twice."""
    for user in TEN:
        assert len(certificates_in(fake, user)) == 1, (user, certificates_in(fake, user))
        assert len(file_messages(fake, user)) == 1, user


# ----------------------------------------------------------------------------- flaky Slack


@pytest.fixture
def flaky_app(make_runtime: RuntimeFactory) -> Runtime:
    """The app on the real clock (retries wait real seconds), with a short backoff and room for
    many attempts (Slack is very flaky here)."""
    return make_runtime(
        delivery_backoff_base_seconds=0.05,
        delivery_max_attempts=40,
    )


def test_ten_certificates_arrive_exactly_once_through_429s_and_500s(
    flaky_app: Runtime, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    """Durable delivery: with 20% of Slack's answers 429 (Retry-After 1 s) and 10% 500, a
    registration of ten members delivers exactly ten certificates, one per member."""
    sim = SlackSim(
        port=flaky_app.port, signing_secret=SIGNING_SECRET, fake=fake_slack, team_id=TEAM
    )
    group = seed_group(db_engine, members=TEN)
    add_meeting(db_engine, group_id=group.group_id, starts_at=hours_ago(3))
    fake_slack.fail_randomly(
        rate_429=0.2, rate_500=0.1, seed=6, methods=DELIVERY_METHODS, retry_after=1
    )
    register_ten(sim, fake_slack, group)

    wait_until(
        lambda: delivery_counts(db_engine).get(DeliveryStatus.SENT, 0) >= 10,
        timeout=60,
        what="ten certificates sent",
        explain=lambda: describe_deliveries(db_engine),
    )
    assert flaky_app.outbox.wait_idle(timeout=30)
    failures = [c for c in fake_slack.calls if c.status in (429, 500)]
    assert any(c.status == 429 for c in failures) and any(c.status == 500 for c in failures)
    assert_exactly_one_each(fake_slack)
    assert delivery_counts(db_engine) == {DeliveryStatus.SENT: 10}
    with Session(db_engine) as session:
        assert session.scalar(select(func.count()).select_from(Certificate)) == 10


def test_a_429_waits_for_retry_after_before_trying_again(
    flaky_app: Runtime, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    """Retries honour Retry-After: after a 429 with Retry-After 1 s the next try comes >= 1 s later."""
    sim = SlackSim(
        port=flaky_app.port, signing_secret=SIGNING_SECRET, fake=fake_slack, team_id=TEAM
    )
    group = seed_group(db_engine, members=TEN)
    add_meeting(db_engine, group_id=group.group_id, starts_at=hours_ago(3))
    fake_slack.fail_next("files.completeUploadExternal", status=429, retry_after=1)
    register_ten(sim, fake_slack, group)
    fake_slack.wait_for("files.completeUploadExternal", count=10, timeout=30)
    calls = fake_slack.calls_to("files.completeUploadExternal", ok_only=False)
    limited = next(c for c in calls if c.status == 429)
    channel = limited.body["channel_id"]
    retried = next(c for c in calls if c.ok and c.body["channel_id"] == channel)
    # Real time: the fake stamps calls with time.time(); backoff alone would be ~0.05 s.
    assert retried.at - limited.at >= 0.95
    assert_exactly_one_each(fake_slack)


# ----------------------------------------------------------------------------- the outbox alone

START = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


@pytest.fixture
def outbox(clean_db: Engine, settings: Settings) -> Iterator[tuple[Outbox, ManualClock]]:
    """An outbox on a manual clock with a 1-second Slack timeout and a text renderer."""
    clock = ManualClock(START)
    factory = make_session_factory(clean_db)
    box = Outbox(
        session_factory=factory,
        clients=same_client(make_web_client(settings, timeout=1)),
        clock=clock,
        renderers=install(Renderers()),
        settings=settings,
        max_attempts=5,
        backoff_base_seconds=1,
    )
    with unit_of_work(factory) as session:
        ensure_workspace(session, team_id="T1", now=START)
    yield box, clock
    box.stop()


def _owe_file(engine: Engine, key: str = "f1", user: str = "UANNE001") -> int:
    with unit_of_work(make_session_factory(engine)) as session:
        return owe_note_file(session, user_id=user, text="bewijs", now=START, key=key).id


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _status(engine: Engine, delivery_id: int) -> Delivery:
    with Session(engine) as session:
        row = session.get(Delivery, delivery_id)
        assert row is not None
        return row


def test_a_file_that_arrived_before_a_crash_is_not_uploaded_again(
    outbox: tuple[Outbox, ManualClock], clean_db: Engine, fake_slack: FakeSlack
) -> None:
    """SIGKILL after Slack shared the file but before the row was marked sent: the next worker
    finds the recorded file id in the DM history and sends nothing again."""
    box, clock = outbox
    delivery_id = _owe_file(clean_db)
    assert box.run_once() == 1
    assert len(file_messages(fake_slack, "UANNE001")) == 1
    with Session(clean_db) as session, session.begin():
        row = session.get(Delivery, delivery_id)
        assert row is not None
        assert row.payload["file_ids"] == [fake_slack.uploaded_files()[0].file_id]
        row.status = DeliveryStatus.SENDING  # as a process killed before _mark_sent leaves it
        row.lease_until = START + timedelta(minutes=1)
    clock.advance(timedelta(minutes=5))
    assert box.run_once() == 1
    assert len(fake_slack.calls_to("files.getUploadURLExternal")) == 1
    assert len(file_messages(fake_slack, "UANNE001")) == 1
    assert _status(clean_db, delivery_id).status is DeliveryStatus.SENT


def test_a_file_whose_upload_never_completed_is_uploaded_after_the_crash(
    outbox: tuple[Outbox, ManualClock], clean_db: Engine, fake_slack: FakeSlack
) -> None:
    """SIGKILL between the upload and its completion: Slack shows nothing, so the next worker
    uploads again, and the member gets exactly one file."""
    box, clock = outbox
    delivery_id = _owe_file(clean_db)
    fake_slack.fail_next("files.completeUploadExternal", status=500)
    box.run_once()  # uploaded, not completed; now pretend the process died right there
    with Session(clean_db) as session, session.begin():
        row = session.get(Delivery, delivery_id)
        assert row is not None
        row.status = DeliveryStatus.SENDING
        row.lease_until = START
    clock.advance(timedelta(minutes=5))
    assert box.run_once() == 1
    assert len(fake_slack.calls_to("files.getUploadURLExternal")) == 2
    assert len(file_messages(fake_slack, "UANNE001")) == 1
    assert [f.completed for f in fake_slack.uploaded_files()] == [False, True]
    assert _status(clean_db, delivery_id).status is DeliveryStatus.SENT


def test_a_completion_that_timed_out_but_took_effect_is_not_repeated(
    outbox: tuple[Outbox, ManualClock], clean_db: Engine, fake_slack: FakeSlack
) -> None:
    """An ambiguous failure (timeout) after Slack did complete the upload: the retry looks in the
    DM history first and does not share the file a second time."""
    box, clock = outbox
    delivery_id = _owe_file(clean_db)
    fake_slack.delay_next("files.completeUploadExternal", seconds=2.5)
    box.run_once()
    row = _status(clean_db, delivery_id)
    assert row.status is DeliveryStatus.PENDING and row.maybe_sent
    fake_slack.wait_for("files.completeUploadExternal", timeout=5)  # Slack finished it anyway
    clock.advance(timedelta(minutes=1))
    assert box.run_once() == 1
    assert len(fake_slack.calls_to("files.getUploadURLExternal")) == 1
    assert len(file_messages(fake_slack, "UANNE001")) == 1
    assert _status(clean_db, delivery_id).status is DeliveryStatus.SENT


def test_upload_step_failure_is_retried(
    outbox: tuple[Outbox, ManualClock], clean_db: Engine, fake_slack: FakeSlack
) -> None:
    """A 500 from the upload URL itself (urllib's HTTPError) is retried, not lost."""
    box, clock = outbox
    delivery_id = _owe_file(clean_db)
    fake_slack.fail_next("upload", status=500)
    box.run_once()
    assert _status(clean_db, delivery_id).status is DeliveryStatus.PENDING
    clock.advance(timedelta(minutes=1))
    box.run_once()
    assert _status(clean_db, delivery_id).status is DeliveryStatus.SENT
    assert len(file_messages(fake_slack, "UANNE001")) == 1


def test_backoff_grows_from_the_configured_base(
    outbox: tuple[Outbox, ManualClock], clean_db: Engine, fake_slack: FakeSlack
) -> None:
    """Retries back off: base * 2^(attempt-1) seconds, with jitter between half and full."""
    box, _clock = outbox
    delivery_id = _owe_file(clean_db)
    fake_slack.fail_next("conversations.open", status=503, count=3)
    for attempt in range(1, 4):
        assert box.run_once() == 1
        row = _status(clean_db, delivery_id)
        delay = (_utc(row.next_attempt_at) - START).total_seconds()
        assert 2 ** (attempt - 1) * 0.5 <= delay <= 2 ** (attempt - 1), (attempt, delay)
        with Session(clean_db) as session, session.begin():
            again = session.get(Delivery, delivery_id)
            assert again is not None
            again.next_attempt_at = START
    assert _status(clean_db, delivery_id).attempts == 3


# ----------------------------------------------------------------------------- secretariat


def test_failed_delivery_is_shown_to_the_secretariat_and_requeued_once(
    make_runtime: RuntimeFactory, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    """Visible failures: `/intervisie admin bezorging` lists what was given up (recipient, what,
    error, when); "Opnieuw proberen" queues it again once, even when clicked twice; members are
    refused."""
    app = make_runtime(delivery_max_attempts=2, delivery_backoff_base_seconds=0.05)
    install(app.deps.renderers)
    sim = SlackSim(port=app.port, signing_secret=SIGNING_SECRET, fake=fake_slack, team_id=TEAM)
    with unit_of_work(app.deps.session_factory) as session:
        ensure_workspace(session, team_id=TEAM, now=datetime.now(UTC))
        owe_note_file(session, user_id="UBRAM002", text="bewijs", now=datetime.now(UTC))
    fake_slack.fail_next("conversations.open", status=500, count=2)
    wait_until(
        lambda: delivery_counts(db_engine).get(DeliveryStatus.FAILED) == 1,
        timeout=15,
        what="the delivery to fail",
    )

    sim.command("UANNE001", "admin bezorging")
    refusal = fake_slack.wait_for("response_url")[-1]
    assert said("admin.only_secretariat") in texts_in(refusal.body)

    sim.command(ADMIN, "admin bezorging")
    overview = fake_slack.wait_for(
        "response_url",
        predicate=lambda c: said("admin.deliveries.title", total=1) in texts_in(c.body),
    )[-1]
    text = json.dumps(overview.body, ensure_ascii=False)
    assert "<@UBRAM002>" in text
    assert "bewijs.pdf" in text
    assert "gave up after 2 attempts" in text
    blocks = overview.body["blocks"]
    retry = next(
        b["accessory"]
        for b in blocks
        if b.get("accessory", {}).get("action_id") == OutboxActionId.RETRY_DELIVERY
    )
    message = {"ts": "1.0", "channel": "DUADMIN01", "blocks": blocks}

    # A member who got hold of the button cannot use it.
    sim.click("UANNE001", action_id=retry["action_id"], value=retry["value"], message=message)
    fake_slack.wait_for(
        "response_url", predicate=lambda c: said("admin.only_secretariat") in texts_in(c.body)
    )
    assert delivery_counts(db_engine).get(DeliveryStatus.FAILED) == 1

    # The retried attempt is slow (Slack lags), so the second click finds it in flight. (It then
    # fails again visibly: the certificate does not exist; what matters is one re-queue.)
    fake_slack.delay_next("conversations.open", seconds=2)
    for _ in range(2):
        sim.click(ADMIN, action_id=retry["action_id"], value=retry["value"], message=message)
    retried_text = opening("admin.deliveries.retried")
    not_failed = said("admin.deliveries.not_failed")
    fake_slack.wait_for("response_url", predicate=lambda c: retried_text in texts_in(c.body))
    fake_slack.wait_for(
        "response_url",
        predicate=lambda c: not_failed in texts_in(c.body) or retried_text in texts_in(c.body),
        count=2,
    )
    with Session(db_engine) as session:
        retried = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "delivery_retried")
        ).all()
        assert len(retried) == 1
        row = session.scalars(select(Delivery)).one()
        assert row.kind is DeliveryKind.FILE


def test_no_failed_deliveries_says_so(slack: SlackSim, fake_slack: FakeSlack) -> None:
    """The overview reassures the secretariat when nothing failed."""
    slack.command(ADMIN, "admin deliveries")
    answer = fake_slack.wait_for("response_url")[-1]
    assert said("admin.deliveries.empty") in texts_in(answer.body)


# ----------------------------------------------------------------------------- SIGKILL


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_app(
    database_url: str, fake_slack: FakeSlack, repo_root: Path, port: int, log: Path
) -> subprocess.Popen[bytes]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "SLACK_BOT_TOKEN": "xoxb-process-test",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake_slack.base_url,
        "DATABASE_URL": database_url,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "PUBLIC_URL": f"http://127.0.0.1:{port}",
        # The default lease (20 s, renewed while held): a crash must delay at most what was in
        # hand, with default settings.
        "INTERVISIE_DELIVERY_BACKOFF_BASE_SECONDS": "0.1",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot"],
        cwd=repo_root,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        # Its own process group: on PostgreSQL `serve` runs worker and listener processes
        # (bot/prefork.py), and a crash of the machine takes all of them at once.
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            if http_request(port, "GET", "/healthz").status == 200:
                return proc
        except OSError:
            pass
        assert proc.poll() is None, log.read_text()
        assert time.monotonic() < deadline, "the app did not come up"
        time.sleep(0.1)


def test_sigkill_mid_delivery_then_restart_delivers_each_certificate_exactly_once(
    database_url: str, clean_db: Engine, fake_slack: FakeSlack, repo_root: Path, tmp_path: Path
) -> None:
    """Killing the process (SIGKILL) while certificates are in flight loses nothing and
    duplicates nothing: a new process on the same database delivers exactly ten."""
    port = _free_port()
    log = tmp_path / "app.log"
    # Slack is slow: every completion takes 0.7 s, so deliveries are in flight when we kill.
    fake_slack.delay_next("files.completeUploadExternal", seconds=0.7, count=100)
    first = _start_app(database_url, fake_slack, repo_root, port, log)
    try:
        group = seed_group(clean_db, members=TEN)
        add_meeting(
            clean_db,
            group_id=group.group_id,
            starts_at=hours_ago(3),
        )
        sim = SlackSim(port=port, signing_secret=SIGNING_SECRET, fake=fake_slack, team_id=TEAM)
        register_ten(sim, fake_slack, group)
        fake_slack.wait_for("files.completeUploadExternal", count=3, timeout=30)
        # One more completion is on its way (the fake is sleeping on it) when the process dies.
        wait_until(
            lambda: len(fake_slack.calls_to("files.getUploadURLExternal")) >= 4,
            timeout=10,
            what="a fourth upload in flight",
        )
        time.sleep(0.3)  # the bytes are uploaded; completeUploadExternal is now in the fake's delay
        os.killpg(first.pid, signal.SIGKILL)  # the app and every process it started
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    counts = delivery_counts(clean_db)
    assert counts.get(DeliveryStatus.SENT, 0) < 10, counts  # the kill really was mid-delivery

    second = _start_app(database_url, fake_slack, repo_root, port, log)
    restarted = time.monotonic()
    try:
        wait_until(
            lambda: delivery_counts(clean_db).get(DeliveryStatus.SENT, 0) == 10,
            timeout=60,
            what="all ten certificates after the restart",
        )
        # The dead process held a batch; only its leases (not two minutes) stood in the way.
        assert time.monotonic() - restarted < 30
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(timeout=20)
    assert_exactly_one_each(fake_slack)
    assert delivery_counts(clean_db) == {DeliveryStatus.SENT: 10}
    # The one in flight at the kill had reached Slack: the new process found it and did not resend.
    assert "file had arrived before" in log.read_text()


def test_delivery_backoff_and_lease_are_configurable_from_the_environment() -> None:
    """Settings: INTERVISIE_DELIVERY_BACKOFF_BASE_SECONDS (default 2) and
    INTERVISIE_DELIVERY_LEASE_SECONDS (default 20), validated."""
    from bot.settings import SettingsError, from_env

    base = {
        "SLACK_BOT_TOKEN": "xoxb-x",
        "SLACK_SIGNING_SECRET": "s",
        "INTERVISIE_PDF_FONT": "",
    }
    defaults = from_env(base)
    assert defaults.delivery_backoff_base_seconds == 2.0
    assert defaults.delivery_lease_seconds == 20.0
    tuned = from_env(
        {
            **base,
            "INTERVISIE_DELIVERY_BACKOFF_BASE_SECONDS": "0.5",
            "INTERVISIE_DELIVERY_LEASE_SECONDS": "30",
        }
    )
    assert (tuned.delivery_backoff_base_seconds, tuned.delivery_lease_seconds) == (0.5, 30.0)
    for bad in ("soon", "0", "-1"):
        with pytest.raises(SettingsError, match="INTERVISIE_DELIVERY_BACKOFF_BASE_SECONDS"):
            from_env({**base, "INTERVISIE_DELIVERY_BACKOFF_BASE_SECONDS": bad})
