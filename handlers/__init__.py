"""Slack surfaces, one module per area; each exposes register(app)."""

from __future__ import annotations

from slack_bolt import App

from bot.composers import ATTENDANCE_NUDGE, Composers
from handlers import admin, commands, enrollment, groups, home, lifecycle
from handlers import attendance as attendance_area
from handlers import certificates as certificates_area
from handlers import meetings as meetings_area
from handlers import privacy as privacy_area
from handlers.ui.attendance_ui import build_attendance_nudge


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
        privacy_area,
    ):
        area.register(app)


def install_composers(composers: Composers) -> None:
    """Register how DMs owed by background jobs look (buttons and all)."""
    composers.register(ATTENDANCE_NUDGE, build_attendance_nudge)
