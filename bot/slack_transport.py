"""A Web API client that keeps its connection to Slack open between calls, for the outbox.

slack_sdk's WebClient sends every call through urllib on a new connection: a TCP (and, to
slack.com, TLS) handshake per DM, and urllib's opener machinery around it. In a fan-out of
thousands of DMs that was most of the outbox's CPU after the database (bench/README.md,
fan-out). This client sends the same requests over one http.client connection per thread,
kept alive while Slack allows, and made again when it was closed. Everything around the
request — arguments, headers, retries, errors (an HTTP error status still raises urllib's
HTTPError, which slack_sdk turns into SlackApiError with Retry-After) — stays slack_sdk's own.
Calls through a proxy go through urllib as before.
"""

from __future__ import annotations

import http.client
import io
import socket
import threading
from email.message import Message as HeaderMessage
from typing import Any
from urllib.error import HTTPError
from urllib.parse import urlsplit
from urllib.request import Request

from slack_sdk import WebClient

# Connection failures after which the request is sent once more on a fresh connection: the
# server closed an idle kept-alive connection before this request reached it.
_STALE = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


class KeepAliveWebClient(WebClient):
    """A WebClient whose calls reuse one open connection per thread."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._connections = threading.local()

    def _perform_urllib_http_request_internal(self, url: str, req: Request) -> dict[str, Any]:
        """slack_sdk's one HTTP round trip, on this thread's kept-alive connection."""
        parts = urlsplit(url)
        if self.proxy or parts.scheme not in ("http", "https") or not parts.hostname:
            return super()._perform_urllib_http_request_internal(url, req)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        headers = dict(req.header_items())
        body = req.data if isinstance(req.data, bytes) else None
        reused = parts.netloc in self._open_netlocs()
        try:
            response = self._round_trip(parts.scheme, parts.netloc, path, body, headers)
        except _STALE:
            if not reused:
                raise  # a fresh connection failed: a real failure, slack_sdk decides
            response = self._round_trip(parts.scheme, parts.netloc, path, body, headers)
        status, response_headers, content = response
        if status >= 400:
            # What urlopen raises; slack_sdk reads the status, headers and body from it.
            raise HTTPError(url, status, "", response_headers, io.BytesIO(content))
        charset = response_headers.get_content_charset() or "utf-8"
        if response_headers.get_content_type() == "application/gzip":
            return {"status": status, "headers": response_headers, "body": content}
        return {"status": status, "headers": response_headers, "body": content.decode(charset)}

    def _round_trip(
        self, scheme: str, netloc: str, path: str, body: bytes | None, headers: dict[str, str]
    ) -> tuple[int, HeaderMessage, bytes]:
        connection = self._connection(scheme, netloc)
        try:
            connection.request("POST", path, body=body, headers=headers)
            answer = connection.getresponse()
            content = answer.read()
        except BaseException:
            self._drop(scheme, netloc)
            raise
        if answer.will_close:
            self._drop(scheme, netloc)
        return answer.status, answer.headers, content

    def _open_netlocs(self) -> set[str]:
        """Where this thread has a connection that answered before (and may have gone stale)."""
        pool: dict[tuple[str, str], http.client.HTTPConnection] = getattr(
            self._connections, "pool", {}
        )
        return {netloc for (_scheme, netloc), c in pool.items() if c.sock is not None}

    def _connection(self, scheme: str, netloc: str) -> http.client.HTTPConnection:
        key = (scheme, netloc)
        pool: dict[tuple[str, str], http.client.HTTPConnection] = getattr(
            self._connections, "pool", {}
        )
        self._connections.pool = pool
        connection = pool.get(key)
        if connection is None:
            if scheme == "https":
                connection = http.client.HTTPSConnection(
                    netloc, timeout=self.timeout, context=self.ssl
                )
            else:
                connection = http.client.HTTPConnection(netloc, timeout=self.timeout)
            pool[key] = connection
        if connection.sock is None:
            connection.connect()
            # Headers and body may leave in separate writes; on a kept-alive connection
            # Nagle's algorithm would hold the second back for the server's delayed ACK.
            if connection.sock is not None:
                connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return connection

    def _drop(self, scheme: str, netloc: str) -> None:
        pool: dict[tuple[str, str], http.client.HTTPConnection] = getattr(
            self._connections, "pool", {}
        )
        connection = pool.pop((scheme, netloc), None)
        if connection is not None:
            connection.close()
