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
from datetime import timedelta

from apscheduler.schedulers.background import BackgroundScheduler

from bot import agreement_rules, rules
from bot.deps import Deps
from bot.services import evaluations, fees, poll_deadlines, reminder_batch, reminders
from bot.services.association import association_for
from bot.services.idempotency import forget_old_keys
from bot.services.privacy import purge_before
from bot.services.workspace_purge import purge_workspace, workspaces_due_for_deletion
from bot.services.workspaces import forget_expired_install_links, known_workspaces
from storage.db import exclusive

log = logging.getLogger(__name__)

# Due reminders claimed (and their DMs owed) per transaction.
REMINDER_CLAIM_BATCH = 100


def dispatch_reminders(deps: Deps) -> int:
    """Send every due reminder and nudge once (across processes); returns how many DMs are owed."""
    now = deps.now()
    with deps.uow() as session:
        due = reminders.due_reminder_ids(session, now=now)
    owed = 0
    for start in range(0, len(due), REMINDER_CLAIM_BATCH):
        batch = due[start : start + REMINDER_CLAIM_BATCH]
        # A batch's claims and their DMs commit together or not at all.
        try:
            with deps.uow() as session:
                owed += reminder_batch.claim_and_owe_many(session, reminder_ids=batch, now=now)
        except Exception:
            # One bad row must not hold back the others: claim this batch one by one.
            log.warning("reminders: a batch failed; claiming them one at a time", exc_info=True)
            for reminder_id in batch:
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
    """The retention purge, each workspace by its association's retention period (default
    settings.retention_years), in one transaction; returns rows deleted."""
    with deps.uow() as session:
        purged = 0
        for team_id in known_workspaces(session):
            years = association_for(session, team_id=team_id, settings=deps.settings)
            purged += purge_before(
                session, now=deps.now(), years=years.retention_years, team_id=team_id
            )
        purged += forget_old_keys(session, now=deps.now())
    log.info("retention purge removed %d rows", purged)
    return purged


def delete_uninstalled_workspaces(deps: Deps) -> int:
    """Delete the data of workspaces uninstalled longer ago than the grace period
    (settings.uninstall_grace_days), one workspace per transaction, and expired install links;
    returns the workspaces' rows deleted."""
    grace = timedelta(days=deps.settings.uninstall_grace_days)
    now = deps.now()
    with deps.uow() as session:
        due = workspaces_due_for_deletion(session, now=now, grace=grace)
    deleted = 0
    for team_id in due:
        with deps.uow() as session:
            deleted += purge_workspace(session, team_id=team_id, now=now, grace=grace)
    with deps.uow() as session:
        forget_expired_install_links(session, now=now)
    return deleted


def send_fee_notices(deps: Deps) -> int:
    """In January, owe every participant without membership who has not paid the new year's fee
    its payment instructions (once per year and person); returns how many are owed them."""
    today = deps.now().astimezone(deps.settings.timezone).date()
    if today.timetuple().tm_yday > fees.NEW_YEAR_NOTICE_DAYS:
        return 0
    with deps.uow() as session:
        teams = fees.active_workspaces(session)
    owed = 0
    for team_id in teams:
        with deps.uow() as session:
            association = association_for(session, team_id=team_id, settings=deps.settings)
            owed += fees.owe_new_year_notices(
                session,
                association=association,
                year=today.year,
                tz=deps.settings.timezone,
                now=deps.now(),
            )
    return owed


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
        PeriodicJob(
            "uninstalled_workspaces",
            delete_uninstalled_workspaces,
            rules.WORKSPACE_PURGE_INTERVAL.total_seconds(),
        ),
        PeriodicJob("fee_notices", send_fee_notices, rules.FEE_NOTICE_INTERVAL.total_seconds()),
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
            run_exclusively,
            "interval",
            seconds=job.seconds,
            args=[deps, job],
            id=f"{name}:{job.id}",
            replace_existing=True,
        )


def run_exclusively(deps: Deps, job: PeriodicJob) -> object:
    """Run the job unless another process is running it right now (every app process has a
    scheduler; on PostgreSQL an advisory lock per job lets one at a time through, the others
    skip this round). The jobs claim their rows as well, so a second run would find nothing to
    do; the lock keeps N processes from all scanning and from racing in the purges."""
    with exclusive(deps.engine, f"job:{job.id}") as mine:
        if not mine:
            log.debug("job %s runs in another process; skipped", job.id)
            return None
        return job.func(deps)
