"""Fake Slack Web API server on localhost for tests that drive a real slack_sdk WebClient."""

from __future__ import annotations

import base64
import contextlib
import copy
import http
import itertools
import json
import random
import secrets
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal, InvalidOperation
from email import policy
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

from bot.devtools.blockkit import check_blocks, check_message, check_view

JSON = dict[str, Any]

# Form-encoded requests carry these structured arguments as JSON strings.
_JSON_ARGS = frozenset({"blocks", "attachments", "view", "files", "metadata"})
# Pseudo-methods for the two non-API endpoints; fault injection can target them by name.
UPLOAD = "upload"
RESPONSE_URL = "response_url"
_TZ_LABELS = {
    "CET": "Central European Time",
    "CEST": "Central European Summer Time",
    "GMT": "Greenwich Mean Time",
    "BST": "British Summer Time",
    "UTC": "Coordinated Universal Time",
}


@dataclass
class Call:
    """One HTTP request the fake received, with what it answered."""

    method: str
    body: dict[str, Any]
    status: int
    response: dict[str, Any]
    token: str | None
    headers: dict[str, str]
    at: float
    path: str = ""

    @property
    def ok(self) -> bool:
        """Whether the call succeeded (HTTP 200 and "ok": true)."""
        return self.status == 200 and self.response.get("ok") is True


@dataclass
class UploadedFile:
    """A file announced with files.getUploadURLExternal, possibly uploaded and completed."""

    file_id: str
    filename: str
    title: str | None = None
    content: bytes = b""
    channel: str | None = None
    initial_comment: str | None = None
    completed: bool = False
    thread_ts: str | None = None
    uploaded: bool = False


@dataclass
class _Fault:
    """A queued injected failure."""

    method: str | None
    count: int
    status: int
    retry_after: int
    error: str | None


@dataclass
class _Delay:
    """A queued injected delay."""

    method: str | None
    count: int
    seconds: float


@dataclass
class _RateLimit:
    """A token bucket per method: `per_second` calls a second, `burst` saved up."""

    per_second: float
    burst: int
    tokens: float
    updated: float

    def take(self, now: float) -> float:
        """0.0 when a token was taken, else the seconds until one is available."""
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.per_second)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            return 0.0
        return (1 - self.tokens) / self.per_second


@dataclass
class _RandomFaults:
    """Deterministic random failure settings."""

    rate_429: float
    rate_500: float
    rng: random.Random
    methods: set[str] | None
    retry_after: int


@dataclass
class _Trigger:
    """A trigger_id as minted for an interaction."""

    minted_at: float
    user_id: str | None
    used: bool = False


@dataclass
class _StoredView:
    """A view as Slack holds it, with who it was opened for."""

    view: JSON
    user_id: str | None
    opened: bool


@dataclass
class _Reply:
    """What the HTTP handler writes back."""

    status: int
    body: bytes
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    # What Call.response records for non-JSON replies (uploads, response_url posts).
    record: JSON | None = None


@dataclass
class _IssuedToken:
    """A bot token the fake issued through oauth.v2.access: its workspace and expiry."""

    team_id: str
    bot_user_id: str
    expires_at: float | None
    revoked: bool = False


# Web API methods that authenticate with the app's client id and secret instead of a token.
_CLIENT_AUTH_METHODS = frozenset({"oauth.v2.access"})


class _ApiError(Exception):
    """Raised by method handlers to answer {"ok": false, "error": ...}."""

    def __init__(self, error: str, **extra: Any) -> None:
        super().__init__(error)
        self.error = error
        self.extra = extra


def _truthy(value: Any) -> bool:
    """Interpret a boolean argument the way Slack does for JSON and form bodies."""
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes")
    return bool(value)


def _is_user_id(channel: str) -> bool:
    """Whether a channel argument is really a user id (Slack then means their DM)."""
    return channel[:1] in ("U", "W")


def _ts_key(ts: Any) -> Decimal:
    """Order message timestamps exactly (floats lose the microseconds)."""
    try:
        return Decimal(str(ts))
    except InvalidOperation as exc:
        raise _ApiError("invalid_ts_latest") from exc


def _json_reply(status: int, payload: JSON, headers: dict[str, str] | None = None) -> _Reply:
    """Build a JSON reply."""
    return _Reply(status, json.dumps(payload).encode("utf-8"), headers=headers or {})


def _text_reply(status: int, text: str, **record: Any) -> _Reply:
    """Build a plain-text reply like Slack's upload and response_url endpoints give."""
    ok = status == 200
    recorded: JSON = {"ok": ok, "body": text} if ok else {"ok": ok, "error": text}
    return _Reply(
        status,
        text.encode("utf-8"),
        content_type="text/plain; charset=utf-8",
        record={**recorded, **record},
    )


def _parse_multipart(content_type: str, raw: bytes) -> list[tuple[str, str | None, bytes]]:
    """Split a multipart/form-data body into (field name, filename, bytes) parts."""
    # The email package parses MIME; prepending the header makes the body a complete message.
    message = BytesParser(policy=policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + raw
    )
    parts: list[tuple[str, str | None, bytes]] = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        parts.append(
            (
                name if isinstance(name, str) else "",
                part.get_filename(),
                payload if isinstance(payload, bytes) else b"",
            )
        )
    return parts


def _parse_body(content_type: str, raw: bytes, query: str) -> JSON:
    """Decode query string plus JSON, form or multipart body into one argument dict."""
    args: JSON = {k: v[-1] for k, v in parse_qs(query, keep_blank_values=True).items()}
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime == "application/json" and raw:
        decoded = json.loads(raw.decode("utf-8"))
        if not isinstance(decoded, dict):
            raise _ApiError("invalid_json")
        args.update(decoded)
    elif mime == "multipart/form-data":
        for name, filename, payload in _parse_multipart(content_type, raw):
            args[name] = payload if filename is not None else payload.decode("utf-8", "replace")
    elif raw:
        form = parse_qs(raw.decode("utf-8", "replace"), keep_blank_values=True)
        args.update({k: v[-1] for k, v in form.items()})
    for key in _JSON_ARGS & args.keys():
        if isinstance(args[key], str):
            # An undecodable value stays a string so the payload checks complain about it.
            with contextlib.suppress(json.JSONDecodeError):
                args[key] = json.loads(args[key])
    return args


class _Server(ThreadingHTTPServer):
    """HTTP server that knows its FakeSlack."""

    daemon_threads = True

    def __init__(self, fake: FakeSlack) -> None:
        """Bind 127.0.0.1 on a free port."""
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fake = fake


class _Handler(BaseHTTPRequestHandler):
    """Hands every request to FakeSlack and writes its reply."""

    server: _Server
    # HTTP/1.1, as Slack speaks it: a client may keep its connection open between calls
    # (every reply carries its Content-Length).
    protocol_version = "HTTP/1.1"
    # The headers and the body leave in two writes: without this, Nagle's algorithm holds the
    # body back until the client acknowledges the headers (a 40 ms stall per call).
    disable_nagle_algorithm = True

    def do_POST(self) -> None:
        """Serve POST (slack_sdk sends every Web API call as POST)."""
        self._serve()

    def do_GET(self) -> None:
        """Serve GET with query-string arguments."""
        self._serve()

    def log_message(self, format: str, *args: Any) -> None:
        """Keep request logs out of test output."""

    def _serve(self) -> None:
        """Read the request, let the fake answer it, write the reply."""
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        reply = self.server.fake._handle(self.path, dict(self.headers.items()), raw)
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (e.g. a timeout under delay_next); the call is recorded


# The stores saved_state copies: everything Slack remembers of what the app did.
_SAVED_STORES = (
    "_calls",
    "_messages",
    "_ephemerals",
    "_views",
    "_home_views",
    "_files",
    "_response_urls",
)


@dataclass(frozen=True)
class FakeState:
    """A copy of the fake's stores at one moment (FakeSlack.saved_state)."""

    stores: dict[str, Any]
    ts_next: int
    serial_next: int


class FakeSlack:
    """In-process fake of the Slack Web API, upload URLs and response URLs."""

    TRIGGER_TTL: float = 3.0

    def __init__(self, *, team_id: str = "T1") -> None:
        """Create a stopped fake; call start() or use it as a context manager."""
        self.team_id = team_id
        self.violations: list[str] = []
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._users: dict[str, JSON] = {}
        self._serial = itertools.count(1)
        # Set by a Socket Mode server (bot.devtools.socket_mode) to mint its WebSocket URLs.
        self.socket_mode_url: Callable[[], str] | None = None
        # OAuth (distribution): the app's credentials, codes handed to installers, issued tokens.
        self._oauth_apps: dict[str, str] = {}
        self._token_lifetime: int | None = None
        self._codes: dict[str, JSON] = {}
        self._issued: dict[str, _IssuedToken] = {}
        self._refresh_tokens: dict[str, JSON] = {}
        self._team_names: dict[str, str] = {}
        # The workspace of the token of the call being answered (None: a token not issued here).
        self._caller_team: str | None = None
        self._clear()
        self._methods: dict[str, Callable[[JSON], JSON]] = {
            "auth.test": self._auth_test,
            "users.info": self._users_info,
            "conversations.open": self._conversations_open,
            "conversations.history": self._conversations_history,
            "conversations.replies": self._conversations_replies,
            "chat.postMessage": self._chat_post_message,
            "chat.postEphemeral": self._chat_post_ephemeral,
            "chat.update": self._chat_update,
            "chat.delete": self._chat_delete,
            "views.open": self._views_open,
            "views.push": self._views_push,
            "views.update": self._views_update,
            "views.publish": self._views_publish,
            "files.getUploadURLExternal": self._files_get_upload_url,
            "files.completeUploadExternal": self._files_complete_upload,
            "apps.connections.open": self._apps_connections_open,
            "oauth.v2.access": self._oauth_v2_access,
        }

    def _clear(self) -> None:
        """Forget everything except registered users."""
        self._calls: list[Call] = []
        self._messages: dict[str, list[JSON]] = {}
        self._ephemerals: dict[str, list[JSON]] = {}
        self._triggers: dict[str, _Trigger] = {}
        self._views: dict[str, _StoredView] = {}
        self._home_views: dict[str, JSON] = {}
        self._files: dict[str, UploadedFile] = {}
        self._response_urls: set[str] = set()
        self._faults: list[_Fault] = []
        self._delays: list[_Delay] = []
        self._random: _RandomFaults | None = None
        self._rate_limits: dict[str, _RateLimit] = {}
        self._ts_counter = itertools.count(1)
        self.violations.clear()

    # ----------------------------------------------------------------- lifecycle

    def start(self) -> Self:
        """Start serving on 127.0.0.1 on a free port."""
        with self._lock:
            if self._server is not None:
                return self
            self._server = _Server(self)
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name="fake-slack",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and release the port."""
        with self._lock:
            server, thread = self._server, self._thread
            self._server, self._thread = None, None
        if server is not None:
            server.shutdown()
            server.server_close()
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
    def url(self) -> str:
        """Root URL of the running server, with a trailing slash."""
        server = self._server
        if server is None:
            raise RuntimeError("FakeSlack is not started")
        return f"http://127.0.0.1:{server.server_address[1]}/"

    @property
    def base_url(self) -> str:
        """What to pass as WebClient(base_url=...)."""
        return self.url + "api/"

    # ----------------------------------------------------------------- setup

    def add_user(
        self,
        user_id: str,
        *,
        real_name: str,
        name: str | None = None,
        locale: str = "nl-NL",
        tz: str = "Europe/Amsterdam",
        team_id: str = "T1",
        is_bot: bool = False,
        deleted: bool = False,
        is_admin: bool = False,
        is_owner: bool = False,
    ) -> None:
        """Register a user for users.info."""
        ZoneInfo(tz)  # fail here, not inside a request, on a typo in the zone name
        with self._lock:
            self._users[user_id] = {
                "id": user_id,
                "real_name": real_name,
                "name": name or real_name.lower().replace(" ", "."),
                "locale": locale,
                "tz": tz,
                "team_id": team_id,
                "is_bot": is_bot,
                "deleted": deleted,
                "is_admin": is_admin,
                "is_owner": is_owner,
            }

    # ----------------------------------------------------------------- OAuth (distribution)

    def add_oauth_app(
        self, client_id: str, client_secret: str, *, token_lifetime: int | None = None
    ) -> None:
        """Accept this client id and secret in oauth.v2.access. With `token_lifetime` (seconds)
        token rotation is on: tokens expire and come with a refresh token."""
        with self._lock:
            self._oauth_apps[client_id] = client_secret
            self._token_lifetime = token_lifetime

    def approve_install(
        self,
        *,
        client_id: str,
        team_id: str,
        user_id: str,
        scopes: str = "",
        team_name: str | None = None,
        redirect_uri: str | None = None,
    ) -> str:
        """What Slack does when the installer clicks "Allow": a code, valid once."""
        with self._lock:
            code = f"code-{team_id}-{secrets.token_hex(8)}"
            self._team_names[team_id] = team_name or f"Workspace {team_id}"
            self._codes[code] = {
                "client_id": client_id,
                "team_id": team_id,
                "user_id": user_id,
                "scopes": scopes,
                "redirect_uri": redirect_uri,
            }
            return code

    def revoke_team(self, team_id: str) -> None:
        """The workspace uninstalled the app: every token issued for it stops working."""
        with self._lock:
            for token in self._issued.values():
                if token.team_id == team_id:
                    token.revoked = True
            for key in [k for k, v in self._refresh_tokens.items() if v["team_id"] == team_id]:
                del self._refresh_tokens[key]

    def expire_tokens(self) -> None:
        """Let every issued token run out now (token rotation must refresh them)."""
        with self._lock:
            for token in self._issued.values():
                if token.expires_at is not None:
                    token.expires_at = time.time() - 1

    def team_of_token(self, token: str | None) -> str | None:
        """The workspace an issued token belongs to (None for tokens the fake did not issue)."""
        with self._lock:
            issued = self._issued.get(token or "")
            return issued.team_id if issued is not None else None

    def _issue(self, *, team_id: str, scopes: str, refresh: str | None = None) -> JSON:
        token = f"xoxb-{team_id}-{secrets.token_hex(12)}"
        lifetime = self._token_lifetime
        self._issued[token] = _IssuedToken(
            team_id=team_id,
            bot_user_id=f"UBOT{team_id}",
            expires_at=time.time() + lifetime if lifetime is not None else None,
        )
        answer: JSON = {
            "access_token": token,
            "token_type": "bot",
            "scope": scopes,
            "bot_user_id": f"UBOT{team_id}",
            "app_id": "AINTERVISIE",
            "team": {"id": team_id, "name": self._team_names.get(team_id, team_id)},
            "enterprise": None,
            "is_enterprise_install": False,
        }
        if lifetime is not None:
            refresh = refresh or f"xoxe-1-{team_id}-{secrets.token_hex(12)}"
            self._refresh_tokens[refresh] = {"team_id": team_id, "scopes": scopes}
            answer.update({"refresh_token": refresh, "expires_in": lifetime})
        return answer

    def _oauth_v2_access(self, body: JSON) -> JSON:
        """oauth.v2.access: exchange an install's code (once), or, with
        grant_type=refresh_token, a refresh token for a new bot token (token rotation)."""
        client_id, secret = body.get("client_id"), body.get("client_secret")
        if client_id not in self._oauth_apps:
            raise _ApiError("invalid_client_id")
        if self._oauth_apps[str(client_id)] != secret:
            raise _ApiError("bad_client_secret")
        if body.get("grant_type") == "refresh_token":
            grant = self._refresh_tokens.get(str(body.get("refresh_token") or ""))
            if grant is None:
                raise _ApiError("invalid_refresh_token")
            # Slack keeps the refresh token; the new access token replaces the old one.
            return self._issue(
                team_id=grant["team_id"],
                scopes=grant["scopes"],
                refresh=str(body["refresh_token"]),
            )
        code = self._codes.pop(str(body.get("code") or ""), None)
        if code is None or code["client_id"] != client_id:
            raise _ApiError("invalid_code")
        if code["redirect_uri"] and body.get("redirect_uri") != code["redirect_uri"]:
            raise _ApiError("bad_redirect_uri")
        answer = self._issue(team_id=code["team_id"], scopes=code["scopes"])
        answer["authed_user"] = {"id": code["user_id"]}
        return answer

    def new_trigger_id(self, user_id: str | None = None) -> str:
        """Mint a trigger_id valid once, for TRIGGER_TTL seconds, remembering its user."""
        with self._lock:
            trigger_id = f"{next(self._serial)}.{int(time.time())}.{secrets.token_hex(16)}"
            self._triggers[trigger_id] = _Trigger(time.monotonic(), user_id)
            return trigger_id

    def new_response_url(self) -> str:
        """Mint a response_url that records what is posted to it."""
        with self._lock:
            key = f"R{next(self._serial):06d}{secrets.token_hex(8)}"
            self._response_urls.add(key)
        return f"{self.url}response/{key}"

    def reset(self) -> None:
        """Clear calls, messages, views, files, faults and violations; keep users."""
        with self._lock:
            self._clear()

    def saved_state(self) -> FakeState:
        """What Slack holds now (calls, messages, views, home tabs, files), to give another fake
        the same past with restore_state: a test suite builds its scene once and starts each test
        from it. Triggers are left out (they expire within seconds anyway)."""
        with self._lock:
            stores = {name: copy.deepcopy(getattr(self, name)) for name in _SAVED_STORES}
            ts_next, serial_next = next(self._ts_counter), next(self._serial)
            self._ts_counter = itertools.count(ts_next)
            self._serial = itertools.count(serial_next)
            return FakeState(stores=stores, ts_next=ts_next, serial_next=serial_next)

    def restore_state(self, state: FakeState) -> None:
        """Take over a saved past (see saved_state); users and faults stay this fake's own."""
        with self._changed:
            for name, value in state.stores.items():
                setattr(self, name, copy.deepcopy(value))
            self._ts_counter = itertools.count(state.ts_next)
            self._serial = itertools.count(state.serial_next)
            self._changed.notify_all()

    # ----------------------------------------------------------------- faults

    def fail_next(
        self,
        method: str | None = None,
        *,
        count: int = 1,
        status: int = 429,
        retry_after: int = 1,
        error: str | None = None,
    ) -> None:
        """Make the next `count` calls to `method` (None: any API method) fail."""
        with self._lock:
            self._faults.append(_Fault(method, count, status, retry_after, error))

    def delay_next(self, method: str | None = None, *, seconds: float, count: int = 1) -> None:
        """Sleep before answering the next `count` calls to `method`, then answer normally."""
        with self._lock:
            self._delays.append(_Delay(method, count, seconds))

    def fail_randomly(
        self,
        *,
        rate_429: float = 0.0,
        rate_500: float = 0.0,
        seed: int = 0,
        methods: set[str] | None = None,
        retry_after: int = 1,
    ) -> None:
        """Fail a seeded-random fraction of calls (to `methods`, or any API method)."""
        with self._lock:
            self._random = _RandomFaults(
                rate_429, rate_500, random.Random(seed), methods, retry_after
            )

    def rate_limit(self, method: str, per_second: float, burst: int = 1) -> None:
        """Answer calls to `method` beyond `per_second` (with `burst` saved up) with 429 and a
        Retry-After, as Slack does; calls within the limit are answered normally."""
        with self._lock:
            self._rate_limits[method] = _RateLimit(
                per_second, burst, float(burst), time.monotonic()
            )

    def stop_failing(self) -> None:
        """Drop random failures and every queued fault and delay."""
        with self._lock:
            self._random = None
            self._faults.clear()
            self._delays.clear()

    # ----------------------------------------------------------------- inspection

    @property
    def calls(self) -> list[Call]:
        """Snapshot of every recorded call, oldest first."""
        with self._lock:
            return list(self._calls)

    def calls_to(self, method: str, *, ok_only: bool = True) -> list[Call]:
        """Recorded calls to one method; only successful ones unless ok_only is False."""
        with self._lock:
            return [c for c in self._calls if c.method == method and (c.ok or not ok_only)]

    def wait_for(
        self,
        method: str,
        *,
        count: int = 1,
        timeout: float = 5.0,
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Block until `count` successful matching calls exist and return them all."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [
                    c
                    for c in self._calls
                    if c.method == method and c.ok and (predicate is None or predicate(c))
                ]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = Counter(f"{c.method}({c.status})" for c in self._calls)
                    raise AssertionError(
                        f"waited {timeout}s for {count} successful {method} call(s), "
                        f"found {len(found)}; calls seen: {dict(seen) or 'none'}"
                    )
                self._changed.wait(remaining)

    def messages(self, channel: str) -> list[JSON]:
        """Messages in a channel (a DM id or a user id), oldest first."""
        with self._lock:
            return copy.deepcopy(self._messages.get(self._resolve_channel(channel), []))

    def ephemerals(self, user_id: str) -> list[JSON]:
        """Ephemeral messages shown to a user, oldest first."""
        with self._lock:
            return copy.deepcopy(self._ephemerals.get(user_id, []))

    @property
    def views(self) -> dict[str, JSON]:
        """Every view Slack holds (opened, pushed or published), by view id."""
        with self._lock:
            return {vid: copy.deepcopy(v.view) for vid, v in self._views.items()}

    @property
    def home_views(self) -> dict[str, JSON]:
        """Latest published home tab per user id."""
        with self._lock:
            return copy.deepcopy(self._home_views)

    def opened_views(self, user_id: str | None = None) -> list[JSON]:
        """Views opened or pushed (for one user, when given), in opening order."""
        with self._lock:
            return [
                copy.deepcopy(v.view)
                for v in self._views.values()
                if v.opened and (user_id is None or v.user_id == user_id)
            ]

    def uploaded_files(self) -> list[UploadedFile]:
        """Every file announced via files.getUploadURLExternal, in order."""
        with self._lock:
            return [replace(f) for f in self._files.values()]

    # ----------------------------------------------------------------- request handling

    def _handle(self, raw_path: str, headers: dict[str, str], raw: bytes) -> _Reply:
        """Route one HTTP request, apply injected faults, record it and build the reply."""
        split = urlsplit(raw_path)
        path = split.path
        lower_headers = {k.lower(): v for k, v in headers.items()}
        content_type = lower_headers.get("content-type", "")
        if path.startswith("/api/"):
            method = path.removeprefix("/api/")
        elif path.startswith("/upload/"):
            method = UPLOAD
        elif path.startswith("/response/"):
            method = RESPONSE_URL
        else:
            return _text_reply(404, "not_found")

        body: JSON = {}
        try:
            if method == UPLOAD:
                body = {"length": len(raw), "content_type": content_type}
            else:
                body = _parse_body(content_type, raw, split.query)
        except (_ApiError, ValueError) as exc:
            return self._finish(
                method,
                path,
                body,
                headers,
                _json_reply(
                    200, {"ok": False, "error": getattr(exc, "error", "invalid_form_data")}
                ),
            )

        delay = self._take_delay(method)
        if delay:
            time.sleep(delay)
        with self._lock:
            fault = self._take_fault(method)
            limit = self._rate_limits.get(method)
            wait = limit.take(time.monotonic()) if fault is None and limit is not None else 0.0
            if fault is not None:
                reply = fault
            elif wait > 0:
                reply = self._fault_reply(429, max(1, int(wait + 0.999)), None)
            elif method == UPLOAD:
                reply = self._upload(path.removeprefix("/upload/"), content_type, raw, body)
            elif method == RESPONSE_URL:
                reply = self._response_url(path.removeprefix("/response/"), body)
            else:
                if method in _CLIENT_AUTH_METHODS:
                    body = {**self._client_credentials(lower_headers), **body}
                reply = self._api(method, body, self._token(lower_headers, body))
            return self._finish(method, path, body, headers, reply)

    def _finish(
        self, method: str, path: str, body: JSON, headers: dict[str, str], reply: _Reply
    ) -> _Reply:
        """Record the call and wake wait_for()."""
        response = reply.record if reply.record is not None else json.loads(reply.body)
        lower_headers = {k.lower(): v for k, v in headers.items()}
        call = Call(
            method=method,
            body=body,
            status=reply.status,
            response=response,
            token=self._token(lower_headers, body),
            headers=headers,
            at=time.time(),
            path=path,
        )
        with self._changed:
            self._calls.append(call)
            self._changed.notify_all()
        return reply

    @staticmethod
    def _token(lower_headers: dict[str, str], body: JSON) -> str | None:
        """Token from the Authorization header or a token argument."""
        auth = lower_headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            return auth[7:].strip() or None
        token = body.get("token")
        return token if isinstance(token, str) and token else None

    @staticmethod
    def _client_credentials(lower_headers: dict[str, str]) -> JSON:
        """client_id and client_secret from HTTP Basic auth (how slack_sdk sends them)."""
        auth = lower_headers.get("authorization", "")
        if not auth.lower().startswith("basic "):
            return {}
        try:
            decoded = base64.b64decode(auth[6:].strip()).decode("utf-8")
        except ValueError:
            return {}
        client_id, _, secret = decoded.partition(":")
        return {"client_id": client_id, "client_secret": secret}

    @staticmethod
    def _targets(fault_method: str | None, method: str) -> bool:
        """Whether a fault aimed at `fault_method` applies to a call to `method`."""
        if fault_method is None:
            return method not in (UPLOAD, RESPONSE_URL)
        return fault_method == method

    def _take_delay(self, method: str) -> float:
        """Consume the first queued delay for this method, returning its seconds."""
        with self._lock:
            for delay in self._delays:
                if self._targets(delay.method, method):
                    delay.count -= 1
                    if delay.count <= 0:
                        self._delays.remove(delay)
                    return delay.seconds
        return 0.0

    def _take_fault(self, method: str) -> _Reply | None:
        """Consume the first queued fault for this method, or roll the random faults."""
        for fault in self._faults:
            if self._targets(fault.method, method):
                fault.count -= 1
                if fault.count <= 0:
                    self._faults.remove(fault)
                return self._fault_reply(fault.status, fault.retry_after, fault.error)
        rnd = self._random
        if rnd is not None and (
            self._targets(None, method) if rnd.methods is None else method in rnd.methods
        ):
            roll = rnd.rng.random()
            if roll < rnd.rate_429:
                return self._fault_reply(429, rnd.retry_after, None)
            if roll < rnd.rate_429 + rnd.rate_500:
                return self._fault_reply(500, 0, None)
        return None

    @staticmethod
    def _fault_reply(status: int, retry_after: int, error: str | None) -> _Reply:
        """The reply for an injected fault."""
        if error is not None:
            return _json_reply(200, {"ok": False, "error": error})
        if status == 429:
            return _json_reply(
                429, {"ok": False, "error": "ratelimited"}, {"Retry-After": str(retry_after)}
            )
        phrase = http.HTTPStatus(status).phrase.lower().replace(" ", "_")
        return _json_reply(status, {"ok": False, "error": phrase})

    def _api(self, method: str, body: JSON, token: str | None) -> _Reply:
        """Answer a Web API method call."""
        handler = self._methods.get(method)
        try:
            if handler is None:
                raise _ApiError("unknown_method")
            if token is None and method not in _CLIENT_AUTH_METHODS:
                raise _ApiError("not_authed")
            issued = self._issued.get(token or "")
            if issued is not None and issued.revoked:
                raise _ApiError("token_revoked")
            if (
                issued is not None
                and issued.expires_at is not None
                and (issued.expires_at < time.time())
            ):
                raise _ApiError("token_expired")
            self._caller_team = issued.team_id if issued is not None else None
            payload = {"ok": True, **handler(body)}
        except _ApiError as exc:
            payload = {"ok": False, "error": exc.error, **exc.extra}
        except Exception as exc:  # a payload shape the fake did not expect: make it visible
            self.violations.append(f"{method}: fake_slack could not handle the request: {exc!r}")
            payload = {"ok": False, "error": "fake_internal_error", "detail": repr(exc)}
        return _json_reply(200, payload)

    def _reject(self, method: str, error: str, problems: list[str]) -> _ApiError:
        """Record a payload violation and build Slack's error for it."""
        self.violations.append(f"{method}: " + "; ".join(problems))
        return _ApiError(error, errors=problems, response_metadata={"messages": problems})

    # ----------------------------------------------------------------- helpers

    def _elsewhere(self, user_id: str) -> bool:
        """Whether a known user belongs to another workspace than the caller's token."""
        team = self._users.get(user_id, {}).get("team_id", self._caller_team)
        return self._caller_team is not None and team != self._caller_team

    def _resolve_channel(self, channel: str) -> str:
        """Map a user id to their DM channel id, as chat.postMessage does."""
        return "D" + channel if _is_user_id(channel) else channel

    def _next_ts(self) -> str:
        """A unique, strictly increasing message timestamp."""
        seconds, micros = divmod(1_700_000_000_000_000 + next(self._ts_counter) * 100, 1_000_000)
        return f"{seconds}.{micros:06d}"

    def _next_id(self, prefix: str) -> str:
        """A unique Slack-looking object id."""
        return f"{prefix}{next(self._serial):010d}"

    @staticmethod
    def _public_message(message: JSON, *, with_metadata: bool = True) -> JSON:
        """The message as Web API responses show it."""
        shown = {
            k: v
            for k, v in message.items()
            if k not in ("channel", "updated") and (v is not None or k == "text")
        }
        if not with_metadata:
            shown.pop("metadata", None)
        return copy.deepcopy(shown)

    def _find_message(self, body: JSON) -> tuple[list[JSON], JSON]:
        """The stored message a chat.update/chat.delete call points at."""
        channel, ts = body.get("channel"), body.get("ts")
        # Slack needs the conversation id here; a user id does not resolve to the DM.
        if not isinstance(channel, str) or not channel or _is_user_id(channel):
            raise _ApiError("channel_not_found")
        stored = self._messages.get(channel, [])
        for message in stored:
            if message["ts"] == ts:
                return stored, message
        raise _ApiError("message_not_found")

    @staticmethod
    def _require_content(body: JSON) -> None:
        """Slack refuses a message without text, blocks or attachments."""
        if not any(body.get(k) for k in ("text", "blocks", "attachments")):
            raise _ApiError("no_text")

    def _check_message_payload(self, method: str, text: Any, blocks: Any) -> None:
        """Reject message payloads that break Block Kit limits."""
        problems = check_message(text=text, blocks=blocks)
        if problems:
            raise self._reject(method, "invalid_blocks", problems)

    # ----------------------------------------------------------------- Web API methods

    def _auth_test(self, body: JSON) -> JSON:
        """auth.test (for a token issued here: its own workspace and bot user)"""
        team = self._caller_team or self.team_id
        return {
            "url": "https://test.slack.com/",
            "team": self._team_names.get(team, "Test"),
            "user": "intervisie",
            "team_id": team,
            "user_id": f"UBOT{team}" if self._caller_team else "UBOT",
            "bot_id": "BBOT",
            "is_enterprise_install": False,
        }

    def _users_info(self, body: JSON) -> JSON:
        """users.info"""
        user = self._users.get(str(body.get("user", "")))
        if user is None or (self._caller_team not in (None, user["team_id"])):
            raise _ApiError("user_not_found")
        now = datetime.now(ZoneInfo(user["tz"]))
        offset = now.utcoffset()
        abbreviation = now.tzname() or user["tz"]
        info: JSON = {
            "id": user["id"],
            "team_id": user["team_id"],
            "name": user["name"],
            "deleted": user["deleted"],
            "real_name": user["real_name"],
            "tz": user["tz"],
            "tz_label": _TZ_LABELS.get(abbreviation, abbreviation),
            "tz_offset": int(offset.total_seconds()) if offset is not None else 0,
            "is_bot": user["is_bot"],
            "is_admin": user["is_admin"],
            "is_owner": user["is_owner"],
            "is_app_user": False,
            "profile": {
                "real_name": user["real_name"],
                "display_name": user["name"],
                "real_name_normalized": user["real_name"],
                "display_name_normalized": user["name"],
            },
        }
        if _truthy(body.get("include_locale")):
            info["locale"] = user["locale"]
        return {"user": info}

    def _conversations_open(self, body: JSON) -> JSON:
        """conversations.open"""
        channel = body.get("channel")
        if isinstance(channel, str) and channel:
            return {"channel": {"id": channel}}
        users = body.get("users")
        if isinstance(users, list):
            users = ",".join(users)
        ids = [u.strip() for u in str(users or "").split(",") if u.strip()]
        if not ids:
            raise _ApiError("users_list_not_supplied")
        if any(self._elsewhere(u) for u in ids):
            raise _ApiError("user_not_found")
        if len(ids) == 1:
            return {"channel": {"id": "D" + ids[0]}}
        return {"channel": {"id": "G" + "".join(sorted(ids))}}

    def _history_args(self, body: JSON) -> tuple[str, int]:
        """Channel and limit of a history-like call."""
        channel = body.get("channel")
        # Slack needs the conversation id here; a user id does not resolve to the DM.
        if not isinstance(channel, str) or not channel or _is_user_id(channel):
            raise _ApiError("channel_not_found")
        try:
            limit = int(body.get("limit") or 100)
        except ValueError as exc:
            raise _ApiError("invalid_limit") from exc
        return channel, max(1, min(limit, 999))

    def _conversations_history(self, body: JSON) -> JSON:
        """conversations.history: top-level messages newest first."""
        channel, limit = self._history_args(body)
        inclusive = _truthy(body.get("inclusive"))
        oldest, latest = body.get("oldest"), body.get("latest")
        found = []
        for message in reversed(self._messages.get(channel, [])):
            if message.get("thread_ts") not in (None, message["ts"]):
                continue  # thread replies only show up in conversations.replies
            key = _ts_key(message["ts"])
            if oldest and (key < _ts_key(oldest) or (key == _ts_key(oldest) and not inclusive)):
                continue
            if latest and (key > _ts_key(latest) or (key == _ts_key(latest) and not inclusive)):
                continue
            found.append(message)
        with_metadata = _truthy(body.get("include_all_metadata"))
        return {
            "messages": [
                self._public_message(m, with_metadata=with_metadata) for m in found[:limit]
            ],
            "has_more": len(found) > limit,
            "pin_count": 0,
            "response_metadata": {"next_cursor": ""},
        }

    def _conversations_replies(self, body: JSON) -> JSON:
        """conversations.replies: a thread's parent and replies oldest first."""
        channel, limit = self._history_args(body)
        ts = body.get("ts")
        thread = [
            m for m in self._messages.get(channel, []) if m["ts"] == ts or m.get("thread_ts") == ts
        ]
        if not thread:
            raise _ApiError("thread_not_found")
        with_metadata = _truthy(body.get("include_all_metadata"))
        return {
            "messages": [
                self._public_message(m, with_metadata=with_metadata) for m in thread[:limit]
            ],
            "has_more": len(thread) > limit,
            "response_metadata": {"next_cursor": ""},
        }

    def _chat_post_message(self, body: JSON) -> JSON:
        """chat.postMessage"""
        channel = body.get("channel")
        if not isinstance(channel, str) or not channel:
            raise _ApiError("channel_not_found")
        self._require_content(body)
        self._check_message_payload("chat.postMessage", body.get("text"), body.get("blocks"))
        if _is_user_id(channel) and self._elsewhere(channel):
            # A user of another workspace is not found, as with conversations.open.
            raise _ApiError("channel_not_found")
        channel = self._resolve_channel(channel)
        message: JSON = {
            "type": "message",
            "user": "UBOT",
            "bot_id": "BBOT",
            "ts": self._next_ts(),
            "channel": channel,
            "text": body.get("text") or "",
            "blocks": body.get("blocks"),
            "attachments": body.get("attachments"),
            "metadata": body.get("metadata"),
            "thread_ts": body.get("thread_ts"),
            "updated": 0,
        }
        self._messages.setdefault(channel, []).append(message)
        return {"channel": channel, "ts": message["ts"], "message": self._public_message(message)}

    def _chat_post_ephemeral(self, body: JSON) -> JSON:
        """chat.postEphemeral"""
        channel, user = body.get("channel"), body.get("user")
        if not isinstance(channel, str) or not channel:
            raise _ApiError("channel_not_found")
        if not isinstance(user, str) or not user:
            raise _ApiError("user_not_found")
        self._require_content(body)
        self._check_message_payload("chat.postEphemeral", body.get("text"), body.get("blocks"))
        ts = self._next_ts()
        self._ephemerals.setdefault(user, []).append(
            {
                "message_ts": ts,
                "ts": ts,
                "channel": self._resolve_channel(channel),
                "user": user,
                "text": body.get("text") or "",
                "blocks": body.get("blocks"),
                "thread_ts": body.get("thread_ts"),
            }
        )
        return {"message_ts": ts}

    def _chat_update(self, body: JSON) -> JSON:
        """chat.update: fields left out keep their previous value, as in Slack."""
        _, message = self._find_message(body)
        if not any(k in body for k in ("text", "blocks", "attachments", "metadata")):
            raise _ApiError("no_text")
        text = body["text"] if "text" in body else message["text"]
        blocks = body["blocks"] if "blocks" in body else message["blocks"]
        self._check_message_payload("chat.update", text, blocks)
        message["text"] = text or ""
        message["blocks"] = blocks
        for key in ("attachments", "metadata"):
            if key in body:
                message[key] = body[key]
        message["updated"] += 1
        message["edited"] = {"user": "UBOT", "ts": self._next_ts()}
        return {
            "channel": message["channel"],
            "ts": message["ts"],
            "text": message["text"],
            "message": self._public_message(message),
        }

    def _chat_delete(self, body: JSON) -> JSON:
        """chat.delete"""
        stored, message = self._find_message(body)
        stored.remove(message)
        return {"channel": message["channel"], "ts": message["ts"]}

    def _use_trigger(self, method: str, body: JSON) -> tuple[JSON, str | None]:
        """Validate a views.open/push call and consume its trigger; return (view, user)."""
        trigger_id = body.get("trigger_id") or body.get("interactivity_pointer")
        view = body.get("view")
        if not isinstance(trigger_id, str) or not trigger_id or view is None:
            raise _ApiError("invalid_arguments")
        trigger = self._triggers.get(trigger_id)
        if trigger is None:
            raise _ApiError("invalid_trigger_id")
        if trigger.used or time.monotonic() - trigger.minted_at > self.TRIGGER_TTL:
            raise _ApiError("expired_trigger_id")
        problems = check_view(view)
        if isinstance(view, dict) and view.get("type") != "modal":
            problems.insert(0, f"view.type: {method} needs a modal, got {view.get('type')!r}")
        if problems:
            # An invalid payload does not burn the trigger: the app may retry with a fixed view.
            raise self._reject(method, "invalid_arguments", problems)
        trigger.used = True
        return view, trigger.user_id

    def _make_view(self, view: JSON, *, view_id: str, root_view_id: str | None = None) -> JSON:
        """The view object Slack returns: the submitted fields plus server-side ones."""
        return {
            **copy.deepcopy(view),
            "id": view_id,
            "team_id": self.team_id,
            "app_id": "ABOT",
            "bot_id": "BBOT",
            "private_metadata": view.get("private_metadata", ""),
            "callback_id": view.get("callback_id", ""),
            "external_id": view.get("external_id", ""),
            "state": {"values": {}},
            "hash": f"{int(time.time())}.{secrets.token_hex(4)}",
            "root_view_id": root_view_id or view_id,
            "previous_view_id": None,
            "clear_on_close": bool(view.get("clear_on_close", False)),
            "notify_on_close": bool(view.get("notify_on_close", False)),
        }

    def _check_external_id(self, view: JSON, own_id: str | None = None) -> None:
        """Slack keeps external_id unique per workspace."""
        external_id = view.get("external_id")
        if external_id and any(
            vid != own_id and stored.view.get("external_id") == external_id
            for vid, stored in self._views.items()
        ):
            raise _ApiError("duplicate_external_id")

    def _views_open(self, body: JSON) -> JSON:
        """views.open"""
        view, user_id = self._use_trigger("views.open", body)
        self._check_external_id(view)
        view_id = self._next_id("V")
        stored = self._make_view(view, view_id=view_id)
        self._views[view_id] = _StoredView(stored, user_id, opened=True)
        return {"view": copy.deepcopy(stored)}

    def _views_push(self, body: JSON) -> JSON:
        """views.push"""
        view, user_id = self._use_trigger("views.push", body)
        self._check_external_id(view)
        view_id = self._next_id("V")
        # The pushed view sits on the stack of the user's most recent modal.
        roots = [v.view for v in self._views.values() if v.opened and v.user_id == user_id]
        root_id = roots[-1]["root_view_id"] if roots else None
        stored = self._make_view(view, view_id=view_id, root_view_id=root_id)
        stored["previous_view_id"] = roots[-1]["id"] if roots else None
        self._views[view_id] = _StoredView(stored, user_id, opened=True)
        return {"view": copy.deepcopy(stored)}

    def _views_update(self, body: JSON) -> JSON:
        """views.update"""
        view = body.get("view")
        view_id, external_id = body.get("view_id"), body.get("external_id")
        if view is None or not (view_id or external_id):
            raise _ApiError("invalid_arguments")
        target = next(
            (
                (vid, s)
                for vid, s in self._views.items()
                if vid == view_id or (external_id and s.view.get("external_id") == external_id)
            ),
            None,
        )
        if target is None:
            raise _ApiError("not_found")
        vid, stored = target
        expected_hash = body.get("hash")
        if expected_hash and expected_hash != stored.view["hash"]:
            raise _ApiError("hash_conflict")
        problems = check_view(view)
        if problems:
            raise self._reject("views.update", "invalid_arguments", problems)
        self._check_external_id(view, own_id=vid)
        new = self._make_view(view, view_id=vid, root_view_id=stored.view["root_view_id"])
        new["previous_view_id"] = stored.view.get("previous_view_id")
        if not view.get("external_id"):
            new["external_id"] = stored.view.get("external_id", "")
        stored.view = new
        if new.get("type") == "home" and stored.user_id is not None:
            self._home_views[stored.user_id] = copy.deepcopy(new)
        return {"view": copy.deepcopy(new)}

    def _views_publish(self, body: JSON) -> JSON:
        """views.publish: the user's home tab keeps one view id across publishes."""
        user_id, view = body.get("user_id"), body.get("view")
        if not isinstance(user_id, str) or not user_id or view is None:
            raise _ApiError("invalid_arguments")
        problems = check_view(view)
        if isinstance(view, dict) and view.get("type") != "home":
            problems.insert(
                0, f"view.type: views.publish needs a home view, got {view.get('type')!r}"
            )
        if problems:
            raise self._reject("views.publish", "invalid_arguments", problems)
        current = self._home_views.get(user_id)
        expected_hash = body.get("hash")
        if expected_hash and current is not None and expected_hash != current["hash"]:
            raise _ApiError("hash_conflict")
        view_id = current["id"] if current is not None else self._next_id("V")
        stored = self._make_view(view, view_id=view_id)
        self._views[view_id] = _StoredView(stored, user_id, opened=False)
        self._home_views[user_id] = stored
        return {"view": copy.deepcopy(stored)}

    def _files_get_upload_url(self, body: JSON) -> JSON:
        """files.getUploadURLExternal"""
        filename = body.get("filename")
        try:
            length = int(body.get("length", ""))
        except (TypeError, ValueError) as exc:
            raise _ApiError("invalid_arguments") from exc
        if not isinstance(filename, str) or not filename or length < 0:
            raise _ApiError("invalid_arguments")
        file_id = self._next_id("F")
        self._files[file_id] = UploadedFile(file_id=file_id, filename=filename)
        return {"upload_url": f"{self.url}upload/{file_id}", "file_id": file_id}

    def _files_complete_upload(self, body: JSON) -> JSON:
        """files.completeUploadExternal"""
        files = body.get("files")
        if not isinstance(files, list) or not files or not all(isinstance(f, dict) for f in files):
            raise _ApiError("invalid_arguments")
        for item in files:
            stored = self._files.get(str(item.get("id")))
            if stored is None or not stored.uploaded:
                raise _ApiError("file_not_found")
        if body.get("blocks") is not None:
            problems = check_blocks(body["blocks"])
            if problems:
                raise self._reject("files.completeUploadExternal", "invalid_blocks", problems)
        channel = body.get("channel_id") or None
        if channel is None and body.get("channels"):
            channel = str(body["channels"]).split(",")[0].strip() or None
        result = []
        for item in files:
            stored = self._files[str(item["id"])]
            stored.title = item.get("title") or stored.filename
            stored.channel = channel
            stored.initial_comment = body.get("initial_comment")
            stored.thread_ts = body.get("thread_ts")
            stored.completed = True
            result.append({"id": stored.file_id, "title": stored.title, "name": stored.filename})
        if channel is not None:
            # Slack shows the share as a message with a `files` array in the channel's history.
            channel = self._resolve_channel(channel)
            self._messages.setdefault(channel, []).append(
                {
                    "type": "message",
                    "user": "UBOT",
                    "bot_id": "BBOT",
                    "ts": self._next_ts(),
                    "channel": channel,
                    "text": body.get("initial_comment") or "",
                    "files": copy.deepcopy(result),
                    "upload": True,
                    "thread_ts": body.get("thread_ts"),
                    "updated": 0,
                }
            )
        return {"files": result}

    def _apps_connections_open(self, body: JSON) -> JSON:
        """apps.connections.open: a one-time WebSocket URL, when a Socket Mode server is attached."""
        if self.socket_mode_url is None:
            # No server attached (e.g. `intervisie-bot check` testing the app token): a URL where
            # nothing listens.
            return {"url": "wss://wss.fake-slack.invalid/link/?ticket=fake"}
        return {"url": self.socket_mode_url()}

    # ----------------------------------------------------------------- other endpoints

    def _upload(self, file_id: str, content_type: str, raw: bytes, body: JSON) -> _Reply:
        """POST to an upload URL: raw bytes (what slack_sdk sends) or multipart form-data."""
        stored = self._files.get(file_id)
        body["file_id"] = file_id
        if stored is None:
            return _text_reply(404, "file_not_found")
        content = raw
        if content_type.lower().startswith("multipart/form-data"):
            parts = _parse_multipart(content_type, raw)
            file_parts = [p for p in parts if p[0] == "file"] or [p for p in parts if p[1]]
            if not file_parts:
                return _text_reply(400, "no_file_data")
            content = file_parts[0][2]
            body["filename"] = file_parts[0][1]
        stored.content = content
        stored.uploaded = True
        body["length"] = len(content)
        return _text_reply(200, f"OK - {len(content)}")

    def _response_url(self, key: str, body: JSON) -> _Reply:
        """POST to a response_url: record it and check any blocks."""
        if key not in self._response_urls:
            return _text_reply(404, "no_service")
        blocks = body.get("blocks")
        if blocks is not None:
            problems = check_message(text=body.get("text"), blocks=blocks)
            if problems:
                self.violations.append(f"{RESPONSE_URL}: " + "; ".join(problems))
                return _text_reply(400, "invalid_blocks", errors=problems)
        return _text_reply(200, "ok")
