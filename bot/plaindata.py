"""Reading plain data (the bundled YAML, or what the secretariat stored as JSON) into typed values.

Every refusal is an `InvalidInput` whose `field` names the offending entry, so a secretariat form can
show it inline and a broken data file fails loudly at start-up instead of half-loading.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from importlib import resources
from typing import Final

import yaml

from bot.errors import InvalidInput

# Keys are stored with every registration and profile: short, ASCII, stable.
KEY_PATTERN: Final = re.compile(r"[a-z][a-z0-9_]{1,31}")


class Fields:
    """One mapping of plain data, read field by field; unknown fields are refused (typos in data)."""

    def __init__(self, data: object, *, allowed: Collection[str], where: str) -> None:
        if not isinstance(data, Mapping):
            raise InvalidInput("define.wrong_type", field=where, name=where)
        for name in data:
            if name not in allowed:
                raise InvalidInput("define.unknown_field", field=str(name), name=str(name))
        self._data: Mapping[object, object] = data

    def raw(self, name: str) -> object:
        """The value as given, or None when absent."""
        return self._data.get(name)

    def key(self, name: str = "key") -> str:
        """A stable identifier: a lower-case letter, then letters, digits or _, 2 to 32 in all."""
        value = self.text(name, max_length=32)
        if not KEY_PATTERN.fullmatch(value):
            raise InvalidInput("define.key", field=name, code=value)
        return value

    def text(self, name: str, *, max_length: int) -> str:
        """A required, non-blank string, stripped, at most `max_length` characters."""
        value = self.optional_text(name, max_length=max_length)
        if value is None:
            raise InvalidInput("define.required", field=name)
        return value

    def optional_text(self, name: str, *, max_length: int) -> str | None:
        """A string, stripped; None when absent or blank."""
        value = self._data.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            raise InvalidInput("define.wrong_type", field=name, name=name)
        value = value.strip()
        if not value:
            return None
        if len(value) > max_length:
            raise InvalidInput("define.too_long", field=name, count=max_length)
        return value

    def integer(self, name: str, *, low: int, high: int) -> int:
        """A required whole number within [low, high]."""
        value = self.optional_integer(name, low=low, high=high)
        if value is None:
            raise InvalidInput("define.required", field=name)
        return value

    def optional_integer(self, name: str, *, low: int, high: int) -> int | None:
        """A whole number within [low, high], or None when absent."""
        value = self._data.get(name)
        if value is None:
            return None
        # bool is an int in Python; `true` in YAML is not a number of years.
        if isinstance(value, bool) or not isinstance(value, int):
            raise InvalidInput("define.wrong_type", field=name, name=name)
        if not low <= value <= high:
            raise InvalidInput("define.range", field=name, low=low, high=high)
        return value

    def boolean(self, name: str, *, default: bool) -> bool:
        """true/false, or the default when absent."""
        value = self._data.get(name)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise InvalidInput("define.wrong_type", field=name, name=name)
        return value

    def items(self, name: str) -> list[object]:
        """A list (possibly empty when absent)."""
        value = self._data.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            raise InvalidInput("define.wrong_type", field=name, name=name)
        return list(value)

    def texts(self, name: str, *, max_length: int) -> tuple[str, ...]:
        """A list of non-blank strings, each stripped and at most `max_length` characters."""
        result: list[str] = []
        for item in self.items(name):
            if not isinstance(item, str) or not item.strip():
                raise InvalidInput("define.wrong_type", field=name, name=name)
            if len(item.strip()) > max_length:
                raise InvalidInput("define.too_long", field=name, count=max_length)
            result.append(item.strip())
        return tuple(result)


def load_bundled(name: str, *, section: str) -> list[object]:
    """The list under `section` in bot/data/<name>, a YAML file shipped with the package."""
    text = resources.files("bot").joinpath("data", name).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not isinstance(data.get(section), list):
        raise RuntimeError(f"bot/data/{name} has no list {section!r}")
    return list(data[section])
