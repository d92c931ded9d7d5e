"""Meetings, attendance, certificates and reminders: what happened when, and its proof."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, enum_column
from storage.models.core import Group, Person
from storage.models.enums import (
    CertificateKind,
    CertificateStatus,
    MeetingStatus,
    ReminderKind,
    ReminderStatus,
    Role,
)


class Meeting(Base):
    """A bijeenkomst: when and how long, where; never what was discussed."""

    __tablename__ = "meeting"
    __table_args__ = (Index("ix_meeting_group_starts", "group_id", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("intervision_group.id", ondelete="CASCADE"))
    uid: Mapped[str] = mapped_column(String(80), unique=True)
    starts_at: Mapped[datetime]
    duration_minutes: Mapped[int] = mapped_column(Integer)
    location: Mapped[str] = mapped_column(String(300), default="")
    online_url: Mapped[str] = mapped_column(String(500), default="")
    theme: Mapped[str] = mapped_column(String(200), default="")
    method: Mapped[str] = mapped_column(String(120), default="")
    status: Mapped[MeetingStatus] = mapped_column(enum_column(MeetingStatus))
    # RFC 5545 SEQUENCE: raised on every change so calendars replace the old version.
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    cancelled_at: Mapped[datetime | None]
    attendance_registered_at: Mapped[datetime | None]

    group: Mapped[Group] = relationship()


class Attendance(Base):
    """Present or absent at a meeting, with the role held and the net time counted."""

    __tablename__ = "attendance"
    __table_args__ = (
        UniqueConstraint("meeting_id", "person_id"),
        Index("ix_attendance_person", "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    present: Mapped[bool] = mapped_column(Boolean)
    role: Mapped[Role | None] = mapped_column(enum_column(Role))
    net_minutes: Mapped[int] = mapped_column(Integer, default=0)
    registered_at: Mapped[datetime]
    registered_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))

    meeting: Mapped[Meeting] = relationship()
    person: Mapped[Person] = relationship(foreign_keys=[person_id])


class Certificate(Base):
    """A deelnamebewijs: a snapshot of what it proves, a public number and a verification code."""

    __tablename__ = "certificate"
    __table_args__ = (
        UniqueConstraint("team_id", "number"),
        Index("ix_certificate_person_issued", "person_id", "issued_at"),
        # Deleting a meeting or attendance row sets these to NULL: without an index PostgreSQL
        # scans every certificate per deleted row (13 s for 20 meetings at 800k certificates).
        Index("ix_certificate_meeting", "meeting_id"),
        Index("ix_certificate_attendance", "attendance_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32), ForeignKey("workspace.team_id"))
    number: Mapped[str] = mapped_column(String(40))
    verification_code: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[CertificateKind] = mapped_column(enum_column(CertificateKind))
    status: Mapped[CertificateStatus] = mapped_column(enum_column(CertificateStatus))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("intervision_group.id", ondelete="SET NULL")
    )
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    attendance_id: Mapped[int | None] = mapped_column(
        ForeignKey("attendance.id", ondelete="SET NULL")
    )
    superseded_by_id: Mapped[int | None] = mapped_column(ForeignKey("certificate.id"))
    # Snapshot: the certificate proves what was true when it was issued.
    holder_name: Mapped[str] = mapped_column(String(200))
    registration_number: Mapped[str | None] = mapped_column(String(40))
    group_number: Mapped[int] = mapped_column(Integer)
    group_name: Mapped[str] = mapped_column(String(120))
    contact_person_name: Mapped[str] = mapped_column(String(200))
    meeting_starts_at: Mapped[datetime]
    net_minutes: Mapped[int] = mapped_column(Integer)
    role: Mapped[Role | None] = mapped_column(enum_column(Role))
    issued_at: Mapped[datetime]
    status_changed_at: Mapped[datetime | None]
    # More of the snapshot, as the document prints it (filled by the areas that know them).
    issuer_name: Mapped[str | None] = mapped_column(String(200))
    # The association's own label for its member number ("Lidnummer LVV"), as set in the app.
    member_label: Mapped[str | None] = mapped_column(String(60))
    # The label of `registration_number`: "Lidnummer LVV", "BIG-nummer", ...
    number_label: Mapped[str | None] = mapped_column(String(60))
    register_key: Mapped[str | None] = mapped_column(String(40))
    method_name: Mapped[str | None] = mapped_column(String(120))
    # "Traject <name> — bijeenkomst 3 van 6" for guided groups.
    trajectory_text: Mapped[str | None] = mapped_column(String(300))
    activity_id: Mapped[str | None] = mapped_column(String(80))
    points: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    registered_by_name: Mapped[str | None] = mapped_column(String(200))
    # The association's member number ("Lidnummer LVV"); `registration_number` is the number in
    # the professional register `register_key`, labelled `number_label`.
    member_number: Mapped[str | None] = mapped_column(String(40))


class Reminder(Base):
    """A reminder or attendance nudge due at an instant; claimed once across all app processes."""

    __tablename__ = "reminder"
    __table_args__ = (
        UniqueConstraint("meeting_id", "kind", "offset_minutes"),
        Index("ix_reminder_status_due", "status", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    kind: Mapped[ReminderKind] = mapped_column(enum_column(ReminderKind))
    # Minutes before the start (reminders) or after the end (nudges).
    offset_minutes: Mapped[int] = mapped_column(Integer)
    due_at: Mapped[datetime]
    status: Mapped[ReminderStatus] = mapped_column(enum_column(ReminderStatus))
    handled_at: Mapped[datetime | None]
