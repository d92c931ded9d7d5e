"""A member's place in the group's story: who joins a group with planned meetings gets them (the
.ics of each; reminders follow by themselves, as they go to the members at send time); who leaves
or is removed stops getting what was still owed about the group's meetings, and is no longer its
deputy. Their personal calendar feed follows membership, so the group's meetings drop out of it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.notify import owe
from bot.services import audit
from bot.services.meetings import Change, MeetingNotice
from bot.services.reminders import MeetingReminder
from storage.models import Delivery, DeliveryStatus, Group, Meeting, MeetingStatus, Person


def upcoming_meetings(session: Session, *, group_id: int, now: datetime) -> list[Meeting]:
    """The group's planned meetings still to come, soonest first."""
    return list(
        session.scalars(
            select(Meeting)
            .where(
                Meeting.group_id == group_id,
                Meeting.status == MeetingStatus.PLANNED,
                Meeting.starts_at > now,
            )
            .order_by(Meeting.starts_at, Meeting.id)
        )
    )


def welcome_to_meetings(
    session: Session, *, group: Group, person: Person, enrollment_id: int, now: datetime
) -> int:
    """Owe a newly approved member the .ics of every planned meeting still to come."""
    meetings = upcoming_meetings(session, group_id=group.id, now=now)
    for meeting in meetings:
        notice = MeetingNotice(
            meeting_id=meeting.id, sequence=meeting.sequence, change=Change.PLANNED.value
        )
        # The occasion keeps a member who left and came back from being treated as served.
        owe(session, intent=notice, to=person, now=now, occasion=f"welcome{enrollment_id}")
    return len(meetings)


def member_gone(
    session: Session, *, actor: Actor, group: Group, person_id: int, now: datetime
) -> None:
    """A member left or was removed: they stop being the deputy and are no longer sent reminders
    or .ics files about the group's meetings that were owed but not yet sent."""
    drop_deputy(session, actor=actor, group=group, person_id=person_id, now=now)
    meeting_ids = [m.id for m in upcoming_meetings(session, group_id=group.id, now=now)]
    if not meeting_ids:
        return
    person = session.get(Person, person_id)
    if person is None:
        return
    kinds = (MeetingReminder.KIND, MeetingNotice.KIND)
    # Dedupe keys start with kind:meeting_id: (bot.notify.dedupe_key).
    about = [
        Delivery.dedupe_key.startswith(f"{kind}:{meeting_id}:", autoescape=True)
        for kind in kinds
        for meeting_id in meeting_ids
    ]
    session.execute(
        update(Delivery)
        .where(
            Delivery.team_id == person.team_id,
            Delivery.recipient == person.slack_user_id,
            Delivery.status == DeliveryStatus.PENDING,
            or_(*about),
        )
        .values(status=DeliveryStatus.CANCELLED, last_error="no longer a member of the group")
        .execution_options(synchronize_session=False)
    )


def drop_deputy(
    session: Session, *, actor: Actor | None, group: Group, person_id: int, now: datetime
) -> bool:
    """If the person is the group's deputy, they are no longer (recorded in the audit log)."""
    if group.deputy_id != person_id:
        return False
    group.deputy_id = None
    audit.record(
        session,
        team_id=group.team_id,
        action="deputy_dropped",
        now=now,
        actor_id=actor.person_id if actor is not None else person_id,
        group_id=group.id,
        subject_id=person_id,
    )
    return True
