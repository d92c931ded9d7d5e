"""Intervision methods: the catalogue in bot/data/methods.yaml, a secretariat's own methods (plain
data of the same shape), and a method's steps as a time plan for a meeting of a given length.

Slack-free and database-free: callers pass the switched-off keys and the custom methods they read.
"""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from fractions import Fraction
from functools import cache
from typing import Any, Final, TypeGuard

from bot import rules
from bot.bilingual import Text, load_data, parse_text
from bot.errors import InvalidInput
from bot.i18n import LANGS, Lang, escape_mrkdwn, format_time, t

# Block Kit limits: a method's name is a select option's text (75), the card is one section (3000).
NAME_MAX: Final = 75
STEP_TITLE_MAX: Final = 75
SECTION_TEXT_MAX: Final = 3000
# Our own limits, so that a card with the most steps of the longest texts still fits one section.
PURPOSE_MAX: Final = 300
STEP_TEXT_MAX: Final = 250
MAX_STEPS: Final = 12
GROUP_SIZE_LOW: Final = 2
GROUP_SIZE_HIGH: Final = 20
MAX_MINUTES: Final = int(rules.MAX_MEETING_DURATION.total_seconds()) // 60
# "Eigen werkvorm" cannot be switched off: a group can always plan a meeting with a method.
OWN_METHOD_KEY: Final = "own"
# Time plans are in blocks of five minutes when the meeting has room for that.
PLAN_BLOCK_MINUTES: Final = 5

_KEY = re.compile(r"[a-z][a-z0-9-]{1,31}")
_ERRORS = "method.error"


class Experience(enum.StrEnum):
    """How much intervision experience a method asks of a group."""

    BEGINNER = "beginner"
    ANY = "any"
    EXPERIENCED = "experienced"


class MethodRole(enum.StrEnum):
    """Roles a method needs; presenter and facilitator carry the same values as storage's Role."""

    PRESENTER = "presenter"
    FACILITATOR = "facilitator"
    TIMEKEEPER = "timekeeper"


_DEFAULT_ROLES: Final = (MethodRole.PRESENTER, MethodRole.FACILITATOR)


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a method: what happens, and its suggested minutes."""

    title: Text
    what: Text
    minutes: int


@dataclass(frozen=True, slots=True)
class Method:
    """An intervision method; `key` is stable and is what a meeting stores."""

    key: str
    name: Text
    purpose: Text
    fits: Text
    experience: Experience
    min_group: int | None
    max_group: int | None
    roles: tuple[MethodRole, ...]
    steps: tuple[Step, ...]
    minutes: int
    min_minutes: int
    custom: bool = False

    @property
    def steps_minutes(self) -> int:
        """The suggested minutes of all steps together (never more than `minutes`)."""
        return sum(step.minutes for step in self.steps)


@dataclass(frozen=True, slots=True)
class Preparation:
    """The prompt for the inbrenger: an opening line and a few points."""

    intro: Text
    points: tuple[Text, ...]


@dataclass(frozen=True, slots=True)
class Catalogue:
    """Everything in methods.yaml: the methods, role names, conversation rules, preparation."""

    methods: tuple[Method, ...]
    role_names: Mapping[MethodRole, Text]
    rules: tuple[Text, ...]
    preparation: Preparation

    def method_keys(self) -> frozenset[str]:
        """The keys of the catalogue's methods."""
        return frozenset(method.key for method in self.methods)


@dataclass(frozen=True, slots=True)
class PlannedStep:
    """A step in a meeting's time plan; `start` is minutes after the meeting begins."""

    number: int
    title: Text
    what: Text
    start: int
    minutes: int


@dataclass(frozen=True, slots=True)
class TimePlan:
    """A method's steps fitted to one meeting; `too_short` when below the method's minimum."""

    method: Method
    meeting_minutes: int
    steps: tuple[PlannedStep, ...]
    too_short: bool


@cache
def catalogue() -> Catalogue:
    """The shipped catalogue, read and checked once per process."""
    data = load_data("methods.yaml")
    role_names = {
        MethodRole(key): _catalogue_text(value, field=f"roles.{key}", limit=NAME_MAX)
        for key, value in data["roles"].items()
    }
    if set(role_names) != set(MethodRole):
        raise RuntimeError("methods.yaml: every role needs a name")
    ground_rules = tuple(
        _catalogue_text(rule, field="rules", limit=PURPOSE_MAX) for rule in data["rules"]
    )
    preparation = Preparation(
        intro=_catalogue_text(data["preparation"]["intro"], field="preparation", limit=PURPOSE_MAX),
        points=tuple(
            _catalogue_text(point, field="preparation", limit=PURPOSE_MAX)
            for point in data["preparation"]["points"]
        ),
    )
    methods: list[Method] = []
    for index, entry in enumerate(data["methods"]):
        try:
            methods.append(
                _parse_method(entry, custom=False, role_names=role_names, ground_rules=ground_rules)
            )
        except InvalidInput as error:
            raise RuntimeError(
                f"methods.yaml: method {index}: {error.key} at {error.field} {error.params}"
            ) from error
    keys = [method.key for method in methods]
    if len(set(keys)) != len(keys) or OWN_METHOD_KEY not in keys:
        raise RuntimeError("methods.yaml: method keys must be unique and include 'own'")
    return Catalogue(
        methods=tuple(methods),
        role_names=role_names,
        rules=ground_rules,
        preparation=preparation,
    )


def parse_custom_method(data: Any, *, taken: Collection[str] = ()) -> Method:
    """A secretariat's own method from plain data shaped like a methods.yaml entry, checked.

    English texts may be left out (the Dutch one is used). Refusals are InvalidInput with a
    `method.error.*` key and the offending field; `taken` are the keys of other custom methods.
    """
    shipped = catalogue()
    method = _parse_method(
        data, custom=True, role_names=shipped.role_names, ground_rules=shipped.rules
    )
    if method.key in shipped.method_keys() or method.key in taken:
        raise InvalidInput(f"{_ERRORS}.key_taken", field="key", code=method.key)
    return method


def methods_on_offer(
    *, disabled: Collection[str] = (), custom: Iterable[Any] = ()
) -> tuple[Method, ...]:
    """The methods a group can choose: the catalogue minus switched-off ones, then custom ones.

    "Eigen werkvorm" stays on offer even when listed in `disabled`. Custom methods are checked
    again, so data stored under older rules is refused rather than shown half.
    """
    offered = [
        method
        for method in catalogue().methods
        if method.key == OWN_METHOD_KEY or method.key not in disabled
    ]
    for method in _parse_customs(custom):
        if method.key not in disabled:
            offered.append(method)
    return tuple(offered)


def find_method(key: str, *, custom: Iterable[Any] = ()) -> Method:
    """The method with this key, switched off or not (a planned meeting keeps its method)."""
    for method in (*catalogue().methods, *_parse_customs(custom)):
        if method.key == key:
            return method
    raise InvalidInput(f"{_ERRORS}.unknown", field="method")


def time_plan(method: Method, *, meeting_minutes: int) -> TimePlan:
    """The method's steps scaled to the meeting: whole minutes adding up to exactly its length.

    Each step keeps its share of the method's suggested minutes, in blocks of five minutes when
    every step can get at least one (the minutes left over go to the longest step), otherwise in
    single minutes. No step gets 0 minutes; a meeting with fewer minutes than steps is refused.
    """
    too_short = meeting_minutes < method.min_minutes
    if not method.steps:
        if meeting_minutes < 1:
            raise InvalidInput(f"{_ERRORS}.meeting_too_short", field="duration")
        only = PlannedStep(1, method.name, method.purpose, 0, meeting_minutes)
        return TimePlan(method, meeting_minutes, (only,), too_short)
    count = len(method.steps)
    if meeting_minutes < count:
        raise InvalidInput(f"{_ERRORS}.meeting_too_short", field="duration")
    blocks = meeting_minutes // PLAN_BLOCK_MINUTES
    if blocks >= count:
        minutes = [
            share * PLAN_BLOCK_MINUTES
            for share in _apportion([step.minutes for step in method.steps], blocks)
        ]
        longest = minutes.index(max(minutes))
        minutes[longest] += meeting_minutes - blocks * PLAN_BLOCK_MINUTES
    else:
        minutes = _apportion([step.minutes for step in method.steps], meeting_minutes)
    planned: list[PlannedStep] = []
    start = 0
    for number, (step, length) in enumerate(zip(method.steps, minutes, strict=True), start=1):
        planned.append(PlannedStep(number, step.title, step.what, start, length))
        start += length
    return TimePlan(method, meeting_minutes, tuple(planned), too_short)


def conversation_rules(lang: Lang) -> tuple[str, ...]:
    """The rules of a good intervision conversation ("vragen, geen adviezen"), plain text."""
    return tuple(rule.get(lang) for rule in catalogue().rules)


def preparation_prompt(lang: Lang) -> str:
    """The inbrenger's preparation prompt as mrkdwn: a title, a line and a few points."""
    preparation = catalogue().preparation
    lines = [t(lang, "method.preparation.title"), escape_mrkdwn(preparation.intro.get(lang))]
    lines += [f"• {escape_mrkdwn(point.get(lang))}" for point in preparation.points]
    return "\n".join(lines)


def method_roles(method: Method, *, lang: Lang) -> tuple[str, ...]:
    """The names of the roles a method needs, in its order."""
    names = catalogue().role_names
    return tuple(names[role].get(lang) for role in method.roles)


def method_card(method: Method, *, lang: Lang) -> str:
    """The method as one mrkdwn section: purpose, fit, roles, steps and the conversation rules."""
    shipped = catalogue()
    return _card(method, lang=lang, role_names=shipped.role_names, ground_rules=shipped.rules)


def _card(
    method: Method,
    *,
    lang: Lang,
    role_names: Mapping[MethodRole, Text],
    ground_rules: Sequence[Text],
) -> str:
    """The method card, from the role names and rules given (the catalogue may still be loading)."""
    roles = ", ".join(role_names[role].get(lang) for role in method.roles)
    lines = [
        t(lang, "method.card.title", name=method.name.get(lang), minutes=method.minutes),
        t(lang, "method.card.purpose", text=method.purpose.get(lang)),
    ]
    if method.fits.get(lang):
        lines.append(t(lang, "method.card.fits", text=method.fits.get(lang)))
    lines.append(f"_{' · '.join(_suits(method, lang=lang))}_")
    lines.append(t(lang, "method.card.roles", roles=roles))
    lines.append(t(lang, "method.card.steps"))
    if not method.steps:
        lines.append(t(lang, "method.card.no_steps"))
    for number, step in enumerate(method.steps, start=1):
        lines.append(
            t(
                lang,
                "method.card.step",
                number=number,
                title=step.title.get(lang),
                minutes=step.minutes,
                what=step.what.get(lang),
            )
        )
    lines.append(t(lang, "method.card.rules"))
    lines += [f"• {escape_mrkdwn(rule.get(lang))}" for rule in ground_rules]
    return "\n".join(lines)


def time_plan_text(
    plan: TimePlan, *, lang: Lang, starts_at: datetime | None = None, tz: tzinfo | None = None
) -> str:
    """The facilitator's time plan as mrkdwn: clock times (uu:mm in `tz`) from the meeting's
    start when given, else minutes after the start (0:00, 0:05, ...)."""
    lines = [
        t(lang, "method.plan.title", name=plan.method.name.get(lang), minutes=plan.meeting_minutes)
    ]
    if plan.too_short:
        lines.append(t(lang, "method.plan.too_short", minimum=plan.method.min_minutes))
    for step in plan.steps:
        if starts_at is not None:
            start = format_time(starts_at + timedelta(minutes=step.start), tz=tz)
        else:
            start = f"{step.start // 60}:{step.start % 60:02d}"
        lines.append(
            t(
                lang,
                "method.plan.step",
                start=start,
                title=step.title.get(lang),
                minutes=step.minutes,
                what=step.what.get(lang),
            )
        )
    lines.append(t(lang, "method.card.rules"))
    lines += [f"• {escape_mrkdwn(rule)}" for rule in conversation_rules(lang)]
    return "\n".join(lines)


def _apportion(weights: Sequence[int], units: int) -> list[int]:
    """Split `units` in proportion to `weights` (largest remainder), at least one unit each."""
    total = sum(weights)
    ideal = [Fraction(weight * units, total) for weight in weights]
    shares = [max(1, math.floor(share)) for share in ideal]
    # Raising small steps to one unit may overshoot: take back from the most generously rounded.
    while sum(shares) > units:
        over = max(
            (index for index, share in enumerate(shares) if share > 1),
            key=lambda index: shares[index] - ideal[index],
        )
        shares[over] -= 1
    # Hand out what is left to the steps furthest below their ideal; ties go to the earlier step.
    while sum(shares) < units:
        under = max(range(len(shares)), key=lambda index: ideal[index] - shares[index])
        shares[under] += 1
    return shares


def _suits(method: Method, *, lang: Lang) -> list[str]:
    """The fit line's parts: experience, and group size when the method names one."""
    parts = [t(lang, f"method.experience.{method.experience.value}")]
    low, high = method.min_group, method.max_group
    if low is not None and high is not None:
        parts.append(t(lang, "method.size.range", low=low, high=high))
    elif low is not None:
        parts.append(t(lang, "method.size.from", low=low))
    elif high is not None:
        parts.append(t(lang, "method.size.up_to", high=high))
    return parts


def _parse_customs(custom: Iterable[Any]) -> list[Method]:
    """Custom methods checked one by one, each key unique among all methods."""
    methods: list[Method] = []
    for data in custom:
        methods.append(parse_custom_method(data, taken={method.key for method in methods}))
    return methods


def _catalogue_text(value: Any, *, field: str, limit: int) -> Text:
    """A text of the shipped catalogue: both languages required."""
    return parse_text(value, field=field, error_prefix=_ERRORS, limit=limit, english_required=True)


def _parse_method(
    data: Any,
    *,
    custom: bool,
    role_names: Mapping[MethodRole, Text],
    ground_rules: Sequence[Text],
) -> Method:
    """One method from plain data (a methods.yaml entry or a stored custom method), checked."""
    if not isinstance(data, Mapping):
        raise InvalidInput(f"{_ERRORS}.shape", field="method")
    key = data.get("key")
    if not isinstance(key, str) or _KEY.fullmatch(key) is None:
        raise InvalidInput(f"{_ERRORS}.key", field="key")

    try:
        experience = Experience(data.get("experience", Experience.ANY.value))
    except ValueError:
        raise InvalidInput(f"{_ERRORS}.experience", field="experience") from None
    minutes = _whole_minutes(data.get("minutes"), field="minutes")
    min_minutes = data.get("min_minutes", minutes)
    if not _is_int(min_minutes) or not 1 <= min_minutes <= minutes:
        raise InvalidInput(f"{_ERRORS}.min_minutes", field="min_minutes")
    min_group, max_group = _group_size(data.get("group_size"))
    method = Method(
        key=key,
        name=_text(data.get("name"), field="name", limit=NAME_MAX, custom=custom),
        purpose=_text(data.get("purpose"), field="purpose", limit=PURPOSE_MAX, custom=custom),
        # A secretariat may leave out when a method fits; the catalogue always says so.
        fits=_text(
            data.get("fits"), field="fits", limit=PURPOSE_MAX, custom=custom, required=not custom
        ),
        experience=experience,
        min_group=min_group,
        max_group=max_group,
        roles=_roles(data.get("roles")),
        steps=_steps(data.get("steps"), custom=custom),
        minutes=minutes,
        min_minutes=min_minutes,
        custom=custom,
    )
    if method.steps_minutes > method.minutes:
        raise InvalidInput(
            f"{_ERRORS}.steps_exceed",
            field="steps",
            steps=method.steps_minutes,
            minutes=method.minutes,
        )
    cards = (
        _card(method, lang=lang, role_names=role_names, ground_rules=ground_rules) for lang in LANGS
    )
    if any(len(card) > SECTION_TEXT_MAX for card in cards):
        raise InvalidInput(f"{_ERRORS}.card_too_long", field="method")
    return method


def _text(value: Any, *, field: str, limit: int, custom: bool, required: bool = True) -> Text:
    """A method's text; the catalogue needs both languages, a custom method at least Dutch."""
    return parse_text(
        value,
        field=field,
        error_prefix=_ERRORS,
        limit=limit,
        english_required=not custom,
        required=required,
    )


def _steps(value: Any, *, custom: bool) -> tuple[Step, ...]:
    """The steps: a list of {title, what, minutes}, at most MAX_STEPS, each with minutes > 0."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InvalidInput(f"{_ERRORS}.shape", field="steps")
    if len(value) > MAX_STEPS:
        raise InvalidInput(f"{_ERRORS}.too_many_steps", field="steps", maximum=MAX_STEPS)
    steps: list[Step] = []
    for number, entry in enumerate(value, start=1):
        if not isinstance(entry, Mapping):
            raise InvalidInput(f"{_ERRORS}.shape", field="steps")
        minutes = entry.get("minutes")
        if not _is_int(minutes) or minutes <= 0:
            raise InvalidInput(f"{_ERRORS}.step_minutes", field="steps", number=number)
        steps.append(
            Step(
                title=_text(entry.get("title"), field="steps", limit=STEP_TITLE_MAX, custom=custom),
                what=_text(entry.get("what"), field="steps", limit=STEP_TEXT_MAX, custom=custom),
                minutes=minutes,
            )
        )
    return tuple(steps)


def _roles(value: Any) -> tuple[MethodRole, ...]:
    """Known roles in the given order without repeats; none given means inbrenger + facilitator."""
    if value is None or value == []:
        return _DEFAULT_ROLES
    if not isinstance(value, list):
        raise InvalidInput(f"{_ERRORS}.shape", field="roles")
    roles: list[MethodRole] = []
    for raw in value:
        try:
            role = MethodRole(raw)
        except ValueError:
            raise InvalidInput(
                f"{_ERRORS}.unknown_role", field="roles", role=str(raw)[:40]
            ) from None
        if role not in roles:
            roles.append(role)
    return tuple(roles)


def _group_size(value: Any) -> tuple[int | None, int | None]:
    """{min, max}, either may be missing; both within GROUP_SIZE_LOW..GROUP_SIZE_HIGH."""
    if value is None:
        return None, None
    if not isinstance(value, Mapping):
        raise InvalidInput(f"{_ERRORS}.shape", field="group_size")
    low, high = value.get("min"), value.get("max")
    for bound in (low, high):
        if bound is not None and (
            not _is_int(bound) or not GROUP_SIZE_LOW <= bound <= GROUP_SIZE_HIGH
        ):
            raise InvalidInput(
                f"{_ERRORS}.group_size",
                field="group_size",
                low=GROUP_SIZE_LOW,
                high=GROUP_SIZE_HIGH,
            )
    if low is not None and high is not None and low > high:
        raise InvalidInput(
            f"{_ERRORS}.group_size", field="group_size", low=GROUP_SIZE_LOW, high=GROUP_SIZE_HIGH
        )
    return low, high


def _whole_minutes(value: Any, *, field: str) -> int:
    """A duration in whole minutes, 1 up to the longest meeting."""
    if not _is_int(value) or not 1 <= value <= MAX_MINUTES:
        raise InvalidInput(f"{_ERRORS}.minutes", field=field, maximum=MAX_MINUTES)
    return value


def _is_int(value: Any) -> TypeGuard[int]:
    """An int that is not a bool (YAML and JSON both turn `true` into one)."""
    return isinstance(value, int) and not isinstance(value, bool)
