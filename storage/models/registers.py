"""Professional registrations: a person's number in a register (BIG, SKJ, LVSC, ...), checked
against the register's format (bot/registers.py) and named on their certificates."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


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
