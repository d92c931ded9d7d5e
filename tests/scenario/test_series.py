"""Series through Slack's front door: "elke laatste vrijdag van de maand, 14:00–16:00, 6 keer"
across the October DST change, each meeting its own UID at 14:00 local in every calendar reader
(icalendar, vobject, ics, ical) and in the group feed; one meeting changed on its own; the rest of
the series changed and cancelled; "om de 8 weken"; bad input refused with nothing written."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import icalendar
import ics
import pytest
import vobject
from ical.calendar_stream import IcsCalendarStream
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.devtools.fake_slack import UploadedFile
from bot.devtools.slack_sim import http_request
from bot.i18n import t
from handlers.ui.agreements_ids import ActionId, BlockId, CallbackId
from handlers.ui.meetings_ui import ActionId as MeetingAction
from handlers.ui.meetings_ui import CallbackId as MeetingCallback
from storage.models import Meeting, MeetingSeries, MeetingStatus, SeriesMeeting
from tests.support.agreements import (
    CONTACT,
    SIX,
    AgreeApp,
    agree_app,
    click,
    open_by_click,
    open_by_command,
    responses,
    wait_response,
)
from tests.support.meetings import ics_files
from tests.support.wait import wait_until

__all__ = ["agree_app"]  # the fixture, imported so pytest finds it

AMS = ZoneInfo("Europe/Amsterdam")
# The last Friday of each month from September 2026; clocks go back on 25-10-2026.
LAST_FRIDAYS = ["25-09-2026", "30-10-2026", "27-11-2026", "25-12-2026", "29-01-2027", "26-02-2027"]
STARTS_UTC = [
    datetime(2026, 9, 25, 12, 0, tzinfo=UTC),  # summer time, UTC+2
    *(
        datetime(y, m, d, 13, 0, tzinfo=UTC)  # winter time, UTC+1
        for y, m, d in (
            (2026, 10, 30),
            (2026, 11, 27),
            (2026, 12, 25),
            (2027, 1, 29),
            (2027, 2, 26),
        )
    ),
]


def _starts_icalendar(data: bytes) -> dict[str, tuple[datetime, str]]:
    cal = icalendar.Calendar.from_ical(data)
    return {
        str(e["UID"]): (e.decoded("DTSTART").astimezone(UTC), str(e["STATUS"]))
        for e in cal.walk("VEVENT")
    }


def _starts_vobject(data: bytes) -> dict[str, tuple[datetime, str]]:
    cal = vobject.readOne(data.decode())
    return {e.uid.value: (e.dtstart.value.astimezone(UTC), e.status.value) for e in cal.vevent_list}


def _starts_ics(data: bytes) -> dict[str, tuple[datetime, str]]:
    cal = ics.Calendar(data.decode())
    return {e.uid: (e.begin.datetime.astimezone(UTC), str(e.status)) for e in cal.events}


def _starts_ical(data: bytes) -> dict[str, tuple[datetime, str]]:
    cal = IcsCalendarStream.calendar_from_ics(data.decode())
    return {
        str(e.uid): (e.dtstart.astimezone(UTC), str(getattr(e.status, "value", e.status)))
        for e in cal.events
    }


READERS: dict[str, Callable[[bytes], dict[str, tuple[datetime, str]]]] = {
    "icalendar": _starts_icalendar,
    "vobject": _starts_vobject,
    "ics": _starts_ics,
    "ical": _starts_ical,
}


def _plan(app: AgreeApp, **values: str) -> dict[str, object]:
    view = open_by_command(app, CONTACT, "reeks 1234", CallbackId.SERIES)
    filled = {
        ActionId.SERIES_FIRST_DAY: "25-09-2026",
        ActionId.SERIES_START: "14:00",
        ActionId.SERIES_PLACE: "Utrecht, Oudegracht 1",
    }
    filled.update({getattr(ActionId, k): v for k, v in values.items()})
    result = app.slack.submit(CONTACT, view, filled)
    assert result.status == 200, result.text
    body: dict[str, object] = result.json
    return body


def _meetings(engine: Engine) -> list[Meeting]:
    with Session(engine) as session:
        return list(session.scalars(select(Meeting).order_by(Meeting.starts_at)))


def _series_files(app: AgreeApp, user: str) -> list[UploadedFile]:
    return [f for f in ics_files(app.fake, user) if "-reeks-" in f.filename]


def _wait_series_files(app: AgreeApp, count: int) -> dict[str, UploadedFile]:
    wait_until(
        lambda: all(len(_series_files(app, u)) >= count for u in SIX),
        timeout=15,
        what=f"{count} series .ics for everyone",
    )
    return {u: _series_files(app, u)[-1] for u in SIX}


def _local(instant: datetime) -> str:
    return instant.astimezone(AMS).strftime("%d-%m-%Y %H:%M")


@pytest.mark.parametrize("reader", sorted(READERS))
def test_monthly_series_of_six_across_october_stays_at_14_local(
    agree_app: AgreeApp, db_engine: Engine, reader: str
) -> None:
    app = agree_app
    body = _plan(app)
    assert body["response_action"] == "update"
    meetings = _meetings(db_engine)
    assert [m.starts_at for m in meetings] == STARTS_UTC
    assert len({m.uid for m in meetings}) == 6
    with Session(db_engine) as session:
        series = session.scalars(select(MeetingSeries)).one()
        assert (series.rule, series.local_time, series.count) == ("monthly:last", "14:00", 6)

    # One DM per member with one .ics holding all six (not six DMs), each VEVENT with its own UID.
    files = _wait_series_files(app, 1)
    app.idle()
    assert all(len(ics_files(app.fake, u)) == 1 for u in SIX)
    expected = {m.uid: (m.starts_at, "CONFIRMED") for m in meetings}
    for user in SIX:
        read = READERS[reader](files[user].content)
        assert read == expected, user
        assert [_local(start) for start, _ in sorted(read.values())] == [
            f"{day} 14:00" for day in LAST_FRIDAYS
        ]
    # The English member in London reads the dates in her own zone in the comment.
    assert "25-09-2026 13:00" in str(files["UENG0012"].initial_comment)
    assert "25-09-2026 14:00" in str(files["UBRAM002"].initial_comment)

    # The group feed has the same six events, each at 14:00 in Amsterdam.
    feed = http_request(app.runtime.port, "GET", f"/ical/group/{app.group.calendar_token}.ics")
    assert feed.status == 200
    assert READERS[reader](feed.body) == expected


def test_change_one_then_the_rest_then_cancel_the_rest(
    agree_app: AgreeApp, db_engine: Engine
) -> None:
    app = agree_app
    _plan(app)
    _wait_series_files(app, 1)
    third = _meetings(db_engine)[2]

    # One meeting changed on its own: the normal flow (its own .ics, same UID, SEQUENCE 1).
    app.slack.command(CONTACT, "bijeenkomsten 1234")
    listing = wait_until(
        lambda: next(
            (r for r in app.fake.calls_to("response_url") if "Wijzig" in str(r.body)), None
        ),
        what="the meeting list",
    ).body
    message = {"ts": "1.0", "channel": "D" + CONTACT, "blocks": listing["blocks"]}
    view = open_by_click(
        app, CONTACT, message, MeetingAction.EDIT, MeetingCallback.MEETING, str(third.id)
    )
    assert app.slack.submit(CONTACT, view, {MeetingAction.START: "15:00"}).status == 200
    wait_until(lambda: all(len(ics_files(app.fake, u)) == 2 for u in SIX), what="the change")
    single = icalendar.Calendar.from_ical(ics_files(app.fake, "UBRAM002")[-1].content)
    [event] = single.walk("VEVENT")
    assert str(event["UID"]) == third.uid and int(event["SEQUENCE"]) == 1
    assert _local(event.decoded("DTSTART")) == "27-11-2026 15:00"

    # The rest of the series (all six still to come) moves to 10:00; one DM with the new .ics.
    app.slack.command(CONTACT, "reeks 1234")
    reply = wait_until(
        lambda: next(
            (r for r in app.fake.calls_to("response_url") if "series_change_rest" in str(r.body)),
            None,
        ),
        what="the series list",
    ).body
    listed = {"ts": "2.0", "channel": "D" + CONTACT, "blocks": reply["blocks"]}
    view = open_by_click(app, CONTACT, listed, ActionId.SERIES_CHANGE_REST, CallbackId.SERIES_REST)
    result = app.slack.submit(CONTACT, view, {ActionId.SERIES_START: "10:00"})
    assert result.json["response_action"] == "update"
    files = _wait_series_files(app, 2)
    changed = _starts_icalendar(files["UDAAN004"].content)
    assert sorted(_local(start) for start, _ in changed.values()) == sorted(
        f"{day} 10:00" for day in LAST_FRIDAYS
    )
    meetings = _meetings(db_engine)
    assert set(changed) == {m.uid for m in meetings}
    assert [m.sequence for m in meetings] == [1, 1, 2, 1, 1, 1]

    # Three months on, "Rest annuleren" cancels the three still to come; the past stay.
    app.clock.set(datetime(2026, 12, 1, 9, 0, tzinfo=UTC))
    before = len(responses(app.fake))
    app.slack.command(CONTACT, "reeks 1234")
    wait_until(lambda: len(responses(app.fake)) > before, what="the series list")
    reply = app.fake.calls_to("response_url")[-1].body
    listed = {"ts": "3.0", "channel": "D" + CONTACT, "blocks": reply["blocks"]}
    click(app, CONTACT, listed, ActionId.SERIES_CANCEL_REST)
    wait_response(app.fake, "3 bijeenkomsten geannuleerd")
    files = _wait_series_files(app, 3)
    statuses = sorted(_starts_vobject(files["UEMMA005"].content).values())
    assert [status for _, status in statuses] == ["CONFIRMED"] * 3 + ["CANCELLED"] * 3
    assert [m.status for m in _meetings(db_engine)] == [MeetingStatus.PLANNED] * 3 + [
        MeetingStatus.CANCELLED
    ] * 3


def test_every_eight_weeks_keeps_its_clock_time(agree_app: AgreeApp, db_engine: Engine) -> None:
    _plan(agree_app, SERIES_FIRST_DAY="07-09-2026", SERIES_RHYTHM="weeks:8", SERIES_COUNT="3")
    assert [_local(m.starts_at) for m in _meetings(db_engine)] == [
        "07-09-2026 14:00",
        "02-11-2026 14:00",
        "28-12-2026 14:00",
    ]


def test_bad_input_is_refused_on_its_field_and_nothing_is_planned(
    agree_app: AgreeApp, db_engine: Engine
) -> None:
    app = agree_app
    too_long = _plan(
        app, SERIES_FIRST_DAY="07-09-2026", SERIES_RHYTHM="weeks:13", SERIES_COUNT="12"
    )
    assert too_long["errors"] == {
        BlockId.SERIES_COUNT: t(
            "nl", "series.error.too_long", last="04-06-2029", latest="01-09-2028"
        )
    }
    not_last = _plan(app, SERIES_FIRST_DAY="18-09-2026")
    assert not_last["errors"] == {
        BlockId.SERIES_FIRST_DAY: t(
            "nl", "series.error.not_last", date="18-09-2026", suggestion="25-09-2026"
        )
    }
    fifth = _plan(app, SERIES_FIRST_DAY="29-10-2026", SERIES_RHYTHM="monthly:nth")
    assert fifth["errors"] == {
        BlockId.SERIES_FIRST_DAY: t("nl", "series.error.fifth_weekday", date="29-10-2026")
    }
    past = _plan(app, SERIES_FIRST_DAY="28-08-2026")
    assert past["errors"] == {BlockId.SERIES_FIRST_DAY: t("nl", "series.error.past")}
    # 28-03-2027 02:30 does not exist in Amsterdam (clocks go forward): the date is named.
    skipped = _plan(
        app, SERIES_FIRST_DAY="28-02-2027", SERIES_START="02:30", SERIES_RHYTHM="weeks:4"
    )
    assert skipped["errors"] == {
        BlockId.SERIES_START: t("nl", "meeting.error.time_skipped", date="28-03-2027", time="02:30")
    }
    assert _meetings(db_engine) == []
    with Session(db_engine) as session:
        assert session.scalars(select(SeriesMeeting)).all() == []
