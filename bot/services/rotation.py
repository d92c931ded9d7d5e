"""The role rotation: in a period every member is at least once inbrenger and once facilitator
(seeds/000, seeds/001); the app counts who has had which role in the group's current period."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import rules
from bot.actor import Actor
from bot.errors import NotAllowed
from bot.services import access, recertification
from bot.services.people import display_name
from bot.services.trajectory_progress import trajectory_meetings, trajectory_of_group
from storage.models import (
    Attendance,
    Group,
    Meeting,
    MeetingStatus,
    Person,
    Role,
    TrajectoryStatus,
)


@dataclass(frozen=True, kw_only=True)
class RotationStatus:
    """How often a member was inbrenger and facilitator in the group's current rotation period."""

    person_id: int
    name: str
    presenter: int
    facilitator: int


def _local_bounds(start: date, end: date, tz: tzinfo) -> tuple[datetime, datetime]:
    return (
        datetime.combine(start, time(0), tzinfo=tz).astimezone(UTC),
        datetime.combine(end, time(0), tzinfo=tz).astimezone(UTC),
    )


def group_rotation_window(
    session: Session, *, group: Group, today: date, tz: tzinfo
) -> tuple[date, date]:
    """The group's current rotation period [start, end). A running guided trajectory is its own
    period ("een periode met een vooraf afgesproken aantal bijeenkomsten"): from its start to the
    day after its last meeting so far, so a trajectory across New Year is not split in two.
    Otherwise blocks of the group's rotation months, counted from January."""
    trajectory = trajectory_of_group(session, group_id=group.id)
    if (
        trajectory is not None
        and trajectory.status is TrajectoryStatus.RUNNING
        and trajectory.started_at is not None
    ):
        start = trajectory.started_at.astimezone(tz).date()
        days = [
            m.starts_at.astimezone(tz).date()
            for m in trajectory_meetings(session, trajectory=trajectory)
        ]
        return start, max([today, *days]) + timedelta(days=1)
    return recertification.rotation_window(
        today=today, months=group.rotation_period_months or rules.DEFAULT_ROTATION_PERIOD_MONTHS
    )


def rotation(
    session: Session, *, group: Group, members: list[Person], today: date, tz: tzinfo
) -> tuple[tuple[RotationStatus, ...], date, date]:
    """Per member: times inbrenger and facilitator in the group's current rotation period."""
    start, end = group_rotation_window(session, group=group, today=today, tz=tz)
    low, high = _local_bounds(start, end, tz)
    rows = session.execute(
        select(Attendance.person_id, Attendance.role)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(
            Meeting.group_id == group.id,
            Meeting.status == MeetingStatus.PLANNED,
            Meeting.starts_at >= low,
            Meeting.starts_at < high,
            Attendance.present.is_(True),
            Attendance.role.in_([Role.PRESENTER, Role.FACILITATOR]),
        )
    ).all()
    counts = Counter((person_id, role) for person_id, role in rows)
    statuses = tuple(
        RotationStatus(
            person_id=p.id,
            name=display_name(p),
            presenter=counts[(p.id, Role.PRESENTER)],
            facilitator=counts[(p.id, Role.FACILITATOR)],
        )
        for p in members
    )
    return statuses, start, end


def group_rotation(
    session: Session, *, actor: Actor, number: int, today: date, tz: tzinfo
) -> tuple[Group, tuple[RotationStatus, ...], date, date]:
    """The rotation overview of a group, for its members, its contact person and the secretariat."""
    group = access.group_by_number(session, team_id=actor.team_id, number=number)
    if not access.can_manage(group, actor=actor) and not access.is_member(
        session, group_id=group.id, person_id=actor.person_id
    ):
        raise NotAllowed("roles.members_only", number=group.number)
    members = access.approved_members(session, group_id=group.id)
    statuses, start, end = rotation(session, group=group, members=members, today=today, tz=tz)
    return group, statuses, start, end
