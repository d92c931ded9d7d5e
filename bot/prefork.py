"""`intervisie-bot serve` with several processes (HTTP mode on PostgreSQL): gunicorn's pre-fork
server with threaded (gthread) workers in front of one listening socket. Every worker is a web
process with a listener process of its own beside it:

- the web process answers HTTP: it checks Slack's signature and acknowledges slash commands,
  buttons and events at once (their listeners ack first with nothing), then hands the request
  to its listener process through a pipe; modal submits, whose answer is their outcome, it runs
  itself, as it does the app's pages;
- the listener process runs those listeners, the outbox and the scheduler, at a lower CPU
  priority (niceness 10), so that under load an ack never waits behind the work that comes
  after it (within one process the interpreter lock would make it wait: bench/README.md).

Both make their own engine, connection pool and Bolt app after the fork; nothing is shared but
the pipe. The processes coordinate through the database only, as separate app processes always
did: outbox rows are claimed with FOR UPDATE SKIP LOCKED under a lease, reminders and polls with
conditional updates, and each periodic job runs in one process at a time (bot/jobs.py).

The parent process (gunicorn's arbiter) checks the settings, Slack and the database, migrates,
binds the socket, and then only watches its workers: it opens no database connection of its own.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import threading
from dataclasses import replace
from multiprocessing.connection import Connection
from typing import Any

from gunicorn.app.base import BaseApplication

from bot.app.http import dispatch_forwarded
from bot.ratelimit import RateLimit
from bot.server import Runtime
from bot.settings import Settings

log = logging.getLogger(__name__)

# How much lower than its web worker a listener process is scheduled (Linux niceness): Slack's
# answer first, the work after it with what is left. Only here, in a process of its own: in one
# process the interpreter lock is shared anyway, and lowered threads would wait behind every
# other process on the machine.
BACKGROUND_NICENESS = 10
# Seconds a worker gets to finish its requests, listeners and the delivery in hand on SIGTERM.
GRACEFUL_SECONDS = 30
BACKLOG = 2048


def listen(settings: Settings) -> socket.socket:
    """The listening socket on HOST:PORT, bound here so that a port in use is one clear error
    (OSError) before any worker starts; the workers accept on it (gunicorn's fd:// bind)."""
    family = socket.AF_INET6 if ":" in settings.host else socket.AF_INET
    return socket.create_server((settings.host, settings.port), family=family, backlog=BACKLOG)


def shared_rate_limits(limits: tuple[RateLimit, ...], *, workers: int) -> tuple[RateLimit, ...]:
    """Each worker's share of the outbox's token buckets: the buckets live in each process, so
    N workers at the full rate would send N times what INTERVISIE_SLACK_RATE_LIMITS allows."""
    return tuple(
        (method, rate / workers, max(1, burst // workers)) for method, rate, burst in limits
    )


def worker_settings(settings: Settings, *, workers: int) -> Settings:
    """A worker's settings: the parent has migrated already, and the rate limits are shared."""
    return replace(
        settings,
        run_migrations=False,
        slack_rate_limits=shared_rate_limits(settings.slack_rate_limits, workers=workers),
    )


class ListenerProcess:
    """The process beside a web worker that runs the listeners the worker acknowledged, its
    outbox and its scheduler (forked from the worker before the worker builds anything)."""

    def __init__(self, settings: Settings, *, listening: list[Any]) -> None:
        context = multiprocessing.get_context("fork")
        reader, self._writer = context.Pipe(duplex=False)
        self._lock = threading.Lock()
        self._process = context.Process(
            target=_run_listeners,
            args=(settings, reader, [*listening, self._writer]),
            name="intervisie-listeners",
        )
        self._process.start()
        reader.close()

    def forward(self, body: str, headers: dict[str, str]) -> bool:
        """Hand a verified, acknowledged request over; False when the process is gone (the web
        process then runs the listener itself)."""
        return self._send(("request", body, headers))

    def kick(self) -> None:
        """Something was owed in the web process (a modal submit): send it now, not at the
        outbox's next poll."""
        self._send(("kick",))

    def _send(self, message: tuple[Any, ...]) -> bool:
        with self._lock:
            try:
                self._writer.send(message)
            except (OSError, ValueError):
                self._lost()
                return False
        return True

    def _lost(self) -> None:
        """The listener process died: this worker stops (gracefully, finishing its requests)
        and gunicorn starts a new one, with a new listener process."""
        if not self._process.is_alive():
            log.error("listener process %s is gone; restarting this worker", self._process.pid)
            os.kill(os.getpid(), signal.SIGTERM)

    def stop(self, *, timeout: float) -> None:
        """No more requests: the process finishes those in its pipe and in hand, then exits."""
        with self._lock:
            self._writer.close()
        self._process.join(timeout)
        if self._process.is_alive():
            # It ignores SIGTERM (see _run_listeners): what it held stays owed in the database.
            log.warning("listener process %s did not stop in time; killed", self._process.pid)
            self._process.kill()
            self._process.join(5)


def _run_listeners(settings: Settings, requests: Connection, inherited: list[Any]) -> None:
    """The listener process: a Runtime without HTTP, fed through the pipe until it closes.
    `inherited` are the web worker's sockets and its end of the pipe, copied by the fork: kept
    open here, they would hold the port after the worker is gone and hide the pipe's end."""
    for handle in inherited:
        handle.close()
    # It stops when its web worker closes the pipe (after finishing its own requests), not on
    # a signal to the whole process group: what is in hand is finished first.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    os.nice(BACKGROUND_NICENESS)  # before any thread: every thread of it is background work
    runtime = Runtime(settings)
    runtime.start_background()
    log.info("listener process %s serving (outbox and scheduler started)", os.getpid())
    while True:
        try:
            message = requests.recv()
        except (EOFError, OSError):
            break
        if message[0] == "request":
            try:
                dispatch_forwarded(runtime.app, body=message[1], headers=message[2])
            except Exception:  # one bad request must not stop the process
                log.exception("a forwarded request failed")
        else:
            for sender in runtime.senders:
                sender.kick()
    runtime.stop(timeout=10)


class PreforkServer(BaseApplication):  # type: ignore[misc]
    """gunicorn, configured from Settings instead of its command line or a config file."""

    def __init__(self, settings: Settings, *, listener: socket.socket) -> None:
        self._settings = settings
        self._listener = listener
        self.runtime: Runtime | None = None
        self.listeners: ListenerProcess | None = None
        # The worker's own copies of the listening socket (set after the fork, see _post_fork).
        self.worker_sockets: list[Any] = []
        super().__init__()

    def load_config(self) -> None:
        """gunicorn's settings: the bound socket, N gthread workers with the HTTP threads."""
        settings = self._settings
        options: dict[str, Any] = {
            "bind": [f"fd://{self._listener.fileno()}"],
            "workers": settings.workers,
            "worker_class": "gthread",
            "threads": settings.http_threads,
            "graceful_timeout": GRACEFUL_SECONDS,
            "loglevel": settings.log_level.lower(),
            "proc_name": "intervisie-bot",
            # The workers' hooks: start the app after the fork, stop it gracefully at exit.
            "post_fork": _post_fork,
            "post_worker_init": _post_worker_init,
            "worker_exit": _worker_exit,
            "on_exit": _on_exit,
            # gunicorn 23+ answers on a local control socket unless told not to; not needed.
            "control_socket_disable": True,
        }
        for name, value in options.items():
            if name in self.cfg.settings:
                self.cfg.set(name, value)

    def load(self) -> Any:
        """In each worker, after the fork: first its listener process (forked while the worker
        has no threads, engine or app yet), then its own Runtime for HTTP (engine, pool, Bolt
        app; the outbox and the scheduler run in the listener process), and the WSGI
        application gunicorn serves."""
        settings = worker_settings(self._settings, workers=self._settings.workers)
        self.listeners = ListenerProcess(settings, listening=[self._listener, *self.worker_sockets])
        self.runtime = Runtime(settings, start_scheduler=False)
        for sender in self.runtime.senders:
            sender.wake_elsewhere(self.listeners.kick)
        return self.runtime.proxied_wsgi_app(forward=self.listeners.forward)


def _post_fork(_arbiter: Any, worker: Any) -> None:
    """In the new worker: note its sockets, which its listener process must not keep open."""
    application = getattr(worker, "app", None)
    if isinstance(application, PreforkServer):
        application.worker_sockets = list(worker.sockets)


def _post_worker_init(worker: Any) -> None:
    log.info("worker %s serving", worker.pid)


def _worker_exit(_arbiter: Any, worker: Any) -> None:
    """In the exiting worker: its requests are done; its own listeners (modal submits) finish,
    then its listener process finishes what it was handed, the scheduler and the delivery in
    hand (what is left stays owed in the database for the other processes)."""
    application = getattr(worker, "app", None)
    runtime = getattr(application, "runtime", None)
    if isinstance(runtime, Runtime):
        runtime.stop(timeout=10)
    listeners = getattr(application, "listeners", None)
    if isinstance(listeners, ListenerProcess):
        listeners.stop(timeout=GRACEFUL_SECONDS - 5)


def _on_exit(_arbiter: Any) -> None:
    log.info("stopped")


def serve_prefork(settings: Settings, *, listener: socket.socket) -> int:
    """Run gunicorn's arbiter until SIGTERM (graceful) or SIGINT. gunicorn ends the parent and
    every worker with SystemExit and its exit code (0 after a graceful stop)."""
    log.info(
        "HTTP server on %s:%s (HTTP mode, %d worker processes on PostgreSQL, each with a "
        "listener process)",
        settings.host,
        listener.getsockname()[1],
        settings.workers,
    )
    PreforkServer(settings, listener=listener).run()
    return 0
