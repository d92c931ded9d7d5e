"""Roles planned ahead: the contact person names the inbrenger and the facilitator of a meeting
before it takes place, helped by a suggestion that follows the group's rotation (seeds/000, 001:
"iedereen minstens één keer inbrenger en één keer facilitator") — a suggestion, never a block.

Assignees are told by DM (the inbrenger how to prepare, the facilitator the method's time plan);
the registration after the meeting starts from the planned roles.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from bot.actor import Actor
from bot.errors import Conflict, InvalidInput, NotFound
from bot.method_model import Method
from bot.notify import Intent, owe
from bot.services import access
from bot.services.audit import record
from storage.models import (
    Enrollment,
    EnrollmentStatus,
    Group,
    Meeting,
    MeetingStatus,
    Person,
    PlannedRole,
    Role,
)

# The roles planned ahead, in the order forms and messages show them.
PLANNED_ROLES: tuple[Role, ...] = (Role.PRESENTER, Role.FACILITATOR)
# What a change of a meeting means for the facilitator's time plan.
_PLAN_FIELDS = frozenset({"starts_at", "duration_minutes", "method"})


@dataclass(frozen=True, kw_only=True)
class RoleAssigned(Intent):
    """The assignee hears of their role: the inbrenger a preparation prompt, the facilitator the
    method's steps as a time plan (`changed`: again, after the time or the method changed)."""

    KIND = "role_assigned"
    meeting_id: int
    role: str
    changed: bool = False


@dataclass(frozen=True, kw_only=True)
class RoleReleased(Intent):
    """Someone planned for a role hears that another member takes it (or nobody yet)."""

    KIND = "role_released"
    meeting_id: int
    role: str


@dataclass(frozen=True, kw_only=True)
class Notice:
    """A warning that does not stop anything: a catalogue key and its parameters."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


def planned(session: Session, *, meeting_id: int) -> dict[Role, Person]:
    """Who is planned for which role at a meeting."""
    return planned_for(session, meeting_ids=[meeting_id])[meeting_id]


def planned_for(session: Session, *, meeting_ids: Collection[int]) -> dict[int, dict[Role, Person]]:
    """planned() of several meetings in one statement: meeting id → role → person."""
    found: dict[int, dict[Role, Person]] = {meeting_id: {} for meeting_id in meeting_ids}
    if not found:
        return found
    rows = session.scalars(
        select(PlannedRole)
        .where(PlannedRole.meeting_id.in_(list(found)))
        .options(joinedload(PlannedRole.person))
    )
    for row in rows:
        found[row.meeting_id][row.role] = row.person
    return found


def planned_by_person(session: Session, *, meeting_id: int) -> dict[int, Role]:
    """person id → planned role (the inbrenger's when one person holds both), for the registration."""
    found: dict[int, Role] = {}
    for role, person in sorted(
        planned(session, meeting_id=meeting_id).items(), key=lambda item: item[0] != Role.PRESENTER
    ):
        found.setdefault(person.id, role)
    return found


def plan_warnings(
    *,
    method: Method | None,
    duration_minutes: int,
    presenter_id: int | None,
    facilitator_id: int | None,
) -> list[Notice]:
    """What to warn about before saving (the contact person may save anyway): one person in both
    roles, a method that needs more time than the meeting has."""
    notices: list[Notice] = []
    if presenter_id is not None and presenter_id == facilitator_id:
        notices.append(Notice(key="plan.warn.same_person"))
    if method is not None and duration_minutes < method.min_minutes:
        notices.append(
            Notice(
                key="plan.warn.method_too_long",
                params={"count": duration_minutes, "minimum": method.min_minutes},
            )
        )
    return notices


def assign(
    session: Session,
    *,
    actor: Actor,
    meeting_id: int,
    presenter_id: int | None,
    facilitator_id: int | None,
    now: datetime,
) -> Meeting:
    """Plan the inbrenger and the facilitator (None: nobody yet). Only approved members can be
    planned; the newly planned are told by DM, and whoever was replaced hears so too — unless the
    meeting has already begun (then the roles only prefill the registration)."""
    meeting = session.get(Meeting, meeting_id, with_for_update=True)
    if meeting is None or meeting.group.team_id != actor.team_id:
        raise NotFound("meeting.not_found")
    access.require_manager(meeting.group, actor=actor)
    if meeting.status is MeetingStatus.CANCELLED:
        raise Conflict("meeting.already_cancelled")
    if meeting.attendance_registered_at is not None:
        raise Conflict("roles.error.registered")
    members = set(
        session.scalars(
            select(Enrollment.person_id).where(
                Enrollment.group_id == meeting.group_id,
                Enrollment.status == EnrollmentStatus.APPROVED,
            )
        )
    )
    wanted = {Role.PRESENTER: presenter_id, Role.FACILITATOR: facilitator_id}
    for role, person_id in wanted.items():
        if person_id is not None and person_id not in members:
            raise InvalidInput("roles.error.not_member", field=role.value)
    rows = {
        row.role: row
        for row in session.scalars(select(PlannedRole).where(PlannedRole.meeting_id == meeting.id))
    }
    ahead = meeting.starts_at > now
    changed: dict[str, int | None] = {}
    for role, person_id in wanted.items():
        row = rows.get(role)
        if row is not None and row.person_id == person_id:
            continue
        if row is not None:
            if ahead:
                _tell(
                    session,
                    intent=RoleReleased(meeting_id=meeting.id, role=role.value),
                    to_id=row.person_id,
                    now=now,
                )
            session.delete(row)
            session.flush()
        if person_id is not None:
            session.add(
                PlannedRole(
                    meeting_id=meeting.id,
                    role=role,
                    person_id=person_id,
                    assigned_at=now,
                    assigned_by_id=actor.person_id,
                )
            )
            if ahead:
                _tell(
                    session,
                    intent=RoleAssigned(meeting_id=meeting.id, role=role.value),
                    to_id=person_id,
                    now=now,
                )
        changed[role.value] = person_id
    if changed:
        record(
            session,
            team_id=actor.team_id,
            action="roles_planned",
            now=now,
            actor_id=actor.person_id,
            group_id=meeting.group_id,
            details={"meeting_id": meeting.id, **changed},
        )
    return meeting


def after_meeting_change(
    session: Session, *, meeting: Meeting, changed: Collection[str], now: datetime
) -> None:
    """A new time, length or method: the planned facilitator gets the time plan as it now is."""
    if meeting.starts_at <= now or not _PLAN_FIELDS & set(changed):
        return
    facilitator = planned(session, meeting_id=meeting.id).get(Role.FACILITATOR)
    if facilitator is not None:
        owe(
            session,
            intent=RoleAssigned(meeting_id=meeting.id, role=Role.FACILITATOR.value, changed=True),
            to=facilitator,
            now=now,
            occasion=f"seq{meeting.sequence}",
        )


def _tell(session: Session, *, intent: Intent, to_id: int, now: datetime) -> None:
    # Each assignment is its own occasion: planned, replaced and planned again is told twice.
    owe(
        session, intent=intent, to=session.get_one(Person, to_id), now=now, occasion=now.isoformat()
    )


def upcoming_for_person(
    session: Session, *, person_id: int, now: datetime, limit: int = 5
) -> list[tuple[Meeting, Role]]:
    """The person's planned roles at meetings still to come, soonest first."""
    rows = session.execute(
        select(Meeting, PlannedRole.role)
        .join(PlannedRole, PlannedRole.meeting_id == Meeting.id)
        .join(Enrollment, Enrollment.group_id == Meeting.group_id)
        .where(
            PlannedRole.person_id == person_id,
            Enrollment.person_id == person_id,
            Enrollment.status == EnrollmentStatus.APPROVED,
            Meeting.status == MeetingStatus.PLANNED,
            Meeting.starts_at > now,
        )
        .options(joinedload(Meeting.group))
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(limit)
    ).all()
    return [(meeting, role) for meeting, role in rows]


def upcoming_planned(
    session: Session, *, group_id: int, now: datetime, limit: int = 5
) -> list[tuple[Meeting, dict[Role, Person]]]:
    """The group's meetings still to come with their planned roles (for the rotation overview)."""
    meetings = session.scalars(
        select(Meeting)
        .where(
            Meeting.group_id == group_id,
            Meeting.status == MeetingStatus.PLANNED,
            Meeting.starts_at > now,
        )
        .order_by(Meeting.starts_at, Meeting.id)
        .limit(limit)
    ).all()
    return [(meeting, planned(session, meeting_id=meeting.id)) for meeting in meetings]


def export_rows(session: Session, *, person_id: int) -> list[dict[str, Any]]:
    """The person's planned roles for the AVG export: group, meeting start, role, when planned."""
    rows = session.execute(
        select(PlannedRole.role, PlannedRole.assigned_at, Meeting.starts_at, Group.number)
        .join(Meeting, Meeting.id == PlannedRole.meeting_id)
        .join(Group, Group.id == Meeting.group_id)
        .where(PlannedRole.person_id == person_id)
        .order_by(Meeting.starts_at)
    ).all()
    return [
        {
            "group_number": number,
            "meeting_starts_at": starts.isoformat(),
            "role": role.value,
            "planned_at": at.isoformat(),
        }
        for role, at, starts, number in rows
    ]


def member_group_numbers(session: Session, *, person_id: int) -> list[int]:
    """The numbers of the groups the person is an approved member of."""
    return list(
        session.scalars(
            select(Group.number)
            .join(Enrollment, Enrollment.group_id == Group.id)
            .where(
                Enrollment.person_id == person_id,
                Enrollment.status == EnrollmentStatus.APPROVED,
                Group.archived_at.is_(None),
            )
            .order_by(Group.number)
        )
    )
