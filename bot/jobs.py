"""Background jobs (APScheduler 3): periodic functions that act on rows in the project's own tables.

Durable state lives in the database (reminders, deliveries), never in the scheduler's job store, so
a restart or a second process loses nothing and claims nothing twice. Each job is a module-level
function that gets its dependencies as an argument; it opens its own units of work and calls the
services, which record what is owed to whom (bot/notify.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from apscheduler.schedulers.background import BackgroundScheduler

from bot import agreement_rules, rules
from bot.deps import Deps
from bot.services import evaluations, poll_deadlines, reminders, verslag
from bot.services.idempotency import forget_old_keys
from bot.services.privacy import purge_before, retention_cutoff

log = logging.getLogger(__name__)


def dispatch_reminders(deps: Deps) -> int:
    """Send every due reminder and nudge once (across processes); returns how many DMs are owed."""
    now = deps.now()
    with deps.uow() as session:
        due = reminders.due_reminder_ids(session, now=now)
    owed = 0
    for reminder_id in due:
        # One transaction per reminder: a claim and its DMs commit together or not at all.
        with deps.uow() as session:
            owed += reminders.claim_and_owe(session, reminder_id=reminder_id, now=now)
    if owed:
        log.info("reminders: %d DM(s) owed", owed)
    return owed


def dispatch_polls(deps: Deps) -> int:
    """Close date polls at their deadline and remind those who have not answered a day before,
    each once across processes; returns how many polls were closed or reminded."""
    now = deps.now()
    with deps.uow() as session:
        to_close, to_remind = poll_deadlines.due_polls(session, now=now)
    handled = 0
    for poll_id in to_close:
        # One transaction per poll: the claim and its DMs commit together or not at all.
        with deps.uow() as session:
            handled += poll_deadlines.claim_close(session, poll_id=poll_id, now=now)
    for poll_id in to_remind:
        with deps.uow() as session:
            handled += bool(poll_deadlines.claim_reminder(session, poll_id=poll_id, now=now))
    if handled:
        log.info("date polls: %d closed or reminded", handled)
    return handled


def dispatch_evaluations(deps: Deps) -> int:
    """Ask the present members of newly registered meetings for their evaluation, once across
    processes; returns how many were asked."""
    now = deps.now()
    with deps.uow() as session:
        due = evaluations.due_meetings(session, now=now)
    asked = 0
    for meeting_id in due:
        with deps.uow() as session:
            asked += evaluations.invite_present(session, meeting_id=meeting_id, now=now)
    if asked:
        log.info("evaluations: %d member(s) asked", asked)
    return asked


def purge_evaluation_remarks(deps: Deps) -> int:
    """Blank "wat kan beter" lines past their retention (docs/privacy.md); returns how many."""
    with deps.uow() as session:
        return evaluations.purge_old_remarks(session, now=deps.now())


def purge_expired(deps: Deps) -> int:
    """The retention purge (settings.retention_years) in one transaction; returns rows deleted."""
    with deps.uow() as session:
        purged = purge_before(session, now=deps.now(), years=deps.settings.retention_years)
        purged += forget_old_keys(session, now=deps.now())
        years = max(deps.settings.retention_years, rules.RETENTION_YEARS_MIN)
        purged += verslag.purge_before(session, cutoff=retention_cutoff(deps.now(), years=years))
    log.info("retention purge removed %d rows", purged)
    return purged


@dataclass(frozen=True)
class PeriodicJob:
    """A job run every `seconds`, with the process's deps as its only argument."""

    id: str
    func: Callable[[Deps], object]
    seconds: float


def periodic_jobs(poll_seconds: float) -> list[PeriodicJob]:
    """Every periodic job of the app; each area adds its own here."""
    return [
        PeriodicJob("reminders", dispatch_reminders, poll_seconds),
        PeriodicJob(
            "retention_purge", purge_expired, rules.RETENTION_PURGE_INTERVAL.total_seconds()
        ),
        PeriodicJob("date_polls", dispatch_polls, poll_seconds),
        PeriodicJob("evaluations", dispatch_evaluations, poll_seconds),
        PeriodicJob(
            "evaluation_remarks_purge",
            purge_evaluation_remarks,
            agreement_rules.EVALUATION_PURGE_INTERVAL.total_seconds(),
        ),
    ]


def make_scheduler() -> BackgroundScheduler:
    """A UTC background scheduler: one run at a time per job, missed runs collapsed into one."""
    return BackgroundScheduler(
        timezone="UTC",
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 600},
    )


def install_jobs(
    scheduler: BackgroundScheduler, *, deps: Deps, name: str, poll_seconds: float
) -> None:
    """Add the periodic jobs with explicit ids (replace_existing, so a re-install is harmless)."""
    for job in periodic_jobs(poll_seconds):
        scheduler.add_job(
            job.func,
            "interval",
            seconds=job.seconds,
            args=[deps],
            id=f"{name}:{job.id}",
            replace_existing=True,
        )
