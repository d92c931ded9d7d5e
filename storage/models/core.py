"""People, workspaces, groups and enrollments: who belongs where."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, enum_column
from storage.models.enums import (
    EnrollmentStatus,
    FeePayer,
    GroupForm,
    GroupKind,
    MembershipType,
)


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
    membership_type: Mapped[MembershipType | None] = mapped_column(enum_column(MembershipType))
    # The association's own member number; numbers in professional registers are Registration rows.
    member_number: Mapped[str | None] = mapped_column(String(40))
    certification_period_start: Mapped[date | None] = mapped_column(Date)
    calendar_token: Mapped[str | None] = mapped_column(String(64), unique=True)
    profile_refreshed_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    anonymised_at: Mapped[datetime | None]
    # When "Mijn profiel" was offered on joining a multidisciplinary group: asked once only.
    profile_asked_at: Mapped[datetime | None]


class FeePayment(Base):
    """The non-member fee (per calendar year) marked paid by the secretariat."""

    __tablename__ = "fee_payment"
    __table_args__ = (UniqueConstraint("person_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    recorded_at: Mapped[datetime]
    # Who paid (seeds/004: often the employer) and on which day; None on rows from before 0007.
    paid_by: Mapped[FeePayer | None] = mapped_column(enum_column(FeePayer))
    paid_on: Mapped[date | None] = mapped_column(Date)


class Group(Base):
    """An intervisiegroep with its public number, contact person and settings."""

    __tablename__ = "intervision_group"
    __table_args__ = (
        UniqueConstraint("team_id", "number"),
        # The directory's substring search (ILIKE '%…%' on name and region) on PostgreSQL: a
        # trigram index (pg_trgm, migration 0010). SQLite has no such index and scans.
        Index(
            "ix_group_search_trgm",
            "name",
            "region",
            postgresql_using="gin",
            postgresql_ops={"name": "gin_trgm_ops", "region": "gin_trgm_ops"},
        ).ddl_if(dialect="postgresql"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32), ForeignKey("workspace.team_id"))
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(String(500), default="")
    region: Mapped[str] = mapped_column(String(120), default="")
    form: Mapped[GroupForm] = mapped_column(enum_column(GroupForm))
    kind: Mapped[GroupKind] = mapped_column(enum_column(GroupKind))
    max_members: Mapped[int] = mapped_column(Integer)
    open_for_requests: Mapped[bool] = mapped_column(Boolean, default=True)
    contact_person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    supervisor_name: Mapped[str | None] = mapped_column(String(200))
    # Guided groups: the begeleider, who manages the group but is not a member (not counted,
    # no certificates); None for peer groups and once a guided group continues on its own.
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    # Guided trajectory / agreed number of meetings in a period; None means "no agreed number".
    planned_meeting_count: Mapped[int | None] = mapped_column(Integer)
    rotation_period_months: Mapped[int] = mapped_column(Integer, default=12)
    # Reflection prompts after a meeting: always for guided groups; a peer group opts in.
    reflection_prompts: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=text("false")
    )
    # Minutes before a meeting at which members are reminded, e.g. [2880, 120].
    reminder_lead_minutes: Mapped[list[Any]] = mapped_column(JSON, default=lambda: [2880, 120])
    calendar_token: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    archived_at: Mapped[datetime | None]
    # Professions (and clients) together: members record profession and registers (seed 003).
    multidisciplinary: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=text("false")
    )
    # The plaatsvervangend contactpersoon: a member who may plan, register and decide requests.
    deputy_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    # An ended group takes no meetings or requests but stays in its members' history (unlike
    # archived_at, which makes a group unknown everywhere).
    ended_at: Mapped[datetime | None]
    ended_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    # Ask present participants to confirm they signed the verslag (only that they did is stored).
    verslag_check: Mapped[bool] = mapped_column(Boolean, default=True, server_default=text("true"))

    contact_person: Mapped[Person] = relationship(foreign_keys=[contact_person_id])
    supervisor: Mapped[Person | None] = relationship(foreign_keys=[supervisor_id])


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
    status: Mapped[EnrollmentStatus] = mapped_column(enum_column(EnrollmentStatus))
    requested_at: Mapped[datetime]
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    reason: Mapped[str | None] = mapped_column(String(500))
    left_at: Mapped[datetime | None]

    group: Mapped[Group] = relationship()
    person: Mapped[Person] = relationship(foreign_keys=[person_id])
