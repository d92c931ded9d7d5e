"""Claiming due reminders many at a time: the same decisions as reminders.claim_and_owe, for a
batch in one transaction and a handful of statements (one UPDATE … RETURNING claims them all),
so that a fan-out of thousands of reminders costs the database a few queries per hundred."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session, joinedload

from bot.notify import Intent, owe_many
from bot.services.access import registrar
from bot.services.reminders import AttendanceNudge, MeetingReminder
from storage.models import (
    Enrollment,
    EnrollmentStatus,
    Meeting,
    MeetingStatus,
    Person,
    Reminder,
    ReminderKind,
    ReminderStatus,
)


def claim_and_owe_many(session: Session, *, reminder_ids: list[int], now: datetime) -> int:
    """Claim these due reminders (once across processes: those another process claimed first
    are left alone) and owe their DMs; returns how many DMs are owed."""
    if not reminder_ids:
        return 0
    # The conditional UPDATE is the claim, as in claim_and_owe: on PostgreSQL a second process
    # waits on the row locks, then finds them no longer pending and claims nothing.
    claimed = list(
        session.scalars(
            update(Reminder)
            .where(Reminder.id.in_(reminder_ids), Reminder.status == ReminderStatus.PENDING)
            .values(status=ReminderStatus.SENT, handled_at=now)
            .returning(Reminder.id)
            .execution_options(synchronize_session=False)
        )
    )
    if not claimed:
        return 0
    reminders = list(
        session.scalars(
            select(Reminder)
            .where(Reminder.id.in_(claimed))
            .order_by(Reminder.due_at, Reminder.id)
            .execution_options(populate_existing=True)
        )
    )
    meetings = {
        m.id: m
        for m in session.scalars(
            select(Meeting)
            .where(Meeting.id.in_({r.meeting_id for r in reminders}))
            .options(joinedload(Meeting.group))
        )
    }
    superseded = _superseded(session, reminders=reminders, now=now)
    wanted = [
        r
        for r in reminders
        if (meeting := meetings.get(r.meeting_id)) is not None
        and _still_wanted(r, meeting, now=now)
        and r.id not in superseded
    ]
    kept = {r.id for r in wanted}
    for reminder in reminders:
        if reminder.id not in kept:
            reminder.status = ReminderStatus.SKIPPED
    audiences = _audiences(
        session,
        group_ids={
            meetings[r.meeting_id].group_id for r in wanted if r.kind is ReminderKind.BEFORE_MEETING
        },
    )
    owed: list[tuple[Intent, Person, str]] = []
    for reminder in wanted:
        meeting = meetings[reminder.meeting_id]
        group = meeting.group
        occasion = reminder.due_at.isoformat()
        if reminder.kind is ReminderKind.BEFORE_MEETING:
            intent: Intent = MeetingReminder(meeting_id=meeting.id, reminder_id=reminder.id)
            people = list(audiences.get(group.id, []))
            # A guided group's supervisor leads the meetings without being a member.
            if group.supervisor is not None and all(p.id != group.supervisor_id for p in people):
                people.append(group.supervisor)
        else:
            # The nudge carries the button that opens the registration; the deputy registers
            # too (the contact person may be away).
            intent = AttendanceNudge(meeting_id=meeting.id, reminder_id=reminder.id)
            people = [registrar(group)]
            if group.deputy_id is not None:
                deputy = session.get(Person, group.deputy_id)
                if deputy is not None:
                    people.append(deputy)
        owed += [(intent, person, occasion) for person in people]
    owe_many(session, owed=owed, now=now)
    return len(owed)


def _still_wanted(reminder: Reminder, meeting: Meeting, *, now: datetime) -> bool:
    if meeting.status is not MeetingStatus.PLANNED:
        return False
    if reminder.kind is ReminderKind.BEFORE_MEETING and meeting.starts_at <= now:
        return False  # came back after the start: a reminder now is noise
    return not (
        reminder.kind is ReminderKind.REGISTER_ATTENDANCE
        and meeting.attendance_registered_at is not None
    )


def _superseded(session: Session, *, reminders: list[Reminder], now: datetime) -> set[int]:
    """Reminders with a later one of the same meeting and kind also due (after downtime several
    may be due at once: only the latest is sent)."""
    due = session.execute(
        select(Reminder.id, Reminder.meeting_id, Reminder.kind, Reminder.due_at).where(
            Reminder.meeting_id.in_({r.meeting_id for r in reminders}),
            Reminder.due_at <= now,
            Reminder.status != ReminderStatus.CANCELLED,
        )
    ).all()
    latest: dict[tuple[int, ReminderKind], datetime] = {}
    for _id, meeting_id, kind, due_at in due:
        key = (meeting_id, kind)
        if key not in latest or due_at > latest[key]:
            latest[key] = due_at
    return {r.id for r in reminders if r.due_at < latest.get((r.meeting_id, r.kind), r.due_at)}


def _audiences(session: Session, *, group_ids: set[int]) -> dict[int, list[Person]]:
    """Each group's approved members (the contact person included), by name, in one query."""
    members: dict[int, list[Person]] = defaultdict(list)
    if not group_ids:
        return members
    rows = session.execute(
        select(Enrollment.group_id, Person)
        .join(Enrollment, Enrollment.person_id == Person.id)
        .where(Enrollment.group_id.in_(group_ids), Enrollment.status == EnrollmentStatus.APPROVED)
        .order_by(Person.full_name, Person.id)
    ).all()
    for group_id, person in rows:
        members[group_id].append(person)
    return members
