"""The guided services on a real database: a trajectory's meetings are numbered in date order
(cancelled ones and those planned after it closed do not count), the report's facts are
aggregates with the methods practised by their catalogue names, and the supervisor is never a
member, a certificate holder or someone who answers the report."""

from __future__ import annotations

import secrets
import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.services.access import meeting_audience, registrar
from bot.services.rotation import group_rotation_window, rotation
from bot.services.trajectory_progress import positions
from bot.services.trajectory_report import participants, report_facts
from storage.models import (
    Attendance,
    Enrollment,
    EnrollmentStatus,
    Group,
    GroupForm,
    GroupKind,
    Meeting,
    MeetingStatus,
    Role,
    Trajectory,
    TrajectoryStatus,
    Workspace,
)
from tests.support.attendance import person

START = datetime(2026, 9, 15, 12, 0, tzinfo=UTC)
CREATED = datetime(2026, 9, 1, tzinfo=UTC)


def _meeting(
    session: Session,
    group: Group,
    *,
    week: int,
    method: str = "",
    status: MeetingStatus = MeetingStatus.PLANNED,
) -> Meeting:
    meeting = Meeting(
        group_id=group.id,
        uid=f"{uuid.uuid4()}@test",
        starts_at=START + timedelta(weeks=week),
        duration_minutes=120,
        status=status,
        method=method,
        created_at=CREATED,
        updated_at=CREATED,
    )
    session.add(meeting)
    session.flush()
    return meeting


def test_numbering_methods_and_aggregates(clean_db: Engine) -> None:
    with Session(clean_db) as session, session.begin():
        session.add(Workspace(team_id="T1", created_at=CREATED))
        supervisor = person(session, "USUP0013")
        members = [person(session, u) for u in ("UANNE001", "UBRAM002", "UZOE0003", "UDAAN004")]
        group = Group(
            team_id="T1",
            number=1002,
            name="Begeleide intervisie Zeist",
            form=GroupForm.PHYSICAL,
            kind=GroupKind.GUIDED,
            max_members=8,
            contact_person_id=members[0].id,
            supervisor_id=supervisor.id,
            calendar_token=secrets.token_urlsafe(16),
            created_at=CREATED,
        )
        session.add(group)
        session.flush()
        for member in members:
            session.add(
                Enrollment(
                    group_id=group.id,
                    person_id=member.id,
                    status=EnrollmentStatus.APPROVED,
                    requested_at=CREATED,
                )
            )
        trajectory = Trajectory(
            team_id="T1",
            status=TrajectoryStatus.COMPLETED,
            supervisor_id=supervisor.id,
            group_id=group.id,
            client_name="Gemeente Zeist",
            agreed_meetings=3,
            requested_at=CREATED,
            closed_at=datetime(2026, 10, 20, tzinfo=UTC),
        )
        session.add(trajectory)
        # Planned out of order, one cancelled, one planned after the trajectory closed.
        third = _meeting(session, group, week=4, method="balint")
        first = _meeting(session, group, week=0, method="incident")
        _meeting(session, group, week=1, status=MeetingStatus.CANCELLED)
        second = _meeting(session, group, week=2, method="Eigen werkvorm")
        later = _meeting(session, group, week=8)
        later.created_at = datetime(2026, 11, 1, tzinfo=UTC)
        for meeting, present in ((first, 4), (second, 3), (third, 3)):
            meeting.attendance_registered_at = meeting.starts_at
            for index, member in enumerate(members):
                session.add(
                    Attendance(
                        meeting_id=meeting.id,
                        person_id=member.id,
                        present=index < present,
                        net_minutes=120 if index < present else 0,
                        registered_at=meeting.starts_at,
                    )
                )
        session.flush()

        places = positions(session, group_id=group.id)
        assert {m: (p.meeting, p.meetings) for m, p in places.items()} == {
            first.id: (1, 3),
            second.id: (2, 3),
            third.id: (3, 3),
        }
        facts = report_facts(session, trajectory=trajectory, lang="nl")
        assert (facts.agreed, facts.held, facts.participants) == (3, 3, 4)
        assert facts.average_percent == 83  # 10 of 12 places, rounded down
        # In date order; a catalogue key by its name, a typed method as typed.
        assert facts.methods == ("Incidentmethode", "Eigen werkvorm", "Balintmethode")
        assert supervisor.id not in {p.id for p in participants(session, trajectory=trajectory)}
        assert [p.id for p in meeting_audience(session, group=group)][-1] == supervisor.id
        assert registrar(group).id == supervisor.id


def test_a_running_trajectory_is_its_own_rotation_period_across_new_year(clean_db: Engine) -> None:
    """Roles held in December still count in January while the trajectory runs; a peer group
    (or the trajectory once it is over) keeps the calendar blocks."""
    amsterdam = ZoneInfo("Europe/Amsterdam")
    with Session(clean_db) as session, session.begin():
        session.add(Workspace(team_id="T1", created_at=CREATED))
        supervisor = person(session, "USUP0013")
        anne, bram = person(session, "UANNE001"), person(session, "UBRAM002")
        group = Group(
            team_id="T1",
            number=1002,
            name="Begeleid over de jaarwisseling",
            form=GroupForm.PHYSICAL,
            kind=GroupKind.GUIDED,
            max_members=8,
            contact_person_id=anne.id,
            supervisor_id=supervisor.id,
            calendar_token=secrets.token_urlsafe(16),
            created_at=CREATED,
        )
        session.add(group)
        session.flush()
        trajectory = Trajectory(
            team_id="T1",
            status=TrajectoryStatus.RUNNING,
            supervisor_id=supervisor.id,
            group_id=group.id,
            client_name="Gemeente Zeist",
            agreed_meetings=3,
            requested_at=CREATED,
            started_at=datetime(2026, 12, 1, 9, 0, tzinfo=UTC),
        )
        session.add(trajectory)
        days = (datetime(2026, 12, 7, 13, tzinfo=UTC), datetime(2026, 12, 21, 13, tzinfo=UTC))
        for starts_at, (presenter, facilitator) in zip(
            days, ((anne, bram), (bram, anne)), strict=True
        ):
            meeting = Meeting(
                group_id=group.id,
                uid=f"{uuid.uuid4()}@test",
                starts_at=starts_at,
                duration_minutes=120,
                status=MeetingStatus.PLANNED,
                created_at=CREATED,
                updated_at=CREATED,
                attendance_registered_at=starts_at,
            )
            session.add(meeting)
            session.flush()
            for who, role in ((presenter, Role.PRESENTER), (facilitator, Role.FACILITATOR)):
                session.add(
                    Attendance(
                        meeting_id=meeting.id,
                        person_id=who.id,
                        present=True,
                        role=role,
                        net_minutes=120,
                        registered_at=starts_at,
                    )
                )
        january = Meeting(
            group_id=group.id,
            uid=f"{uuid.uuid4()}@test",
            starts_at=datetime(2027, 1, 11, 13, tzinfo=UTC),
            duration_minutes=120,
            status=MeetingStatus.PLANNED,
            created_at=CREATED,
            updated_at=CREATED,
        )
        session.add(january)
        session.flush()

        today = date(2027, 1, 5)
        window = group_rotation_window(session, group=group, today=today, tz=amsterdam)
        assert window == (date(2026, 12, 1), date(2027, 1, 12))
        statuses, _, _ = rotation(
            session, group=group, members=[anne, bram], today=today, tz=amsterdam
        )
        assert {(s.presenter, s.facilitator) for s in statuses} == {(1, 1)}

        trajectory.status = TrajectoryStatus.COMPLETED
        session.flush()
        after = group_rotation_window(session, group=group, today=today, tz=amsterdam)
        assert after == (date(2027, 1, 1), date(2028, 1, 1))
