"""How each notification reads: one renderer per intent kind (bot/notify.py), building Block Kit
in the recipient's language from fresh data when the outbox sends it. Every module in this package
with an `install(renderers)` registers its area's renderers."""

from __future__ import annotations

import importlib
import pkgutil

from bot.notify import Renderers


def install(renderers: Renderers) -> None:
    """Register every area's renderers."""
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        area = importlib.import_module(f"{__name__}.{module.name}")
        installer = getattr(area, "install", None)
        if installer is not None:
            installer(renderers)
