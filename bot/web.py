"""The app's own HTTP pages (health, calendar feeds, verification) as a tiny WSGI router, with
Slack's request signature check and a per-client rate limit for the public pages."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import math
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.ratelimit import TokenBucket

Environ = dict[str, Any]
StartResponse = Callable[..., Any]

_REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    405: "Method Not Allowed",
    413: "Payload Too Large",
    429: "Too Many Requests",
    500: "Internal Server Error",
    503: "Service Unavailable",
}


@dataclass
class Response:
    """A plain HTTP response."""

    status: int
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    headers: list[tuple[str, str]] = field(default_factory=list)

    @classmethod
    def text(cls, status: int, body: str) -> Response:
        """A text/plain response."""
        return cls(status, body.encode())


Handler = Callable[[Environ, re.Match[str]], Response]


@dataclass
class Route:
    """A method and a full-match path pattern, answered by `handler`.

    `limited` routes (the public pages: /verify, the calendar feeds) count against the client's
    rate limit, so their codes and tokens cannot be tried by the thousand.
    """

    method: str
    pattern: re.Pattern[str]
    handler: Handler
    limited: bool = False


def route(method: str, pattern: str, handler: Handler, *, limited: bool = False) -> Route:
    """A route whose pattern must match the whole path."""
    return Route(method, re.compile(pattern), handler, limited)


# No page of the app is meant to be shown inside another site's frame (clickjacking): the CSP
# directive for current browsers, X-Frame-Options for older ones.
FRAME_ANCESTORS = "frame-ancestors 'none'"


def _security_headers(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Add frame-ancestors to the page's own Content-Security-Policy (or send it alone)."""
    out: list[tuple[str, str]] = []
    has_csp = False
    for name, value in headers:
        if name.lower() == "content-security-policy":
            has_csp = True
            if "frame-ancestors" not in value:
                value = f"{value.rstrip('; ')}; {FRAME_ANCESTORS}"
        out.append((name, value))
    if not has_csp:
        out.append(("Content-Security-Policy", FRAME_ANCESTORS))
    if not any(name.lower() == "x-frame-options" for name, _ in out):
        out.append(("X-Frame-Options", "DENY"))
    return out


class Router:
    """Finds the route for a request; 404 for unknown paths, 405 for a known path, wrong method.

    Every answer carries the security headers; limited routes answer 429 with Retry-After when
    the client is over its rate.
    """

    def __init__(self, routes: Iterable[Route], *, limiter: ClientLimiter | None = None) -> None:
        self.routes = list(routes)
        self.limiter = limiter

    def __call__(self, environ: Environ, start_response: StartResponse) -> list[bytes]:
        """WSGI entry point."""
        path = environ.get("PATH_INFO", "") or "/"
        method = environ.get("REQUEST_METHOD", "GET").upper()
        response: Response | None = None
        path_known = False
        for r in self.routes:
            match = r.pattern.fullmatch(path)
            if match is None:
                continue
            path_known = True
            if r.method == method or (r.method == "GET" and method == "HEAD"):
                response = self._limited(environ) if r.limited else None
                if response is None:
                    response = r.handler(environ, match)
                break
        if response is None:
            response = Response.text(
                405 if path_known else 404, "method not allowed" if path_known else "not found"
            )
        headers = [
            ("Content-Type", response.content_type),
            ("Content-Length", str(len(response.body))),
            ("X-Content-Type-Options", "nosniff"),
            *_security_headers(response.headers),
        ]
        start_response(f"{response.status} {_REASONS.get(response.status, 'Status')}", headers)
        return [b""] if method == "HEAD" else [response.body]

    def _limited(self, environ: Environ) -> Response | None:
        """A 429 when the client has used up its rate, else None (and one request is counted)."""
        if self.limiter is None:
            return None
        wait = self.limiter.take(self.limiter.client_of(environ))
        if wait <= 0:
            return None
        response = Response.text(429, "too many requests")
        response.headers.append(("Retry-After", str(max(1, math.ceil(wait)))))
        return response


class ClientLimiter:
    """A token bucket per client address for the public pages.

    The client is REMOTE_ADDR. Behind reverse proxies the HTTP server (waitress, configured from
    settings.trusted_proxies in bot.server) has already replaced it with the address the
    outermost trusted proxy saw; without that setting waitress drops X-Forwarded-For, which
    anyone can send. IPv6 clients are counted per /64, the block one host usually holds. At most
    `max_clients` buckets are kept, the least recently seen go first, so a flood from many
    addresses cannot grow memory without bound.
    """

    def __init__(
        self,
        *,
        per_second: float,
        burst: int,
        max_clients: int = 10_000,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if per_second <= 0 or burst < 1 or max_clients < 1:
            raise ValueError("a client limiter needs a positive rate, burst and size")
        self.per_second = per_second
        self.burst = burst
        self.max_clients = max_clients
        self._monotonic = monotonic
        self._buckets: OrderedDict[str, TokenBucket] = OrderedDict()
        self._lock = threading.Lock()

    @staticmethod
    def client_of(environ: Environ) -> str:
        """The key the request is counted under (an address or an IPv6 /64)."""
        return _client_key(str(environ.get("REMOTE_ADDR") or ""))

    def take(self, client: str) -> float:
        """Count one request; 0.0 when allowed, else the seconds until the client may retry."""
        with self._lock:
            bucket = self._buckets.get(client)
            if bucket is None:
                bucket = TokenBucket(self.per_second, self.burst, monotonic=self._monotonic)
                self._buckets[client] = bucket
                while len(self._buckets) > self.max_clients:
                    self._buckets.popitem(last=False)
            else:
                self._buckets.move_to_end(client)
        return bucket.try_take()


def _client_key(address: str) -> str:
    try:
        ip = ipaddress.ip_address(address.strip("[]"))
    except ValueError:
        # Not an address (a proxy sent a name or "unknown"): count it as what it says.
        return address[:64] or "unknown"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


# ----------------------------------------------------------------------------- Slack signatures

# Slack signs every request with its signing secret; a request older than this is refused, so a
# captured one cannot be replayed later.
SLACK_TIMESTAMP_TOLERANCE_SECONDS = 5 * 60
# Unix time in seconds has 10 digits until the year 2286; a longer "timestamp" is not one (and a
# 400-digit one must not reach int() at all).
_SLACK_TIMESTAMP = re.compile(r"[0-9]{1,12}")
_SLACK_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")


def slack_signature_problem(
    *,
    secret: str,
    body: bytes,
    timestamp: str | None,
    signature: str | None,
    now: float | None = None,
) -> str | None:
    """Why a request is not signed by Slack just now (a short reason for the log), or None.

    Checked on the exact bytes received, before anything parses them: HMAC-SHA256 over
    `v0:<timestamp>:<body>` with the signing secret, compared in constant time, and the timestamp
    (ASCII digits only) within five minutes of now.
    """
    if not secret:
        return "no signing secret configured"
    if not timestamp:
        return "no timestamp header"
    if _SLACK_TIMESTAMP.fullmatch(timestamp) is None:
        return "malformed timestamp"
    current = time.time() if now is None else now
    if abs(current - int(timestamp)) > SLACK_TIMESTAMP_TOLERANCE_SECONDS:
        return "timestamp outside the five-minute window"
    if not signature:
        return "no signature header"
    if _SLACK_SIGNATURE.fullmatch(signature) is None:
        return "malformed signature"
    base = b"v0:" + timestamp.encode("ascii") + b":" + body
    expected = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected.encode("ascii"), signature.encode("ascii")):
        return "signature does not match"
    return None


def read_body(environ: Environ, *, limit: int) -> bytes | None:
    """The request body, or None when it is larger than `limit` bytes (we never read past it)."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    if length < 0 or length > limit:
        return None
    stream = environ["wsgi.input"]
    return stream.read(length) if length else b""


def headers_of(environ: Environ) -> dict[str, str]:
    """Request headers, lower-cased, from a WSGI environ."""
    headers = {
        key[5:].replace("_", "-").lower(): str(value)
        for key, value in environ.items()
        if key.startswith("HTTP_")
    }
    if "CONTENT_TYPE" in environ:
        headers["content-type"] = str(environ["CONTENT_TYPE"])
    if "CONTENT_LENGTH" in environ:
        headers["content-length"] = str(environ["CONTENT_LENGTH"])
    return headers
