"""Reading setting values: whole numbers and decimals within bounds, URLs, the SQLite path, the
rate limits, and finding the PDF fonts on this system. Each problem is a SettingsError that names
the environment variable."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlparse

from sqlalchemy import make_url
from sqlalchemy.exc import ArgumentError

from bot.ratelimit import DEFAULT_RATE_LIMITS, RateLimit

# Where Debian/Ubuntu (fonts-dejavu-core) and most other distributions put DejaVu Sans.
DEFAULT_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/local/share/fonts/DejaVuSans.ttf",
    "/Library/Fonts/DejaVuSans.ttf",
)
# Headings and the holder's name are bold: DejaVu Sans Bold beside the regular face.
DEFAULT_BOLD_FONT_CANDIDATES = tuple(
    path.replace("DejaVuSans.ttf", "DejaVuSans-Bold.ttf") for path in DEFAULT_FONT_CANDIDATES
)
# Fallbacks for characters DejaVu Sans lacks (most emoji, Chinese, Japanese, Korean), one family
# each, in the order PDFs try them; paths of Debian/Ubuntu (fonts-noto-core, fonts-noto-cjk,
# fonts-noto-color-emoji), Fedora (google-noto-*) and Arch (noto-fonts*).
DEFAULT_FALLBACK_FONT_CANDIDATES: tuple[tuple[str, ...], ...] = (
    (
        "/usr/share/fonts/truetype/noto/NotoSansSymbols2-Regular.ttf",
        "/usr/share/fonts/google-noto/NotoSansSymbols2-Regular.ttf",
        "/usr/share/fonts/noto/NotoSansSymbols2-Regular.ttf",
    ),
    (
        "/usr/share/fonts/truetype/noto/NotoSansSymbols-Regular.ttf",
        "/usr/share/fonts/google-noto/NotoSansSymbols-Regular.ttf",
        "/usr/share/fonts/noto/NotoSansSymbols-Regular.ttf",
    ),
    (
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    ),
    (
        "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
        "/usr/share/fonts/google-noto-color-emoji/NotoColorEmoji.ttf",
        "/usr/share/fonts/noto/NotoColorEmoji.ttf",
    ),
)


class SettingsError(Exception):
    """A setting is missing or malformed; the message names the environment variable."""


def _int(env: Mapping[str, str], name: str, default: int, *, low: int, high: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None
    if not low <= value <= high:
        raise SettingsError(f"{name} must be between {low} and {high}, got {value}")
    return value


def _float(env: Mapping[str, str], name: str, default: float, *, low: float, high: float) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number, got {raw!r}") from None
    if not low <= value <= high:
        raise SettingsError(f"{name} must be between {low:g} and {high:g}, got {value:g}")
    return value


def _rate_limits(env: Mapping[str, str]) -> tuple[RateLimit, ...]:
    # INTERVISIE_SLACK_RATE_LIMITS="chat.postMessage=5/20 chat.update=2/10" (per second / burst).
    name = "INTERVISIE_SLACK_RATE_LIMITS"
    raw = env.get(name, "").strip()
    if not raw:
        return DEFAULT_RATE_LIMITS
    limits = []
    for item in re.split(r"[\s,;]+", raw):
        match = re.fullmatch(r"([a-z][A-Za-z.]+)=(\d+(?:\.\d+)?)/(\d+)", item)
        if match is None or float(match.group(2)) <= 0 or int(match.group(3)) < 1:
            raise SettingsError(f"{name} must list method=per_second/burst, got {item!r}")
        limits.append((match.group(1), float(match.group(2)), int(match.group(3))))
    return tuple(limits)


def _url(name: str, value: str, *, schemes: tuple[str, ...] = ("http", "https")) -> str:
    parsed = urlparse(value)
    if parsed.scheme not in schemes or not parsed.netloc:
        raise SettingsError(f"{name} must be an absolute {'/'.join(schemes)} URL, got {value!r}")
    return value


def _check_sqlite_url(url: str) -> None:
    # sqlite:// and sqlite:/// name an in-memory database, and every connection (NullPool) gets a
    # new empty one: the app would start "healthy" without any tables. A file is required.
    try:
        database = make_url(url).database
    except ArgumentError:
        raise SettingsError(f"DATABASE_URL is not a valid URL: {url!r}") from None
    if not database or database == ":memory:" or database.startswith("file::memory:"):
        raise SettingsError(
            "DATABASE_URL names no SQLite file: use sqlite:///intervisie.db (a file next to the "
            "app) or sqlite:////absolute/path/intervisie.db"
        )


def find_font(configured: str, *, setting: str = "INTERVISIE_PDF_FONT") -> str:
    """The TTF used in PDFs: the configured path, else DejaVu Sans from the system."""
    if configured:
        if not Path(configured).is_file():
            raise SettingsError(f"{setting} points to {configured!r}, which is not a file")
        return configured
    for candidate in DEFAULT_FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    raise SettingsError(
        f"No Unicode TTF font found for certificates: install DejaVu Sans (Debian: fonts-dejavu-core)"
        f" or set {setting} to a .ttf file"
    )


def find_bold_font(
    configured: str, *, regular_configured: str, setting: str = "INTERVISIE_PDF_FONT_BOLD"
) -> str:
    """The bold TTF: the configured path, else DejaVu Sans Bold beside the default DejaVu Sans.

    Empty when a custom regular font is configured without a bold one (no bold face is guessed for
    it; the regular face then stands in) or when DejaVu Sans Bold is not installed.
    """
    if configured:
        return find_font(configured, setting=setting)
    if regular_configured:
        return ""
    return next((c for c in DEFAULT_BOLD_FONT_CANDIDATES if Path(c).is_file()), "")


def find_fallback_fonts(
    configured: str, *, setting: str = "INTERVISIE_PDF_FALLBACK_FONTS"
) -> tuple[str, ...]:
    """Fallback fonts for characters the main font lacks: the configured list, else Noto from the system.

    The setting lists paths separated by the OS path separator (":" on Linux); "none" turns
    fallbacks off, so a name with such a character is refused at registration instead.
    """
    if configured.strip().lower() == "none":
        return ()
    paths = [p.strip() for p in configured.split(os.pathsep) if p.strip()]
    if paths:
        return tuple(find_font(path, setting=setting) for path in paths)
    found = (
        next((c for c in family if Path(c).is_file()), None)
        for family in DEFAULT_FALLBACK_FONT_CANDIDATES
    )
    return tuple(path for path in found if path is not None)
