"""Planning, changing and cancelling meetings through Slack: the modal and the quick form, inline
errors that store nothing, .ics DMs to every member, the group and member calendar feeds."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import vobject
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.devtools.fake_slack import Call, FakeSlack
from bot.devtools.slack_sim import http_request
from bot.i18n import hours_text, t_plain
from bot.services.meeting_text import short_when, when
from handlers.ui.attendance_ui import ActionId as AttendanceActionId
from handlers.ui.attendance_ui import CallbackId as AttendanceCallbackId
from handlers.ui.meetings_ui import ActionId, BlockId, CallbackId
from storage.models import (
    AuditEvent,
    MeetingStatus,
    Person,
    Reminder,
    ReminderKind,
    ReminderStatus,
)
from tests.support.meetings import (
    CONTACT,
    MEMBERS,
    OUTSIDER,
    MeetingApp,
    ics_files,
    latest_view,
    meeting_app,
    meetings_of,
    seed_group,
    wait_ics,
)
from tests.support.texts import opening, said, texts_in
from tests.support.wait import wait_until

__all__ = ["meeting_app"]  # the fixture, imported so pytest finds it

AMS = ZoneInfo("Europe/Amsterdam")
JSON = dict[str, Any]
GROUP = {"number": 1234, "name": "Vertrouwenspersonen 1234"}
LIST_TITLE = said("meeting.list.title", **GROUP)
NOT_MANAGER = said("group.not_manager", number=1234)
PLANNED = opening("meeting.planned_ok")
PAST = opening("meeting.past_register")


def _reply(fake: FakeSlack, contains: str) -> JSON:
    calls: list[Call] = fake.wait_for(
        "response_url",
        predicate=lambda c: contains in texts_in(c.body),
    )
    return calls[-1].body


def _as_message(body: JSON) -> JSON:
    """An ephemeral reply as the message a click comes from."""
    return {
        "ts": "1700000000.000100",
        "channel": "C0GENERAL",
        "text": body.get("text", ""),
        "blocks": body["blocks"],
    }


def _open_plan_modal(app: MeetingApp, fake: FakeSlack, user: str = CONTACT) -> JSON:
    before = len([v for v in fake.opened_views(user) if v.get("callback_id") == CallbackId.MEETING])
    app.slack.command(user, "plan")
    wait_until(
        lambda: (
            len([v for v in fake.opened_views(user) if v.get("callback_id") == CallbackId.MEETING])
            > before
        ),
        what="the plan modal",
    )
    return latest_view(fake, user, CallbackId.MEETING)


def _feed(app: MeetingApp, kind: str, token: str) -> tuple[int, bytes]:
    result = http_request(app.runtime.port, "GET", f"/ical/{kind}/{token}.ics")
    return result.status, result.body


def _only_event(data: bytes) -> Any:
    events = list(icalendar.Calendar.from_ical(data).walk("VEVENT"))
    assert len(events) == 1
    return events[0]


def test_plan_through_the_modal_dms_every_member_an_ics(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    view = _open_plan_modal(meeting_app, fake_slack)
    assert t_plain("nl", "meeting.modal.theme_hint") in texts_in(view)
    duration = next(b for b in view["blocks"] if b["block_id"] == BlockId.DURATION)
    assert duration["element"]["initial_option"]["value"] == "120"
    result = meeting_app.slack.submit(
        CONTACT,
        view,
        {
            ActionId.DATE: "30-03-2026",
            ActionId.START: "09:00",
            ActionId.PLACE: "Utrecht, Oudegracht 1",
        },
    )
    assert result.status == 200 and not result.body
    [meeting] = meetings_of(db_engine, meeting_app.group.id)
    assert meeting.starts_at == datetime(2026, 3, 30, 7, 0, tzinfo=UTC)  # 09:00 summer time
    assert meeting.duration_minutes == 120 and meeting.location == "Utrecht, Oudegracht 1"

    files = wait_ics(fake_slack, MEMBERS)
    for user, upload in files.items():
        event = _only_event(upload.content)
        assert str(event["UID"]) == meeting.uid
        assert event.decoded("DTSTART").astimezone(AMS).hour == 9
        other = vobject.readOne(upload.content.decode()).vevent
        assert other.dtstart.value.hour == 9
        assert other.dtstart.value.astimezone(UTC) == meeting.starts_at
        assert upload.initial_comment
        # English Slack, London time zone: the message reads 08:00 London, the file is the same.
        lang, zone = ("en", ZoneInfo("Europe/London")) if user == "UENG0012" else ("nl", AMS)
        planned = said("meeting.dm.planned", lang, **GROUP, when=when(meeting, lang, zone))
        assert upload.initial_comment.startswith(planned), upload.initial_comment
    assert ics_files(fake_slack, OUTSIDER) == []
    # The contact person sees the list of planned meetings in a DM.
    wait_until(
        lambda: any(LIST_TITLE in texts_in(m) for m in fake_slack.messages(CONTACT)),
        what="the list DM",
    )
    with Session(db_engine) as session:
        actions = session.scalars(select(AuditEvent.action)).all()
        reminders = session.scalars(select(Reminder).where(Reminder.meeting_id == meeting.id)).all()
    assert "meeting_planned" in actions
    assert {r.offset_minutes for r in reminders if r.status is ReminderStatus.PENDING} == {
        2880,
        120,
        0,
        1440,
    }


def test_quick_form_plans_at_once_before_the_dst_change(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    meeting_app.slack.command(CONTACT, "plan 1234 28-03-2026 09:00 1,5u Zoom")
    planned = said(
        "meeting.planned_ok",
        when=said(
            "meeting.short_when", date="28-03-2026", time="09:00", duration=hours_text("nl", 90)
        ),
    )
    _reply(fake_slack, planned)
    meeting_app.slack.command(CONTACT, "bijeenkomst 1234 2-4-2026 19:30 90m")
    _reply(fake_slack, "02-04-2026 19:30")
    first, second = meetings_of(db_engine, meeting_app.group.id)
    assert first.starts_at == datetime(2026, 3, 28, 8, 0, tzinfo=UTC)  # winter time, UTC+1
    assert first.duration_minutes == 90
    assert second.starts_at == datetime(2026, 4, 2, 17, 30, tzinfo=UTC)
    files = wait_ics(fake_slack, ("UBRAM002",), count=2)
    assert _only_event(files["UBRAM002"].content).decoded("DTSTART").astimezone(AMS).hour == 19


def test_members_and_outsiders_are_refused_politely(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    meeting_app.slack.command("UBRAM002", "plan 1234 30-03-2026 09:00 2u")
    _reply(fake_slack, NOT_MANAGER)
    meeting_app.slack.command("UBRAM002", "plan 1234")
    meeting_app.slack.command(OUTSIDER, "plan")
    _reply(fake_slack, said("meeting.no_groups"))
    fake_slack.wait_for("response_url", count=3)
    assert [
        v for v in fake_slack.opened_views() if v.get("callback_id") == CallbackId.MEETING
    ] == []
    assert meetings_of(db_engine, meeting_app.group.id) == []


def test_the_secretariat_may_plan(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    meeting_app.slack.command("UADMIN01", "plan 1234 30-03-2026 09:00 2u")
    _reply(fake_slack, PLANNED)
    assert len(meetings_of(db_engine, meeting_app.group.id)) == 1


def _with_duration_options(view: JSON, minutes: list[int]) -> JSON:
    """The modal as a forged client could send it: durations the drop-down does not offer."""
    forged = copy.deepcopy(view)
    for block in forged["blocks"]:
        if block["block_id"] == BlockId.DURATION:
            block["element"]["options"] += [
                {"text": {"type": "plain_text", "text": str(m)}, "value": str(m)} for m in minutes
            ]
    return forged


def test_each_bad_date_time_and_duration_gets_its_own_inline_error(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    view = _with_duration_options(_open_plan_modal(meeting_app, fake_slack), [0, 540])
    good = {ActionId.DATE: "30-03-2026", ActionId.START: "09:00"}
    skipped = t_plain("nl", "meeting.error.time_skipped", time="02:30", date="29-03-2026")
    zero = t_plain("nl", "meeting.error.duration_zero")
    cases = [
        (
            {ActionId.DATE: "31-02-2026"},
            BlockId.DATE,
            t_plain("nl", "meeting.error.date_nonexistent", value="31-02-2026"),
        ),
        ({ActionId.DATE: "2026-03-30"}, BlockId.DATE, t_plain("nl", "meeting.error.date_format")),
        (
            {ActionId.START: "25:00"},
            BlockId.START,
            t_plain("nl", "meeting.error.time_nonexistent", value="25:00"),
        ),
        ({ActionId.DATE: "29-03-2026", ActionId.START: "02:30"}, BlockId.START, skipped),
        ({ActionId.DURATION: "0"}, BlockId.DURATION, zero),
        (
            {ActionId.DURATION: "540"},
            BlockId.DURATION,
            t_plain("nl", "meeting.error.duration_too_long", count=8),
        ),
    ]
    for change, block, message in cases:
        result = meeting_app.slack.submit(CONTACT, view, {**good, **change})
        assert result.status == 200
        answer = result.json
        assert answer["response_action"] == "errors", change
        assert answer["errors"] == {block: message}, answer
    assert meetings_of(db_engine, meeting_app.group.id) == []
    # The quick form refuses the same things with the same words.
    meeting_app.slack.command(CONTACT, "plan 1234 30-03-2026 09:00 0u")
    _reply(fake_slack, zero)
    meeting_app.slack.command(CONTACT, "plan 1234 29-03-2026 02:30 2u")
    _reply(fake_slack, skipped)
    assert meetings_of(db_engine, meeting_app.group.id) == []


def test_an_ambiguous_autumn_time_is_refused_with_both_readings(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    """25-10-2026 02:30 happens twice: the app does not guess (issue 17), it names both."""
    meeting_app.slack.command(CONTACT, "plan 1234 25-10-2026 02:30 1u")
    _reply(
        fake_slack,
        said(
            "input.time_doubled",
            date="25-10-2026",
            time="02:30",
            first_zone="CEST",
            second_zone="CET",
        ),
    )
    assert meetings_of(db_engine, meeting_app.group.id) == []


def test_change_and_cancel_from_the_list_update_the_group_feed(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    app = meeting_app
    app.slack.command(CONTACT, "plan 1234 30-03-2026 09:00 2u Utrecht")
    _reply(fake_slack, PLANNED)
    [meeting] = meetings_of(db_engine, app.group.id)
    status, data = _feed(app, "group", app.group.calendar_token)
    assert status == 200
    event = _only_event(data)
    assert str(event["UID"]) == meeting.uid and int(event["SEQUENCE"]) == 0
    wait_ics(fake_slack, MEMBERS, count=1)

    app.slack.command(CONTACT, "bijeenkomsten 1234")
    listing = _reply(fake_slack, LIST_TITLE)
    assert "30-03-2026 09:00" in str(listing["blocks"])
    cancel = [
        el
        for b in listing["blocks"]
        if b["type"] == "actions"
        for el in b["elements"]
        if el["action_id"] == ActionId.CANCEL
    ]
    assert cancel and cancel[0]["text"]["text"] == t_plain("nl", "meeting.button.cancel")
    assert cancel[0]["confirm"]["confirm"]["text"] == t_plain("nl", "meeting.confirm.yes")

    # Wijzigen: the same modal, filled in; move to 10:00 and 2,5 hours.
    app.slack.click(
        CONTACT, action_id=ActionId.EDIT, value=str(meeting.id), message=_as_message(listing)
    )
    view = latest_view(fake_slack, CONTACT, CallbackId.MEETING)
    state = {b["block_id"]: b["element"] for b in view["blocks"] if b["type"] == "input"}
    assert state[BlockId.DATE]["initial_value"] == "30-03-2026"
    assert state[BlockId.START]["initial_value"] == "09:00"
    assert state[BlockId.PLACE]["initial_value"] == "Utrecht"
    result = app.slack.submit(CONTACT, view, {ActionId.START: "10:00", ActionId.DURATION: "150"})
    assert not result.body
    [changed] = meetings_of(db_engine, app.group.id)
    assert changed.uid == meeting.uid and changed.sequence == 1
    assert changed.starts_at == datetime(2026, 3, 30, 8, 0, tzinfo=UTC)
    event = _only_event(_feed(app, "group", app.group.calendar_token)[1])
    assert int(event["SEQUENCE"]) == 1
    assert event.decoded("DTSTART").astimezone(AMS).hour == 10
    files = wait_ics(fake_slack, MEMBERS, count=2)
    changed_text = said("meeting.dm.changed", **GROUP, when=when(changed, "nl", AMS))
    assert str(files["UBRAM002"].initial_comment).startswith(changed_text)
    assert int(_only_event(files["UBRAM002"].content)["SEQUENCE"]) == 1
    with Session(db_engine) as session:
        due = session.scalars(
            select(Reminder.due_at).where(
                Reminder.meeting_id == meeting.id, Reminder.offset_minutes == 120
            )
        ).one()
    assert due == datetime(2026, 3, 30, 6, 0, tzinfo=UTC)  # the reminder moved with the meeting

    # Bijeenkomst annuleren (Slack asked for confirmation in the client): CANCELLED everywhere.
    app.slack.click(
        CONTACT, action_id=ActionId.CANCEL, value=str(meeting.id), message=_as_message(listing)
    )
    after = _reply(fake_slack, said("meeting.cancelled_ok", when=short_when(changed, "nl", AMS)))
    assert after.get("replace_original") is True
    [cancelled] = meetings_of(db_engine, app.group.id)
    assert cancelled.status is MeetingStatus.CANCELLED and cancelled.sequence == 2
    event = _only_event(_feed(app, "group", app.group.calendar_token)[1])
    assert str(event["STATUS"]) == "CANCELLED" and int(event["SEQUENCE"]) == 2
    files = wait_ics(fake_slack, MEMBERS, count=3)
    cancel_cal = vobject.readOne(files["UZOE0003"].content.decode())
    assert cancel_cal.method.value == "CANCEL"
    assert cancel_cal.vevent.status.value == "CANCELLED"
    cancelled_text = said("meeting.dm.cancelled", **GROUP, when=when(changed, "nl", AMS))
    assert str(files["UZOE0003"].initial_comment).startswith(cancelled_text)
    with Session(db_engine) as session:
        statuses = set(
            session.scalars(select(Reminder.status).where(Reminder.meeting_id == meeting.id))
        )
    assert statuses == {ReminderStatus.CANCELLED}


def test_a_member_cannot_cancel_by_forging_a_click(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    meeting_app.slack.command(CONTACT, "plan 1234 30-03-2026 09:00 2u")
    listing = _reply(fake_slack, PLANNED)
    [meeting] = meetings_of(db_engine, meeting_app.group.id)
    meeting_app.slack.click(
        "UBRAM002", action_id=ActionId.CANCEL, value=str(meeting.id), message=_as_message(listing)
    )
    _reply(fake_slack, NOT_MANAGER)
    [still] = meetings_of(db_engine, meeting_app.group.id)
    assert still.status is MeetingStatus.PLANNED and still.sequence == 0


def test_a_past_meeting_goes_straight_on_to_registering_attendance(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    view = _open_plan_modal(meeting_app, fake_slack)
    result = meeting_app.slack.submit(
        CONTACT, view, {ActionId.DATE: "10-03-2026", ActionId.START: "19:00"}
    )
    assert not result.body
    [meeting] = meetings_of(db_engine, meeting_app.group.id)
    assert meeting.starts_at == datetime(2026, 3, 10, 18, 0, tzinfo=UTC)
    assert meeting.attendance_registered_at is None  # waiting for registration
    # The attendance area's registration modal opens for this meeting.
    registration = latest_view(fake_slack, CONTACT, AttendanceCallbackId.REGISTER)
    assert "10-03-2026" in str(registration)
    # The DM with the list says so too, with the attendance area's button on the meeting.
    listing = wait_until(
        lambda: [m for m in fake_slack.messages(CONTACT) if PAST in texts_in(m)],
        what="the register hint",
    )[-1]
    buttons = [
        el["action_id"] for b in listing["blocks"] if b["type"] == "actions" for el in b["elements"]
    ]
    assert AttendanceActionId.OPEN_REGISTRATION in buttons
    meeting_app.runtime.outbox.wait_idle()
    assert ics_files(fake_slack, "UBRAM002") == []  # nobody is invited to the past
    # The quick form does the same.
    meeting_app.slack.command(CONTACT, "plan 1234 12-03-2026 19:00 2u")
    _reply(fake_slack, PAST)
    wait_until(
        lambda: (
            len(
                [
                    v
                    for v in fake_slack.opened_views(CONTACT)
                    if v.get("callback_id") == AttendanceCallbackId.REGISTER
                ]
            )
            == 2
        ),
        what="a second registration modal",
    )


def test_agenda_feed_link_and_reset(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    app = meeting_app
    app.slack.command(CONTACT, "plan 1234 30-03-2026 09:00 2u")
    _reply(fake_slack, PLANNED)
    app.slack.command("UBRAM002", "agenda")
    body = _reply(fake_slack, said("agenda.upcoming"))
    assert "30-03-2026 09:00" in texts_in(body)
    with Session(db_engine) as session:
        token = session.scalars(
            select(Person.calendar_token).where(Person.slack_user_id == "UBRAM002")
        ).one()
    assert token
    assert said("agenda.feed", url=f"http://intervisie.test/ical/member/{token}.ics") in texts_in(
        body
    )
    status, data = _feed(app, "member", token)
    assert status == 200
    assert _only_event(data).decoded("DTSTART").astimezone(AMS).hour == 9

    app.slack.command("UBRAM002", "agenda reset")
    _reply(fake_slack, said("agenda.reset_done"))
    with Session(db_engine) as session:
        new_token = session.scalars(
            select(Person.calendar_token).where(Person.slack_user_id == "UBRAM002")
        ).one()
    assert new_token and new_token != token
    assert _feed(app, "member", token) == (404, b"not found")
    assert _feed(app, "member", new_token)[0] == 200
    assert _feed(app, "group", "x" * 43) == (404, b"not found")
    assert http_request(app.runtime.port, "GET", "/ical/member/short.ics").status == 404


def test_app_home_shows_the_agenda(meeting_app: MeetingApp, fake_slack: FakeSlack) -> None:
    meeting_app.slack.command(CONTACT, "plan 1234 30-03-2026 09:00 2u")
    _reply(fake_slack, PLANNED)
    meeting_app.slack.open_home("UZOE0003")
    view = texts_in(fake_slack.wait_for("views.publish")[-1].body["view"])
    assert said("agenda.title") in view and said("agenda.upcoming") in view
    assert "30-03-2026 09:00" in view and "/ical/member/" in view


def test_contact_person_sets_reminder_lead_times(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    app = meeting_app
    app.slack.command(CONTACT, "plan 1234 30-03-2026 09:00 2u")
    _reply(fake_slack, PLANNED)
    app.slack.command(CONTACT, "herinneringen 1234 24u 1u")
    leads = hours_text("nl", 24 * 60) + said("reminders.and") + hours_text("nl", 60)
    _reply(fake_slack, said("reminders.current", number=1234, leads=leads))
    [meeting] = meetings_of(db_engine, app.group.id)
    with Session(db_engine) as session:
        rows = session.scalars(
            select(Reminder).where(
                Reminder.meeting_id == meeting.id, Reminder.kind == ReminderKind.BEFORE_MEETING
            )
        ).all()
        pending = {r.offset_minutes: r.due_at for r in rows if r.status is ReminderStatus.PENDING}
        cancelled = {r.offset_minutes for r in rows if r.status is ReminderStatus.CANCELLED}
    assert pending[1440] == datetime(2026, 3, 29, 7, 0, tzinfo=UTC)
    assert pending[60] == datetime(2026, 3, 30, 6, 0, tzinfo=UTC)
    assert cancelled == {2880, 120}
    app.slack.command("UBRAM002", "herinneringen 1234 1u")
    _reply(fake_slack, NOT_MANAGER)
    app.slack.command(CONTACT, "herinneringen 1234 ooit")
    _reply(fake_slack, said("reminders.error.lead_format", value="ooit"))


def test_a_contact_person_of_two_groups_picks_one_and_a_forged_submit_is_refused(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    second = seed_group(db_engine, number=1235, members=(CONTACT, "UHANS008"))
    view = _open_plan_modal(meeting_app, fake_slack)
    picker = next(b for b in view["blocks"] if b["block_id"] == BlockId.GROUP)
    assert [o["value"] for o in picker["element"]["options"]] == [
        str(meeting_app.group.id),
        str(second.id),
    ]
    values = {ActionId.DATE: "30-03-2026", ActionId.START: "09:00"}
    # A member replaying the contact person's modal is refused inline; nothing is stored.
    forged = meeting_app.slack.submit("UBRAM002", view, {**values, ActionId.GROUP: str(second.id)})
    assert t_plain("nl", "group.not_manager", number=1235) in forged.json["errors"].values()
    assert meetings_of(db_engine, second.id) == []
    result = meeting_app.slack.submit(CONTACT, view, {**values, ActionId.GROUP: str(second.id)})
    assert not result.body
    assert len(meetings_of(db_engine, second.id)) == 1
    assert meetings_of(db_engine, meeting_app.group.id) == []
    wait_ics(fake_slack, ("UHANS008",))
    assert ics_files(fake_slack, "UBRAM002") == []
