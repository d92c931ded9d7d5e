"""Running a good meeting: the workspace's method choices, roles planned ahead, and reflections.

A reflection row records only that (and when) a member reflected on a meeting, never an answer.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, enum_column
from storage.models.core import Person
from storage.models.enums import Role
from storage.models.meetings import Meeting


class WorkspaceMethods(Base):
    """The secretariat's choices about the method catalogue: switched-off keys and its own
    methods, each stored as plain data shaped like an entry of bot/data/methods.yaml."""

    __tablename__ = "workspace_methods"

    team_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("workspace.team_id", ondelete="CASCADE"), primary_key=True
    )
    disabled: Mapped[list[Any]] = mapped_column(default=list)
    custom: Mapped[list[Any]] = mapped_column(default=list)
    updated_at: Mapped[datetime]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))


class PlannedRole(Base):
    """The inbrenger or facilitator planned for a meeting before it takes place (one per role)."""

    __tablename__ = "planned_role"
    __table_args__ = (
        UniqueConstraint("meeting_id", "role"),
        Index("ix_planned_role_person", "person_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    role: Mapped[Role] = mapped_column(enum_column(Role))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    assigned_at: Mapped[datetime]
    assigned_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))

    meeting: Mapped[Meeting] = relationship()
    person: Mapped[Person] = relationship(foreign_keys=[person_id])


class Reflection(Base):
    """A member pressed "Reflectie gemaakt" for a meeting: who, which meeting, when. No text."""

    __tablename__ = "reflection"
    __table_args__ = (
        UniqueConstraint("person_id", "meeting_id"),
        Index("ix_reflection_meeting", "meeting_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    at: Mapped[datetime]


class ReflectionOptOut(Base):
    """A member who turned reflection prompts off for themselves (the row's presence is the
    setting; deleting it turns the prompts on again)."""

    __tablename__ = "reflection_opt_out"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True
    )
    at: Mapped[datetime]
