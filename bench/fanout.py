"""Fan-out: N reminders fall due in the same minute, each for a member with their own DM channel;
the outbox delivers them within Slack's rate limit, none lost, none twice.

    python -m bench.fanout                          # 5,000 reminders, 100/s allowed, SQLite
    python -m bench.fanout --count 500 --rate 100   # quick

The fake Slack enforces the limit on chat.postMessage (429 with Retry-After beyond it), as Slack's
workspace tier does (scaled up from ~5/s so the run finishes in under a minute). Two runs side by
side on fresh data: the outbox with its token bucket set to the same limit, and without it (every
excess call is refused and retried after Retry-After).
"""

from __future__ import annotations

import argparse
import multiprocessing
import secrets
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from bench._common import machine, out
from bench.scale import ensure_database
from bot.devtools.fake_slack import FakeSlack
from bot.jobs import dispatch_reminders
from bot.server import Runtime
from bot.settings import Settings, find_font
from storage.db import make_engine
from storage.migrate import upgrade_to_head
from storage.models import (
    Base,
    Enrollment,
    EnrollmentStatus,
    Group,
    GroupForm,
    GroupKind,
    Meeting,
    MeetingStatus,
    Person,
    Reminder,
    ReminderKind,
    ReminderStatus,
    Workspace,
)

TEAM = "T1"
SECRET = "bench-signing-secret"
CREATED = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass
class Outcome:
    """What the fake Slack saw in one run."""

    label: str
    count: int
    delivered: int
    duplicates: int
    refused: int
    seconds: float
    rate: float


def serve_fake_slack(conn: Connection, rate: float, burst: int) -> None:
    """Child process: the fake Slack, rate-limited; sends its URL, then on request what it saw.

    It runs apart from the app so that answering Slack calls does not take the app's CPU (and
    interpreter lock): Slack is another machine, after all.
    """
    fake = FakeSlack().start()
    fake.rate_limit("chat.postMessage", rate, burst)
    conn.send(fake.base_url)
    conn.recv()  # "collect"
    posts = [
        (c.status, c.ok, str(c.response.get("channel")), c.at)
        for c in fake.calls_to("chat.postMessage", ok_only=False)
    ]
    conn.send(posts)
    fake.stop()


def user_id(n: int) -> str:
    """The Slack id of the n-th member."""
    return f"UFAN{n:06d}"


def reset_schema(engine: Engine) -> None:
    """An empty, migrated database."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    else:
        with engine.begin() as conn:
            for table in reversed(Base.metadata.sorted_tables):
                conn.execute(text(f"DROP TABLE IF EXISTS {table.name}"))
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    upgrade_to_head(engine)


def seed(engine: Engine, count: int, now: datetime) -> None:
    """`count` one-member groups, each with a meeting in two hours and its reminder due now."""
    with Session(engine) as session, session.begin():
        session.add(Workspace(team_id=TEAM, created_at=CREATED, active=True))
        session.flush()
        people = [
            Person(
                team_id=TEAM,
                slack_user_id=user_id(n),
                full_name=f"Lid {n}",
                locale="nl-NL",
                tz="Europe/Amsterdam",
                created_at=CREATED,
            )
            for n in range(count)
        ]
        session.add_all(people)
        session.flush()
        groups = [
            Group(
                team_id=TEAM,
                number=1001 + n,
                name=f"Groep {n}",
                form=GroupForm.ONLINE,
                kind=GroupKind.PEER,
                max_members=10,
                contact_person_id=person.id,
                calendar_token=secrets.token_urlsafe(16),
                created_at=CREATED,
            )
            for n, person in enumerate(people)
        ]
        session.add_all(groups)
        session.flush()
        session.add_all(
            Enrollment(
                group_id=group.id,
                person_id=group.contact_person_id,
                status=EnrollmentStatus.APPROVED,
                requested_at=CREATED,
                decided_at=CREATED,
            )
            for group in groups
        )
        meetings = [
            Meeting(
                group_id=group.id,
                uid=f"fanout-{group.id}@bench",
                starts_at=now + timedelta(hours=2),
                duration_minutes=120,
                status=MeetingStatus.PLANNED,
                created_at=CREATED,
                updated_at=CREATED,
            )
            for group in groups
        ]
        session.add_all(meetings)
        session.flush()
        # All due within the same minute.
        session.add_all(
            Reminder(
                meeting_id=meeting.id,
                kind=ReminderKind.BEFORE_MEETING,
                offset_minutes=120,
                due_at=now - timedelta(seconds=n % 60),
                status=ReminderStatus.PENDING,
            )
            for n, meeting in enumerate(meetings)
        )


def _pending(*, engine_url: str) -> bool:
    """Whether reminders or deliveries are still waiting to be sent."""
    engine = make_engine(engine_url)
    try:
        with engine.connect() as conn:
            reminders = conn.scalar(text("SELECT count(*) FROM reminder WHERE status = 'pending'"))
            deliveries = conn.scalar(
                text("SELECT count(*) FROM delivery WHERE status IN ('pending', 'sending')")
            )
    finally:
        engine.dispose()
    return bool(reminders or deliveries)


def run(
    url: str,
    *,
    count: int,
    rate: float,
    burst: int,
    limited: bool,
    timeout: float,
    workers: int,
) -> Outcome:
    """Seed, dispatch the due reminders as the scheduler job does, and wait for the outbox."""
    engine = make_engine(url)
    reset_schema(engine)
    now = datetime.now(UTC)
    seed(engine, count, now)
    engine.dispose()
    parent, child = multiprocessing.get_context("spawn").Pipe()
    process = multiprocessing.get_context("spawn").Process(
        target=serve_fake_slack, args=(child, rate, burst), daemon=True
    )
    process.start()
    base_url = str(parent.recv())
    # The outbox's own bucket is set a little under the fake's so rounding never crosses it.
    outbox_limits = (("chat.postMessage", rate * 0.98, burst),) if limited else ()
    settings = Settings(
        slack_bot_token="xoxb-bench",
        slack_signing_secret=SECRET,
        slack_api_url=base_url,
        database_url=url,
        host="127.0.0.1",
        port=0,
        public_url="http://intervisie.bench",
        pdf_font_path=find_font(""),
        delivery_poll_seconds=0.2,
        delivery_max_attempts=50,
        slack_rate_limits=outbox_limits,
        outbox_workers=workers,
        scheduler_poll_seconds=3600,
    )
    runtime = Runtime(settings, start_scheduler=False)
    runtime.start()
    started = time.monotonic()
    try:
        while dispatch_reminders(runtime.deps):
            pass
        deadline = started + timeout
        while time.monotonic() < deadline and _pending(engine_url=url):
            time.sleep(0.1)
        elapsed = time.monotonic() - started
    finally:
        runtime.stop(timeout=10)
        parent.send("collect")
        posts: list[tuple[int, bool, str, float]] = parent.recv()
        process.join(10)
    ok = [p for p in posts if p[1]]
    refused = sum(1 for p in posts if p[0] == 429)
    per_channel = Counter(p[2] for p in ok)
    span = (max(p[3] for p in ok) - min(p[3] for p in ok)) if len(ok) > 1 else 0.0
    return Outcome(
        label="outbox with token bucket" if limited else "outbox without bucket",
        count=count,
        delivered=len(per_channel),
        duplicates=sum(n - 1 for n in per_channel.values()),
        refused=refused,
        seconds=elapsed,
        rate=(len(ok) - 1) / span if span > 0 else 0.0,
    )


def main(argv: list[str] | None = None) -> None:
    """Run with and without the outbox's bucket; print counts and rates."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--database-url", default="", help="default: a SQLite temp file")
    parser.add_argument("--count", type=int, default=5000, help="reminders due at once")
    parser.add_argument("--rate", type=float, default=100.0, help="Slack's limit, calls/second")
    parser.add_argument("--burst", type=int, default=20, help="Slack's burst allowance")
    parser.add_argument("--workers", type=int, default=1, help="outbox sender threads")
    parser.add_argument("--timeout", type=float, default=90.0, help="seconds per run at most")
    parser.add_argument(
        "--compare", action="store_true", help="a second run without the outbox's bucket"
    )
    args = parser.parse_args(argv)
    tmp: tempfile.TemporaryDirectory[str] | None = None
    url = args.database_url
    if not url:
        tmp = tempfile.TemporaryDirectory(prefix="intervisie-fanout-")
        url = f"sqlite:///{Path(tmp.name) / 'fanout.db'}"
    ensure_database(url)
    out(f"machine: {machine()}")
    out(
        f"database: {make_engine(url).dialect.name}; {args.count} reminders due in one minute; "
        f"Slack allows chat.postMessage {args.rate:g}/s, burst {args.burst}; "
        f"{args.workers} outbox senders"
    )
    outcomes = []
    try:
        for limited in (True, False) if args.compare else (True,):
            outcomes.append(
                run(
                    url,
                    count=args.count,
                    rate=args.rate,
                    burst=args.burst,
                    limited=limited,
                    timeout=args.timeout,
                    workers=args.workers,
                )
            )
    finally:
        if tmp is not None:
            tmp.cleanup()
    out(
        f"\n{'run':<26} {'delivered':>9} {'lost':>5} {'twice':>5} {'429s':>6}"
        f" {'wall':>8} {'rate/s':>8} {'× limit':>8}"
    )
    for o in outcomes:
        out(
            f"{o.label:<26} {o.delivered:>9} {o.count - o.delivered:>5} {o.duplicates:>5}"
            f" {o.refused:>6} {o.seconds:>7.1f}s {o.rate:>8.1f} {o.rate / args.rate:>7.2f}×"
        )


if __name__ == "__main__":
    main()
