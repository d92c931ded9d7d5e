"""Professions people record in their profile, and the registers that usually go with each.

The list comes from bot/data/professions.yaml; the secretariat may add professions (or replace a
built-in one) as plain data, validated here against the registers the workspace knows. A
profession with `wants_hours` false (a client or expert by experience) takes part without hours.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from bot.errors import Conflict, InvalidInput, NotFound
from bot.i18n import Lang
from bot.plaindata import Fields, load_bundled
from bot.registers import RegisterCatalogue, default_catalogue

MAX_NAME_LENGTH: Final = 80
MAX_REGISTERS: Final = 10

_FIELDS: Final = frozenset({"key", "name_nl", "name_en", "registers", "wants_hours"})


@dataclass(frozen=True, kw_only=True)
class Profession:
    """A profession, the registers its members usually have, and whether they collect hours."""

    key: str
    name_nl: str
    name_en: str
    registers: tuple[str, ...] = ()
    wants_hours: bool = True

    def name(self, lang: Lang) -> str:
        """The profession as shown to the user: 'Verloskundige' / 'Midwife'."""
        return self.name_nl if lang == "nl" else self.name_en

    def to_data(self) -> dict[str, Any]:
        """Plain data (for the database) that `parse_profession` turns back into this profession."""
        return {
            "key": self.key,
            "name_nl": self.name_nl,
            "name_en": self.name_en,
            "registers": list(self.registers),
            "wants_hours": self.wants_hours,
        }


def parse_profession(data: object, *, registers: RegisterCatalogue) -> Profession:
    """A profession from plain data; every register it names must be known to the workspace."""
    fields = Fields(data, allowed=_FIELDS, where="profession")
    key = fields.key()
    name_nl = fields.text("name_nl", max_length=MAX_NAME_LENGTH)
    name_en = fields.text("name_en", max_length=MAX_NAME_LENGTH)
    register_keys = fields.texts("registers", max_length=32)
    if len(register_keys) > MAX_REGISTERS:
        raise InvalidInput("define.range", field="registers", low=0, high=MAX_REGISTERS)
    seen: set[str] = set()
    for register_key in register_keys:
        if register_key not in registers:
            raise InvalidInput(
                "professions.define.unknown_register", field="registers", code=register_key
            )
        if register_key in seen:
            raise InvalidInput("define.duplicate", field="registers", code=register_key)
        seen.add(register_key)
    return Profession(
        key=key,
        name_nl=name_nl,
        name_en=name_en,
        registers=register_keys,
        wants_hours=fields.boolean("wants_hours", default=True),
    )


@dataclass(frozen=True)
class ProfessionCatalogue:
    """The professions a workspace offers: the built-in ones plus the secretariat's."""

    professions: tuple[Profession, ...]
    _by_key: Mapping[str, Profession] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key: dict[str, Profession] = {}
        for profession in self.professions:
            if profession.key in by_key:
                raise Conflict("define.duplicate", field="key", code=profession.key)
            by_key[profession.key] = profession
        object.__setattr__(self, "_by_key", by_key)

    def get(self, key: str) -> Profession:
        """The profession with this key; NotFound when the workspace does not offer it."""
        try:
            return self._by_key[key]
        except KeyError:
            raise NotFound("professions.unknown", field="profession", code=key) from None

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def merged(
        self, added: Iterable[object], *, registers: RegisterCatalogue
    ) -> ProfessionCatalogue:
        """This catalogue with the secretariat's professions: a known key replaces, a new one is
        appended; the same key twice among the additions is refused."""
        result = dict(self._by_key)
        seen: set[str] = set()
        for data in added:
            profession = parse_profession(data, registers=registers)
            if profession.key in seen:
                raise Conflict("define.duplicate", field="key", code=profession.key)
            seen.add(profession.key)
            result[profession.key] = profession
        return ProfessionCatalogue(tuple(result.values()))


@functools.cache
def default_professions() -> ProfessionCatalogue:
    """The built-in professions from bot/data/professions.yaml (validated; read once)."""
    return ProfessionCatalogue(()).merged(
        load_bundled("professions.yaml", section="professions"), registers=default_catalogue()
    )


def all_professions(*, catalogue: ProfessionCatalogue | None = None) -> tuple[Profession, ...]:
    """Every profession, in the order of the data file, then the secretariat's additions."""
    return (catalogue or default_professions()).professions


def profession_by_key(key: str, *, catalogue: ProfessionCatalogue | None = None) -> Profession:
    """One profession; NotFound('professions.unknown') for a key the workspace does not offer."""
    return (catalogue or default_professions()).get(key)


def merge_professions(
    added: Iterable[object], *, registers: RegisterCatalogue | None = None
) -> ProfessionCatalogue:
    """The built-in professions plus the secretariat's, checked against the workspace's registers."""
    return default_professions().merged(added, registers=registers or default_catalogue())
