"""The rapportage for the opdrachtgever: a short A4 report of a guided trajectory — the aim, the way
of working, attendance as aggregates only (never who missed what), outcome and recommendations —
agreed with the group. Paged, with a running title and page numbers; no block crosses a page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bot.exports.pdf_base import (
    BODY_SIZE,
    FONT,
    GREY,
    SMALL_SIZE,
    TITLE_SIZE,
    DocumentPdf,
    heading,
    paragraph,
    row,
    rule,
)
from bot.exports.pdf_documents import _slug
from bot.exports.pdf_fonts import PdfFonts, check_printable
from bot.i18n import Lang, format_date, t_plain, tn_plain

PRODUCT = "Intervisie"
LINE_HEIGHT = BODY_SIZE * 0.5
# "Gemiddelde aanwezigheid" needs more room than the certificate's labels.
LABEL_WIDTH = 55.0


@dataclass(frozen=True, kw_only=True)
class ReportDocument:
    """What the report shows (a snapshot when it became final; dates already local)."""

    lang: Lang
    client_name: str
    client_contact: str
    group_number: int
    group_name: str
    supervisor_line: str
    first_meeting: date | None
    last_meeting: date | None
    agreed_meetings: int
    held_meetings: int
    participants: int
    average_attendance: int
    aim: str
    working_method: str
    outcome: str
    recommendations: str
    agreed_by: int
    final_on: date
    created_at: datetime
    issuer_name: str = ""


def report_texts(doc: ReportDocument) -> list[str]:
    """Every text in the report that comes from people rather than the catalogue."""
    return [
        doc.client_name,
        doc.client_contact,
        doc.group_name,
        doc.supervisor_line,
        doc.aim,
        doc.working_method,
        doc.outcome,
        doc.recommendations,
        doc.issuer_name,
    ]


def report_filename(doc: ReportDocument) -> str:
    """rapportage-begeleide-intervisie-1002.pdf (in the supervisor's language)."""
    return f"{_slug(t_plain(doc.lang, 'report.file', number=doc.group_number))}.pdf"


def _fits(pdf: DocumentPdf, text: str, *, extra: float = 0) -> bool:
    pdf.set_font(FONT, "", BODY_SIZE)
    lines = pdf.multi_cell(pdf.epw, LINE_HEIGHT, text, dry_run=True, output="LINES")
    count = len(lines) if isinstance(lines, list) else 1
    return pdf.get_y() + count * LINE_HEIGHT + extra <= pdf.page_break_trigger


def _section(pdf: DocumentPdf, title: str, text: str) -> None:
    """A heading and its text, paragraph by paragraph; a new page rather than a split block."""
    parts = [p.strip() for p in text.splitlines() if p.strip()] or ["—"]
    if not _fits(pdf, parts[0], extra=12):
        pdf.add_page()
    pdf.ln(3)
    heading(pdf, title, level=2)
    pdf.ln(1)
    for part in parts:
        if not _fits(pdf, part):
            pdf.add_page()
        paragraph(pdf, part)
        pdf.ln(1)


def _facts(doc: ReportDocument) -> list[tuple[str, str]]:
    lang = doc.lang
    period = "—"
    if doc.first_meeting is not None and doc.last_meeting is not None:
        period = f"{format_date(doc.first_meeting)} – {format_date(doc.last_meeting)}"
    facts = [
        (t_plain(lang, "report.pdf.client"), doc.client_name or "—"),
    ]
    if doc.client_contact:
        facts.append((t_plain(lang, "report.pdf.client_contact"), doc.client_contact))
    facts += [
        (t_plain(lang, "pdf.label.group"), f"{doc.group_number} — {doc.group_name}"),
        (t_plain(lang, "completion.pdf.supervisor"), doc.supervisor_line),
        (t_plain(lang, "pdf.label.period"), period),
    ]
    return facts


def _attendance(doc: ReportDocument) -> list[tuple[str, str]]:
    lang = doc.lang
    return [
        (
            t_plain(lang, "report.pdf.held"),
            tn_plain(
                lang,
                "report.pdf.held_value",
                doc.agreed_meetings,
                held=doc.held_meetings,
            ),
        ),
        (t_plain(lang, "report.pdf.participants"), str(doc.participants)),
        (
            t_plain(lang, "report.pdf.average"),
            t_plain(lang, "report.pdf.percent", percent=doc.average_attendance),
        ),
    ]


def draw_report(pdf: DocumentPdf, doc: ReportDocument) -> None:
    """Add the report's pages to `pdf`."""
    lang = doc.lang
    pdf.add_page()
    heading(pdf, t_plain(lang, "report.pdf.title"), level=1, size=TITLE_SIZE)
    pdf.ln(1)
    paragraph(pdf, t_plain(lang, "report.pdf.subtitle"), color=GREY)
    rule(pdf, weight=0.6, gap_before=3, gap_after=4)
    for label, value in _facts(doc):
        row(pdf, label, value, label_width=LABEL_WIDTH)
    _section(pdf, t_plain(lang, "report.pdf.aim"), doc.aim)
    _section(pdf, t_plain(lang, "report.pdf.method"), doc.working_method)
    pdf.ln(3)
    heading(pdf, t_plain(lang, "report.pdf.attendance"), level=2)
    pdf.ln(1)
    for label, value in _attendance(doc):
        row(pdf, label, value, label_width=LABEL_WIDTH)
    paragraph(pdf, t_plain(lang, "report.pdf.aggregates"), size=SMALL_SIZE, color=GREY)
    _section(pdf, t_plain(lang, "report.pdf.outcome"), doc.outcome)
    _section(pdf, t_plain(lang, "report.pdf.recommendations"), doc.recommendations)
    agreed = tn_plain(
        lang,
        "report.pdf.agreed",
        doc.participants,
        agreed=doc.agreed_by,
        date=format_date(doc.final_on),
    )
    if not _fits(pdf, agreed, extra=10):
        pdf.add_page()
    rule(pdf, weight=0.2, gap_before=4, gap_after=2.5)
    paragraph(pdf, agreed, size=SMALL_SIZE, color=GREY, line_height=3.8)


def render_report(
    doc: ReportDocument,
    *,
    font_path: str,
    bold_font_path: str = "",
    fallback_font_paths: Sequence[str] = (),
) -> bytes:
    """The report as PDF bytes; UnprintableText for a character no font has."""
    fonts = PdfFonts(regular=font_path, bold=bold_font_path, fallbacks=tuple(fallback_font_paths))
    check_printable(*report_texts(doc), fonts=fonts)
    title = t_plain(doc.lang, "report.pdf.title")
    pdf = DocumentPdf(
        fonts=fonts,
        lang=doc.lang,
        created_at=doc.created_at,
        title=f"{title} {doc.group_number}",
        subject=t_plain(doc.lang, "report.pdf.subject", client=doc.client_name or doc.group_name),
        author=doc.issuer_name or PRODUCT,
    )
    pdf.running_title = f"{title} · {doc.client_name or doc.group_name}"
    pdf.numbered = True
    draw_report(pdf, doc)
    return bytes(pdf.output())
