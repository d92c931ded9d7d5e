"""Scenario helpers for agreements, date polls, series, absence and evaluation: a running app on a
manual clock with a seeded group of six, and small steps through Slack's front door (commands,
button clicks found in the DMs, modal submits)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine

from bot.clock import ManualClock
from bot.devtools.blockkit import assert_valid_view
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import HttpResult, SlackSim
from bot.server import Runtime
from handlers.ui.agreements_ids import ActionId, CallbackId, agreements_action
from tests.support.meetings import SeededGroup, seed_group
from tests.support.people import PEOPLE, SIGNING_SECRET, TEAM
from tests.support.wait import wait_until

JSON = dict[str, Any]
CONTACT = "UANNE001"
# The contact person and five members (one with an English Slack, in London).
SIX = ("UANNE001", "UBRAM002", "UZOE0003", "UDAAN004", "UEMMA005", "UENG0012")
OTHERS = SIX[1:]
# 01-09-2026 10:00 in Amsterdam (summer time).
SEPTEMBER = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)


def name(user: str) -> str:
    """The scenario person's full name."""
    return PEOPLE[user]["real_name"]


@dataclass
class AgreeApp:
    """A running app on a manual clock, Slack's side, the fake Slack and the seeded group."""

    runtime: Runtime
    slack: SlackSim
    fake: FakeSlack
    clock: ManualClock
    group: SeededGroup

    def idle(self) -> None:
        """Wait until the outbox has sent everything owed so far."""
        self.runtime.outbox.wait_idle()


def start_app(
    make_runtime: Callable[..., Runtime],
    fake_slack: FakeSlack,
    engine: Engine,
    *,
    now: datetime = SEPTEMBER,
    members: tuple[str, ...] = SIX,
) -> AgreeApp:
    """Seed group 1234 (Anne contact person, `members` approved) and start the app at `now`."""
    clock = ManualClock(now)
    group = seed_group(engine, members=members, now=now)
    runtime = make_runtime(clock=clock)
    slack = SlackSim(
        port=runtime.port, signing_secret=SIGNING_SECRET, fake=fake_slack, team_id=TEAM
    )
    return AgreeApp(runtime=runtime, slack=slack, fake=fake_slack, clock=clock, group=group)


@pytest.fixture
def agree_app(
    make_runtime: Callable[..., Runtime], fake_slack: FakeSlack, clean_db: Engine
) -> Iterator[AgreeApp]:
    """The app on 01-09-2026 with group 1234 of six seeded."""
    yield start_app(make_runtime, fake_slack, clean_db)


# ------------------------------------------------------------------------------ reading Slack


def text_of(message: JSON) -> str:
    """A message's text and blocks as one searchable string."""
    return str(message.get("text")) + str(message.get("blocks"))


def dms_with(fake: FakeSlack, user: str, contains: str) -> list[JSON]:
    """Every DM to `user` (as it reads now, after redraws) containing the text."""
    return [m for m in fake.messages(user) if contains in text_of(m)]


def wait_dm(fake: FakeSlack, user: str, contains: str, *, timeout: float = 10.0) -> JSON:
    """The latest DM to `user` containing the text, waiting for it."""
    found: JSON = wait_until(
        lambda: (dms_with(fake, user, contains) or [None])[-1],
        timeout=timeout,
        what=f"DM to {user} with {contains!r}",
    )
    return found


def buttons(message: JSON, action_id: str) -> list[str]:
    """The values of the buttons with this action id in a message (accessories included)."""
    values = []
    for block in message.get("blocks") or []:
        elements = list(block.get("elements") or [])
        if block.get("accessory"):
            elements.append(block["accessory"])
        values += [str(e.get("value")) for e in elements if e.get("action_id") == action_id]
    return values


def click(
    app: AgreeApp, user: str, message: JSON, action_id: str, value: str | None = None
) -> HttpResult:
    """Click the button with this action id (and value, when several) in a DM."""
    found = buttons(message, action_id)
    assert found, f"no {action_id} button in {text_of(message)[:300]}"
    chosen = value if value is not None else found[0]
    assert chosen in found, f"no {action_id} button with value {chosen}"
    result = app.slack.click(user, action_id=action_id, value=chosen, message=message)
    assert result.status == 200, result.text
    return result


def responses(fake: FakeSlack) -> list[str]:
    """Every response_url body (ephemeral replies) so far, as strings."""
    return [
        str(c.body.get("text", "")) + str(c.body.get("blocks", ""))
        for c in fake.calls_to("response_url")
    ]


def wait_response(fake: FakeSlack, contains: str, *, timeout: float = 10.0) -> str:
    """The first ephemeral reply containing the text."""
    hit: str = wait_until(
        lambda: next((r for r in responses(fake) if contains in r), None),
        timeout=timeout,
        what=f"reply with {contains!r}",
    )
    return hit


def opened(fake: FakeSlack, user: str, callback_id: str) -> list[JSON]:
    """Every modal with this callback id opened for the user."""
    return [v for v in fake.opened_views(user) if v.get("callback_id") == callback_id]


def wait_modal(fake: FakeSlack, user: str, callback_id: str, *, seen: int) -> JSON:
    """The (seen+1)-th modal with this callback id, checked against Slack's limits."""
    view: JSON = wait_until(
        lambda: (opened(fake, user, callback_id)[seen:] or [None])[0],
        timeout=10.0,
        what=f"modal {callback_id} for {user}",
    )
    assert_valid_view(view)
    return view


def open_by_click(
    app: AgreeApp,
    user: str,
    message: JSON,
    action_id: str,
    callback_id: str,
    value: str | None = None,
) -> JSON:
    """Click a button that opens a modal, and return the modal."""
    seen = len(opened(app.fake, user, callback_id))
    click(app, user, message, action_id, value)
    return wait_modal(app.fake, user, callback_id, seen=seen)


def open_by_command(app: AgreeApp, user: str, text: str, callback_id: str) -> JSON:
    """Type a command that opens a modal, and return the modal."""
    seen = len(opened(app.fake, user, callback_id))
    app.slack.command(user, text)
    return wait_modal(app.fake, user, callback_id, seen=seen)


# ------------------------------------------------------------------------------ agreements


AGREEMENTS: JSON = {
    "goal": "Samen leren van lastige meldingen en sterker staan in onze rol.",
    "success": "Als iedereen minstens één keer inbrenger was.",
    "attendance_min_meetings": "5",
    "substitutes": "member_arranges",
    "meetings_per_year": "6",
    "meeting_minutes": "120",
    "rhythm": "Elke laatste vrijdagmiddag van de maand",
    "preferred_times": "Vrijdagmiddag",
    "form": "hybrid",
    "location": "Utrecht, Oudegracht 1",
    "input_text": "Een eigen casus, zonder namen",
    "input_preparer": "presenter",
    "recording": "Alleen het verslag, dat we zelf bewaren en niet delen",
    "chair": "internal",
    "cost_split": "Gelijk verdeeld",
    "min_present": "3",
}


def agreement_values(**changes: str) -> JSON:
    """The modal's values by action id: AGREEMENTS with `changes`."""
    values = {**AGREEMENTS, **changes}
    return {agreements_action(field): value for field, value in values.items()}


def fill_agreements(app: AgreeApp, **changes: str) -> HttpResult:
    """The contact person opens the card, presses Invullen/Wijzigen and saves the modal."""
    before = len(app.fake.calls_to("response_url"))
    app.slack.command(CONTACT, "afspraken 1234")
    wait_until(lambda: len(app.fake.calls_to("response_url")) > before, what="the card")
    card = app.fake.calls_to("response_url")[-1].body
    message = {"ts": "1.0", "channel": "D" + CONTACT, "blocks": card["blocks"]}
    view = open_by_click(app, CONTACT, message, ActionId.AGREEMENTS_EDIT, CallbackId.AGREEMENTS)
    result = app.slack.submit(CONTACT, view, agreement_values(**changes))
    assert result.status == 200, result.text
    return result
