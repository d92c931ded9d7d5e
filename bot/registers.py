"""Professional registers (BIG, SKJ, V&VN, KNOV, NIP, LVV, ...): their numbers, labels and norms.

The registers the app knows come from bot/data/registers.yaml (sources in its comments); the
secretariat may add registers, or replace a built-in one, as plain data, validated here. A number
is stored in its canonical form (`normalise_number`) and written for PE-online with the register's
prefix (`Register.paste_form`). Nothing here touches Slack or the database.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Final, TypeVar

from bot import rules
from bot.errors import Conflict, InvalidInput, NotFound
from bot.i18n import Lang
from bot.plaindata import Fields, load_bundled

# Registration numbers live in String(40) columns (people.registration_number, certificates).
MAX_NUMBER_LENGTH: Final = 40
# Typed input longer than this is refused before any work: no number is anywhere near it.
MAX_RAW_LENGTH: Final = 100
MAX_NAME_LENGTH: Final = 120
MAX_SHORT_NAME_LENGTH: Final = 20
MAX_LABEL_LENGTH: Final = 60
MAX_PREFIX_LENGTH: Final = 10
MAX_FORMATS: Final = 5
MAX_CYCLE_YEARS: Final = 10
MAX_TARGET_HOURS: Final = 1000
DEFAULT_SEPARATORS: Final = ".-"

_DIGITS: Final = frozenset("0123456789")
_ALPHANUMERIC: Final = _DIGITS | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Word processors and phones turn a typed "-" into one of these; treat them all as a hyphen.
_DASHES: Final = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))


class Charset(StrEnum):
    """Which characters a canonical number may contain."""

    DIGITS = "digits"
    ALPHANUMERIC = "alphanumeric"


class Presence(StrEnum):
    """How a register takes attendance of an accredited activity."""

    PE_ONLINE = "pe_online"
    GAIA = "gaia"
    OWN_PORTAL = "own_portal"
    NONE = "none"


@dataclass(frozen=True, kw_only=True)
class NumberFormat:
    """One accepted shape of a register's number (a register may accept several, e.g. V&VN)."""

    charset: Charset
    min_length: int
    max_length: int
    example: str
    typed_prefixes: tuple[str, ...] = ()
    strip_leading_zeros: bool = False
    paste_prefix: str = ""

    def fit(self, compact: str) -> str | None:
        """The canonical number if `compact` (upper-cased, separators removed) has this shape."""
        body = compact
        # Longest first, so "BIGNR" would win over "BIG" should a register know both.
        for prefix in sorted(self.typed_prefixes, key=len, reverse=True):
            if body.startswith(prefix):
                body = body[len(prefix) :]
                break
        if self.strip_leading_zeros:
            body = body.lstrip("0")
        if not self.min_length <= len(body) <= self.max_length:
            return None
        allowed = _DIGITS if self.charset is Charset.DIGITS else _ALPHANUMERIC
        return body if all(ch in allowed for ch in body) else None


@dataclass(frozen=True, kw_only=True)
class Recertification:
    """A recertification norm: hours to collect within a cycle of years."""

    cycle_years: int
    target_hours: int
    # True when the register publishes this norm; False for the association's own fallback.
    published: bool


# The association's rule (seed 000: 32 hours of intervisie in four years), used for registers that
# publish no hour norm of their own; the secretariat can change it per register later.
ASSOCIATION_DEFAULT: Final = Recertification(
    cycle_years=rules.RECERTIFICATION_PERIOD_YEARS,
    target_hours=rules.RECERTIFICATION_REQUIRED_HOURS,
    published=False,
)


@dataclass(frozen=True, kw_only=True)
class Register:
    """A professional register and the number a person has in it."""

    key: str
    name: str
    short_name: str
    label_nl: str
    label_en: str
    presence: Presence
    formats: tuple[NumberFormat, ...]
    format_published: bool = False
    separators: str = DEFAULT_SEPARATORS
    cycle_years: int | None = None
    target_hours: int | None = None

    def label(self, lang: Lang) -> str:
        """What the number is called: 'BIG-nummer' / 'BIG number', 'Lidnummer LVV', ..."""
        return self.label_nl if lang == "nl" else self.label_en

    @property
    def example(self) -> str:
        """A made-up number of the first (most common) shape, for error messages and hints."""
        return self.formats[0].example

    @property
    def recertification(self) -> Recertification:
        """The register's own norm where it publishes cycle and hours, else the association's."""
        if self.cycle_years is None or self.target_hours is None:
            return ASSOCIATION_DEFAULT
        return Recertification(
            cycle_years=self.cycle_years, target_hours=self.target_hours, published=True
        )

    def match(self, raw: str) -> str | None:
        """The canonical number for typed input, or None when it has none of the accepted shapes."""
        if len(raw) > MAX_RAW_LENGTH:
            return None
        text = unicodedata.normalize("NFKC", raw).translate(_DASHES).upper()
        compact = "".join(ch for ch in text if not ch.isspace() and ch not in self.separators)
        for number_format in self.formats:
            canonical = number_format.fit(compact)
            if canonical is not None:
                return canonical
        return None

    def paste_form(self, number: str) -> str | None:
        """A stored number as PE-online takes it (with the prefix); None if it no longer fits.

        A stored number stops fitting when the secretariat changes a register's format after
        people entered numbers; callers list those apart rather than pasting something wrong.
        """
        if self.match(number) != number:
            return None
        # match() read the number with its first fitting shape; that shape says the prefix.
        shape = next(f for f in self.formats if f.fit(number) is not None)
        return shape.paste_prefix + number

    def to_data(self) -> dict[str, Any]:
        """Plain data (for the database) that `parse_register` turns back into this register."""
        data: dict[str, Any] = {
            "key": self.key,
            "name": self.name,
            "short_name": self.short_name,
            "label_nl": self.label_nl,
            "label_en": self.label_en,
            "presence": self.presence.value,
            "format_published": self.format_published,
            "separators": self.separators,
            "formats": [
                {
                    "charset": f.charset.value,
                    "min_length": f.min_length,
                    "max_length": f.max_length,
                    "typed_prefixes": list(f.typed_prefixes),
                    "strip_leading_zeros": f.strip_leading_zeros,
                    "paste_prefix": f.paste_prefix,
                    "example": f.example,
                }
                for f in self.formats
            ],
        }
        if self.cycle_years is not None:
            data["cycle_years"] = self.cycle_years
        if self.target_hours is not None:
            data["target_hours"] = self.target_hours
        return data


_REGISTER_FIELDS: Final = frozenset(
    {
        "key",
        "name",
        "short_name",
        "label_nl",
        "label_en",
        "presence",
        "format_published",
        "separators",
        "formats",
        "cycle_years",
        "target_hours",
    }
)
_FORMAT_FIELDS: Final = frozenset(
    {
        "charset",
        "min_length",
        "max_length",
        "typed_prefixes",
        "strip_leading_zeros",
        "paste_prefix",
        "example",
    }
)


_E = TypeVar("_E", bound=StrEnum)


def _choice(fields: Fields, name: str, enum: type[_E]) -> _E:
    value = fields.text(name, max_length=40)
    try:
        return enum(value)
    except ValueError:
        raise InvalidInput("define.choice", field=name, name=name) from None


def _parse_format(data: object, *, separators: str) -> NumberFormat:
    fields = Fields(data, allowed=_FORMAT_FIELDS, where="formats")
    charset = _choice(fields, "charset", Charset)
    low = fields.integer("min_length", low=1, high=MAX_NUMBER_LENGTH)
    high = fields.integer("max_length", low=1, high=MAX_NUMBER_LENGTH)
    if low > high:
        raise InvalidInput("define.range", field="min_length", low=1, high=high)
    typed = {p.upper() for p in fields.texts("typed_prefixes", max_length=MAX_PREFIX_LENGTH)}
    if any(not set(p) <= _ALPHANUMERIC for p in typed):
        raise InvalidInput("registers.define.prefix", field="typed_prefixes")
    paste_prefix = fields.optional_text("paste_prefix", max_length=MAX_PREFIX_LENGTH) or ""
    # The pasted form must read back as the same number, so the prefix may only hold letters,
    # digits and the register's own separators, and its letters count as a typed prefix.
    paste_letters = "".join(ch for ch in paste_prefix.upper() if ch not in separators)
    if not set(paste_letters) <= _ALPHANUMERIC:
        raise InvalidInput("registers.define.prefix", field="paste_prefix")
    if paste_letters:
        typed.add(paste_letters)
    return NumberFormat(
        charset=charset,
        min_length=low,
        max_length=high,
        # Sorted so equal definitions compare equal whatever order they were typed in.
        typed_prefixes=tuple(sorted(typed)),
        strip_leading_zeros=fields.boolean("strip_leading_zeros", default=False),
        paste_prefix=paste_prefix,
        example=fields.text("example", max_length=MAX_NUMBER_LENGTH),
    )


def parse_register(data: object) -> Register:
    """A register from plain data, or InvalidInput naming the first field that does not fit."""
    fields = Fields(data, allowed=_REGISTER_FIELDS, where="register")
    key = fields.key()
    name = fields.text("name", max_length=MAX_NAME_LENGTH)
    short_name = fields.text("short_name", max_length=MAX_SHORT_NAME_LENGTH)
    label_nl = fields.text("label_nl", max_length=MAX_LABEL_LENGTH)
    label_en = fields.text("label_en", max_length=MAX_LABEL_LENGTH)
    presence = _choice(fields, "presence", Presence)
    separators = fields.raw("separators")
    if separators is None:
        separators = DEFAULT_SEPARATORS
    # Separators are dropped from typed numbers, so a letter or digit there would eat numbers.
    if (
        not isinstance(separators, str)
        or len(separators) > 5
        or set(separators.upper()) & _ALPHANUMERIC
    ):
        raise InvalidInput("registers.define.separators", field="separators")
    raw_formats = fields.items("formats")
    if not raw_formats:
        raise InvalidInput("define.required", field="formats")
    if len(raw_formats) > MAX_FORMATS:
        raise InvalidInput("define.range", field="formats", low=1, high=MAX_FORMATS)
    register = Register(
        key=key,
        name=name,
        short_name=short_name,
        label_nl=label_nl,
        label_en=label_en,
        presence=presence,
        formats=tuple(_parse_format(f, separators=separators) for f in raw_formats),
        format_published=fields.boolean("format_published", default=False),
        separators=separators,
        cycle_years=fields.optional_integer("cycle_years", low=1, high=MAX_CYCLE_YEARS),
        target_hours=fields.optional_integer("target_hours", low=1, high=MAX_TARGET_HOURS),
    )
    # Each example must be canonical and be read as its own shape: an example an earlier shape
    # swallows means that shape can never be reached, which is a mistake in the definition.
    for index, number_format in enumerate(register.formats):
        example = number_format.example
        first = next(
            (i for i, f in enumerate(register.formats) if f.fit(example) is not None), None
        )
        if first != index or register.match(example) != example:
            raise InvalidInput("registers.define.example", field="example", example=example)
    return register


@dataclass(frozen=True)
class RegisterCatalogue:
    """The registers a workspace knows: the built-in ones plus what its secretariat added."""

    registers: tuple[Register, ...]
    _by_key: Mapping[str, Register] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key: dict[str, Register] = {}
        for register in self.registers:
            if register.key in by_key:
                raise Conflict("define.duplicate", field="key", code=register.key)
            by_key[register.key] = register
        object.__setattr__(self, "_by_key", by_key)

    def get(self, key: str) -> Register:
        """The register with this key; NotFound when the workspace does not know it."""
        try:
            return self._by_key[key]
        except KeyError:
            raise NotFound("registers.unknown", field="register", code=key) from None

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def merged(self, added: Iterable[object]) -> RegisterCatalogue:
        """This catalogue with the secretariat's registers: a known key replaces, a new one is
        appended; the same key twice among the additions is refused."""
        result = dict(self._by_key)
        seen: set[str] = set()
        for data in added:
            register = parse_register(data)
            if register.key in seen:
                raise Conflict("define.duplicate", field="key", code=register.key)
            seen.add(register.key)
            result[register.key] = register
        return RegisterCatalogue(tuple(result.values()))


@functools.cache
def default_catalogue() -> RegisterCatalogue:
    """The built-in registers from bot/data/registers.yaml (validated; read once)."""
    return RegisterCatalogue(()).merged(load_bundled("registers.yaml", section="registers"))


def all_registers(*, catalogue: RegisterCatalogue | None = None) -> tuple[Register, ...]:
    """Every register, in the order of the data file, then the secretariat's additions."""
    return (catalogue or default_catalogue()).registers


def register_by_key(key: str, *, catalogue: RegisterCatalogue | None = None) -> Register:
    """One register; NotFound('registers.unknown') for a key the workspace does not know."""
    return (catalogue or default_catalogue()).get(key)


def merge_registers(added: Iterable[object]) -> RegisterCatalogue:
    """The built-in registers plus the secretariat's (plain data, validated)."""
    return default_catalogue().merged(added)


def normalise_number(
    register_key: str,
    *,
    raw: str,
    lang: Lang,
    catalogue: RegisterCatalogue | None = None,
) -> str:
    """The canonical form of a typed registration number: separators and typed prefixes dropped,
    upper case. A malformed number raises InvalidInput with the register's label and example in
    the user's language, for an inline error under the number field."""
    register = register_by_key(register_key, catalogue=catalogue)
    label = register.label(lang)
    if not raw.strip():
        raise InvalidInput("registers.number.empty", field="number", label=label)
    number = register.match(raw)
    if number is None:
        raise InvalidInput(
            "registers.number.invalid", field="number", label=label, example=register.example
        )
    return number
