"""Reading a method from plain data (the shipped catalogue or a secretariat's own), checked field
by field; a bad field is refused with an InvalidInput that names it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeGuard

from bot.bilingual import Text, parse_text
from bot.errors import InvalidInput
from bot.i18n import LANGS, Lang, escape_mrkdwn, t
from bot.method_model import (
    _DEFAULT_ROLES,
    _ERRORS,
    _KEY,
    GROUP_SIZE_HIGH,
    GROUP_SIZE_LOW,
    MAX_MINUTES,
    MAX_STEPS,
    NAME_MAX,
    PURPOSE_MAX,
    SECTION_TEXT_MAX,
    STEP_TEXT_MAX,
    STEP_TITLE_MAX,
    Experience,
    Method,
    MethodRole,
    Step,
)


def catalogue_text(value: Any, *, field: str, limit: int) -> Text:
    """A text of the shipped catalogue: both languages required."""
    return parse_text(value, field=field, error_prefix=_ERRORS, limit=limit, english_required=True)


def parse_method(
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
        card_text(method, lang=lang, role_names=role_names, ground_rules=ground_rules)
        for lang in LANGS
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
        raise InvalidInput(f"{_ERRORS}.too_many_steps", field="steps", count=MAX_STEPS)
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


def card_text(
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
