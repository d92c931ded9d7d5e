"""Slack surfaces, one module per area; each exposes register(app). How each notification reads is
in handlers/notices/, installed into the outbox's renderers by the app factory."""

from __future__ import annotations

from slack_bolt import App

from bot.notify import Renderers
from handlers import admin, commands, enrollment, groups, home, lifecycle, notices
from handlers import association as association_area
from handlers import attendance as attendance_area
from handlers import certificates as certificates_area
from handlers import meetings as meetings_area
from handlers import privacy as privacy_area


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
        association_area,
    ):
        area.register(app)


def install_renderers(renderers: Renderers) -> None:
    """Register how every notification reads (bot/notify.py)."""
    notices.install(renderers)
