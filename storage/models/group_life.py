"""A group's life beyond its meetings: who confirmed having signed a meeting's verslag (the verslag
itself is kept by the participants and never stored here)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base


class VerslagConfirmation(Base):
    """A present participant confirmed having signed the verslag of a meeting: who and when only."""

    __tablename__ = "verslag_confirmation"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    confirmed_at: Mapped[datetime]
