"""A group's whole life, through Slack's front door: closing for requests refuses the next request
with a message; a new name reaches the next meeting DM and the feeds; a removed member is told,
gets no reminder for the next meeting and keeps a certificate that still verifies; a deputy
approves a request and registers attendance; verslag confirmations appear on the group's page;
an ended group leaves the directory while its members' certificates still verify. Each refusal
(an empty name, removing the contact person, a non-member as deputy, ending twice) says why and
writes nothing."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.clock import ManualClock
from bot.devtools.fake_slack import FakeSlack
from bot.i18n import CATALOGUE, t, t_plain, tn
from bot.jobs import dispatch_reminders
from handlers.ui.attendance_ui import CallbackId as AttendanceCallbackId
from handlers.ui.attendance_ui import member_action_id
from handlers.ui.group_life_ids import ActionId, BlockId, CallbackId
from handlers.ui.groups_ids import ActionId as GroupActionId
from storage.models import (
    Attendance,
    AuditEvent,
    Enrollment,
    EnrollmentStatus,
    Meeting,
    MeetingStatus,
    VerslagConfirmation,
)
from tests.support.group_life import (
    ask,
    button,
    dm_texts,
    errors,
    feed,
    group,
    group_feed_path,
    name_deputy,
    open_modal,
    open_page,
    personal_feed_path,
    press,
    response_text,
    submit_forged,
    verify_status,
    wait_dm_with,
)
from tests.support.groups import ask_to_join, button_value, fill_group, wait_dm, wait_view
from tests.support.meetings import ics_files
from tests.support.privacy import (
    CONTACT,
    MEMBER,
    NOW,
    SECOND_MEMBER,
    World,
    completed_files,
    snapshot,
)
from tests.support.saved_world import front_door_fixtures
from tests.support.wait import wait_until

PENDING = "UEMMA005"
STRANGER = "UHANS008"
SECRETARIAT = "UADMIN01"
# 30-12-2026 09:00 in Amsterdam: the world's future meeting; its first reminder two days before.
FUTURE_START = datetime(2026, 12, 30, 8, 0, tzinfo=UTC)
FIRST_REMINDER = datetime(2026, 12, 28, 8, 0, tzinfo=UTC)
REMINDER_PREFIX = CATALOGUE["reminder.dm.before"][0].split("{")[0]


# The app on a manual clock at NOW, and the shared world built through the front door.
clock, app, world = front_door_fixtures(NOW)


def _unchanged_by(world: World, action: object) -> None:
    """Run `action` (a refused one) and check that no row of any table changed."""
    world.runtime.outbox.wait_idle()
    before = snapshot(world.engine)
    assert callable(action)
    action()
    world.runtime.outbox.wait_idle()
    assert snapshot(world.engine) == before


def _reminders(fake: FakeSlack, user: str) -> list[str]:
    return [m for m in dm_texts(fake, user) if m.startswith(REMINDER_PREFIX)]


# ---------------------------------------------------------------------------- edit


def test_closing_for_requests_ends_waiting_requests_and_refuses_new_ones(world: World) -> None:
    fake, number = world.fake, world.number
    view = open_modal(world, CONTACT, action_id=ActionId.EDIT, callback_id=CallbackId.EDIT)

    # An empty name: an inline error, and nothing is written.
    def empty_name() -> None:
        result = world.slack.submit(CONTACT, view, {GroupActionId.NAME: " \u200b "})
        assert errors(result) == {"name": t_plain("nl", "group.create.name_required")}

    _unchanged_by(world, empty_name)

    result = world.slack.submit(CONTACT, view, {GroupActionId.OPEN: "no"})
    assert result.json["response_action"] == "update"
    assert t("nl", "life.edit.done", number=number) in str(result.json["view"])
    assert tn("nl", "life.edit.lapsed", 1) in str(result.json["view"])
    # Emma, who was waiting, is told her request lapsed; Anne's request DM loses its buttons.
    wait_dm_with(
        fake, PENDING, t("nl", "life.dm.request_ended.closed", number=number, name="Noord")
    )
    redrawn = wait_dm_with(fake, CONTACT, t("nl", "life.request.lapsed.closed", date="20-11-2026"))
    assert GroupActionId.APPROVE.value not in redrawn
    with Session(world.engine) as session:
        emma = session.scalars(
            select(Enrollment).where(Enrollment.person_id == world.person_ids[PENDING])
        ).one()
        assert emma.status is EnrollmentStatus.REJECTED

    # The next request is refused with a message that says why.
    refusal = ask(world, STRANGER, f"aanmelden {number}")
    assert t("nl", "enroll.closed", number=number, name="Noord") in response_text(refusal)
    assert "*Noord*" not in response_text(ask(world, STRANGER, "groepen"))
    page = open_page(world, CONTACT)
    assert t("nl", "life.page.closed") in response_text(page)


def test_a_new_name_reaches_the_next_meeting_dm_and_the_feeds(world: World) -> None:
    fake, number = world.fake, world.number
    bram_feed = personal_feed_path(world, MEMBER)
    assert "Noord" in feed(world.runtime, group_feed_path(world))
    view = open_modal(world, CONTACT, action_id=ActionId.EDIT, callback_id=CallbackId.EDIT)
    result = world.slack.submit(CONTACT, view, {GroupActionId.NAME: "Noord-Oost"})
    assert result.json["response_action"] == "update"

    # The members are told; Anne, who made the change, is not.
    told = t("nl", "life.dm.edited.name", value="Noord-Oost")
    wait_dm_with(fake, MEMBER, told)
    wait_dm_with(fake, SECOND_MEMBER, told)
    world.runtime.outbox.wait_idle()
    assert not any(told in m for m in dm_texts(fake, CONTACT))

    # Both feeds use the new name, and the future meeting got a new revision for calendars.
    summary = t_plain("nl", "meeting.ics_summary", number=number, name="Noord-Oost")
    for path in (group_feed_path(world), bram_feed):
        text = feed(world.runtime, path).replace("\r\n ", "")
        assert summary in text
        assert "SEQUENCE:1" in text

    # The next meeting's DM uses the new name.
    before = len(ics_files(fake, MEMBER))
    ask(world, CONTACT, f"plan {number} 14-01-2027 19:00 2u")
    wait_until(lambda: len(ics_files(fake, MEMBER)) > before, what="the new meeting's .ics")
    comment = str(ics_files(fake, MEMBER)[-1].initial_comment)
    assert "Noord-Oost" in comment
    assert summary in ics_files(fake, MEMBER)[-1].content.decode().replace("\r\n ", "")


# ---------------------------------------------------------------------------- remove


def test_a_removed_member_is_told_gets_no_reminder_and_keeps_the_certificate(
    world: World, clock: ManualClock
) -> None:
    fake, number = world.fake, world.number
    fill_group(world.slack, fake, number, ["UDAAN004", "UFEMK006"])
    assert t_plain("nl", "group.status.active") in response_text(open_page(world, CONTACT))
    bram_feed = personal_feed_path(world, MEMBER)
    with Session(world.engine) as session:
        future_uid = session.get_one(Meeting, world.future_meeting_id).uid
    assert future_uid in feed(world.runtime, bram_feed)

    view = open_modal(world, CONTACT, action_id=ActionId.REMOVE, callback_id=CallbackId.REMOVE)
    offered = str(view)
    assert "Bram Jansen" in offered and "Anne de Vries" not in offered

    # The contact person cannot be removed, not even with a forged form: said inline, no write.
    def remove_contact() -> None:
        state = {
            BlockId.MEMBER: {
                ActionId.MEMBER: {
                    "type": "static_select",
                    "selected_option": {"value": str(world.person_ids[CONTACT])},
                }
            },
            BlockId.REASON: {
                ActionId.REASON: {"type": "static_select", "selected_option": {"value": "other"}}
            },
            BlockId.CONFIRM: {
                ActionId.CONFIRM: {"type": "checkboxes", "selected_options": [{"value": "yes"}]}
            },
        }
        result = submit_forged(world.slack, CONTACT, view, state)
        assert errors(result) == {
            BlockId.MEMBER: t_plain("nl", "life.remove.contact_person", number=number)
        }

    _unchanged_by(world, remove_contact)

    # Without the tick nothing happens either.
    unticked = world.slack.submit(
        CONTACT,
        view,
        {ActionId.MEMBER: str(world.person_ids[MEMBER]), ActionId.REASON: "left_job"},
    )
    assert errors(unticked) == {BlockId.CONFIRM: t_plain("nl", "life.remove.confirm_needed")}

    result = world.slack.submit(
        CONTACT,
        view,
        {
            ActionId.MEMBER: str(world.person_ids[MEMBER]),
            ActionId.REASON: "left_job",
            ActionId.CONFIRM: ["yes"],
        },
    )
    assert result.json["response_action"] == "update"
    forming = t_plain("nl", "group.status.forming")
    assert forming in str(result.json["view"])

    # Bram is told who removed him and why.
    reason = t_plain("nl", "life.reason.left_job")
    wait_dm_with(
        fake,
        MEMBER,
        t("nl", "life.dm.removed", who="Anne de Vries", number=number, name="Noord", reason=reason),
    )
    # The group is forming again (4 of at least 5), and Bram is no longer on its page.
    page = response_text(open_page(world, CONTACT))
    assert forming in page and tn("nl", "life.page.members", 4, max=10) in page
    assert "Bram Jansen" not in page
    assert t("nl", "life.page.not_member", number=number) in response_text(open_page(world, MEMBER))
    # His feed no longer lists the group's future meeting.
    assert future_uid not in feed(world.runtime, bram_feed)

    # The first reminder of the next meeting goes to the four members, not to Bram.
    clock.set(FIRST_REMINDER)
    assert dispatch_reminders(world.runtime.deps) == 4
    wait_until(lambda: _reminders(fake, "UFEMK006"), what="Femke's reminder")
    world.runtime.outbox.wait_idle()
    assert _reminders(fake, MEMBER) == []

    # His certificate and hours stay his: the certificate still verifies.
    assert verify_status(world.runtime, world.member_certificate_id, world.engine) == "valid"
    with Session(world.engine) as session:
        assert session.scalars(
            select(Attendance).where(Attendance.person_id == world.person_ids[MEMBER])
        ).all()
        enrollment = session.scalars(
            select(Enrollment).where(
                Enrollment.person_id == world.person_ids[MEMBER],
                Enrollment.group_id == world.group_id,
            )
        ).one()
        assert enrollment.status is EnrollmentStatus.REMOVED
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "member_removed")
        ).one()
        assert event.actor_id == world.person_ids[CONTACT]
        assert event.details["reason"] == "left_job"


# ---------------------------------------------------------------------------- deputy


def test_a_deputy_approves_a_request_and_registers_attendance(world: World) -> None:
    fake, number = world.fake, world.number
    zoe = SECOND_MEMBER

    # A non-member cannot be the deputy: said inline, nothing written.
    def stranger_as_deputy() -> None:
        result = name_deputy(world, CONTACT, STRANGER)
        assert errors(result) == {
            BlockId.DEPUTY_USER: t_plain(
                "nl", "life.deputy.not_member", who="Hans Mulder", number=number
            )
        }

    _unchanged_by(world, stranger_as_deputy)

    assert errors(name_deputy(world, CONTACT, zoe)) == {}
    wait_dm_with(fake, zoe, t("nl", "life.dm.deputy_new", number=number, name="Noord"))
    assert group(world).deputy_id == world.person_ids[zoe]
    page = response_text(open_page(world, CONTACT))
    assert "Zoë Şahin-Łukasiewicz" in page

    # The deputy leads nothing: editing is refused with a message.
    refusal = press(world, zoe, action_id=ActionId.EDIT, value=str(world.group_id))
    assert t("nl", "life.not_lead", number=number) in response_text(refusal)

    # A new request reaches the deputy too; she approves it from her own DM.
    ask_to_join(world.slack, fake, STRANGER, number)
    request = wait_dm(fake, zoe, "Hans Mulder")
    world.slack.click(
        zoe,
        action_id=GroupActionId.APPROVE,
        value=button_value(request, GroupActionId.APPROVE),
        message=request,
    )
    wait_dm(fake, STRANGER, "Welkom")
    # Both copies of the request now say who decided.
    decided = tn(
        "nl",
        "request.approved_line",
        4,
        who="Zoë Şahin-Łukasiewicz",
        date="20-11-2026",
        time="16:00",
        status=t_plain("nl", "group.status.forming"),
    )
    wait_dm_with(fake, CONTACT, decided)
    wait_dm_with(fake, zoe, decided)
    # Hans joins a group with a meeting planned: its .ics comes to him.
    with Session(world.engine) as session:
        future_uid = session.get_one(Meeting, world.future_meeting_id).uid
    wait_until(
        lambda: any(future_uid in f.content.decode() for f in ics_files(fake, STRANGER)),
        what="the planned meeting's .ics for the new member",
    )

    # Emma's request (from before there was a deputy) is on the page, approved from there.
    page = open_page(world, zoe)
    approve = button(page, ActionId.PAGE_APPROVE)
    assert approve is not None
    redrawn = press(world, zoe, action_id=ActionId.PAGE_APPROVE, value=approve["value"], page=page)
    assert t("nl", "life.page.approved", requester="Emma Bakker") in response_text(redrawn)
    wait_dm(fake, PENDING, "Welkom")

    # The deputy registers the attendance of the meeting still waiting for it.
    world.slack.command(zoe, f"registreer {number}")
    view = wait_view(fake, zoe, AttendanceCallbackId.REGISTER)
    ids = world.person_ids
    result = world.slack.submit(
        zoe,
        view,
        {
            member_action_id(ids[CONTACT]): "presenter",
            member_action_id(ids[zoe]): "facilitator",
            member_action_id(ids[MEMBER]): "participant",
        },
    )
    assert result.status == 200, result.text
    with Session(world.engine) as session:
        meeting = session.get_one(Meeting, world.waiting_meeting_id)
        assert meeting.attendance_registered_at is not None
        rows = session.scalars(
            select(Attendance).where(Attendance.meeting_id == meeting.id, Attendance.present)
        ).all()
        assert {r.registered_by_id for r in rows} == {ids[zoe]}
        # Every decision records who took it.
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.group_id == world.group_id)
        ).all()
        named = [e.actor_id for e in events if e.action == "deputy_named"]
        approved = {e.subject_id: e.actor_id for e in events if e.action == "enrollment_approved"}
        registered = [
            e.actor_id
            for e in events
            if e.action == "attendance_registered" and e.details["meeting_id"] == meeting.id
        ]
        assert named == [ids[CONTACT]]
        assert approved[ids[STRANGER]] == approved[ids[PENDING]] == ids[zoe]
        assert registered == [ids[zoe]]


# ---------------------------------------------------------------------------- verslag


def test_verslag_confirmations_appear_on_the_page(world: World) -> None:
    fake, number = world.fake, world.number
    question = t("nl", "life.verslag.ask", date="10-11-2026")
    # Everyone present at the registered meeting was asked; nobody else.
    for user in (CONTACT, MEMBER, SECOND_MEMBER):
        wait_dm_with(fake, user, question)
    assert not any(question in m for m in dm_texts(fake, STRANGER))
    page = response_text(open_page(world, CONTACT))
    assert tn("nl", "life.page.verslag_count", 3, confirmed=0) in page

    ask_dm = next(m for m in fake.messages(MEMBER) if question in str(m.get("blocks")))
    value = button_value(ask_dm, ActionId.VERSLAG_CONFIRM)
    for _ in range(2):  # a second press changes nothing
        world.slack.click(MEMBER, action_id=ActionId.VERSLAG_CONFIRM, value=value, message=ask_dm)
    wait_dm_with(fake, MEMBER, t("nl", "life.verslag.confirmed", date="20-11-2026", time="16:00"))
    with Session(world.engine) as session:
        assert len(session.scalars(select(VerslagConfirmation)).all()) == 1

    # The page shows who confirmed (never anything of the verslag itself).
    page = response_text(open_page(world, SECOND_MEMBER))
    line = t(
        "nl",
        "life.page.verslag_line",
        date="10-11-2026",
        confirmed_text=tn("nl", "life.page.verslag_count", 3, confirmed=1),
    )
    assert f"{line} — Bram Jansen" in page

    # Someone who was not there cannot confirm.
    refusal = press(world, STRANGER, action_id=ActionId.VERSLAG_CONFIRM, value=value)
    assert t("nl", "life.verslag.not_present") in response_text(refusal)

    # The group turns the question off: the next registration asks nobody.
    view = open_modal(world, CONTACT, action_id=ActionId.EDIT, callback_id=CallbackId.EDIT)
    world.slack.submit(CONTACT, view, {ActionId.VERSLAG_CHECK: "no"})
    world.slack.command(CONTACT, f"registreer {number}")
    register = wait_view(fake, CONTACT, AttendanceCallbackId.REGISTER, seen=2)
    ids = world.person_ids
    world.slack.submit(
        CONTACT,
        register,
        {
            member_action_id(ids[CONTACT]): "facilitator",
            member_action_id(ids[MEMBER]): "presenter",
        },
    )
    wait_until(
        lambda: len([f for f in completed_files(fake, MEMBER) if f.filename.endswith(".pdf")]) >= 2,
        what="Bram's second certificate",
    )
    world.runtime.outbox.wait_idle()
    later = t("nl", "life.verslag.ask", date="12-11-2026")
    assert not any(later in m for m in dm_texts(fake, MEMBER))
    assert t("nl", "life.page.verslag_off") in response_text(open_page(world, CONTACT))


# ---------------------------------------------------------------------------- end


def test_an_ended_group_leaves_the_directory_and_its_certificates_still_verify(
    world: World,
) -> None:
    fake, number = world.fake, world.number
    assert f"*{number} · Noord*" in response_text(ask(world, STRANGER, "groepen"))
    page = open_page(world, CONTACT)
    end = button(page, ActionId.END)
    assert end is not None and end.get("confirm")
    ics_before = len(ics_files(fake, MEMBER))
    ended = press(world, CONTACT, action_id=ActionId.END, value=end["value"], page=page)
    assert t("nl", "life.end.done", number=number) in response_text(ended)

    # The members are told; the planned meeting is cancelled in their calendars; Emma's request
    # lapsed.
    told = t("nl", "life.dm.ended", number=number, name="Noord", who="Anne de Vries")
    wait_dm_with(fake, MEMBER, told)
    wait_dm_with(fake, SECOND_MEMBER, told)
    wait_dm_with(fake, PENDING, t("nl", "life.dm.request_ended.ended", number=number, name="Noord"))
    wait_until(lambda: len(ics_files(fake, MEMBER)) > ics_before, what="the cancellation .ics")
    assert "STATUS:CANCELLED" in ics_files(fake, MEMBER)[-1].content.decode()
    with Session(world.engine) as session:
        meeting = session.get_one(Meeting, world.future_meeting_id)
        assert meeting.status is MeetingStatus.CANCELLED

    # Gone from the directory; no requests and no meetings any more.
    assert f"*{number} · Noord*" not in response_text(ask(world, STRANGER, "groepen"))
    refused = t("nl", "life.ended", number=number, name="Noord")
    assert refused in response_text(ask(world, STRANGER, f"aanmelden {number}"))
    assert refused in response_text(ask(world, CONTACT, f"plan {number} 14-01-2027 19:00 2u"))

    # It stays in the members' history, and their certificates still verify.
    bram_page = response_text(open_page(world, MEMBER))
    assert t_plain("nl", "group.status.ended") in bram_page
    assert t("nl", "life.page.ended", date="20-11-2026") in bram_page
    assert verify_status(world.runtime, world.member_certificate_id, world.engine) == "valid"

    # Ending it again is refused; only the secretariat reopens it.
    again = press(world, CONTACT, action_id=ActionId.END, value=str(world.group_id))
    assert t("nl", "life.end.already", number=number) in response_text(again)
    assert button(open_page(world, CONTACT), ActionId.REOPEN) is None
    refusal = press(world, CONTACT, action_id=ActionId.REOPEN, value=str(world.group_id))
    assert t("nl", "admin.only_secretariat") in response_text(refusal)
    assert group(world).ended_at is not None

    admin_page = open_page(world, SECRETARIAT)
    reopen = button(admin_page, ActionId.REOPEN)
    assert reopen is not None
    press(world, SECRETARIAT, action_id=ActionId.REOPEN, value=reopen["value"], page=admin_page)
    wait_dm_with(fake, MEMBER, t("nl", "life.dm.reopened", number=number, name="Noord"))
    assert f"*{number} · Noord*" in response_text(ask(world, STRANGER, "groepen"))
    assert group(world).ended_at is None
