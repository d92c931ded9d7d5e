"""The hours overview: totals, years and every counted meeting, over as many pages as it takes.

Each page carries the running header (document and holder) and "pagina X van Y"; the meetings
table repeats its column headings at the top of every page it continues on.
"""

from __future__ import annotations

from bot.exports.pdf_base import (
    ACCENT,
    BODY_SIZE,
    FONT,
    SMALL_SIZE,
    TITLE_SIZE,
    DocumentPdf,
    heading,
    name_block,
    paragraph,
    row,
    verification_block,
)
from bot.exports.pdf_certificate import role_label
from bot.exports.pdf_documents import OverviewDocument, OverviewMeeting
from bot.i18n import format_date, format_hours, hours_text, t_plain

NAME_SIZE = 16.0
NAME_MIN_SIZE = 11.0
TABLE_SIZE = SMALL_SIZE + 1
TABLE_ROW = 6.0
# Date, group, hours and role; the certificate number takes the rest of the width.
FIXED_COLUMNS = (28.0, 22.0, 24.0, 34.0)
OVERVIEW_QR_SIZE = 26.0
# "01-01-2025 – 31-12-2025" is wider than the usual label column.
YEAR_LABEL_WIDTH = 58.0
# "01-01-2025 – 31-12-2025" is wider than the usual label column.


def overview_texts(doc: OverviewDocument) -> list[str]:
    """Every text in the overview that comes from people rather than the catalogue."""
    return [
        doc.holder_name,
        doc.registration_number or "",
        doc.registration_label,
        doc.issuer_name,
        doc.verification_code,
        doc.verification_url,
        *(m.certificate_number for m in doc.meetings),
    ]


def _headings(doc: OverviewDocument) -> list[str]:
    lang = doc.lang
    return [
        t_plain(lang, "pdf.label.date"),
        t_plain(lang, "pdf.label.group_short"),
        t_plain(lang, "pdf.label.hours"),
        t_plain(lang, "pdf.label.role"),
        t_plain(lang, "pdf.label.number"),
    ]


def _widths(pdf: DocumentPdf) -> tuple[float, ...]:
    return (*FIXED_COLUMNS, pdf.epw - sum(FIXED_COLUMNS))


def _table_header(pdf: DocumentPdf, doc: OverviewDocument) -> None:
    pdf.set_font(FONT, "B", TABLE_SIZE)
    for width, text in zip(_widths(pdf), _headings(doc), strict=True):
        pdf.cell(width, TABLE_ROW, text, border="B")
    pdf.ln(TABLE_ROW)


def _table_row(pdf: DocumentPdf, doc: OverviewDocument, meeting: OverviewMeeting) -> None:
    values = [
        format_date(meeting.meeting_date),
        str(meeting.group_number),
        format_hours(meeting.net_minutes, doc.lang),
        role_label(doc.lang, meeting.role),
        meeting.certificate_number,
    ]
    with pdf.tag("P"):
        pdf.set_font(FONT, "", TABLE_SIZE)
        for width, value in zip(_widths(pdf), values, strict=True):
            pdf.cell(width, TABLE_ROW, value)
        pdf.ln(TABLE_ROW)


def _summary(pdf: DocumentPdf, doc: OverviewDocument) -> None:
    lang = doc.lang
    if doc.registration_number:
        label = doc.registration_label or t_plain(lang, "pdf.label.registration")
        row(pdf, label, doc.registration_number)
    period = f"{format_date(doc.period_start)} – {format_date(doc.period_end_inclusive)}"
    row(pdf, t_plain(lang, "pdf.label.period"), period)
    total = t_plain(
        lang,
        "pdf.overview.total",
        total_text=hours_text(lang, doc.total_minutes),
        counted_text=hours_text(lang, doc.counted_minutes),
        required_text=hours_text(lang, doc.required_minutes),
    )
    row(pdf, t_plain(lang, "pdf.label.total"), total)
    row(pdf, t_plain(lang, "pdf.label.issued"), format_date(doc.created_at))


def _years(pdf: DocumentPdf, doc: OverviewDocument) -> None:
    lang = doc.lang
    heading(pdf, t_plain(lang, "pdf.overview.years"), level=2)
    pdf.ln(1)
    for year in doc.years:
        label = f"{format_date(year.start)} – {format_date(year.end_inclusive)}"
        text = t_plain(
            lang,
            f"pdf.overview.year.{year.signal}",
            hours_text=hours_text(lang, year.minutes),
            counted_text=hours_text(lang, year.counted_minutes),
        )
        row(pdf, label, text, label_width=YEAR_LABEL_WIDTH)


def _meetings(pdf: DocumentPdf, doc: OverviewDocument) -> None:
    lang = doc.lang
    # The heading, the column headings and a first row stay together.
    if pdf.get_y() + 8 + 2 * TABLE_ROW > pdf.page_break_trigger:
        pdf.add_page()
    heading(pdf, t_plain(lang, "pdf.overview.meetings"), level=2)
    pdf.ln(1)
    if not doc.meetings:
        paragraph(pdf, t_plain(lang, "pdf.overview.none"), size=TABLE_SIZE)
        return
    with pdf.tag("P"):
        _table_header(pdf, doc)
    for meeting in doc.meetings:
        if pdf.get_y() + TABLE_ROW > pdf.page_break_trigger:
            pdf.add_page()
            # Repeated for the eye; a screen reader already heard them once.
            with pdf.artifact():
                _table_header(pdf, doc)
        _table_row(pdf, doc, meeting)


def draw_overview(pdf: DocumentPdf, doc: OverviewDocument) -> None:
    """Add the overview's pages to `pdf` (which carries the running header and page numbers)."""
    lang = doc.lang
    pdf.add_page()
    if doc.issuer_name:
        paragraph(pdf, doc.issuer_name, size=BODY_SIZE, style="B", color=ACCENT)
        pdf.ln(1.5)
    heading(pdf, t_plain(lang, "pdf.overview.title"), level=1, size=TITLE_SIZE)
    pdf.ln(2)
    name_block(pdf, doc.holder_name, size=NAME_SIZE, low=NAME_MIN_SIZE)
    pdf.ln(2)
    _summary(pdf, doc)
    if doc.verification_url:
        pdf.ln(4)
        heading(pdf, t_plain(lang, "document.verify.heading"), level=2)
        pdf.ln(1)
        verification_block(
            pdf,
            rows=[(t_plain(lang, "pdf.label.code"), doc.verification_code)],
            url=doc.verification_url,
            qr_size=OVERVIEW_QR_SIZE,
        )
    pdf.ln(4)
    _years(pdf, doc)
    pdf.ln(4)
    _meetings(pdf, doc)
