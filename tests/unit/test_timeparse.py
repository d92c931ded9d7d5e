"""Typed dates, times and durations: what the portal accepts, and a clear refusal for the rest."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.errors import InvalidInput
from bot.i18n import t_plain
from bot.rules import allowed_dates
from bot.timeparse import (
    check_date_in_range,
    check_duration,
    duration_choices,
    local_instant,
    parse_date,
    parse_duration_minutes,
    parse_lead_minutes,
    parse_start,
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


def test_a_repeated_time_is_refused_with_both_readings_spelled_out() -> None:
    """31-10-2027 02:30 happens twice in Amsterdam: the app does not guess which one."""
    with pytest.raises(InvalidInput) as caught:
        local_instant(date(2027, 10, 31), time(2, 30), tz=AMS)
    error = caught.value
    assert error.key == "input.time_doubled"
    assert error.params["first_zone"] == "CEST" and error.params["second_zone"] == "CET"
    dutch = t_plain("nl", error.key, **error.params)
    assert "02:30 zomertijd (CEST)" in dutch and "02:30 wintertijd (CET)" in dutch
    english = t_plain("en", error.key, **error.params)
    assert "02:30 summer time (CEST)" in english and "02:30 winter time (CET)" in english


def test_a_repeated_time_with_its_reading_chosen() -> None:
    """With the reading said (fold), each is its own instant, an hour apart."""
    day, at = date(2027, 10, 31), time(2, 30)
    assert local_instant(day, at, tz=AMS, fold=0) == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)
    assert local_instant(day, at, tz=AMS, fold=1) == datetime(2027, 10, 31, 1, 30, tzinfo=UTC)
    # The hour before and after the change is not doubled: no choice needed, none asked.
    assert local_instant(day, time(1, 59), tz=AMS) == datetime(2027, 10, 30, 23, 59, tzinfo=UTC)
    assert local_instant(day, time(3, 0), tz=AMS) == datetime(2027, 10, 31, 2, 0, tzinfo=UTC)
    assert local_instant(day, time(3, 0), tz=AMS, fold=1) == datetime(2027, 10, 31, 2, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("02:30", (time(2, 30), None)),
        ("02:30 zomertijd", (time(2, 30), 0)),
        ("2.30 Wintertijd", (time(2, 30), 1)),
        ("02:30 summer time", (time(2, 30), 0)),
        ("02:30winter", (time(2, 30), 1)),
    ],
)
def test_a_start_time_may_say_which_of_a_doubled_hour(
    text: str, expected: tuple[time, int | None]
) -> None:
    assert parse_start(text) == expected


def test_a_start_time_with_another_word_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_start("02:30 lente")
    assert caught.value.key == "meeting.error.time_format"


def test_a_time_in_the_spring_gap_is_refused_even_with_a_reading() -> None:
    for fold in (None, 0, 1):
        with pytest.raises(InvalidInput) as caught:
            local_instant(date(2027, 3, 28), time(2, 30), tz=AMS, fold=fold)
        assert caught.value.key == "meeting.error.time_skipped"


def test_a_doubled_hour_without_summer_time_names_the_offsets() -> None:
    """A zone that turns its clock back for another reason than summer time (Moscow, 2014)."""
    with pytest.raises(InvalidInput) as caught:
        local_instant(date(2014, 10, 26), time(1, 30), tz=ZoneInfo("Europe/Moscow"))
    assert caught.value.key == "input.time_doubled_offsets"
    assert caught.value.params["first_zone"] != caught.value.params["second_zone"]


# ------------------------------------------------------------------ digits and bounds (issue 17)


@pytest.mark.parametrize(
    "text",
    [
        "١٠-١٢-٢٠٢٧",  # Arabic-Indic
        "１０-１２-２０２７",  # full-width
        "10-12-２０２７",
        "10-12-202\u00b9".encode().decode("unicode_escape"),  # superscript one
    ],
)
def test_dates_in_other_digits_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_date(text)
    assert caught.value.key == "meeting.error.date_format"


@pytest.mark.parametrize("text", ["０９:００", "٠٩:٠٠", "09:٠٠", "¹9:00"])
def test_times_in_other_digits_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_time(text)
    assert caught.value.key == "meeting.error.time_format"


@pytest.mark.parametrize("text", ["٢u", "２u", "９０m", "²d"])
def test_durations_and_leads_in_other_digits_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_duration_minutes(text)
    with pytest.raises(InvalidInput):
        parse_lead_minutes(text)


TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("10-12-0001", False),
        ("31-12-1999", False),
        ("29-11-2021", False),  # just before the five-year retention window
        ("30-11-2021", True),
        ("30-11-2028", True),  # two years ahead, to the day
        ("01-12-2028", False),
        ("01-01-9999", False),
    ],
)
def test_dates_are_bounded_by_the_retention_window_and_two_years_ahead(text: str, ok: bool) -> None:
    if ok:
        assert parse_date(text, today=TODAY) == parse_date(text)
        return
    with pytest.raises(InvalidInput) as caught:
        parse_date(text, today=TODAY)
    assert caught.value.key == "input.date_out_of_range"
    assert caught.value.params["earliest"] == "30-11-2021"
    assert caught.value.params["latest"] == "30-11-2028"


def test_the_date_rule_never_reaches_before_2000_and_follows_the_retention_setting() -> None:
    assert allowed_dates(today=date(2003, 6, 1)) == (date(2000, 1, 1), date(2005, 6, 1))
    assert allowed_dates(today=TODAY, retention_years=10) == (
        date(2016, 11, 30),
        date(2028, 11, 30),
    )
    # 29 February: the same day two years on does not exist.
    assert allowed_dates(today=date(2028, 2, 29))[1] == date(2030, 2, 28)
    with pytest.raises(InvalidInput):
        check_date_in_range(date(2029, 1, 1), today=TODAY)
    assert check_date_in_range(TODAY, today=TODAY) == TODAY


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
