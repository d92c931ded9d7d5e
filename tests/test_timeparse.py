"""Typed dates, times and durations: what the portal accepts, and a clear refusal for the rest."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.errors import InvalidInput
from bot.timeparse import (
    check_duration,
    duration_choices,
    local_instant,
    parse_date,
    parse_duration_minutes,
    parse_lead_minutes,
    parse_time,
)

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30-11-2026", date(2026, 11, 30)),
        ("1-2-2027", date(2027, 2, 1)),
        (" 29/02/2028 ", date(2028, 2, 29)),
    ],
)
def test_dates_as_typed_on_the_portal(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("31-02-2026", "meeting.error.date_nonexistent"),
        ("29-02-2026", "meeting.error.date_nonexistent"),
        ("00-01-2026", "meeting.error.date_nonexistent"),
        ("2026-11-30", "meeting.error.date_format"),
        ("morgen", "meeting.error.date_format"),
        ("", "meeting.error.date_format"),
    ],
)
def test_bad_dates_each_have_their_own_message(text: str, key: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_date(text)
    assert caught.value.key == key


@pytest.mark.parametrize(
    ("text", "expected"), [("09:00", time(9, 0)), ("9:05", time(9, 5)), ("23.59", time(23, 59))]
)
def test_times(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("25:00", "meeting.error.time_nonexistent"),
        ("12:60", "meeting.error.time_nonexistent"),
        ("9 uur", "meeting.error.time_format"),
        ("0900", "meeting.error.time_format"),
    ],
)
def test_bad_times(text: str, key: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_time(text)
    assert caught.value.key == key


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("2u", 120),
        ("1,5u", 90),
        ("1.5h", 90),
        ("90m", 90),
        ("2 uur", 120),
        ("1u30", 90),
        ("3", 180),
    ],
)
def test_durations_as_typed(text: str, minutes: int) -> None:
    assert parse_duration_minutes(text) == minutes


def test_duration_rules() -> None:
    assert check_duration(120).total_seconds() == 7200
    for minutes, key in [
        (0, "meeting.error.duration_zero"),
        (-30, "meeting.error.duration_zero"),
        (510, "meeting.error.duration_too_long"),
        (45, "meeting.error.duration_step"),
    ]:
        with pytest.raises(InvalidInput) as caught:
            check_duration(minutes)
        assert caught.value.key == key
    with pytest.raises(InvalidInput) as caught:
        parse_duration_minutes("lang")
    assert caught.value.key == "meeting.error.duration_format"


def test_duration_choices_are_half_hours_up_to_eight_hours() -> None:
    choices = duration_choices()
    assert choices[0] == 30 and choices[-1] == 480 and 120 in choices
    assert all(b - a == 30 for a, b in itertools.pairwise(choices))


def test_local_time_on_both_sides_of_the_spring_change() -> None:
    assert local_instant(date(2026, 3, 28), time(9), tz=AMS) == datetime(2026, 3, 28, 8, tzinfo=UTC)
    assert local_instant(date(2026, 3, 30), time(9), tz=AMS) == datetime(2026, 3, 30, 7, tzinfo=UTC)


def test_a_time_skipped_by_the_clock_change_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        local_instant(date(2026, 3, 29), time(2, 30), tz=AMS)
    assert caught.value.key == "meeting.error.time_skipped"


def test_a_repeated_time_takes_its_first_occurrence() -> None:
    # 25-10-2026 02:30 happens twice; the first time is still summer time (UTC+2).
    got = local_instant(date(2026, 10, 25), time(2, 30), tz=AMS)
    assert got == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    assert got.tzinfo is UTC


@pytest.mark.parametrize(
    ("text", "minutes"), [("48u", 2880), ("2u", 120), ("2d", 2880), ("90m", 90)]
)
def test_reminder_leads(text: str, minutes: int) -> None:
    assert parse_lead_minutes(text) == minutes


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("5m", "reminders.error.lead_range"),
        ("30d", "reminders.error.lead_range"),
        ("ooit", "reminders.error.lead_format"),
    ],
)
def test_bad_reminder_leads(text: str, key: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_lead_minutes(text)
    assert caught.value.key == key
