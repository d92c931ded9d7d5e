"""Load: 50 concurrent users typing commands, pressing buttons and opening the App Home while 100
certificates are rendered and delivered, against the real app (in-process, HTTP on loopback) and
the fake Slack. Prints the ack latency percentiles (p50/p90/p99/max) per kind of request and in
all; the promise is that every request is acked within 3 s.

    python -m bench.load                                   # SQLite temp file
    python -m bench.load --database-url postgresql+psycopg://…/intervisie_loadbench
    python -m bench.load --users 20 --requests 5 --seconds 60

Bounded: each user sends --requests requests, the run stops after --seconds at the latest, and it
only talks to 127.0.0.1. The database given with --database-url is wiped first (use a scratch one).
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import random
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session
from tests.attendance_fixtures import SeededGroup, add_meeting, seed_group

from bench._common import machine, out, percentile
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import HttpResult, SlackSim
from bot.server import Runtime
from bot.settings import Settings, find_font
from handlers.ui.attendance_ui import member_action_id
from handlers.ui.groups_ids import ActionId as GroupActionId
from storage.db import make_engine
from storage.migrate import upgrade_to_head
from storage.models import Delivery, DeliveryStatus

SECRET = "load-bench-signing-secret"
TEAM = "T1"
GROUPS = 10
MEMBERS_PER_GROUP = 10  # 10 groups x 10 present members = 100 certificates
ACK_LIMIT = 3.0


def _users() -> list[list[str]]:
    return [[f"UL{g:02d}{m:02d}" for m in range(MEMBERS_PER_GROUP)] for g in range(GROUPS)]


def _prepare_database(url: str) -> None:
    engine = make_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    upgrade_to_head(engine)
    engine.dispose()


def _seed(engine: Engine) -> list[SeededGroup]:
    started = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=3)
    groups = []
    for index, members in enumerate(_users()):
        group = seed_group(engine, members=members, number=3000 + index, name=f"Load {index}")
        add_meeting(engine, group_id=group.group_id, starts_at=started)
        groups.append(group)
    return groups


class Recorder:
    """Ack latencies per kind of request (thread-safe)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        # Requests sent while certificates were still being rendered and delivered.
        self.during_delivery = 0

    def record(self, kind: str, result: HttpResult | None, elapsed: float) -> None:
        with self.lock:
            self.latencies[kind].append(elapsed)
            if result is None or result.status != 200:
                self.errors[kind] += 1

    def timed(self, kind: str, send: Callable[[], HttpResult]) -> HttpResult | None:
        started = time.monotonic()
        result: HttpResult | None = None
        try:
            result = send()
        except OSError:
            result = None
        self.record(kind, result, time.monotonic() - started)
        return result


def _register_all(
    sim: SlackSim, fake: FakeSlack, groups: list[SeededGroup], recorder: Recorder
) -> None:
    """Each contact person registers their meeting: 10 present members per group.

    Under load the modal may not open: Slack's trigger_id lives 3 s, and the listener that calls
    views.open can be queued behind other users' work for longer. The contact person then types
    the command again (counted as "registreer retried").
    """
    for group in groups:
        contact = next(iter(group.people))
        view = None
        for attempt in range(5):
            before = len(fake.opened_views(contact))
            recorder.timed(
                "command registreer" if attempt == 0 else "registreer retried",
                functools.partial(sim.command, contact, f"registreer {group.number}"),
            )
            wait_until = time.monotonic() + 6
            while len(fake.opened_views(contact)) <= before and time.monotonic() < wait_until:
                time.sleep(0.02)
            if len(fake.opened_views(contact)) > before:
                view = fake.opened_views(contact)[-1]
                break
        if view is None:
            continue
        users = list(group.people)
        roles = {member_action_id(group.people[u]): "participant" for u in users}
        roles[member_action_id(group.people[users[0]])] = "facilitator"
        roles[member_action_id(group.people[users[1]])] = "presenter"
        recorder.timed("submit registration", functools.partial(sim.submit, contact, view, roles))


def _user_load(
    sim: SlackSim,
    user: str,
    requests: int,
    deadline: float,
    recorder: Recorder,
    seed: int,
    delivering: threading.Event,
) -> None:
    """At least `requests` requests, and more (up to 5x) while certificates are still going out."""
    rng = random.Random(seed)
    page = json.dumps({"q": "", "p": 1})
    actions: list[tuple[str, Callable[[], HttpResult]]] = [
        ("command help", lambda: sim.command(user, "help")),
        ("command groepen", lambda: sim.command(user, "groepen")),
        ("command uren", lambda: sim.command(user, "uren")),
        ("command bewijzen", lambda: sim.command(user, "bewijzen")),
        (
            "click directory page",
            lambda: sim.click(
                user,
                action_id=GroupActionId.DIRECTORY_NEXT,
                value=page,
                message={"ts": "1.0", "channel": "C0GENERAL", "blocks": []},
            ),
        ),
        ("event app_home_opened", lambda: sim.open_home(user)),
    ]
    for count in range(requests * 5):
        if time.monotonic() > deadline or (count >= requests and not delivering.is_set()):
            return
        kind, send = rng.choice(actions)
        recorder.timed(kind, send)
        if delivering.is_set():
            with recorder.lock:
                recorder.during_delivery += 1
        time.sleep(rng.uniform(0.0, 0.2))  # users think a little between clicks


def _sent(engine: Engine) -> int:
    with Session(engine) as session:
        return (
            session.scalar(
                select(func.count())
                .select_from(Delivery)
                .where(Delivery.status == DeliveryStatus.SENT)
            )
            or 0
        )


def _report(recorder: Recorder) -> bool:
    everything: list[float] = []
    out(f"{'request':<24} {'n':>5} {'p50':>9} {'p90':>9} {'p99':>9} {'max':>9} {'errors':>6}")
    for kind in sorted(recorder.latencies):
        values = recorder.latencies[kind]
        everything.extend(values)
        out(_line(kind, values, recorder.errors.get(kind, 0)))
    out(_line("ALL", everything, sum(recorder.errors.values())))
    slow = sum(1 for v in everything if v > ACK_LIMIT)
    out(f"acked within {ACK_LIMIT:.0f} s: {len(everything) - slow}/{len(everything)}")
    return slow == 0 and not any(recorder.errors.values())


def _line(kind: str, values: list[float], errors: int) -> str:
    def ms(q: float) -> str:
        return f"{percentile(values, q) * 1000:7.1f}ms"

    top = f"{max(values) * 1000:7.1f}ms" if values else "      -"
    return f"{kind:<24} {len(values):>5} {ms(50):>9} {ms(90):>9} {ms(99):>9} {top:>9} {errors:>6}"


def run(
    *,
    database_url: str,
    users: int,
    requests: int,
    seconds: float,
    http_threads: int = 16,
    listener_threads: int = 16,
) -> bool:
    """Run the load once; True when every request was acked (200) within 3 s."""
    _prepare_database(database_url)
    deadline = time.monotonic() + seconds
    with FakeSlack(team_id=TEAM) as fake:
        all_users = [u for group in _users() for u in group]
        for user in all_users:
            fake.add_user(user, real_name=f"Lid {user[2:]}")
        settings = Settings(
            slack_bot_token="xoxb-load-bench",
            slack_signing_secret=SECRET,
            slack_api_url=fake.base_url,
            database_url=database_url,
            host="127.0.0.1",
            port=0,
            public_url="http://intervisie.bench",
            pdf_font_path=find_font(""),
            delivery_poll_seconds=0.2,
            scheduler_poll_seconds=3600,
            http_threads=http_threads,
            listener_threads=listener_threads,
        )
        runtime = Runtime(settings)
        runtime.start()
        engine = make_engine(database_url)
        try:
            groups = _seed(engine)
            sim = SlackSim(port=runtime.port, signing_secret=SECRET, fake=fake, team_id=TEAM)
            recorder = Recorder()
            out(f"machine: {machine()}")
            out(
                f"database: {engine.dialect.name}; http threads {http_threads}, listener threads "
                f"{listener_threads}; {users} users x {requests}+ requests while "
                f"{GROUPS * MEMBERS_PER_GROUP} certificates are rendered and delivered"
            )
            started = time.monotonic()
            target = GROUPS * MEMBERS_PER_GROUP
            delivering = threading.Event()
            delivering.set()

            def watch() -> None:
                while _sent(engine) < target and time.monotonic() < deadline:
                    time.sleep(0.2)
                delivering.clear()

            watcher = threading.Thread(target=watch, daemon=True)
            watcher.start()
            seeds = itertools.count(1)
            threads = [
                threading.Thread(
                    target=_user_load,
                    args=(sim, user, requests, deadline, recorder, next(seeds), delivering),
                    daemon=True,
                )
                for user in all_users[:users]
            ]
            registrar = threading.Thread(
                target=_register_all, args=(sim, fake, groups, recorder), daemon=True
            )
            registrar.start()
            for thread in threads:
                thread.start()
            for thread in [registrar, *threads]:
                thread.join(max(0.0, deadline - time.monotonic()))
            load_done = time.monotonic() - started
            delivered_during_load = _sent(engine)
            watcher.join(max(0.0, deadline - time.monotonic()))
            delivered = _sent(engine)
            out(
                f"load took {load_done:.1f} s ({recorder.during_delivery} requests while "
                f"certificates were in flight); certificates delivered: {delivered_during_load} "
                f"by the end of the load, {delivered}/{target} after "
                f"{time.monotonic() - started:.1f} s"
            )
            ok = _report(recorder)
            if delivered < target:
                out(f"WARNING: only {delivered} of {target} certificates arrived within --seconds")
            return ok
        finally:
            runtime.stop(timeout=5)
            engine.dispose()


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default="", help="default: a SQLite temp file")
    parser.add_argument("--users", type=int, default=50, help="concurrent users (max 100)")
    parser.add_argument("--requests", type=int, default=10, help="requests per user")
    parser.add_argument("--seconds", type=float, default=120.0, help="hard stop for the run")
    parser.add_argument("--http-threads", type=int, default=16, help="INTERVISIE_HTTP_THREADS")
    parser.add_argument(
        "--listener-threads", type=int, default=16, help="INTERVISIE_LISTENER_THREADS"
    )
    args = parser.parse_args()
    users = max(1, min(args.users, GROUPS * MEMBERS_PER_GROUP))
    with tempfile.TemporaryDirectory(prefix="intervisie-load-") as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'load.db'}"
        ok = run(
            database_url=url,
            users=users,
            requests=max(1, args.requests),
            seconds=max(5.0, args.seconds),
            http_threads=max(2, args.http_threads),
            listener_threads=max(2, args.listener_threads),
        )
    out(
        "RESULT: every request acked within 3 s"
        if ok
        else "RESULT: some requests were slow or failed"
    )
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
