"""The PDFs an office accepts: the deelnamebewijs on one A4 page with issuer, bold headings and a
QR code that decodes to its verify URL; names in any script printed (or refused, naming the
character); /Lang, properties and tags for screen readers; an overview with headings and page
numbers on every page; the dossier; the same data giving the same bytes; qpdf finding no fault."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from fpdf import FPDF
from PIL import Image
from pypdf import PdfReader

from bot.exports.pdf import (
    MARGIN,
    CertificateDocument,
    OverviewDocument,
    OverviewMeeting,
    OverviewYear,
    PdfFonts,
    UnprintableText,
    check_printable,
    render_certificate,
    render_dossier,
    render_overview,
)
from bot.exports.pdf_documents import points_text
from bot.i18n import hours_text, t_plain
from bot.settings import find_bold_font, find_fallback_fonts, find_font
from storage.models import Role

FONT = find_font("")
BOLD = find_bold_font("", regular_configured="")
FALLBACKS = find_fallback_fonts("")
FONTS: dict[str, Any] = {
    "font_path": FONT,
    "bold_font_path": BOLD,
    "fallback_font_paths": FALLBACKS,
}
A4_WIDTH_MM = 210.0
A4_HEIGHT_MM = 297.0
PT_PER_MM = 72 / 25.4
CODE = "q3V9s-abcdefghijklmnopqrstuvwxyz012"

DOC = CertificateDocument(
    lang="nl",
    number="IV-2026-000123",
    holder_name="Zoë Şahin-Łukasiewicz",
    registration_number="LVV-4711",
    group_number=1001,
    group_name="Vertrouwenspersonen Noord",
    meeting_date=date(2026, 11, 20),
    start_time="09:00",
    end_time="11:30",
    net_minutes=150,
    role=Role.PRESENTER,
    contact_person_name="Anne de Vries",
    issued_at=datetime(2026, 11, 20, 14, 0, tzinfo=UTC),
    issued_on=date(2026, 11, 20),
    verification_code=CODE,
    verification_url=f"http://intervisie.test/verify/{CODE}",
)

# Every optional field present, each at the length the database allows (names 200, group 120).
FULL = replace(
    DOC,
    holder_name=("Maximiliaan Alexander Constantijn Frederik Willem van der Sluijs-Abrahamsz " * 3)[
        :200
    ],
    group_name=("Vertrouwenspersonen in het onderwijs en de zorg, regio Noord-Holland Noord " * 2)[
        :120
    ],
    contact_person_name=("Anne-Marie Josephine de Vries-van den Heuvel " * 5)[:200],
    issuer_name="Landelijke Vereniging van Vertrouwenspersonen",
    registration_label="Lidnummer LVV",
    register_label="BIG-nummer",
    register_number="19012345601",
    method_name="Incidentmethode",
    trajectory_name="Begeleide intervisie voor vertrouwenspersonen ongewenst gedrag",
    trajectory_meeting=3,
    trajectory_meetings=6,
    accreditation_register="Register Vertrouwenspersonen",
    activity_id="ACT-2026-99812",
    activity_points=2.5,
    registered_by_name=("Bram Jansen-de Groot " * 10)[:200],
    registered_on=date(2026, 11, 21),
)


def _nl(key: str, **params: Any) -> str:
    return t_plain("nl", key, **params)


def _reader(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


def _page_texts(content: bytes) -> list[str]:
    # pypdf reads a NUL before each glyph of the CID-keyed CJK font (its ToUnicode map is right:
    # poppler's pdftotext reads the plain characters), so NULs are dropped here.
    return [page.extract_text().replace("\x00", "") for page in _reader(content).pages]


def _text(content: bytes) -> str:
    return "\n".join(_page_texts(content))


def _squeezed(text: str) -> str:
    return "".join(text.split())


def _overview(meetings: int, *, lang: str = "nl") -> OverviewDocument:
    start = date(2025, 1, 6)
    return OverviewDocument(
        lang="en" if lang == "en" else "nl",
        holder_name="Daan van der Berg",
        registration_number="LVV-1234",
        registration_label="Lidnummer LVV",
        period_start=date(2025, 1, 1),
        period_end_inclusive=date(2028, 12, 31),
        meetings=tuple(
            OverviewMeeting(
                meeting_date=start + timedelta(days=14 * i),
                group_number=1001 + i % 3,
                net_minutes=120,
                role=list(Role)[i % 3],
                certificate_number=f"IV-2025-{i + 1:06d}",
            )
            for i in range(meetings)
        ),
        years=tuple(
            OverviewYear(
                start=date(2025 + i, 1, 1),
                end_inclusive=date(2025 + i, 12, 31),
                minutes=600,
                counted_minutes=480,
                signal="over",
            )
            for i in range(4)
        ),
        total_minutes=meetings * 120,
        counted_minutes=1920,
        required_minutes=1920,
        created_at=datetime(2026, 11, 20, tzinfo=UTC),
        verification_code="ov-" + CODE,
        verification_url=f"http://intervisie.test/verify/ov-{CODE}",
    )


# -- the deelnamebewijs -------------------------------------------------------------------------------


def test_everything_the_certificate_must_show() -> None:
    content = render_certificate(DOC, **FONTS)
    reader = _reader(content)
    assert len(reader.pages) == 1
    width, height = (float(v) / PT_PER_MM for v in reader.pages[0].mediabox[2:])
    assert round(width) == 210 and round(height) == 297  # A4
    text = _text(content)
    for expected in (
        _nl("pdf.certificate.title"),
        "Zoë Şahin-Łukasiewicz",
        # The generic label when the caller names none.
        f"{_nl('pdf.label.registration')} LVV-4711",
        "1001 — Vertrouwenspersonen Noord",
        "20-11-2026",
        "09:00–11:30",
        hours_text("nl", 150),
        _nl("role.presenter"),
        "Anne de Vries",
        _nl("document.issuer.registered", name="Anne de Vries", date="20-11-2026"),
        "IV-2026-000123",
        f"{_nl('pdf.label.code')} {CODE}",
        f"http://intervisie.test/verify/{CODE}",
    ):
        assert expected in text, expected
    # Both faces are embedded (subsets of the Unicode TTFs), not core fonts: headings are bold.
    assert content.count(b"/FontFile2") == 2
    assert b"DejaVuSansBold" in content


def test_every_optional_line_on_one_page_inside_the_margins() -> None:
    content = render_certificate(FULL, **FONTS)
    assert len(_reader(content).pages) == 1
    text = _text(content)
    squeezed = _squeezed(text)
    for expected in (
        "Landelijke Vereniging van Vertrouwenspersonen",
        _nl("document.issuer.heading"),
        "Lidnummer LVV LVV-4711",  # the caller's labels
        "BIG-nummer 19012345601",
        f"{_nl('document.label.method')} Incidentmethode",
        _nl(
            "document.trajectory.meeting",
            name=FULL.trajectory_name,
            meeting=3,
            meetings=6,
        ),
        f"{_nl('document.label.accreditation')} Register Vertrouwenspersonen",
        f"{_nl('document.label.activity')} ACT-2026-99812",
        f"{_nl('document.label.points')} {points_text('nl', 2.5)}",
        _nl("document.issuer.registered", name=FULL.registered_by_name, date="21-11-2026"),
        FULL.holder_name,
        FULL.group_name,
        FULL.contact_person_name,
        FULL.registered_by_name,
    ):
        assert _squeezed(expected) in squeezed, expected
    assert _nl("pdf.label.registration") not in text  # the caller's label replaces it
    lowest = min(y for _, _, y, _ in _fragments(content))
    assert lowest >= MARGIN - 1  # nothing runs into the bottom margin


def test_the_same_data_gives_the_same_bytes() -> None:
    assert render_certificate(FULL, **FONTS) == render_certificate(FULL, **FONTS)
    other = render_certificate(replace(DOC, number="IV-2026-000124"), **FONTS)
    assert other != render_certificate(DOC, **FONTS)
    overview = _overview(30)
    assert render_overview(overview, **FONTS) == render_overview(overview, **FONTS)
    assert render_dossier(overview, certificates=[DOC], **FONTS) == render_dossier(
        overview, certificates=[DOC], **FONTS
    )


def test_english_certificate_for_an_english_member() -> None:
    content = render_certificate(replace(FULL, lang="en", net_minutes=60), **FONTS)
    text = _text(content)
    squeezed = _squeezed(text)
    for expected in (
        t_plain("en", "pdf.certificate.title"),
        t_plain("en", "role.presenter"),
        f"{t_plain('en', 'pdf.label.hours')} {hours_text('en', 60)}",
        t_plain("en", "document.issuer.heading"),
        t_plain(
            "en", "document.trajectory.meeting", name=FULL.trajectory_name, meeting=3, meetings=6
        ),
        points_text("en", 2.5),
        t_plain(
            "en", "document.issuer.registered", name=FULL.registered_by_name, date="21-11-2026"
        ),
    ):
        assert _squeezed(expected) in squeezed, expected
    assert "1 hours" not in text  # the singular, chosen by the plural rules
    assert hours_text("en", 150) in _text(render_certificate(replace(DOC, lang="en"), **FONTS))


@pytest.mark.parametrize(
    "name",
    [
        "Daan van der Berg",
        "ingrid van 't Hof",
        "Ayşe Şahin",  # Turkish
        "Jan Łukasiewicz",  # Polish
        "张伟",  # Chinese
        "Zoë 🙂 de Vries",  # an emoji DejaVu lacks
        "Emma ❤️ Bakker",  # an emoji with a variation selector
    ],
)
def test_names_in_any_script_read_back_or_are_refused(name: str) -> None:
    doc = replace(DOC, holder_name=name)
    fonts = PdfFonts(regular=FONT, bold=BOLD, fallbacks=FALLBACKS)
    try:
        check_printable(name, fonts=fonts)
    except UnprintableText as refusal:  # no fallback font installed: the refusal names it
        with pytest.raises(UnprintableText) as raised:
            render_certificate(doc, **FONTS)
        assert raised.value.char == refusal.char and refusal.char in name
        return
    text = _text(render_certificate(doc, **FONTS))
    printed = name.replace("\ufe0f", "")  # a variation selector draws nothing
    assert _squeezed(printed) in _squeezed(text.replace("\ufe0f", ""))


def test_a_character_no_font_has_is_refused_by_name() -> None:
    with pytest.raises(UnprintableText) as raised:
        render_certificate(replace(DOC, holder_name="Anne \U0010fffd"), **FONTS)
    assert raised.value.key == "document.error.unprintable"
    assert raised.value.params["codepoint"] == "U+10FFFD"
    # Without fallback fonts, Chinese is refused too, naming its first character.
    with pytest.raises(UnprintableText) as chinese:
        render_certificate(replace(DOC, holder_name="张伟"), font_path=FONT, bold_font_path=BOLD)
    assert chinese.value.char == "张"
    message = t_plain("nl", chinese.value.key, **chinese.value.params)
    assert "张" in message and "U+5F20" in message


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_language_properties_and_tags(lang: str) -> None:
    doc = replace(FULL, lang="en" if lang == "en" else "nl")
    reader = _reader(render_certificate(doc, **FONTS))
    root: Any = reader.trailer["/Root"]
    assert root["/Lang"] == lang
    meta = reader.metadata
    assert meta is not None
    assert meta["/Author"] == "Landelijke Vereniging van Vertrouwenspersonen"
    assert meta["/Producer"] == "Intervisie"
    assert "IV-2026-000123" in meta["/Title"] and "IV-2026-000123" in meta["/Subject"]
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712 (a PDF boolean)
    # Tagged: marked, with headings, paragraphs and the QR code as a figure with alt text.
    assert root["/MarkInfo"]["/Marked"] == True  # noqa: E712
    document = root["/StructTreeRoot"]["/K"][0].get_object()
    kinds = [kid.get_object()["/S"] for kid in document["/K"]]
    assert kinds.index("/H1") < kinds.index("/H2") < kinds.index("/Figure")
    assert kinds.count("/P") >= 15
    [figure] = [kid.get_object() for kid in document["/K"] if kid.get_object()["/S"] == "/Figure"]
    assert doc.verification_url in figure["/Alt"]


# -- the QR code and the URL --------------------------------------------------------------------------


def _decoded(image: Image.Image) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(image)]


def test_the_qr_code_in_the_pdf_decodes_to_the_verify_url() -> None:
    reader = _reader(render_certificate(DOC, **FONTS))
    [embedded] = reader.pages[0].images
    assert embedded.image is not None
    assert _decoded(embedded.image) == [DOC.verification_url]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) absent")
def test_the_printed_page_scans_to_the_verify_url(tmp_path: Path) -> None:
    """The whole page rasterised as a printer would, then scanned: the QR code is readable."""
    path = tmp_path / "bewijs.pdf"
    path.write_bytes(render_certificate(FULL, **FONTS))
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", "-singlefile", str(path), str(tmp_path / "page")],
        check=True,
    )
    assert _decoded(Image.open(tmp_path / "page.png")) == [FULL.verification_url]


def test_a_long_url_never_breaks_inside_the_code() -> None:
    base = "https://intervisie.landelijke-vereniging-van-vertrouwenspersonen.example.nl/omgeving"
    doc = replace(DOC, verification_url=f"{base}/verify/{CODE}")
    lines = _text(render_certificate(doc, **FONTS)).splitlines()
    assert any(line.strip().endswith(f"/verify/{CODE}") for line in lines)
    # The usual length stays on one line, whole.
    assert DOC.verification_url in _text(render_certificate(DOC, **FONTS)).splitlines()


# -- layout -------------------------------------------------------------------------------------------


def _fragments(content: bytes, page: int = 0) -> list[tuple[str, float, float, float]]:
    """(text, x in mm, baseline y in mm from the bottom, size in pt) of each text fragment."""
    found: list[tuple[str, float, float, float]] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, size: float) -> None:
        if text.strip():
            found.append(
                (text, float(tm[4]) / PT_PER_MM, float(tm[5]) / PT_PER_MM, size * float(tm[0]))
            )

    _reader(content).pages[page].extract_text(visitor_text=visit)
    return found


@pytest.mark.parametrize(
    "name",
    [
        "Maximiliaan Alexander Constantijn Frederik Willem Johannes van der Sluijs-Abrahamsz "
        "tot Oud-Teylingen en Castricum-Śródmieściński",
        "Ł" * 120,
    ],
)
def test_a_120_character_name_stays_inside_the_page(name: str) -> None:
    name = name[:120]
    assert len(name) == 120
    content = render_certificate(replace(DOC, holder_name=name), **FONTS)
    assert len(_reader(content).pages) == 1
    assert _squeezed(name) in _squeezed(_text(content))
    measure = FPDF(unit="mm")
    measure.add_font("m", "B", BOLD or FONT)
    right = A4_WIDTH_MM - MARGIN + 0.5
    checked = 0
    for fragment, x, _, size in _fragments(content):
        if len(fragment.strip()) < 10 or fragment.strip() not in name:
            continue
        checked += len(_squeezed(fragment))
        measure.set_font("m", "B", size)
        assert x >= MARGIN - 0.5
        assert x + measure.get_string_width(fragment.rstrip()) <= right, fragment
    assert checked >= len(_squeezed(name))  # every character of the name was measured


# -- the overview and the dossier ---------------------------------------------------------------------


def test_overview_lists_meetings_years_and_signals() -> None:
    doc = replace(
        _overview(1),
        years=(
            OverviewYear(
                start=date(2025, 1, 1),
                end_inclusive=date(2025, 12, 31),
                minutes=120,
                counted_minutes=120,
                signal="under",
            ),
        ),
    )
    text = _text(render_overview(doc, **FONTS))
    assert _nl("pdf.overview.title") in text
    assert "IV-2025-000001" in text
    assert _nl("pdf.overview.year.under", hours_text=hours_text("nl", 120)) in text
    assert "01-01-2025 – 31-12-2028" in text
    assert "Lidnummer LVV LVV-1234" in text
    assert f"{_nl('pdf.label.code')} ov-{CODE}" in text


def test_a_90_meeting_overview_has_headings_name_and_page_numbers_on_every_page() -> None:
    content = render_overview(_overview(90), **FONTS)
    pages = _page_texts(content)
    assert len(pages) >= 3
    headings = " ".join(
        t_plain("nl", key)
        for key in (
            "pdf.label.date",
            "pdf.label.group_short",
            "pdf.label.hours",
            "pdf.label.role",
            "pdf.label.number",
        )
    )
    for index, text in enumerate(pages, start=1):
        assert headings in text, index
        assert "Daan van der Berg" in text, index
        assert _nl("document.page", page=index, pages=len(pages)) in text, index
    numbers = re.findall(r"IV-2025-\d{6}", "\n".join(pages))
    assert numbers == [f"IV-2025-{i:06d}" for i in range(1, 91)]  # each once, in order
    english = _page_texts(render_overview(_overview(90, lang="en"), **FONTS))
    last = t_plain("en", "document.page", page=len(english), pages=len(english))
    assert last in english[-1]
    assert _reader(render_overview(_overview(90, lang="en"), **FONTS)).trailer["/Root"][
        "/Lang"
    ] == ("en")


def test_the_dossier_is_the_overview_then_every_certificate() -> None:
    overview = _overview(3)
    certificates = [
        replace(DOC, number=f"IV-2025-{i:06d}", verification_url=f"http://x.test/verify/c{i}")
        for i in range(1, 4)
    ]
    overview_pages = len(_reader(render_overview(overview, **FONTS)).pages)
    content = render_dossier(overview, certificates=certificates, **FONTS)
    pages = _page_texts(content)
    assert len(pages) == overview_pages + len(certificates)
    assert _nl("pdf.overview.title") in pages[0]
    for page, certificate in zip(pages[overview_pages:], certificates, strict=True):
        assert _nl("pdf.certificate.title") in page
        assert f"{_nl('pdf.label.number')} {certificate.number}" in page
    for index, text in enumerate(pages, start=1):
        assert _nl("document.page", page=index, pages=len(pages)) in text
        assert f"{_nl('document.dossier.title')} · Daan van der Berg" in text


# -- structure --------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["certificate", "english", "overview", "dossier"])
def test_qpdf_finds_no_fault(kind: str, tmp_path: Path) -> None:
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.skip("qpdf is not installed (.ci/run installs it)")
    content = {
        "certificate": lambda: (
            render_certificate(replace(FULL, holder_name="张伟 🙂 Şahin"), **FONTS)
            if FALLBACKS
            else render_certificate(FULL, **FONTS)
        ),
        "english": lambda: render_certificate(replace(FULL, lang="en"), **FONTS),
        "overview": lambda: render_overview(_overview(90), **FONTS),
        "dossier": lambda: render_dossier(_overview(10), certificates=[DOC, FULL], **FONTS),
    }[kind]()
    path = tmp_path / "check.pdf"
    path.write_bytes(content)
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No syntax or stream encoding errors" in result.stdout
