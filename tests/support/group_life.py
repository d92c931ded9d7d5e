"""Scenario helpers for the group's page and its life, through Slack's front door: open the page,
press its buttons, fill in its modals (or forge one), name a deputy, read the feeds and /verify."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import HttpResult, SlackSim, http_request
from bot.server import Runtime
from handlers.ui.group_life_ids import ActionId, CallbackId
from storage.models import Certificate, Group
from tests.support.groups import count_views, wait_view
from tests.support.privacy import World, wait_response_after
from tests.support.wait import wait_until

JSON = dict[str, Any]


def response_text(body: JSON) -> str:
    """A response_url message as one string (text and blocks)."""
    return str(body.get("text", "")) + json.dumps(body.get("blocks", []), ensure_ascii=False)


def ask(world: World, user: str, text: str) -> JSON:
    """`/intervisie <text>` and the first answer through the response_url."""
    seen = len(world.fake.calls_to("response_url"))
    world.slack.command(user, text)
    return wait_response_after(world.fake, seen)


def open_page(world: World, user: str, number: int | None = None) -> JSON:
    """`/intervisie groep <number>`: the page (or the refusal) as the user sees it."""
    return ask(world, user, f"groep {number if number is not None else world.number}")


def as_message(page: JSON, user: str) -> JSON:
    """The page as a message a click can come from (an ephemeral in the user's DM)."""
    return {"ts": "1700000000.000200", "channel": "D" + user, "blocks": page.get("blocks", [])}


def button(page: JSON, action_id: str) -> JSON | None:
    """The button with this action id on the page, if shown."""
    for block in page.get("blocks") or []:
        for element in block.get("elements") or []:
            if element.get("action_id") == action_id:
                found: JSON = element
                return found
    return None


def press(world: World, user: str, *, action_id: str, value: str, page: JSON | None = None) -> JSON:
    """Press a button (from the page, or forged with `value`) and return the reply it gives."""
    seen = len(world.fake.calls_to("response_url"))
    world.slack.click(user, action_id=action_id, value=value, message=as_message(page or {}, user))
    return wait_response_after(world.fake, seen)


def open_modal(world: World, user: str, *, action_id: str, callback_id: str) -> JSON:
    """Press a page button that opens a modal (the group's id as value) and return the modal."""
    seen = count_views(world.fake, user, callback_id)
    world.slack.click(
        user, action_id=action_id, value=str(world.group_id), message=as_message({}, user)
    )
    return wait_view(world.fake, user, callback_id, seen=seen)


def submit_forged(slack: SlackSim, user: str, view: JSON, state: JSON) -> HttpResult:
    """Submit a modal with a hand-made state (a value the modal never offered)."""
    submitted = dict(view, state={"values": state}, id="VFORGED01")
    payload = {
        "type": "view_submission",
        "team": {"id": slack.team_id, "domain": "test"},
        "user": {"id": user, "username": user.lower(), "team_id": slack.team_id},
        "api_app_id": "AINTERVISIE",
        "token": "legacy-unused",
        "trigger_id": slack.fake.new_trigger_id(user),
        "view": submitted,
        "response_urls": [],
    }
    return slack.post_payload(payload)


def name_deputy(world: World, user: str, deputy: str) -> HttpResult:
    """The user opens the deputy modal from the page and picks `deputy` (a Slack user id)."""
    view = open_modal(world, user, action_id=ActionId.DEPUTY, callback_id=CallbackId.DEPUTY)
    return world.slack.submit(user, view, {ActionId.DEPUTY_USER: deputy})


def errors(result: HttpResult) -> dict[str, str]:
    """The inline errors of a modal submit (empty when it was accepted)."""
    body = result.json or {}
    if body.get("response_action") != "errors":
        return {}
    found: dict[str, str] = body["errors"]
    return found


def dm_texts(fake: FakeSlack, user: str) -> list[str]:
    """Every DM to the user as text and blocks (redrawn messages as they read now)."""
    return [
        str(m.get("text")) + json.dumps(m.get("blocks", []), ensure_ascii=False)
        for m in fake.messages(user)
    ]


def wait_dm_with(fake: FakeSlack, user: str, text: str, *, timeout: float = 5.0) -> str:
    """The latest DM to the user containing `text`."""
    found: str = wait_until(
        lambda: next((m for m in reversed(dm_texts(fake, user)) if text in m), None),
        timeout=timeout,
        what=f"a DM to {user} with {text!r}",
    )
    return found


def group(world: World) -> Group:
    """The world's group as it is in the database now."""
    with Session(world.engine) as session:
        return session.get_one(Group, world.group_id)


def verify_status(runtime: Runtime, certificate_id: int, engine: Any) -> str:
    """What /verify says about a certificate (its JSON status)."""
    with Session(engine) as session:
        code = session.get_one(Certificate, certificate_id).verification_code
    result = http_request(
        runtime.port, "GET", f"/verify/{code}", headers={"Accept": "application/json"}
    )
    assert result.status == 200, result.text
    return str(result.json["status"])


def feed(runtime: Runtime, path: str) -> str:
    """A calendar feed by its path (/ical/...)."""
    result = http_request(runtime.port, "GET", path)
    assert result.status == 200, result.text
    return result.text


def personal_feed_path(world: World, user: str) -> str:
    """The user's own feed path, from `/intervisie agenda`."""
    body = json.dumps(ask(world, user, "agenda"))
    return body.split("http://intervisie.test", 1)[1].split(".ics", 1)[0] + ".ics"


def group_feed_path(world: World) -> str:
    """The group's feed path."""
    return f"/ical/group/{group(world).calendar_token}.ics"
