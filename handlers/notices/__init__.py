"""How each notification reads: one renderer per intent kind (bot/notify.py), building Block Kit
in the recipient's language from fresh data when the outbox sends it."""

from __future__ import annotations

from bot.notify import Renderers
from handlers.notices import documents, groups, meetings
from handlers.notices import group_life as group_life_notices


def install(renderers: Renderers) -> None:
    """Register every area's renderers."""
    for area in (groups, meetings, documents, group_life_notices):
        area.install(renderers)
