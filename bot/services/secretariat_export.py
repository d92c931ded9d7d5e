"""The secretariat's export of hours and certificates (CSV) for a period, sent as a file in a DM."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import rules
from bot.actor import Actor
from bot.errors import InvalidInput
from bot.exports.csv_export import ExportRow, build_csv
from bot.i18n import format_date, format_hours, format_time
from bot.notify import Intent, owe
from bot.services import audit
from bot.services.access import require_secretariat
from bot.timeparse import parse_date
from storage.models import (
    Certificate,
    CertificateKind,
    DeliveryKind,
    FeePayer,
    FeePayment,
    MembershipType,
    Person,
)


@dataclass(frozen=True, kw_only=True)
class SecretariatExport(Intent):
    """A secretariat member gets the hours and certificates of a period as a CSV file."""

    KIND = "secretariat_export"
    TRANSPORT = DeliveryKind.FILE
    start: str
    end: str
    requested_at: str


def parse_period(
    first: str | None, last: str | None, *, today: date, retention_years: int
) -> tuple[date, date]:
    """Two dates dd-mm-jjjj within the range the app keeps, the first not after the last,
    spanning at most EXPORT_PERIOD_MAX."""
    if not first or not last:
        raise InvalidInput("export.usage")
    start = parse_date(first, today=today, retention_years=retention_years)
    end = parse_date(last, today=today, retention_years=retention_years)
    if end < start:
        raise InvalidInput("export.period_reversed")
    if end - start > rules.EXPORT_PERIOD_MAX:
        raise InvalidInput("export.period_too_long")
    return start, end


def export_rows(
    session: Session, *, team_id: str, start: date, end: date, tz: tzinfo
) -> list[ExportRow]:
    """Every certificate of the workspace for a meeting on a day in [start, end] (local time)."""
    lower = datetime.combine(start, time(0), tzinfo=tz)
    upper = datetime.combine(end + timedelta(days=1), time(0), tzinfo=tz)
    found = session.execute(
        select(Certificate, Person)
        .join(Person, Person.id == Certificate.person_id)
        .where(
            Certificate.team_id == team_id,
            # Meetings' deelnamebewijzen only: a completion certificate repeats their hours.
            Certificate.kind == CertificateKind.PARTICIPATION,
            Certificate.meeting_starts_at >= lower,
            Certificate.meeting_starts_at < upper,
        )
        .order_by(Certificate.meeting_starts_at, Certificate.group_number, Certificate.id)
    ).all()
    fees = fee_column(session, people=[p for _, p in found])
    return [
        ExportRow(
            number=c.number,
            status=c.status.value,
            name=c.holder_name,
            registration_number=c.registration_number or "",
            membership=p.membership_type.value if p.membership_type else "",
            group_number=c.group_number,
            group_name=c.group_name,
            date=format_date(c.meeting_starts_at, tz=tz),
            start=format_time(c.meeting_starts_at, tz=tz),
            net_hours=format_hours(c.net_minutes, "nl"),
            role=c.role.value if c.role else "",
            issued=format_date(c.issued_at, tz=tz),
            register=c.register_key or "",
            member_number=c.member_number or "",
            fee=fees(p, c.meeting_starts_at.astimezone(tz).year),
        )
        for c, p in found
    ]


FEE_PAYERS = {FeePayer.PARTICIPANT: "deelnemer", FeePayer.EMPLOYER: "werkgever"}


def fee_column(session: Session, *, people: list[Person]) -> Callable[[Person, int], str]:
    """The export's fee cell of a person for a year: "" for members, "open", or "betaald" with
    the day and who paid (all payments read in one query)."""
    ids = {p.id for p in people if p.membership_type is MembershipType.PARTICIPANT}
    paid = {
        (f.person_id, f.year): f
        for f in session.scalars(select(FeePayment).where(FeePayment.person_id.in_(ids)))
    }

    def cell(person: Person, year: int) -> str:
        if person.id not in ids:
            return ""
        payment = paid.get((person.id, year))
        if payment is None:
            return "open"
        parts = ["betaald"]
        if payment.paid_on is not None:
            parts.append(format_date(payment.paid_on))
        if payment.paid_by is not None:
            parts.append(f"({FEE_PAYERS[payment.paid_by]})")
        return " ".join(parts)

    return cell


def hours_csv(session: Session, *, team_id: str, start: str, end: str, tz: tzinfo) -> bytes:
    """The CSV of every certificate of the workspace in the period (ISO dates, inclusive)."""
    rows = export_rows(
        session,
        team_id=team_id,
        start=date.fromisoformat(start),
        end=date.fromisoformat(end),
        tz=tz,
    )
    return build_csv(rows)


def request_csv(session: Session, *, actor: Actor, start: date, end: date, now: datetime) -> None:
    """Owe the secretariat member the CSV in a DM (made by the outbox after the ack)."""
    require_secretariat(actor)
    period = {"start": start.isoformat(), "end": end.isoformat()}
    owe(
        session,
        intent=SecretariatExport(**period, requested_at=now.isoformat()),
        to=session.get_one(Person, actor.person_id),
        now=now,
    )
    audit.record(
        session,
        team_id=actor.team_id,
        action="hours_exported",
        now=now,
        actor_id=actor.person_id,
        details=period,
    )
