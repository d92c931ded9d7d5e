"""What the app says, taken from the catalogue rather than copied into tests: rewording a message
changes one catalogue line and no test."""

from __future__ import annotations

import re
import string
from typing import Any

from bot.devtools.render import mrkdwn_to_text
from bot.i18n import CATALOGUE, Lang, plural_key, t


def said(key: str, lang: Lang = "nl", **params: Any) -> str:
    """The message as the app sends it (mrkdwn, parameters escaped); `count` chooses a plural form."""
    return t(lang, key, **params)


def shown(key: str, lang: Lang = "nl", **params: Any) -> str:
    """The message as a person reads it (mrkdwn rendered to plain text, as the demo shows it)."""
    return mrkdwn_to_text(t(lang, key, **params))


def opening(key: str, lang: Lang = "nl", *, count: int | None = None) -> str:
    """The message's literal text before its first placeholder: enough to recognise a message
    whose details (a date, a generated number) the test does not know."""
    if count is not None:
        key = plural_key(lang, key, count)
    template = CATALOGUE[key][0 if lang == "nl" else 1]
    literal = next(iter(string.Formatter().parse(template)))[0]
    if len(literal.strip()) < 8:
        raise ValueError(f"{key} starts with a placeholder; match on said(...) instead")
    return literal.rstrip()


def texts_in(payload: object) -> str:
    """Every "text" a Slack payload (message, view, response) carries, one per line: what to look
    for catalogue text in, without JSON escaping in the way."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "text" and isinstance(value, str):
                    found.append(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(payload)
    return "\n".join(found)


def read_back(key: str, text: str, lang: Lang = "nl") -> dict[str, str]:
    """The values a message was made with, read back from the text it became (each placeholder
    matches lazily; one used twice must repeat its value)."""
    template = CATALOGUE[key][0 if lang == "nl" else 1]
    pattern, seen = "", set()
    for literal, field, _, _ in string.Formatter().parse(template):
        pattern += re.escape(literal)
        if field:
            pattern += f"(?P={field})" if field in seen else f"(?P<{field}>.*?)"
            seen.add(field)
    match = re.search(pattern, text, re.DOTALL)
    if match is None:
        raise AssertionError(f"{text!r} does not read as {key}")
    return match.groupdict()
