"""Joining by number, the contact person's decision buttons, the size rules, races, and leaving."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from bot.devtools.blockkit import assert_valid_view
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim
from bot.i18n import format_date, format_time, t, t_plain, tn
from bot.services.meeting_text import when
from handlers.ui.groups_ids import ActionId, BlockId, CallbackId
from storage.models import AuditEvent, Enrollment, Group, Meeting, MembershipType, Person
from tests.support.attendance import add_meeting
from tests.support.groups import (
    approve,
    approved_count,
    ask_to_join,
    button_value,
    create_group,
    dms_containing,
    fill_group,
    request_message,
    responses,
    statuses,
    wait_dm,
    wait_response,
    wait_view,
)
from tests.support.people import PEOPLE
from tests.support.texts import opening, said, texts_in
from tests.support.wait import wait_until

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
APPROVE, REJECT = t_plain("nl", "request.approve"), t_plain("nl", "request.reject")

ANNE = "UANNE001"
OTHERS = ["UBRAM002", "UZOE0003", "UDAAN004", "UEMMA005", "UFEMK006"]


def _name(user: str) -> str:
    return PEOPLE[user]["real_name"]


def _db_snapshot(engine: Engine) -> tuple[int, int, list[str]]:
    with engine.connect() as conn:
        return (
            conn.execute(select(func.count()).select_from(Enrollment)).scalar() or 0,
            conn.execute(select(func.count()).select_from(AuditEvent)).scalar() or 0,
            [
                str(s)
                for s in conn.execute(select(Enrollment.status).order_by(Enrollment.id)).scalars()
            ],
        )


def test_five_join_four_approved_one_rejected_group_becomes_active(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    number = create_group(slack, fake_slack, ANNE, name="Utrecht Noord")

    # First request: the membership modal states the non-member fee plainly.
    first = OTHERS[0]
    slack.command(first, f"aanmelden {number}")
    modal = wait_view(fake_slack, first, CallbackId.MEMBERSHIP)
    assert_valid_view(modal)
    without = t_plain("nl", "association.without.generic")
    assert said("membership.fee", fee="75", without_text=without) in texts_in(modal)
    # A member without a member number is asked for it; nothing is stored.
    missing = slack.submit(first, modal, {ActionId.MEMBERSHIP_TYPE: "member"})
    assert missing.json["errors"][BlockId.MEMBER_NUMBER] == t_plain(
        "nl", "enroll.member_number_required"
    )
    assert _db_snapshot(db_engine)[0] == 1
    sent = slack.submit(first, modal, {ActionId.MEMBERSHIP_TYPE: "participant"})
    assert sent.json["response_action"] == "update"
    assert said("enroll.sent", number=number, name="Utrecht Noord") in texts_in(sent.json["view"])

    for user in OTHERS[1:]:
        ask_to_join(slack, fake_slack, user, number)

    # The contact person gets one DM per request, with name, membership type and two buttons.
    request = texts_in(request_message(fake_slack, ANNE, _name(first)))
    # No association name set yet: the membership is named in general terms.
    without = t_plain("nl", "association.without.generic")
    assert t_plain("nl", "membership.label.participant", fee="75", without_text=without) in request
    assert APPROVE in request and REJECT in request
    zoe_request = texts_in(request_message(fake_slack, ANNE, _name(OTHERS[1])))
    member = t_plain("nl", "association.member_option.generic")
    label = t_plain("nl", "membership.label.member", member_option=member, number="LVV-003")
    assert label in zoe_request
    assert statuses(db_engine, number) == {ANNE: "approved", **{u: "pending" for u in OTHERS}}

    # Approve four: the group is forming until the fifth member.
    slack.command("UGERT007", "groepen")
    assert t_plain("nl", "group.status.forming") in wait_response(fake_slack, "Utrecht Noord")
    welcome = said("decision.welcome", number=number, name="Utrecht Noord", contact=_name(ANNE))
    for user in OTHERS[:4]:
        approve(slack, fake_slack, ANNE, _name(user))
        wait_dm(fake_slack, user, welcome)

    # The request message is updated: no buttons, who decided and when.
    updated = wait_until(
        lambda: next(
            (
                m
                for m in fake_slack.messages(ANNE)
                if _name(OTHERS[3]) in str(m["blocks"]) and m.get("updated")
            ),
            None,
        ),
        what="updated request message",
    )
    with db_engine.connect() as conn:
        decided = conn.execute(
            select(Enrollment.decided_at)
            .join(Person, Person.id == Enrollment.person_id)
            .where(Person.slack_user_id == OTHERS[3])
        ).scalar_one()
    assert decided is not None
    approved_line = said(
        "request.approved_line",
        count=5,
        who=_name(ANNE),
        date=format_date(decided, tz=AMSTERDAM),
        time=format_time(decided, tz=AMSTERDAM),
        status=t_plain("nl", "group.status.active"),
    )
    assert approved_line in texts_in(updated)
    assert APPROVE not in texts_in(updated)

    # Reject the fifth, with a reason, through the modal.
    last = OTHERS[4]
    msg = request_message(fake_slack, ANNE, _name(last))
    slack.click(
        ANNE, action_id=ActionId.REJECT, value=button_value(msg, ActionId.REJECT), message=msg
    )
    reject_modal = wait_view(fake_slack, ANNE, CallbackId.REJECT)
    assert_valid_view(reject_modal)
    done = slack.submit(
        ANNE, reject_modal, {ActionId.REJECT_REASON: "We zoeken iemand uit Utrecht"}
    )
    assert done.status == 200 and not done.body
    rejection = wait_dm(
        fake_slack, last, said("decision.rejected", number=number, name="Utrecht Noord")
    )
    assert said("decision.reason", reason="We zoeken iemand uit Utrecht") in texts_in(rejection)
    assert dms_containing(fake_slack, last, opening("decision.welcome")) == []

    expected = {ANNE: "approved", **{u: "approved" for u in OTHERS[:4]}, last: "rejected"}
    assert statuses(db_engine, number) == expected
    slack.command("UGERT007", "groepen")
    wait_until(
        lambda: any(
            f"_{t_plain('nl', 'group.status.active')}_" in r and "Utrecht Noord" in r
            for r in responses(fake_slack)
        ),
        what="directory showing the group active",
    )
    with db_engine.connect() as conn:
        actions = conn.execute(select(AuditEvent.action)).scalars().all()
        details = conn.execute(
            select(AuditEvent.details).where(AuditEvent.action == "enrollment_rejected")
        ).scalar_one()
    assert actions.count("enrollment_requested") == 5
    assert actions.count("enrollment_approved") == 4
    assert actions.count("enrollment_rejected") == 1
    assert "We zoeken" not in str(details)  # metadata only


def test_eleventh_request_to_a_full_group_is_refused(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    number = create_group(slack, fake_slack, ANNE, name="Volle groep")
    nine = [
        "UBRAM002",
        "UZOE0003",
        "UDAAN004",
        "UEMMA005",
        "UFEMK006",
        "UGERT007",
        "UHANS008",
        "UINGE009",
        "UJOOS010",
    ]
    fill_group(slack, fake_slack, number, nine)
    assert approved_count(db_engine, number) == 10

    before = _db_snapshot(db_engine)
    slack.command("UKARL011", f"aanmelden {number}")
    wait_response(fake_slack, said("enroll.full", count=10, number=number, name="Volle groep"))
    assert _db_snapshot(db_engine) == before
    assert fake_slack.opened_views("UKARL011") == []

    # In the directory it shows as full, without a join button.
    slack.command("UKARL011", "groepen")
    no_seats = t_plain("nl", "directory.seats.other", count=0)
    listing = wait_response(fake_slack, no_seats)
    assert f"_{t_plain('nl', 'group.status.full')}_" in listing
    assert ActionId.DIRECTORY_JOIN not in listing


def test_non_contact_person_is_refused_and_double_click_approves_once(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    number = create_group(slack, fake_slack, ANNE, name="Dubbel")
    ask_to_join(slack, fake_slack, "UBRAM002", number)
    ask_to_join(slack, fake_slack, "UZOE0003", number)
    msg = request_message(fake_slack, ANNE, "Bram Jansen")
    value = button_value(msg, ActionId.APPROVE)

    # Zoë (a requester, not the contact person) presses Approve on the same message.
    before = _db_snapshot(db_engine)
    slack.click("UZOE0003", action_id=ActionId.APPROVE, value=value, message=msg)
    not_manager = said("group.not_manager", number=number)
    wait_response(fake_slack, not_manager)
    slack.click("UZOE0003", action_id=ActionId.REJECT, value=value, message=msg)
    wait_until(
        lambda: sum(not_manager in r for r in responses(fake_slack)) == 2,
        what="second refusal",
    )
    assert _db_snapshot(db_engine) == before
    assert fake_slack.opened_views("UZOE0003") == [] or all(
        v.get("callback_id") != CallbackId.REJECT for v in fake_slack.opened_views("UZOE0003")
    )

    # Anne double-clicks.
    slack.click(ANNE, action_id=ActionId.APPROVE, value=value, message=msg)
    slack.click(ANNE, action_id=ActionId.APPROVE, value=value, message=msg)
    welcome = said("decision.welcome", number=number, name="Dubbel", contact=_name(ANNE))
    wait_dm(fake_slack, "UBRAM002", welcome)
    decided = said("enroll.already_decided")
    wait_response(fake_slack, decided)
    assert statuses(db_engine, number)["UBRAM002"] == "approved"
    with db_engine.connect() as conn:
        approvals = conn.execute(
            select(func.count())
            .select_from(AuditEvent)
            .where(AuditEvent.action == "enrollment_approved")
        ).scalar()
    assert approvals == 1
    assert len(dms_containing(fake_slack, "UBRAM002", welcome)) == 1

    # Approve, then Reject on the same request: the reject is refused before any modal.
    slack.click(ANNE, action_id=ActionId.REJECT, value=value, message=msg)
    wait_until(lambda: sum(decided in r for r in responses(fake_slack)) == 2, what="second refusal")
    assert statuses(db_engine, number)["UBRAM002"] == "approved"


@pytest.mark.postgres_only
def test_two_approvals_racing_for_the_last_seat_never_make_eleven(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    number = create_group(slack, fake_slack, ANNE, name="Laatste plek")
    eight = [
        "UBRAM002",
        "UZOE0003",
        "UDAAN004",
        "UEMMA005",
        "UFEMK006",
        "UGERT007",
        "UHANS008",
        "UINGE009",
    ]
    fill_group(slack, fake_slack, number, eight)
    ask_to_join(slack, fake_slack, "UJOOS010", number)
    ask_to_join(slack, fake_slack, "UKARL011", number)
    wait_dm(fake_slack, ANNE, "Joost Meijer")
    ask_to_join(slack, fake_slack, "UENG0012", number)
    messages = [
        request_message(fake_slack, ANNE, name)
        for name in ("Joost Meijer", "Karla de Groot", "Emily Clarke")
    ]
    assert approved_count(db_engine, number) == 9

    barrier = threading.Barrier(len(messages))

    def press(msg: dict[str, object]) -> None:
        barrier.wait()
        slack.click(
            ANNE, action_id=ActionId.APPROVE, value=button_value(msg, ActionId.APPROVE), message=msg
        )

    threads = [threading.Thread(target=press, args=(m,)) for m in messages]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    full = said("enroll.full_on_approve", count=10, number=number)
    wait_until(lambda: sum(full in r for r in responses(fake_slack)) == 2, what="two refusals")
    assert approved_count(db_engine, number) == 10
    welcomes = (opening("decision.welcome"), opening("decision.welcome", "en"))

    def welcomed_users() -> list[str]:
        return [
            u
            for u in ("UJOOS010", "UKARL011", "UENG0012")
            if any(dms_containing(fake_slack, u, w) for w in welcomes)
        ]

    wait_until(welcomed_users, what="one welcome")
    welcomed = welcomed_users()
    assert len(welcomed) == 1


def test_bad_inputs_each_get_their_own_message_and_change_nothing(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    number = create_group(slack, fake_slack, ANNE, name="Regels")
    closed = create_group(slack, fake_slack, "UBRAM002", name="Dicht", values={ActionId.OPEN: "no"})
    ask_to_join(slack, fake_slack, "UZOE0003", number)
    request_message(fake_slack, ANNE, _name("UZOE0003"))
    before = _db_snapshot(db_engine)

    cases = [
        (
            "UZOE0003",
            f"aanmelden {number}",
            said("enroll.already_pending", number=number, name="Regels"),
        ),
        (ANNE, f"aanmelden {number}", said("enroll.already_member", number=number, name="Regels")),
        ("UZOE0003", "aanmelden 9999", said("group.not_found", number=9999)),
        ("UZOE0003", f"aanmelden {closed}", said("enroll.closed", number=closed, name="Dicht")),
        ("UZOE0003", "aanmelden", said("enroll.number_missing")),
        ("UZOE0003", "aanmelden twaalf", said("enroll.number_invalid", given="twaalf")),
        (ANNE, f"verlaten {number}", said("leave.contact_person", number=number)),
        ("UDAAN004", f"verlaten {number}", said("leave.not_member", number=number)),
        ("UDAAN004", "verlaten 4242", said("group.not_found", number=4242)),
    ]
    for user, text, expected in cases:
        slack.command(user, text)
        wait_response(fake_slack, expected)
    assert _db_snapshot(db_engine) == before
    assert all(
        v.get("callback_id") != CallbackId.MEMBERSHIP
        for v in fake_slack.opened_views("UZOE0003")[1:]
    )


def test_english_user_joins_in_english(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    number = create_group(slack, fake_slack, ANNE, name="International")
    slack.command("UENG0012", f"join {number}")
    modal = wait_view(fake_slack, "UENG0012", CallbackId.MEMBERSHIP)
    without = t_plain("en", "association.without.generic")
    assert said("membership.fee", "en", fee="75", without_text=without) in texts_in(modal)
    sent = slack.submit(
        "UENG0012", modal, {ActionId.MEMBERSHIP_TYPE: "member", ActionId.MEMBER_NUMBER: "L-77"}
    )
    sent_text = said("enroll.sent", "en", number=number, name="International")
    assert sent_text in texts_in(sent.json["view"])
    approve(slack, fake_slack, ANNE, "Emily Clarke")
    welcome = said(
        "decision.welcome", "en", number=number, name="International", contact=_name(ANNE)
    )
    wait_dm(fake_slack, "UENG0012", welcome)
    with db_engine.connect() as conn:
        person = conn.execute(select(Person).where(Person.slack_user_id == "UENG0012")).one()
    assert (person.membership_type, person.member_number) == (MembershipType.MEMBER, "L-77")
    # A second request needs no modal: the membership is known.
    other = create_group(slack, fake_slack, "UBRAM002", name="Second")
    slack.command("UENG0012", f"join {other}")
    wait_response(fake_slack, said("enroll.sent", "en", number=other, name="Second"))


def test_join_from_the_directory_button(slack: SlackSim, fake_slack: FakeSlack) -> None:
    number = create_group(slack, fake_slack, ANNE, name="Knopgroep")
    slack.command("UBRAM002", "groepen")
    wait_response(fake_slack, "Knopgroep")
    slack.click(
        "UBRAM002",
        action_id=ActionId.DIRECTORY_JOIN,
        value=str(number),
        message={"ts": "1.0", "channel": "C0GENERAL"},
    )
    modal = wait_view(fake_slack, "UBRAM002", CallbackId.MEMBERSHIP)
    slack.submit("UBRAM002", modal, {ActionId.MEMBERSHIP_TYPE: "participant"})
    request_message(fake_slack, ANNE, "Bram Jansen")


def test_leave_with_confirmation_tells_the_contact_person(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    number = create_group(slack, fake_slack, ANNE, name="Vertrek")
    fill_group(slack, fake_slack, number, ["UBRAM002"])
    slack.command("UBRAM002", f"verlaten {number}")
    question = t("nl", "leave.confirm", number=number, name="Vertrek")
    confirm = fake_slack.wait_for(
        "response_url", predicate=lambda c: question in str(c.body.get("blocks"))
    )[0].body
    assert t("nl", "leave.old_word", number=number) not in str(confirm["blocks"])
    buttons = next(b for b in confirm["blocks"] if b["type"] == "actions")["elements"]
    yes = next(e for e in buttons if e["action_id"] == ActionId.LEAVE_CONFIRM)
    assert statuses(db_engine, number)["UBRAM002"] == "approved"

    slack.click(
        "UBRAM002",
        action_id=ActionId.LEAVE_CONFIRM,
        value=yes["value"],
        message={"ts": "1.0", "channel": "C0GENERAL"},
    )
    wait_response(fake_slack, t("nl", "leave.done", number=number, name="Vertrek"))
    status = t_plain("nl", "group.status.forming")
    note = wait_dm(
        fake_slack,
        ANNE,
        tn(
            "nl",
            "leave.notify_contact",
            1,
            who="Bram Jansen",
            number=number,
            name="Vertrek",
            status=status,
        ),
    )
    assert "Bram Jansen" in note["text"]
    assert statuses(db_engine, number)["UBRAM002"] == "left"

    # Leaving frees the seat: Bram may ask again.
    slack.command("UBRAM002", f"aanmelden {number}")
    wait_response(fake_slack, t("nl", "enroll.sent", number=number, name="Vertrek"))
    assert statuses(db_engine, number)["UBRAM002"] == "pending"


def test_a_forged_private_metadata_cannot_rewrite_another_message(
    slack: SlackSim, fake_slack: FakeSlack
) -> None:
    """The reject modal carries the request's id only; the message to update (the request DM)
    comes from the app's own records. A submit whose metadata names a channel and ts (another
    bot message, here the group-created DM) is refused, and no other message is ever updated."""
    number = create_group(slack, fake_slack, ANNE, name="Utrecht Noord")
    ask_to_join(slack, fake_slack, OTHERS[0], number)
    target = wait_dm(fake_slack, ANNE, str(number))  # the group-created DM: not a request
    request = request_message(fake_slack, ANNE, _name(OTHERS[0]))
    slack.click(
        ANNE,
        action_id=ActionId.REJECT,
        value=button_value(request, ActionId.REJECT),
        message=request,
    )
    modal = wait_view(fake_slack, ANNE, CallbackId.REJECT)
    enrollment_id = json.loads(modal["private_metadata"])["enrollment_id"]
    for forged in (
        {"e": enrollment_id, "c": "DUANNE001", "ts": target["ts"]},
        {"enrollment_id": enrollment_id, "channel": "DUANNE001", "ts": target["ts"]},
        {"enrollment_id": str(enrollment_id)},
    ):
        answer = slack.submit(ANNE, {**modal, "private_metadata": json.dumps(forged)}, {})
        assert answer.json["response_action"] == "errors"
        assert t("nl", "error.bad_form") in str(answer.json["errors"])
    done = slack.submit(ANNE, modal, {ActionId.REJECT_REASON: "Vol"})
    assert done.status == 200 and not done.body
    wait_until(
        lambda: [c for c in fake_slack.calls_to("chat.update")], what="the request DM redrawn"
    )
    updated = {c.body["ts"] for c in fake_slack.calls_to("chat.update")}
    assert updated == {request["ts"]}
    assert target["ts"] not in updated


def test_the_old_word_afmelden_still_leaves_with_a_hint(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    number = create_group(slack, fake_slack, ANNE, name="Oud woord")
    fill_group(slack, fake_slack, number, ["UBRAM002"])
    slack.command("UBRAM002", f"afmelden {number}")
    hint = t("nl", "leave.old_word", number=number)
    confirm = fake_slack.wait_for(
        "response_url", predicate=lambda c: hint in str(c.body.get("blocks"))
    )[0].body
    assert t("nl", "leave.confirm", number=number, name="Oud woord") in str(confirm["blocks"])
    yes = next(
        e
        for b in confirm["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == ActionId.LEAVE_CONFIRM
    )
    slack.click(
        "UBRAM002",
        action_id=ActionId.LEAVE_CONFIRM,
        value=yes["value"],
        message={"ts": "1.0", "channel": "C0GENERAL"},
    )
    wait_response(fake_slack, t("nl", "leave.done", number=number, name="Oud woord"))
    assert statuses(db_engine, number)["UBRAM002"] == "left"
    # The help names `verlaten`, not the old word.
    slack.command("UBRAM002", "help")
    help_text = wait_response(fake_slack, t("nl", "help.cmd.leave"))
    assert "/intervisie afmelden" not in help_text


def test_the_welcome_lists_the_next_meetings_and_the_calendar_link(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    number = create_group(slack, fake_slack, ANNE, name="Welkom")
    with Session(db_engine) as session:
        group_id = session.scalars(select(Group.id).where(Group.number == number)).one()
    soon = datetime.now(UTC).replace(microsecond=0) + timedelta(days=10)
    add_meeting(db_engine, group_id=group_id, starts_at=soon)
    add_meeting(db_engine, group_id=group_id, starts_at=soon + timedelta(days=28))
    ask_to_join(slack, fake_slack, "UBRAM002", number)
    approve(slack, fake_slack, ANNE, "Bram Jansen")

    welcome_text = t("nl", "decision.welcome", number=number, name="Welkom", contact=_name(ANNE))
    welcome = str(wait_dm(fake_slack, "UBRAM002", welcome_text)["blocks"])
    amsterdam = ZoneInfo("Europe/Amsterdam")
    with Session(db_engine) as session:
        meetings = session.scalars(
            select(Meeting).where(Meeting.group_id == group_id).order_by(Meeting.starts_at)
        ).all()
        token = session.scalars(
            select(Person.calendar_token).where(Person.slack_user_id == "UBRAM002")
        ).one()
        assert t("nl", "decision.meetings") in welcome
        for meeting in meetings:
            assert when(meeting, "nl", amsterdam) in welcome
    assert token
    url = f"http://intervisie.test/ical/member/{token}.ics"
    assert t("nl", "decision.calendar", url=url) in welcome
    assert t("nl", "decision.next_steps") in welcome


def test_a_welcome_before_any_meeting_says_none_is_planned_yet(
    slack: SlackSim, fake_slack: FakeSlack
) -> None:
    number = create_group(slack, fake_slack, ANNE, name="Nog leeg")
    ask_to_join(slack, fake_slack, "UBRAM002", number)
    approve(slack, fake_slack, ANNE, "Bram Jansen")
    none_yet = t("nl", "decision.no_meetings", contact=_name(ANNE))
    assert none_yet in str(wait_dm(fake_slack, "UBRAM002", none_yet)["blocks"])
