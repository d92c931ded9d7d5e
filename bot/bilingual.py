"""Dutch/English text pairs and the YAML data files shipped in bot/data (methods, reflection)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from bot.errors import InvalidInput
from bot.i18n import Lang


@dataclass(frozen=True, slots=True)
class Text:
    """One text in both languages; Dutch is the default, English for English Slack users."""

    nl: str
    en: str

    def get(self, lang: Lang) -> str:
        """The text in this language."""
        return self.nl if lang == "nl" else self.en


def load_data(name: str) -> Any:
    """A YAML file from bot/data, parsed with the safe loader (the files are data, never code)."""
    source = resources.files("bot").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(source)


def parse_text(
    value: Any,
    *,
    field: str,
    error_prefix: str,
    limit: int,
    english_required: bool,
    required: bool = True,
) -> Text:
    """A {nl, en} mapping (or, where English may be missing, a plain string) as a checked Text.

    Without English the Dutch text stands in for both: a secretariat that writes only Dutch still
    gets a method its English members can choose.
    """
    if value is None and not required:
        return Text("", "")
    if isinstance(value, str) and not english_required:
        value = {"nl": value}
    if not isinstance(value, Mapping):
        raise InvalidInput(f"{error_prefix}.text_missing", field=field)
    dutch = _clean(value.get("nl"))
    english = _clean(value.get("en"))
    if not english and not english_required:
        english = dutch
    if not dutch or not english:
        if not required and not dutch and not english:
            return Text("", "")
        raise InvalidInput(f"{error_prefix}.text_missing", field=field)
    for text in (dutch, english):
        if len(text) > limit:
            raise InvalidInput(f"{error_prefix}.text_too_long", field=field, count=limit)
    return Text(dutch, english)


def _clean(value: Any) -> str:
    """Strip a string; anything else (a number, a list) counts as missing text."""
    return value.strip() if isinstance(value, str) else ""
