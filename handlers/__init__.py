"""Slack surfaces, one module per area; each exposes register(app)."""

from __future__ import annotations

from slack_bolt import App

from handlers import admin, commands, enrollment, groups, home, lifecycle
from handlers import attendance as attendance_area
from handlers import certificates as certificates_area
from handlers import meetings as meetings_area


def register_all(app: App) -> None:
    """Register every area's listeners on the app."""
    for area in (
        commands,
        home,
        lifecycle,
        groups,
        enrollment,
        admin,
        meetings_area,
        attendance_area,
        certificates_area,
    ):
        area.register(app)
