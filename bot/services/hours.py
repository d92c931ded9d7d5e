"""The recertification meter: hours of valid deelnamebewijzen per period-year, the member's own
period start, and the overview PDF for the certifying body's dossier (recorded with a verification
code of its own, bot/services/overviews.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import InvalidInput, NotFound
from bot.exports.pdf import OverviewDocument, OverviewMeeting, OverviewYear, render_overview
from bot.exports.pdf_documents import overview_filename
from bot.i18n import lang_for, t_plain
from bot.notify import Intent, owe
from bot.services import recertification
from bot.services.association import association_for
from bot.services.audit import record
from bot.services.overviews import OverviewTotals, issue_overview
from bot.services.people import display_name
from bot.settings import Settings
from bot.timeparse import check_date_in_range, parse_date
from storage.models import (
    Certificate,
    CertificateKind,
    CertificateStatus,
    DeliveryKind,
    Person,
    Role,
)


@dataclass(frozen=True, kw_only=True)
class HoursOverview(Intent):
    """The member gets their recertification overview PDF (as of the moment they asked)."""

    KIND = "hours_overview"
    TRANSPORT = DeliveryKind.FILE
    KEY_FIELDS = ("person_id",)
    person_id: int
    as_of: str


def parse_day(text: str, *, today: date, retention_years: int) -> date:
    """A period start typed as dd-mm-jjjj (bot.timeparse), with the hours area's own message for
    a malformed date and the general one for a date outside the range the app keeps."""
    try:
        day = parse_date(text)
    except InvalidInput:
        raise InvalidInput("hours.bad_date") from None
    return check_date_in_range(day, today=today, retention_years=retention_years)


def set_period_start(
    session: Session, *, actor: Actor, start: date, today: date, now: datetime
) -> None:
    """The member's own certification period start (they may correct it; each change audited)."""
    if start > today:
        raise InvalidInput("hours.date_in_future")
    person_id = actor.person_id
    person = session.get_one(Person, person_id)
    previous = person.certification_period_start
    person.certification_period_start = start
    record(
        session,
        team_id=actor.team_id,
        action="certification_period_set",
        now=now,
        actor_id=person_id,
        subject_id=person_id,
        details={
            "start": start.isoformat(),
            "previous": previous.isoformat() if previous else None,
        },
    )


@dataclass(frozen=True, kw_only=True)
class CountedMeeting:
    """A valid participation certificate as the meter and the overview count it."""

    day: date
    minutes: int
    role: Role | None
    group_number: int
    number: str
    certificate_id: int


def counted_meetings(session: Session, *, person_id: int, tz: tzinfo) -> list[CountedMeeting]:
    """Every valid participation certificate of a person, oldest first."""
    # Only the five columns the meter shows: no ORM objects for a member with hundreds of them.
    rows = session.execute(
        select(
            Certificate.meeting_starts_at,
            Certificate.net_minutes,
            Certificate.role,
            Certificate.group_number,
            Certificate.number,
            Certificate.id,
        )
        .where(
            Certificate.person_id == person_id,
            Certificate.kind == CertificateKind.PARTICIPATION,
            Certificate.status == CertificateStatus.VALID,
        )
        .order_by(Certificate.meeting_starts_at, Certificate.id)
    ).all()
    return [
        CountedMeeting(
            day=starts_at.astimezone(tz).date(),
            minutes=minutes,
            role=role,
            group_number=group_number,
            number=number,
            certificate_id=certificate_id,
        )
        for starts_at, minutes, role, group_number, number, certificate_id in rows
    ]


def hours_meter(
    session: Session, *, person: Person, today: date, settings: Settings
) -> tuple[recertification.Meter, list[CountedMeeting]]:
    """The member's meter for the period containing `today`, and the meetings in that period."""
    # The association's rules (hours, period, per-year bounds), else the defaults.
    rules_of = association_for(session, team_id=person.team_id, settings=settings)
    period = recertification.period_for(
        today=today, start=person.certification_period_start, period_years=rules_of.period_years
    )
    counted = counted_meetings(session, person_id=person.id, tz=settings.timezone)
    meetings = [m for m in counted if period.contains(m.day)]
    # Joined: when the app first saw them, or their first meeting if registered before that.
    joined = min(
        [person.created_at.astimezone(settings.timezone).date(), *(m.day for m in counted[:1])]
    )
    result = recertification.meter(
        period=period,
        entries=[
            recertification.HoursEntry(day=m.day, minutes=m.minutes, role=m.role) for m in meetings
        ],
        today=today,
        min_hours_per_year=rules_of.min_hours_per_year,
        max_counted_hours_per_year=rules_of.max_counted_hours_per_year,
        required_hours=rules_of.required_hours,
        joined=joined,
    )
    return result, meetings


def overview_document(
    *,
    person: Person,
    meter: recertification.Meter,
    meetings: Sequence[CountedMeeting],
    created_at: datetime,
    verification_code: str = "",
    verification_url: str = "",
) -> OverviewDocument:
    """The data of the recertification overview PDF (with its own code and /verify URL)."""
    day = timedelta(days=1)
    return OverviewDocument(
        lang=lang_for(person.locale),
        holder_name=display_name(person),
        registration_number=person.member_number,
        registration_label=t_plain(lang_for(person.locale), "registers.member_number"),
        period_start=meter.period.start,
        period_end_inclusive=meter.period.end - day,
        meetings=tuple(
            OverviewMeeting(
                meeting_date=m.day,
                group_number=m.group_number,
                net_minutes=m.minutes,
                role=m.role,
                certificate_number=m.number,
            )
            for m in meetings
        ),
        years=tuple(
            OverviewYear(
                start=y.year.start,
                end_inclusive=y.year.end - day,
                minutes=y.minutes,
                counted_minutes=y.counted_minutes,
                signal=y.signal.value,
            )
            for y in meter.years
        ),
        total_minutes=meter.total_minutes,
        counted_minutes=meter.counted_minutes,
        required_minutes=meter.required_minutes,
        created_at=created_at,
        verification_code=verification_code,
        verification_url=verification_url,
    )


def request_overview(session: Session, *, person: Person, press_id: str, now: datetime) -> None:
    """Owe the member their recertification overview PDF (as of now) in a DM; once per press."""
    owe(
        session,
        intent=HoursOverview(person_id=person.id, as_of=now.isoformat()),
        to=person,
        now=now,
        occasion=press_id,
    )


def issued_overview_document(
    session: Session, *, person_id: int, as_of: str, settings: Settings, now: datetime
) -> tuple[OverviewDocument, list[CountedMeeting]]:
    """The member's overview as of `as_of` (ISO instant), recorded with its own verification
    code (once per request, however often it is rendered), and the meetings it counts."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("privacy.not_found")
    moment = datetime.fromisoformat(as_of)
    today = moment.astimezone(settings.timezone).date()
    meter, meetings = hours_meter(session, person=person, today=today, settings=settings)
    issued = issue_overview(
        session,
        person=person,
        holder_name=display_name(person),
        as_of=moment,
        totals=OverviewTotals(
            period_start=meter.period.start,
            period_end=meter.period.end - timedelta(days=1),
            total_minutes=meter.total_minutes,
            counted_minutes=meter.counted_minutes,
            required_minutes=meter.required_minutes,
            certificate_ids=[m.certificate_id for m in meetings],
        ),
        now=now,
    )
    code = issued.verification_code
    doc = overview_document(
        person=person,
        meter=meter,
        meetings=meetings,
        created_at=moment,
        verification_code=code,
        verification_url=f"{settings.public_url.rstrip('/')}/verify/{code}",
    )
    return doc, meetings


def overview_pdf(
    session: Session, *, person_id: int, as_of: str, settings: Settings, now: datetime
) -> tuple[str, bytes]:
    """The file name and the member's overview PDF for the period as of `as_of` (ISO instant),
    with its own verification code and QR."""
    doc, _ = issued_overview_document(
        session, person_id=person_id, as_of=as_of, settings=settings, now=now
    )
    content = render_overview(
        doc,
        font_path=settings.pdf_font_path,
        bold_font_path=settings.pdf_font_bold_path,
        fallback_font_paths=settings.pdf_fallback_font_paths,
    )
    return overview_filename(doc), content
