"""`intervisie-bot serve` with several processes (HTTP mode on PostgreSQL): gunicorn's pre-fork
server with threaded (gthread) workers in front of one listening socket, and in every worker a
Runtime of its own — engine and connection pool, Bolt app, outbox senders and scheduler, all
made after the fork, so no connection or thread is shared between processes. The processes
coordinate through the database only, as separate app processes always did: outbox rows are
claimed with FOR UPDATE SKIP LOCKED under a lease, reminders and polls with conditional
updates, and each periodic job runs in one process at a time (bot/jobs.py).

The parent process (gunicorn's arbiter) checks the settings, Slack and the database, migrates,
binds the socket, and then only watches its workers: it opens no database connection of its own.
"""

from __future__ import annotations

import logging
import socket
from dataclasses import replace
from typing import Any

from gunicorn.app.base import BaseApplication

from bot.ratelimit import RateLimit
from bot.server import Runtime
from bot.settings import Settings

log = logging.getLogger(__name__)

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


class PreforkServer(BaseApplication):  # type: ignore[misc]
    """gunicorn, configured from Settings instead of its command line or a config file."""

    def __init__(self, settings: Settings, *, listener: socket.socket) -> None:
        self._settings = settings
        self._listener = listener
        self.runtime: Runtime | None = None
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
        """In each worker, after the fork: its own Runtime (engine, pool, Bolt app, outbox,
        scheduler) and the WSGI application gunicorn serves."""
        workers = self._settings.workers
        self.runtime = Runtime(worker_settings(self._settings, workers=workers))
        self.runtime.start_background()
        return self.runtime.proxied_wsgi_app()


def _post_worker_init(worker: Any) -> None:
    log.info("worker %s serving (outbox and scheduler started)", worker.pid)


def _worker_exit(_arbiter: Any, worker: Any) -> None:
    """In the exiting worker: requests are done; let listeners, the scheduler and the delivery
    in hand finish (what is left stays owed in the database for the other processes)."""
    application = getattr(worker, "app", None)
    runtime = getattr(application, "runtime", None)
    if isinstance(runtime, Runtime):
        runtime.stop(timeout=10)


def _on_exit(_arbiter: Any) -> None:
    log.info("stopped")


def serve_prefork(settings: Settings, *, listener: socket.socket) -> int:
    """Run gunicorn's arbiter until SIGTERM (graceful) or SIGINT. gunicorn ends the parent and
    every worker with SystemExit and its exit code (0 after a graceful stop)."""
    log.info(
        "HTTP server on %s:%s (HTTP mode, %d worker processes on PostgreSQL)",
        settings.host,
        listener.getsockname()[1],
        settings.workers,
    )
    PreforkServer(settings, listener=listener).run()
    return 0
