"""Typed dates, times and durations as the portal takes them (30-11-2026, 09:00, 2u), turned into
aware instants in a time zone; every refusal is an InvalidInput with its own translation key."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from bot import rules
from bot.errors import InvalidInput

_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})")
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})")
_HOURS = re.compile(r"(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:u|uur|h|hr|hrs|hour|hours)?")
_MINUTES = re.compile(r"(\d{1,4})\s*(?:m|min|mins|minuut|minuten|minute|minutes)")
_HOURS_MINUTES = re.compile(r"(\d{1,2})\s*(?:u|h)\s*(\d{1,2})\s*(?:m|min)?")
_DAYS = re.compile(r"(\d{1,2}(?:[.,]\d)?)\s*(?:d|dag|dagen|day|days)")


def parse_date(text: str) -> date:
    """dd-mm-jjjj (also d-m-jjjj, with / or .); 31-02-2026 is refused as a day that does not exist."""
    match = _DATE.fullmatch(text.strip())
    if match is None:
        raise InvalidInput("meeting.error.date_format", value=text.strip()[:40])
    day, month, year = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidInput("meeting.error.date_nonexistent", value=text.strip()) from None


def parse_time(text: str) -> time:
    """uu:mm on a 24-hour clock (9:00 and 09.00 too); 25:00 and 12:60 are refused."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        raise InvalidInput("meeting.error.time_format", value=text.strip()[:40])
    hour, minute = (int(g) for g in match.groups())
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise InvalidInput("meeting.error.time_nonexistent", value=text.strip())
    return time(hour, minute)


def parse_duration_minutes(text: str) -> int:
    """A typed duration: 2u, 2 uur, 1,5u, 1.5h, 90m, 1u30 → minutes (not yet checked against rules)."""
    raw = text.strip().lower()
    if match := _MINUTES.fullmatch(raw):
        return int(match.group(1))
    if match := _HOURS_MINUTES.fullmatch(raw):
        return int(match.group(1)) * 60 + int(match.group(2))
    if match := _HOURS.fullmatch(raw):
        return round(float(match.group(1).replace(",", ".")) * 60)
    raise InvalidInput("meeting.error.duration_format", value=text.strip()[:40])


def check_duration(minutes: int) -> timedelta:
    """A meeting lasts more than zero and at most MAX_MEETING_DURATION, in steps of half an hour."""
    duration = timedelta(minutes=minutes)
    if duration <= timedelta(0):
        raise InvalidInput("meeting.error.duration_zero")
    if duration > rules.MAX_MEETING_DURATION:
        raise InvalidInput(
            "meeting.error.duration_too_long",
            hours=int(rules.MAX_MEETING_DURATION.total_seconds() // 3600),
        )
    if duration % rules.MEETING_DURATION_STEP:
        raise InvalidInput("meeting.error.duration_step")
    return duration


def duration_choices() -> list[int]:
    """The drop-down's durations in minutes: every half hour up to the maximum."""
    step = int(rules.MEETING_DURATION_STEP.total_seconds() // 60)
    top = int(rules.MAX_MEETING_DURATION.total_seconds() // 60)
    return list(range(step, top + 1, step))


def parse_lead_minutes(text: str) -> int:
    """A reminder lead time: 48u, 2u, 2d, 90m → minutes, within the allowed range."""
    raw = text.strip().lower()
    if match := _DAYS.fullmatch(raw):
        minutes = round(float(match.group(1).replace(",", ".")) * 24 * 60)
    else:
        try:
            minutes = parse_duration_minutes(raw)
        except InvalidInput:
            raise InvalidInput("reminders.error.lead_format", value=text.strip()[:40]) from None
    lead = timedelta(minutes=minutes)
    if not rules.MIN_REMINDER_LEAD <= lead <= rules.MAX_REMINDER_LEAD:
        raise InvalidInput("reminders.error.lead_range", value=text.strip()[:40])
    return minutes


def local_instant(day: date, at: time, *, tz: tzinfo) -> datetime:
    """The aware UTC instant of a wall-clock date and time in `tz`.

    A time skipped when clocks go forward (29-03-2026 02:30 in Amsterdam) does not exist and is
    refused. A time that occurs twice when clocks go back (25-10-2026 02:30) is taken at its first
    occurrence (fold=0, still summer time): the earlier meeting is the one people mean when they
    plan "half drie", and it is what calendar clients pick too.
    """
    local = datetime.combine(day, at, tzinfo=tz).replace(fold=0)
    instant = local.astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) != local.replace(tzinfo=None):
        raise InvalidInput(
            "meeting.error.time_skipped", date=day.strftime("%d-%m-%Y"), time=at.strftime("%H:%M")
        )
    return instant
