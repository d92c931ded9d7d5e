"""Reading the guided-intervision modals' state: typed text, chosen options and users, ticked
boxes and typed dates, each refusal on its own field."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.errors import InvalidInput
from bot.timeparse import parse_date
from handlers.context import Interaction


def _entry(values: dict[str, dict[str, Any]], block: str, action: str) -> dict[str, Any]:
    entry = (values.get(block) or {}).get(action) or {}
    return entry if isinstance(entry, dict) else {}


def text(values: dict[str, dict[str, Any]], block: str, action: str) -> str:
    """A text input's value, or the chosen option's value of a select ("" when empty)."""
    entry = _entry(values, block, action)
    chosen = entry.get("selected_option")
    if isinstance(chosen, dict):
        return str(chosen.get("value") or "")
    return str(entry.get("value") or "")


def user(values: dict[str, dict[str, Any]], block: str, action: str) -> str:
    """The Slack user id a users select holds ("" when none)."""
    return str(_entry(values, block, action).get("selected_user") or "")


def ticked(values: dict[str, dict[str, Any]], block: str, action: str) -> list[str]:
    """The values of the ticked checkboxes."""
    chosen = _entry(values, block, action).get("selected_options") or []
    return [str(o.get("value")) for o in chosen if isinstance(o, dict)]


def whole_number(raw: str, *, field: str, key: str, **params: Any) -> int:
    """A chosen number (from a select); anything else is a garbled form."""
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 3:
        raise InvalidInput(key, field=field, **params)
    return int(raw)


def day(call: Interaction, raw: str, *, field: str) -> date:
    """A typed dd-mm-jjjj within the dates the app accepts, refused on `field`."""
    try:
        return parse_date(
            raw, today=call.today(), retention_years=call.deps.settings.retention_years
        )
    except InvalidInput as error:
        raise InvalidInput(error.key, field=field, **error.params) from None
