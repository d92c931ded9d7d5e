"""Typed numbers and names: ASCII digits only, bounded length, no invisible names (issue 17)."""

from __future__ import annotations

import pytest

from bot.errors import InvalidInput
from bot.i18n import t_plain
from bot.parsing import clean_text, parse_name, parse_number


@pytest.mark.parametrize(
    ("text", "expected"), [("1001", 1001), (" 42 ", 42), ("0", 0), ("0001001", 1001)]
)
def test_plain_digits_are_numbers(text: str, expected: int) -> None:
    assert parse_number(text, max_digits=9) == expected


@pytest.mark.parametrize(
    "text",
    [
        "¹⁰⁰¹",  # superscript: int() raises on it
        "١٠٠١",  # Arabic-Indic: int() reads it as 1001
        "１００１",  # full-width: int() reads it as 1001
        "10٠1",
        "Ⅻ",  # a Roman numeral
        "½",
    ],
)
def test_digits_of_other_scripts_are_refused_with_their_own_message(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_number(text, max_digits=9)
    assert caught.value.key == "input.number_not_ascii"
    assert "0" in t_plain("nl", caught.value.key, **caught.value.params)


@pytest.mark.parametrize("text", ["12a", "-5", "+5", "1 001", "1.001", "#1001", "0x10"])
def test_other_text_is_not_a_number(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_number(text, max_digits=9)
    assert caught.value.key == "input.number_invalid"


@pytest.mark.parametrize("text", ["", "   ", None])
def test_a_missing_number(text: str | None) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_number(text, max_digits=9)
    assert caught.value.key == "input.number_missing"


def test_too_many_digits_are_refused_before_they_reach_the_database() -> None:
    assert parse_number("999999999", max_digits=9) == 999_999_999
    for text in ("1000000000", "99999999999999999999"):
        with pytest.raises(InvalidInput) as caught:
            parse_number(text, max_digits=9)
        assert caught.value.key == "input.number_too_long"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  Intervisie   Utrecht ", "Intervisie Utrecht"),
        ("Inter\u200bvisie", "Intervisie"),
        ("\ufeffGroep\u2060 Noord\u00ad", "Groep Noord"),
        ("Groep\u202e Zuid\u202c", "Groep Zuid"),  # right-to-left override
        ("Groep\x00\x07 Oost", "Groep Oost"),
        ("Groep\nWest\tA", "Groep West A"),
        ("Zoe\u0308", "Zoë"),  # NFC
        ("Zorg \U0001f469\u200d\u2695\ufe0f", "Zorg \U0001f469\u200d\u2695\ufe0f"),
        ("\u200dZorg\u200d", "Zorg"),
    ],
)
def test_text_is_cleaned_of_what_cannot_be_seen(text: str, expected: str) -> None:
    assert clean_text(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "\u200b\u200b\u200b",
        "\u200d\u200c\u2060\ufeff",
        " \u00a0\u3000 ",
        "\u3164\u3164",  # Hangul filler
        "\u2800",  # blank Braille pattern
        "\u0301\u0308",  # combining marks alone
        "",
        None,
    ],
)
def test_a_name_with_nothing_visible_is_refused(text: str | None) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_name(text, max_length=80, field="name")
    assert caught.value.key == "input.name_empty"
    assert caught.value.field == "name"


def test_a_name_is_cleaned_and_bounded() -> None:
    assert parse_name(" Groep\u200b Noord ", max_length=80) == "Groep Noord"
    assert parse_name("!!", max_length=80) == "!!"
    with pytest.raises(InvalidInput) as caught:
        parse_name("x" * 81, max_length=80)
    assert caught.value.key == "input.too_long"
    assert caught.value.params == {"count": 80}
