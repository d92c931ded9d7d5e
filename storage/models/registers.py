"""Professions and registrations (a person's numbers in BIG, SKJ, LVSC, ...), the registers and
professions a workspace's secretariat adds, and a group's accreditation per register."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import ForeignKey, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, enum_column


class Registration(Base):
    """One registration of a person: the register (its key in the register catalogue) and the
    number, normalised. Personal data: shown only to the person, their group's contact person or
    supervisor and the secretariat; part of the AVG export and deletion."""

    __tablename__ = "registration"
    __table_args__ = (UniqueConstraint("person_id", "register_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    register_key: Mapped[str] = mapped_column(String(40))
    number: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class PersonProfession(Base):
    """A profession a person recorded in "Mijn profiel" (its key in the profession catalogue)."""

    __tablename__ = "person_profession"
    __table_args__ = (UniqueConstraint("person_id", "profession_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    profession_key: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime]


class CatalogueKind(enum.StrEnum):
    """What a secretariat's catalogue entry defines."""

    REGISTER = "register"
    PROFESSION = "profession"


class CatalogueEntry(Base):
    """A register or profession the secretariat added to (or corrected in) the built-in catalogue,
    as the plain data bot/registers.py and bot/professions.py validate."""

    __tablename__ = "catalogue_entry"
    __table_args__ = (UniqueConstraint("team_id", "kind", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32), ForeignKey("workspace.team_id"))
    kind: Mapped[CatalogueKind] = mapped_column(enum_column(CatalogueKind))
    key: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict[str, Any]]
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))


class AccreditationStatus(enum.StrEnum):
    """Aangevraagd, toegekend, afgewezen: only a granted accreditation goes on certificates."""

    REQUESTED = "requested"
    GRANTED = "granted"
    REFUSED = "refused"


class PointsBasis(enum.StrEnum):
    """A register grants points per meeting, or per hour of net meeting time."""

    MEETING = "meeting"
    HOUR = "hour"


class Accreditation(Base):
    """A register's accreditation of a group's meetings: the activity id and the points."""

    __tablename__ = "accreditation"
    __table_args__ = (UniqueConstraint("group_id", "register_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("intervision_group.id", ondelete="CASCADE"), index=True
    )
    register_key: Mapped[str] = mapped_column(String(40))
    status: Mapped[AccreditationStatus] = mapped_column(enum_column(AccreditationStatus))
    activity_id: Mapped[str] = mapped_column(String(80), default="")
    points: Mapped[Decimal | None] = mapped_column(Numeric(6, 2))
    points_basis: Mapped[PointsBasis] = mapped_column(enum_column(PointsBasis))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime]
    updated_at: Mapped[datetime]
