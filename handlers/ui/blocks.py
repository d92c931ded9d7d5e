"""Small Block Kit helpers built on slack_sdk.models, which check Slack's limits as they build."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    Option,
    PlainTextObject,
    SectionBlock,
)

from bot.notify import Message

# Slack's limits (see STYLE.md); builders truncate user-controlled text to stay inside them.
SECTION_TEXT_MAX = 3000
FIELD_TEXT_MAX = 2000
BUTTON_TEXT_MAX = 75
HEADER_TEXT_MAX = 150
MESSAGE_BLOCKS_MAX = 50
VIEW_BLOCKS_MAX = 100
FALLBACK_TEXT_MAX = 3000


def clip(text: str, limit: int) -> str:
    """Cut text to `limit` characters with an ellipsis, so a long name never breaks a payload."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def header(text: str) -> HeaderBlock:
    """A header block (plain text, ≤ 150 characters)."""
    return HeaderBlock(text=PlainTextObject(text=clip(text, HEADER_TEXT_MAX), emoji=True))


def section(text: str, *, block_id: str | None = None, accessory: Any = None) -> SectionBlock:
    """A mrkdwn section (≤ 3000 characters)."""
    return SectionBlock(
        text=MarkdownTextObject(text=clip(text, SECTION_TEXT_MAX)),
        block_id=block_id,
        accessory=accessory,
    )


def context(text: str, *, block_id: str | None = None) -> ContextBlock:
    """A small grey mrkdwn line."""
    return ContextBlock(
        elements=[MarkdownTextObject(text=clip(text, SECTION_TEXT_MAX))], block_id=block_id
    )


def divider() -> DividerBlock:
    """A horizontal rule."""
    return DividerBlock()


def button(
    text: str, *, action_id: str, value: str = "", style: str | None = None, url: str | None = None
) -> ButtonElement:
    """A button (text ≤ 75 characters)."""
    return ButtonElement(
        text=PlainTextObject(text=clip(text, BUTTON_TEXT_MAX), emoji=True),
        action_id=action_id,
        value=value or None,
        style=style,
        url=url,
    )


def actions(*elements: Any, block_id: str | None = None) -> ActionsBlock:
    """A row of interactive elements."""
    return ActionsBlock(elements=list(elements), block_id=block_id)


def to_dicts(blocks: list[Block]) -> list[dict[str, Any]]:
    """Serialise blocks (validating them) for the Web API or the outbox."""
    if len(blocks) > MESSAGE_BLOCKS_MAX:
        raise ValueError(f"{len(blocks)} blocks exceed Slack's {MESSAGE_BLOCKS_MAX} per message")
    return [b.to_dict() for b in blocks]


def message(text: str, blocks: list[Block]) -> Message:
    """A message payload: blocks plus the plain fallback text notifications show."""
    return {"text": clip(text, FALLBACK_TEXT_MAX), "blocks": to_dicts(blocks)}


def text_message(text: str) -> Message:
    """A message of one mrkdwn section."""
    return message(text, [section(text)])


def plain(text: str, limit: int = BUTTON_TEXT_MAX) -> PlainTextObject:
    """A plain_text object cut to `limit` characters (labels, options, titles)."""
    return PlainTextObject(text=clip(text, limit), emoji=True)


def option(text: str, value: str) -> Option:
    """A select or radio option (text ≤ 75 characters)."""
    return Option(text=plain(text), value=value)
