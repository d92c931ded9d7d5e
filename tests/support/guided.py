"""Scenario helpers for guided intervision, all through Slack's front door: ask a supervisor,
accept, start the trajectory, press a button in a DM, read the trajectory back."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.devtools.blockkit import assert_valid_view
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import HttpResult, SlackSim
from handlers.ui.guided_ids import ActionId, CallbackId
from storage.models import Person, Trajectory
from tests.support.groups import count_views, wait_dm, wait_view

JSON = dict[str, Any]
SUPERVISOR = "USUP0013"
REQUESTER = "UANNE001"
ORGANISATION = "Gemeente Zeist"
READER = "https://reader.example/intervisie.pdf"


def has_button(message: JSON, action_id: str) -> bool:
    """True when the message has a button with this action id."""
    return any(
        element.get("action_id") == action_id
        for block in message.get("blocks") or []
        for element in block.get("elements") or []
    )


def dm_with_button(fake: FakeSlack, user: str, action_id: str) -> JSON:
    """The latest DM to the user that carries a button with this action id."""
    return wait_dm(fake, user, f"'action_id': '{action_id}'", timeout=10)


def press(
    slack: SlackSim, fake: FakeSlack, user: str, action_id: str, *, message: JSON | None = None
) -> HttpResult:
    """Press the button `action_id` in `message` (default: the user's latest DM that has it)."""
    found = message or dm_with_button(fake, user, action_id)
    value = next(
        str(element.get("value"))
        for block in found.get("blocks") or []
        for element in block.get("elements") or []
        if element.get("action_id") == action_id
    )
    return slack.click(user, action_id=action_id, value=value, message=found)


def press_for_modal(
    slack: SlackSim, fake: FakeSlack, user: str, action_id: str, callback_id: str
) -> JSON:
    """Press a DM button that opens a modal; the modal, checked against Slack's limits."""
    seen = count_views(fake, user, callback_id)
    result = press(slack, fake, user, action_id)
    assert result.status == 200, result.text
    view = wait_view(fake, user, callback_id, seen=seen)
    assert_valid_view(view)
    return view


def request(
    slack: SlackSim, fake: FakeSlack, *, requester: str = REQUESTER, values: JSON | None = None
) -> HttpResult:
    """`/intervisie begeleiding` and the filled-in request modal."""
    seen = count_views(fake, requester, CallbackId.REQUEST)
    slack.command(requester, "begeleiding")
    view = wait_view(fake, requester, CallbackId.REQUEST, seen=seen)
    assert_valid_view(view)
    filled: JSON = {
        ActionId.SUPERVISOR: SUPERVISOR,
        ActionId.ORGANISATION: ORGANISATION,
        ActionId.CLIENT_CONTACT: "Petra de Wit, p.dewit@zeist.example",
        ActionId.PARTICIPANTS: "5",
        ActionId.WISHES: "Feedback geven en ontvangen oefenen",
    }
    filled.update(values or {})
    return slack.submit(requester, view, filled)


def accept(slack: SlackSim, fake: FakeSlack, *, day: str, time: str = "14:00") -> HttpResult:
    """The supervisor accepts the latest request, proposing the intake and giving their number."""
    view = press_for_modal(slack, fake, SUPERVISOR, ActionId.ACCEPT, CallbackId.ACCEPT)
    return slack.submit(
        SUPERVISOR,
        view,
        {
            ActionId.INTAKE_DATE: day,
            ActionId.INTAKE_TIME: time,
            ActionId.REGISTER: "lvsc",
            ActionId.REGISTER_NUMBER: "LVSC 12345",
        },
    )


def start_values(**changes: str) -> JSON:
    """The start modal's values: four meetings, the quote, a price and the reader."""
    values: JSON = {
        ActionId.MEETINGS: "4",
        ActionId.MAX_MEMBERS: "8",
        ActionId.QUOTE_DATE: "10-09-2026",
        ActionId.PRICE: "350",
        ActionId.READER_URL: READER,
    }
    values.update(changes)
    return values


def start(slack: SlackSim, fake: FakeSlack, values: JSON | None = None) -> HttpResult:
    """The supervisor presses 'Traject starten' in the request DM and submits the modal."""
    view = press_for_modal(slack, fake, SUPERVISOR, ActionId.START, CallbackId.START)
    return slack.submit(SUPERVISOR, view, values or start_values())


def group_number_from_dm(fake: FakeSlack, user: str = REQUESTER) -> int:
    """The group number in the contact person's 'traject gestart' DM."""
    dm = wait_dm(fake, user, "Je groepsnummer is *", timeout=10)
    return int(str(dm["text"]).split("Je groepsnummer is *")[1].split("*")[0])


def trajectory(engine: Engine) -> Trajectory:
    """The one trajectory in the database (detached, attributes loaded)."""
    with Session(engine, expire_on_commit=False) as session:
        found = session.scalars(select(Trajectory)).one()
        session.expunge(found)
        return found


def person_ids(engine: Engine) -> dict[str, int]:
    """Slack user id → person id."""
    with Session(engine) as session:
        return {p.slack_user_id: p.id for p in session.scalars(select(Person))}
