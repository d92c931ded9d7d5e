"""Ack latency: `/intervisie help`, `/intervisie groepen` and an Approve click, signed and sent over
HTTP by 1, 10 and 50 concurrent clients, against the app started the way production starts it
(`intervisie-bot serve`) and against a bare Bolt app that answers the same requests with a
constant behind the same HTTP stack (bench/floor.py): the framework floor. On SQLite both run
as one process (waitress); on PostgreSQL both run as N processes (gunicorn, gthread workers).

    python -m bench.ack                                   # SQLite only
    python -m bench.ack --database-url postgresql+psycopg://…/intervisie_ackbench   # wiped!
                                                          # SQLite, then PostgreSQL, one table each

Rounds alternate app, floor, floor, app, … so the machine's noise hits both. After each app round
the bench waits until the app has done what the requests asked (every answer posted to its
response_url, every approval written and its DMs sent), so the floor is never measured while the
app is still working; within a round the app's acks do compete with its own listeners (that is
the point). Target on PostgreSQL: median at most 1.0× the floor, p99 under 1 s.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from urllib.parse import urlencode

from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from bench._common import machine, median, ms, out, percentile, ratio
from bench.floor import SECRET
from bench.scale import ensure_database
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import http_request, sign
from handlers.ui.groups_ids import ActionId
from storage.db import make_engine
from storage.migrate import upgrade_to_head
from storage.models import (
    Delivery,
    DeliveryStatus,
    Enrollment,
    EnrollmentStatus,
    Group,
    GroupForm,
    GroupKind,
    Person,
    Workspace,
)

TEAM = "T1"
ADMIN = "UADMIN01"
USERS = [f"UBENCH{n:03d}" for n in range(60)]
CREATED = datetime(2026, 1, 1, tzinfo=UTC)
LEVELS = (1, 10, 50)
PENDING_PER_GROUP = 9
OPERATIONS = ("/intervisie help", "/intervisie groepen", "Approve click")
REPO = Path(__file__).resolve().parent.parent


@dataclass
class Cell:
    """Latencies of one operation at one concurrency, per server."""

    app: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)
    errors: int = 0


# ------------------------------------------------------------------ Slack's side, in other processes

# A request to send: ("command", user, text, response_url) or ("approve", user, enrollment_id).
Spec = tuple[str, str, str, str] | tuple[str, str, str]


def serve_fake_slack(conn: Connection, users: list[str]) -> None:
    """Child process: the fake Slack Web API. Mints response URLs and counts calls on request;
    Slack is another machine, so answering it must not take the app's CPU: it runs at a lower
    priority here (the response_url posts of the app's listeners are Slack's work, not ours)."""
    os.nice(10)
    fake = FakeSlack().start()
    for user in users:
        fake.add_user(user, real_name=f"Bench {user}")
    conn.send(fake.base_url)
    while True:
        message = conn.recv()
        if message[0] == "mint":
            conn.send([fake.new_response_url() for _ in range(int(message[1]))])
        elif message[0] == "count":
            conn.send(Counter(c.method for c in fake.calls))
        else:
            conn.send((len(fake.calls), list(fake.violations[:3])))
            fake.stop()
            return


def _body(spec: Spec) -> str:
    """The form body Slack would POST for the spec."""
    kind, user = spec[0], spec[1]
    if kind == "command":
        return urlencode(
            {
                "token": "legacy-unused",
                "team_id": TEAM,
                "team_domain": "bench",
                "channel_id": "C0GENERAL",
                "channel_name": "general",
                "user_id": user,
                "user_name": user.lower(),
                "command": "/intervisie",
                "text": spec[2],
                "api_app_id": "AINTERVISIE",
                "is_enterprise_install": "false",
                "response_url": spec[3],  # type: ignore[misc]
                "trigger_id": f"{secrets.token_hex(4)}.bench",
            }
        )
    payload = {
        "type": "block_actions",
        "team": {"id": TEAM, "domain": "bench"},
        "user": {"id": user, "username": user.lower(), "team_id": TEAM},
        "api_app_id": "AINTERVISIE",
        "token": "legacy-unused",
        "trigger_id": f"{secrets.token_hex(4)}.bench",
        "actions": [
            {
                "type": "button",
                "action_id": str(ActionId.APPROVE),
                "block_id": "actions",
                "value": spec[2],
                "action_ts": f"{time.time():.6f}",
            }
        ],
    }
    return urlencode({"payload": json.dumps(payload)})


def _send(port: int, spec: Spec) -> tuple[float, bool]:
    """Sign and POST one request; returns (seconds, ok)."""
    body = _body(spec)
    ts = str(int(time.time()))
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": sign(SECRET, ts, body),
    }
    started = time.perf_counter()
    try:
        result = http_request(port, "POST", "/slack/events", body=body.encode(), headers=headers)
        ok = result.status == 200
    except OSError:
        ok = False
    return time.perf_counter() - started, ok


def run_round(port: int, per_client: list[list[Spec]]) -> tuple[list[float], int]:
    """One thread per client, each sending its requests one after the other."""
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    start = threading.Barrier(len(per_client))

    def client(specs: list[Spec]) -> None:
        nonlocal errors
        start.wait()
        for spec in specs:
            elapsed, ok = _send(port, spec)
            with lock:
                latencies.append(elapsed)
                errors += 0 if ok else 1

    threads = [threading.Thread(target=client, args=(s,)) for s in per_client]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return latencies, errors


def load_generator(conn: Connection) -> None:
    """Child process: runs rounds of concurrent clients and reports their latencies."""
    while True:
        job = conn.recv()
        if job is None:
            return
        conn.send(run_round(*job))


# ------------------------------------------------------------------ data and servers


def reset(engine: Engine) -> None:
    """An empty, migrated database."""
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    upgrade_to_head(engine)


def seed(engine: Engine, pending: int) -> list[int]:
    """Groups with pending requests (direct inserts); returns the pending enrollment ids."""
    ids: list[int] = []
    with Session(engine) as session, session.begin():
        session.add(Workspace(team_id=TEAM, created_at=CREATED, active=True))
        session.flush()
        contact = Person(
            team_id=TEAM, slack_user_id="UCONTACT1", full_name="Contact", created_at=CREATED
        )
        session.add(contact)
        session.flush()
        groups = (pending + PENDING_PER_GROUP - 1) // PENDING_PER_GROUP
        serial = itertools.count(1)
        for g in range(groups):
            group = Group(
                team_id=TEAM,
                number=1001 + g,
                name=f"Bench {g}",
                region="Utrecht",
                form=GroupForm.ONLINE,
                kind=GroupKind.PEER,
                max_members=10,
                contact_person_id=contact.id,
                calendar_token=secrets.token_urlsafe(16),
                created_at=CREATED,
            )
            session.add(group)
            session.flush()
            session.add(
                Enrollment(
                    group_id=group.id,
                    person_id=contact.id,
                    status=EnrollmentStatus.APPROVED,
                    requested_at=CREATED,
                    decided_at=CREATED,
                )
            )
            for _ in range(PENDING_PER_GROUP):
                n = next(serial)
                person = Person(
                    team_id=TEAM,
                    slack_user_id=f"UREQ{n:05d}",
                    full_name=f"Aanvrager {n}",
                    created_at=CREATED,
                )
                session.add(person)
                session.flush()
                enrollment = Enrollment(
                    group_id=group.id,
                    person_id=person.id,
                    status=EnrollmentStatus.PENDING,
                    requested_at=CREATED,
                )
                session.add(enrollment)
                session.flush()
                ids.append(enrollment.id)
        workspace = session.get_one(Workspace, TEAM)
        workspace.last_group_number = 1000 + groups
    return ids


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_up(port: int, proc: subprocess.Popen[bytes], log: Path, what: str) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            http_request(port, "GET", "/healthz")
            return
        except OSError:
            pass
        if proc.poll() is not None:
            raise RuntimeError(f"{what} did not start:\n{log.read_text()[-3000:]}")
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not come up in 90 s")


def start_app(
    *, url: str, api_url: str, workers: int, threads: int, listeners: int, log: Path
) -> tuple[subprocess.Popen[bytes], int]:
    """`intervisie-bot serve` as production runs it (gunicorn on PostgreSQL, N workers)."""
    port = _free_port()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": api_url,
        "DATABASE_URL": url,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "PUBLIC_URL": "http://intervisie.bench",
        "INTERVISIE_ADMINS": ADMIN,
        "INTERVISIE_WORKERS": str(workers),
        "INTERVISIE_HTTP_THREADS": str(threads),
        "INTERVISIE_LISTENER_THREADS": str(listeners),
        "INTERVISIE_SLACK_RATE_LIMITS": "chat.postMessage=1000/1000",
        "LOG_LEVEL": "WARNING",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve"],
        cwd=REPO,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )
    _wait_up(port, proc, log, "the app")
    return proc, port


def start_floor(
    *, api_url: str, workers: int, threads: int, log: Path
) -> tuple[subprocess.Popen[bytes], int]:
    """The bare Bolt app on the same server stack (bench/floor.py)."""
    port = _free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bench.floor",
            f"--port={port}",
            f"--api-url={api_url}",
            f"--workers={workers}",
            f"--threads={threads}",
        ],
        cwd=REPO,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc, port
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"the floor did not start:\n{log.read_text()[-3000:]}") from None
            time.sleep(0.1)
    raise RuntimeError("the floor did not come up in 60 s")


def stop(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM, then wait (SIGKILL after 30 s)."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# ------------------------------------------------------------------ one database


@dataclass
class Section:
    """The figures of one database (one table of the output)."""

    title: str
    results: dict[tuple[str, int], Cell]
    calls: int
    violations: list[str]


def measure(
    url: str, *, workers: int, rounds: int, requests: int, threads: int, listeners: int
) -> Section:
    """Seed, start app and floor, run the rounds, stop; the figures of this database."""
    engine = make_engine(url)
    dialect = engine.dialect.name
    reset(engine)
    per_client = {c: max(1, requests // c) for c in LEVELS}
    approvals = sum(per_client[c] * c for c in LEVELS) * rounds + 10
    pending = iter(seed(engine, approvals))

    spawn = multiprocessing.get_context("spawn")
    fake_conn, fake_child = spawn.Pipe()
    fake_process = spawn.Process(
        target=serve_fake_slack, args=(fake_child, [ADMIN, *USERS]), daemon=True
    )
    fake_process.start()
    load_conn, load_child = spawn.Pipe()
    load_process = spawn.Process(target=load_generator, args=(load_child,), daemon=True)
    load_process.start()
    api_url = str(fake_conn.recv())
    logs = Path(tempfile.mkdtemp(prefix="intervisie-ack-logs-"))
    app, app_port = start_app(
        url=url,
        api_url=api_url,
        workers=workers,
        threads=threads,
        listeners=listeners,
        log=logs / "app.log",
    )
    floor, floor_port = start_floor(
        api_url=api_url, workers=workers, threads=threads, log=logs / "floor.log"
    )
    ports = {True: app_port, False: floor_port}
    approved = 0

    def specs(name: str, clients: int, each: int, *, is_app: bool) -> list[list[Spec]]:
        count = clients * each
        if name == "Approve click":
            # Only the app's clicks decide a fresh pending request; the floor ignores the value.
            values = [str(next(pending)) if is_app else "0" for _ in range(count)]
            flat: list[Spec] = [("approve", ADMIN, v) for v in values]
        else:
            fake_conn.send(("mint", count))
            urls: list[str] = fake_conn.recv()
            word = name.split()[-1]
            flat = [("command", USERS[i % len(USERS)], word, u) for i, u in enumerate(urls)]
        return [flat[i * each : (i + 1) * each] for i in range(clients)]

    def round_trip(port: int, batches: list[list[Spec]]) -> tuple[list[float], int]:
        load_conn.send((port, batches))
        result: tuple[list[float], int] = load_conn.recv()
        return result

    def app_idle(answers: int) -> None:
        """Until the app has answered `answers` response_urls, written every approval and sent
        what the outbox owes (its listeners and outbox are done)."""
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            fake_conn.send(("count",))
            seen: Counter[str] = fake_conn.recv()
            with engine.connect() as conn:
                decided = conn.scalar(
                    select(func.count(Enrollment.id)).where(
                        Enrollment.status == EnrollmentStatus.APPROVED,
                        Enrollment.person_id
                        != select(Person.id)
                        .where(Person.slack_user_id == "UCONTACT1")
                        .scalar_subquery(),
                    )
                )
                owed = conn.scalar(
                    select(func.count(Delivery.id)).where(
                        Delivery.status.in_([DeliveryStatus.PENDING, DeliveryStatus.SENDING])
                    )
                )
            if seen["response_url"] >= answers and decided == approved and not owed:
                return
            time.sleep(0.02)
        raise RuntimeError("the app did not finish its work in 120 s")

    answers = 0
    results: dict[tuple[str, int], Cell] = {}
    try:
        # Warm both servers: users.info cache, Bolt's auth.test, statement caches, every worker.
        for is_app, port in ports.items():
            for _ in range(2):
                round_trip(port, specs("/intervisie help", len(USERS), 1, is_app=is_app))
                if is_app:
                    answers += len(USERS)
                    app_idle(answers)
        for level in LEVELS:
            for name in OPERATIONS:
                cell = results.setdefault((name, level), Cell())
                for r in range(rounds * 2):
                    is_app = (r % 2 == 0) == (r // 2 % 2 == 0)  # app, floor, floor, app, …
                    batches = specs(name, level, per_client[level], is_app=is_app)
                    latencies, errors = round_trip(ports[is_app], batches)
                    (cell.app if is_app else cell.floor).extend(latencies)
                    cell.errors += errors
                    if is_app:
                        sent = sum(len(b) for b in batches)
                        if name == "Approve click":
                            approved += sent
                        else:
                            answers += sent
                        app_idle(answers)
    finally:
        stop(app)
        stop(floor)
        load_conn.send(None)
        fake_conn.send(("stop",))
        calls, violations = fake_conn.recv()
        fake_process.join(10)
        load_process.join(10)
        engine.dispose()
    processes = "one process" if workers == 1 else f"{workers} processes"
    title = (
        f"{dialect}: app (`intervisie-bot serve`) and floor each {processes}, "
        f"{threads} HTTP threads{' per process' if workers > 1 else ''}, "
        f"{listeners} listener threads"
    )
    return Section(title=title, results=results, calls=calls, violations=violations)


def report(section: Section) -> None:
    """One table: median and p99 per operation and concurrency, app against floor."""
    out(f"\n{section.title}")
    out(
        f"{'operation':<22} {'clients':>7} {'n':>5} {'app median':>11} {'floor median':>13}"
        f" {'ratio':>7} {'app p99':>11} {'floor p99':>11} {'errors':>6}"
    )
    for (name, level), cell in section.results.items():
        out(
            f"{name:<22} {level:>7} {len(cell.app):>5} {ms(median(cell.app)):>11}"
            f" {ms(median(cell.floor)):>13} {ratio(median(cell.app), median(cell.floor)):>7}"
            f" {ms(percentile(cell.app, 99)):>11} {ms(percentile(cell.floor, 99)):>11}"
            f" {cell.errors:>6}"
        )
    out(
        f"fake Slack answered {section.calls} calls; invalid payloads: {section.violations or 'none'}"
    )


def main(argv: list[str] | None = None) -> None:
    """SQLite (one process), then PostgreSQL (N processes) when a URL is given."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--database-url", default="", help="PostgreSQL (its schema is wiped)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="on PostgreSQL")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per server and cell")
    parser.add_argument(
        "--requests", type=int, default=40, help="requests per round (spread over the clients)"
    )
    parser.add_argument("--threads", type=int, default=16, help="HTTP threads of both servers")
    parser.add_argument("--listener-threads", type=int, default=64, help="the app's")
    parser.add_argument("--skip-sqlite", action="store_true", help="PostgreSQL only")
    args = parser.parse_args(argv)
    out(f"machine: {machine()}")
    sections = []
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory(prefix="intervisie-ack-") as tmp:
            sections.append(
                measure(
                    f"sqlite:///{Path(tmp) / 'ack.db'}",
                    workers=1,
                    rounds=args.rounds,
                    requests=args.requests,
                    threads=args.threads,
                    listeners=args.listener_threads,
                )
            )
            report(sections[-1])
    if args.database_url:
        url = args.database_url
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://") :]
        ensure_database(url)
        sections.append(
            measure(
                url,
                workers=args.workers,
                rounds=args.rounds,
                requests=args.requests,
                threads=args.threads,
                listeners=args.listener_threads,
            )
        )
        report(sections[-1])


if __name__ == "__main__":
    main()
