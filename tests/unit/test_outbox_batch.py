"""The outbox's batch (issue 19): the DMs of a batch are rendered in one unit of work, what the
recipients of one subject share is looked up once (RenderContext.shared), sent rows are recorded
together, and one DM whose renderer fails on the database does not hold back the others. The
outbox's Slack client keeps its connection open between calls and still reports Slack's errors
as slack_sdk does."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine, event, select, text

from bot.clock import ManualClock
from bot.delivery import Outbox
from bot.devtools.fake_slack import FakeSlack
from bot.notify import Intent, Message, RenderContext, Renderers, owe
from bot.ratelimit import RateLimiter
from bot.services.people import ensure_workspace
from bot.settings import Settings
from bot.slack_api import RateLimitedWebClient, make_web_client, same_client
from storage.db import make_session_factory, unit_of_work
from storage.models import Delivery, DeliveryStatus
from tests.support.notes import person

START = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
USERS = [f"UBATCH{n:03d}" for n in range(8)]


@dataclass(frozen=True, kw_only=True)
class Shared(Intent):
    """A DM about one subject, the same for each recipient but for the name."""

    KIND = "test_shared"
    subject: int


@dataclass
class Lookups:
    """How often the renderer looked the subject up, and which subject fails."""

    subject: int = 0
    failing: int | None = None


def _renderers(lookups: Lookups) -> Renderers:
    def render(ctx: RenderContext, intent: Shared) -> Message:
        def look_up() -> str:
            lookups.subject += 1
            if intent.subject == lookups.failing:
                ctx.session.execute(text("SELECT * FROM no_such_table"))
            return f"onderwerp {intent.subject}"

        about = ctx.shared(("subject", intent.subject), look_up)
        return {"text": f"{about} voor {ctx.recipient.slack_user_id}", "blocks": []}

    renderers = Renderers()
    renderers.register(Shared, render)
    return renderers


@pytest.fixture
def factory(clean_db: Engine) -> Any:
    made = make_session_factory(clean_db)
    with unit_of_work(made) as session:
        ensure_workspace(session, team_id="T1", now=START)
    return made


def _outbox(factory: Any, settings: Settings, lookups: Lookups) -> Outbox:
    return Outbox(
        session_factory=factory,
        clients=same_client(make_web_client(settings, timeout=2)),
        clock=ManualClock(START),
        renderers=_renderers(lookups),
        settings=settings,
    )


def _owe(factory: Any, subject: int, users: list[str]) -> None:
    with unit_of_work(factory) as session:
        for user in users:
            owe(
                session,
                intent=Shared(subject=subject),
                to=person(session, user_id=user, now=START),
                now=START,
            )


def test_a_fan_out_looks_its_subject_up_once_and_records_the_batch_together(
    factory: Any, settings: Settings, fake_slack: FakeSlack, clean_db: Engine
) -> None:
    lookups = Lookups()
    outbox = _outbox(factory, settings, lookups)
    _owe(factory, 1, USERS)
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(str(args[2]))

    event.listen(clean_db, "before_cursor_execute", record)
    try:
        assert outbox.run_once() == len(USERS)
    finally:
        event.remove(clean_db, "before_cursor_execute", record)
    assert lookups.subject == 1
    texts = sorted(m["text"] for u in USERS for m in fake_slack.messages(u))
    assert texts == sorted(f"onderwerp 1 voor {u}" for u in USERS)
    with unit_of_work(factory) as session:
        sent = session.scalars(select(Delivery.status)).all()
    assert sent == [DeliveryStatus.SENT] * len(USERS)
    updates = [s for s in statements if s.lstrip().upper().startswith("UPDATE DELIVERY")]
    # The claim, then every sent row in one executemany: not one transaction per DM.
    assert len(updates) <= 2, updates


def test_a_render_that_fails_on_the_database_does_not_hold_back_the_rest(
    factory: Any, settings: Settings, fake_slack: FakeSlack
) -> None:
    lookups = Lookups(failing=2)
    outbox = _outbox(factory, settings, lookups)
    _owe(factory, 1, USERS[:2])
    _owe(factory, 2, USERS[2:3])  # this one's renderer breaks its transaction
    _owe(factory, 3, USERS[3:5])
    outbox.run_once()
    got = {u: [m["text"] for m in fake_slack.messages(u)] for u in USERS[:5]}
    assert got[USERS[0]] == [f"onderwerp 1 voor {USERS[0]}"]
    assert got[USERS[3]] == [f"onderwerp 3 voor {USERS[3]}"]
    assert got[USERS[4]] == [f"onderwerp 3 voor {USERS[4]}"]
    assert got[USERS[2]] == []
    with unit_of_work(factory) as session:
        statuses = dict(session.execute(select(Delivery.recipient, Delivery.status)).all())
    assert statuses[USERS[2]] is DeliveryStatus.PENDING  # retried later, not lost
    assert statuses[USERS[4]] is DeliveryStatus.SENT


# ------------------------------------------------------------------ the kept-alive connection


class _Counting(BaseHTTPRequestHandler):
    """Slack's Web API, minimally: counts connections; the answer comes from the server."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: _Server

    def setup(self) -> None:
        super().setup()
        with self.server.lock:
            self.server.connections += 1

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status, body, extra = (
            self.server.answers.pop(0)
            if self.server.answers
            else (
                200,
                b'{"ok": true, "channel": "D1", "ts": "1.1"}',
                {},
            )
        )
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra.items():
            self.send_header(name, value)
        if self.server.close_after_each:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Counting)
        self.lock = threading.Lock()
        self.connections = 0
        self.close_after_each = False
        self.answers: list[tuple[int, bytes, dict[str, str]]] = []


@pytest.fixture
def server() -> Iterator[_Server]:
    made = _Server()
    thread = threading.Thread(target=made.serve_forever, daemon=True)
    thread.start()
    yield made
    made.shutdown()
    made.server_close()


def _client(server: _Server) -> RateLimitedWebClient:
    return RateLimitedWebClient(
        limiter=RateLimiter(()),
        token="xoxb-keepalive",
        base_url=f"http://127.0.0.1:{server.server_address[1]}/api/",
        timeout=5,
    )


def test_the_outbox_client_sends_many_calls_over_one_connection(server: _Server) -> None:
    client = _client(server)
    for _ in range(5):
        assert client.chat_postMessage(channel="D1", text="hallo")["ts"] == "1.1"
    assert server.connections == 1


def test_a_closed_connection_is_opened_again(server: _Server) -> None:
    server.close_after_each = True
    client = _client(server)
    for _ in range(3):
        assert client.conversations_open(users="U1")["ok"]
    assert server.connections == 3


def test_slacks_errors_still_reach_the_outbox_as_slack_api_errors(server: _Server) -> None:
    client = _client(server)
    server.answers.append((429, b'{"ok": false, "error": "ratelimited"}', {"Retry-After": "7"}))
    with pytest.raises(SlackApiError) as refused:
        client.chat_postMessage(channel="D1", text="hallo")
    assert refused.value.response.status_code == 429
    assert refused.value.response.headers.get("Retry-After") == "7"
    server.answers.append((200, b'{"ok": false, "error": "channel_not_found"}', {}))
    with pytest.raises(SlackApiError, match="channel_not_found"):
        client.chat_postMessage(channel="D1", text="hallo")
    assert client.chat_postMessage(channel="D1", text="weer goed")["ok"]
