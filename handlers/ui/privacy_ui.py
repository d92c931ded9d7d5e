"""Block Kit and listener ids of the privacy surfaces: the "delete my data?" confirmation."""

from __future__ import annotations

import enum

from slack_sdk.models.blocks import ConfirmObject, PlainTextObject

from bot.i18n import Lang, t, t_plain
from bot.notify import Message
from handlers.ui.blocks import actions, button, message, section


class ActionId(enum.StrEnum):
    """Buttons (action_id)."""

    DELETE_CONFIRM = "privacy_delete_confirm"
    DELETE_KEEP = "privacy_delete_keep"


class BlockId(enum.StrEnum):
    """Blocks (block_id)."""

    DELETE = "privacy_delete"


def build_delete_ask(*, lang: Lang) -> Message:
    """The ephemeral question with a red button (Slack asks once more) and a way out.

    The buttons carry no ids: whose data is deleted is read from the click's payload only.
    """
    confirm_button = button(
        t_plain(lang, "privacy.delete.button"), action_id=ActionId.DELETE_CONFIRM, style="danger"
    )
    confirm_button.confirm = ConfirmObject(
        title=PlainTextObject(text=t_plain(lang, "privacy.delete.confirm_title")),
        text=PlainTextObject(text=t_plain(lang, "privacy.delete.confirm_text")),
        confirm=PlainTextObject(text=t_plain(lang, "privacy.delete.confirm_ok")),
        deny=PlainTextObject(text=t_plain(lang, "privacy.delete.confirm_deny")),
        style="danger",
    )
    keep = button(t_plain(lang, "privacy.delete.keep_button"), action_id=ActionId.DELETE_KEEP)
    text = t(lang, "privacy.delete.ask")
    return message(text, [section(text), actions(confirm_button, keep, block_id=BlockId.DELETE)])
