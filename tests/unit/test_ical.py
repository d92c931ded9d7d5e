"""The iCalendar export: RFC 5545 with a VTIMEZONE, read back by icalendar and by independent
parsers (vobject, ics, ical) with the right local time on both sides of a DST change, and the
same instants when a meeting touches the hour that happens twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import ics
import pytest
import vobject
from ical.calendar_stream import IcsCalendarStream

from bot.exports.ical import IcalEvent, build_calendar

AMS = ZoneInfo("Europe/Amsterdam")
MADE = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _event(uid: str, starts_at: datetime, **kw: object) -> IcalEvent:
    values: dict[str, object] = {
        "uid": uid,
        "summary": "Intervisie Vertrouwenspersonen (groep 1234)",
        "starts_at": starts_at,
        "duration": timedelta(hours=2),
        "sequence": 0,
        "cancelled": False,
        "created": MADE,
        "last_modified": MADE,
        "location": "Utrecht, Oudegracht 1; zaal 2",
    }
    values.update(kw)
    return IcalEvent(**values)  # type: ignore[arg-type]


# 09:00 in Amsterdam on the Saturday before and the Monday after clocks go forward.
BEFORE = _event("before@intervisie", datetime(2026, 3, 28, 8, 0, tzinfo=UTC))
AFTER = _event("after@intervisie", datetime(2026, 3, 30, 7, 0, tzinfo=UTC), sequence=3)


def test_icalendar_reads_local_times_on_both_sides_of_dst() -> None:
    data = build_calendar([BEFORE, AFTER], tz_name="Europe/Amsterdam", name="Groep 1234")
    cal = icalendar.Calendar.from_ical(data)
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    for uid in ("before@intervisie", "after@intervisie"):
        start = events[uid].decoded("DTSTART")
        assert (start.hour, start.minute) == (9, 0)
        assert start.astimezone(AMS).hour == 9
    assert events["before@intervisie"].decoded("DTSTART").astimezone(UTC).hour == 8
    assert events["after@intervisie"].decoded("DTSTART").astimezone(UTC).hour == 7
    assert events["after@intervisie"].decoded("DTEND").astimezone(AMS).hour == 11
    assert int(events["after@intervisie"]["SEQUENCE"]) == 3
    assert [tz["TZID"] for tz in cal.walk("VTIMEZONE")] == ["Europe/Amsterdam"]


def test_vobject_reads_the_same_instants() -> None:
    data = build_calendar([BEFORE, AFTER], tz_name="Europe/Amsterdam").decode()
    cal = vobject.readOne(data)
    starts = {ev.uid.value: ev.dtstart.value for ev in cal.vevent_list}
    assert starts["before@intervisie"].astimezone(UTC) == datetime(2026, 3, 28, 8, tzinfo=UTC)
    assert starts["after@intervisie"].astimezone(UTC) == datetime(2026, 3, 30, 7, tzinfo=UTC)
    # vobject builds its own tzinfo from our VTIMEZONE: the wall clock reads 09:00 on both days.
    assert starts["before@intervisie"].hour == 9 and starts["after@intervisie"].hour == 9
    assert starts["before@intervisie"].utcoffset() == timedelta(hours=1)
    assert starts["after@intervisie"].utcoffset() == timedelta(hours=2)


def test_autumn_change_and_text_escaping() -> None:
    ev = _event(
        "autumn@intervisie",
        datetime(2026, 10, 26, 8, 0, tzinfo=UTC),
        description="Thema: grenzen, rollen; methode\nIncidentmethode",
    )
    cal = vobject.readOne(build_calendar([ev], tz_name="Europe/Amsterdam").decode())
    event = cal.vevent
    assert event.dtstart.value.hour == 9
    assert event.location.value == "Utrecht, Oudegracht 1; zaal 2"
    assert event.description.value == "Thema: grenzen, rollen; methode\nIncidentmethode"


def test_feed_headers_status_and_stamps() -> None:
    cancelled = _event(
        "gone@intervisie",
        datetime(2026, 4, 2, 7, 0, tzinfo=UTC),
        cancelled=True,
        sequence=2,
        last_modified=MADE + timedelta(days=3),
    )
    data = build_calendar(
        [AFTER, cancelled],
        tz_name="Europe/Amsterdam",
        name="Intervisie",
        refresh=timedelta(hours=1),
    )
    text = data.decode()
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT1H" in text
    assert "X-PUBLISHED-TTL:PT1H" in text
    assert "BEGIN:VTIMEZONE" in text and "TZID:Europe/Amsterdam" in text
    cal = icalendar.Calendar.from_ical(data)
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    gone = events["gone@intervisie"]
    assert str(gone["STATUS"]) == "CANCELLED"
    assert gone.decoded("LAST-MODIFIED") == MADE + timedelta(days=3)
    assert gone.decoded("DTSTAMP") == MADE + timedelta(days=3)
    assert str(events["after@intervisie"]["STATUS"]) == "CONFIRMED"


def test_same_data_gives_the_same_bytes() -> None:
    one = build_calendar([BEFORE, AFTER], tz_name="Europe/Amsterdam", name="x")
    two = build_calendar([BEFORE, AFTER], tz_name="Europe/Amsterdam", name="x")
    assert one == two


def test_cancel_method_for_a_single_cancelled_meeting() -> None:
    data = build_calendar(
        [_event("c@intervisie", datetime(2026, 4, 2, 7, tzinfo=UTC), cancelled=True, sequence=1)],
        tz_name="Europe/Amsterdam",
        method="CANCEL",
    )
    cal = vobject.readOne(data.decode())
    assert cal.method.value == "CANCEL"
    assert cal.vevent.status.value == "CANCELLED"
    assert cal.vevent.sequence.value == "1"


def test_empty_feed_is_valid() -> None:
    data = build_calendar([], tz_name="Europe/Amsterdam", name="Intervisie")
    cal = icalendar.Calendar.from_ical(data)
    assert list(cal.walk("VEVENT")) == []
    vobject.readOne(data.decode())


# ------------------------------------------------------------ the doubled October hour (issue 17)


def _instants_icalendar(data: bytes) -> dict[str, tuple[datetime, datetime]]:
    cal = icalendar.Calendar.from_ical(data)
    return {
        str(e["UID"]): (e.decoded("DTSTART").astimezone(UTC), e.decoded("DTEND").astimezone(UTC))
        for e in cal.walk("VEVENT")
    }


def _instants_vobject(data: bytes) -> dict[str, tuple[datetime, datetime]]:
    cal = vobject.readOne(data.decode())
    return {
        e.uid.value: (e.dtstart.value.astimezone(UTC), e.dtend.value.astimezone(UTC))
        for e in cal.vevent_list
    }


def _instants_ics(data: bytes) -> dict[str, tuple[datetime, datetime]]:
    cal = ics.Calendar(data.decode())
    return {
        e.uid: (e.begin.datetime.astimezone(UTC), e.end.datetime.astimezone(UTC))
        for e in cal.events
    }


def _instants_ical(data: bytes) -> dict[str, tuple[datetime, datetime]]:
    cal = IcsCalendarStream.calendar_from_ics(data.decode())
    return {str(e.uid): (e.dtstart.astimezone(UTC), e.dtend.astimezone(UTC)) for e in cal.events}


PARSERS = {
    "icalendar": _instants_icalendar,
    "vobject": _instants_vobject,
    "ics": _instants_ics,
    "ical": _instants_ical,
}

# 31-10-2027: Amsterdam's clocks go from 03:00 CEST back to 02:00 CET; 02:00-03:00 happens twice.
DOUBLED = {
    # plan … 31-10-2027 01:30 2u: ends at 02:30 CET, the second 02:30.
    "ends-in-second@intervisie": datetime(2027, 10, 30, 23, 30, tzinfo=UTC),
    # Starts at the first 02:30 (CEST), ends at 03:30 CET.
    "starts-in-first@intervisie": datetime(2027, 10, 31, 0, 30, tzinfo=UTC),
    # Starts at the second 02:30 (CET).
    "starts-in-second@intervisie": datetime(2027, 10, 31, 1, 30, tzinfo=UTC),
    # An hour earlier: 00:30-02:30 CEST, ends in the first 02:30.
    "ends-in-first@intervisie": datetime(2027, 10, 30, 22, 30, tzinfo=UTC),
    # The next day at 09:00 CET: nothing doubled, written in local time.
    "next-day@intervisie": datetime(2027, 11, 1, 8, 0, tzinfo=UTC),
}


@pytest.mark.parametrize("parser", sorted(PARSERS))
def test_every_parser_reads_the_doubled_hour_as_the_same_instants(parser: str) -> None:
    """Four independent readers (icalendar, vobject, ics, ical) see each meeting start and end
    at the instants it was planned for, also when a time falls in the hour that happens twice."""
    events = [_event(uid, start) for uid, start in DOUBLED.items()]
    data = build_calendar(events, tz_name="Europe/Amsterdam", name="Groep 1234")
    expected = {uid: (start, start + timedelta(hours=2)) for uid, start in DOUBLED.items()}
    assert PARSERS[parser](data) == expected


def test_only_meetings_touching_the_doubled_hour_are_written_in_utc() -> None:
    events = [_event(uid, start) for uid, start in DOUBLED.items()]
    cal = icalendar.Calendar.from_ical(build_calendar(events, tz_name="Europe/Amsterdam"))
    written = {str(e["UID"]): e["DTSTART"].to_ical().decode() for e in cal.walk("VEVENT")}
    params = {str(e["UID"]): dict(e["DTSTART"].params) for e in cal.walk("VEVENT")}
    assert written["ends-in-second@intervisie"] == "20271030T233000Z"
    assert written["next-day@intervisie"] == "20271101T090000"
    assert params["next-day@intervisie"] == {"TZID": "Europe/Amsterdam"}
