"""The shape of an intervision method: its roles, steps and texts (nl/en), and a time plan."""

from __future__ import annotations

import enum
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from bot import rules
from bot.bilingual import Text

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
