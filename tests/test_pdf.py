"""The deelnamebewijs PDF: one A4 page, every name printed with its diacritics, long names kept
inside the margins, the same data giving the same bytes."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

import pytest
from fpdf import FPDF
from pypdf import PdfReader

from bot.exports.pdf import (
    MARGIN,
    CertificateDocument,
    OverviewDocument,
    OverviewMeeting,
    OverviewYear,
    render_certificate,
    render_overview,
)
from bot.settings import find_font
from storage.models import Role

FONT = find_font("")
A4_WIDTH_MM = 210.0
PT_PER_MM = 72 / 25.4

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
    verification_code="q3V9s-abcdefghijklmnopqrstuvwxyz012",
    verification_url="http://intervisie.test/verify/q3V9s-abcdefghijklmnopqrstuvwxyz012",
)


def _reader(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


def _text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in _reader(content).pages)


def test_everything_the_certificate_must_show() -> None:
    content = render_certificate(DOC, font_path=FONT)
    reader = _reader(content)
    assert len(reader.pages) == 1
    width, height = (float(v) / PT_PER_MM for v in reader.pages[0].mediabox[2:])
    assert round(width) == 210 and round(height) == 297  # A4
    text = _text(content)
    for expected in (
        "Deelnamebewijs",
        "Zoë Şahin-Łukasiewicz",
        "LVV-4711",
        "1001 — Vertrouwenspersonen Noord",
        "20-11-2026",
        "09:00–11:30",
        "2,5 uur",
        "Inbrenger",
        "Anne de Vries",
        "IV-2026-000123",
        "q3V9s-abcdefghijklmnopqrstuvwxyz012",
        "http://intervisie.test/verify/q3V9s-abcdefghijklmnopqrstuvwxyz012",
    ):
        assert expected in text, expected
    # The font is embedded (a subset of the Unicode TTF), not a core font.
    assert b"/FontFile2" in content


def test_the_same_data_gives_the_same_bytes() -> None:
    assert render_certificate(DOC, font_path=FONT) == render_certificate(DOC, font_path=FONT)
    other = render_certificate(replace(DOC, number="IV-2026-000124"), font_path=FONT)
    assert other != render_certificate(DOC, font_path=FONT)


def test_english_certificate_for_an_english_member() -> None:
    text = _text(render_certificate(replace(DOC, lang="en"), font_path=FONT))
    assert "Certificate of participation" in text
    assert "Presenter" in text
    assert "2.5 hours" in text


def _fragments(content: bytes) -> list[tuple[str, float, float]]:
    """(text, x in mm, font size in pt) of every text fragment drawn on the first page."""
    found: list[tuple[str, float, float]] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, size: float) -> None:
        if text.strip():
            found.append((text, float(tm[4]) / PT_PER_MM, size * float(tm[0])))

    _reader(content).pages[0].extract_text(visitor_text=visit)
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
    content = render_certificate(replace(DOC, holder_name=name), font_path=FONT)
    assert len(_reader(content).pages) == 1
    text = _text(content)
    assert "".join(name.split()) in "".join(text.split())
    measure = FPDF(unit="mm")
    measure.add_font("m", "", FONT)
    right = A4_WIDTH_MM - MARGIN + 0.5
    checked = 0
    for fragment, x, size in _fragments(content):
        if len(fragment.strip()) < 10 or fragment.strip() not in name:
            continue
        checked += len("".join(fragment.split()))
        measure.set_font("m", "", size)
        assert x >= MARGIN - 0.5
        assert x + measure.get_string_width(fragment.rstrip()) <= right, fragment
    assert checked >= len("".join(name.split()))  # every character of the name was measured


def test_overview_lists_meetings_years_and_signals() -> None:
    doc = OverviewDocument(
        lang="nl",
        holder_name="Daan van der Berg",
        registration_number=None,
        period_start=date(2025, 1, 1),
        period_end_inclusive=date(2028, 12, 31),
        meetings=(
            OverviewMeeting(
                meeting_date=date(2025, 3, 1),
                group_number=1001,
                net_minutes=120,
                role=Role.FACILITATOR,
                certificate_number="IV-2025-000001",
            ),
        ),
        years=(
            OverviewYear(
                start=date(2025, 1, 1),
                end_inclusive=date(2025, 12, 31),
                minutes=120,
                counted_minutes=120,
                signal="under",
            ),
        ),
        total_minutes=120,
        counted_minutes=120,
        required_minutes=32 * 60,
        created_at=datetime(2026, 11, 20, tzinfo=UTC),
    )
    content = render_overview(doc, font_path=FONT)
    text = _text(content)
    assert "Overzicht hercertificering" in text
    assert "IV-2025-000001" in text
    assert "minder dan het minimum per jaar" in text
    assert "01-01-2025 – 31-12-2028" in text
    assert content == render_overview(doc, font_path=FONT)
