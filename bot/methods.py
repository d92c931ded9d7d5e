"""Intervision methods: the catalogue in bot/data/methods.yaml, a secretariat's own methods (plain
data of the same shape), and a method's steps as a time plan for a meeting of a given length.

Slack-free and database-free: callers pass the switched-off keys and the custom methods they read.
The shape is bot/method_model.py, reading data bot/method_data.py, texts bot/method_text.py.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from fractions import Fraction
from functools import cache
from typing import Any

from bot.bilingual import load_data
from bot.errors import InvalidInput
from bot.method_data import catalogue_text, parse_method
from bot.method_model import (
    _ERRORS,
    NAME_MAX,
    OWN_METHOD_KEY,
    PLAN_BLOCK_MINUTES,
    PURPOSE_MAX,
    Catalogue,
    Method,
    MethodRole,
    PlannedStep,
    Preparation,
    TimePlan,
)


@cache
def catalogue() -> Catalogue:
    """The shipped catalogue, read and checked once per process."""
    data = load_data("methods.yaml")
    role_names = {
        MethodRole(key): catalogue_text(value, field=f"roles.{key}", limit=NAME_MAX)
        for key, value in data["roles"].items()
    }
    if set(role_names) != set(MethodRole):
        raise RuntimeError("methods.yaml: every role needs a name")
    ground_rules = tuple(
        catalogue_text(rule, field="rules", limit=PURPOSE_MAX) for rule in data["rules"]
    )
    preparation = Preparation(
        intro=catalogue_text(data["preparation"]["intro"], field="preparation", limit=PURPOSE_MAX),
        points=tuple(
            catalogue_text(point, field="preparation", limit=PURPOSE_MAX)
            for point in data["preparation"]["points"]
        ),
    )
    methods: list[Method] = []
    for index, entry in enumerate(data["methods"]):
        try:
            methods.append(
                parse_method(entry, custom=False, role_names=role_names, ground_rules=ground_rules)
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
    method = parse_method(
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


def _parse_customs(custom: Iterable[Any]) -> list[Method]:
    """Custom methods checked one by one, each key unique among all methods."""
    methods: list[Method] = []
    for data in custom:
        methods.append(parse_custom_method(data, taken={method.key for method in methods}))
    return methods
