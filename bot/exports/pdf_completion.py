"""The certificaat begeleide intervisie: one A4 page with the holder, the trajectory, the supervisor
with register and number, the meetings attended of those held, the net hours, reflection points
when awarded, and the code and QR code for /verify — laid out like the deelnamebewijs.

Everything fits one page, even a 200-character name with every optional line present (the test
renders that case), so the certificate is always exactly one page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from bot.exports.pdf_base import DocumentPdf
from bot.exports.pdf_certificate import draw_certificate_page
from bot.exports.pdf_documents import _slug, hours_text, points_text
from bot.exports.pdf_fonts import PdfFonts, check_printable
from bot.i18n import Lang, format_date, t_plain, tn_plain

PRODUCT = "Intervisie"


@dataclass(frozen=True, kw_only=True)
class CompletionDocument:
    """Everything a certificaat begeleide intervisie shows (a snapshot, dates already local)."""

    lang: Lang
    number: str
    holder_name: str
    registration_number: str | None
    group_number: int
    group_name: str
    trajectory_name: str
    client_name: str
    supervisor_name: str
    # "LVSC-registratienummer" and the number; "" when the supervisor recorded none.
    supervisor_register_label: str
    supervisor_number: str
    meetings_attended: int
    meetings_total: int
    net_minutes: int
    first_meeting: date
    last_meeting: date
    reflection_points: Decimal | None
    issued_at: datetime
    issued_on: date
    verification_code: str
    verification_url: str
    issuer_name: str = ""
    registration_label: str = ""


def completion_texts(doc: CompletionDocument) -> list[str]:
    """Every text on the page that comes from people rather than the catalogue."""
    return [
        doc.holder_name,
        doc.registration_number or "",
        doc.registration_label,
        doc.group_name,
        doc.trajectory_name,
        doc.client_name,
        doc.supervisor_name,
        doc.supervisor_register_label,
        doc.supervisor_number,
        doc.issuer_name,
        doc.number,
        doc.verification_code,
        doc.verification_url,
    ]


def completion_filename(doc: CompletionDocument) -> str:
    """certificaat-begeleide-intervisie-ivb-2026-000123.pdf (in the holder's language)."""
    return f"{_slug(t_plain(doc.lang, 'completion.file', number=doc.number))}.pdf"


def _supervisor(doc: CompletionDocument) -> str:
    if doc.supervisor_register_label and doc.supervisor_number:
        return t_plain(
            doc.lang,
            "completion.pdf.supervisor_line",
            name=doc.supervisor_name,
            label=doc.supervisor_register_label,
            number=doc.supervisor_number,
        )
    return doc.supervisor_name


def _rows(doc: CompletionDocument) -> list[tuple[str, str]]:
    lang = doc.lang
    rows: list[tuple[str, str]] = []
    if doc.registration_number:
        label = doc.registration_label or t_plain(lang, "pdf.label.registration")
        rows.append((label, doc.registration_number))
    rows += [
        (t_plain(lang, "pdf.label.group"), f"{doc.group_number} — {doc.group_name}"),
        (t_plain(lang, "document.label.trajectory"), doc.trajectory_name),
    ]
    if doc.client_name and doc.client_name != doc.trajectory_name:
        rows.append((t_plain(lang, "completion.pdf.client"), doc.client_name))
    rows += [
        (t_plain(lang, "completion.pdf.supervisor"), _supervisor(doc)),
        (
            t_plain(lang, "pdf.label.period"),
            f"{format_date(doc.first_meeting)} – {format_date(doc.last_meeting)}",
        ),
        (
            t_plain(lang, "completion.pdf.attended"),
            tn_plain(
                lang,
                "completion.pdf.attended_value",
                doc.meetings_total,
                attended=doc.meetings_attended,
            ),
        ),
        (t_plain(lang, "pdf.label.hours"), hours_text(lang, doc.net_minutes)),
    ]
    if doc.reflection_points:
        rows.append(
            (
                t_plain(lang, "completion.pdf.points"),
                points_text(lang, float(doc.reflection_points)),
            )
        )
    rows.append((t_plain(lang, "pdf.label.issued"), format_date(doc.issued_on)))
    return rows


def draw_completion(pdf: DocumentPdf, doc: CompletionDocument) -> None:
    """Add the certificaat begeleide intervisie as one page of `pdf`."""
    lang = doc.lang
    draw_certificate_page(
        pdf,
        doc,
        title=t_plain(lang, "completion.pdf.title"),
        subtitle=t_plain(lang, "completion.pdf.subtitle"),
        declares=t_plain(lang, "completion.pdf.declares"),
        what=t_plain(lang, "completion.pdf.completed"),
        rows=_rows(doc),
        attestation=t_plain(
            lang,
            "completion.pdf.signed",
            name=doc.supervisor_name,
            date=format_date(doc.issued_on),
        ),
        footer=t_plain(lang, "completion.pdf.footer"),
    )


def render_completion(
    doc: CompletionDocument,
    *,
    font_path: str,
    bold_font_path: str = "",
    fallback_font_paths: Sequence[str] = (),
) -> bytes:
    """The certificaat begeleide intervisie as PDF bytes; UnprintableText for a character no
    font has (checked before anything is drawn)."""
    fonts = PdfFonts(regular=font_path, bold=bold_font_path, fallbacks=tuple(fallback_font_paths))
    check_printable(*completion_texts(doc), fonts=fonts)
    title = t_plain(doc.lang, "completion.pdf.title")
    pdf = DocumentPdf(
        fonts=fonts,
        lang=doc.lang,
        created_at=doc.issued_at,
        title=f"{title} {doc.number}",
        subject=t_plain(
            doc.lang,
            "completion.pdf.subject",
            number=doc.number,
            name=doc.holder_name,
            trajectory=doc.trajectory_name,
        ),
        author=doc.issuer_name or PRODUCT,
    )
    draw_completion(pdf, doc)
    return bytes(pdf.output())
