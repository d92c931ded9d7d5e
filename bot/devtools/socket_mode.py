"""Slack's Socket Mode side on loopback: a WebSocket server the app connects to when SLACK_APP_TOKEN
is set, attached to the fake Web API so that `apps.connections.open` hands out its URL.

Slack's protocol, as this server plays it: the app calls `apps.connections.open` with its app-level
(xapp-) token and gets a one-time URL; on connecting it receives `{"type": "hello", ...}`; Slack then
sends each slash command, interaction and event as an envelope
`{"envelope_id", "type": "slash_commands"|"interactive"|"events_api", "payload", ...}` and the app
acknowledges it with `{"envelope_id", "payload"?}` (the payload carries, for instance, a modal's
`response_action`). `{"type": "disconnect"}` asks the app to open a fresh connection.

`SocketModeSim` plays the same user actions as `SlackSim` (commands, clicks, modal submits, events)
over this server instead of the signed HTTP endpoint, so scenario helpers work in both modes.

Tests only: this module needs the `websockets` package (the test extra); the app itself connects
with slack_sdk's built-in client, which needs nothing beyond slack_sdk.
"""

from __future__ import annotations

import contextlib
import json
import logging
import secrets
import threading
import time
import uuid
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response
from websockets.sync.server import Server, ServerConnection, serve

from bot.devtools.blockkit import check_message, check_view
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import HttpResult, SlackSim

log = logging.getLogger(__name__)

JSON = dict[str, Any]
CONNECTIONS_OPEN = "apps.connections.open"
SLASH_COMMANDS = "slash_commands"
INTERACTIVE = "interactive"
EVENTS_API = "events_api"
# Interactions whose ack may carry a payload: a modal's response_action, a select's options.
_ANSWERED_INTERACTIONS = frozenset({"view_submission", "block_suggestion"})
_DEBUG_HOST = "applink-loopback"


class AckTimeout(TimeoutError):
    """The app did not acknowledge an envelope in time (Slack shows the user an error)."""


@dataclass(frozen=True)
class Ack:
    """The app's acknowledgement of one envelope."""

    envelope_id: str
    payload: JSON | None
    elapsed: float

    def as_http_result(self) -> HttpResult:
        """The ack as SlackSim reports an HTTP answer: 200 with the payload as a JSON body."""
        if self.payload is None:
            return HttpResult(status=200, body=b"", headers={}, elapsed=self.elapsed)
        return HttpResult(
            status=200,
            body=json.dumps(self.payload).encode("utf-8"),
            headers={"content-type": "application/json"},
            elapsed=self.elapsed,
        )


@dataclass
class _Pending:
    """An envelope sent and not yet acknowledged."""

    envelope: JSON
    sent_at: float
    answered: threading.Event
    ack: Ack | None = None


class SocketModeServer:
    """Loopback Socket Mode endpoint: one-time connection URLs, envelopes out, acks back."""

    def __init__(self, fake: FakeSlack, *, app_id: str = "AINTERVISIE") -> None:
        """Create a stopped server for the fake; call start() or use it as a context manager."""
        self.fake = fake
        self.app_id = app_id
        self._lock = threading.Lock()
        self._connected = threading.Condition(self._lock)
        self._server: Server | None = None
        self._thread: threading.Thread | None = None
        self._tickets: set[str] = set()
        self._open: list[ServerConnection] = []
        self._accepted = 0
        self._pending: dict[str, _Pending] = {}
        self.acks: list[Ack] = []

    # ----------------------------------------------------------------- lifecycle

    def start(self) -> Self:
        """Listen on 127.0.0.1 on a free port and attach to the fake's apps.connections.open."""
        with self._lock:
            if self._server is not None:
                return self
            self._server = serve(
                self._handle,
                "127.0.0.1",
                0,
                process_request=self._check_ticket,
                compression=None,  # Slack's link does not negotiate permessage-deflate
                close_timeout=1,
                logger=log,
            )
            self._thread = threading.Thread(
                target=self._server.serve_forever, name="socket-mode", daemon=True
            )
            self._thread.start()
        self.fake.socket_mode_url = self.open_connection
        return self

    def stop(self) -> None:
        """Detach from the fake, close every connection and stop listening."""
        if self.fake.socket_mode_url == self.open_connection:
            self.fake.socket_mode_url = None
        with self._lock:
            server, thread = self._server, self._thread
            self._server, self._thread = None, None
        if server is not None:
            server.shutdown()
        if thread is not None:
            thread.join(timeout=5)

    def __enter__(self) -> Self:
        """Start the server."""
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Stop the server."""
        self.stop()

    @property
    def port(self) -> int:
        """The loopback port the server listens on."""
        server = self._server
        if server is None:
            raise RuntimeError("SocketModeServer is not started")
        return int(server.socket.getsockname()[1])

    def open_connection(self) -> str:
        """A one-time WebSocket URL, shaped like Slack's (`/link/?ticket=...&app_id=...`)."""
        ticket = secrets.token_hex(16)
        with self._lock:
            self._tickets.add(ticket)
        return f"ws://127.0.0.1:{self.port}/link/?ticket={ticket}&app_id={self.app_id}"

    # ----------------------------------------------------------------- inspection

    @property
    def connections(self) -> int:
        """WebSocket connections open right now."""
        with self._lock:
            return len(self._open)

    @property
    def accepted(self) -> int:
        """WebSocket connections accepted since start (reconnections count again)."""
        with self._lock:
            return self._accepted

    def wait_connected(self, *, count: int = 1, timeout: float = 5.0) -> None:
        """Block until `count` connections have been accepted since start, one of them open."""
        deadline = time.monotonic() + timeout
        with self._connected:
            while not (self._accepted >= count and self._open):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"waited {timeout}s for connection {count}; "
                        f"accepted {self._accepted}, open {len(self._open)}"
                    )
                self._connected.wait(remaining)

    # ----------------------------------------------------------------- what Slack sends

    def slash_command(self, fields: dict[str, str], *, timeout: float = 10.0) -> Ack:
        """A slash command: the form fields Slack would POST, as the envelope's payload."""
        return self.send(SLASH_COMMANDS, fields, accepts_response_payload=True, timeout=timeout)

    def interactive(self, payload: JSON, *, timeout: float = 10.0) -> Ack:
        """A click, modal submit or other interaction, as Slack's `interactive` envelope."""
        answered = payload.get("type") in _ANSWERED_INTERACTIONS
        return self.send(INTERACTIVE, payload, accepts_response_payload=answered, timeout=timeout)

    def event(
        self, body: JSON, *, retry_attempt: int = 0, retry_reason: str = "", timeout: float = 10.0
    ) -> Ack:
        """An Events API callback (the body Slack would POST), with its retry count."""
        return self.send(
            EVENTS_API,
            body,
            accepts_response_payload=False,
            timeout=timeout,
            extra={"retry_attempt": retry_attempt, "retry_reason": retry_reason},
        )

    def send(
        self,
        envelope_type: str,
        payload: JSON,
        *,
        accepts_response_payload: bool,
        timeout: float = 10.0,
        extra: JSON | None = None,
    ) -> Ack:
        """Send one envelope on the newest connection and wait for the app's ack."""
        envelope_id = str(uuid.uuid4())
        envelope: JSON = {
            "envelope_id": envelope_id,
            "payload": payload,
            "type": envelope_type,
            "accepts_response_payload": accepts_response_payload,
            **(extra or {}),
        }
        pending = _Pending(envelope, time.monotonic(), threading.Event())
        with self._lock:
            if not self._open:
                raise AssertionError("no Socket Mode connection is open: is the app connected?")
            connection = self._open[-1]
            self._pending[envelope_id] = pending
        connection.send(json.dumps(envelope))
        if not pending.answered.wait(timeout):
            raise AckTimeout(f"no ack for {envelope_type} envelope {envelope_id} in {timeout}s")
        assert pending.ack is not None
        return pending.ack

    def disconnect(self, reason: str = "refresh_requested") -> None:
        """Ask the app to reconnect, as Slack does before it refreshes a connection."""
        message = {"type": "disconnect", "reason": reason, "debug_info": {"host": _DEBUG_HOST}}
        with self._lock:
            if not self._open:
                raise AssertionError("no Socket Mode connection is open")
            connection = self._open[-1]
        connection.send(json.dumps(message))

    # ----------------------------------------------------------------- connections

    def _check_ticket(self, connection: ServerConnection, request: Request) -> Response | None:
        """Refuse the handshake unless it carries a ticket minted for an app-level token."""
        query = parse_qs(urlsplit(request.path).query)
        ticket = (query.get("ticket") or [""])[0]
        with self._lock:
            known = ticket in self._tickets
            self._tickets.discard(ticket)  # a ticket opens one connection only
        if not known:
            return connection.respond(401, "invalid or used ticket\n")
        tokens = [
            call.token
            for call in self.fake.calls_to(CONNECTIONS_OPEN)
            if ticket in str(call.response.get("url", ""))
        ]
        if not tokens or not str(tokens[0]).startswith("xapp-"):
            # Slack answers apps.connections.open only for an app-level token; the fake records
            # the call, and the connection is refused here so that the test sees it fail.
            self.fake.violations.append(
                f"{CONNECTIONS_OPEN}: called with a token that is not app-level (xapp-)"
            )
            return connection.respond(401, "not an app-level token\n")
        return None

    def _handle(self, connection: ServerConnection) -> None:
        """One connection: say hello, then collect acks until the app hangs up."""
        with self._connected:
            self._open.append(connection)
            self._accepted += 1
            hello = {
                "type": "hello",
                "num_connections": len(self._open),
                "debug_info": {
                    "host": _DEBUG_HOST,
                    "build_number": 1,
                    "approximate_connection_time": 18060,
                },
                "connection_info": {"app_id": self.app_id},
            }
            connection.send(json.dumps(hello))
            self._connected.notify_all()
        try:
            for message in connection:
                self._receive(message if isinstance(message, str) else message.decode("utf-8"))
        except ConnectionClosed:
            pass  # the app went away without a closing handshake; slack_sdk simply closes the socket
        finally:
            with self._lock, contextlib.suppress(ValueError):
                self._open.remove(connection)

    def _receive(self, text: str) -> None:
        """An ack from the app: match it to its envelope and check what it carries."""
        try:
            message = json.loads(text)
        except json.JSONDecodeError:
            self.fake.violations.append(
                f"socket mode: the app sent text that is not JSON: {text!r}"
            )
            return
        envelope_id = message.get("envelope_id") if isinstance(message, dict) else None
        with self._lock:
            pending = self._pending.pop(str(envelope_id), None)
        if pending is None:
            self.fake.violations.append(f"socket mode: an ack for no envelope sent: {text[:200]}")
            return
        payload = message.get("payload")
        problems = _payload_problems(payload)
        if problems:
            self.fake.violations.append("socket mode ack: " + "; ".join(problems))
        ack = Ack(
            envelope_id=str(envelope_id),
            payload=payload if isinstance(payload, dict) else None,
            elapsed=time.monotonic() - pending.sent_at,
        )
        with self._lock:
            self.acks.append(ack)
        pending.ack = ack
        pending.answered.set()


def _payload_problems(payload: Any) -> list[str]:
    """What Slack would refuse in an ack's payload: a message or a modal beyond Block Kit limits."""
    if payload is None:
        return []
    if not isinstance(payload, dict):
        return [f"payload must be an object, got {type(payload).__name__}"]
    if payload.get("response_action") in ("update", "push"):
        return check_view(payload.get("view"))
    if "blocks" in payload:
        return check_message(text=payload.get("text"), blocks=payload.get("blocks"))
    return []


class SocketModeSim(SlackSim):
    """SlackSim over Socket Mode: the same user actions, delivered as envelopes, answered by acks.

    Each action returns the ack as an HttpResult (status 200, the ack's payload as JSON body), so
    helpers written for the HTTP endpoint work unchanged; no ack in time raises AckTimeout.
    """

    def __init__(
        self,
        *,
        server: SocketModeServer,
        fake: FakeSlack,
        team_id: str = "T1",
        ack_timeout: float = 10.0,
    ) -> None:
        super().__init__(port=0, signing_secret="", fake=fake, team_id=team_id)
        self.server = server
        self.ack_timeout = ack_timeout

    def post(
        self,
        body: str,
        *,
        content_type: str,
        timestamp: int | None = None,
        signature: str | None = None,
        extra_headers: dict[str, str] | None = None,
    ) -> HttpResult:
        """Deliver what SlackSim would POST as the envelope Slack sends in Socket Mode instead."""
        if timestamp is not None or signature is not None:
            raise ValueError("Socket Mode envelopes carry no timestamp or signature")
        if content_type.split(";", 1)[0].strip() == "application/json":
            headers = {k.lower(): v for k, v in (extra_headers or {}).items()}
            ack = self.server.event(
                json.loads(body),
                retry_attempt=int(headers.get("x-slack-retry-num", "0")),
                retry_reason=headers.get("x-slack-retry-reason", ""),
                timeout=self.ack_timeout,
            )
            return ack.as_http_result()
        fields = {k: v[-1] for k, v in parse_qs(body, keep_blank_values=True).items()}
        if "payload" in fields:
            ack = self.server.interactive(json.loads(fields["payload"]), timeout=self.ack_timeout)
        else:
            ack = self.server.slash_command(fields, timeout=self.ack_timeout)
        return ack.as_http_result()
