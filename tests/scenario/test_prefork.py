"""`intervisie-bot serve` in HTTP mode on PostgreSQL runs a pre-fork server (issue 19): the real
entry point as a subprocess with INTERVISIE_WORKERS=2, against the fake Slack. Requests are
answered by two worker processes, every DM the outboxes of both owe goes out exactly once, and
SIGTERM stops the workers and the parent gracefully (exit 0). On SQLite `serve` says at start
that it stays one process (tests/scenario/test_startup.py)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim, http_request
from storage.models import Delivery, DeliveryKind, DeliveryStatus
from tests.support.groups import create_group, fill_group
from tests.support.people import PEOPLE, SIGNING_SECRET, TEAM
from tests.support.wait import wait_until

ANNE = "UANNE001"
JOINERS = ["UBRAM002", "UZOE0003", "UDAAN004", "UEMMA005", "UFEMK006", "UGERT007"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(database_url: str, fake: FakeSlack, port: int) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "SLACK_BOT_TOKEN": "xoxb-prefork-test",
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.base_url,
        "DATABASE_URL": database_url,
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "PUBLIC_URL": f"http://127.0.0.1:{port}",
        "INTERVISIE_WORKERS": "2",
        "INTERVISIE_ADMINS": "UADMIN01",
    }


@pytest.fixture
def postgresql(database_url: str) -> str:
    """The test database when it is PostgreSQL (the pre-fork server is for PostgreSQL only)."""
    if not database_url.startswith("postgresql"):
        pytest.skip("the pre-fork server runs on PostgreSQL only (TEST_DATABASE_URL)")
    return database_url


def _start(env: dict[str, str], repo_root: Path, log: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "serve"],
        cwd=repo_root,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )
    port = int(env["PORT"])
    deadline = time.monotonic() + 60
    while True:
        try:
            if http_request(port, "GET", "/healthz").status == 200:
                break
        except OSError:
            pass
        assert proc.poll() is None, log.read_text()
        assert time.monotonic() < deadline, "the app did not come up"
        time.sleep(0.1)
    # Both workers booted their own app (engine, outbox, scheduler) after the fork.
    wait_until(lambda: len(_serving_workers(log)) == 2, timeout=60, what="two workers serving")
    return proc


def _serving_workers(log: Path) -> set[str]:
    return set(re.findall(r"worker (\d+) serving", log.read_text()))


def test_serve_with_two_workers_answers_requests_and_delivers_each_dm_once(
    postgresql: str, clean_db: Engine, fake_slack: FakeSlack, repo_root: Path, tmp_path: Path
) -> None:
    port = _free_port()
    log = tmp_path / "serve.log"
    proc = _start(_env(postgresql, fake_slack, port), repo_root, log)
    try:
        slack = SlackSim(port=port, signing_secret=SIGNING_SECRET, fake=fake_slack, team_id=TEAM)
        # Twenty commands at once: every one answered by one of the workers.
        statuses: list[int] = []
        lock = threading.Lock()

        def ask_help(user: str) -> None:
            status = slack.command(user, "help").status
            with lock:
                statuses.append(status)

        threads = [
            threading.Thread(target=ask_help, args=(list(PEOPLE)[n % len(PEOPLE)],))
            for n in range(20)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert statuses == [200] * 20
        fake_slack.wait_for("response_url", count=20, timeout=30)

        # A group, six requests and six approvals: DMs owed in both processes' transactions,
        # sent by whichever outbox claims them first.
        number = create_group(slack, fake_slack, ANNE, name="Twee processen")
        fill_group(slack, fake_slack, number, JOINERS)

        def all_sent() -> bool:
            with clean_db.connect() as conn:
                open_rows = conn.execute(
                    select(Delivery.id).where(Delivery.status != DeliveryStatus.SENT)
                ).all()
            return not open_rows

        wait_until(all_sent, timeout=30, what="every owed DM sent")
    finally:
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=60)
    output = log.read_text()
    assert code == 0, output
    assert "Traceback" not in output
    assert "2 worker processes on PostgreSQL" in output

    with clean_db.connect() as conn:
        rows = conn.execute(
            select(Delivery.id, Delivery.kind, Delivery.result_ts).where(
                Delivery.kind == DeliveryKind.MESSAGE
            )
        ).all()
    assert len(rows) >= 1 + 2 * len(JOINERS)  # group created, each request and welcome
    posted = [
        call.body["metadata"]["event_payload"]["delivery_id"]
        for call in fake_slack.calls_to("chat.postMessage")
        if isinstance(call.body.get("metadata"), dict)
    ]
    twice = {delivery: n for delivery, n in Counter(posted).items() if n > 1}
    assert twice == {}, f"DMs posted more than once: {twice}"
    assert sorted(posted) == sorted(row.id for row in rows)  # each DM once, none lost


def test_a_port_in_use_ends_in_one_line_before_any_worker_starts(
    postgresql: str, clean_db: Engine, fake_slack: FakeSlack, repo_root: Path
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = int(taken.getsockname()[1])
        result = subprocess.run(
            [sys.executable, "-m", "bot", "serve"],
            cwd=repo_root,
            env=_env(postgresql, fake_slack, port),
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1, result.stderr
    assert "HOST:PORT" in lines[0] and "PORT" in lines[0]
    assert "Booting worker" not in result.stdout + result.stderr
