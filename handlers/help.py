"""`/intervisie help` (and no or an unknown subcommand): the list of what a user can type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handlers.ui.help_ui import build_help_message

if TYPE_CHECKING:
    from handlers.commands import CommandCall


def show_help(call: CommandCall, *, unknown: str | None = None) -> None:
    """Answer ephemerally with every subcommand, in the user's language."""
    from handlers.commands import help_lines

    message = build_help_message(
        lang=call.viewer.lang, lines=help_lines(call.viewer), unknown=unknown
    )
    call.respond(**message, response_type="ephemeral")
