"""The signed verslag: seed 000 says each meeting's verslag is signed by all participants and kept by
them. The app never stores it; after attendance is registered it asks each present participant
"did you sign the verslag of <date>?" (unless the group turned that off) and records only who
confirmed and when, which the group's page shows."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.notify import Intent, owe
from bot.services import access, audit
from bot.services.redraw import redraw_if_owed
from storage.models import (
    Attendance,
    DeliveryKind,
    Group,
    Meeting,
    MeetingStatus,
    Person,
    VerslagConfirmation,
)

# The group's page shows the confirmations of this many most recent registered meetings.
PAGE_MEETINGS = 3


@dataclass(frozen=True, kw_only=True)
class VerslagAsked(Intent):
    """A present participant is asked whether they signed the meeting's verslag (one button)."""

    KIND = "verslag_asked"
    meeting_id: int


@dataclass(frozen=True, kw_only=True)
class VerslagConfirmed(Intent):
    """The question is redrawn without its button: confirmed, and when."""

    KIND = "verslag_confirmed"
    TRANSPORT = DeliveryKind.UPDATE
    meeting_id: int


@dataclass(frozen=True, kw_only=True)
class MeetingVerslag:
    """One registered meeting on the group's page: who was present, who confirmed and when."""

    meeting: Meeting
    present: list[Person]
    confirmed: dict[int, datetime]


def ask_present(
    session: Session, *, meeting: Meeting, group: Group, present: Iterable[Person], now: datetime
) -> int:
    """Owe each present participant the question (once per meeting, also after a correction)."""
    if not group.verslag_check:
        return 0
    asked = 0
    for person in present:
        owe(session, intent=VerslagAsked(meeting_id=meeting.id), to=person, now=now)
        asked += 1
    return asked


def confirm(session: Session, *, actor: Actor, meeting_id: int, now: datetime) -> datetime:
    """Record that the actor, present at the meeting, signed its verslag; returns when (the first
    confirmation stands when the button is pressed again)."""
    meeting = access.attended_meeting(
        session, actor=actor, meeting_id=meeting_id, refused="life.verslag.not_present"
    )
    existing = session.scalars(
        select(VerslagConfirmation).where(
            VerslagConfirmation.meeting_id == meeting.id,
            VerslagConfirmation.person_id == actor.person_id,
        )
    ).first()
    if existing is not None:
        return existing.confirmed_at
    try:
        # A second click can race the first past the check above: the unique key decides,
        # and the loser reports the winner's confirmation.
        with session.begin_nested():
            session.add(
                VerslagConfirmation(
                    meeting_id=meeting.id, person_id=actor.person_id, confirmed_at=now
                )
            )
    except IntegrityError:
        earlier = confirmed_at(session, meeting_id=meeting.id, person_id=actor.person_id)
        return earlier or now
    audit.record(
        session,
        team_id=actor.team_id,
        action="verslag_confirmed",
        now=now,
        actor_id=actor.person_id,
        group_id=meeting.group_id,
        subject_id=actor.person_id,
        details={"meeting_id": meeting.id},
    )
    redraw_if_owed(
        session,
        intent=VerslagConfirmed(meeting_id=meeting.id),
        of=VerslagAsked(meeting_id=meeting.id),
        to=session.get_one(Person, actor.person_id),
        now=now,
    )
    return now


def confirmed_at(session: Session, *, meeting_id: int, person_id: int) -> datetime | None:
    """When the person confirmed the meeting's verslag, if they did."""
    return session.scalars(
        select(VerslagConfirmation.confirmed_at).where(
            VerslagConfirmation.meeting_id == meeting_id,
            VerslagConfirmation.person_id == person_id,
        )
    ).first()


def recent_confirmations(
    session: Session, *, group_id: int, limit: int = PAGE_MEETINGS
) -> list[MeetingVerslag]:
    """The group's latest registered meetings with who was present and who confirmed."""
    meetings = list(
        session.scalars(
            select(Meeting)
            .where(
                Meeting.group_id == group_id,
                Meeting.status == MeetingStatus.PLANNED,
                Meeting.attendance_registered_at.is_not(None),
            )
            .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
            .limit(limit)
        )
    )
    if not meetings:
        return []
    ids = [m.id for m in meetings]
    present_rows = session.execute(
        select(Attendance.meeting_id, Person)
        .join(Person, Person.id == Attendance.person_id)
        .where(Attendance.meeting_id.in_(ids), Attendance.present.is_(True))
        .order_by(Person.full_name, Person.id)
    ).all()
    confirmed_rows = session.execute(
        select(
            VerslagConfirmation.meeting_id,
            VerslagConfirmation.person_id,
            VerslagConfirmation.confirmed_at,
        ).where(VerslagConfirmation.meeting_id.in_(ids))
    ).all()
    return [
        MeetingVerslag(
            meeting=meeting,
            present=[p for mid, p in present_rows if mid == meeting.id],
            confirmed={pid: at for mid, pid, at in confirmed_rows if mid == meeting.id},
        )
        for meeting in meetings
    ]


def purge_of(session: Session, *, meetings: Select[Any]) -> int:
    """Retention: forget the confirmations of these (old) meetings; returns rows deleted."""
    result = session.execute(
        delete(VerslagConfirmation).where(VerslagConfirmation.meeting_id.in_(meetings))
    )
    return int(getattr(result, "rowcount", 0) or 0)
