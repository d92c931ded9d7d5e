"""The association that installed the app in a workspace: its name, fee, rules and secretariat
(edited by the secretariat on the App Home), and the non-member fee payments per year."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, ForeignKey, Integer, Numeric, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class Association(Base):
    """One row per workspace, written the first time the secretariat saves a setting; until then
    the app's defaults (bot/services/association.py) apply. Every change is in the audit log."""

    __tablename__ = "association"

    team_id: Mapped[str] = mapped_column(
        String(32), ForeignKey("workspace.team_id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(200), default="")
    short_name: Mapped[str] = mapped_column(String(40), default="")
    member_number_label: Mapped[str] = mapped_column(String(60), default="")
    fee_eur: Mapped[Decimal] = mapped_column(Numeric(8, 2))
    payment_instructions: Mapped[str] = mapped_column(String(1000), default="")
    # Whether a non-member with this year's fee unpaid may still ask to join a group.
    fee_blocks_requests: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=text("false")
    )
    guide_url: Mapped[str] = mapped_column(String(300), default="")
    membership_url: Mapped[str] = mapped_column(String(300), default="")
    peer_min_members: Mapped[int] = mapped_column(Integer)
    peer_max_members: Mapped[int] = mapped_column(Integer)
    guided_min_members: Mapped[int] = mapped_column(Integer)
    guided_max_members: Mapped[int] = mapped_column(Integer)
    required_hours: Mapped[int] = mapped_column(Integer)
    period_years: Mapped[int] = mapped_column(Integer)
    min_hours_per_year: Mapped[int] = mapped_column(Integer)
    max_counted_hours_per_year: Mapped[int] = mapped_column(Integer)
    retention_years: Mapped[int] = mapped_column(Integer)
    # Workspace owners and admins (users.info) belong to the secretariat unless this is off.
    admins_are_secretariat: Mapped[bool] = mapped_column(
        Boolean, default=True, server_default=text("true")
    )
    updated_at: Mapped[datetime]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))


class SecretariatMember(Base):
    """A person the secretariat added to itself (besides the workspace's owners and admins)."""

    __tablename__ = "secretariat_member"
    __table_args__ = (UniqueConstraint("team_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32), ForeignKey("workspace.team_id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    added_at: Mapped[datetime]
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
