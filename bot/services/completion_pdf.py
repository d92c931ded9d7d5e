"""The certificaat begeleide intervisie as a document: its snapshot (the certificate row and its
completion row) turned into the PDF, in the holder's language. Used when it is first sent and
whenever the holder asks for it again."""

from __future__ import annotations

from datetime import tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import NotFound
from bot.exports.pdf_completion import CompletionDocument, completion_filename, render_completion
from bot.i18n import Lang, t_plain
from bot.services.supervisors import register_label
from bot.settings import Settings
from storage.models import Certificate, CompletionCertificate, Trajectory


def completion_row(session: Session, *, certificate_id: int) -> CompletionCertificate:
    """The completion snapshot of a certificate (NotFound for a deelnamebewijs)."""
    row = session.scalars(
        select(CompletionCertificate).where(CompletionCertificate.certificate_id == certificate_id)
    ).one_or_none()
    if row is None:
        raise NotFound("certificate.not_found")
    return row


def completion_document(
    session: Session, *, certificate: Certificate, lang: Lang, tz: tzinfo, public_url: str
) -> CompletionDocument:
    """What the PDF shows, from the snapshot, in the association's time zone."""
    row = completion_row(session, certificate_id=certificate.id)
    trajectory = session.get(Trajectory, row.trajectory_id)
    return CompletionDocument(
        lang=lang,
        number=certificate.number,
        holder_name=certificate.holder_name,
        # The register's number when the trajectory was accredited for one, else the holder's
        # member number with the association's own label (as on the deelnamebewijs).
        registration_number=certificate.registration_number or certificate.member_number,
        group_number=certificate.group_number,
        group_name=certificate.group_name,
        trajectory_name=certificate.trajectory_text or certificate.group_name,
        client_name=trajectory.client_name if trajectory is not None else "",
        supervisor_name=row.supervisor_name,
        supervisor_register_label=register_label(row.supervisor_register_key, lang),
        supervisor_number=row.supervisor_number or "",
        meetings_attended=row.meetings_attended,
        meetings_total=row.meetings_total,
        net_minutes=certificate.net_minutes,
        first_meeting=row.first_meeting_at.astimezone(tz).date(),
        last_meeting=row.last_meeting_at.astimezone(tz).date(),
        reflection_points=row.reflection_points,
        issued_at=certificate.issued_at,
        issued_on=certificate.issued_at.astimezone(tz).date(),
        verification_code=certificate.verification_code,
        verification_url=f"{public_url.rstrip('/')}/verify/{certificate.verification_code}",
        issuer_name=certificate.issuer_name or "",
        registration_label=(
            certificate.number_label
            if certificate.registration_number
            else certificate.member_label or t_plain(lang, "registers.member_number")
        )
        or "",
    )


def completion_pdf(
    session: Session, *, certificate: Certificate, lang: Lang, settings: Settings
) -> tuple[str, bytes]:
    """The file name and PDF of a completion certificate."""
    doc = completion_document(
        session,
        certificate=certificate,
        lang=lang,
        tz=settings.timezone,
        public_url=settings.public_url,
    )
    content = render_completion(
        doc,
        font_path=settings.pdf_font_path,
        bold_font_path=settings.pdf_font_bold_path,
        fallback_font_paths=settings.pdf_fallback_font_paths,
    )
    return completion_filename(doc), content
