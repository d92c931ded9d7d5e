"""App Home, "Mijn intervisie": published on app_home_opened and after changes that concern a user."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from slack_sdk.models.blocks import Block

from bot.deps import Deps
from handlers import calendar as calendar_area
from handlers import certificates as certificates_area
from handlers import groups as groups_area
from handlers.context import Viewer, deps_of, viewer_for
from handlers.events import first_delivery
from handlers.ui.home_ui import build_home_view

log = logging.getLogger(__name__)

# Each area contributes a part of the home view: (deps, viewer) -> blocks. Order = page order.
HomeSection = Callable[[Deps, Viewer], list[Block]]
SECTIONS: tuple[HomeSection, ...] = (
    groups_area.home_section,
    calendar_area.home_section,
    certificates_area.home_hours,
    certificates_area.home_certificates,
)


def register(app: App) -> None:
    """Listen for the App Home being opened."""
    app.event("app_home_opened")(on_home_opened)


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
    viewer = viewer_for(deps, team_id=body["team_id"], user_id=event["user"])
    publish_home(deps, viewer=viewer, client=client)


def publish_home(deps: Deps, *, viewer: Viewer, client: WebClient) -> None:
    """Build and publish the viewer's home view."""
    parts: list[Block] = []
    for section in SECTIONS:
        parts.extend(section(deps, viewer))
    view = build_home_view(lang=viewer.lang, name=viewer.name, sections=parts)
    client.views_publish(user_id=viewer.user_id, view=view)
