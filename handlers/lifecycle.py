"""Install life cycle: when the app is uninstalled or its tokens revoked, stop sending there."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext

from bot.services.workspaces import deactivate_workspace
from handlers.context import deps_of
from handlers.events import first_delivery


def register(app: App) -> None:
    """Listen for app_uninstalled and tokens_revoked."""
    app.event("app_uninstalled")(on_uninstalled)
    app.event("tokens_revoked")(on_uninstalled)


def on_uninstalled(body: dict[str, Any], context: BoltContext) -> None:
    """Mark the workspace inactive and cancel what the outbox still owes there."""
    deps = deps_of(context)
    with deps.uow() as session:
        if not first_delivery(session, body, now=deps.now()):
            return  # a redelivery of an event already handled
        deactivate_workspace(session, team_id=str(body["team_id"]), now=deps.now())
