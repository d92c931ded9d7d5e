"""Reflection after a meeting (seeds/004, Schön): a member who attended gets three deepening
questions by DM (bot/reflection.py). The app never stores an answer: "Reflectie gemaakt" records
only that the member reflected, and when; a supervisor sees how many did (`reflection_counts`).

Prompts are on for guided groups and a choice of the contact person for peer groups; a member can
turn them off for themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import Conflict, NotFound
from bot.notify import Intent, owe, owe_update
from bot.services import access
from bot.services.audit import record
from bot.services.people import insert_ignore
from storage.models import (
    DeliveryKind,
    Group,
    GroupKind,
    Meeting,
    MeetingStatus,
    Person,
    Reflection,
    ReflectionOptOut,
)

# A registration this long after the meeting (e.g. one added months later) asks no reflection:
# the questions are about a meeting still fresh in mind.
PROMPT_WINDOW = timedelta(days=14)


@dataclass(frozen=True, kw_only=True)
class ReflectionPrompt(Intent):
    """A member who attended a meeting gets three reflection questions and a button."""

    KIND = "reflection_prompt"
    meeting_id: int


@dataclass(frozen=True, kw_only=True)
class ReflectionDone(Intent):
    """The prompt redrawn after "Reflectie gemaakt": when, and no button any more."""

    KIND = "reflection_done"
    TRANSPORT = DeliveryKind.UPDATE
    meeting_id: int


def prompts_on(group: Group) -> bool:
    """Whether the group's members get reflection prompts (always for guided groups)."""
    return group.kind is GroupKind.GUIDED or bool(group.reflection_prompts)


def opted_out(session: Session, *, person_id: int) -> bool:
    """Whether the member turned reflection prompts off for themselves."""
    return session.get(ReflectionOptOut, person_id) is not None


def owe_prompts(
    session: Session,
    *,
    meeting: Meeting,
    group: Group,
    present: Iterable[Person],
    now: datetime,
) -> int:
    """After a registration: owe each member present a prompt (once per meeting, so a correction
    asks nobody twice); returns how many were owed."""
    end = meeting.starts_at + timedelta(minutes=meeting.duration_minutes)
    if not prompts_on(group) or now - end > PROMPT_WINDOW:
        return 0
    people = list(present)
    if not people:
        return 0
    off = set(
        session.scalars(
            select(ReflectionOptOut.person_id).where(
                ReflectionOptOut.person_id.in_([p.id for p in people])
            )
        )
    )
    owed = 0
    for person in people:
        if person.id in off:
            continue
        owe(session, intent=ReflectionPrompt(meeting_id=meeting.id), to=person, now=now)
        owed += 1
    return owed


def record_reflection(session: Session, *, actor: Actor, meeting_id: int, now: datetime) -> Meeting:
    """ "Reflectie gemaakt": record that (and when) the actor reflected on a meeting they attended.

    Only the person and the moment are stored, never a text; a second press changes nothing.
    """
    meeting = access.attended_meeting(
        session, actor=actor, meeting_id=meeting_id, refused="reflection.not_attended"
    )
    insert_ignore(
        session, Reflection, {"person_id": actor.person_id, "meeting_id": meeting.id, "at": now}
    )
    person = session.get_one(Person, actor.person_id)
    owe_update(
        session,
        intent=ReflectionDone(meeting_id=meeting.id),
        of=ReflectionPrompt(meeting_id=meeting.id),
        to=person,
        now=now,
    )
    return meeting


def reflected_at(session: Session, *, person_id: int, meeting_id: int) -> datetime | None:
    """When the member recorded a reflection on the meeting, if they did."""
    return session.scalars(
        select(Reflection.at).where(
            Reflection.person_id == person_id, Reflection.meeting_id == meeting_id
        )
    ).first()


def reflection_counts(session: Session, *, meeting_ids: Sequence[int]) -> dict[int, int]:
    """How many members recorded a reflection, per meeting (meetings without any: 0). For the
    supervisor of a guided trajectory: counts only, never who or what."""
    counts = {meeting_id: 0 for meeting_id in meeting_ids}
    if not counts:
        return counts
    rows = session.execute(
        select(Reflection.meeting_id, func.count(Reflection.id))
        .where(Reflection.meeting_id.in_(list(counts)))
        .group_by(Reflection.meeting_id)
    ).all()
    for meeting_id, count in rows:
        counts[int(meeting_id)] = int(count)
    return counts


def set_own_prompts(session: Session, *, actor: Actor, enabled: bool, now: datetime) -> None:
    """A member turns reflection prompts on or off for themselves (all groups)."""
    if enabled:
        session.execute(
            delete(ReflectionOptOut).where(ReflectionOptOut.person_id == actor.person_id)
        )
    else:
        insert_ignore(session, ReflectionOptOut, {"person_id": actor.person_id, "at": now})


def set_group_prompts(
    session: Session, *, actor: Actor, number: int, enabled: bool, now: datetime
) -> Group:
    """The contact person turns prompts on or off for a peer group (guided groups always have
    them: the supervisor follows the reflections)."""
    group = access.group_by_number(session, team_id=actor.team_id, number=number)
    access.require_manager(group, actor=actor)
    if group.kind is GroupKind.GUIDED:
        if not enabled:
            raise Conflict("reflection.guided_always")
        return group
    if group.reflection_prompts != enabled:
        group.reflection_prompts = enabled
        record(
            session,
            team_id=actor.team_id,
            action="reflection_prompts_changed",
            now=now,
            actor_id=actor.person_id,
            group_id=group.id,
            details={"enabled": enabled},
        )
    return group


def export_rows(session: Session, *, person_id: int) -> dict[str, Any]:
    """What the AVG export shows of this area: reflections (meeting and moment), the opt-out."""
    rows = session.execute(
        select(Reflection.at, Meeting.starts_at, Group.number)
        .join(Meeting, Meeting.id == Reflection.meeting_id)
        .join(Group, Group.id == Meeting.group_id)
        .where(Reflection.person_id == person_id)
        .order_by(Reflection.at)
    ).all()
    opt_out = session.get(ReflectionOptOut, person_id)
    return {
        "reflections": [
            {"group_number": number, "meeting_starts_at": starts.isoformat(), "at": at.isoformat()}
            for at, starts, number in rows
        ],
        "reflection_prompts_off_since": opt_out.at.isoformat() if opt_out else None,
    }


def purge_of(session: Session, *, meetings: Select[Any]) -> int:
    """Retention: drop the reflections of these (old) meetings; returns rows deleted."""
    result = session.execute(delete(Reflection).where(Reflection.meeting_id.in_(meetings)))
    return int(getattr(result, "rowcount", 0) or 0)


def reflection_meeting(session: Session, *, meeting_id: int) -> Meeting:
    """The meeting a prompt is about (for rendering), cancelled or not."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None or meeting.status is MeetingStatus.CANCELLED:
        raise NotFound("meeting.not_found")
    return meeting
