"""Message composers: the Slack layer registers how a DM looks, so jobs in bot/ (reminders, nudges)
can owe rich messages without importing handlers/."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

# (lang, **params) -> {"text": fallback, "blocks": [...]}; params are ids and plain values.
Composer = Callable[..., dict[str, Any]]

ATTENDANCE_NUDGE = "attendance_nudge"


class Composers:
    """A registry of message composers by name; empty until the app factory fills it."""

    def __init__(self) -> None:
        self._composers: dict[str, Composer] = {}
        self._lock = threading.Lock()

    def register(self, name: str, composer: Composer) -> None:
        """Make `composer` the builder of messages called `name`."""
        with self._lock:
            self._composers[name] = composer

    def blocks(self, name: str, **params: Any) -> list[dict[str, Any]] | None:
        """The blocks for a message, or None when no composer is registered (plain text is sent)."""
        with self._lock:
            composer = self._composers.get(name)
        if composer is None:
            return None
        blocks: list[dict[str, Any]] = composer(**params)["blocks"]
        return blocks
