"""Deelnamebewijzen: issue, supersede, revoke, list, look up by verification code, and the PDF.

A certificate is a snapshot of what it proves when issued; a correction supersedes it with a new
one, and the holder is owed each new PDF by DM (bot/notify.py).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot import rules
from bot.errors import NotAllowed, NotFound
from bot.exports.pdf import CertificateDocument, render_certificate
from bot.exports.pdf_documents import certificate_filename
from bot.i18n import Lang, format_time, lang_for
from bot.notify import Intent, owe
from bot.registers import RegisterCatalogue
from bot.services import method_catalogue
from bot.services.accreditations import certificate_register, document_numbers
from bot.services.association import certificate_issuer
from bot.services.catalogues import for_team
from bot.services.completion_pdf import completion_pdf
from bot.services.people import display_name
from bot.services.trajectory_progress import meeting_progress, read_snapshot, snapshot
from bot.settings import Settings
from storage.models import (
    Attendance,
    Certificate,
    CertificateKind,
    CertificateStatus,
    DeliveryKind,
    Group,
    Meeting,
    Person,
)


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
    # The holder's own register (and the group's accreditation with it), member number apart.
    chosen = certificate_register(
        session, group=group, person_id=person.id, net_minutes=attendance.net_minutes
    )
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
        registration_number=chosen.number if chosen else None,
        member_number=person.member_number,
        number_label=chosen.register.label_nl if chosen else None,
        register_key=chosen.register.key if chosen else None,
        activity_id=chosen.activity_id if chosen else None,
        points=chosen.points if chosen else None,
        group_number=group.number,
        group_name=group.name,
        contact_person_name=display_name(group.contact_person),
        meeting_starts_at=meeting.starts_at,
        net_minutes=attendance.net_minutes,
        role=attendance.role,
        issued_at=now,
        # "Methode: Incidentmethode", in the holder's language (the PDF is in it too).
        method_name=method_catalogue.label(
            session, team_id=group.team_id, value=meeting.method, lang=lang_for(person.locale)
        )[:120]
        or None,
    )
    # Guided groups: "bijeenkomst 3 van 6" of the trajectory, as it stands at issue.
    progress = meeting_progress(session, meeting=meeting)
    if progress is not None:
        certificate.trajectory_text = snapshot(progress)
    # The association that issues it and its label for the member number, as its secretariat
    # named them in the app.
    certificate.issuer_name, certificate.member_label = certificate_issuer(
        session, team_id=group.team_id, member_number=True
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


@dataclass(frozen=True, kw_only=True)
class CertificateIssued(Intent):
    """The holder (and only the holder) gets the certificate's PDF in a DM."""

    KIND = "certificate_issued"
    TRANSPORT = DeliveryKind.FILE
    certificate_id: int
    corrected: bool = False


@dataclass(frozen=True, kw_only=True)
class CertificateRevoked(Intent):
    """The holder is told that a certificate no longer counts (registered absent after all)."""

    KIND = "certificate_revoked"
    certificate_id: int


def owe_certificate(
    session: Session,
    *,
    certificate: Certificate,
    person: Person,
    now: datetime,
    corrected: bool = False,
    occasion: str = "",
) -> None:
    """Owe the holder the certificate's PDF in a DM (`occasion` for a deliberate second copy)."""
    owe(
        session,
        intent=CertificateIssued(certificate_id=certificate.id, corrected=corrected),
        to=person,
        now=now,
        occasion=occasion,
        certificate_id=certificate.id,
    )


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
    now: datetime,
) -> Certificate:
    """Send the holder's certificate again; each press (`press_id`) is one delivery."""
    certificate = owned_certificate(
        session, team_id=team_id, certificate_id=certificate_id, person_id=person_id
    )
    person = session.get_one(Person, person_id)
    owe_certificate(
        session, certificate=certificate, person=person, now=now, occasion=f"resend-{press_id}"
    )
    return certificate


def by_code(session: Session, *, code: str) -> Certificate | None:
    """The certificate with this verification code (any workspace: the code is the secret)."""
    return session.scalars(
        select(Certificate).where(Certificate.verification_code == code)
    ).one_or_none()


# -- rendering (outbox renderers) ------------------------------------------------------------------


def certificate_document(
    certificate: Certificate,
    *,
    lang: Lang,
    tz: tzinfo,
    public_url: str,
    registers: RegisterCatalogue | None = None,
) -> CertificateDocument:
    """What the PDF shows, from the certificate's snapshot, in the group's time zone."""
    start = certificate.meeting_starts_at
    end = start + timedelta(minutes=certificate.net_minutes)
    trajectory, meeting_number, meetings = read_snapshot(certificate.trajectory_text)
    return CertificateDocument(
        lang=lang,
        number=certificate.number,
        holder_name=certificate.holder_name,
        **document_numbers(certificate, lang=lang, registers=registers),
        group_number=certificate.group_number,
        group_name=certificate.group_name,
        meeting_date=start.astimezone(tz).date(),
        start_time=format_time(start, tz=tz),
        end_time=format_time(end, tz=tz),
        net_minutes=certificate.net_minutes,
        role=certificate.role,
        method_name=certificate.method_name or "",
        contact_person_name=certificate.contact_person_name,
        issued_at=certificate.issued_at,
        issued_on=certificate.issued_at.astimezone(tz).date(),
        verification_code=certificate.verification_code,
        verification_url=f"{public_url.rstrip('/')}/verify/{certificate.verification_code}",
        trajectory_name=trajectory,
        trajectory_meeting=meeting_number,
        trajectory_meetings=meetings,
        issuer_name=certificate.issuer_name or "",
    )


def certificate_pdf(
    session: Session, *, certificate_id: int, lang: Lang, settings: Settings
) -> tuple[Certificate, str, bytes]:
    """The certificate, its file name and its PDF, from its snapshot, in the association's time
    zone and the holder's language."""
    certificate = session.get(Certificate, certificate_id)
    if certificate is None:
        raise NotFound("certificate.not_found")
    if certificate.kind is CertificateKind.COMPLETION:
        filename, pdf = completion_pdf(
            session, certificate=certificate, lang=lang, settings=settings
        )
        return certificate, filename, pdf
    doc = certificate_document(
        certificate,
        lang=lang,
        tz=settings.timezone,
        public_url=settings.public_url,
        registers=for_team(session, team_id=certificate.team_id).registers,
    )
    content = render_certificate(
        doc,
        font_path=settings.pdf_font_path,
        bold_font_path=settings.pdf_font_bold_path,
        fallback_font_paths=settings.pdf_fallback_font_paths,
    )
    return certificate, certificate_filename(doc), content
