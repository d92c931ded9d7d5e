"""The deelnamebewijs page: issuer, holder, the meeting, the issuer block and how to verify it.

Everything fits one A4 page, even a 200-character name with every optional line present (the
test renders that case); the page never breaks, so a certificate is always exactly one page.
"""

from __future__ import annotations

from typing import Protocol

from bot.exports.pdf_base import (
    ACCENT,
    BODY_SIZE,
    GREY,
    SMALL_SIZE,
    TITLE_SIZE,
    DocumentPdf,
    heading,
    name_block,
    paragraph,
    row,
    rule,
    verification_block,
)
from bot.exports.pdf_documents import CertificateDocument, hours_text, points_text
from bot.i18n import Lang, format_date, t_plain
from storage.models import Role

NAME_SIZE = 18.0
# Names shrink to this size before they wrap onto a second line.
NAME_MIN_SIZE = 12.0


def role_label(lang: Lang, role: Role | None) -> str:
    """The role as the catalogue names it, or a dash when none was recorded."""
    return t_plain(lang, f"role.{role.value}") if role is not None else "—"


def registered_text(doc: CertificateDocument) -> str:
    """'Geregistreerd door <naam> op <datum> via Intervisie.': who vouches for the attendance."""
    return t_plain(
        doc.lang,
        "document.issuer.registered",
        name=doc.registered_by_name or doc.contact_person_name,
        date=format_date(doc.registered_on or doc.issued_on),
    )


def certificate_texts(doc: CertificateDocument) -> list[str]:
    """Every text on the page that comes from people rather than the catalogue."""
    return [
        doc.holder_name,
        doc.registration_number or "",
        doc.registration_label,
        doc.register_label,
        doc.register_number,
        doc.group_name,
        doc.method_name,
        doc.trajectory_name,
        doc.accreditation_register,
        doc.activity_id,
        doc.contact_person_name,
        doc.issuer_name,
        doc.registered_by_name,
        doc.number,
        doc.verification_code,
        doc.verification_url,
    ]


def _trajectory(doc: CertificateDocument) -> str:
    if doc.trajectory_meeting is None or doc.trajectory_meetings is None:
        return doc.trajectory_name
    return t_plain(
        doc.lang,
        "document.trajectory.meeting",
        name=doc.trajectory_name,
        meeting=doc.trajectory_meeting,
        meetings=doc.trajectory_meetings,
    )


def _detail_rows(doc: CertificateDocument) -> list[tuple[str, str]]:
    lang = doc.lang
    rows: list[tuple[str, str]] = []
    if doc.registration_number:
        label = doc.registration_label or t_plain(lang, "pdf.label.registration")
        rows.append((label, doc.registration_number))
    if doc.register_label and doc.register_number:
        rows.append((doc.register_label, doc.register_number))
    rows += [
        (t_plain(lang, "pdf.label.group"), f"{doc.group_number} — {doc.group_name}"),
        (t_plain(lang, "pdf.label.date"), format_date(doc.meeting_date)),
        (t_plain(lang, "pdf.label.time"), f"{doc.start_time}–{doc.end_time}"),
        (t_plain(lang, "pdf.label.hours"), hours_text(lang, doc.net_minutes)),
        (t_plain(lang, "pdf.label.role"), role_label(lang, doc.role)),
    ]
    if doc.method_name:
        rows.append((t_plain(lang, "document.label.method"), doc.method_name))
    if doc.trajectory_name:
        rows.append((t_plain(lang, "document.label.trajectory"), _trajectory(doc)))
    rows.append((t_plain(lang, "pdf.label.contact"), doc.contact_person_name))
    if doc.accreditation_register:
        rows.append((t_plain(lang, "document.label.accreditation"), doc.accreditation_register))
    if doc.activity_id:
        rows.append((t_plain(lang, "document.label.activity"), doc.activity_id))
    if doc.activity_points is not None:
        rows.append(
            (t_plain(lang, "document.label.points"), points_text(lang, doc.activity_points))
        )
    rows.append((t_plain(lang, "pdf.label.issued"), format_date(doc.issued_on)))
    return rows


class Certified(Protocol):
    """What every one-page certificate states about itself: issuer, holder, number and code."""

    @property
    def lang(self) -> Lang: ...
    @property
    def issuer_name(self) -> str: ...
    @property
    def holder_name(self) -> str: ...
    @property
    def number(self) -> str: ...
    @property
    def verification_code(self) -> str: ...
    @property
    def verification_url(self) -> str: ...


def draw_certificate_page(
    pdf: DocumentPdf,
    doc: Certified,
    *,
    title: str,
    subtitle: str,
    declares: str,
    what: str,
    rows: list[tuple[str, str]],
    attestation: str,
    footer: str,
) -> None:
    """Add one certificate page: issuer, title, holder, rows, the issuer block with who vouches
    for it (`attestation`), the number, code and QR code, and the footer."""
    lang = doc.lang
    # One page by design: a page break inside would split the certificate (and its tags).
    auto_break = pdf.auto_page_break
    pdf.set_auto_page_break(False)
    pdf.add_page()
    if doc.issuer_name:
        paragraph(pdf, doc.issuer_name, size=BODY_SIZE, style="B", color=ACCENT)
        pdf.ln(1.5)
    heading(pdf, title, level=1, size=TITLE_SIZE)
    pdf.ln(1)
    paragraph(pdf, subtitle, color=GREY)
    rule(pdf, weight=0.6, gap_before=3, gap_after=5)

    paragraph(pdf, declares)
    pdf.ln(1.5)
    name_block(pdf, doc.holder_name, size=NAME_SIZE, low=NAME_MIN_SIZE)
    pdf.ln(1)
    # The sentence goes on after the name: "… dat <naam> heeft deelgenomen aan …:".
    paragraph(pdf, what)
    pdf.ln(2)
    for label, value in rows:
        row(pdf, label, value)

    pdf.ln(4)
    heading(pdf, t_plain(lang, "document.issuer.heading"), level=2)
    pdf.ln(1)
    if doc.issuer_name:
        paragraph(pdf, doc.issuer_name, style="B")
    paragraph(pdf, attestation)

    pdf.ln(4)
    heading(pdf, t_plain(lang, "document.verify.heading"), level=2)
    pdf.ln(1)
    verification_block(
        pdf,
        rows=[
            (t_plain(lang, "pdf.label.number"), doc.number),
            (t_plain(lang, "pdf.label.code"), doc.verification_code),
        ],
        url=doc.verification_url,
    )
    rule(pdf, weight=0.2, gap_before=3, gap_after=2.5)
    paragraph(pdf, footer, size=SMALL_SIZE, color=GREY, line_height=3.8)
    pdf.set_auto_page_break(auto_break, margin=pdf.b_margin)


def draw_certificate(pdf: DocumentPdf, doc: CertificateDocument) -> None:
    """Add the deelnamebewijs as one page of `pdf`."""
    lang = doc.lang
    draw_certificate_page(
        pdf,
        doc,
        title=t_plain(lang, "pdf.certificate.title"),
        subtitle=t_plain(lang, "pdf.certificate.subtitle"),
        declares=t_plain(lang, "pdf.certificate.declares"),
        what=t_plain(lang, "pdf.certificate.took_part"),
        rows=_detail_rows(doc),
        attestation=registered_text(doc),
        footer=t_plain(lang, "document.certificate.footer"),
    )
