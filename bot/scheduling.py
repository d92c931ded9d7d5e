"""Background schedules (APScheduler 3): periodic jobs that act on rows in the project's own tables.

Durable state lives in the database (reminders, deliveries), never in the scheduler's job store, so
a restart or a second process loses nothing and claims nothing twice. Jobs are module-level
functions that take the name of the runtime they serve, not live objects.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from apscheduler.schedulers.background import BackgroundScheduler

from bot.deps import Deps

log = logging.getLogger(__name__)

_runtimes: dict[str, Deps] = {}
_lock = threading.Lock()


def register_runtime(name: str, deps: Deps) -> None:
    """Make `deps` reachable to jobs by name."""
    with _lock:
        _runtimes[name] = deps


def unregister_runtime(name: str) -> None:
    """Forget a stopped runtime."""
    with _lock:
        _runtimes.pop(name, None)


def deps_for(name: str) -> Deps:
    """The deps of a running runtime; jobs call this first."""
    with _lock:
        return _runtimes[name]


@dataclass(frozen=True)
class PeriodicJob:
    """A job run every `seconds` (with `runtime_name` as its only argument)."""

    id: str
    func: Callable[[str], object]
    seconds: float


def periodic_jobs(poll_seconds: float) -> list[PeriodicJob]:
    """Every periodic job of the app; each area adds its own here."""
    from bot.rules import RETENTION_PURGE_INTERVAL
    from bot.services.privacy import run_purge_job
    from bot.services.reminders import run_reminder_job

    return [
        PeriodicJob("reminders", run_reminder_job, poll_seconds),
        PeriodicJob("retention_purge", run_purge_job, RETENTION_PURGE_INTERVAL.total_seconds()),
    ]


def make_scheduler() -> BackgroundScheduler:
    """A UTC background scheduler: one run at a time per job, missed runs collapsed into one."""
    return BackgroundScheduler(
        timezone="UTC",
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 600},
    )


def install_jobs(scheduler: BackgroundScheduler, *, runtime_name: str, poll_seconds: float) -> None:
    """Add the periodic jobs with explicit ids (replace_existing, so a re-install is harmless)."""
    for job in periodic_jobs(poll_seconds):
        scheduler.add_job(
            job.func,
            "interval",
            seconds=job.seconds,
            args=[runtime_name],
            id=f"{runtime_name}:{job.id}",
            replace_existing=True,
        )
