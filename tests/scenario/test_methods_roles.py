"""Methods, roles planned ahead and reflection, through Slack's front door: plan a meeting with a
method and roles (the suggestion follows the group's rotation), the assignees' DMs in their own
language, the method in the members' DM, the calendar, the reminder and the App Home, the
registration prefilled with the planned roles, the method on the certificate, and the reflection
prompt whose button records only that (and when) a member reflected."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
from sqlalchemy import Engine, inspect, select
from sqlalchemy.orm import Session

from bot.devtools.fake_slack import FakeSlack
from bot.i18n import format_time, t, t_plain, tn
from bot.jobs import dispatch_reminders
from bot.method_text import preparation_prompt
from bot.methods import find_method
from bot.reflection import questions_for
from bot.services.reflections import reflection_counts
from handlers.ui.attendance_ui import CallbackId as AttendanceCallbackId
from handlers.ui.attendance_ui import member_action_id, member_block_id
from handlers.ui.meetings_ui import ActionId, BlockId, CallbackId
from handlers.ui.planning_ids import NOBODY
from handlers.ui.planning_ids import ActionId as PlanAction
from handlers.ui.planning_ids import BlockId as PlanBlock
from storage.models import Meeting, PlannedRole, Reflection, Role
from tests.support.attendance import files_for, pdf_text
from tests.support.groups import button_value, wait_dm
from tests.support.meetings import (
    CONTACT,
    MeetingApp,
    ics_files,
    latest_view,
    meeting_app,
    meetings_of,
)
from tests.support.people import ADMIN
from tests.support.planning import (
    AMS,
    initial_value,
    option_values,
    section_texts,
    seed_history,
)
from tests.support.privacy import snapshot
from tests.support.wait import wait_until

__all__ = ["meeting_app"]  # the fixture, imported so pytest finds it

JSON = dict[str, Any]
ANNE, BRAM, ZOE, DAAN, EMILY = CONTACT, "UBRAM002", "UZOE0003", "UDAAN004", "UENG0012"
ZOE_NAME, EMILY_NAME = "Zoë Şahin-Łukasiewicz", "Emily Clarke"
# 30-03-2026 19:00 in Amsterdam (summer time): 17:00 UTC, 18:00 in Emily's London.
MEETING_START = datetime(2026, 3, 30, 17, 0, tzinfo=UTC)
MEETING_END = MEETING_START + timedelta(hours=2)
LONDON = ZoneInfo("Europe/London")


def _seed_rotation(app: MeetingApp, engine: Engine) -> dict[str, int]:
    """Who held which role when: in 2026 (the current period) Bram presented and Anne
    facilitated; earlier, the others. The rotation then suggests Zoë (never presenter) and
    Emily (never facilitator)."""
    ids = app.group.person_ids
    seed_history(
        engine,
        group_id=app.group.id,
        held=[
            (date(2025, 6, 10), {Role.PRESENTER: ids[ANNE]}),
            (date(2025, 8, 12), {Role.FACILITATOR: ids[BRAM]}),
            (date(2025, 9, 9), {Role.FACILITATOR: ids[ZOE]}),
            (date(2025, 10, 14), {Role.FACILITATOR: ids[DAAN]}),
            (date(2025, 11, 11), {Role.PRESENTER: ids[EMILY]}),
            (date(2025, 12, 9), {Role.PRESENTER: ids[DAAN]}),
            (date(2026, 2, 10), {Role.PRESENTER: ids[BRAM], Role.FACILITATOR: ids[ANNE]}),
        ],
    )
    return ids


def _open_plan_modal(app: MeetingApp, fake: FakeSlack) -> JSON:
    seen = len([v for v in fake.opened_views(ANNE) if v.get("callback_id") == CallbackId.MEETING])
    app.slack.command(ANNE, "plan 1234")
    wait_until(
        lambda: (
            len([v for v in fake.opened_views(ANNE) if v.get("callback_id") == CallbackId.MEETING])
            > seen
        ),
        what="the plan modal",
    )
    return latest_view(fake, ANNE, CallbackId.MEETING)


def _reply(fake: FakeSlack, contains: str) -> JSON:
    calls = fake.wait_for("response_url", predicate=lambda c: contains in section_texts(c.body))
    body: JSON = calls[-1].body
    return body


def test_plan_with_method_and_roles_through_to_certificate_and_reflection(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    app, deps = meeting_app, meeting_app.runtime.deps
    ids = _seed_rotation(app, db_engine)
    # The peer group opts in to reflection prompts (guided groups always have them).
    app.slack.command(ANNE, "reflectie 1234 aan")
    _reply(fake_slack, t("nl", "reflection.group.on", number=1234))

    # The plan modal suggests who is next, following the rotation of this calendar year.
    view = _open_plan_modal(app, fake_slack)
    suggestion = t(
        "nl",
        "plan.suggest",
        start="01-01-2026",
        end="31-12-2026",
        presenter=ZOE_NAME,
        facilitator=EMILY_NAME,
    )
    assert suggestion in section_texts(view)
    presenters = option_values(view, PlanBlock.PRESENTER)
    assert presenters == [NOBODY, *(str(ids[u]) for u in (ZOE, ANNE, EMILY, DAAN, BRAM))]
    facilitators = option_values(view, PlanBlock.FACILITATOR)
    assert facilitators == [NOBODY, *(str(ids[u]) for u in (EMILY, BRAM, ZOE, DAAN, ANNE))]
    assert initial_value(view, PlanBlock.PRESENTER) == NOBODY  # a suggestion, not a choice
    assert "incident" in option_values(view, BlockId.METHOD)

    result = app.slack.submit(
        ANNE,
        view,
        {
            ActionId.DATE: "30-03-2026",
            ActionId.START: "19:00",
            ActionId.PLACE: "Utrecht",
            ActionId.METHOD: "incident",
            PlanAction.PRESENTER: str(ids[ZOE]),
            PlanAction.FACILITATOR: str(ids[EMILY]),
        },
    )
    assert result.status == 200 and not result.body, result.text
    [meeting] = [m for m in meetings_of(db_engine, app.group.id) if m.starts_at == MEETING_START]
    assert meeting.method == "incident"
    with Session(db_engine) as session:
        planned = {
            row.role: row.person_id
            for row in session.scalars(
                select(PlannedRole).where(PlannedRole.meeting_id == meeting.id)
            )
        }
    assert planned == {Role.PRESENTER: ids[ZOE], Role.FACILITATOR: ids[EMILY]}

    # The inbrenger (Dutch) is told how to prepare; the facilitator (English, in London) gets the
    # method's steps as a time plan at her clock times, with the "questions, not advice" rules.
    zoe_dm = wait_dm(fake_slack, ZOE, t("nl", "method.preparation.title"))
    assert preparation_prompt("nl") in section_texts(zoe_dm)
    emily_dm = wait_dm(fake_slack, EMILY, "Time plan")
    emily_text = section_texts(emily_dm)
    incident = find_method("incident")
    assert t("en", "method.plan.title", name=incident.name.en, minutes=120) in emily_text
    london_start = format_time(MEETING_START, tz=LONDON)
    assert london_start == "18:00" and f"`{london_start}`" in emily_text
    assert t("en", "method.card.rules") in emily_text
    assert "Je bent" not in emily_text

    # Every member's DM and calendar entry name the method, in the member's language.
    wait_until(lambda: all(ics_files(fake_slack, u) for u in (BRAM, EMILY)), what="the .ics DMs")
    bram_ics = ics_files(fake_slack, BRAM)[-1]
    assert t("nl", "plan.line.method", method="Incidentmethode") in bram_ics.initial_comment
    assert t("nl", "plan.line.roles", roles=f"inbrenger {ZOE_NAME}, facilitator {EMILY_NAME}") in (
        bram_ics.initial_comment
    )
    event = next(iter(icalendar.Calendar.from_ical(bram_ics.content).walk("VEVENT")))
    assert "Methode: Incidentmethode" in str(event["DESCRIPTION"])
    emily_event = next(
        iter(icalendar.Calendar.from_ical(ics_files(fake_slack, EMILY)[-1].content).walk("VEVENT"))
    )
    assert "Method: Incident method" in str(emily_event["DESCRIPTION"])

    # The App Home shows Zoë her role with the method; the reminder names the method.
    app.slack.open_home(ZOE)
    home = wait_until(lambda: fake_slack.home_views.get(ZOE), what="Zoë's App Home")
    home_text = section_texts(home)
    assert t("nl", "plan.home.title") in home_text and "Incidentmethode" in home_text
    app.clock.set(MEETING_START - timedelta(days=2))
    assert dispatch_reminders(deps) == 5
    reminder = wait_dm(fake_slack, BRAM, "Herinnering")
    assert t("nl", "plan.line.method", method="Incidentmethode") in section_texts(reminder)

    # After the meeting the registration is prefilled with the planned roles.
    app.clock.set(MEETING_END + timedelta(hours=1))
    app.slack.command(ANNE, "registreer 1234")
    registration = wait_until(
        lambda: next(
            (
                v
                for v in fake_slack.opened_views(ANNE)
                if v.get("callback_id") == AttendanceCallbackId.REGISTER
            ),
            None,
        ),
        what="the registration modal",
    )
    assert initial_value(registration, member_block_id(ids[ZOE])) == Role.PRESENTER.value
    assert initial_value(registration, member_block_id(ids[EMILY])) == Role.FACILITATOR.value
    assert initial_value(registration, member_block_id(ids[BRAM])) == "absent"
    result = app.slack.submit(
        ANNE,
        registration,
        {
            member_action_id(ids[ANNE]): "participant",
            member_action_id(ids[BRAM]): "participant",
        },
    )
    assert result.status == 200, result.text

    # The certificate names the method, in the holder's language.
    zoe_pdf = pdf_text(_certificate(fake_slack, ZOE))
    assert "Methode" in zoe_pdf and "Incidentmethode" in zoe_pdf
    emily_pdf = pdf_text(_certificate(fake_slack, EMILY))
    assert "Method" in emily_pdf and "Incident method" in emily_pdf

    # Zoë, present, gets three reflection questions; her second attended meeting asks the
    # second set. Daan, absent, gets none.
    prompt = wait_dm(fake_slack, ZOE, t_plain("nl", "reflection.button.done"))
    prompts = questions_for(seed=2, lang="nl")
    for question in prompts:
        assert question.text in section_texts(prompt)
    assert not [m for m in fake_slack.messages(DAAN) if "reflectie" in section_texts(m).lower()]

    # "Reflectie gemaakt" records who and when: nothing else, and no answer anywhere.
    pressed_at = app.clock.now()
    app.slack.click(
        ZOE,
        action_id=PlanAction.REFLECTION_DONE,
        value=button_value(prompt, PlanAction.REFLECTION_DONE),
        message=prompt,
    )
    wait_dm(fake_slack, ZOE, ":white_check_mark:")
    with Session(db_engine) as session:
        [reflection] = session.scalars(select(Reflection)).all()
        assert (reflection.person_id, reflection.meeting_id) == (ids[ZOE], meeting.id)
        assert reflection.at == pressed_at
        counts = reflection_counts(session, meeting_ids=[meeting.id, meeting.id + 1000])
    assert counts == {meeting.id: 1, meeting.id + 1000: 0}
    columns = {c["name"] for c in inspect(db_engine).get_columns("reflection")}
    assert columns == {"id", "person_id", "meeting_id", "at"}
    everything = repr(snapshot(db_engine))
    for question in (*prompts, *questions_for(seed=2, lang="en")):
        assert question.text not in everything
    assert t("nl", "reflection.footer") in section_texts(prompt)


def _certificate(fake: FakeSlack, user: str) -> bytes:
    """The content of the first certificate PDF in the user's DM (PDFs take a moment)."""
    found = wait_until(
        lambda: [f for f in files_for(fake, user) if f.filename.endswith(".pdf")],
        timeout=20,
        what=f"the certificate of {user}",
    )
    content: bytes = found[0].content
    return content


def _meeting_on(engine: Engine, group_id: int, day: date) -> Meeting | None:
    return next(
        (m for m in meetings_of(engine, group_id) if m.starts_at.astimezone(AMS).date() == day),
        None,
    )


def test_quick_form_takes_a_method_word_and_refuses_an_unknown_method(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    app = meeting_app
    app.slack.command(ANNE, "plan 1234 30-11-2026 19:00 2u balint Utrecht, Oudegracht 1")
    _reply(fake_slack, "Bijeenkomst gepland")
    planned = _meeting_on(db_engine, app.group.id, date(2026, 11, 30))
    assert planned is not None
    assert (planned.method, planned.location) == ("balint", "Utrecht, Oudegracht 1")

    # An explicit method that does not exist: a clear refusal, nothing stored.
    app.runtime.outbox.wait_idle()
    before = snapshot(db_engine)
    app.slack.command(ANNE, "plan 1234 01-12-2026 19:00 2u methode:onbekend Utrecht")
    _reply(fake_slack, t("nl", "method.error.unknown"))
    assert snapshot(db_engine) == before

    # A method that needs more time than the meeting has: planned, with a warning.
    app.slack.command(ANNE, "plan 1234 02-12-2026 19:00 1u tienstappen")
    warning = tn("nl", "plan.warn.method_too_long", 60, minimum=90)
    _reply(fake_slack, warning)
    short = _meeting_on(db_engine, app.group.id, date(2026, 12, 2))
    assert short is not None and short.method == "ten-steps" and short.location == ""


def test_modal_refuses_an_unknown_method_and_an_outsider_and_warns_before_saving(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    app = meeting_app
    ids = app.group.person_ids
    view = _open_plan_modal(app, fake_slack)
    filled = {ActionId.DATE: "30-11-2026", ActionId.START: "19:00"}
    before = snapshot(db_engine)

    # Forged selects (a client can send any value): each refused on its own field.
    result = app.slack.submit(
        ANNE,
        _with_option(view, BlockId.METHOD, "no-such-method"),
        {**filled, ActionId.METHOD: "no-such-method"},
    )
    assert result.json["errors"] == {BlockId.METHOD: t_plain("nl", "method.error.unknown")}
    outsider = "999999"
    result = app.slack.submit(
        ANNE,
        _with_option(view, PlanBlock.FACILITATOR, outsider),
        {**filled, PlanAction.FACILITATOR: outsider},
    )
    assert result.json["errors"] == {PlanBlock.FACILITATOR: t_plain("nl", "roles.error.not_member")}
    assert snapshot(db_engine) == before

    # One person in both roles and a method longer than the meeting: warned, then saved on
    # confirmation with everything that was typed.
    result = app.slack.submit(
        ANNE,
        view,
        {
            **filled,
            ActionId.DURATION: "60",
            ActionId.METHOD: "ten-steps",
            PlanAction.PRESENTER: str(ids[BRAM]),
            PlanAction.FACILITATOR: str(ids[BRAM]),
        },
    )
    body = result.json
    assert body["response_action"] == "update"
    again = body["view"]
    warnings = section_texts(again)
    assert t("nl", "plan.warn.same_person") in warnings
    assert tn("nl", "plan.warn.method_too_long", 60, minimum=90) in warnings
    assert snapshot(db_engine) == before
    assert initial_value(again, PlanBlock.PRESENTER) == str(ids[BRAM])
    assert initial_value(again, BlockId.METHOD) == "ten-steps"
    result = app.slack.submit(ANNE, again, {PlanAction.CONFIRM: ["confirm"]})
    assert result.status == 200 and not result.body, result.text
    saved = _meeting_on(db_engine, app.group.id, date(2026, 11, 30))
    assert saved is not None and saved.method == "ten-steps" and saved.duration_minutes == 60
    with Session(db_engine) as session:
        roles = session.scalars(select(PlannedRole).where(PlannedRole.meeting_id == saved.id))
        assert {r.role: r.person_id for r in roles} == {
            Role.PRESENTER: ids[BRAM],
            Role.FACILITATOR: ids[BRAM],
        }
    # No field asks for case content: the theme's hint says so.
    assert t_plain("nl", "meeting.modal.theme_hint") in str(view)


def test_roles_from_the_meetings_list_replanned_and_visible_to_members(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    app = meeting_app
    ids = app.group.person_ids
    app.slack.command(ANNE, "plan 1234 30-11-2026 19:00 2u vijfstappen")
    listing = _reply(fake_slack, "Bijeenkomst gepland")
    message = {"ts": "1700000000.000100", "channel": "C0GENERAL", **listing}
    app.slack.click(
        ANNE,
        action_id=PlanAction.OPEN_ROLES,
        value=button_value(message, PlanAction.OPEN_ROLES),
        message=message,
    )
    modal = latest_view(fake_slack, ANNE, "plan_roles_modal")
    assert "Vijfstappenmethode" in section_texts(modal)
    result = app.slack.submit(
        ANNE, modal, {PlanAction.PRESENTER: str(ids[BRAM]), PlanAction.FACILITATOR: str(ids[DAAN])}
    )
    assert result.json["response_action"] == "update"
    wait_dm(fake_slack, BRAM, t("nl", "method.preparation.title"))
    wait_dm(fake_slack, DAAN, "Tijdsplan")

    # Bram hands his role to Zoë: he hears so, she gets the preparation prompt.
    app.slack.click(
        ANNE,
        action_id=PlanAction.OPEN_ROLES,
        value=button_value(message, PlanAction.OPEN_ROLES),
        message=message,
    )
    modal = wait_until(
        lambda: [
            v for v in fake_slack.opened_views(ANNE) if v.get("callback_id") == "plan_roles_modal"
        ][1:],
        what="the second roles modal",
    )[-1]
    assert initial_value(modal, PlanBlock.PRESENTER) == str(ids[BRAM])
    app.slack.submit(ANNE, modal, {PlanAction.PRESENTER: str(ids[ZOE])})
    wait_dm(fake_slack, BRAM, "niet meer ingepland als inbrenger")
    wait_dm(fake_slack, ZOE, t("nl", "method.preparation.title"))

    # Members see the rotation of their own group, with the roles planned.
    app.slack.command(ZOE, "rollen")
    overview = _reply(fake_slack, t("nl", "roles.upcoming.title"))
    assert f"inbrenger {ZOE_NAME}, facilitator Daan van der Berg" in section_texts(overview)


def test_the_secretariat_switches_methods_off_and_adds_its_own(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    app = meeting_app
    app.slack.command(BRAM, "admin methodes")
    _reply(fake_slack, t("nl", "admin.only_secretariat"))

    app.slack.command(ADMIN, "admin methodes")
    overview = _reply(fake_slack, "Balintmethode")
    message = {"ts": "1700000000.000200", "channel": "C0GENERAL", **overview}
    app.slack.click(
        ADMIN,
        action_id=PlanAction.METHOD_DISABLE,
        value="balint",
        block_id="method:balint",
        message=message,
    )
    _reply(fake_slack, t("nl", "methods.admin.disabled", name="Balintmethode"))
    assert "balint" not in option_values(_open_plan_modal(app, fake_slack), BlockId.METHOD)
    app.slack.command(ANNE, "plan 1234 30-11-2026 19:00 2u methode:balint")
    _reply(fake_slack, t("nl", "method.error.unknown"))

    # Its own method: a badly written step is refused on the steps field, then it is added.
    app.slack.click(ADMIN, action_id=PlanAction.METHOD_ADD, message=message)
    form = latest_view(fake_slack, ADMIN, "method_add_modal")
    typed = {
        PlanAction.NEW_NAME_NL: "Waarderend onderzoek",
        PlanAction.NEW_PURPOSE_NL: "Leren van wat goed ging in het werk.",
        PlanAction.NEW_STEPS: "15 | Succes vertellen | De inbrenger vertelt wat goed ging\n"
        "een regel zonder minuten",
    }
    result = app.slack.submit(ADMIN, form, typed)
    assert result.json["errors"] == {
        PlanBlock.NEW_STEPS: t_plain("nl", "method.error.step_line", number=2)
    }
    typed[PlanAction.NEW_STEPS] = (
        "15 | Succes vertellen | De inbrenger vertelt wat goed ging\n"
        "30 | Doorvragen | De groep vraagt naar wat het succes mogelijk maakte"
    )
    result = app.slack.submit(ADMIN, form, typed)
    assert result.json["response_action"] == "update"
    offered = option_values(_open_plan_modal(app, fake_slack), BlockId.METHOD)
    assert "waarderend-onderzoek" in offered
    app.slack.command(ANNE, "methodes waarderend-onderzoek")
    card = _reply(fake_slack, "Succes vertellen")
    assert t("nl", "method.card.rules") in section_texts(card)


def test_reflection_prompts_are_a_choice_and_a_member_can_turn_them_off(
    meeting_app: MeetingApp, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    app = meeting_app
    ids = app.group.person_ids
    # A peer group has no prompts until its contact person turns them on.
    app.slack.command(ANNE, "plan 1234 18-03-2026 19:00 2u")
    registration = latest_view(fake_slack, ANNE, AttendanceCallbackId.REGISTER)
    app.slack.submit(
        ANNE,
        registration,
        {
            member_action_id(ids[ANNE]): "facilitator",
            member_action_id(ids[BRAM]): "presenter",
        },
    )
    _certificate(fake_slack, BRAM)
    app.runtime.outbox.wait_idle()
    assert not [m for m in fake_slack.messages(BRAM) if "Reflectie" in section_texts(m)]

    app.slack.command(ANNE, "reflectie 1234 aan")
    _reply(fake_slack, t("nl", "reflection.group.on", number=1234))
    app.slack.command(DAAN, "reflectie uit")
    _reply(fake_slack, t("nl", "reflection.own.off"))
    app.slack.command(ANNE, "plan 1234 19-03-2026 19:00 2u")
    registration = wait_until(
        lambda: [
            v
            for v in fake_slack.opened_views(ANNE)
            if v.get("callback_id") == AttendanceCallbackId.REGISTER
        ][1:],
        what="the second registration modal",
    )[-1]
    app.slack.submit(
        ANNE,
        registration,
        {
            member_action_id(ids[ANNE]): "facilitator",
            member_action_id(ids[BRAM]): "presenter",
            member_action_id(ids[DAAN]): "participant",
        },
    )
    prompt = wait_dm(fake_slack, BRAM, t_plain("nl", "reflection.button.done"))
    app.runtime.outbox.wait_idle()
    assert not [m for m in fake_slack.messages(DAAN) if "Reflectie" in section_texts(m)]

    # Bram turns them off from the prompt itself.
    app.slack.click(
        BRAM,
        action_id=PlanAction.REFLECTION_OFF,
        value=button_value(prompt, PlanAction.REFLECTION_OFF),
        message=prompt,
    )
    _reply(fake_slack, t("nl", "reflection.own.off"))
    with Session(db_engine) as session:
        meeting_ids = list(session.scalars(select(Meeting.id)))
        assert reflection_counts(session, meeting_ids=meeting_ids) == dict.fromkeys(meeting_ids, 0)


def _with_option(view: JSON, block_id: str, value: str) -> JSON:
    """The modal as a forged client could send it: a select option the app did not offer."""
    forged = copy.deepcopy(view)
    for found in forged["blocks"]:
        if found.get("block_id") == block_id:
            found["element"]["options"].append(
                {"text": {"type": "plain_text", "text": "forged"}, "value": value}
            )
    return forged
