"""Install life cycle: when the app is uninstalled or its bot token revoked, every delivery to
that workspace stops at once; its data is kept for the grace period (INTERVISIE_UNINSTALL_GRACE_DAYS)
so that an install again brings it back, then deleted by a periodic job (bot/jobs.py)."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext

from bot.services.workspaces import deactivate_workspace
from handlers.context import deps_of
from handlers.events import first_delivery


def register(app: App) -> None:
    """Listen for app_uninstalled and tokens_revoked."""
    app.event("app_uninstalled")(on_uninstalled)
    app.event("tokens_revoked")(on_tokens_revoked)


def on_tokens_revoked(body: dict[str, Any], event: dict[str, Any], context: BoltContext) -> None:
    """Revoked bot tokens end the app's life in the workspace; revoked user tokens (the app asks
    for none) change nothing."""
    tokens = event.get("tokens") or {}
    if tokens.get("bot") or not tokens.get("oauth"):
        on_uninstalled(body, context)


def on_uninstalled(body: dict[str, Any], context: BoltContext) -> None:
    """Mark the workspace inactive, cancel what the outbox still owes there, forget its tokens."""
    deps = deps_of(context)
    team_id = str(body["team_id"])
    with deps.uow() as session:
        if not first_delivery(session, body, now=deps.now()):
            return  # a redelivery of an event already handled
        deactivate_workspace(session, team_id=team_id, now=deps.now())
    deps.tokens.forget(team_id)
