"""The secretariat's overview of failed deliveries (`/intervisie admin bezorging`)."""

from __future__ import annotations

import enum
from datetime import tzinfo
from typing import Any

from slack_sdk.models.blocks import Block

from bot.i18n import Lang, format_date, format_time, t, t_plain, tn
from bot.notify import Message
from bot.services.outbox_admin import FailedDelivery, FailedPage
from handlers.ui.blocks import button, context, header, message, section
from storage.models import DeliveryKind

# Slack error texts can be long; the overview shows the start.
ERROR_SHOWN = 200


class ActionId(enum.StrEnum):
    """Buttons of the delivery overview."""

    RETRY_DELIVERY = "admin_delivery_retry"


def what_text(lang: Lang, kind: DeliveryKind, filename: Any = None) -> str:
    """What was owed, in words: a message, a message update, or a file by its name."""
    if kind is DeliveryKind.FILE:
        return t_plain(lang, "admin.deliveries.kind.file", filename=str(filename or ""))
    if kind is DeliveryKind.UPDATE:
        return t_plain(lang, "admin.deliveries.kind.update")
    return t_plain(lang, "admin.deliveries.kind.message")


def _what(lang: Lang, item: FailedDelivery) -> str:
    return what_text(lang, item.kind, item.filename)


def _line(lang: Lang, tz: tzinfo, item: FailedDelivery) -> str:
    when = f"{format_date(item.failed_at, tz=tz)} {format_time(item.failed_at, tz=tz)}"
    error = item.error[:ERROR_SHOWN]
    if item.recipient[:1] in ("U", "W"):
        return t(
            lang,
            "admin.deliveries.line_user",
            what=_what(lang, item),
            user=item.recipient,
            when=when,
            error=error,
        )
    return t(
        lang,
        "admin.deliveries.line_channel",
        what=_what(lang, item),
        channel=item.recipient,
        when=when,
        error=error,
    )


def build_failed_deliveries(*, lang: Lang, tz: tzinfo, page: FailedPage) -> Message:
    """Failed deliveries, each with a "try again" button; a reassuring line when there are none."""
    title = t_plain(lang, "admin.deliveries.title", total=page.total)
    if not page.items:
        text = t(lang, "admin.deliveries.empty")
        return message(text, [section(text)])
    blocks: list[Block] = [header(title)]
    for item in page.items:
        blocks.append(
            section(
                _line(lang, tz, item),
                accessory=button(
                    t_plain(lang, "admin.deliveries.retry"),
                    action_id=ActionId.RETRY_DELIVERY,
                    value=str(item.id),
                ),
            )
        )
    if page.total > len(page.items):
        blocks.append(context(tn(lang, "admin.deliveries.more", page.total - len(page.items))))
    return message(title, blocks)
