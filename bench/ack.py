"""Ack latency: `/intervisie help`, `/intervisie groepen` and an Approve click, signed and sent over
HTTP by 1, 10 and 50 concurrent clients, against a bare Bolt app on the same server stack (waitress,
same thread counts) that answers the same requests with a constant: the framework floor.

    python -m bench.ack                       # SQLite temp file
    python -m bench.ack --database-url postgresql+psycopg://…/intervisie_ackbench

The two servers are measured in alternating rounds so the machine's noise hits both. After each of
the app's rounds the bench waits until its listeners are done, so the floor is not measured while
the app is still working; the app's own acks do compete with its own listeners (that is the point).
Targets: median within 1.3× of the floor; p99 under 3 s at 50 concurrent clients.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing
import secrets
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from slack_bolt import Ack, App
from slack_sdk import WebClient
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session
from waitress.server import create_server

from bench._common import machine, median, ms, out, percentile, ratio
from bench.scale import ensure_database
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import http_request, sign
from bot.server import Runtime
from bot.settings import Settings, find_font
from bot.slack_http import slack_events_route
from bot.web import Router
from handlers.ui.groups_ids import ActionId
from storage.db import make_engine
from storage.migrate import upgrade_to_head
from storage.models import (
    Enrollment,
    EnrollmentStatus,
    Group,
    GroupForm,
    GroupKind,
    Person,
    Workspace,
)

SECRET = "bench-signing-secret"
TEAM = "T1"
ADMIN = "UADMIN01"
USERS = [f"UBENCH{n:03d}" for n in range(60)]
CREATED = datetime(2026, 1, 1, tzinfo=UTC)
LEVELS = (1, 10, 50)
PENDING_PER_GROUP = 9


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
    """Child process: the fake Slack Web API. Mints response URLs on request; Slack is another
    machine, so answering it must not take the app's CPU and interpreter lock."""
    fake = FakeSlack().start()
    for user in users:
        fake.add_user(user, real_name=f"Bench {user}")
    conn.send(fake.base_url)
    while True:
        message = conn.recv()
        if message[0] == "mint":
            conn.send([fake.new_response_url() for _ in range(int(message[1]))])
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


# ------------------------------------------------------------------ the two servers, in this process


def bare_app(api_url: str) -> App:
    """The floor: Bolt answering /intervisie and the Approve button with a constant."""
    app = App(
        signing_secret=SECRET,
        client=WebClient(token="xoxb-bench", base_url=api_url),
        process_before_response=False,
        raise_error_for_unhandled_request=False,
    )

    def command(ack: Ack) -> None:
        ack("ok")

    def approve(ack: Ack) -> None:
        ack()

    app.command("/intervisie")(command)
    app.action(ActionId.APPROVE)(approve)
    return app


class BareServer:
    """The bare Bolt app behind waitress, with the app's router and events route."""

    def __init__(self, app: App, *, threads: int) -> None:
        router = Router([slack_events_route(app, max_bytes=1024 * 1024, signing_secret=SECRET)])
        self.server: Any = create_server(router, host="127.0.0.1", port=0, threads=threads)
        self.thread = threading.Thread(target=self.server.run, name="bare-http", daemon=True)

    @property
    def port(self) -> int:
        """The listening port."""
        return int(self.server.effective_port)

    def start(self) -> None:
        """Serve in a daemon thread."""
        self.thread.start()

    def stop(self) -> None:
        """Close the listening socket (the daemon thread ends with the process)."""
        self.server.close()


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


def listeners_idle(runtime: Runtime, *, timeout: float = 60.0) -> None:
    """Wait until the app's listener pool has nothing queued or running."""
    executor: Any = runtime.app.listener_runner.listener_executor
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        threads = len(executor._threads)
        if executor._work_queue.empty() and executor._idle_semaphore._value >= threads:
            return
        time.sleep(0.01)


def main(argv: list[str] | None = None) -> None:
    """Start both servers, measure, print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--database-url", default="", help="default: a SQLite temp file")
    parser.add_argument("--rounds", type=int, default=4, help="rounds per server and cell")
    parser.add_argument(
        "--requests", type=int, default=40, help="requests per round (spread over the clients)"
    )
    parser.add_argument("--threads", type=int, default=16, help="HTTP threads of both servers")
    parser.add_argument(
        "--listener-threads",
        type=int,
        default=0,
        help="the app's listener threads (default: the setting's default)",
    )
    args = parser.parse_args(argv)

    tmp: tempfile.TemporaryDirectory[str] | None = None
    url = args.database_url
    if not url:
        tmp = tempfile.TemporaryDirectory(prefix="intervisie-ack-")
        url = f"sqlite:///{Path(tmp.name) / 'ack.db'}"
    ensure_database(url)
    engine = make_engine(url)
    dialect = engine.dialect.name
    if dialect == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    upgrade_to_head(engine)
    per_client = {c: max(1, args.requests // c) for c in LEVELS}
    approvals = sum(per_client[c] * c for c in LEVELS) * args.rounds + 10
    pending = iter(seed(engine, approvals))
    engine.dispose()

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

    settings = Settings(
        slack_bot_token="xoxb-bench",
        slack_signing_secret=SECRET,
        slack_api_url=api_url,
        database_url=url,
        host="127.0.0.1",
        port=0,
        public_url="http://intervisie.bench",
        admins=frozenset({ADMIN}),
        pdf_font_path=find_font(""),
        http_threads=args.threads,
        **({"listener_threads": args.listener_threads} if args.listener_threads else {}),
        delivery_poll_seconds=0.5,
    )
    runtime = Runtime(settings, start_scheduler=False)
    runtime.start()
    bare = BareServer(bare_app(api_url), threads=args.threads)
    bare.start()
    ports = {True: runtime.port, False: bare.port}

    def specs(name: str, clients: int, each: int, *, app: bool) -> list[list[Spec]]:
        count = clients * each
        if name == "Approve click":
            # Only the app's clicks decide a fresh pending request; the floor ignores the value.
            values = [str(next(pending)) if app else "0" for _ in range(count)]
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

    out(f"machine: {machine()}")
    out(
        f"database: {dialect}; {args.threads} HTTP threads, "
        f"{settings.listener_threads} listener threads; Slack and the clients in other processes"
    )
    # Warm both servers: users.info cache, Bolt's auth.test, statement caches.
    for is_app, port in ports.items():
        round_trip(port, specs("/intervisie help", len(USERS), 1, app=is_app))
        if is_app:
            listeners_idle(runtime)
    operations = ("/intervisie help", "/intervisie groepen", "Approve click")
    results: dict[tuple[str, int], Cell] = {}
    try:
        for level in LEVELS:
            for name in operations:
                cell = results.setdefault((name, level), Cell())
                for r in range(args.rounds * 2):
                    is_app = (r % 2 == 0) == (r // 2 % 2 == 0)  # app, floor, floor, app, …
                    batches = specs(name, level, per_client[level], app=is_app)
                    latencies, errors = round_trip(ports[is_app], batches)
                    (cell.app if is_app else cell.floor).extend(latencies)
                    cell.errors += errors
                    if is_app:
                        listeners_idle(runtime)
        runtime.outbox.wait_idle(timeout=60)
    finally:
        runtime.stop(timeout=10)
        bare.stop()
        load_conn.send(None)
        fake_conn.send(("stop",))
        calls, violations = fake_conn.recv()
        fake_process.join(10)
        load_process.join(10)
        if tmp is not None:
            tmp.cleanup()

    out(
        f"\n{'operation':<22} {'clients':>7} {'n':>5} {'app median':>11} {'floor median':>13}"
        f" {'ratio':>7} {'app p99':>11} {'floor p99':>11} {'errors':>6}"
    )
    for (name, level), cell in results.items():
        out(
            f"{name:<22} {level:>7} {len(cell.app):>5} {ms(median(cell.app)):>11}"
            f" {ms(median(cell.floor)):>13} {ratio(median(cell.app), median(cell.floor)):>7}"
            f" {ms(percentile(cell.app, 99)):>11} {ms(percentile(cell.floor, 99)):>11}"
            f" {cell.errors:>6}"
        )
    out(f"fake Slack answered {calls} calls; invalid payloads: {violations or 'none'}")


if __name__ == "__main__":
    main()
