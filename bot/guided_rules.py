"""The rules of a guided trajectory as pure functions (seed 002): 3 to 8 meetings, 4 to 8
participants, a certificate for those who attended enough of the meetings held, and the typed
values its forms take (a price, reflection points, the reader's link). No Slack, no database."""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from urllib.parse import urlparse

from bot import rules
from bot.errors import InvalidInput
from bot.parsing import clean_text

READER_URL_MAX = 500
REASON_MAX = 500


def check_agreed_meetings(count: int, *, field: str = "meetings") -> int:
    """The agreed number of meetings: "minimaal drie en maximaal acht bijeenkomsten"."""
    low, high = rules.GUIDED_TRAJECTORY_MIN_MEETINGS, rules.GUIDED_TRAJECTORY_MAX_MEETINGS
    if not low <= count <= high:
        raise InvalidInput("guided.error.meetings", field=field, low=low, count=high)
    return count


def check_participants(count: int, *, field: str = "max_members") -> int:
    """The group's size: "vier tot acht deelnemers" (the supervisor not counted)."""
    low, high = rules.GUIDED_GROUP_MIN_MEMBERS, rules.GUIDED_GROUP_MAX_MEMBERS
    if not low <= count <= high:
        raise InvalidInput("guided.error.participants", field=field, low=low, count=high)
    return count


def required_meetings(held: int, *, percent: int) -> int:
    """How many of the `held` meetings a participant must have attended: the share rounded up
    (75% of 4 is 3, of 6 is 5), at least one when anything was held."""
    if held <= 0:
        return 0
    return max(1, math.ceil(held * percent / 100))


def meets_threshold(attended: int, *, held: int, percent: int) -> bool:
    """True when `attended` of `held` meetings reaches the required share."""
    return held > 0 and attended >= required_meetings(held, percent=percent)


def attendance_percent(attended: int, *, held: int) -> int:
    """A share as a whole per cent, rounded down (so 74.9% never shows as 75%)."""
    return 0 if held <= 0 else (attended * 100) // held


def _decimal(text: str, *, field: str, key: str, high: Decimal) -> Decimal | None:
    raw = text.strip().replace("€", "").replace(" ", "")
    if not raw:
        return None
    if not raw.isascii() or raw.count(",") + raw.count(".") > 1:
        raise InvalidInput(key, field=field, given=text.strip()[:20])
    try:
        value = Decimal(raw.replace(",", "."))
    except InvalidOperation:
        raise InvalidInput(key, field=field, given=text.strip()[:20]) from None
    exponent = value.as_tuple().exponent
    # Cents at most: "3,333" is a typo, not a price.
    too_fine = not isinstance(exponent, int) or exponent < -2
    if not value.is_finite() or too_fine or not 0 <= value <= high:
        raise InvalidInput(key, field=field, given=text.strip()[:20])
    return value.quantize(Decimal("0.01"))


def parse_price(text: str, *, field: str = "price") -> Decimal | None:
    """A price per participant in euros ("350", "350,00", "€ 1.5"): None when left empty."""
    return _decimal(
        text, field=field, key="guided.error.price", high=rules.MAX_PRICE_PER_PARTICIPANT
    )


def parse_points(text: str, *, field: str = "points") -> Decimal | None:
    """Reflection points the supervisor awards ("4", "2,5"): None when left empty."""
    value = _decimal(text, field=field, key="guided.error.points", high=rules.MAX_REFLECTION_POINTS)
    return None if value == 0 else value


def check_reader_url(text: str, *, field: str = "reader") -> str:
    """The reader's (theory) link: empty, or a web address of at most READER_URL_MAX characters."""
    url = text.strip()
    if not url:
        return ""
    parsed = urlparse(url)
    if (
        parsed.scheme not in ("http", "https")
        or not parsed.netloc
        or len(url) > READER_URL_MAX
        or any(ch.isspace() for ch in url)
    ):
        raise InvalidInput("guided.error.reader", field=field)
    return url


def check_reason(text: str, *, field: str = "reason") -> str:
    """A required reason (declining a request, stopping a trajectory), cleaned, at most
    REASON_MAX characters: the people who read it should know where to turn next."""
    clean = clean_text(text)
    if not clean:
        raise InvalidInput("guided.error.reason_required", field=field)
    if len(clean) > REASON_MAX:
        raise InvalidInput("input.too_long", field=field, count=REASON_MAX)
    return clean
