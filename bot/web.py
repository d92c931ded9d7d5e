"""The app's own HTTP pages (health, calendar feeds, verification) as a tiny WSGI router."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

Environ = dict[str, Any]
StartResponse = Callable[..., Any]

_REASONS = {
    200: "OK",
    400: "Bad Request",
    401: "Unauthorized",
    404: "Not Found",
    405: "Method Not Allowed",
    413: "Payload Too Large",
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
    """A method and a full-match path pattern, answered by `handler`."""

    method: str
    pattern: re.Pattern[str]
    handler: Handler


def route(method: str, pattern: str, handler: Handler) -> Route:
    """A route whose pattern must match the whole path."""
    return Route(method, re.compile(pattern), handler)


class Router:
    """Finds the route for a request; 404 for unknown paths, 405 for a known path, wrong method."""

    def __init__(self, routes: Iterable[Route]) -> None:
        self.routes = list(routes)

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
            *response.headers,
        ]
        start_response(f"{response.status} {_REASONS.get(response.status, 'Status')}", headers)
        return [b""] if method == "HEAD" else [response.body]


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
