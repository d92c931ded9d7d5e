"""Deelnamebewijzen: issue, supersede, revoke, list, verify and render (PDF bytes for the outbox),
and the recertification meter and overview built from a member's valid certificates.

A certificate is a snapshot of what it proves when issued; the meter counts valid participation
certificates, so a corrected registration (old one superseded) is counted once.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from functools import partial
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot import rules
from bot.delivery import Outbox, enqueue_file
from bot.errors import InvalidInput, NotAllowed, NotFound
from bot.exports.pdf import (
    CertificateDocument,
    OverviewDocument,
    OverviewMeeting,
    OverviewYear,
    render_certificate,
    render_overview,
)
from bot.i18n import Lang, format_date, format_hours, format_time, lang_for, t_plain
from bot.services import recertification
from bot.services.audit import record
from bot.services.people import display_name
from bot.settings import Settings
from bot.timeparse import parse_date
from storage.models import (
    Attendance,
    Certificate,
    CertificateKind,
    CertificateStatus,
    Group,
    Meeting,
    Person,
    Role,
)

CERTIFICATE_RENDERER = "certificate"
OVERVIEW_RENDERER = "recertification_overview"

# Dutch tussenvoegsels (and a few common foreign particles): they belong to the surname.
TUSSENVOEGSELS = frozenset(
    {
        "van", "de", "der", "den", "het", "'t", "te", "ter", "ten", "in", "op", "aan", "bij",
        "uit", "onder", "over", "voor", "vd", "v.d.", "d'", "la", "le", "du", "di", "da", "des",
        "del", "von", "zu", "al", "el", "ben", "bin", "dos", "das",
    }
)  # fmt: skip


def public_name(full_name: str) -> str:
    """Initials and surname, as /verify shows them: "Daan van der Berg" → "D. van der Berg"."""
    words = full_name.split()
    if len(words) <= 1:
        return full_name.strip()
    split = len(words) - 1
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in TUSSENVOEGSELS:
            split = i
            break
    given, surname = words[:split], words[split:]
    initials = "".join(
        "-".join(part[0].upper() + "." for part in word.split("-") if part) for word in given
    )
    return f"{initials} {' '.join(surname)}"


def new_verification_code() -> str:
    """An unguessable URL-safe code (192 bits)."""
    return secrets.token_urlsafe(rules.VERIFICATION_CODE_BYTES)


def issue(
    session: Session,
    *,
    attendance: Attendance,
    meeting: Meeting,
    group: Group,
    person: Person,
    now: datetime,
) -> Certificate:
    """A new valid deelnamebewijs for a present attendee, numbered IV-<year>-<id> (unique per team)."""
    certificate = Certificate(
        team_id=group.team_id,
        # A unique placeholder until the row has its id, which makes the public number unique.
        number=f"pending-{secrets.token_hex(8)}",
        verification_code=new_verification_code(),
        kind=CertificateKind.PARTICIPATION,
        status=CertificateStatus.VALID,
        person_id=person.id,
        group_id=group.id,
        meeting_id=meeting.id,
        attendance_id=attendance.id,
        holder_name=display_name(person),
        registration_number=person.registration_number or person.member_number,
        group_number=group.number,
        group_name=group.name,
        contact_person_name=display_name(group.contact_person),
        meeting_starts_at=meeting.starts_at,
        net_minutes=attendance.net_minutes,
        role=attendance.role,
        issued_at=now,
    )
    session.add(certificate)
    session.flush()
    certificate.number = f"{rules.CERTIFICATE_NUMBER_PREFIX}-{now.year}-{certificate.id:06d}"
    return certificate


def supersede(old: Certificate, *, new: Certificate, now: datetime) -> None:
    """The old certificate is replaced by a corrected one; /verify now says superseded."""
    old.status = CertificateStatus.SUPERSEDED
    old.superseded_by_id = new.id
    old.status_changed_at = now


def revoke(certificate: Certificate, *, now: datetime) -> None:
    """The holder was not there after all; /verify now says revoked."""
    certificate.status = CertificateStatus.REVOKED
    certificate.status_changed_at = now


def valid_certificate(session: Session, *, meeting_id: int, person_id: int) -> Certificate | None:
    """The valid participation certificate of a person for a meeting, if any."""
    return session.scalars(
        select(Certificate).where(
            Certificate.meeting_id == meeting_id,
            Certificate.person_id == person_id,
            Certificate.kind == CertificateKind.PARTICIPATION,
            Certificate.status == CertificateStatus.VALID,
        )
    ).first()


def enqueue_certificate(
    session: Session,
    *,
    certificate: Certificate,
    person: Person,
    tz: tzinfo,
    dedupe_key: str,
    now: datetime,
    corrected: bool = False,
) -> None:
    """Owe the holder (and only the holder) the certificate's PDF in a DM."""
    lang = lang_for(person.locale)
    key = "certificate.file.comment_new" if corrected else "certificate.file.comment"
    comment = t_plain(
        lang,
        key,
        date=format_date(certificate.meeting_starts_at, tz=tz),
        group=certificate.group_number,
        hours=format_hours(certificate.net_minutes, lang),
        role=_role_text(lang, certificate.role),
    )
    enqueue_file(
        session,
        team_id=certificate.team_id,
        user_id=person.slack_user_id,
        renderer=CERTIFICATE_RENDERER,
        args={"certificate_id": certificate.id},
        filename=f"deelnamebewijs-{certificate.number}.pdf",
        title=t_plain(lang, "certificate.file.title", number=certificate.number),
        comment=comment,
        dedupe_key=dedupe_key,
        now=now,
        certificate_id=certificate.id,
    )


def _role_text(lang: Lang, role: Role | None) -> str:
    return t_plain(lang, f"role.{role.value}") if role is not None else "—"


def list_for_person(
    session: Session, *, person_id: int, limit: int
) -> tuple[list[Certificate], int]:
    """A member's own certificates, newest meeting first (at most `limit`), and how many in all."""
    query = select(Certificate).where(Certificate.person_id == person_id)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    rows = session.scalars(
        query.order_by(Certificate.meeting_starts_at.desc(), Certificate.id.desc()).limit(limit)
    ).all()
    return list(rows), total


def owned_certificate(
    session: Session, *, team_id: str, certificate_id: int, person_id: int
) -> Certificate:
    """A certificate the acting person holds; anyone else's is refused (never sent to others)."""
    certificate = session.get(Certificate, certificate_id)
    if certificate is None or certificate.team_id != team_id:
        raise NotFound("certificate.not_found")
    if certificate.person_id != person_id:
        raise NotAllowed("certificate.not_yours")
    return certificate


def resend(
    session: Session,
    *,
    team_id: str,
    certificate_id: int,
    person_id: int,
    press_id: str,
    tz: tzinfo,
    now: datetime,
) -> Certificate:
    """Send the holder's certificate again; each press (`press_id`) is one delivery."""
    certificate = owned_certificate(
        session, team_id=team_id, certificate_id=certificate_id, person_id=person_id
    )
    person = session.get_one(Person, person_id)
    enqueue_certificate(
        session,
        certificate=certificate,
        person=person,
        tz=tz,
        dedupe_key=f"certificate-resend:{certificate.id}:{press_id}"[:200],
        now=now,
    )
    return certificate


def by_code(session: Session, *, code: str) -> Certificate | None:
    """The certificate with this verification code (any workspace: the code is the secret)."""
    return session.scalars(
        select(Certificate).where(Certificate.verification_code == code)
    ).one_or_none()


def parse_day(text: str) -> date:
    """A period start typed as dd-mm-jjjj (bot.timeparse), with the hours area's own message."""
    try:
        day = parse_date(text)
    except InvalidInput:
        raise InvalidInput("hours.bad_date") from None
    if day.year < 1900:
        raise InvalidInput("hours.bad_date")
    return day


def set_period_start(
    session: Session, *, team_id: str, person_id: int, start: date, today: date, now: datetime
) -> None:
    """The member's own certification period start (they may correct it; each change audited)."""
    if start > today:
        raise InvalidInput("hours.date_in_future")
    person = session.get_one(Person, person_id)
    previous = person.certification_period_start
    person.certification_period_start = start
    record(
        session,
        team_id=team_id,
        action="certification_period_set",
        now=now,
        actor_id=person_id,
        subject_id=person_id,
        details={
            "start": start.isoformat(),
            "previous": previous.isoformat() if previous else None,
        },
    )


# -- rendering (outbox renderers) ------------------------------------------------------------------


def certificate_document(
    certificate: Certificate, *, lang: Lang, tz: tzinfo, public_url: str
) -> CertificateDocument:
    """What the PDF shows, from the certificate's snapshot, in the group's time zone."""
    start = certificate.meeting_starts_at
    end = start + timedelta(minutes=certificate.net_minutes)
    return CertificateDocument(
        lang=lang,
        number=certificate.number,
        holder_name=certificate.holder_name,
        registration_number=certificate.registration_number,
        group_number=certificate.group_number,
        group_name=certificate.group_name,
        meeting_date=start.astimezone(tz).date(),
        start_time=format_time(start, tz=tz),
        end_time=format_time(end, tz=tz),
        net_minutes=certificate.net_minutes,
        role=certificate.role,
        contact_person_name=certificate.contact_person_name,
        issued_at=certificate.issued_at,
        issued_on=certificate.issued_at.astimezone(tz).date(),
        verification_code=certificate.verification_code,
        verification_url=f"{public_url.rstrip('/')}/verify/{certificate.verification_code}",
    )


def render_certificate_file(session: Session, args: dict[str, Any], *, settings: Settings) -> bytes:
    """Outbox renderer "certificate": the PDF of one certificate, from its snapshot."""
    certificate = session.get_one(Certificate, int(args["certificate_id"]))
    person = session.get(Person, certificate.person_id)
    lang = lang_for(person.locale if person is not None else None)
    doc = certificate_document(
        certificate, lang=lang, tz=settings.timezone, public_url=settings.public_url
    )
    return render_certificate(
        doc, font_path=settings.pdf_font_path, bold_font_path=settings.pdf_font_bold_path
    )


@dataclass(frozen=True, kw_only=True)
class CountedMeeting:
    """A valid participation certificate as the meter and the overview count it."""

    day: date
    minutes: int
    role: Role | None
    group_number: int
    number: str


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
        )
        for starts_at, minutes, role, group_number, number in rows
    ]


def hours_meter(
    session: Session, *, person: Person, today: date, settings: Settings
) -> tuple[recertification.Meter, list[CountedMeeting]]:
    """The member's meter for the period containing `today`, and the meetings in that period."""
    period = recertification.period_for(today=today, start=person.certification_period_start)
    meetings = [
        m
        for m in counted_meetings(session, person_id=person.id, tz=settings.timezone)
        if period.contains(m.day)
    ]
    result = recertification.meter(
        period=period,
        entries=[
            recertification.HoursEntry(day=m.day, minutes=m.minutes, role=m.role) for m in meetings
        ],
        today=today,
        min_hours_per_year=settings.min_hours_per_year,
        max_counted_hours_per_year=settings.max_counted_hours_per_year,
    )
    return result, meetings


def overview_document(
    *,
    person: Person,
    meter: recertification.Meter,
    meetings: Sequence[CountedMeeting],
    created_at: datetime,
) -> OverviewDocument:
    """The data of the recertification overview PDF."""
    day = timedelta(days=1)
    return OverviewDocument(
        lang=lang_for(person.locale),
        holder_name=display_name(person),
        registration_number=person.registration_number or person.member_number,
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
    )


def enqueue_overview(
    session: Session, *, team_id: str, person: Person, press_id: str, now: datetime
) -> None:
    """Owe the member their recertification overview PDF (as of now) in a DM."""
    lang = lang_for(person.locale)
    enqueue_file(
        session,
        team_id=team_id,
        user_id=person.slack_user_id,
        renderer=OVERVIEW_RENDERER,
        args={"person_id": person.id, "as_of": now.isoformat()},
        filename="overzicht-hercertificering.pdf",
        title=t_plain(lang, "overview.file.title"),
        comment=t_plain(lang, "overview.file.comment"),
        dedupe_key=f"recert-overview:{person.id}:{press_id}"[:200],
        now=now,
    )


def render_overview_file(session: Session, args: dict[str, Any], *, settings: Settings) -> bytes:
    """Outbox renderer "recertification_overview": the member's period as of the request."""
    person = session.get_one(Person, int(args["person_id"]))
    as_of = datetime.fromisoformat(str(args["as_of"]))
    today = as_of.astimezone(settings.timezone).date()
    meter, meetings = hours_meter(session, person=person, today=today, settings=settings)
    doc = overview_document(person=person, meter=meter, meetings=meetings, created_at=as_of)
    return render_overview(
        doc, font_path=settings.pdf_font_path, bold_font_path=settings.pdf_font_bold_path
    )


def install_renderers(outbox: Outbox, settings: Settings) -> None:
    """Register the "certificate" and "recertification_overview" file renderers."""
    outbox.register_renderer(
        CERTIFICATE_RENDERER, partial(render_certificate_file, settings=settings)
    )
    outbox.register_renderer(OVERVIEW_RENDERER, partial(render_overview_file, settings=settings))
