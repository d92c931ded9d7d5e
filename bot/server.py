"""The running app: HTTP server (waitress) or Socket Mode, the outbox worker and the scheduler,
started and stopped together. HTTP mode answers POST /slack/events, GET /healthz and the app's pages.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
import uuid
from typing import Any

from slack_sdk import WebClient
from waitress import wasyncore
from waitress.server import create_server

from bot.app import create_app
from bot.app.http import Forward, oauth_routes, quiet_bolt_refusals, slack_events_route
from bot.clock import Clock, SystemClock
from bot.delivery import Outbox
from bot.deps import Deps
from bot.directory import UserDirectory
from bot.installations import token_source
from bot.jobs import install_jobs, make_scheduler
from bot.ratelimit import RateLimiter
from bot.settings import Settings
from bot.slack_api import WorkspaceClients, make_web_client
from bot.web import (
    ClientLimiter,
    Environ,
    Response,
    Route,
    Router,
    route,
)
from handlers.context import acks_first
from storage.db import make_engine, make_session_factory, ping
from storage.migrate import current_revision, head_revision, upgrade_to_head

log = logging.getLogger(__name__)


class MigrationsPending(RuntimeError):
    """The database is behind the code and INTERVISIE_MIGRATE_ON_START is off."""


def build_deps(settings: Settings, *, clock: Clock | None = None) -> Deps:
    """Engine, sessions, clock, each workspace's client and the Slack user directory of one
    process (renderers come with the app factory)."""
    clock = clock or SystemClock()
    engine = make_engine(settings.database_url)
    # One token source per process: tokens are looked up (and rotated) once for all its users.
    tokens = token_source(settings, engine, client=make_web_client(settings))
    clients = WorkspaceClients(settings, tokens=tokens)
    return Deps(
        settings=settings,
        engine=engine,
        session_factory=make_session_factory(engine),
        clock=clock,
        directory=UserDirectory(clients, clock=clock),
        clients=clients,
        tokens=tokens,
    )


def build_senders(deps: Deps) -> list[Outbox]:
    """The outbox senders of one process (settings.outbox_workers), sharing one rate limiter so
    each workspace's token buckets hold for all of them together; each delivery goes out with
    its own workspace's token."""
    settings = deps.settings
    clients = WorkspaceClients(
        settings, tokens=deps.tokens, limiter=RateLimiter(settings.slack_rate_limits)
    )
    return [
        Outbox(
            session_factory=deps.session_factory,
            clients=clients,
            clock=deps.clock,
            renderers=deps.renderers,
            settings=settings,
            max_attempts=settings.delivery_max_attempts,
            poll_seconds=settings.delivery_poll_seconds,
            backoff_base_seconds=settings.delivery_backoff_base_seconds,
            lease_seconds=settings.delivery_lease_seconds,
        )
        for _ in range(max(1, settings.outbox_workers))
    ]


def healthz_route(deps: Deps) -> Route:
    """GET /healthz: 200 when the database answers, 503 when it does not."""

    def handle(_environ: Environ, _match: Any) -> Response:
        if ping(deps.engine):
            return Response.text(200, "ok")
        return Response.text(503, "database unreachable")

    return route("GET", r"/healthz", handle)


def page_routes(deps: Deps) -> list[Route]:
    """The app's own pages besides Slack's endpoint (calendar feeds, verification)."""
    from bot.calendar_web import calendar_routes
    from bot.verify_web import verify_route

    return [verify_route(deps), *calendar_routes(deps)]


# How long stop() waits for slack_sdk's Socket Mode client to close.
SOCKET_MODE_CLOSE_SECONDS = 5.0


def close_socket_mode(handler: Any) -> None:
    """Stop Socket Mode gracefully and at once: ack the envelopes in hand, then hang up.

    slack_sdk's built-in client closes its socket only after the reader thread's recv() returns,
    which waits out a 3-second timeout when Slack is quiet, and its message loop polls its queue
    each second. Stopping to take envelopes, letting the ones in hand be acked on the open
    connection, then shutting the socket down (which wakes the reader at once) makes stop() take
    as long as the work in hand, and leaves no thread behind. Every step is optional: should a
    slack_sdk release rename an attribute, close() still works, only slower.
    """
    client = handler.client
    client.auto_reconnect_enabled = False  # a hang-up from our side is not a reason to reconnect
    client.closed = True  # the message loop stops taking envelopes off the queue
    queue = getattr(client, "message_queue", None)
    if queue is not None:
        queue.put(None)  # wakes the loop's blocking get(); None is skipped
    workers = getattr(client, "message_workers", None)
    if workers is not None:
        workers.shutdown(wait=True)  # envelopes in hand: Bolt acks them on the open connection
    state = getattr(client, "current_session_state", None)
    if state is not None:
        state.terminated = True  # the reader stops at its next wake-up instead of reading on
    sock = getattr(getattr(client, "current_session", None), "sock", None)
    if sock is not None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)  # wakes the reader's recv() now, not in 3 s
    # slack_sdk's close() joins its connection monitor, which can sit in a reconnect that never
    # returns (Slack's end already gone); a shutdown must not hang on it. The monitor's threads
    # are daemons: what is left of them ends with the process.
    closing = threading.Thread(target=handler.close, name="socket-mode-close", daemon=True)
    closing.start()
    closing.join(timeout=SOCKET_MODE_CLOSE_SECONDS)
    if closing.is_alive():
        log.warning("Socket Mode did not close within %s s; going on", SOCKET_MODE_CLOSE_SECONDS)


class Runtime:
    """One app process: start() brings everything up, stop() takes it down gracefully."""

    def __init__(
        self,
        settings: Settings,
        *,
        clock: Clock | None = None,
        client: WebClient | None = None,
        start_scheduler: bool = True,
    ) -> None:
        self.settings = settings
        self.name = f"runtime-{uuid.uuid4().hex[:8]}"
        self.deps = build_deps(settings, clock=clock)
        self._check_schema()
        quiet_bolt_refusals()
        self.app = create_app(self.deps, client=client)
        self.senders = build_senders(self.deps)
        # The first sender; tests and the demo wait on it (wait_idle) and kick it.
        self.outbox = self.senders[0]
        self.limiter = ClientLimiter(
            per_second=settings.page_rate_per_second, burst=settings.page_rate_burst
        )
        self.scheduler = make_scheduler() if start_scheduler else None
        self._server: Any = None
        self._server_thread: threading.Thread | None = None
        self._socket_handler: Any = None
        self._stopped = threading.Event()

    def _check_schema(self) -> None:
        if self.settings.run_migrations:
            upgrade_to_head(self.deps.engine)
            return
        current, head = current_revision(self.deps.engine), head_revision()
        if current != head:
            raise MigrationsPending(
                f"The database is at revision {current or 'empty'} and the code needs {head}. "
                "Run `intervisie-bot migrate`, or unset INTERVISIE_MIGRATE_ON_START=0."
            )

    @property
    def port(self) -> int:
        """The port the HTTP server listens on (useful when PORT=0 picked a free one)."""
        return int(self._server.effective_port) if self._server is not None else 0

    def wsgi_app(self, *, forward: Forward | None = None) -> Router:
        """The whole HTTP surface as a WSGI application; with `forward`, requests whose listener
        acks first are acknowledged here and their listeners run where `forward` hands them."""
        routes = [
            healthz_route(self.deps),
            *page_routes(self.deps),
            # Distributed: "Add to Slack" and Slack's redirect back (in both modes, over HTTP).
            *oauth_routes(self.app),
        ]
        if not self.settings.socket_mode:
            routes.append(
                slack_events_route(
                    self.app,
                    max_bytes=self.settings.max_request_bytes,
                    signing_secret=self.settings.slack_signing_secret,
                    forward=forward,
                    acks_first=acks_first(self.app),
                )
            )
        return Router(routes, limiter=self.limiter)

    def start(self) -> None:
        """Start the outbox, the scheduler, the HTTP server and (if configured) Socket Mode."""
        self.start_background()
        self._server = create_server(
            self.wsgi_app(),
            host=self.settings.host,
            port=self.settings.port,
            threads=self.settings.http_threads,
            max_request_body_size=self.settings.max_request_bytes,
            ident="intervisie",
            **self._proxy_adjustments(),
        )
        self._server_thread = threading.Thread(target=self._serve, name="http", daemon=True)
        self._server_thread.start()
        log.info(
            "HTTP server on %s:%s (%s mode)",
            self.settings.host,
            self.port,
            "Socket" if self.settings.socket_mode else "HTTP",
        )
        if self.settings.socket_mode:
            from slack_bolt.adapter.socket_mode import SocketModeHandler

            self._socket_handler = SocketModeHandler(self.app, self.settings.slack_app_token)
            self._socket_handler.connect()
            log.info("connected to Slack in Socket Mode")

    def start_background(self) -> None:
        """Start what runs beside the HTTP server: the outbox senders and the scheduler (a
        pre-fork worker's HTTP server is gunicorn's, bot/prefork.py)."""
        for sender in self.senders:
            sender.start()
        if self.scheduler is not None:
            install_jobs(
                self.scheduler,
                deps=self.deps,
                name=self.name,
                poll_seconds=self.settings.scheduler_poll_seconds,
            )
            self.scheduler.start()

    def proxied_wsgi_app(self, *, forward: Forward | None = None) -> Any:
        """The WSGI application behind waitress's proxy-header handling, for another server
        (gunicorn): X-Forwarded-For is trusted exactly as waitress itself trusts it here."""
        from waitress.proxy_headers import proxy_headers_middleware

        app = self.wsgi_app(forward=forward)
        return proxy_headers_middleware(app, **self._proxy_adjustments())

    def _proxy_adjustments(self) -> dict[str, Any]:
        """waitress's proxy settings: behind N trusted proxies, REMOTE_ADDR becomes the address
        the outermost one saw (the Nth X-Forwarded-For entry from the right, the ones to its
        left are the client's to invent); with none, waitress drops X-Forwarded-For."""
        count = self.settings.trusted_proxies
        if count == 0:
            return {}
        return {
            "trusted_proxy": "*",
            "trusted_proxy_count": count,
            "trusted_proxy_headers": {"x-forwarded-for"},
        }

    def stop(self, *, timeout: float = 10.0) -> None:
        """Stop taking requests, let in-flight work finish, then stop the scheduler and the outbox."""
        if self._stopped.is_set():
            return
        self._stopped.set()
        if self._server is not None:
            # Wake the loop now rather than at the end of its poll timeout. The loop may have
            # seen the flag first and closed its trigger already: then there is nothing to wake.
            with contextlib.suppress(OSError):
                self._server.pull_trigger()
        if self._socket_handler is not None:
            close_socket_mode(self._socket_handler)
        if self._server_thread is not None:
            # The loop thread itself stops accepting, drains and closes (see _serve): asyncore
            # sockets must not be closed from another thread while the loop polls them.
            self._server_thread.join(timeout + 2)
        # Bolt listeners run after the ack; let the ones in flight finish their unit of work.
        executor = self.app.listener_runner.listener_executor
        executor.shutdown(wait=True, cancel_futures=False)
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=True)
        for sender in self.senders:
            sender.stop(timeout=timeout)
        self.deps.engine.dispose()
        log.info("stopped")

    def _serve(self) -> None:
        """waitress's loop, run here so that shutdown happens in the loop's own thread."""
        server = self._server
        while not self._stopped.is_set():
            wasyncore.loop(timeout=0.2, map=server._map, use_poll=True, count=1)
        # Stop accepting: the listening socket leaves the map, open connections stay.
        server.del_channel()
        server.socket.close()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and self._http_busy(server):
            wasyncore.loop(timeout=0.05, map=server._map, use_poll=True, count=1)
        server.task_dispatcher.shutdown(cancel_pending=True, timeout=1)
        wasyncore.close_all(server._map)

    @staticmethod
    def _http_busy(server: Any) -> bool:
        """Requests still being handled, or answers not yet written to their sockets."""
        dispatcher = server.task_dispatcher
        if dispatcher.active_count or dispatcher.queue:
            return True
        return any(
            getattr(channel, "requests", None) or getattr(channel, "total_outbufs_len", 0)
            for channel in list(server._map.values())
        )

    def wait(self) -> None:
        """Block until stop() is called (from a signal handler)."""
        self._stopped.wait()
