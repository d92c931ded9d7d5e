"""Reminders before meetings and attendance nudges after them: durable rows, claimed exactly once.

Reminder rows are kept in step with their meeting in the meeting's own transaction (created,
moved, cancelled). A periodic job claims due rows with a conditional UPDATE (pending → sent), so
two app processes on one database never both send, and owes the DMs (bot/notify.py) in that same transaction.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot import rules
from bot.notify import Intent, owe
from bot.services.access import meeting_audience, registrar
from storage.models import (
    Group,
    Meeting,
    MeetingStatus,
    Person,
    Reminder,
    ReminderKind,
    ReminderStatus,
)

log = logging.getLogger(__name__)

BATCH = 200


@dataclass(frozen=True, kw_only=True)
class MeetingReminder(Intent):
    """A member is reminded of a meeting (the group's lead times before its start)."""

    KIND = "meeting_reminder"
    meeting_id: int
    reminder_id: int


@dataclass(frozen=True, kw_only=True)
class AttendanceNudge(Intent):
    """The contact person is asked to register who attended a meeting that has ended."""

    KIND = "attendance_nudge"
    meeting_id: int
    reminder_id: int


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


def due_reminder_ids(session: Session, *, now: datetime) -> list[int]:
    """Reminders and nudges that are due and not yet claimed, oldest first (at most a batch)."""
    return list(
        session.scalars(
            select(Reminder.id)
            .where(Reminder.status == ReminderStatus.PENDING, Reminder.due_at <= now)
            .order_by(Reminder.due_at, Reminder.id)
            .limit(BATCH)
        )
    )


def claim_and_owe(session: Session, *, reminder_id: int, now: datetime) -> int:
    """Claim one due reminder (once across processes) and owe its DMs; returns how many."""
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
    occasion = reminder.due_at.isoformat()
    if reminder.kind is ReminderKind.BEFORE_MEETING:
        members = meeting_audience(session, group=group)
        for person in members:
            owe(
                session,
                intent=MeetingReminder(meeting_id=meeting.id, reminder_id=reminder.id),
                to=person,
                now=now,
                occasion=occasion,
            )
        return len(members)
    # The nudge carries the button that opens the registration.
    owe(
        session,
        intent=AttendanceNudge(meeting_id=meeting.id, reminder_id=reminder.id),
        to=registrar(group),
        now=now,
        occasion=occasion,
    )
    deputy = session.get(Person, group.deputy_id) if group.deputy_id is not None else None
    if deputy is not None:
        # The deputy registers too (the contact person may be away): they are nudged as well.
        intent = AttendanceNudge(meeting_id=meeting.id, reminder_id=reminder.id)
        owe(session, intent=intent, to=deputy, now=now, occasion=occasion)
        return 2
    return 1


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
