"""File renderers for the outbox (certificate PDFs, .ics files): bytes made after the ack."""

from __future__ import annotations

from bot.delivery import Outbox
from bot.settings import Settings


def install(outbox: Outbox, settings: Settings) -> None:
    """Register every renderer by the name FILE deliveries carry in their payload."""
    # each area registers its renderer here
    from bot.services import certificates

    certificates.install_renderers(outbox, settings)

    from bot.services import meetings

    tz_name = settings.default_timezone
    outbox.register_renderer(
        meetings.ICS_RENDERER,
        lambda session, args: meetings.render_meeting_ics(session, args, tz_name=tz_name),
    )

    from bot.services import privacy, secretariat_export

    outbox.register_renderer(privacy.EXPORT_RENDERER, privacy.render_export)
    outbox.register_renderer(secretariat_export.CSV_RENDERER, secretariat_export.render_csv)
