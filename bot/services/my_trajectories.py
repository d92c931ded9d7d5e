"""'Mijn trajecten': the trajectories a person supervises, asked for, or takes part in, with where
each stands (meetings held, the next one, the report), for the App Home and `/intervisie traject`."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.services.trajectory_progress import trajectory_meetings
from bot.services.trajectory_report import all_agreed, answers, participants, report_of
from storage.models import (
    Enrollment,
    EnrollmentStatus,
    Group,
    Meeting,
    ReportStatus,
    Trajectory,
    TrajectoryReport,
    TrajectoryStatus,
)

# The App Home lists at most this many trajectories (newest first).
SHOWN = 8


class Part(enum.StrEnum):
    """The viewer's part in a trajectory, which decides the buttons they get."""

    SUPERVISOR = "supervisor"
    CONTACT = "contact"
    PARTICIPANT = "participant"
    REQUESTER = "requester"


@dataclass(frozen=True, kw_only=True)
class ReportState:
    """Where the report stands: its status, answers in this round, and whether all agreed."""

    report: TrajectoryReport
    answered: int
    participants: int
    everyone_agreed: bool


@dataclass(frozen=True, kw_only=True)
class MyTrajectory:
    """One trajectory as the viewer sees it."""

    trajectory: Trajectory
    group: Group | None
    part: Part
    held: int
    next_meeting: Meeting | None
    next_number: int | None
    report: ReportState | None


def _part(trajectory: Trajectory, *, person_id: int) -> Part:
    if trajectory.supervisor_id == person_id:
        return Part.SUPERVISOR
    group = trajectory.group
    if group is not None and group.contact_person_id == person_id:
        return Part.CONTACT
    if group is None:
        return Part.REQUESTER
    return Part.PARTICIPANT


def my_trajectories(
    session: Session, *, person_id: int, now: datetime, limit: int = SHOWN
) -> list[MyTrajectory]:
    """The person's trajectories, newest first; one statement for someone who has none."""
    member_of = select(Enrollment.group_id).where(
        Enrollment.person_id == person_id, Enrollment.status == EnrollmentStatus.APPROVED
    )
    rows = list(
        session.scalars(
            select(Trajectory)
            .where(
                Trajectory.status != TrajectoryStatus.DECLINED,
                or_(
                    Trajectory.supervisor_id == person_id,
                    Trajectory.requester_id == person_id,
                    Trajectory.group_id.in_(member_of),
                ),
            )
            .order_by(Trajectory.requested_at.desc(), Trajectory.id.desc())
            .limit(limit)
        )
    )
    found = []
    for trajectory in rows:
        state = _report_state(session, trajectory=trajectory)
        if trajectory.continued_at is not None and (
            state is None or state.report.status is ReportStatus.FINAL
        ):
            continue  # the group goes on by itself and nothing about the trajectory is open
        meetings = trajectory_meetings(session, trajectory=trajectory)
        upcoming = [(index, m) for index, m in enumerate(meetings, start=1) if m.starts_at > now]
        found.append(
            MyTrajectory(
                trajectory=trajectory,
                group=trajectory.group,
                part=_part(trajectory, person_id=person_id),
                held=sum(1 for m in meetings if m.attendance_registered_at is not None),
                next_meeting=upcoming[0][1] if upcoming else None,
                next_number=upcoming[0][0] if upcoming else None,
                report=state,
            )
        )
    return found


def _report_state(session: Session, *, trajectory: Trajectory) -> ReportState | None:
    report = report_of(session, trajectory_id=trajectory.id)
    if report is None:
        return None
    return ReportState(
        report=report,
        answered=len(answers(session, report=report)),
        participants=len(participants(session, trajectory=trajectory)),
        everyone_agreed=all_agreed(session, report=report),
    )


def trajectories_of_group_number(
    session: Session, *, team_id: str, number: int, person_id: int, now: datetime
) -> list[MyTrajectory]:
    """The viewer's trajectory of the group with this number (empty when they have no part)."""
    return [
        item
        for item in my_trajectories(session, person_id=person_id, now=now, limit=50)
        if item.group is not None and item.group.number == number and item.group.team_id == team_id
    ]
