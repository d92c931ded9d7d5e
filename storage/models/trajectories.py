"""Guided intervision (begeleide intervisie): the trajectory from the intake request to its end,
the completion certificates it issues and the report for the opdrachtgever, with each
participant's answer to it. Metadata only: organisation and contact, dates, counts, and the
report's own short texts; never anything about a case."""

from __future__ import annotations

import enum
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, enum_column
from storage.models.core import Group, Person
from storage.models.meetings import Certificate


class TrajectoryStatus(enum.StrEnum):
    """Asked for → intake (accepted) → lopend → afgerond / gestopt; or declined at the start."""

    REQUESTED = "requested"
    INTAKE = "intake"
    DECLINED = "declined"
    RUNNING = "running"
    COMPLETED = "completed"
    STOPPED = "stopped"


class ReportStatus(enum.StrEnum):
    """The report is with the participants, or final (the PDF went to the supervisor)."""

    CIRCULATED = "circulated"
    FINAL = "final"


class ReportAnswer(enum.StrEnum):
    """A participant's answer to the draft report: Akkoord, or Opmerking (talk it over)."""

    AGREED = "agreed"
    REMARK = "remark"


class Trajectory(Base):
    """One guided trajectory: who asked whom, the agreement, its group and where it stands."""

    __tablename__ = "trajectory"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32), ForeignKey("workspace.team_id"), index=True)
    status: Mapped[TrajectoryStatus] = mapped_column(enum_column(TrajectoryStatus))
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    # Who asked for the exploratory talk (becomes contact person); None when the supervisor
    # started the trajectory directly.
    requester_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("intervision_group.id", ondelete="SET NULL"), unique=True
    )
    # The opdrachtgever: usually not in Slack, so a name and a way to reach them.
    client_name: Mapped[str] = mapped_column(String(200), default="")
    client_contact: Mapped[str] = mapped_column(String(200), default="")
    expected_participants: Mapped[int | None] = mapped_column(Integer)
    wishes: Mapped[str] = mapped_column(String(500), default="")
    intake_at: Mapped[datetime | None]
    decline_reason: Mapped[str | None] = mapped_column(String(500))
    quote_accepted_on: Mapped[date | None] = mapped_column(Date)
    agreed_meetings: Mapped[int | None] = mapped_column(Integer)
    price_per_participant: Mapped[Decimal | None] = mapped_column(Numeric(8, 2))
    reader_url: Mapped[str] = mapped_column(String(500), default="")
    reflection_points: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    # The attendance share (per cent) that was required when the trajectory was closed.
    threshold_percent: Mapped[int | None] = mapped_column(Integer)
    stop_reason: Mapped[str | None] = mapped_column(String(500))
    requested_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]
    started_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    continued_at: Mapped[datetime | None]

    supervisor: Mapped[Person] = relationship(foreign_keys=[supervisor_id])
    requester: Mapped[Person | None] = relationship(foreign_keys=[requester_id])
    group: Mapped[Group | None] = relationship()


class CompletionCertificate(Base):
    """What a certificaat begeleide intervisie proves beyond its certificate row (a snapshot)."""

    __tablename__ = "completion_certificate"

    id: Mapped[int] = mapped_column(primary_key=True)
    certificate_id: Mapped[int] = mapped_column(
        ForeignKey("certificate.id", ondelete="CASCADE"), unique=True
    )
    trajectory_id: Mapped[int] = mapped_column(
        ForeignKey("trajectory.id", ondelete="CASCADE"), index=True
    )
    meetings_attended: Mapped[int] = mapped_column(Integer)
    meetings_total: Mapped[int] = mapped_column(Integer)
    supervisor_name: Mapped[str] = mapped_column(String(200))
    supervisor_register_key: Mapped[str | None] = mapped_column(String(40))
    supervisor_number: Mapped[str | None] = mapped_column(String(40))
    reflection_points: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    first_meeting_at: Mapped[datetime]
    last_meeting_at: Mapped[datetime]
    # True when the supervisor awarded it below the attendance threshold.
    overridden: Mapped[bool] = mapped_column(default=False)

    certificate: Mapped[Certificate] = relationship()


class TrajectoryReport(Base):
    """The supervisor's short report for the opdrachtgever, agreed with the group before it is
    final. Its texts are about the trajectory, never about a case (the modal says so)."""

    __tablename__ = "trajectory_report"

    id: Mapped[int] = mapped_column(primary_key=True)
    trajectory_id: Mapped[int] = mapped_column(
        ForeignKey("trajectory.id", ondelete="CASCADE"), unique=True
    )
    status: Mapped[ReportStatus] = mapped_column(enum_column(ReportStatus))
    # Each revision starts a new round: answers to an earlier draft no longer count.
    round: Mapped[int] = mapped_column(Integer, default=1)
    aim: Mapped[str] = mapped_column(String(1000), default="")
    working_method: Mapped[str] = mapped_column(String(1000), default="")
    outcome: Mapped[str] = mapped_column(String(1500), default="")
    recommendations: Mapped[str] = mapped_column(String(1500), default="")
    deadline: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    finalised_at: Mapped[datetime | None]

    trajectory: Mapped[Trajectory] = relationship()


class ReportResponse(Base):
    """A participant's answer to one round of the draft report."""

    __tablename__ = "report_response"
    __table_args__ = (UniqueConstraint("report_id", "person_id", "round"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("trajectory_report.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    round: Mapped[int] = mapped_column(Integer)
    answer: Mapped[ReportAnswer] = mapped_column(enum_column(ReportAnswer))
    # What the participant wants to talk over, for the supervisor; cleared when they delete
    # their data.
    remark: Mapped[str | None] = mapped_column(String(500))
    answered_at: Mapped[datetime]

    person: Mapped[Person] = relationship()
