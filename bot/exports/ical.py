"""iCalendar (RFC 5545) for meetings: a single .ics attachment or a subscribable feed, as bytes.

Pure: data in, bytes out. Times are written in the association's zone with a VTIMEZONE, so a
meeting at 09:00 stays at 09:00 on both sides of a DST change in every client. A meeting that
starts or ends in the hour that happens twice when clocks go back is written in UTC instead: a
local time there means its first occurrence (RFC 5545, 3.3.5), so a local DTEND at 02:30 in the
second one would be read an hour early.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone
from icalendar.prop import vDuration

PRODID = "-//Intervisie//Intervisie Slack app//NL"


@dataclass(frozen=True, kw_only=True)
class IcalEvent:
    """One meeting as a calendar client sees it (no case content: when, where, which group)."""

    uid: str
    summary: str
    starts_at: datetime
    duration: timedelta
    sequence: int
    cancelled: bool
    created: datetime
    last_modified: datetime
    location: str = ""
    url: str = ""
    description: str = ""


def build_calendar(
    events: Sequence[IcalEvent],
    *,
    tz_name: str,
    name: str | None = None,
    method: str = "PUBLISH",
    refresh: timedelta | None = None,
) -> bytes:
    """A VCALENDAR with one VTIMEZONE and a VEVENT per meeting.

    `method` is PUBLISH for feeds and invitations, CANCEL for a single cancelled meeting.
    `refresh` adds REFRESH-INTERVAL and X-PUBLISHED-TTL, the hints feed subscribers follow.
    """
    tz = ZoneInfo(tz_name)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    if name:
        cal.add("name", name)
        cal.add("x-wr-calname", name)
        cal.add("x-wr-timezone", tz_name)
    if refresh is not None:
        cal.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", vDuration(refresh))
    if events:
        years = [e.starts_at.astimezone(tz).year for e in events]
        # The VTIMEZONE covers the events' years with a margin, not 1970-2038: feeds stay small.
        cal.add_component(
            Timezone.from_tzinfo(
                tz,
                tzid=tz_name,
                first_date=date(min(years) - 1, 1, 1),
                last_date=date(max(years) + 2, 1, 1),
            )
        )
    for item in events:
        cal.add_component(_event(item, tz))
    return bytes(cal.to_ical())


def _event(item: IcalEvent, tz: ZoneInfo) -> Event:
    start = item.starts_at.astimezone(tz)
    event = Event()
    event.add("uid", item.uid)
    # DTSTAMP is the revision's time, not "now": the same meeting renders to the same bytes.
    event.add("dtstamp", item.last_modified)
    event.add("created", item.created)
    event.add("last-modified", item.last_modified)
    event.add("sequence", item.sequence)
    end = (item.starts_at + item.duration).astimezone(tz)
    if _doubled(start) or _doubled(end):
        # Both in UTC, not only the doubled one: clients then need no zone to read the pair.
        start, end = start.astimezone(UTC), end.astimezone(UTC)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", item.summary)
    if item.location:
        event.add("location", item.location)
    if item.url:
        event.add("url", item.url)
    if item.description:
        event.add("description", item.description)
    event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if item.cancelled else "OPAQUE")
    return event


def _doubled(local: datetime) -> bool:
    """Whether this wall-clock time happens twice in its zone (the hour clocks go back)."""
    return local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset()
