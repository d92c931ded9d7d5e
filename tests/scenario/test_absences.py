""" "Ik kan niet" through Slack's front door: from a reminder (which repeats the goal) to the contact
person, with the substitute reminder the agreements ask for, the warning when fewer than the
minimum can come, "Ik kan toch", the registration modal starting with the notified absence, and
refusals for a past meeting."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.i18n import t, tn
from bot.jobs import dispatch_reminders
from handlers.ui.agreements_ids import ActionId, BlockId, CallbackId
from handlers.ui.attendance_ui import CallbackId as AttendanceCallback
from handlers.ui.attendance_ui import member_action_id, member_block_id
from handlers.ui.meetings_ui import ActionId as MeetingAction
from handlers.ui.meetings_ui import CallbackId as MeetingCallback
from storage.models import Absence, AbsenceReason
from tests.support.agreements import (
    AGREEMENTS,
    CONTACT,
    AgreeApp,
    agree_app,
    buttons,
    click,
    dms_with,
    fill_agreements,
    open_by_click,
    open_by_command,
    responses,
    wait_dm,
    wait_response,
)
from tests.support.meetings import ics_files
from tests.support.wait import wait_until

__all__ = ["agree_app"]  # the fixture, imported so pytest finds it

# 30-09-2026 14:00 in Amsterdam (12:00 UTC), two hours.
MEETING = datetime(2026, 9, 30, 12, 0, tzinfo=UTC)
WHEN = "woensdag 30 september 2026 (30-09-2026) 14:00–16:00"


def _plan(app: AgreeApp) -> None:
    before = len(responses(app.fake))
    app.slack.command(CONTACT, "plan 1234 30-09-2026 14:00 2u Utrecht")
    wait_until(lambda: len(responses(app.fake)) > before, what="the planned meeting")


def _reminder(app: AgreeApp, user: str, count: int = 1) -> dict[str, object]:
    def found() -> dict[str, object] | None:
        hits = [m for m in app.fake.messages(user) if str(m.get("text")).startswith("Herinnering")]
        return hits[count - 1] if len(hits) >= count else None

    reminder: dict[str, object] = wait_until(found, timeout=10, what=f"reminder {count} for {user}")
    return reminder


def _say_absent(app: AgreeApp, user: str, message: dict[str, object], reason: str | None) -> dict:
    view = open_by_click(app, user, message, ActionId.ABSENCE_OPEN, CallbackId.ABSENCE)
    assert WHEN in json.dumps(view, ensure_ascii=False)
    result = app.slack.submit(user, view, {ActionId.ABSENCE_REASON: reason} if reason else {})
    assert result.status == 200, result.text
    body: dict = result.json
    return body


def test_ik_kan_niet_from_a_reminder_reaches_the_contact_person_and_prefills_the_registration(
    agree_app: AgreeApp, db_engine: Engine
) -> None:
    app = agree_app
    # The group agreed: whoever cannot come arranges a substitute; at least five must be there.
    fill_agreements(app, min_present="5")
    _plan(app)
    # The meeting DM (a file, which cannot carry a button) says how to say "ik kan niet".
    wait_until(lambda: ics_files(app.fake, "UBRAM002"), what="the meeting .ics")
    assert t("nl", "absence.hint", number=1234) in str(
        ics_files(app.fake, "UBRAM002")[0].initial_comment
    )

    app.clock.set(MEETING - timedelta(days=2))
    assert dispatch_reminders(app.runtime.deps) == 6
    reminder = _reminder(app, "UBRAM002")
    # "Pak het doel erbij": the goal is in every reminder.
    assert t("nl", "agreements.reminder.goal", goal=AGREEMENTS["goal"]) in str(reminder["blocks"])
    assert buttons(reminder, ActionId.ABSENCE_OPEN) != []

    body = _say_absent(app, "UBRAM002", reminder, AbsenceReason.WORK.value)
    assert body["response_action"] == "update"
    assert t("nl", "absence.substitute.member") in str(body["view"])
    told = wait_dm(
        app.fake,
        CONTACT,
        t(
            "nl",
            "absence.dm.contact_reason",
            name="Bram Jansen",
            number=1234,
            when=WHEN,
            reason="werk",
        ),
    )
    assert tn("nl", "absence.dm.available", 6, available=5) in str(told)
    wait_dm(
        app.fake,
        "UBRAM002",
        t("nl", "absence.dm.substitute", number=1234, when=WHEN, contact="Anne de Vries"),
    )

    # A second absence leaves four, under the agreed five: the contact person is warned, with
    # the button that opens the change modal.
    _say_absent(app, "UZOE0003", _reminder(app, "UZOE0003"), None)
    warning = wait_dm(
        app.fake, CONTACT, tn("nl", "absence.dm.quorum", 4, number=1234, when=WHEN, minimum=5)
    )
    open_by_click(app, CONTACT, warning, MeetingAction.EDIT, MeetingCallback.MEETING)

    # Zoë can come after all: "Ik kan toch" from `/intervisie afwezig 1234`.
    before = len(responses(app.fake))
    app.slack.command("UZOE0003", "afwezig 1234")
    wait_until(lambda: len(responses(app.fake)) > before, what="the list of meetings")
    listing = app.fake.calls_to("response_url")[-1].body
    message = {"ts": "1.0", "channel": "DUZOE0003", "blocks": listing["blocks"]}
    click(app, "UZOE0003", message, ActionId.ABSENCE_WITHDRAW)
    wait_dm(
        app.fake,
        CONTACT,
        t("nl", "absence.dm.withdrawn", name="Zoë Şahin-Łukasiewicz", number=1234, when=WHEN),
    )

    # The 2-hour reminder: Bram sees his notice and "Ik kan toch"; Anne sees who cannot come.
    app.clock.set(MEETING - timedelta(hours=2))
    assert dispatch_reminders(app.runtime.deps) == 6
    second = _reminder(app, "UBRAM002", 2)
    assert buttons(second, ActionId.ABSENCE_WITHDRAW) == [
        buttons(reminder, ActionId.ABSENCE_OPEN)[0]
    ]
    contact_reminder = _reminder(app, CONTACT, 2)
    assert t(
        "nl", "absence.reminder.contact", names="Bram Jansen (werk)", available=5, members=6
    ) in str(contact_reminder["blocks"])

    # After the start "Ik kan niet" is refused, and nothing is stored.
    app.clock.set(MEETING + timedelta(hours=3))
    app.slack.click(
        "UEMMA005",
        action_id=ActionId.ABSENCE_OPEN,
        value=buttons(reminder, ActionId.ABSENCE_OPEN)[0],
        message={"ts": "1.0", "channel": "DUEMMA005"},
    )
    wait_response(app.fake, t("nl", "absence.past"))

    # The registration starts with Bram absent, his notice beside his name.
    view = open_by_command(app, CONTACT, "registreer 1234", AttendanceCallback.REGISTER)
    bram = app.group.person_ids["UBRAM002"]
    [block] = [b for b in view["blocks"] if b.get("block_id") == member_block_id(bram)]
    assert block["label"]["text"] == "Bram Jansen — " + t(
        "nl", "absence.note_reason", reason="werk"
    )
    assert block["element"]["initial_option"]["value"] == "absent"
    assert block["element"]["action_id"] == member_action_id(bram)
    with Session(db_engine) as session:
        rows = session.scalars(select(Absence)).all()
    assert [(r.person_id, r.reason) for r in rows] == [(bram, AbsenceReason.WORK)]


def test_afwezig_with_a_date_opens_the_modal_and_other_refusals(agree_app: AgreeApp) -> None:
    app = agree_app
    _plan(app)
    view = open_by_command(app, "UDAAN004", "afwezig 1234 30-09-2026", CallbackId.ABSENCE)
    assert WHEN in json.dumps(view, ensure_ascii=False)
    result = app.slack.submit("UDAAN004", view, {})
    assert result.json["response_action"] == "update"
    # Without agreements, nobody is asked to arrange a substitute.
    assert t("nl", "absence.substitute.member") not in str(result.json["view"])
    wait_dm(
        app.fake,
        CONTACT,
        t("nl", "absence.dm.contact", name="Daan van der Berg", number=1234, when=WHEN),
    )

    app.slack.command("UDAAN004", "afwezig 1234 01-10-2026")
    wait_response(app.fake, t("nl", "absence.no_meeting_on", date="01-10-2026", number=1234))
    app.slack.command("UKARL011", "afwezig 1234")
    wait_response(app.fake, t("nl", "absence.not_member", number=1234))
    # A forged reason value is refused inline.
    view = open_by_command(app, "UEMMA005", "afwezig 1234 30-09-2026", CallbackId.ABSENCE)
    view["blocks"][1]["element"]["options"].append(
        {"text": {"type": "plain_text", "text": "x"}, "value": "x"}
    )
    forged = app.slack.submit("UEMMA005", view, {ActionId.ABSENCE_REASON: "x"})
    assert forged.json["errors"] == {BlockId.ABSENCE_REASON: t("nl", "error.bad_form")}
    assert dms_with(app.fake, CONTACT, "Emma Bakker") == []
