"""Fan-out: reminders for many meetings fall due in the same minute and every member of each group
gets one; the outbox delivers them within Slack's rate limit, none lost, none twice, and the
bench prints how many DMs each second of CPU delivers.

    python -m bench.fanout                          # 5,000 DMs: 625 groups of 8, SQLite
    python -m bench.fanout --members 1              # 5,000 one-member groups (the worst case)
    python -m bench.fanout --count 1500 --rate 50 --compare   # within Slack's limit, and without
    python -m bench.fanout --database-url postgresql+psycopg://…/intervisie_fanout   # wiped!

The fake Slack (in a child process: Slack is another machine) enforces the limit on
chat.postMessage (429 with Retry-After beyond it), as Slack's workspace tier does; by default it
is raised far above Slack's real ~5/s so that the CPU, not the limit, is what is measured. CPU is
the app process's own (dispatching the reminders, rendering, the outbox, its HTTP client) and, on
a local PostgreSQL, the server's processes too.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
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
    """What the fake Slack saw in one run, and the CPU it took."""

    label: str
    count: int
    delivered: int
    duplicates: int
    refused: int
    seconds: float
    rate: float
    app_cpu: float
    db_cpu: float | None

    @property
    def per_cpu_second(self) -> float:
        """DMs delivered per second of the app's CPU."""
        return self.delivered / self.app_cpu if self.app_cpu > 0 else 0.0

    @property
    def per_cpu_second_with_db(self) -> float | None:
        """DMs delivered per second of the app's and the database server's CPU together."""
        if self.db_cpu is None:
            return None
        total = self.app_cpu + self.db_cpu
        return self.delivered / total if total > 0 else 0.0


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


def seed(engine: Engine, count: int, now: datetime, *, members: int = 1) -> None:
    """`count` members in groups of `members`, each group with a meeting in two hours and its
    reminder due now."""
    with Session(engine) as session, session.begin():
        session.add(Workspace(team_id=TEAM, created_at=CREATED, active=True))
        session.flush()
        people = [
            Person(
                team_id=TEAM,
                slack_user_id=user_id(n),
                full_name=f"Lid {n}",
                locale="en-GB" if n % 10 == 9 else "nl-NL",
                tz="Europe/Amsterdam",
                created_at=CREATED,
            )
            for n in range(count)
        ]
        session.add_all(people)
        session.flush()
        teams = [people[i : i + members] for i in range(0, count, members)]
        groups = [
            Group(
                team_id=TEAM,
                number=1001 + n,
                name=f"Groep {n}",
                form=GroupForm.ONLINE,
                kind=GroupKind.PEER,
                max_members=max(10, members),
                contact_person_id=team[0].id,
                calendar_token=secrets.token_urlsafe(16),
                created_at=CREATED,
            )
            for n, team in enumerate(teams)
        ]
        session.add_all(groups)
        session.flush()
        session.add_all(
            Enrollment(
                group_id=group.id,
                person_id=person.id,
                status=EnrollmentStatus.APPROVED,
                requested_at=CREATED,
                decided_at=CREATED,
            )
            for group, team in zip(groups, teams, strict=True)
            for person in team
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


def _pending(engine: Engine) -> bool:
    """Whether reminders or deliveries are still waiting to be sent."""
    with engine.connect() as conn:
        reminders = conn.scalar(text("SELECT count(*) FROM reminder WHERE status = 'pending'"))
        deliveries = conn.scalar(
            text("SELECT count(*) FROM delivery WHERE status IN ('pending', 'sending')")
        )
    return bool(reminders or deliveries)


def database_cpu(engine: Engine) -> float | None:
    """CPU seconds used so far by the PostgreSQL server behind the engine, when it runs on this
    machine: its postmaster (with the backends it has reaped) and its live processes. None for
    SQLite (it runs inside the app and is counted there) or a server elsewhere."""
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as conn:
        backend = int(conn.scalar(text("SELECT pg_backend_pid()")) or 0)
    try:
        postmaster = int(_stat(backend)[3])
        ticks = os.sysconf("SC_CLK_TCK")
        total = sum(int(x) for x in _stat(postmaster)[13:17])  # utime stime cutime cstime
        for entry in os.listdir("/proc"):
            if entry.isdigit() and int(entry) != postmaster:
                try:
                    fields = _stat(int(entry))
                except OSError:
                    continue
                if int(fields[3]) == postmaster:
                    total += int(fields[13]) + int(fields[14])
    except (OSError, ValueError, IndexError):
        return None
    return total / ticks


def _stat(pid: int) -> list[str]:
    """The fields of /proc/<pid>/stat after the command name (field 3 onwards, from index 2)."""
    raw = Path(f"/proc/{pid}/stat").read_text()
    return ["", "", *raw[raw.rindex(")") + 2 :].split()]


def run(
    url: str,
    *,
    count: int,
    members: int,
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
    seed(engine, count, now, members=members)
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
    db_before = database_cpu(engine)
    cpu_before = time.process_time()
    started = time.monotonic()
    try:
        while dispatch_reminders(runtime.deps):
            pass
        deadline = started + timeout
        while time.monotonic() < deadline and _pending(engine):
            time.sleep(0.2)
        elapsed = time.monotonic() - started
        app_cpu = time.process_time() - cpu_before
        db_after = database_cpu(engine)
    finally:
        runtime.stop(timeout=10)
        engine.dispose()
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
        app_cpu=app_cpu,
        db_cpu=db_after - db_before if db_after is not None and db_before is not None else None,
    )


def main(argv: list[str] | None = None) -> None:
    """Run with (and optionally without) the outbox's bucket; print counts, rates and CPU."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--database-url", default="", help="default: a SQLite temp file")
    parser.add_argument("--count", type=int, default=5000, help="DMs due at once (members)")
    parser.add_argument("--members", type=int, default=8, help="members per group")
    parser.add_argument("--rate", type=float, default=1000.0, help="Slack's limit, calls/second")
    parser.add_argument("--burst", type=int, default=100, help="Slack's burst allowance")
    parser.add_argument("--workers", type=int, default=1, help="outbox sender threads")
    parser.add_argument("--timeout", type=float, default=150.0, help="seconds per run at most")
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
    groups = -(-args.count // args.members)
    out(
        f"database: {make_engine(url).dialect.name}; {args.count} reminder DMs due in one minute "
        f"({groups} groups of {args.members}); Slack allows chat.postMessage {args.rate:g}/s, "
        f"burst {args.burst}; {args.workers} outbox senders"
    )
    outcomes = []
    try:
        for limited in (True, False) if args.compare else (True,):
            outcomes.append(
                run(
                    url,
                    count=args.count,
                    members=args.members,
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
        f" {'wall':>7} {'rate/s':>7} {'× limit':>7} {'app CPU':>8} {'DMs/CPU-s':>9}"
        f" {'+db CPU':>8} {'DMs/CPU-s':>9}"
    )
    for o in outcomes:
        with_db = o.per_cpu_second_with_db
        out(
            f"{o.label:<26} {o.delivered:>9} {o.count - o.delivered:>5} {o.duplicates:>5}"
            f" {o.refused:>6} {o.seconds:>6.1f}s {o.rate:>7.1f} {o.rate / args.rate:>6.2f}×"
            f" {o.app_cpu:>7.1f}s {o.per_cpu_second:>9.0f}"
            + (f" {o.db_cpu:>7.1f}s {with_db:>9.0f}" if with_db is not None and o.db_cpu else "")
        )
    out(
        "DMs/CPU-s: DMs delivered per second of CPU (the app's; then with the database "
        f"server's); this machine has {os.cpu_count()} cores. Target: at least 300."
    )


if __name__ == "__main__":
    main()
