"""Slack surfaces, one module per area; each exposes register(app). How each notification reads is
in handlers/notices/, installed into the outbox's renderers by the app factory."""

from __future__ import annotations

import importlib
import pkgutil

from slack_bolt import App

from bot.notify import Renderers
from handlers import notices


def register_all(app: App) -> None:
    """Register the listeners of every module in this package that has a register(app)."""
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module.ispkg:
            continue
        area = importlib.import_module(f"{__name__}.{module.name}")
        register = getattr(area, "register", None)
        if register is not None:
            register(app)


def install_renderers(renderers: Renderers) -> None:
    """Register how every notification reads (bot/notify.py)."""
    notices.install(renderers)
