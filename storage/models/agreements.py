"""A group's agreements (afspraken) and who confirmed them, date polls, meeting series, notices of
absence and the evaluation after a meeting. Metadata only: the agreements are the group's own
working arrangements; evaluation answers are stored without the person who gave them."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, enum_column
from storage.models.core import Group, Person
from storage.models.enums import GroupForm
from storage.models.meetings import Meeting


class SubstitutePolicy(enum.StrEnum):
    """Whether someone who cannot come sends a substitute, and who arranges one."""

    NOT_ALLOWED = "not_allowed"
    MEMBER_ARRANGES = "member_arranges"
    CONTACT_ARRANGES = "contact_arranges"


class InputPreparer(enum.StrEnum):
    """Who prepares the input (the case, the theme) of a meeting."""

    PRESENTER = "presenter"
    FACILITATOR = "facilitator"
    CONTACT_PERSON = "contact_person"
    EVERYONE = "everyone"


class Chair(enum.StrEnum):
    """Who chairs the meetings: one of the members, or someone from outside (paid)."""

    INTERNAL = "internal"
    EXTERNAL = "external"


class PollStatus(enum.StrEnum):
    """A date poll is open for answers, closed at its deadline, decided, or withdrawn."""

    OPEN = "open"
    CLOSED = "closed"
    DECIDED = "decided"
    CANCELLED = "cancelled"


class PollAnswerValue(enum.StrEnum):
    """Ja / misschien / nee for one proposed moment."""

    YES = "yes"
    MAYBE = "maybe"
    NO = "no"


class AbsenceReason(enum.StrEnum):
    """A category only, never a free text: a reason may say nothing about a case or a client.
    There is deliberately no "ill": health is special-category data (AVG art. 9); "private"
    covers it without saying so."""

    WORK = "work"
    PRIVATE = "private"
    HOLIDAY = "holiday"
    OTHER = "other"


class GoalServed(enum.StrEnum):
    """Did the meeting serve the group's goal: ja / deels / nee."""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"


class GroupAgreements(Base):
    """The agreements card of a group (seed 003, "Eerste bijeenkomst"); `version` goes up on every
    change so members are asked again."""

    __tablename__ = "group_agreements"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("intervision_group.id", ondelete="CASCADE"), unique=True
    )
    goal: Mapped[str] = mapped_column(String(500), default="")
    success: Mapped[str] = mapped_column(String(500), default="")
    # Attendance commitment: at least this many meetings a year (None: not agreed).
    attendance_min_meetings: Mapped[int | None] = mapped_column(Integer)
    substitutes: Mapped[SubstitutePolicy] = mapped_column(enum_column(SubstitutePolicy))
    meetings_per_year: Mapped[int | None] = mapped_column(Integer)
    meeting_minutes: Mapped[int | None] = mapped_column(Integer)
    rhythm: Mapped[str] = mapped_column(String(200), default="")
    preferred_times: Mapped[str] = mapped_column(String(300), default="")
    form: Mapped[GroupForm | None] = mapped_column(enum_column(GroupForm))
    location: Mapped[str] = mapped_column(String(300), default="")
    input_text: Mapped[str] = mapped_column(String(300), default="")
    input_preparer: Mapped[InputPreparer | None] = mapped_column(enum_column(InputPreparer))
    recording: Mapped[str] = mapped_column(String(500), default="")
    chair: Mapped[Chair | None] = mapped_column(enum_column(Chair))
    cost_split: Mapped[str] = mapped_column(String(200), default="")
    # Below this many members able to come, the contact person is warned to move the meeting.
    min_present: Mapped[int] = mapped_column(Integer, default=3)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))

    group: Mapped[Group] = relationship()


class AgreementConfirmation(Base):
    """A member's "Akkoord" on a version of the agreements (current when it equals the card's)."""

    __tablename__ = "agreement_confirmation"
    __table_args__ = (UniqueConstraint("group_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("intervision_group.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    confirmed_at: Mapped[datetime]


class DatePoll(Base):
    """A datumprikker: proposed moments members answer until the deadline; the contact person
    picks one, which becomes a meeting."""

    __tablename__ = "date_poll"
    __table_args__ = (Index("ix_date_poll_status_deadline", "status", "deadline_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("intervision_group.id", ondelete="CASCADE"), index=True
    )
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    duration_minutes: Mapped[int] = mapped_column(Integer)
    place: Mapped[str] = mapped_column(String(500), default="")
    deadline_at: Mapped[datetime]
    status: Mapped[PollStatus] = mapped_column(enum_column(PollStatus))
    # Raised on every answer: each redraw of the members' poll messages is its own delivery.
    revision: Mapped[int] = mapped_column(Integer, default=0)
    # Claims of the periodic job (set once, by whichever process gets there first).
    reminded_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    chosen_slot_id: Mapped[int | None] = mapped_column(Integer)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]

    group: Mapped[Group] = relationship()


class PollSlot(Base):
    """One proposed moment of a poll."""

    __tablename__ = "poll_slot"
    __table_args__ = (UniqueConstraint("poll_id", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("date_poll.id", ondelete="CASCADE"))
    starts_at: Mapped[datetime]
    position: Mapped[int] = mapped_column(Integer)


class PollAnswer(Base):
    """A member's ja / misschien / nee for one moment (changed in place)."""

    __tablename__ = "poll_answer"
    __table_args__ = (UniqueConstraint("slot_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    slot_id: Mapped[int] = mapped_column(ForeignKey("poll_slot.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    answer: Mapped[PollAnswerValue] = mapped_column(enum_column(PollAnswerValue))
    answered_at: Mapped[datetime]


class MeetingSeries(Base):
    """Meetings planned in one go on a rhythm; each is a Meeting of its own (its own UID)."""

    __tablename__ = "meeting_series"

    id: Mapped[int] = mapped_column(primary_key=True)
    group_id: Mapped[int] = mapped_column(
        ForeignKey("intervision_group.id", ondelete="CASCADE"), index=True
    )
    # "weeks:8", "monthly:nth" or "monthly:last" (bot/rhythm.py).
    rule: Mapped[str] = mapped_column(String(20))
    # The wall-clock start in the association's zone: it stays 14:00 across DST changes.
    local_time: Mapped[str] = mapped_column(String(5))
    duration_minutes: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer)
    # Raised on every change of the series: each calendar file sent is its own delivery.
    revision: Mapped[int] = mapped_column(Integer, default=0)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]


class SeriesMeeting(Base):
    """Which meetings belong to a series, in order."""

    __tablename__ = "series_meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    series_id: Mapped[int] = mapped_column(
        ForeignKey("meeting_series.id", ondelete="CASCADE"), index=True
    )
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), unique=True
    )
    position: Mapped[int] = mapped_column(Integer)

    meeting: Mapped[Meeting] = relationship()


class Absence(Base):
    """ "Ik kan niet": a member's notice that they will not come to a meeting (a category only)."""

    __tablename__ = "absence"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    reason: Mapped[AbsenceReason | None] = mapped_column(enum_column(AbsenceReason))
    notified_at: Mapped[datetime]

    person: Mapped[Person] = relationship()


class EvaluationInvite(Base):
    """A present member is asked for the short evaluation; `answered_at` says they did (not what)."""

    __tablename__ = "evaluation_invite"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    invited_at: Mapped[datetime]
    answered_at: Mapped[datetime | None]


class EvaluationResponse(Base):
    """One evaluation answer, deliberately unlinked from its author: a random id, no person, no
    time. Shown only as aggregates of at least three answers (bot/services/evaluations.py)."""

    __tablename__ = "evaluation_response"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    score: Mapped[int] = mapped_column(Integer)
    goal: Mapped[GoalServed] = mapped_column(enum_column(GoalServed))
    for_me: Mapped[bool] = mapped_column(Boolean, default=False)
    for_clients: Mapped[bool] = mapped_column(Boolean, default=False)
    for_practice: Mapped[bool] = mapped_column(Boolean, default=False)
    for_organisation: Mapped[bool] = mapped_column(Boolean, default=False)
    # "Wat kan beter": one optional line, shown anonymised from the third answer, blanked after
    # rules.EVALUATION_REMARK_RETENTION (docs/privacy.md).
    remark: Mapped[str | None] = mapped_column(String(200))
