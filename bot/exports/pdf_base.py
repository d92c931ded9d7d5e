"""The page machinery every PDF shares: fonts with fallbacks, metadata, tags for screen readers,
the running header and page numbers, and the blocks pages are built from.

Tagging: fpdf2 tags images (with alt text) and links itself, but has no public API for text. Each
heading and paragraph is therefore wrapped in marked content tied to a structure element (H1, H2,
P) through fpdf2's structure-tree builder, in drawing order, which is the reading order; page
furniture (running header, page numbers, rules, repeated table headers) is marked as an artifact so
a screen reader skips it. fpdf2 keeps its structure tree flat (every element a child of
/Document), so tables are read row by row as paragraphs, not as /Table cells.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

import segno
from fpdf import FPDF
from fpdf.enums import Align, TextEmphasis, XPos, YPos
from fpdf.prefs import ViewerPreferences

from bot.exports.pdf_fonts import PdfFonts, clean, collection_face, needed_fallbacks
from bot.i18n import Lang, t_plain

FONT = "IntervisieSans"
MARGIN = 20.0
TITLE_SIZE = 19.0
HEADING_SIZE = 11.5
BODY_SIZE = 10.0
SMALL_SIZE = 8.5
MIN_SIZE = 7.0
LABEL_WIDTH = 45.0
ROW_HEIGHT = 5.4
QR_SIZE = 30.0
GAP = 5.0
GREY = (85, 85, 85)
ACCENT = (40, 80, 140)
BLACK = (0, 0, 0)


class DocumentPdf(FPDF):
    """An A4 document in one language: fonts, metadata, tags, running header and page numbers."""

    def __init__(
        self,
        *,
        fonts: PdfFonts,
        lang: Lang,
        created_at: datetime,
        title: str,
        subject: str,
        author: str,
    ) -> None:
        """A document with the fonts registered and its properties set; no page yet."""
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.document_lang: Lang = lang
        self.font_files = fonts
        # The running header ("" = none) and whether pages carry "pagina X van Y".
        self.running_title = ""
        self.numbered = False
        self._fallback_families: dict[str, str] = {}
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN)
        self.add_font(FONT, "", fonts.regular)
        # Registering the same TTF again as bold would parse and embed it twice for nothing.
        self.has_bold = bool(fonts.bold) and fonts.bold != fonts.regular
        if self.has_bold:
            self.add_font(FONT, "B", fonts.bold)
            # The faces' character sets differ slightly: each stands in for the other's gaps.
            self.set_fallback_fonts([FONT], exact_match=False)
        self.set_creation_date(created_at)
        self.set_lang(lang)
        # Properties are stored as UTF-16 strings, not drawn: any character will do.
        self.set_title(clean(title, fonts=fonts))
        self.set_subject(clean(subject, fonts=fonts))
        self.set_author(clean(author, fonts=fonts))
        self.set_creator("Intervisie")
        self.set_producer("Intervisie")
        self.viewer_preferences = ViewerPreferences(display_doc_title=True)

    # -- fonts ------------------------------------------------------------------------------------

    def set_font(
        self, family: str | None = None, style: str | TextEmphasis = "", size: float = 0
    ) -> None:
        """Set the font; without a bold face, "B" is drawn with the regular one."""
        if not self.has_bold and isinstance(style, str):
            style = style.replace("B", "")
        super().set_font(family, style, size)

    def normalize_text(self, text: str) -> str:
        """Every text on its way to the page: cleaned, and the fallback fonts it needs registered.

        Raises UnprintableText for a character no font has, instead of fpdf2's silent drop.
        """
        text = clean(text, fonts=self.font_files)
        missing = [
            path
            for path in needed_fallbacks((text,), fonts=self.font_files)
            if path not in self._fallback_families
        ]
        if missing:
            for path in missing:
                family = f"Fallback{len(self._fallback_families)}"
                self.add_font(family, "", path, collection_font_number=collection_face(path))
                self._fallback_families[path] = family
            # The main family comes first, so a character missing from the bold face only is
            # still drawn from the regular one (fpdf2 tries fallbacks only when a glyph is missing).
            ordered = [
                self._fallback_families[p]
                for p in self.font_files.fallbacks
                if p in self._fallback_families
            ]
            self.set_fallback_fonts([FONT, *ordered], exact_match=False)
        return str(super().normalize_text(text))

    # -- tags ---------------------------------------------------------------------------------------

    @contextmanager
    def tag(self, struct_type: str) -> Iterator[None]:
        """Draw the content inside as one structure element (H1, H2, P), in reading order."""
        page = self.page
        mcid = self.struct_builder.next_mcid_for_page(page)
        self._add_marked_content(struct_type=f"/{struct_type}", mcid=mcid)
        self._out(f"/{struct_type} <</MCID {mcid}>> BDC")
        yield
        if self.page != page:
            raise RuntimeError("a tagged block crossed a page break")
        self._out("EMC")

    @contextmanager
    def artifact(self) -> Iterator[None]:
        """Draw the content inside as page furniture that screen readers skip."""
        self._out("/Artifact BMC")
        yield
        self._out("EMC")

    # -- running header and page numbers --------------------------------------------------------------

    def header(self) -> None:
        """The running header: document and holder, small, above the top margin."""
        if not self.running_title:
            return
        with self.artifact():
            self.set_xy(MARGIN, 8)
            self.set_text_color(*GREY)
            size = fit_size(self, self.running_title, width=self.epw, size=SMALL_SIZE)
            self.set_font(FONT, "", size or MIN_SIZE)
            self.multi_cell(
                self.epw, 3.5, self.running_title, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
            )
            self.set_text_color(*BLACK)
        self.set_xy(MARGIN, MARGIN)

    def footer(self) -> None:
        """'pagina X van Y' at the bottom right of every numbered page."""
        if not self.numbered:
            return
        with self.artifact():
            self.set_xy(MARGIN, self.h - 14)
            self.set_font(FONT, "", SMALL_SIZE)
            self.set_text_color(*GREY)
            text = t_plain(
                self.document_lang,
                "document.page",
                page=self.page_no(),
                pages=self.str_alias_nb_pages,
            )
            self.cell(self.epw, 5, text, align=Align.R)
            self.set_text_color(*BLACK)


# -- blocks ---------------------------------------------------------------------------------------------


def fit_size(
    pdf: FPDF, text: str, *, width: float, size: float, style: str = "", low: float = MIN_SIZE
) -> float | None:
    """The largest size from `size` down to `low` (half points) at which `text` fits on one line."""
    current = size
    while current >= low:
        pdf.set_font(FONT, style, current)
        if pdf.get_string_width(text) <= width:
            return current
        current -= 0.5
    return None


def heading(pdf: DocumentPdf, text: str, *, level: int, size: float = HEADING_SIZE) -> None:
    """A bold heading, tagged H1/H2 so screen readers can jump between sections."""
    with pdf.tag(f"H{level}"):
        pdf.set_font(FONT, "B", size)
        pdf.multi_cell(pdf.epw, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def paragraph(
    pdf: DocumentPdf,
    text: str,
    *,
    size: float = BODY_SIZE,
    style: str = "",
    color: tuple[int, int, int] = BLACK,
    line_height: float | None = None,
) -> None:
    """Running text over the full width, wrapped at word boundaries."""
    with pdf.tag("P"):
        pdf.set_font(FONT, style, size)
        pdf.set_text_color(*color)
        pdf.multi_cell(
            pdf.epw,
            line_height or size * 0.5,
            text,
            align="L",
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        pdf.set_text_color(*BLACK)


def name_block(pdf: DocumentPdf, name: str, *, size: float, low: float) -> None:
    """The holder's name in bold: as large as fits on one line, else wrapped at `low` (a single
    word longer than the line is still broken, so nothing crosses the margin)."""
    fitted = fit_size(pdf, name, width=pdf.epw, size=size, style="B", low=low) or low
    with pdf.tag("P"):
        pdf.set_font(FONT, "B", fitted)
        pdf.multi_cell(pdf.epw, fitted * 0.45, name, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)


def row(
    pdf: DocumentPdf,
    label: str,
    value: str,
    *,
    width: float | None = None,
    label_width: float = LABEL_WIDTH,
    size: float = BODY_SIZE,
    height: float = ROW_HEIGHT,
) -> None:
    """A grey label and its value; a long value wraps under itself, never into the label."""
    total = pdf.epw if width is None else width
    with pdf.tag("P"):
        pdf.set_x(MARGIN)
        pdf.set_font(FONT, "", size)
        pdf.set_text_color(*GREY)
        pdf.cell(label_width, height, label, new_x=XPos.RIGHT, new_y=YPos.TOP)
        pdf.set_text_color(*BLACK)
        pdf.multi_cell(
            total - label_width, height, value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )


def single_line_row(
    pdf: DocumentPdf, label: str, value: str, *, width: float, label_width: float = LABEL_WIDTH
) -> None:
    """A label and a value that must not wrap (a code): the value shrinks to fit instead."""
    size = fit_size(pdf, value, width=width - label_width, size=BODY_SIZE)
    if size is None:  # longer than any code the app makes: wrap rather than cross the margin
        row(pdf, label, value, width=width, label_width=label_width, size=MIN_SIZE)
        return
    with pdf.tag("P"):
        pdf.set_x(MARGIN)
        pdf.set_font(FONT, "", BODY_SIZE)
        pdf.set_text_color(*GREY)
        pdf.cell(label_width, ROW_HEIGHT, label, new_x=XPos.RIGHT, new_y=YPos.TOP)
        pdf.set_text_color(*BLACK)
        pdf.set_font(FONT, "", size)
        pdf.cell(
            width - label_width, ROW_HEIGHT, value, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )


def rule(pdf: DocumentPdf, *, weight: float, gap_before: float, gap_after: float) -> None:
    """A horizontal line across the text width (decoration: an artifact)."""
    pdf.ln(gap_before)
    with pdf.artifact():
        pdf.set_draw_color(*ACCENT)
        pdf.set_line_width(weight)
        pdf.line(MARGIN, pdf.get_y(), MARGIN + pdf.epw, pdf.get_y())
    pdf.ln(gap_after)


def url_lines(pdf: DocumentPdf, url: str, *, width: float) -> tuple[list[str], float]:
    """The URL in as few lines as fit, and the font size: whole on one line if it can be; else
    split before /verify/ so the code itself is never broken."""
    size = fit_size(pdf, url, width=width, size=BODY_SIZE - 1)
    if size is not None:
        return [url], size
    base, sep, code = url.partition("/verify/")
    lines = [base, f"/verify/{code}"] if sep else [url]
    sizes = [fit_size(pdf, line, width=width, size=BODY_SIZE - 1) for line in lines]
    return lines, min((s for s in sizes if s is not None), default=MIN_SIZE)


def qr_png(url: str) -> bytes:
    """The URL as a QR code (PNG, with the quiet zone the standard asks for)."""
    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=10, border=4)
    return buffer.getvalue()


def verification_block(
    pdf: DocumentPdf, *, rows: list[tuple[str, str]], url: str, qr_size: float = QR_SIZE
) -> None:
    """Rows (number, code) and the verify URL on the left, its QR code on the right."""
    lang = pdf.document_lang
    top = pdf.get_y()
    width = pdf.epw - qr_size - GAP
    for label, value in rows:
        single_line_row(pdf, label, value, width=width)
    with pdf.tag("P"):
        pdf.set_font(FONT, "", BODY_SIZE)
        pdf.set_text_color(*GREY)
        pdf.cell(
            width,
            ROW_HEIGHT,
            t_plain(lang, "document.verify.open"),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        pdf.set_text_color(*ACCENT)
        lines, size = url_lines(pdf, url, width=width)
        pdf.set_font(FONT, "", size)
        link_top = pdf.get_y()
        for line in lines:
            if pdf.get_string_width(line) <= width:
                pdf.cell(
                    width, ROW_HEIGHT - 1, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
                )
            else:  # only an absurdly long public URL gets here; its code line still fits
                pdf.multi_cell(
                    width, ROW_HEIGHT - 1, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
                )
        pdf.set_text_color(*BLACK)
    pdf.link(MARGIN, link_top, width, pdf.get_y() - link_top, url, alt_text=url)
    bottom = pdf.get_y()
    pdf.image(
        io.BytesIO(qr_png(url)),
        x=MARGIN + pdf.epw - qr_size,
        y=top,
        w=qr_size,
        h=qr_size,
        alt_text=t_plain(lang, "document.verify.qr", url=url),
    )
    pdf.set_xy(MARGIN, max(bottom, top + qr_size))
