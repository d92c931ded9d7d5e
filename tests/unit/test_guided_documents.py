"""The certificaat begeleide intervisie and the rapportage as documents: A4, Unicode names, every
optional line on one page for the certificate, a QR code that decodes to its verify URL, a long
report paged without a block split over two pages, and qpdf finding no fault."""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from pypdf import PdfReader

from bot.exports.pdf_completion import CompletionDocument, completion_filename, render_completion
from bot.exports.pdf_report import ReportDocument, render_report, report_filename
from bot.settings import find_bold_font, find_fallback_fonts, find_font

FONTS: dict[str, Any] = {
    "font_path": find_font(""),
    "bold_font_path": find_bold_font("", regular_configured=""),
    "fallback_font_paths": find_fallback_fonts(""),
}
CODE = "Zq3V9s-abcdefghijklmnopqrstuvwxyz01"
PT_PER_MM = 72 / 25.4

CERTIFICATE = CompletionDocument(
    lang="nl",
    number="IVB-2026-000042",
    holder_name="Zoë Şahin-Łukasiewicz",
    registration_number="LVV-4711",
    group_number=1002,
    group_name="Begeleide intervisie Gemeente Zeist",
    trajectory_name="Gemeente Zeist",
    client_name="Gemeente Zeist",
    supervisor_name="Marieke Dijkstra",
    supervisor_register_label="LVSC-registratienummer",
    supervisor_number="12345",
    meetings_attended=3,
    meetings_total=4,
    net_minutes=360,
    first_meeting=date(2026, 9, 15),
    last_meeting=date(2026, 10, 27),
    reflection_points=Decimal("2.00"),
    issued_at=datetime(2026, 10, 28, 11, 0, tzinfo=UTC),
    issued_on=date(2026, 10, 28),
    verification_code=CODE,
    verification_url=f"http://intervisie.test/verify/{CODE}",
)
FULL = replace(
    CERTIFICATE,
    holder_name=("Maximiliaan Alexander Constantijn Frederik Willem van der Sluijs-Abrahamsz " * 3)[
        :200
    ],
    group_name=("Begeleide intervisie voor vertrouwenspersonen in onderwijs en zorg, regio " * 2)[
        :120
    ],
    trajectory_name=("Stichting Samenwerkende Scholen en Zorginstellingen Noord-Holland " * 3)[
        :200
    ],
    client_name=("Gemeente Zeist, afdeling Maatschappelijke Ondersteuning en Jeugd " * 3)[:200],
    supervisor_name=("Marieke Johanna Dijkstra-van den Heuvel " * 5)[:200],
    issuer_name="Landelijke Vereniging van Vertrouwenspersonen",
    registration_label="Lidnummer LVV",
)
REPORT = ReportDocument(
    lang="nl",
    client_name="Gemeente Zeist",
    client_contact="Petra de Wit, p.dewit@zeist.example",
    group_number=1002,
    group_name="Begeleide intervisie Gemeente Zeist",
    supervisor_line="Marieke Dijkstra (LVSC-registratienummer 12345)",
    first_meeting=date(2026, 9, 15),
    last_meeting=date(2026, 10, 27),
    agreed_meetings=4,
    held_meetings=4,
    participants=5,
    average_attendance=85,
    aim="De groep leert zelfstandig intervisie te houden.",
    working_method="In de bijeenkomsten is geoefend met: Incidentmethode, Balintmethode.",
    outcome="De groep werkt nu zelf met de incidentmethode.",
    recommendations="Twee keer per jaar een opfrisbijeenkomst.",
    agreed_by=5,
    final_on=date(2026, 10, 30),
    created_at=datetime(2026, 10, 30, 9, 0, tzinfo=UTC),
)


def _reader(content: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(content))


def _text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in _reader(content).pages)


def _squeezed(text: str) -> str:
    return "".join(text.split())


def test_the_certificate_shows_what_it_proves_on_one_a4_page() -> None:
    content = render_completion(CERTIFICATE, **FONTS)
    reader = _reader(content)
    assert len(reader.pages) == 1
    width, height = (float(v) / PT_PER_MM for v in reader.pages[0].mediabox[2:])
    assert round(width) == 210 and round(height) == 297
    text = _text(content)
    for expected in (
        "Certificaat begeleide intervisie",
        "Zoë Şahin-Łukasiewicz",
        "1002 — Begeleide intervisie Gemeente Zeist",
        "Marieke Dijkstra (LVSC-registratienummer 12345)",
        "Bijgewoond 3 van 4 bijeenkomsten",
        "6 uur",
        "2 punten",
        "15-09-2026 – 27-10-2026",
        "IVB-2026-000042",
        f"Verificatiecode {CODE}",
    ):
        assert expected in text, expected
    assert (
        completion_filename(CERTIFICATE) == "certificaat-begeleide-intervisie-ivb-2026-000042.pdf"
    )


def test_every_optional_line_and_long_names_still_fit_one_page() -> None:
    content = render_completion(FULL, **FONTS)
    assert len(_reader(content).pages) == 1
    squeezed = _squeezed(_text(content))
    for expected in (FULL.holder_name, FULL.client_name, FULL.trajectory_name, FULL.issuer_name):
        assert _squeezed(expected) in squeezed


def test_english_and_without_points_or_register() -> None:
    doc = replace(
        CERTIFICATE,
        lang="en",
        reflection_points=None,
        supervisor_register_label="",
        supervisor_number="",
        net_minutes=60,
    )
    text = _text(render_completion(doc, **FONTS))
    assert "Certificate of guided intervisie" in text and "Attended 3 of 4 meetings" in text
    assert (
        "1 hour" in text
        and "Reflection points" not in text
        and "(" not in text.split("Supervisor")[1].splitlines()[0]
    )
    assert completion_filename(doc) == "certificate-guided-intervisie-ivb-2026-000042.pdf"


def test_the_qr_code_decodes_to_the_verify_url_and_the_bytes_are_stable() -> None:
    content = render_completion(CERTIFICATE, **FONTS)
    [embedded] = _reader(content).pages[0].images
    assert embedded.image is not None
    assert [r.text for r in zxingcpp.read_barcodes(embedded.image)] == [
        CERTIFICATE.verification_url
    ]
    assert render_completion(CERTIFICATE, **FONTS) == content


def test_the_report_shows_aggregates_only() -> None:
    content = render_report(REPORT, **FONTS)
    text = _text(content)
    for expected in (
        "Rapportage begeleide intervisie",
        "Opdrachtgever Gemeente Zeist",
        "Petra de Wit",
        "Marieke Dijkstra (LVSC-registratienummer 12345)",
        "Gehouden 4 van 4 afgesproken bijeenkomsten",
        "Gemiddelde aanwezigheid 85%",
        "Incidentmethode, Balintmethode",
        "5 van de 5 deelnemers",
    ):
        assert expected in text, expected
    assert report_filename(REPORT) == "rapportage-begeleide-intervisie-1002.pdf"


def test_a_long_report_is_paged_with_numbers_and_no_split_block() -> None:
    long_text = "\n".join(["Een alinea over de opbrengst voor de organisatie. " * 6] * 5)[:1500]
    doc = replace(
        REPORT,
        aim=long_text[:1000],
        working_method=long_text[:1000],
        outcome=long_text,
        recommendations=long_text,
    )
    reader = _reader(render_report(doc, **FONTS))
    assert len(reader.pages) >= 2
    for number, page in enumerate(reader.pages, start=1):
        assert f"pagina {number} van {len(reader.pages)}" in page.extract_text()


@pytest.mark.parametrize("kind", ["certificate", "report"])
def test_qpdf_finds_no_fault(kind: str, tmp_path: Path) -> None:
    qpdf = shutil.which("qpdf")
    if qpdf is None:
        pytest.skip("qpdf is not installed (.ci/run installs it)")
    content = (
        render_completion(FULL, **FONTS)
        if kind == "certificate"
        else render_report(REPORT, **FONTS)
    )
    path = tmp_path / "check.pdf"
    path.write_bytes(content)
    result = subprocess.run([qpdf, "--check", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
