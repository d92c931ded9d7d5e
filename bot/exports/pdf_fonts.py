"""Fonts for the PDFs: the main face, its bold, and fallbacks for characters it lacks.

A character no font can print is never dropped silently: `check_printable` raises UnprintableText
naming it, so registration can refuse it before a certificate is owed, and the renderers raise the
same error rather than print a shortened name.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from fontTools.ttLib import TTCollection, TTFont

from bot.errors import InvalidInput

COLLECTION_SUFFIXES = (".ttc", ".otc")
# In a CJK collection (one file, one face per region) Chinese names print best with the
# Simplified Chinese face; the other faces share its character set.
PREFERRED_FACE_SUFFIX = " SC"


class UnprintableText(InvalidInput):
    """A text holds a character that no configured font can print."""

    def __init__(self, *, char: str) -> None:
        super().__init__("document.error.unprintable", char=char, codepoint=f"U+{ord(char):04X}")
        self.char = char


@dataclass(frozen=True, kw_only=True)
class PdfFonts:
    """The font files a PDF may use: regular, bold ("" = regular stands in) and fallbacks in order."""

    regular: str
    bold: str = ""
    fallbacks: tuple[str, ...] = ()


@lru_cache(maxsize=32)
def collection_face(path: str) -> int:
    """The face to use from a font file: the Simplified Chinese one in a CJK collection, else 0."""
    if not path.lower().endswith(COLLECTION_SUFFIXES):
        return 0
    collection = TTCollection(path, lazy=True)
    for index, face in enumerate(collection.fonts):
        family = str(face["name"].getDebugName(1) or "")
        if family.endswith(PREFERRED_FACE_SUFFIX):
            return index
    return 0


@lru_cache(maxsize=32)
def _cmap(path: str) -> frozenset[int]:
    """The code points a font file has glyphs for (read once per process: the CJK one is large)."""
    if path.lower().endswith(COLLECTION_SUFFIXES):
        font = TTFont(path, lazy=True, fontNumber=collection_face(path))
    else:
        font = TTFont(path, lazy=True)
    try:
        return frozenset(font.getBestCmap() or {})
    finally:
        font.close()


def _invisible(char: str) -> bool:
    """Format characters (joiners, direction marks) and variation selectors: they draw nothing."""
    code = ord(char)
    return (
        unicodedata.category(char) == "Cf" or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF
    )


def clean(text: str, *, fonts: PdfFonts) -> str:
    """The text as printed: composed (NFC), control characters as spaces, invisible characters
    that no font has dropped (they would print as a box)."""
    composed = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for char in composed:
        if unicodedata.category(char) in ("Cc", "Zl", "Zp"):
            out.append(" ")
        elif _invisible(char) and not _printable(ord(char), fonts):
            continue
        else:
            out.append(char)
    return "".join(out)


def _printable(code: int, fonts: PdfFonts) -> bool:
    return any(
        code in _cmap(path) for path in (fonts.regular, fonts.bold, *fonts.fallbacks) if path
    )


def needed_fallbacks(texts: Iterable[str], *, fonts: PdfFonts) -> tuple[str, ...]:
    """The fallback fonts these (cleaned) texts need, in configured order; raises UnprintableText
    for the first character that no font has."""
    main = _cmap(fonts.regular) | (_cmap(fonts.bold) if fonts.bold else frozenset())
    needed: set[str] = set()
    for text in texts:
        for char in text:
            code = ord(char)
            if code in main or char.isspace():
                continue
            path = next((p for p in fonts.fallbacks if code in _cmap(p)), None)
            if path is None:
                raise UnprintableText(char=char)
            needed.add(path)
    return tuple(path for path in fonts.fallbacks if path in needed)


def check_printable(*texts: str, fonts: PdfFonts) -> None:
    """Raise UnprintableText when any text holds a character no configured font can print."""
    needed_fallbacks((clean(text, fonts=fonts) for text in texts), fonts=fonts)
