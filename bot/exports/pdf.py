"""PDF exports (fpdf2): the deelnamebewijs and the recertification overview, as pure `data -> bytes`.

A Unicode TTF (DejaVu Sans by default, settings.pdf_font_path) is embedded so every Latin name prints
with its diacritics (Zoë, Şahin, Łukasiewicz). The creation date is the issue date, so the same data
gives the same bytes (tests compare them; an office can re-download an identical document).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from fpdf import FPDF
from fpdf.enums import TextEmphasis, XPos, YPos

from bot.i18n import Lang, format_date, format_hours, t_plain
from storage.models import Role

FONT = "IntervisieSans"
MARGIN = 20.0
TITLE_SIZE = 20.0
NAME_SIZE = 18.0
# Names shrink to this size before they wrap onto a second line.
NAME_MIN_SIZE = 11.0
BODY_SIZE = 11.0
SMALL_SIZE = 8.5
LABEL_WIDTH = 55.0
ROW_HEIGHT = 7.5


@dataclass(frozen=True, kw_only=True)
class CertificateDocument:
    """Everything a deelnamebewijs shows (a snapshot; times already in the local time zone)."""

    lang: Lang
    number: str
    holder_name: str
    registration_number: str | None
    group_number: int
    group_name: str
    meeting_date: date
    start_time: str
    end_time: str
    net_minutes: int
    role: Role | None
    contact_person_name: str
    issued_at: datetime
    issued_on: date
    verification_code: str
    verification_url: str


@dataclass(frozen=True, kw_only=True)
class OverviewMeeting:
    """One counted meeting in the recertification overview."""

    meeting_date: date
    group_number: int
    net_minutes: int
    role: Role | None
    certificate_number: str


@dataclass(frozen=True, kw_only=True)
class OverviewYear:
    """Totals of one period-year in the overview; `signal` is a YearSignal value."""

    start: date
    end_inclusive: date
    minutes: int
    counted_minutes: int
    signal: str


@dataclass(frozen=True, kw_only=True)
class OverviewDocument:
    """The recertification overview of one member for one certification period."""

    lang: Lang
    holder_name: str
    registration_number: str | None
    period_start: date
    period_end_inclusive: date
    meetings: tuple[OverviewMeeting, ...]
    years: tuple[OverviewYear, ...]
    total_minutes: int
    counted_minutes: int
    required_minutes: int
    created_at: datetime


class _Pdf(FPDF):
    """FPDF whose style "B" is the regular face when no bold face was configured."""

    has_bold = True

    def set_font(
        self, family: str | None = None, style: str | TextEmphasis = "", size: float = 0
    ) -> None:
        """Set the font; without a bold face, "B" is drawn with the regular one."""
        if not self.has_bold and isinstance(style, str):
            style = style.replace("B", "")
        super().set_font(family, style, size)


def _new_pdf(*, font_path: str, bold_font_path: str, created_at: datetime, title: str) -> FPDF:
    pdf = _Pdf(orientation="portrait", unit="mm", format="A4")
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(auto=True, margin=MARGIN)
    pdf.add_font(FONT, "", font_path)
    # Without a bold face configured the regular face stands in, so style "B" never fails. It is
    # not registered a second time: parsing and embedding the same TTF twice doubled the time per
    # PDF for an identical page (bench/README.md, certificates).
    if bold_font_path and bold_font_path != font_path:
        pdf.add_font(FONT, "B", bold_font_path)
    else:
        pdf.has_bold = False
    pdf.set_creation_date(created_at)
    pdf.set_title(title)
    pdf.set_creator("Intervisie")
    pdf.set_lang("nl")
    pdf.add_page()
    return pdf


def _role_label(lang: Lang, role: Role | None) -> str:
    return t_plain(lang, f"role.{role.value}") if role is not None else "—"


def _name_block(pdf: FPDF, name: str) -> None:
    """The holder's name: as large as fits on one line, else wrapped (never past the margin)."""
    width = pdf.epw
    size = NAME_SIZE
    pdf.set_font(FONT, "B", size)
    while size > NAME_MIN_SIZE and pdf.get_string_width(name) > width:
        size -= 0.5
        pdf.set_font(FONT, "B", size)
    # Word wrap; a single word longer than the line is still broken, so nothing crosses the margin.
    pdf.multi_cell(width, size * 0.5, name, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def _row(pdf: FPDF, label: str, value: str) -> None:
    pdf.set_font(FONT, "", BODY_SIZE)
    pdf.set_text_color(90, 90, 90)
    pdf.cell(LABEL_WIDTH, ROW_HEIGHT, label, new_x=XPos.RIGHT, new_y=YPos.TOP)
    pdf.set_text_color(0, 0, 0)
    pdf.multi_cell(
        pdf.epw - LABEL_WIDTH, ROW_HEIGHT, value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )


def render_certificate(
    doc: CertificateDocument, *, font_path: str, bold_font_path: str = ""
) -> bytes:
    """The deelnamebewijs: one A4 page with the holder, the meeting, the role and how to verify."""
    lang = doc.lang
    pdf = _new_pdf(
        font_path=font_path,
        bold_font_path=bold_font_path,
        created_at=doc.issued_at,
        title=f"{t_plain(lang, 'pdf.certificate.title')} {doc.number}",
    )
    pdf.set_font(FONT, "B", TITLE_SIZE)
    pdf.cell(
        pdf.epw, 12, t_plain(lang, "pdf.certificate.title"), new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.set_font(FONT, "", BODY_SIZE)
    pdf.cell(
        pdf.epw,
        7,
        t_plain(lang, "pdf.certificate.subtitle"),
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(6)
    pdf.set_draw_color(40, 80, 140)
    pdf.set_line_width(0.6)
    pdf.line(MARGIN, pdf.get_y(), MARGIN + pdf.epw, pdf.get_y())
    pdf.ln(8)

    pdf.set_font(FONT, "", BODY_SIZE)
    pdf.cell(
        pdf.epw, 7, t_plain(lang, "pdf.certificate.declares"), new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.ln(2)
    _name_block(pdf, doc.holder_name)
    pdf.ln(4)
    if doc.registration_number:
        _row(pdf, t_plain(lang, "pdf.label.registration"), doc.registration_number)
    _row(pdf, t_plain(lang, "pdf.label.group"), f"{doc.group_number} — {doc.group_name}")
    _row(pdf, t_plain(lang, "pdf.label.date"), format_date(doc.meeting_date))
    _row(pdf, t_plain(lang, "pdf.label.time"), f"{doc.start_time}–{doc.end_time}")
    _row(
        pdf,
        t_plain(lang, "pdf.label.hours"),
        t_plain(lang, "pdf.hours", hours=format_hours(doc.net_minutes, lang)),
    )
    _row(pdf, t_plain(lang, "pdf.label.role"), _role_label(lang, doc.role))
    _row(pdf, t_plain(lang, "pdf.label.contact"), doc.contact_person_name)
    _row(pdf, t_plain(lang, "pdf.label.issued"), format_date(doc.issued_on))
    _row(pdf, t_plain(lang, "pdf.label.number"), doc.number)

    pdf.ln(8)
    pdf.set_line_width(0.2)
    pdf.line(MARGIN, pdf.get_y(), MARGIN + pdf.epw, pdf.get_y())
    pdf.ln(4)
    pdf.set_font(FONT, "B", BODY_SIZE)
    pdf.cell(pdf.epw, 7, t_plain(lang, "pdf.verify.title"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    _row(pdf, t_plain(lang, "pdf.label.code"), doc.verification_code)
    pdf.set_font(FONT, "", BODY_SIZE)
    pdf.set_text_color(90, 90, 90)
    pdf.cell(
        pdf.epw, ROW_HEIGHT, t_plain(lang, "pdf.label.url"), new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.set_text_color(0, 0, 0)
    # On its own full-width line, a little smaller, so the URL stays whole for copying.
    pdf.set_font(FONT, "", BODY_SIZE - 1)
    pdf.multi_cell(
        pdf.epw,
        ROW_HEIGHT,
        doc.verification_url,
        align="L",
        link=doc.verification_url,
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    pdf.ln(2)
    pdf.set_font(FONT, "", SMALL_SIZE)
    pdf.multi_cell(
        pdf.epw,
        4.5,
        t_plain(lang, "pdf.certificate.footer"),
        align="L",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
    )
    return bytes(pdf.output())


def render_overview(doc: OverviewDocument, *, font_path: str, bold_font_path: str = "") -> bytes:
    """The recertification overview: every counted meeting of the period and totals per year."""
    lang = doc.lang
    pdf = _new_pdf(
        font_path=font_path,
        bold_font_path=bold_font_path,
        created_at=doc.created_at,
        title=t_plain(lang, "pdf.overview.title"),
    )
    pdf.set_font(FONT, "B", TITLE_SIZE)
    pdf.cell(pdf.epw, 12, t_plain(lang, "pdf.overview.title"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    _name_block(pdf, doc.holder_name)
    pdf.ln(2)
    if doc.registration_number:
        _row(pdf, t_plain(lang, "pdf.label.registration"), doc.registration_number)
    _row(
        pdf,
        t_plain(lang, "pdf.label.period"),
        f"{format_date(doc.period_start)} – {format_date(doc.period_end_inclusive)}",
    )
    _row(
        pdf,
        t_plain(lang, "pdf.label.total"),
        t_plain(
            lang,
            "pdf.overview.total",
            hours=format_hours(doc.total_minutes, lang),
            counted=format_hours(doc.counted_minutes, lang),
            required=format_hours(doc.required_minutes, lang),
        ),
    )
    _row(pdf, t_plain(lang, "pdf.label.issued"), format_date(doc.created_at))
    pdf.ln(4)

    pdf.set_font(FONT, "B", BODY_SIZE)
    pdf.cell(pdf.epw, 8, t_plain(lang, "pdf.overview.years"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    for year in doc.years:
        label = f"{format_date(year.start)} – {format_date(year.end_inclusive)}"
        text = t_plain(
            lang,
            f"pdf.overview.year.{year.signal}",
            hours=format_hours(year.minutes, lang),
            counted=format_hours(year.counted_minutes, lang),
        )
        _row(pdf, label, text)
    pdf.ln(4)

    pdf.set_font(FONT, "B", BODY_SIZE)
    pdf.cell(
        pdf.epw, 8, t_plain(lang, "pdf.overview.meetings"), new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    fixed = (28.0, 22.0, 22.0, 36.0)
    widths = (*fixed, pdf.epw - sum(fixed))
    headings = [
        t_plain(lang, "pdf.label.date"),
        t_plain(lang, "pdf.label.group_short"),
        t_plain(lang, "pdf.label.hours"),
        t_plain(lang, "pdf.label.role"),
        t_plain(lang, "pdf.label.number"),
    ]
    pdf.set_font(FONT, "B", SMALL_SIZE + 1)
    for width, heading in zip(widths, headings, strict=True):
        pdf.cell(width, 6, heading, border="B")
    pdf.ln(6)
    pdf.set_font(FONT, "", SMALL_SIZE + 1)
    if not doc.meetings:
        pdf.cell(
            pdf.epw, 6, t_plain(lang, "pdf.overview.none"), new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
    for meeting in doc.meetings:
        values = [
            format_date(meeting.meeting_date),
            str(meeting.group_number),
            format_hours(meeting.net_minutes, lang),
            _role_label(lang, meeting.role),
            meeting.certificate_number,
        ]
        for width, value in zip(widths, values, strict=True):
            pdf.cell(width, 6, value)
        pdf.ln(6)
    return bytes(pdf.output())
