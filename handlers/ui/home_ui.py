"""Builder for the App Home view ("Mijn intervisie")."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.i18n import Lang, t, t_plain
from handlers.ui.blocks import VIEW_BLOCKS_MAX, context, divider, header, section


def build_home_view(*, lang: Lang, name: str, sections: list[Block]) -> dict[str, Any]:
    """The home tab: title, welcome, the areas' sections (or how to start), privacy note."""
    blocks: list[Block] = [
        header(t_plain(lang, "home.title")),
        section(t(lang, "home.welcome", name=name)),
    ]
    if sections:
        blocks.extend(sections)
    else:
        blocks.append(divider())
        blocks.append(section(t(lang, "home.start")))
    blocks.append(divider())
    blocks.append(context(t(lang, "home.privacy")))
    if len(blocks) > VIEW_BLOCKS_MAX:
        # Keep the privacy note; the areas keep their own sections short, this is a last guard.
        blocks = blocks[: VIEW_BLOCKS_MAX - 1] + blocks[-1:]
    return View(type="home", blocks=blocks).to_dict()
