"""Who may do what to a group: the lookups every area shares (group by number, managers, members)."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import NotAllowed, NotFound
from storage.models import Attendance, Enrollment, EnrollmentStatus, Group, Meeting, Person


def group_by_number(session: Session, *, team_id: str, number: int) -> Group:
    """The group with this public number in this workspace, or NotFound (never another team's)."""
    group = session.scalars(
        select(Group).where(
            Group.team_id == team_id, Group.number == number, Group.archived_at.is_(None)
        )
    ).one_or_none()
    if group is None:
        raise NotFound("group.not_found", number=number)
    return group


def group_by_id(session: Session, *, team_id: str, group_id: int) -> Group:
    """A group by internal id (from private_metadata or a button value), scoped to the workspace."""
    group = session.get(Group, group_id)
    if group is None or group.team_id != team_id or group.archived_at is not None:
        raise NotFound("group.not_found_by_id")
    return group


def can_manage(group: Group, *, actor: Actor) -> bool:
    """The contact person and the secretariat manage a group (decide, plan, register); so does
    the supervisor of a guided group."""
    return actor.team_id == group.team_id and (
        actor.is_secretariat
        or group.contact_person_id == actor.person_id
        or (group.supervisor_id is not None and group.supervisor_id == actor.person_id)
        # The deputy (plaatsvervangend contactpersoon) plans, registers and decides requests too.
        or (group.deputy_id is not None and group.deputy_id == actor.person_id)
    )


def require_manager(group: Group, *, actor: Actor) -> None:
    """Refuse anyone but the contact person or the secretariat; nothing is changed."""
    if not can_manage(group, actor=actor):
        raise NotAllowed("group.not_manager", number=group.number)


def require_secretariat(actor: Actor) -> None:
    """Refuse anyone outside the secretariat; nothing is changed."""
    if not actor.is_secretariat:
        raise NotAllowed("admin.only_secretariat")


def approved_members(session: Session, *, group_id: int) -> list[Person]:
    """The group's approved members (the contact person included), by name."""
    return list(
        session.scalars(
            select(Person)
            .join(Enrollment, Enrollment.person_id == Person.id)
            .where(Enrollment.group_id == group_id, Enrollment.status == EnrollmentStatus.APPROVED)
            .order_by(Person.full_name, Person.id)
        )
    )


def approved_member_ids(session: Session, *, group_ids: Collection[int]) -> dict[int, set[int]]:
    """group id → the person ids of its approved members, for several groups in one statement."""
    found: dict[int, set[int]] = {group_id: set() for group_id in group_ids}
    if not found:
        return found
    rows = session.execute(
        select(Enrollment.group_id, Enrollment.person_id).where(
            Enrollment.group_id.in_(list(found)), Enrollment.status == EnrollmentStatus.APPROVED
        )
    )
    for group_id, person_id in rows:
        found[group_id].add(person_id)
    return found


def is_member(session: Session, *, group_id: int, person_id: int) -> bool:
    """True when the person is an approved member of the group."""
    return (
        session.scalars(
            select(Enrollment.id).where(
                Enrollment.group_id == group_id,
                Enrollment.person_id == person_id,
                Enrollment.status == EnrollmentStatus.APPROVED,
            )
        ).first()
        is not None
    )


def managed_groups(session: Session, *, person_id: int) -> list[Group]:
    """The groups this person is contact person or supervisor of, by number."""
    return list(
        session.scalars(
            select(Group)
            .where(
                or_(Group.contact_person_id == person_id, Group.supervisor_id == person_id),
                Group.archived_at.is_(None),
                # An ended group is history: it no longer asks its contact person for anything.
                Group.ended_at.is_(None),
            )
            .order_by(Group.number)
        )
    )


def meeting_audience(session: Session, *, group: Group) -> list[Person]:
    """Who hears of the group's meetings: its approved members and, in a guided group, the
    supervisor who leads them (not a member, so not counted and never certified)."""
    people = approved_members(session, group_id=group.id)
    if group.supervisor is not None and all(p.id != group.supervisor_id for p in people):
        people.append(group.supervisor)
    return people


def registrar(group: Group) -> Person:
    """Who is asked to register attendance: the supervisor of a guided group, else the contact
    person."""
    return group.supervisor or group.contact_person


def attended_meeting(session: Session, *, actor: Actor, meeting_id: int, refused: str) -> Meeting:
    """A meeting of the actor's workspace that they were present at (reflection, verslag,
    evaluation); NotFound for another's, NotAllowed with the key `refused` when not present."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None or meeting.group.team_id != actor.team_id:
        raise NotFound("meeting.not_found")
    present = session.scalars(
        select(Attendance.id).where(
            Attendance.meeting_id == meeting.id,
            Attendance.person_id == actor.person_id,
            Attendance.present.is_(True),
        )
    ).first()
    if present is None:
        raise NotAllowed(refused)
    return meeting
