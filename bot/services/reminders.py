"""Reminders before meetings and attendance nudges after them: durable rows, claimed exactly once.

Reminder rows are kept in step with their meeting in the meeting's own transaction (created,
moved, cancelled). A periodic job claims due rows with a conditional UPDATE (pending → sent), so
two app processes on one database never both send, and enqueues the DMs in that same transaction.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot import rules
from bot.composers import ATTENDANCE_NUDGE
from bot.delivery import enqueue_message
from bot.deps import Deps
from bot.i18n import lang_for, t
from bot.scheduling import deps_for
from bot.services.access import approved_members
from bot.services.meeting_text import person_tz, when, where
from storage.models import (
    Group,
    Meeting,
    MeetingStatus,
    Reminder,
    ReminderKind,
    ReminderStatus,
)

log = logging.getLogger(__name__)

BATCH = 200


def lead_minutes(group: Group) -> list[int]:
    """The group's reminder lead times in minutes (the rules' defaults when unset)."""
    if group.reminder_lead_minutes is None:
        return [int(d.total_seconds() // 60) for d in rules.DEFAULT_REMINDER_LEADS]
    return sorted({int(m) for m in group.reminder_lead_minutes}, reverse=True)


def _desired(meeting: Meeting, group: Group) -> dict[tuple[ReminderKind, int], datetime]:
    if meeting.status is not MeetingStatus.PLANNED:
        return {}
    wanted = {
        (ReminderKind.BEFORE_MEETING, lead): meeting.starts_at - timedelta(minutes=lead)
        for lead in lead_minutes(group)
    }
    end = meeting.starts_at + timedelta(minutes=meeting.duration_minutes)
    if meeting.attendance_registered_at is None:
        for offset in rules.ATTENDANCE_NUDGE_OFFSETS:
            minutes = int(offset.total_seconds() // 60)
            wanted[(ReminderKind.REGISTER_ATTENDANCE, minutes)] = end + offset
    return wanted


def sync_reminders(session: Session, *, meeting: Meeting, group: Group, now: datetime) -> None:
    """Make the meeting's reminder rows match its time, status and the group's lead times.

    A reminder whose instant already passed when the meeting is planned or moved is recorded as
    skipped (nobody wants "in 2 hours" about a meeting planned 1 hour ahead); a moved reminder is
    armed again; reminders of a cancelled meeting or a dropped lead time are cancelled.
    """
    session.flush()  # the meeting needs its id
    desired = _desired(meeting, group)
    existing = {
        (r.kind, r.offset_minutes): r
        for r in session.scalars(select(Reminder).where(Reminder.meeting_id == meeting.id))
    }
    for key, due in desired.items():
        row = existing.get(key)
        fresh_status = ReminderStatus.PENDING if due > now else ReminderStatus.SKIPPED
        if row is None:
            session.add(
                Reminder(
                    meeting_id=meeting.id,
                    kind=key[0],
                    offset_minutes=key[1],
                    due_at=due,
                    status=fresh_status,
                    handled_at=None if fresh_status is ReminderStatus.PENDING else now,
                )
            )
        elif row.due_at != due or row.status is ReminderStatus.CANCELLED:
            row.due_at = due
            row.status = fresh_status
            row.handled_at = None if fresh_status is ReminderStatus.PENDING else now
    for key, row in existing.items():
        if key not in desired and row.status is ReminderStatus.PENDING:
            row.status = ReminderStatus.CANCELLED
            row.handled_at = now


def dispatch_due_reminders(deps: Deps) -> int:
    """Send every due reminder once (across processes); returns how many DMs were enqueued."""
    now = deps.now()
    with deps.uow() as session:
        due_ids = list(
            session.scalars(
                select(Reminder.id)
                .where(Reminder.status == ReminderStatus.PENDING, Reminder.due_at <= now)
                .order_by(Reminder.due_at, Reminder.id)
                .limit(BATCH)
            )
        )
    sent = 0
    for reminder_id in due_ids:
        # One transaction per reminder: a claim and its DMs commit together or not at all.
        with deps.uow() as session:
            sent += _claim_and_send(session, reminder_id=reminder_id, now=now, deps=deps)
    return sent


def run_reminder_job(runtime_name: str) -> None:
    """The periodic job (APScheduler): dispatch due reminders for one running app."""
    count = dispatch_due_reminders(deps_for(runtime_name))
    if count:
        log.info("reminders: %d DM(s) enqueued", count)


def _claim_and_send(session: Session, *, reminder_id: int, now: datetime, deps: Deps) -> int:
    # The conditional UPDATE is the claim: on PostgreSQL a second process blocks on the row lock,
    # then re-checks status = 'pending' and updates nothing. SQLite serialises writers anyway.
    claimed = session.execute(
        update(Reminder)
        .where(Reminder.id == reminder_id, Reminder.status == ReminderStatus.PENDING)
        .values(status=ReminderStatus.SENT, handled_at=now)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        return 0
    reminder = session.get(Reminder, reminder_id, populate_existing=True)
    assert reminder is not None
    meeting = session.get(Meeting, reminder.meeting_id)
    if meeting is None or not _still_wanted(session, reminder=reminder, meeting=meeting, now=now):
        reminder.status = ReminderStatus.SKIPPED
        return 0
    group = meeting.group
    default_tz = deps.settings.timezone
    if reminder.kind is ReminderKind.BEFORE_MEETING:
        recipients = approved_members(session, group_id=group.id)
        key = "reminder.dm.before"
    else:
        recipients = [group.contact_person]
        key = "reminder.dm.register"
    for person in recipients:
        lang = lang_for(person.locale)
        tz = person_tz(person, default_tz)
        text = t(lang, key, number=group.number, name=group.name, when=when(meeting, lang, tz))
        blocks = None
        if reminder.kind is ReminderKind.BEFORE_MEETING:
            text += where(meeting, lang)
        else:
            # The nudge carries the button that opens the registration (issue: "from the DM").
            blocks = deps.composers.blocks(
                ATTENDANCE_NUDGE, lang=lang, text=text, meeting_id=meeting.id
            )
        enqueue_message(
            session,
            team_id=group.team_id,
            user_id=person.slack_user_id,
            text=text,
            blocks=blocks,
            dedupe_key=f"reminder:{reminder.id}:{reminder.due_at.isoformat()}:{person.id}",
            now=now,
        )
    return len(recipients)


def _still_wanted(session: Session, *, reminder: Reminder, meeting: Meeting, now: datetime) -> bool:
    if meeting.status is not MeetingStatus.PLANNED:
        return False
    if reminder.kind is ReminderKind.BEFORE_MEETING and meeting.starts_at <= now:
        return False  # came back after the start: a reminder now is noise
    if (
        reminder.kind is ReminderKind.REGISTER_ATTENDANCE
        and meeting.attendance_registered_at is not None
    ):
        return False
    # After downtime several reminders of one meeting may be due at once: send only the latest.
    later_due = session.scalars(
        select(Reminder.id).where(
            Reminder.meeting_id == meeting.id,
            Reminder.kind == reminder.kind,
            Reminder.id != reminder.id,
            Reminder.due_at > reminder.due_at,
            Reminder.due_at <= now,
            Reminder.status != ReminderStatus.CANCELLED,
        )
    ).first()
    return later_due is None
