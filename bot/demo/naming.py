"""Times and file names as the demo writes them: Amsterdam wall-clock times, dd-mm-jjjj uu:mm, and
file-name-safe forms of names."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime
from datetime import time as dtime
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def local_time(day: date, hour: int, minute: int = 0) -> datetime:
    """A wall-clock time in Amsterdam on `day`, as an aware UTC instant."""
    return datetime.combine(day, dtime(hour, minute), tzinfo=AMSTERDAM).astimezone(UTC)


_NOT_DECOMPOSED = str.maketrans(
    {"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "ß": "ss", "Æ": "AE", "æ": "ae"}
)


def slug(name: str) -> str:
    """A file-name-safe ASCII form of a name: "Zoë Şahin-Łukasiewicz" → "zoe-sahin-lukasiewicz"."""
    plain = unicodedata.normalize("NFKD", name.translate(_NOT_DECOMPOSED))
    ascii_name = plain.encode("ascii", "ignore").decode()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_name).lower().split())


def when_text(instant: datetime) -> str:
    """dd-mm-jjjj uu:mm in Amsterdam."""
    local = instant.astimezone(AMSTERDAM)
    return local.strftime("%d-%m-%Y %H:%M")
