"""Typed dates, times and durations as the portal takes them (30-11-2026, 09:00, 2u), turned into
aware instants in a time zone; every refusal is an InvalidInput with its own translation key."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from bot import rules
from bot.errors import InvalidInput

# re.ASCII: \d is 0-9 only. Without it, Arabic-Indic or full-width digits would match and int()
# would quietly read them.
_DATE = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", re.ASCII)
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})", re.ASCII)
_HOURS = re.compile(r"(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:u|uur|h|hr|hrs|hour|hours)?", re.ASCII)
_MINUTES = re.compile(r"(\d{1,4})\s*(?:m|min|mins|minuut|minuten|minute|minutes)", re.ASCII)
_HOURS_MINUTES = re.compile(r"(\d{1,2})\s*(?:u|h)\s*(\d{1,2})\s*(?:m|min)?", re.ASCII)
_DAYS = re.compile(r"(\d{1,2}(?:[.,]\d)?)\s*(?:d|dag|dagen|day|days)", re.ASCII)
# Which of a doubled hour is meant, after the time: the first is still summer time (fold 0).
_SEASONS = {
    "zomertijd": 0,
    "zomer": 0,
    "summer": 0,
    "summertime": 0,
    "wintertijd": 1,
    "winter": 1,
    "wintertime": 1,
}
# The words a typed command may put after a start time (`plan 1234 31-10-2027 02:30 wintertijd 2u`).
SEASON_WORDS = frozenset(_SEASONS)
_TIME_WITH_SEASON = re.compile(r"(.+?)\s*([a-z]+(?:\s+time)?)", re.ASCII)


def parse_date(
    text: str, *, today: date | None = None, retention_years: int = rules.DEFAULT_RETENTION_YEARS
) -> date:
    """dd-mm-jjjj (also d-m-jjjj, with / or .); 31-02-2026 is refused as a day that does not exist.

    Given `today`, the date must also lie within rules.allowed_dates (not before 2000 or the
    retention window, at most two years ahead).
    """
    match = _DATE.fullmatch(text.strip())
    if match is None:
        raise InvalidInput("meeting.error.date_format", value=text.strip()[:40])
    day, month, year = (int(g) for g in match.groups())
    try:
        value = date(year, month, day)
    except ValueError:
        raise InvalidInput("meeting.error.date_nonexistent", value=text.strip()) from None
    if today is not None:
        check_date_in_range(value, today=today, retention_years=retention_years)
    return value


def check_date_in_range(
    day: date, *, today: date, retention_years: int = rules.DEFAULT_RETENTION_YEARS
) -> date:
    """`day` when it lies within rules.allowed_dates seen from `today`; else a refusal that
    names the range."""
    earliest, latest = rules.allowed_dates(today=today, retention_years=retention_years)
    if not earliest <= day <= latest:
        raise InvalidInput(
            "input.date_out_of_range",
            value=day.strftime("%d-%m-%Y"),
            earliest=earliest.strftime("%d-%m-%Y"),
            latest=latest.strftime("%d-%m-%Y"),
        )
    return day


def parse_time(text: str) -> time:
    """uu:mm on a 24-hour clock (9:00 and 09.00 too); 25:00 and 12:60 are refused."""
    match = _TIME.fullmatch(text.strip())
    if match is None:
        raise InvalidInput("meeting.error.time_format", value=text.strip()[:40])
    hour, minute = (int(g) for g in match.groups())
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise InvalidInput("meeting.error.time_nonexistent", value=text.strip())
    return time(hour, minute)


def parse_start(text: str) -> tuple[time, int | None]:
    """A start time as parse_time, optionally followed by which of a doubled hour is meant:
    "02:30 zomertijd" / "02:30 summer" (the first, fold 0) or "02:30 wintertijd" /
    "02:30 winter" (the second, fold 1). Returns the time and the fold (None: not said)."""
    raw = text.strip()
    match = _TIME_WITH_SEASON.fullmatch(raw.lower())
    if match is not None and match.group(2).replace(" ", "") in _SEASONS:
        return parse_time(match.group(1)), _SEASONS[match.group(2).replace(" ", "")]
    return parse_time(raw), None


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
            count=int(rules.MAX_MEETING_DURATION.total_seconds() // 3600),
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


def local_instant(day: date, at: time, *, tz: tzinfo, fold: int | None = None) -> datetime:
    """The aware UTC instant of a wall-clock date and time in `tz`.

    A time skipped when clocks go forward (29-03-2026 02:30 in Amsterdam) does not exist and is
    refused. A time that occurs twice when clocks go back (25-10-2026 02:30) is refused with
    both readings spelled out, unless `fold` says which is meant (0: the first, still summer
    time; 1: the second, an hour later): guessing would put the meeting an hour off for half of
    the people who typed it. `fold` is ignored for a time that occurs once.
    """
    first = datetime.combine(day, at, tzinfo=tz).replace(fold=0)
    second = first.replace(fold=1)
    instant = first.astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) != first.replace(tzinfo=None):
        raise InvalidInput(
            "meeting.error.time_skipped", date=day.strftime("%d-%m-%Y"), time=at.strftime("%H:%M")
        )
    if first.utcoffset() == second.utcoffset():
        return instant
    if fold is None:
        summer_to_winter = (first.dst() or timedelta(0)) > (second.dst() or timedelta(0))
        first_zone, second_zone = _zone_labels(first, second)
        raise InvalidInput(
            "input.time_doubled" if summer_to_winter else "input.time_doubled_offsets",
            date=day.strftime("%d-%m-%Y"),
            time=at.strftime("%H:%M"),
            first_zone=first_zone,
            second_zone=second_zone,
        )
    return (second if fold else first).astimezone(UTC)


def _zone_labels(first: datetime, second: datetime) -> tuple[str, str]:
    """CEST and CET; the UTC offsets where the zone has no distinct abbreviations ("+03")."""
    names = (first.tzname() or "", second.tzname() or "")
    if names[0] != names[1] and all(name.isalpha() for name in names):
        return names
    return _utc_offset(first), _utc_offset(second)


def _utc_offset(moment: datetime) -> str:
    offset = moment.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds() // 60))
    return f"UTC{sign}{minutes // 60}" + (f":{minutes % 60:02d}" if minutes % 60 else "")
