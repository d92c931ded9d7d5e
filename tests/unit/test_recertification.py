"""Recertification rules: the 4-year period, hours per period-year, the under-8 and over-16
signals, the 32-hour total, and the role-rotation window."""

from __future__ import annotations

from datetime import date

from bot.i18n import CATALOGUE
from bot.services.recertification import (
    HoursEntry,
    YearSignal,
    meter,
    period_for,
    rotation_window,
)
from storage.models import Role


def test_without_a_start_date_the_period_is_this_calendar_year_and_the_three_before() -> None:
    period = period_for(today=date(2026, 11, 20), start=None)
    assert (period.start, period.end) == (date(2023, 1, 1), date(2027, 1, 1))
    assert [y.start.year for y in period.years] == [2023, 2024, 2025, 2026]
    assert not period.personal


def test_with_a_start_date_periods_follow_every_four_years() -> None:
    first = period_for(today=date(2026, 11, 20), start=date(2025, 3, 15))
    assert (first.start, first.end) == (date(2025, 3, 15), date(2029, 3, 15))
    assert first.years[1].start == date(2026, 3, 15)
    later = period_for(today=date(2030, 1, 1), start=date(2025, 3, 15))
    assert (later.start, later.end) == (date(2029, 3, 15), date(2033, 3, 15))
    # On the first day of the next period, that period is shown.
    assert period_for(today=date(2029, 3, 15), start=date(2025, 3, 15)).start == date(2029, 3, 15)


def test_a_29_february_start_does_not_break() -> None:
    period = period_for(today=date(2026, 6, 1), start=date(2024, 2, 29))
    assert period.years[1].start == date(2025, 3, 1)


def test_six_meetings_over_two_years_totals_and_signals() -> None:
    period = period_for(today=date(2026, 11, 20), start=date(2025, 1, 1))
    entries = [
        HoursEntry(day=date(2025, 2, 1), minutes=120, role=Role.PARTICIPANT),
        HoursEntry(day=date(2025, 6, 1), minutes=120, role=Role.FACILITATOR),
        HoursEntry(day=date(2025, 10, 1), minutes=120, role=Role.PARTICIPANT),
        HoursEntry(day=date(2026, 2, 1), minutes=360, role=Role.PRESENTER),
        HoursEntry(day=date(2026, 6, 1), minutes=360, role=Role.PARTICIPANT),
        HoursEntry(day=date(2026, 10, 1), minutes=360, role=Role.PARTICIPANT),
        # Before the period: not counted.
        HoursEntry(day=date(2024, 12, 31), minutes=600, role=Role.PRESENTER),
    ]
    result = meter(
        period=period,
        entries=entries,
        today=date(2026, 11, 20),
        min_hours_per_year=8,
        max_counted_hours_per_year=16,
    )
    years = result.years
    assert [y.minutes for y in years] == [360, 1080, 0, 0]
    assert [y.counted_minutes for y in years] == [360, 960, 0, 0]
    assert [y.signal for y in years] == [
        YearSignal.UNDER,
        YearSignal.OVER,
        YearSignal.FUTURE,
        YearSignal.FUTURE,
    ]
    assert years[1].excess_minutes == 120
    assert result.total_minutes == 1440
    assert result.counted_minutes == 1320
    assert result.required_minutes == 32 * 60
    assert not result.complete
    assert result.roles == {Role.PARTICIPANT, Role.FACILITATOR, Role.PRESENTER}


def test_exactly_the_limits_are_fine_and_32_counted_hours_complete() -> None:
    period = period_for(today=date(2028, 12, 1), start=date(2025, 1, 1))
    entries = [HoursEntry(day=date(2025 + i, 5, 1), minutes=8 * 60, role=None) for i in range(4)]
    result = meter(
        period=period,
        entries=entries,
        today=date(2028, 12, 1),
        min_hours_per_year=8,
        max_counted_hours_per_year=16,
    )
    assert all(y.signal is YearSignal.OK for y in result.years)
    assert result.complete
    assert result.roles == frozenset()


def test_a_member_who_joined_this_year_is_not_warned_about_the_years_before() -> None:
    today = date(2026, 11, 20)
    period = period_for(today=today, start=None)
    entries = [HoursEntry(day=date(2026, 11, 18), minutes=150, role=Role.PARTICIPANT)]

    def signals(joined: date | None) -> list[YearSignal]:
        result = meter(
            period=period,
            entries=entries,
            today=today,
            min_hours_per_year=8,
            max_counted_hours_per_year=16,
            joined=joined,
        )
        return [y.signal for y in result.years]

    # Joined in March 2026: 2023-2025 ended before that; 2026 itself is still thin.
    assert signals(date(2026, 3, 1)) == [
        YearSignal.EARLIER,
        YearSignal.EARLIER,
        YearSignal.EARLIER,
        YearSignal.UNDER,
    ]
    # Joined in 2024: 2023 is left alone, the thin years since are warned about.
    assert signals(date(2024, 6, 1)) == [
        YearSignal.EARLIER,
        YearSignal.UNDER,
        YearSignal.UNDER,
        YearSignal.UNDER,
    ]
    assert signals(None) == [YearSignal.UNDER] * 4


def test_ended_years_are_marked_so_a_warning_can_name_the_year() -> None:
    today = date(2026, 11, 20)
    result = meter(
        period=period_for(today=today, start=None),
        entries=[],
        today=today,
        min_hours_per_year=8,
        max_counted_hours_per_year=16,
    )
    assert [y.ended for y in result.years] == [True, True, True, False]


def test_rotation_window_default_is_the_calendar_year() -> None:
    assert rotation_window(today=date(2026, 11, 20), months=12) == (
        date(2026, 1, 1),
        date(2027, 1, 1),
    )
    assert rotation_window(today=date(2026, 11, 20), months=6) == (
        date(2026, 7, 1),
        date(2027, 1, 1),
    )
    assert rotation_window(today=date(2026, 3, 1), months=6) == (date(2026, 1, 1), date(2026, 7, 1))


def test_every_signal_has_its_text_on_the_overview() -> None:
    for signal in YearSignal:
        assert f"pdf.overview.year.{signal.value}" in CATALOGUE, signal
