""" "Ik kan niet": a member says they cannot come to a meeting, with an optional reason category
(never a free text). The contact person is told; when fewer members than the group's minimum can
come, the contact person is warned while there is time to move the meeting; when the agreements
let the absent member arrange a substitute, they are reminded to. The registration modal starts
with the notified absences (handlers/attendance.py).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot import agreement_rules as rules
from bot.actor import Actor
from bot.errors import Conflict, NotAllowed, NotFound
from bot.notify import Intent, owe
from bot.services import access
from bot.services.agreements import min_present, substitute_policy
from bot.services.audit import record
from storage.models import (
    Absence,
    AbsenceReason,
    Group,
    Meeting,
    MeetingStatus,
    Person,
    SubstitutePolicy,
)


@dataclass(frozen=True, kw_only=True)
class AbsenceNotified(Intent):
    """The contact person hears who cannot come, the reason category, and how many still can."""

    KIND = "absence_notified"
    meeting_id: int
    person_id: int


@dataclass(frozen=True, kw_only=True)
class AbsenceWithdrawn(Intent):
    """The contact person hears that someone can come after all."""

    KIND = "absence_withdrawn"
    meeting_id: int
    person_id: int


@dataclass(frozen=True, kw_only=True)
class QuorumWarning(Intent):
    """The contact person is warned that fewer than the minimum can come (with Wijzig)."""

    KIND = "quorum_warning"
    meeting_id: int
    available: int


@dataclass(frozen=True, kw_only=True)
class SubstituteReminder(Intent):
    """The absent member is reminded that, as agreed, they arrange a substitute."""

    KIND = "substitute_reminder"
    meeting_id: int


@dataclass(frozen=True, kw_only=True)
class Availability:
    """How many approved members can come (not notified absent), out of how many, and the
    minimum the group agreed."""

    available: int
    members: int
    minimum: int

    @property
    def short(self) -> bool:
        """Fewer can come than the group's minimum."""
        return self.available < self.minimum


def _meeting_for_member(session: Session, *, actor: Actor, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None or meeting.group.team_id != actor.team_id:
        raise NotFound("meeting.not_found")
    if not access.is_member(session, group_id=meeting.group_id, person_id=actor.person_id):
        raise NotAllowed("absence.not_member", number=meeting.group.number)
    return meeting


def check_can_notify(meeting: Meeting, *, now: datetime) -> None:
    """Only a planned meeting still to come can be missed; the past is registered, not notified."""
    if meeting.status is MeetingStatus.CANCELLED:
        raise Conflict("absence.cancelled")
    if meeting.starts_at <= now:
        raise Conflict("absence.past")


def meeting_to_notify(session: Session, *, actor: Actor, meeting_id: int, now: datetime) -> Meeting:
    """The meeting, if the actor may notify absence for it (before opening the modal)."""
    meeting = _meeting_for_member(session, actor=actor, meeting_id=meeting_id)
    check_can_notify(meeting, now=now)
    return meeting


def availability(session: Session, *, meeting: Meeting) -> Availability:
    """Who can come: approved members without a notice of absence."""
    members = access.approved_members(session, group_id=meeting.group_id)
    absent = set(session.scalars(select(Absence.person_id).where(Absence.meeting_id == meeting.id)))
    available = sum(1 for m in members if m.id not in absent)
    return Availability(
        available=available,
        members=len(members),
        minimum=min_present(session, group_id=meeting.group_id),
    )


def notify_absence(
    session: Session,
    *,
    actor: Actor,
    meeting_id: int,
    reason: AbsenceReason | None,
    now: datetime,
) -> Absence:
    """Record that the actor cannot come (again: the reason is updated, nobody is told twice)."""
    # Lock the meeting: two absences at once count each other, so the warning is not missed.
    session.get(Meeting, meeting_id, with_for_update=True)
    meeting = _meeting_for_member(session, actor=actor, meeting_id=meeting_id)
    check_can_notify(meeting, now=now)
    group = meeting.group
    existing = session.scalars(
        select(Absence).where(
            Absence.meeting_id == meeting.id, Absence.person_id == actor.person_id
        )
    ).one_or_none()
    if existing is not None:
        existing.reason = reason
        return existing
    before = availability(session, meeting=meeting)
    absence = Absence(
        meeting_id=meeting.id, person_id=actor.person_id, reason=reason, notified_at=now
    )
    session.add(absence)
    session.flush()
    record(
        session,
        team_id=actor.team_id,
        action="absence_notified",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        details={"meeting_id": meeting.id, "reason": reason.value if reason else None},
    )
    if group.contact_person_id != actor.person_id:
        owe(
            session,
            intent=AbsenceNotified(meeting_id=meeting.id, person_id=actor.person_id),
            to=group.contact_person,
            now=now,
        )
    after = availability(session, meeting=meeting)
    if after.short and after.available < before.available:
        owe(
            session,
            intent=QuorumWarning(meeting_id=meeting.id, available=after.available),
            to=group.contact_person,
            now=now,
        )
    if substitute_policy(session, group_id=group.id) is SubstitutePolicy.MEMBER_ARRANGES:
        owe(
            session,
            intent=SubstituteReminder(meeting_id=meeting.id),
            to=session.get_one(Person, actor.person_id),
            now=now,
        )
    return absence


def withdraw_absence(session: Session, *, actor: Actor, meeting_id: int, now: datetime) -> Meeting:
    """ "Ik kan toch": the notice is removed and the contact person told."""
    session.get(Meeting, meeting_id, with_for_update=True)
    meeting = _meeting_for_member(session, actor=actor, meeting_id=meeting_id)
    check_can_notify(meeting, now=now)
    removed = session.execute(
        delete(Absence).where(
            Absence.meeting_id == meeting.id, Absence.person_id == actor.person_id
        )
    )
    if not removed.rowcount:  # type: ignore[attr-defined]
        raise Conflict("absence.none")
    record(
        session,
        team_id=actor.team_id,
        action="absence_withdrawn",
        now=now,
        actor_id=actor.person_id,
        group_id=meeting.group_id,
        details={"meeting_id": meeting.id},
    )
    if meeting.group.contact_person_id != actor.person_id:
        owe(
            session,
            intent=AbsenceWithdrawn(meeting_id=meeting.id, person_id=actor.person_id),
            to=meeting.group.contact_person,
            now=now,
            occasion=now.isoformat(),
        )
    return meeting


def notified_absences(session: Session, *, meeting_id: int) -> dict[int, AbsenceReason | None]:
    """person id → reason category of everyone who said they cannot come (registration prefill)."""
    return notified_absences_for(session, meeting_ids=[meeting_id])[meeting_id]


def notified_absences_for(
    session: Session, *, meeting_ids: Collection[int]
) -> dict[int, dict[int, AbsenceReason | None]]:
    """notified_absences() of several meetings in one statement: meeting id → person id → reason."""
    found: dict[int, dict[int, AbsenceReason | None]] = {mid: {} for mid in meeting_ids}
    if not found:
        return found
    rows = session.execute(
        select(Absence.meeting_id, Absence.person_id, Absence.reason).where(
            Absence.meeting_id.in_(list(found))
        )
    )
    for meeting_id, person_id, reason in rows:
        found[meeting_id][person_id] = reason
    return found


def absence_of(session: Session, *, meeting_id: int, person_id: int) -> Absence | None:
    """The person's notice for the meeting, if any."""
    return session.scalars(
        select(Absence).where(Absence.meeting_id == meeting_id, Absence.person_id == person_id)
    ).one_or_none()


def upcoming_for_member(
    session: Session, *, actor: Actor, number: int, now: datetime
) -> tuple[Group, list[Meeting], set[int]]:
    """`/intervisie afwezig 1234`: the group's next meetings and which of them the actor has
    already said they will miss."""
    group = access.group_by_number(session, team_id=actor.team_id, number=number)
    if not access.is_member(session, group_id=group.id, person_id=actor.person_id):
        raise NotAllowed("absence.not_member", number=group.number)
    meetings = list(
        session.scalars(
            select(Meeting)
            .where(
                Meeting.group_id == group.id,
                Meeting.status == MeetingStatus.PLANNED,
                Meeting.starts_at > now,
            )
            .order_by(Meeting.starts_at, Meeting.id)
            .limit(rules.ABSENCE_UPCOMING)
        )
    )
    absent = set(
        session.scalars(
            select(Absence.meeting_id).where(
                Absence.person_id == actor.person_id,
                Absence.meeting_id.in_([m.id for m in meetings] or [0]),
            )
        )
    )
    return group, meetings, absent
