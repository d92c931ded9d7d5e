"""The domain model: people, groups, enrollments, meetings, attendance, certificates, outbox, audit.

Every row is scoped by Slack team id (directly or through its group) so one database serves several
workspaces. Only metadata is stored — who, when, how long, which role — never the content of a case.
"""

from __future__ import annotations

import enum
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from storage.types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a naming convention so migrations name constraints predictably."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[Any]: JSON()}


def _enum(cls: type[enum.Enum]) -> Enum:
    # Stored as short strings, not native PostgreSQL enums: adding a member needs no migration dance.
    return Enum(
        cls,
        native_enum=False,
        length=24,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class MembershipType(enum.StrEnum):
    """LVV member, or intervisie participant without membership (pays a yearly fee)."""

    MEMBER = "member"
    PARTICIPANT = "participant"


class GroupKind(enum.StrEnum):
    """Peer intervisie (5-10 members) or guided intervisie with a supervisor (4-8 members)."""

    PEER = "peer"
    GUIDED = "guided"


class GroupForm(enum.StrEnum):
    """Where the group meets."""

    PHYSICAL = "physical"
    ONLINE = "online"
    HYBRID = "hybrid"


class EnrollmentStatus(enum.StrEnum):
    """Aanmelden → accorderen / afwijzen; a member can later leave."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    LEFT = "left"


class MeetingStatus(enum.StrEnum):
    """A planned meeting stays planned (attendance is separate) until it is cancelled."""

    PLANNED = "planned"
    CANCELLED = "cancelled"


class Role(enum.StrEnum):
    """Roles in a meeting; everyone is at least once inbrenger and once facilitator per period."""

    PARTICIPANT = "participant"
    FACILITATOR = "facilitator"
    PRESENTER = "presenter"


class CertificateKind(enum.StrEnum):
    """A deelnamebewijs per meeting, or the completion certificate of a guided trajectory."""

    PARTICIPATION = "participation"
    COMPLETION = "completion"


class CertificateStatus(enum.StrEnum):
    """What /verify says about a certificate."""

    VALID = "valid"
    SUPERSEDED = "superseded"
    REVOKED = "revoked"


class ReminderKind(enum.StrEnum):
    """A reminder before a meeting, or a nudge to register attendance after it."""

    BEFORE_MEETING = "before_meeting"
    REGISTER_ATTENDANCE = "register_attendance"


class ReminderStatus(enum.StrEnum):
    """Reminders are claimed once, whichever process gets there first."""

    PENDING = "pending"
    SENT = "sent"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"


class DeliveryKind(enum.StrEnum):
    """What the outbox sends: a DM, an update of a message already sent, or a file in a DM."""

    MESSAGE = "message"
    UPDATE = "update"
    FILE = "file"


class DeliveryStatus(enum.StrEnum):
    """Outbox row life cycle; SENDING rows whose lease expired are checked before a resend."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"


class Workspace(Base):
    """A Slack workspace (team) the app is installed in."""

    __tablename__ = "workspace"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))
    # Group numbers are allocated from here so that a number is never handed out twice.
    last_group_number: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime]
    deactivated_at: Mapped[datetime | None]


class Person(Base):
    """A Slack user known to the app: name, language, time zone, membership and registration."""

    __tablename__ = "person"
    __table_args__ = (UniqueConstraint("team_id", "slack_user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32), ForeignKey("workspace.team_id"), index=True)
    slack_user_id: Mapped[str] = mapped_column(String(32))
    full_name: Mapped[str] = mapped_column(String(200), default="")
    display_name: Mapped[str] = mapped_column(String(200), default="")
    locale: Mapped[str] = mapped_column(String(16), default="nl-NL")
    tz: Mapped[str | None] = mapped_column(String(64))
    membership_type: Mapped[MembershipType | None] = mapped_column(_enum(MembershipType))
    member_number: Mapped[str | None] = mapped_column(String(40))
    registration_number: Mapped[str | None] = mapped_column(String(40))
    certification_period_start: Mapped[date | None] = mapped_column(Date)
    calendar_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    profile_refreshed_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    anonymised_at: Mapped[datetime | None]


class FeePayment(Base):
    """The non-member fee (per calendar year) marked paid by the secretariat."""

    __tablename__ = "fee_payment"
    __table_args__ = (UniqueConstraint("person_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    recorded_at: Mapped[datetime]


class Group(Base):
    """An intervisiegroep with its public number, contact person and settings."""

    __tablename__ = "intervision_group"
    __table_args__ = (UniqueConstraint("team_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32), ForeignKey("workspace.team_id"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(String(500), default="")
    region: Mapped[str] = mapped_column(String(120), default="")
    form: Mapped[GroupForm] = mapped_column(_enum(GroupForm))
    kind: Mapped[GroupKind] = mapped_column(_enum(GroupKind))
    max_members: Mapped[int] = mapped_column(Integer)
    open_for_requests: Mapped[bool] = mapped_column(Boolean, default=True)
    contact_person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    supervisor_name: Mapped[str | None] = mapped_column(String(200))
    # Guided trajectory / agreed number of meetings in a period; None means "no agreed number".
    planned_meeting_count: Mapped[int | None] = mapped_column(Integer)
    rotation_period_months: Mapped[int] = mapped_column(Integer, default=12)
    # Minutes before a meeting at which members are reminded, e.g. [2880, 120].
    reminder_lead_minutes: Mapped[list[Any]] = mapped_column(JSON, default=lambda: [2880, 120])
    calendar_token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    archived_at: Mapped[datetime | None]

    contact_person: Mapped[Person] = relationship(foreign_keys=[contact_person_id])


class Enrollment(Base):
    """A person's request to join a group and its outcome."""

    __tablename__ = "enrollment"
    __table_args__ = (
        # At most one live (pending or approved) enrollment per person and group, even under races.
        Index(
            "uq_enrollment_live",
            "group_id",
            "person_id",
            unique=True,
            sqlite_where=text("status IN ('pending', 'approved')"),
            postgresql_where=text("status IN ('pending', 'approved')"),
        ),
        Index("ix_enrollment_person_status", "person_id", "status"),
        Index("ix_enrollment_group_status", "group_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("intervision_group.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    status: Mapped[EnrollmentStatus] = mapped_column(_enum(EnrollmentStatus))
    requested_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    reason: Mapped[str | None] = mapped_column(String(500))
    left_at: Mapped[datetime | None]

    group: Mapped[Group] = relationship()
    person: Mapped[Person] = relationship(foreign_keys=[person_id])


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
    status: Mapped[MeetingStatus] = mapped_column(_enum(MeetingStatus))
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
    role: Mapped[Role | None] = mapped_column(_enum(Role))
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
    kind: Mapped[CertificateKind] = mapped_column(_enum(CertificateKind))
    status: Mapped[CertificateStatus] = mapped_column(_enum(CertificateStatus))
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
    role: Mapped[Role | None] = mapped_column(_enum(Role))
    issued_at: Mapped[datetime]
    status_changed_at: Mapped[datetime | None]


class Reminder(Base):
    """A reminder or attendance nudge due at an instant; claimed once across all app processes."""

    __tablename__ = "reminder"
    __table_args__ = (
        UniqueConstraint("meeting_id", "kind", "offset_minutes"),
        Index("ix_reminder_status_due", "status", "due_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    kind: Mapped[ReminderKind] = mapped_column(_enum(ReminderKind))
    # Minutes before the start (reminders) or after the end (nudges).
    offset_minutes: Mapped[int] = mapped_column(Integer)
    due_at: Mapped[datetime]
    status: Mapped[ReminderStatus] = mapped_column(_enum(ReminderStatus))
    handled_at: Mapped[datetime | None]


class Delivery(Base):
    """The outbox: every DM, message update and file owed to someone, recorded before it is sent."""

    __tablename__ = "delivery"
    __table_args__ = (Index("ix_delivery_status_next", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32), ForeignKey("workspace.team_id"))
    kind: Mapped[DeliveryKind] = mapped_column(_enum(DeliveryKind))
    # Makes enqueueing idempotent: the same logical message is recorded once.
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    recipient: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    certificate_id: Mapped[int | None] = mapped_column(
        ForeignKey("certificate.id", ondelete="CASCADE")
    )
    status: Mapped[DeliveryStatus] = mapped_column(_enum(DeliveryStatus))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    # Set when an attempt ended ambiguously (timeout, dropped connection): Slack may have posted
    # it, so the next attempt looks in the DM's history before posting again.
    maybe_sent: Mapped[bool] = mapped_column(Boolean, default=False, server_default=text("false"))
    next_attempt_at: Mapped[datetime]
    lease_until: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    result_channel: Mapped[str | None] = mapped_column(String(32))
    result_ts: Mapped[str | None] = mapped_column(String(32))


class AuditEvent(Base):
    """Who decided what, when: create, request, decision, leave, contact change, membership."""

    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_team_at", "team_id", "at"),)

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32), ForeignKey("workspace.team_id"))
    at: Mapped[datetime]
    action: Mapped[str] = mapped_column(String(60))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("intervision_group.id", ondelete="SET NULL")
    )
    subject_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ProcessedEvent(Base):
    """Slack event ids already handled, so a retried delivery of an event is not processed twice."""

    __tablename__ = "processed_event"

    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[datetime]
