"""The non-member fee (seeds/001: € 75 excl. btw per year): who owes it for a year, who paid
(the participant or the employer, seeds/004) and when, the secretariat's list of unpaid fees,
and the payment instructions a participant is owed at the start of each new year.

A participant without membership owes the fee for every calendar year in which they were an
approved member of a group of the workspace. Whether an unpaid fee blocks anything is the
association's setting (fee_blocks_requests; by default it blocks nothing).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import NotFound
from bot.notify import Intent, owe
from bot.services.access import require_secretariat
from bot.services.association import AssociationSettings
from storage.models import (
    Enrollment,
    EnrollmentStatus,
    FeePayment,
    Group,
    MembershipType,
    Person,
    Workspace,
)

# The unpaid list shows at most this many people (one modal); the CSV export has everyone.
UNPAID_LIST_MAX = 40
# The new-year notice is sent in the first days of January only (a process down on New Year's
# Day sends it when it is back; one started in March does not send January's news).
NEW_YEAR_NOTICE_DAYS = 31


@dataclass(frozen=True, kw_only=True)
class FeeDue(Intent):
    """A participant without membership is told the year's fee and how to pay it."""

    KIND = "fee_due"
    year: int


@dataclass(frozen=True, kw_only=True)
class FeeLine:
    """One participant's fee for a year: paid (by whom, when) or not."""

    person: Person
    payment: FeePayment | None

    @property
    def paid(self) -> bool:
        """True when the secretariat recorded the payment."""
        return self.payment is not None


def year_bounds(year: int, *, tz: tzinfo) -> tuple[datetime, datetime]:
    """[1 January, next 1 January) of `year` in the association's time zone."""
    return (
        datetime.combine(date(year, 1, 1), time(0), tzinfo=tz),
        datetime.combine(date(year + 1, 1, 1), time(0), tzinfo=tz),
    )


def _member_in_year(year: int, *, tz: tzinfo, from_the_start: bool) -> ColumnElement[bool]:
    """An enrollment that made its person a member at some moment of the year (or, with
    `from_the_start`, already on 1 January)."""
    start, end = year_bounds(year, tz=tz)
    return and_(
        Enrollment.status.in_([EnrollmentStatus.APPROVED, EnrollmentStatus.LEFT]),
        Enrollment.decided_at.is_not(None),
        Enrollment.decided_at < (start if from_the_start else end),
        or_(Enrollment.left_at.is_(None), Enrollment.left_at >= start),
    )


def owing(
    session: Session, *, team_id: str, year: int, tz: tzinfo, from_the_start: bool = False
) -> list[Person]:
    """The participants without membership who owe the fee for `year`, by name."""
    member = _member_in_year(year, tz=tz, from_the_start=from_the_start)
    people = session.scalars(
        select(Person)
        .where(
            Person.team_id == team_id,
            Person.membership_type == MembershipType.PARTICIPANT,
            Person.anonymised_at.is_(None),
            Person.id.in_(
                select(Enrollment.person_id)
                .join(Group, Group.id == Enrollment.group_id)
                .where(Group.team_id == team_id, member)
            ),
        )
        .order_by(Person.full_name, Person.id)
    )
    return list(people)


def fee_lines(
    session: Session, *, team_id: str, year: int, tz: tzinfo, from_the_start: bool = False
) -> list[FeeLine]:
    """Every participant who owes the fee for `year`, with their payment if recorded."""
    people = owing(session, team_id=team_id, year=year, tz=tz, from_the_start=from_the_start)
    payments = {
        p.person_id: p
        for p in session.scalars(
            select(FeePayment).where(
                FeePayment.year == year, FeePayment.person_id.in_([p.id for p in people])
            )
        )
    }
    return [FeeLine(person=p, payment=payments.get(p.id)) for p in people]


def unpaid(session: Session, *, team_id: str, year: int, tz: tzinfo) -> list[Person]:
    """The secretariat's list: participants without membership who have not paid for `year`."""
    return [
        line.person
        for line in fee_lines(session, team_id=team_id, year=year, tz=tz)
        if not line.paid
    ]


def unpaid_for_secretariat(
    session: Session, *, actor: Actor, year: int, tz: tzinfo
) -> list[Person]:
    """The unpaid list, for the secretariat only."""
    require_secretariat(actor)
    return unpaid(session, team_id=actor.team_id, year=year, tz=tz)


def payment_of(session: Session, *, person_id: int, year: int) -> FeePayment | None:
    """The recorded payment of a person's fee for a year, if any."""
    return session.scalars(
        select(FeePayment).where(FeePayment.person_id == person_id, FeePayment.year == year)
    ).first()


def has_unpaid_fee(session: Session, *, person: Person, year: int) -> bool:
    """True for a participant without membership whose fee for `year` is not recorded as paid
    (the quiet marker the contact person sees)."""
    if person.membership_type is not MembershipType.PARTICIPANT:
        return False
    return payment_of(session, person_id=person.id, year=year) is None


def person_in_workspace(session: Session, *, team_id: str, person_id: int) -> Person:
    """A person of this workspace (ids come from buttons: never another workspace's)."""
    person = session.get(Person, person_id)
    if person is None or person.team_id != team_id or person.anonymised_at is not None:
        raise NotFound("fee.person_not_found")
    return person


def owe_new_year_notices(
    session: Session, *, association: AssociationSettings, year: int, tz: tzinfo, now: datetime
) -> int:
    """Owe each participant who was a member on 1 January and has not paid for `year` the fee
    and payment instructions, once per year (the outbox's dedupe key holds the year); those who
    join later read them in their welcome. Returns how many were owed."""
    if association.fee_eur <= 0:
        return 0
    owed = 0
    lines = fee_lines(session, team_id=association.team_id, year=year, tz=tz, from_the_start=True)
    for line in lines:
        if line.paid:
            continue
        owe(session, intent=FeeDue(year=year), to=line.person, now=now)
        owed += 1
    return owed


def active_workspaces(session: Session) -> list[str]:
    """The workspaces the app is installed in now."""
    return list(session.scalars(select(Workspace.team_id).where(Workspace.active)))
