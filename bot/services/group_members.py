"""Who is in the group, decided by its contact person (or the secretariat): remove a member, with a
reason category, and name a deputy (plaatsvervangend contactpersoon) among the members. A removed
member is told by DM and keeps their certificates and hours; the contact person cannot be removed
(the secretariat changes the contact person first)."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import Conflict, NotAllowed, NotFound
from bot.notify import Intent, owe
from bot.services import audit
from bot.services.access import is_member
from bot.services.group_rights import lock_group, require_lead, require_not_ended
from bot.services.groups import GroupSummary, member_count
from bot.services.membership_story import member_gone
from bot.services.people import display_name
from storage.models import Enrollment, EnrollmentStatus, Group, Person


class RemovalReason(enum.StrEnum):
    """Why a member was removed, as a category (never a free text about the person)."""

    LEFT_JOB = "left_job"
    OWN_REQUEST = "own_request"
    ABSENT = "absent"
    AGREEMENTS = "agreements"
    OTHER = "other"


@dataclass(frozen=True, kw_only=True)
class MemberRemoved(Intent):
    """The removed member (and the contact person, when the secretariat removed them) is told."""

    KIND = "member_removed"
    enrollment_id: int
    reason: str
    by_id: int


@dataclass(frozen=True, kw_only=True)
class DeputyChanged(Intent):
    """The new deputy, the one before and (when the secretariat did it) the contact person hear
    who is now the group's deputy."""

    KIND = "deputy_changed"
    group_id: int
    old_id: int | None
    new_id: int | None


@dataclass(frozen=True, kw_only=True)
class Removal:
    """A removal done: who, and where the group stands now (forming again below the minimum)."""

    person: Person
    summary: GroupSummary


def _person_in_team(session: Session, *, actor: Actor, person_id: int) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.team_id != actor.team_id or person.anonymised_at is not None:
        raise NotFound("life.person_not_found")
    return person


def led_group(session: Session, *, actor: Actor, group_id: int) -> Group:
    """The running group, if the actor leads it (for opening a modal; nothing is written)."""
    group = lock_group(session, actor=actor, group_id=group_id)
    require_lead(group, actor=actor)
    require_not_ended(group)
    return group


def remove_member(
    session: Session,
    *,
    actor: Actor,
    group_id: int,
    person_id: int,
    reason: RemovalReason,
    now: datetime,
) -> Removal:
    """Take a member out of the group: told by DM, no longer sent its meetings or reminders;
    certificates, attendance and hours stay theirs."""
    group = led_group(session, actor=actor, group_id=group_id)
    person = _person_in_team(session, actor=actor, person_id=person_id)
    if person.id == group.contact_person_id:
        raise NotAllowed("life.remove.contact_person", number=group.number)
    enrollment = session.scalars(
        select(Enrollment).where(
            Enrollment.group_id == group.id,
            Enrollment.person_id == person.id,
            Enrollment.status == EnrollmentStatus.APPROVED,
        )
    ).first()
    if enrollment is None:
        raise Conflict("life.remove.not_member", who=display_name(person), number=group.number)
    enrollment.status = EnrollmentStatus.REMOVED
    enrollment.left_at = now
    audit.record(
        session,
        team_id=group.team_id,
        action="member_removed",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        subject_id=person.id,
        details={"enrollment_id": enrollment.id, "reason": reason.value},
    )
    member_gone(session, actor=actor, group=group, person_id=person.id, now=now)
    told = MemberRemoved(enrollment_id=enrollment.id, reason=reason.value, by_id=actor.person_id)
    owe(session, intent=told, to=person, now=now)
    if actor.person_id != group.contact_person_id:
        owe(session, intent=told, to=group.contact_person, now=now)
    session.flush()
    summary = GroupSummary(group=group, members=member_count(session, group_id=group.id))
    return Removal(person=person, summary=summary)


def set_deputy(
    session: Session, *, actor: Actor, group_id: int, person_id: int | None, now: datetime
) -> Group:
    """Name a member the group's deputy (None: no deputy any more); everyone concerned is told."""
    group = led_group(session, actor=actor, group_id=group_id)
    old_id = group.deputy_id
    new = None if person_id is None else _person_in_team(session, actor=actor, person_id=person_id)
    if new is None:
        if old_id is None:
            raise Conflict("life.deputy.none", number=group.number)
    else:
        if new.id == group.contact_person_id:
            raise Conflict("life.deputy.is_contact", number=group.number)
        if not is_member(session, group_id=group.id, person_id=new.id):
            raise Conflict("life.deputy.not_member", who=display_name(new), number=group.number)
        if new.id == old_id:
            raise Conflict("life.deputy.already", who=display_name(new), number=group.number)
    group.deputy_id = new.id if new is not None else None
    audit.record(
        session,
        team_id=group.team_id,
        action="deputy_named" if new is not None else "deputy_cleared",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        subject_id=new.id if new is not None else old_id,
        details={"old_deputy_id": old_id},
    )
    told = DeputyChanged(group_id=group.id, old_id=old_id, new_id=group.deputy_id)
    recipients = [pid for pid in (group.deputy_id, old_id) if pid is not None]
    if actor.person_id != group.contact_person_id:
        recipients.append(group.contact_person_id)
    for pid in recipients:
        owe(
            session, intent=told, to=session.get_one(Person, pid), now=now, occasion=now.isoformat()
        )
    return group
