"""App Home, "Mijn intervisie": published on app_home_opened and after changes that concern a user."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from slack_sdk.models.blocks import Block

from bot.actor import Actor
from bot.deps import Deps
from bot.i18n import format_date
from bot.services import hours
from bot.services.people import person_by_id
from handlers import association_home
from handlers import calendar as calendar_area
from handlers import certificates as certificates_area
from handlers import groups as groups_area
from handlers import guided as guided_area
from handlers import planning as planning_area
from handlers import profile as profile_area
from handlers.context import Interaction, Submitted, actor_for, deps_of, on_action, on_view
from handlers.events import first_delivery
from handlers.ui.attendance_ui import ActionId, BlockId, CallbackId
from handlers.ui.certificates_ui import build_period_start_modal
from handlers.ui.home_ui import build_home_view

log = logging.getLogger(__name__)

# Each area contributes a part of the home view: (deps, viewer) -> blocks. Order = page order.
HomeSection = Callable[[Deps, Actor], list[Block]]
SECTIONS: tuple[HomeSection, ...] = (
    groups_area.home_section,
    guided_area.home_section,
    calendar_area.home_section,
    planning_area.home_section,
    certificates_area.home_hours,
    profile_area.home_section,
    certificates_area.home_certificates,
    association_home.home_section,
)


def register(app: App) -> None:
    """Listen for the App Home being opened, and for the period start it lets a member set."""
    app.event("app_home_opened")(on_home_opened)
    on_action(app, ActionId.SET_PERIOD_START, on_set_period_start)
    on_view(app, CallbackId.PERIOD_START, on_period_start_submit, error_block=BlockId.PERIOD_START)


def on_home_opened(
    event: dict[str, Any], body: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Publish the home tab when the user opens it (the Messages tab needs nothing)."""
    if event.get("tab", "home") != "home":
        return
    deps = deps_of(context)
    with deps.uow() as session:
        if not first_delivery(session, body, now=deps.now()):
            return  # Slack redelivered an event already handled (X-Slack-Retry-Num)
    actor = actor_for(deps, team_id=body["team_id"], user_id=event["user"])
    publish_home(deps, actor=actor, client=client)


def publish_home(deps: Deps, *, actor: Actor, client: WebClient) -> None:
    """Build and publish the actor's home view."""
    parts: list[Block] = []
    # One read for the whole page: each section's unit of work joins this one.
    with deps.uow():
        for section in SECTIONS:
            parts.extend(section(deps, actor))
    view = build_home_view(lang=actor.lang, name=actor.name, sections=parts)
    client.views_publish(user_id=actor.user_id, view=view)


def on_set_period_start(call: Interaction) -> None:
    """ "Begin periode instellen": a small modal with the current start date."""
    with call.deps.uow() as session:
        person = person_by_id(session, person_id=call.actor.person_id)
        start = person.certification_period_start
    current = format_date(start) if start else ""
    call.client.views_open(
        trigger_id=call.trigger_id,
        view=build_period_start_modal(lang=call.actor.lang, current=current),
    )


def on_period_start_submit(call: Interaction) -> Submitted:
    """Save the period start (inline error for a bad date), then refresh the App Home."""
    state = call.values.get(BlockId.PERIOD_START, {})
    typed = str((state.get(ActionId.PERIOD_START_INPUT) or {}).get("value") or "")
    start = hours.parse_day(
        typed, today=call.today(), retention_years=call.deps.settings.retention_years
    )
    with call.deps.uow() as session:
        hours.set_period_start(
            session, actor=call.actor, start=start, today=call.today(), now=call.deps.now()
        )
    return Submitted(then=lambda: publish_home(call.deps, actor=call.actor, client=call.client))
