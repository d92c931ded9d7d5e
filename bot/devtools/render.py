"""Block Kit as plain text: what a person sees in Slack, for the demo's transcript.

Messages are rendered from their blocks (or their text when they have none), modals and the App
Home as forms: a title, each input with its label and its value, the buttons at the bottom.
mrkdwn becomes readable text: links show their label and address, mentions the person's name.
"""

from __future__ import annotations

import html
import re
import textwrap
from collections.abc import Mapping
from typing import Any

JSON = dict[str, Any]

WIDTH = 92
_EMOJI = {
    "warning": "⚠",
    "white_check_mark": "✔",
    "heavy_check_mark": "✔",
    "x": "✘",
    "tada": "🎉",
    "information_source": "ℹ",
    "calendar": "📅",
    "spiral_calendar_pad": "🗓",
    "bell": "🔔",
    "page_facing_up": "📄",
    "bust_in_silhouette": "👤",
    "busts_in_silhouette": "👥",
    "hourglass_flowing_sand": "⏳",
    "mag": "🔍",
    "lock": "🔒",
}
_LINK = re.compile(r"<([^<>|]+)(?:\|([^<>]*))?>")
_BOLD = re.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w])_([^_\n]+)_(?![\w])")
_EMOJI_CODE = re.compile(r":([a-z0-9_+-]+):")


def mrkdwn_to_text(text: str, *, names: Mapping[str, str] | None = None) -> str:
    """Slack mrkdwn as plain text: links, mentions, emphasis and emoji codes made readable."""
    names = names or {}

    def link(match: re.Match[str]) -> str:
        target, label = match.group(1), match.group(2)
        if target.startswith("@"):
            user = target[1:]
            return "@" + (label or names.get(user, user))
        if target.startswith("#"):
            return "#" + (label or target[1:])
        if target.startswith("!"):
            if target.startswith("!date"):
                return label or target
            return "@" + target[1:].split("^")[0]
        target = target.removeprefix("mailto:")
        return f"{label} ({target})" if label and label != target else target

    out = _LINK.sub(link, text)
    out = _BOLD.sub(r"\1", out)
    out = _ITALIC.sub(r"\1", out)
    out = _EMOJI_CODE.sub(lambda m: _EMOJI.get(m.group(1), m.group(0)), out)
    return html.unescape(out)


def _text(obj: Any, names: Mapping[str, str]) -> str:
    """A text object (plain_text or mrkdwn) or a plain string, as plain text."""
    if obj is None:
        return ""
    if isinstance(obj, str):
        return mrkdwn_to_text(obj, names=names)
    if obj.get("type") == "plain_text":
        return str(obj.get("text", ""))
    return mrkdwn_to_text(str(obj.get("text", "")), names=names)


def _wrap(text: str, indent: str = "") -> list[str]:
    lines: list[str] = []
    for raw in text.splitlines() or [""]:
        if not raw.strip():
            lines.append("")
            continue
        lead = raw[: len(raw) - len(raw.lstrip())]
        lines.extend(
            textwrap.wrap(
                raw.strip(),
                width=WIDTH,
                initial_indent=indent + lead,
                subsequent_indent=indent + lead + ("  " if raw.lstrip()[:1] in "•-" else ""),
                break_on_hyphens=False,
                break_long_words=False,
            )
        )
    return lines


def _options(element: JSON) -> list[JSON]:
    options = list(element.get("options") or [])
    for group in element.get("option_groups") or []:
        options.extend(group.get("options") or [])
    return options


def _option_text(element: JSON, value: Any, names: Mapping[str, str]) -> str:
    for option in _options(element):
        if option.get("value") == value:
            return _text(option.get("text"), names)
    return str(value)


def element_text(element: JSON, *, names: Mapping[str, str], value: Any = None) -> str:
    """One interactive element as the person sees it: `[ Accorderen ]`, `[Deelnemer ▾]`, …"""
    kind = element.get("type")
    if kind == "button":
        return f"[ {_text(element.get('text'), names)} ]"
    if kind in {"static_select", "external_select", "radio_buttons"}:
        if value is None:
            initial = element.get("initial_option")
            value = initial.get("value") if initial else None
        shown = _option_text(element, value, names) if value is not None else ""
        if kind == "radio_buttons":
            return "  ".join(
                ("(•) " if o.get("value") == value else "( ) ") + _text(o.get("text"), names)
                for o in _options(element)
            )
        placeholder = _text(element.get("placeholder"), names)
        return f"[{shown or placeholder or 'kies…'} ▾]"
    if kind == "checkboxes":
        chosen = (
            value
            if value is not None
            else [o.get("value") for o in element.get("initial_options") or []]
        )
        return "  ".join(
            ("[x] " if o.get("value") in chosen else "[ ] ") + _text(o.get("text"), names)
            for o in _options(element)
        )
    if kind in {"users_select", "multi_users_select"}:
        users = value if value is not None else element.get("initial_user")
        if isinstance(users, list):
            return "[" + ", ".join(names.get(u, u) for u in users) + " ▾]"
        return f"[{names.get(users, users) if users else 'kies iemand…'} ▾]"
    if kind in {"datepicker", "timepicker"}:
        picked = value or element.get("initial_date") or element.get("initial_time") or ""
        return f"[{picked or _text(element.get('placeholder'), names)}]"
    if kind in {"plain_text_input", "number_input", "email_text_input", "url_text_input"}:
        typed = value if value is not None else element.get("initial_value")
        if typed:
            return f"[{typed}]"
        placeholder = _text(element.get("placeholder"), names)
        return f"[{'bv. ' + placeholder if placeholder else '          '}]"
    if kind == "overflow":
        return "[⋯]"
    if kind == "image":
        return f"(afbeelding: {element.get('alt_text', '')})"
    return f"[{kind}]"


def render_blocks(
    blocks: list[JSON],
    *,
    names: Mapping[str, str] | None = None,
    values: Mapping[str, Any] | None = None,
) -> list[str]:
    """Blocks as lines of plain text; `values` (by action id) show what was filled into inputs."""
    names = names or {}
    values = values or {}
    lines: list[str] = []
    for block in blocks:
        kind = block.get("type")
        if kind == "header":
            title = _text(block.get("text"), names)
            lines.extend([title.upper(), "─" * min(len(title), WIDTH)])
        elif kind == "divider":
            lines.append("─" * 40)
        elif kind == "section":
            if block.get("text"):
                lines.extend(_wrap(_text(block["text"], names)))
            for field in block.get("fields") or []:
                lines.extend(_wrap(_text(field, names), "  "))
            accessory = block.get("accessory")
            if accessory:
                action_id = accessory.get("action_id")
                lines.append(
                    "    " + element_text(accessory, names=names, value=values.get(str(action_id)))
                )
        elif kind == "context":
            parts = [
                _text(el, names) if el.get("type") != "image" else "" for el in block["elements"]
            ]
            lines.extend(_wrap(" · ".join(p for p in parts if p), "  "))
        elif kind == "actions":
            controls = [
                element_text(el, names=names, value=values.get(str(el.get("action_id"))))
                for el in block.get("elements") or []
            ]
            lines.extend(_wrap("  ".join(controls)))
        elif kind == "input":
            element = block.get("element") or {}
            label = _text(block.get("label"), names)
            already = any(word in label.lower() for word in ("optioneel", "optional"))
            optional = " (optioneel)" if block.get("optional") and not already else ""
            control = element_text(
                element, names=names, value=values.get(str(element.get("action_id")))
            )
            lines.extend(_wrap(f"{label}{optional}: {control}"))
            if block.get("hint"):
                lines.extend(_wrap(_text(block["hint"], names), "    "))
        elif kind == "image":
            lines.append(f"(afbeelding: {block.get('alt_text', '')})")
        elif kind == "rich_text":
            lines.extend(_wrap(_rich_text(block)))
        else:
            lines.append(f"[{kind}]")
    return lines


def _rich_text(block: JSON) -> str:
    out: list[str] = []
    for section in block.get("elements") or []:
        for element in section.get("elements") or []:
            out.append(str(element.get("text") or element.get("url") or ""))
        out.append("\n")
    return "".join(out).strip()


def render_message(message: JSON, *, names: Mapping[str, str] | None = None) -> list[str]:
    """A message (its blocks, else its text) as lines of plain text."""
    names = names or {}
    blocks = message.get("blocks")
    if blocks:
        return render_blocks(blocks, names=names)
    return _wrap(mrkdwn_to_text(str(message.get("text") or ""), names=names))


def render_view(
    view: JSON,
    *,
    names: Mapping[str, str] | None = None,
    values: Mapping[str, Any] | None = None,
    errors: Mapping[str, str] | None = None,
) -> list[str]:
    """A modal or App Home as a form: title, blocks with inputs and their values, the buttons.

    `errors` (by block id) are shown under the input they belong to, as Slack shows them."""
    names = names or {}
    lines: list[str] = []
    title = _text(view.get("title"), names) or ("Home" if view.get("type") == "home" else "")
    if title:
        lines.extend([f"┌─ {title} " + "─" * max(4, 40 - len(title))])
    for block in view.get("blocks") or []:
        lines.extend(
            "│ " + line if line else "│"
            for line in render_blocks([block], names=names, values=values)
        )
        message = (errors or {}).get(block.get("block_id", ""))
        if message:
            lines.append(f"│   ⚠ {message}")
    buttons = [
        f"[ {_text(view[key], names)} ]" for key in ("close", "submit") if view.get(key) is not None
    ]
    if title or buttons:
        lines.append("└─ " + "  ".join(buttons) if buttons else "└─")
    return lines
