"""Slack surfaces, one module per area; each exposes register(app)."""

from __future__ import annotations

from slack_bolt import App

from handlers import commands, home, lifecycle


def register_all(app: App) -> None:
    """Register every area's listeners on the app."""
    for area in (commands, home, lifecycle):
        area.register(app)
