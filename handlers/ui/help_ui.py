"""Builder for the help message."""

from __future__ import annotations

from slack_sdk.models.blocks import Block

from bot.i18n import Lang, t
from bot.notify import Message
from handlers.ui.blocks import context, message, section


def build_help_message(*, lang: Lang, lines: list[str], unknown: str | None) -> Message:
    """The ephemeral help: an optional 'unknown subcommand' line, the commands, a footer."""
    blocks: list[Block] = []
    intro = t(lang, "help.title")
    if unknown is not None:
        intro = t(lang, "help.unknown", sub=unknown[:40]) + "\n" + intro
    blocks.append(section(intro))
    blocks.append(section("\n".join(f"• {line}" for line in lines)))
    blocks.append(context(t(lang, "help.footer")))
    return message(intro, blocks)
