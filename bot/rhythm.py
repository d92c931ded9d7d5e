"""Meeting rhythms (seed 003: "een vast stramien, bijvoorbeeld elke laatste vrijdagmiddag van de
maand"): every N weeks, the same ordinal weekday each month (every 2nd Tuesday), or the last
weekday of each month. Pure date arithmetic on local dates; the wall-clock time is added later,
so a series keeps its 14:00 on both sides of a DST change."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Final

from bot.errors import InvalidInput

# "Om de N weken": from every week to once a quarter.
MAX_WEEKS_APART: Final = 13
WEEKLY_PREFIX: Final = "weeks:"
MONTHLY_NTH: Final = "monthly:nth"
MONTHLY_LAST: Final = "monthly:last"
# The 5th weekday of a month does not exist in most months; that rhythm is refused.
MAX_ORDINAL: Final = 4


@dataclass(frozen=True)
class Rhythm:
    """A parsed rule: every `weeks` weeks, or monthly (`last` weekday or the first date's ordinal)."""

    weeks: int | None = None
    last: bool = False

    @property
    def code(self) -> str:
        """The stored form: "weeks:8", "monthly:nth" or "monthly:last"."""
        if self.weeks is not None:
            return f"{WEEKLY_PREFIX}{self.weeks}"
        return MONTHLY_LAST if self.last else MONTHLY_NTH


def parse_rhythm(code: str) -> Rhythm:
    """The rule of a stored or submitted code; anything else is a forged or garbled form."""
    if code == MONTHLY_NTH:
        return Rhythm()
    if code == MONTHLY_LAST:
        return Rhythm(last=True)
    if code.startswith(WEEKLY_PREFIX):
        raw = code[len(WEEKLY_PREFIX) :]
        if raw.isascii() and raw.isdigit() and 1 <= int(raw) <= MAX_WEEKS_APART:
            return Rhythm(weeks=int(raw))
    raise InvalidInput("error.bad_form")


def rhythm_codes() -> list[str]:
    """Every rule the series modal offers, in the order it shows them."""
    return [
        MONTHLY_LAST,
        MONTHLY_NTH,
        *(f"{WEEKLY_PREFIX}{n}" for n in range(1, MAX_WEEKS_APART + 1)),
    ]


def ordinal_of(day: date) -> int:
    """Which occurrence of its weekday in the month `day` is: 1 for the first Tuesday, etc."""
    return (day.day - 1) // 7 + 1


def is_last_of_month(day: date) -> bool:
    """True when no later day of the month falls on the same weekday."""
    return (day + timedelta(days=7)).month != day.month


def last_weekday(year: int, month: int, weekday: int) -> date:
    """The last day of the month that falls on `weekday` (0 = Monday)."""
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def nth_weekday(year: int, month: int, weekday: int, ordinal: int) -> date:
    """The `ordinal`-th (1-4) day of the month that falls on `weekday`."""
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (ordinal - 1))


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def check_first_date(first: date, rhythm: Rhythm) -> None:
    """Refuse a first date that does not fit the rule, naming the date that would."""
    if rhythm.weeks is not None:
        return
    if rhythm.last and not is_last_of_month(first):
        raise InvalidInput(
            "series.error.not_last",
            date=first.strftime("%d-%m-%Y"),
            suggestion=last_weekday(first.year, first.month, first.weekday()).strftime("%d-%m-%Y"),
        )
    if not rhythm.last and ordinal_of(first) > MAX_ORDINAL:
        raise InvalidInput("series.error.fifth_weekday", date=first.strftime("%d-%m-%Y"))


def series_dates(first: date, rhythm: Rhythm, *, count: int) -> list[date]:
    """The `count` local dates of a series starting on `first` (which must fit the rule)."""
    check_first_date(first, rhythm)
    if rhythm.weeks is not None:
        return [first + timedelta(weeks=rhythm.weeks * k) for k in range(count)]
    ordinal = ordinal_of(first)
    days = []
    for k in range(count):
        year, month = _add_months(first.year, first.month, k)
        if rhythm.last:
            days.append(last_weekday(year, month, first.weekday()))
        else:
            days.append(nth_weekday(year, month, first.weekday(), ordinal))
    return days
