"""Meeting rhythms (bot/rhythm.py): every N weeks, the same ordinal weekday each month, the last
weekday each month; first dates that do not fit the rule are refused with the date that would."""

from __future__ import annotations

from datetime import date

import pytest

from bot.errors import InvalidInput
from bot.rhythm import (
    Rhythm,
    is_last_of_month,
    last_weekday,
    nth_weekday,
    ordinal_of,
    parse_rhythm,
    rhythm_codes,
    series_dates,
)


def test_every_last_friday_of_the_month_six_times() -> None:
    days = series_dates(date(2026, 9, 25), Rhythm(last=True), count=6)
    assert days == [
        date(2026, 9, 25),
        date(2026, 10, 30),
        date(2026, 11, 27),
        date(2026, 12, 25),
        date(2027, 1, 29),
        date(2027, 2, 26),
    ]
    assert {d.weekday() for d in days} == {4}


def test_every_second_tuesday_across_a_year_end() -> None:
    days = series_dates(date(2026, 11, 10), Rhythm(), count=4)
    assert days == [date(2026, 11, 10), date(2026, 12, 8), date(2027, 1, 12), date(2027, 2, 9)]
    assert {ordinal_of(d) for d in days} == {2}


def test_every_eight_weeks() -> None:
    days = series_dates(date(2026, 9, 7), Rhythm(weeks=8), count=3)
    assert days == [date(2026, 9, 7), date(2026, 11, 2), date(2026, 12, 28)]


def test_a_first_date_that_is_not_the_last_weekday_is_refused_with_the_one_that_is() -> None:
    with pytest.raises(InvalidInput) as refused:
        series_dates(date(2026, 9, 18), Rhythm(last=True), count=3)
    assert refused.value.key == "series.error.not_last"
    assert refused.value.params == {"date": "18-09-2026", "suggestion": "25-09-2026"}


def test_a_fifth_weekday_cannot_repeat_monthly() -> None:
    with pytest.raises(InvalidInput) as refused:
        series_dates(date(2026, 10, 29), Rhythm(), count=2)
    assert refused.value.key == "series.error.fifth_weekday"
    # As "the last Thursday" it can.
    assert series_dates(date(2026, 10, 29), Rhythm(last=True), count=2)[1] == date(2026, 11, 26)


def test_leap_february_and_month_helpers() -> None:
    assert last_weekday(2028, 2, 1) == date(2028, 2, 29)  # a Tuesday in a leap year
    assert nth_weekday(2026, 3, 0, 1) == date(2026, 3, 2)
    assert is_last_of_month(date(2026, 9, 25)) and not is_last_of_month(date(2026, 9, 18))


def test_codes_round_trip_and_garbage_is_refused() -> None:
    for code in rhythm_codes():
        assert parse_rhythm(code).code == code
    for forged in ("weeks:0", "weeks:99", "weeks:٣", "monthly:first", "", "weeks:-1"):
        with pytest.raises(InvalidInput):
            parse_rhythm(forged)
