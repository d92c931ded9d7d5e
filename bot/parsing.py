"""Typed numbers and names, checked before anything stores them: ASCII digits only for numbers,
names cleaned of invisible characters; every refusal is an InvalidInput with its own key."""

from __future__ import annotations

import re
import unicodedata

from bot.errors import InvalidInput

_ASCII_DIGITS = re.compile(r"[0-9]+", re.ASCII)
# How much of a refused value is quoted back in the message.
_QUOTE = 20

# Characters that show nothing but are not Unicode format or control characters: Hangul fillers
# and the blank Braille pattern are the usual ways to make a name that looks empty.
_INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_ZWJ = "\u200d"


def parse_number(text: str | None, *, max_digits: int) -> int:
    """A typed whole number (a group number, a count): ASCII digits 0-9 only, at most `max_digits`.

    Other scripts' digits (Arabic-Indic ١٢٣, full-width １２３, superscript ¹⁰⁰¹) are refused with
    a message of their own, not silently read as numbers: Python's int() accepts most of them,
    and a number the user did not see as one should not select a group. The length bound keeps
    the value within the database's integer columns.
    """
    raw = (text or "").strip()
    if not raw:
        raise InvalidInput("input.number_missing")
    given = raw[:_QUOTE]
    if _ASCII_DIGITS.fullmatch(raw) is None:
        if any(ch not in "0123456789" and unicodedata.numeric(ch, None) is not None for ch in raw):
            raise InvalidInput("input.number_not_ascii", given=given)
        raise InvalidInput("input.number_invalid", given=given)
    if len(raw.lstrip("0") or "0") > max_digits:
        raise InvalidInput("input.number_too_long", given=given)
    return int(raw)


def clean_text(text: str | None) -> str:
    """Text as a person means it: NFC, without control, format (zero-width, direction) or
    filler characters, every run of white space one space, no white space at the ends.

    A zero-width joiner between two visible characters stays: it holds emoji sequences
    together (👩‍⚕️). Tabs and line breaks become spaces.
    """
    source = unicodedata.normalize("NFC", text or "")
    kept: list[str] = []
    for index, ch in enumerate(source):
        category = unicodedata.category(ch)
        if ch in "\t\n\r\v\f\x85\u2028\u2029":
            kept.append(" ")
        elif ch == _ZWJ:
            after = source[index + 1] if index + 1 < len(source) else ""
            if kept and _visible(kept[-1]) and after and _visible(after):
                kept.append(ch)
        elif category in ("Cc", "Cf", "Cs", "Co", "Cn") or ch in _INVISIBLE:
            continue
        else:
            kept.append(ch)
    return " ".join("".join(kept).split())


def parse_name(text: str | None, *, max_length: int, field: str | None = None) -> str:
    """A name (a group's, a place): cleaned by clean_text, refused when nothing visible is left
    (only spaces, zero-width or combining characters) or when it is longer than `max_length`.

    `field` is passed on to the InvalidInput, for a modal's inline error.
    """
    name = clean_text(text)
    if not any(_visible(ch) and not unicodedata.category(ch).startswith("M") for ch in name):
        raise InvalidInput("input.name_empty", field=field)
    if len(name) > max_length:
        raise InvalidInput("input.too_long", field=field, count=max_length)
    return name


def _visible(ch: str) -> bool:
    category = unicodedata.category(ch)
    return not (ch.isspace() or category[0] in ("C", "Z") or ch in _INVISIBLE)


# Group numbers are allocated from 1001 upwards; nine digits stay far inside an INTEGER column.
GROUP_NUMBER_DIGITS = 9


def parse_group_number(text: str | None) -> int:
    """A typed group number ('1234', '#1234') in ASCII digits; anything else is refused clearly."""
    raw = (text or "").strip().lstrip("#")
    if not raw:
        raise InvalidInput("enroll.number_missing")
    try:
        return parse_number(raw, max_digits=GROUP_NUMBER_DIGITS)
    except InvalidInput as error:
        if error.key == "input.number_invalid":
            # Letters or signs: say what a group number looks like.
            raise InvalidInput("enroll.number_invalid", given=raw[:_QUOTE]) from None
        raise
