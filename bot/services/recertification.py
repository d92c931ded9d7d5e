"""Recertification rules: the 4-year period, hours per period-year, the thin/heavy-year signals and
the role-rotation window. Pure functions (no database), so the rules are unit-tested on their own.

Decision (documented in the help text too): a member who has not set the start date of their
certification period is measured against the current calendar year and the three before it, i.e.
the period runs from 1 January (this year − 3) up to and including 31 December of this year.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from bot import rules
from storage.models import Role


class YearSignal(enum.StrEnum):
    """What the meter says about one period-year."""

    OK = "ok"
    # Fewer hours than the yearly minimum in a year that has begun ("evenredig verdeeld").
    UNDER = "under"
    # More than the yearly maximum: the hours above it may not count.
    OVER = "over"
    # A year of the period that has not started yet.
    FUTURE = "future"
    # A year that ended before the member joined: too few hours here is no warning, since they
    # may have had intervisie elsewhere.
    EARLIER = "earlier"


@dataclass(frozen=True, kw_only=True)
class PeriodYear:
    """One year of a certification period: [start, end)."""

    index: int
    start: date
    end: date


@dataclass(frozen=True, kw_only=True)
class Period:
    """A certification period of RECERTIFICATION_PERIOD_YEARS years: [start, end)."""

    start: date
    end: date
    years: tuple[PeriodYear, ...]
    # True when the member set a start date; False when the calendar-year default is used.
    personal: bool

    def contains(self, day: date) -> bool:
        """Whether `day` falls inside the period."""
        return self.start <= day < self.end

    def year_of(self, day: date) -> PeriodYear | None:
        """The period-year `day` falls in, if any."""
        for year in self.years:
            if year.start <= day < year.end:
                return year
        return None


@dataclass(frozen=True, kw_only=True)
class HoursEntry:
    """One counted meeting: its local date, net minutes and the role held."""

    day: date
    minutes: int
    role: Role | None


@dataclass(frozen=True, kw_only=True)
class YearTotal:
    """Hours in one period-year, what counts of them, and the signal."""

    year: PeriodYear
    minutes: int
    counted_minutes: int
    signal: YearSignal
    # Whether the year is over (a warning then names it, rather than saying "this year").
    ended: bool = False

    @property
    def excess_minutes(self) -> int:
        """Minutes above the yearly maximum, which may not count."""
        return self.minutes - self.counted_minutes


@dataclass(frozen=True, kw_only=True)
class Meter:
    """The recertification meter: totals per period-year and for the whole period."""

    period: Period
    years: tuple[YearTotal, ...]
    total_minutes: int
    counted_minutes: int
    required_minutes: int
    roles: frozenset[Role]

    @property
    def complete(self) -> bool:
        """Whether the counted hours reach the required 32."""
        return self.counted_minutes >= self.required_minutes


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one: the period-year starts 1 March
        return date(day.year + years, 3, 1)


def period_for(
    *, today: date, start: date | None, period_years: int = rules.RECERTIFICATION_PERIOD_YEARS
) -> Period:
    """The certification period containing `today`.

    With a start date, periods follow each other every four years from that date (before the start
    date, the first period is shown). Without one, it is this calendar year and the three before.
    """
    length = max(1, period_years)  # the association's period (default four years)
    if start is None:
        first = date(today.year - length + 1, 1, 1)
    else:
        first = start
        while _add_years(first, length) <= today:
            first = _add_years(first, length)
    years = tuple(
        PeriodYear(index=i, start=_add_years(first, i), end=_add_years(first, i + 1))
        for i in range(length)
    )
    return Period(start=first, end=years[-1].end, years=years, personal=start is not None)


def meter(
    *,
    period: Period,
    entries: Iterable[HoursEntry],
    today: date,
    min_hours_per_year: int,
    max_counted_hours_per_year: int,
    required_hours: int = rules.RECERTIFICATION_REQUIRED_HOURS,
    joined: date | None = None,
) -> Meter:
    """Hours per period-year against the yearly minimum/maximum and the required total; a year
    that ended before the member `joined` gets no warning for too few hours."""
    per_year = {year.index: 0 for year in period.years}
    roles: set[Role] = set()
    for entry in entries:
        year = period.year_of(entry.day)
        if year is None:
            continue
        per_year[year.index] += entry.minutes
        if entry.role is not None:
            roles.add(entry.role)
    cap = max_counted_hours_per_year * 60
    floor = min_hours_per_year * 60
    totals = []
    for year in period.years:
        minutes = per_year[year.index]
        counted = min(minutes, cap)
        if minutes > cap:
            signal = YearSignal.OVER
        elif year.start > today:
            signal = YearSignal.FUTURE
        elif joined is not None and year.end <= joined:
            signal = YearSignal.EARLIER
        elif minutes < floor:
            signal = YearSignal.UNDER
        else:
            signal = YearSignal.OK
        totals.append(
            YearTotal(
                year=year,
                minutes=minutes,
                counted_minutes=counted,
                signal=signal,
                ended=year.end <= today,
            )
        )
    return Meter(
        period=period,
        years=tuple(totals),
        total_minutes=sum(t.minutes for t in totals),
        counted_minutes=sum(t.counted_minutes for t in totals),
        required_minutes=required_hours * 60,
        roles=frozenset(roles),
    )


def rotation_window(*, today: date, months: int) -> tuple[date, date]:
    """The group's current role-rotation period [start, end): blocks of `months` months counted
    from January, so the default of 12 is the calendar year and 6 is a half year."""
    months = max(1, months)
    index = today.year * 12 + today.month - 1
    first = index - index % months
    last = first + months
    return date(first // 12, first % 12 + 1, 1), date(last // 12, last % 12 + 1, 1)
