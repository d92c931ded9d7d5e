"""Pure parts of the documents: file names per language, hours and points with plural forms,
font discovery, the printable check, and the /verify page's choice of language."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.exports.pdf import (
    CertificateDocument,
    OverviewDocument,
    PdfFonts,
    UnprintableText,
    certificate_filename,
    check_printable,
    dossier_filename,
    overview_filename,
)
from bot.exports.pdf_documents import hours_text, points_text
from bot.exports.pdf_fonts import clean, collection_face
from bot.i18n import CATALOGUE
from bot.i18n.documents import MESSAGES
from bot.settings import (
    DEFAULT_FALLBACK_FONT_CANDIDATES,
    SettingsError,
    find_bold_font,
    find_fallback_fonts,
    find_font,
)
from bot.verify_web import preferred_lang

FONT = find_font("")
NO_FALLBACKS = PdfFonts(regular=FONT)


def _certificate(lang: str) -> CertificateDocument:
    return CertificateDocument(
        lang="en" if lang == "en" else "nl",
        number="IV-2026-000123",
        holder_name="Zoë Şahin",
        registration_number=None,
        group_number=1001,
        group_name="Noord",
        meeting_date=date(2026, 11, 20),
        start_time="09:00",
        end_time="11:00",
        net_minutes=120,
        role=None,
        contact_person_name="Anne de Vries",
        issued_at=datetime(2026, 11, 20, tzinfo=UTC),
        issued_on=date(2026, 11, 20),
        verification_code="abc",
        verification_url="http://x.test/verify/abc",
    )


def _overview(lang: str) -> OverviewDocument:
    return OverviewDocument(
        lang="en" if lang == "en" else "nl",
        holder_name="Zoë Şahin",
        registration_number=None,
        period_start=date(2025, 1, 1),
        period_end_inclusive=date(2028, 12, 31),
        meetings=(),
        years=(),
        total_minutes=0,
        counted_minutes=0,
        required_minutes=1920,
        created_at=datetime(2026, 11, 20, tzinfo=UTC),
    )


def test_the_new_catalogue_is_part_of_the_merged_one() -> None:
    assert set(MESSAGES) <= set(CATALOGUE)


@pytest.mark.parametrize(
    ("lang", "certificate", "overview", "dossier"),
    [
        (
            "nl",
            "deelnamebewijs-iv-2026-000123.pdf",
            "overzicht-hercertificering-2025-2028.pdf",
            "dossier-hercertificering-2025-2028.pdf",
        ),
        (
            "en",
            "certificate-of-participation-iv-2026-000123.pdf",
            "recertification-overview-2025-2028.pdf",
            "recertification-file-2025-2028.pdf",
        ),
    ],
)
def test_file_names_follow_the_document_language(
    lang: str, certificate: str, overview: str, dossier: str
) -> None:
    assert certificate_filename(_certificate(lang)) == certificate
    assert overview_filename(_overview(lang)) == overview
    assert dossier_filename(_overview(lang)) == dossier


@pytest.mark.parametrize(
    ("lang", "minutes", "shown"),
    [
        ("nl", 60, "1 uur"),
        ("nl", 150, "2,5 uur"),
        ("en", 60, "1 hour"),
        ("en", 90, "1.5 hours"),
        ("en", 120, "2 hours"),
        ("en", 0, "0 hours"),
    ],
)
def test_hours_with_their_plural_form(lang: str, minutes: int, shown: str) -> None:
    assert hours_text("en" if lang == "en" else "nl", minutes) == shown


@pytest.mark.parametrize(
    ("lang", "points", "shown"),
    [
        ("nl", 1, "1 punt"),
        ("nl", 2.5, "2,5 punten"),
        ("nl", 2, "2 punten"),
        ("en", 1, "1 point"),
        ("en", 1.5, "1.5 points"),
    ],
)
def test_points_with_their_plural_form(lang: str, points: float, shown: str) -> None:
    assert points_text("en" if lang == "en" else "nl", points) == shown


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        ("", "nl"),
        ("nl-NL,nl;q=0.9,en-US;q=0.8,en;q=0.7", "nl"),
        ("en-GB,en;q=0.9,nl;q=0.8", "en"),
        ("en-US", "en"),
        ("de-DE,de;q=0.9,en;q=0.8", "en"),  # English is the better of the two we have
        ("fr-FR,fr;q=0.9", "nl"),
        ("nl;q=0.5,en;q=0.9", "en"),
        ("en;q=0,nl;q=0.1", "nl"),  # q=0 means "not English"
        ("en;q=abc,nl", "nl"),
        ("EN-gb", "en"),
    ],
)
def test_the_verify_page_speaks_what_the_browser_prefers(header: str, lang: str) -> None:
    assert preferred_lang(header) == lang


def test_clean_composes_and_drops_what_cannot_show() -> None:
    assert clean("Zoe\u0308", fonts=NO_FALLBACKS) == "Zoë"  # decomposed (macOS) → composed
    assert clean("Anne\nde\tVries", fonts=NO_FALLBACKS) == "Anne de Vries"
    # Direction isolates draw nothing and DejaVu has no glyph for them: dropped, not a box.
    assert clean("\u2067Anne\u2069", fonts=NO_FALLBACKS) == "Anne"
    # A zero-width joiner the font has stays (it keeps an emoji sequence together when copied).
    assert clean("👩\u200d⚕", fonts=NO_FALLBACKS) == "👩\u200d⚕"


def test_check_printable_names_the_first_character_no_font_has() -> None:
    check_printable("Zoë Şahin-Łukasiewicz", "Ayşe", fonts=NO_FALLBACKS)
    with pytest.raises(UnprintableText) as raised:
        check_printable("Daan", "Wei 张伟", fonts=NO_FALLBACKS)
    assert raised.value.char == "张"
    assert raised.value.params == {"char": "张", "codepoint": "U+5F20"}


def test_bold_font_beside_dejavu_unless_a_custom_font_is_configured(tmp_path: Path) -> None:
    custom = tmp_path / "Custom.ttf"
    custom.write_bytes(b"")
    bold = tmp_path / "Custom-Bold.ttf"
    bold.write_bytes(b"")
    assert find_bold_font(str(bold), regular_configured=str(custom)) == str(bold)
    assert find_bold_font("", regular_configured=str(custom)) == ""
    found = find_bold_font("", regular_configured="")
    assert found == "" or found.endswith("DejaVuSans-Bold.ttf")
    with pytest.raises(SettingsError, match="INTERVISIE_PDF_FONT_BOLD"):
        find_bold_font(str(tmp_path / "missing.ttf"), regular_configured="")


def test_fallback_fonts_configured_discovered_or_off(tmp_path: Path) -> None:
    first, second = tmp_path / "a.ttf", tmp_path / "b.ttc"
    first.write_bytes(b"")
    second.write_bytes(b"")
    assert find_fallback_fonts(f"{first}:{second}") == (str(first), str(second))
    assert find_fallback_fonts("none") == ()
    with pytest.raises(SettingsError, match="INTERVISIE_PDF_FALLBACK_FONTS"):
        find_fallback_fonts(str(tmp_path / "missing.ttf"))
    discovered = find_fallback_fonts("")
    # At most one file per family, in the configured order.
    families = [
        next(i for i, family in enumerate(DEFAULT_FALLBACK_FONT_CANDIDATES) if path in family)
        for path in discovered
    ]
    assert families == sorted(set(families))


def test_a_cjk_collection_prints_with_its_simplified_chinese_face() -> None:
    collection = next(
        (p for p in find_fallback_fonts("") if p.lower().endswith(".ttc")),
        None,
    )
    if collection is None:
        pytest.skip("no CJK font collection installed (Debian: fonts-noto-cjk)")
    from fontTools.ttLib import TTCollection

    face = collection_face(collection)
    name = TTCollection(collection, lazy=True).fonts[face]["name"].getDebugName(1)
    assert str(name).endswith(" SC")
    assert collection_face(FONT) == 0
