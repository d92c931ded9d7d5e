"""Several app processes (issue 19): the worker count setting, each worker's share of the outbox's
rate limits, and the periodic jobs running in one process at a time (an advisory lock per job
on PostgreSQL; SQLite serves one process)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine

from bot.clock import ManualClock
from bot.deps import Deps
from bot.jobs import PeriodicJob, run_exclusively
from bot.prefork import shared_rate_limits, worker_settings
from bot.server import build_deps
from bot.settings import Settings, SettingsError, available_cores, from_env
from storage.db import exclusive

BASE = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}


def test_workers_default_to_the_cores_and_are_validated() -> None:
    assert from_env(BASE).workers == available_cores() >= 1
    assert from_env({**BASE, "INTERVISIE_WORKERS": "3"}).workers == 3
    for bad in ("0", "many", "65"):
        with pytest.raises(SettingsError, match="INTERVISIE_WORKERS"):
            from_env({**BASE, "INTERVISIE_WORKERS": bad})


def test_each_worker_gets_its_share_of_the_rate_limits() -> None:
    limits = (("chat.postMessage", 5.0, 50), ("files.completeUploadExternal", 1.0, 1))
    assert shared_rate_limits(limits, workers=2) == (
        ("chat.postMessage", 2.5, 25),
        ("files.completeUploadExternal", 0.5, 1),
    )
    settings = worker_settings(Settings(slack_rate_limits=limits, workers=4), workers=4)
    assert settings.slack_rate_limits[0] == ("chat.postMessage", 1.25, 12)
    assert settings.run_migrations is False  # the parent migrated before forking


@dataclass
class Recorder:
    """A job that counts its runs."""

    runs: int = 0

    def __call__(self, _deps: Deps) -> int:
        self.runs += 1
        return self.runs


@pytest.fixture
def deps(settings: Settings, clean_db: Engine) -> Iterator[Deps]:
    """The app's dependencies on the (emptied) test database; nothing is started."""
    built = build_deps(settings, clock=ManualClock(datetime(2026, 11, 20, 12, 0, tzinfo=UTC)))
    yield built
    built.engine.dispose()


def test_a_job_another_process_is_running_is_skipped_this_round(
    deps: Deps, db_engine: Engine
) -> None:
    recorder = Recorder()
    job = PeriodicJob("reminders", recorder, 30)
    assert run_exclusively(deps, job) == 1
    # Another process (another engine, other connections) is running the same job right now.
    with exclusive(db_engine, "job:reminders") as theirs:
        assert theirs
        outcome = run_exclusively(deps, job)
        other = run_exclusively(deps, PeriodicJob("retention_purge", recorder, 30))
    if db_engine.dialect.name == "postgresql":
        assert outcome is None and recorder.runs == 2  # skipped; a different job still ran
        assert other == 2
    else:
        # SQLite serves one process: nothing to coordinate, the job always runs.
        assert outcome == 2 and other == 3
    assert run_exclusively(deps, job) == recorder.runs  # released when the other finished
