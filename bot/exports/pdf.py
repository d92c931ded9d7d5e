"""PDF exports (fpdf2): the deelnamebewijs, the hours overview and the dossier, as pure `data -> bytes`.

A Unicode TTF (DejaVu Sans by default, settings.pdf_font_path) is embedded so every Latin name prints
with its diacritics (Zoë, Şahin, Łukasiewicz); characters it lacks come from fallback fonts (Noto),
and a character no font has raises UnprintableText instead of vanishing. The creation date is the
issue date, so the same data gives the same bytes (tests compare them; an office can re-download an
identical document). The page drawing lives in pdf_certificate / pdf_overview, the shared machinery
in pdf_base, fonts in pdf_fonts and the documents' data in pdf_documents.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.exports.pdf_base import FONT, MARGIN, DocumentPdf
from bot.exports.pdf_certificate import certificate_texts, draw_certificate
from bot.exports.pdf_documents import (
    CertificateDocument,
    OverviewDocument,
    OverviewMeeting,
    OverviewYear,
    certificate_filename,
    dossier_filename,
    overview_filename,
)
from bot.exports.pdf_fonts import PdfFonts, UnprintableText, check_printable
from bot.exports.pdf_overview import draw_overview, overview_texts
from bot.i18n import format_date, t_plain

__all__ = [
    "FONT",
    "MARGIN",
    "CertificateDocument",
    "OverviewDocument",
    "OverviewMeeting",
    "OverviewYear",
    "PdfFonts",
    "UnprintableText",
    "certificate_filename",
    "check_printable",
    "dossier_filename",
    "overview_filename",
    "render_certificate",
    "render_dossier",
    "render_overview",
]

PRODUCT = "Intervisie"


def _fonts(font_path: str, bold_font_path: str, fallback_font_paths: Sequence[str]) -> PdfFonts:
    return PdfFonts(regular=font_path, bold=bold_font_path, fallbacks=tuple(fallback_font_paths))


def render_certificate(
    doc: CertificateDocument,
    *,
    font_path: str,
    bold_font_path: str = "",
    fallback_font_paths: Sequence[str] = (),
) -> bytes:
    """The deelnamebewijs: one A4 page; raises UnprintableText for a character no font has."""
    fonts = _fonts(font_path, bold_font_path, fallback_font_paths)
    # Refuse before drawing anything: the error names the character, the caller tells the user.
    check_printable(*certificate_texts(doc), fonts=fonts)
    lang = doc.lang
    title = t_plain(lang, "pdf.certificate.title")
    pdf = DocumentPdf(
        fonts=fonts,
        lang=lang,
        created_at=doc.issued_at,
        title=f"{title} {doc.number}",
        subject=t_plain(
            lang,
            "document.subject.certificate",
            number=doc.number,
            name=doc.holder_name,
            date=format_date(doc.meeting_date),
        ),
        author=doc.issuer_name or PRODUCT,
    )
    draw_certificate(pdf, doc)
    return bytes(pdf.output())


def _overview_pdf(doc: OverviewDocument, *, fonts: PdfFonts, dossier: bool) -> DocumentPdf:
    lang = doc.lang
    key = "document.dossier.title" if dossier else "pdf.overview.title"
    title = t_plain(lang, key)
    start, end = format_date(doc.period_start), format_date(doc.period_end_inclusive)
    subject_key = "document.subject.dossier" if dossier else "document.subject.overview"
    pdf = DocumentPdf(
        fonts=fonts,
        lang=lang,
        created_at=doc.created_at,
        title=f"{title} {start} – {end}",
        subject=t_plain(lang, subject_key, name=doc.holder_name, start=start, end=end),
        author=doc.issuer_name or PRODUCT,
    )
    pdf.running_title = f"{title} · {doc.holder_name}"
    pdf.numbered = True
    return pdf


def render_overview(
    doc: OverviewDocument,
    *,
    font_path: str,
    bold_font_path: str = "",
    fallback_font_paths: Sequence[str] = (),
) -> bytes:
    """The recertification overview: every counted meeting of the period and totals per year."""
    fonts = _fonts(font_path, bold_font_path, fallback_font_paths)
    check_printable(*overview_texts(doc), fonts=fonts)
    pdf = _overview_pdf(doc, fonts=fonts, dossier=False)
    draw_overview(pdf, doc)
    return bytes(pdf.output())


def render_dossier(
    overview: OverviewDocument,
    *,
    certificates: Sequence[CertificateDocument],
    font_path: str,
    bold_font_path: str = "",
    fallback_font_paths: Sequence[str] = (),
) -> bytes:
    """One PDF to upload in one go: the overview, then every deelnamebewijs of the period."""
    fonts = _fonts(font_path, bold_font_path, fallback_font_paths)
    texts = [*overview_texts(overview)]
    for certificate in certificates:
        texts += certificate_texts(certificate)
    check_printable(*texts, fonts=fonts)
    pdf = _overview_pdf(overview, fonts=fonts, dossier=True)
    draw_overview(pdf, overview)
    for certificate in certificates:
        draw_certificate(pdf, certificate)
    return bytes(pdf.output())
