"""File renderers for the outbox (certificate PDFs, .ics files): bytes made after the ack."""

from __future__ import annotations

from bot.delivery import Outbox
from bot.settings import Settings


def install(outbox: Outbox, settings: Settings) -> None:
    """Register every renderer by the name FILE deliveries carry in their payload."""
    del outbox, settings  # each area registers its renderer here
