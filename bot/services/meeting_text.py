"""How a meeting reads in messages: when (long date, dd-mm-jjjj, uu:mm–uu:mm) and where."""

from __future__ import annotations

from datetime import timedelta, tzinfo
from zoneinfo import ZoneInfo

from bot.actor import zone_of
from bot.i18n import Lang, format_date, format_long_date, format_time, hours_text, t
from storage.models import Meeting, Person


def person_tz(person: Person, default: ZoneInfo) -> ZoneInfo:
    """The person's Slack time zone for display, else the association's."""
    return zone_of(person.tz, default=default)


def when(meeting: Meeting, lang: Lang, tz: tzinfo) -> str:
    """'maandag 30 november 2026 (30-11-2026) 09:00–11:00' in the reader's zone."""
    end = meeting.starts_at + timedelta(minutes=meeting.duration_minutes)
    return (
        f"{format_long_date(meeting.starts_at, lang, tz=tz)} "
        f"({format_date(meeting.starts_at, tz=tz)}) "
        f"{format_time(meeting.starts_at, tz=tz)}–{format_time(end, tz=tz)}"
    )


def short_when(meeting: Meeting, lang: Lang, tz: tzinfo) -> str:
    """'30-11-2026 09:00 (2 uur)', as the portal lists planned meetings."""
    return t(
        lang,
        "meeting.short_when",
        date=format_date(meeting.starts_at, tz=tz),
        time=format_time(meeting.starts_at, tz=tz),
        duration=hours_text(lang, meeting.duration_minutes),
    )


def where(meeting: Meeting, lang: Lang) -> str:
    """' — locatie: …' or '' (mrkdwn, escaped)."""
    place = meeting.location or meeting.online_url
    return t(lang, "meeting.where", place=place) if place else ""
