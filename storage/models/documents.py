"""Documents the app issues besides deelnamebewijzen: each recertification overview, so its own
verification code can be checked at /verify like a certificate's."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class IssuedOverview(Base):
    """One recertification overview as issued: whose, which period, as of when, the totals it
    printed and the code it carries. A snapshot, like a certificate: it proves what it said then.

    `certificate_ids` are the deelnamebewijzen it counted, so /verify can tell when one of them has
    since been corrected or revoked. Metadata only, like everything else the app keeps.
    """

    __tablename__ = "issued_overview"
    # The outbox may render the same request twice (a retry): it finds the first overview again.
    __table_args__ = (UniqueConstraint("person_id", "as_of"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[str] = mapped_column(String(32), ForeignKey("workspace.team_id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    verification_code: Mapped[str] = mapped_column(String(64), unique=True)
    holder_name: Mapped[str] = mapped_column(String(200))
    period_start: Mapped[date] = mapped_column(Date)
    # The last day of the period (inclusive), as the overview prints it.
    period_end: Mapped[date] = mapped_column(Date)
    as_of: Mapped[datetime]
    total_minutes: Mapped[int] = mapped_column(Integer)
    counted_minutes: Mapped[int] = mapped_column(Integer)
    required_minutes: Mapped[int] = mapped_column(Integer)
    meeting_count: Mapped[int] = mapped_column(Integer)
    certificate_ids: Mapped[list[Any]] = mapped_column(default=list)
    created_at: Mapped[datetime]
