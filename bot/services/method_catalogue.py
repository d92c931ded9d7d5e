"""The methods a workspace offers: the shipped catalogue (bot/methods.py) minus what the secretariat
switched off, plus the secretariat's own methods; how a meeting's method reads; the secretariat's
switches and additions (each in the audit log).

A meeting stores a method's key. Older meetings may hold free text from before the catalogue:
that text is shown as it is and kept when the meeting is changed.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import InvalidInput
from bot.i18n import Lang
from bot.method_model import OWN_METHOD_KEY, Method
from bot.methods import catalogue, parse_custom_method
from bot.services.access import require_secretariat
from bot.services.audit import record
from bot.services.people import insert_ignore
from storage.models import WorkspaceMethods

log = logging.getLogger(__name__)

# Parsed settings per workspace, kept for one unit of work (a feed lists many meetings).
_CACHE = "intervisie.workspace_methods"
_NOT_A_WORD = re.compile(r"[^a-z0-9]")
_SLUG_GAPS = re.compile(r"[^a-z0-9]+")
# The words a quick form may use: a method's key, or its name without "methode" / "method".
_NAME_TAILS = ("methode", "method")
# "methode:balint" names a method explicitly (and is refused when unknown).
EXPLICIT_PREFIXES = ("methode:", "method:")
STEP_SEPARATOR = "|"


@dataclass(frozen=True, slots=True)
class _Workspace:
    disabled: frozenset[str]
    custom: tuple[Method, ...]
    raw_custom: tuple[Any, ...]


@dataclass(frozen=True, kw_only=True)
class MethodRow:
    """One line of the secretariat's overview: a method and whether groups can choose it."""

    method: Method
    enabled: bool

    @property
    def switchable(self) -> bool:
        """ "Eigen werkvorm" is always on offer: a group can always plan with a method."""
        return self.method.key != OWN_METHOD_KEY


@dataclass(frozen=True, kw_only=True)
class CustomMethodDraft:
    """What the secretariat typed in the "add a method" form (English may stay empty)."""

    name_nl: str
    name_en: str = ""
    purpose_nl: str
    purpose_en: str = ""
    fits_nl: str = ""
    minutes: str = ""
    steps: str = ""


def _workspace(session: Session, *, team_id: str) -> _Workspace:
    cache: dict[str, _Workspace] = session.info.setdefault(_CACHE, {})
    known = cache.get(team_id)
    if known is not None:
        return known
    row = session.get(WorkspaceMethods, team_id)
    disabled = frozenset(str(key) for key in (row.disabled if row else []))
    raw = tuple(row.custom if row else [])
    methods: list[Method] = []
    for data in raw:
        try:
            methods.append(parse_custom_method(data, taken={m.key for m in methods}))
        except InvalidInput as error:
            # Stored under older rules: left out rather than shown half (the row stays).
            log.warning("custom method skipped in %s: %s (%s)", team_id, error.key, error.field)
    found = _Workspace(disabled=disabled, custom=tuple(methods), raw_custom=raw)
    cache[team_id] = found
    return found


def offered(session: Session, *, team_id: str) -> tuple[Method, ...]:
    """The methods a group of this workspace can choose, catalogue first."""
    ws = _workspace(session, team_id=team_id)
    shipped = [
        method
        for method in catalogue().methods
        if method.key == OWN_METHOD_KEY or method.key not in ws.disabled
    ]
    return (*shipped, *(method for method in ws.custom if method.key not in ws.disabled))


def overview(session: Session, *, actor: Actor) -> list[MethodRow]:
    """Every method of the workspace with its switch, for the secretariat."""
    require_secretariat(actor)
    ws = _workspace(session, team_id=actor.team_id)
    return [
        MethodRow(
            method=method, enabled=method.key == OWN_METHOD_KEY or method.key not in ws.disabled
        )
        for method in (*catalogue().methods, *ws.custom)
    ]


def find(session: Session, *, team_id: str, key: str) -> Method | None:
    """The method with this key, switched off or not (a planned meeting keeps its method)."""
    if not key:
        return None
    ws = _workspace(session, team_id=team_id)
    return next((m for m in (*catalogue().methods, *ws.custom) if m.key == key), None)


def label(session: Session, *, team_id: str, value: str, lang: Lang) -> str:
    """How a meeting's method reads: the method's name, or older free text as it was typed."""
    method = find(session, team_id=team_id, key=value)
    return method.name.get(lang) if method is not None else value


def choose(session: Session, *, team_id: str, value: str, current: str = "") -> str:
    """The method a meeting will store: a key on offer, nothing, or the meeting's current value
    (also when it was switched off since, or is older free text). Anything else is refused."""
    value = value.strip()
    if not value or value == current:
        return value
    if any(method.key == value for method in offered(session, team_id=team_id)):
        return value
    raise InvalidInput("method.error.unknown", field="method")


def match_word(session: Session, *, team_id: str, word: str) -> Method | None:
    """The method on offer a quick-form word names ("incident", "balint", "vijfstappenmethode"),
    or None; `methode:<word>` must name one (refused otherwise)."""
    lowered = word.lower()
    explicit = next((p for p in EXPLICIT_PREFIXES if lowered.startswith(p)), None)
    wanted = _word(lowered[len(explicit) :] if explicit else lowered)
    for method in offered(session, team_id=team_id):
        if wanted and wanted in _words(method):
            return method
    if explicit:
        raise InvalidInput("method.error.unknown", field="method")
    return None


def quick_word(method: Method, *, lang: Lang) -> str:
    """The word to type for the method in the quick form: its one-word name without "methode"
    ("incident", "vijfstappen"), or else its key ("socratic")."""
    words = method.name.get(lang).split()
    if len(words) > 1 and _word(words[-1]) in _NAME_TAILS:
        words = words[:-1]
    if len(words) == 1:
        word = _word(words[0])
        for tail in _NAME_TAILS:
            if word.endswith(tail) and len(word) > len(tail):
                word = word[: -len(tail)]
        if word in _words(method):
            return word
    return method.key


def _word(text: str) -> str:
    return _NOT_A_WORD.sub("", text.lower())


def _words(method: Method) -> set[str]:
    words = {_word(method.key)}
    for name in (method.name.nl, method.name.en):
        whole = _word(name)
        words.add(whole)
        for tail in _NAME_TAILS:
            if whole.endswith(tail) and len(whole) > len(tail):
                words.add(whole[: -len(tail)])
    return words


# ---------------------------------------------------------------------------- the secretariat


def _settings_row(session: Session, *, actor: Actor, now: datetime) -> WorkspaceMethods:
    insert_ignore(
        session,
        WorkspaceMethods,
        {"team_id": actor.team_id, "disabled": [], "custom": [], "updated_at": now},
    )
    row = session.get(WorkspaceMethods, actor.team_id, with_for_update=True, populate_existing=True)
    assert row is not None
    session.info.get(_CACHE, {}).pop(actor.team_id, None)
    return row


def set_enabled(
    session: Session, *, actor: Actor, key: str, enabled: bool, now: datetime
) -> Method:
    """Switch a method on or off for the workspace's groups ("eigen werkvorm" stays on)."""
    require_secretariat(actor)
    method = find(session, team_id=actor.team_id, key=key)
    if method is None:
        raise InvalidInput("method.error.unknown", field="method")
    if method.key == OWN_METHOD_KEY:
        raise InvalidInput("methods.admin.own_stays")
    row = _settings_row(session, actor=actor, now=now)
    disabled = [k for k in row.disabled if k != key]
    if not enabled:
        disabled.append(key)
    # A new list, so the JSON column is seen as changed.
    row.disabled = sorted(disabled)
    row.updated_at, row.updated_by_id = now, actor.person_id
    record(
        session,
        team_id=actor.team_id,
        action="method_enabled" if enabled else "method_disabled",
        now=now,
        actor_id=actor.person_id,
        details={"key": key},
    )
    return method


def add_custom(
    session: Session, *, actor: Actor, draft: CustomMethodDraft, now: datetime
) -> Method:
    """Add the secretariat's own method (checked like the catalogue); groups can choose it at once.

    Refusals are InvalidInput naming the field: name, purpose, fits, minutes or steps.
    """
    require_secretariat(actor)
    ws = _workspace(session, team_id=actor.team_id)
    taken = catalogue().method_keys() | {m.key for m in ws.custom}
    data = custom_method_data(draft, key=_free_key(draft.name_nl, taken=taken))
    method = parse_custom_method(data, taken={m.key for m in ws.custom})
    row = _settings_row(session, actor=actor, now=now)
    row.custom = [*row.custom, data]
    row.updated_at, row.updated_by_id = now, actor.person_id
    record(
        session,
        team_id=actor.team_id,
        action="method_added",
        now=now,
        actor_id=actor.person_id,
        details={"key": method.key},
    )
    return method


def custom_method_data(draft: CustomMethodDraft, *, key: str) -> dict[str, Any]:
    """The draft as plain data shaped like a methods.yaml entry (what the table stores)."""
    steps = _steps(draft.steps)
    minutes = draft.minutes.strip().lower().removesuffix("min").strip()
    if minutes:
        if not (minutes.isascii() and minutes.isdigit()) or len(minutes) > 4:
            raise InvalidInput("method.error.minutes", field="minutes", maximum=480)
        total: Any = int(minutes)
    else:
        total = sum(step["minutes"] for step in steps) or None
    data: dict[str, Any] = {
        "key": key,
        "name": _pair(draft.name_nl, draft.name_en),
        "purpose": _pair(draft.purpose_nl, draft.purpose_en),
        "minutes": total,
        "steps": steps,
    }
    if draft.fits_nl.strip():
        data["fits"] = {"nl": draft.fits_nl.strip()}
    return data


def _pair(dutch: str, english: str) -> dict[str, str]:
    pair = {"nl": dutch.strip()}
    if english.strip():
        pair["en"] = english.strip()
    return pair


def _steps(text: str) -> list[dict[str, Any]]:
    """One step per line: `minutes | title | what happens`."""
    steps: list[dict[str, Any]] = []
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for number, line in enumerate(lines, start=1):
        parts = [part.strip() for part in line.split(STEP_SEPARATOR)]
        minutes = parts[0].lower().removesuffix("min").strip() if parts else ""
        if len(parts) != 3 or not (minutes.isascii() and minutes.isdigit()) or len(minutes) > 3:
            raise InvalidInput("method.error.step_line", field="steps", number=number)
        steps.append({"title": {"nl": parts[1]}, "what": {"nl": parts[2]}, "minutes": int(minutes)})
    return steps


def _free_key(name: str, *, taken: Sequence[str] | frozenset[str] | set[str]) -> str:
    """A stable key from the Dutch name ("Mijn werkvorm" → "mijn-werkvorm"), made unique."""
    slug = _SLUG_GAPS.sub("-", name.lower()).strip("-")[:28].strip("-")
    if len(slug) < 2 or not slug[0].isalpha():
        slug = f"werkvorm-{slug}".strip("-")[:28].strip("-")
    key, number = slug, 2
    while key in taken:
        key, number = f"{slug}-{number}", number + 1
    return key
