"""Reflection prompts after a meeting (seeds/004, Schön): three deepening questions, one per
dimension, rotated from bot/data/reflection.yaml. The app asks; it never stores an answer."""

from __future__ import annotations

import enum
import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from bot.bilingual import Text, load_data, parse_text
from bot.errors import InvalidInput
from bot.i18n import Lang

# Long enough for a thoughtful question, short enough for a line in a DM.
QUESTION_MAX: Final = 200
INTRO_MAX: Final = 500
_KEY = re.compile(r"[a-z][a-z0-9-]{1,63}")


class Dimension(enum.StrEnum):
    """The three dimensions of professional reflection."""

    TECHNICAL = "technical"
    NORMATIVE = "normative"
    PERSONAL = "personal"


class Moment(enum.StrEnum):
    """Schön: looking back on the action, or noticing within it."""

    ON_ACTION = "on-action"
    IN_ACTION = "in-action"


@dataclass(frozen=True, slots=True)
class Question:
    """A reflection question in the catalogue; `key` is stable."""

    key: str
    dimension: Dimension
    moment: Moment
    text: Text


@dataclass(frozen=True, slots=True)
class Prompt:
    """A question as asked, in one language, with the name of its dimension."""

    key: str
    dimension: Dimension
    dimension_name: str
    text: str


@dataclass(frozen=True, slots=True)
class ReflectionCatalogue:
    """The reflection.yaml file: an introduction, dimension names and the questions per dimension."""

    intro: Text
    dimension_names: dict[Dimension, Text]
    questions: dict[Dimension, tuple[Question, ...]]


@cache
def reflection_catalogue() -> ReflectionCatalogue:
    """The shipped reflection questions, read and checked once per process."""
    data = load_data("reflection.yaml")
    try:
        intro = _text(data["intro"], field="intro", limit=INTRO_MAX)
        names = {
            dimension: _text(data["dimensions"][dimension.value], field="dimensions", limit=75)
            for dimension in Dimension
        }
        questions = {
            dimension: tuple(
                _question(entry, dimension=dimension)
                for entry in data["questions"][dimension.value]
            )
            for dimension in Dimension
        }
    except (InvalidInput, KeyError, TypeError, ValueError) as error:
        raise RuntimeError(f"reflection.yaml is malformed: {error!r}") from error
    keys = [question.key for group in questions.values() for question in group]
    if len(set(keys)) != len(keys) or not all(questions.values()):
        raise RuntimeError(
            "reflection.yaml: keys must be unique and every dimension have questions"
        )
    return ReflectionCatalogue(intro=intro, dimension_names=names, questions=questions)


def questions_for(*, seed: int, lang: Lang) -> tuple[Prompt, Prompt, Prompt]:
    """Three questions, one per dimension, chosen by `seed` (e.g. meeting id + person id).

    Per dimension the seed walks the questions with a step coprime to their number, so
    consecutive seeds always get a different question, and as many consecutive seeds as there are
    questions ask each one exactly once. The dimensions use different steps so that the three
    questions do not move in lockstep.
    """
    catalogue = reflection_catalogue()
    technical, normative, personal = (
        _prompt(catalogue, dimension=dimension, index=_rotate(seed, len(group), turn), lang=lang)
        for turn, (dimension, group) in enumerate(catalogue.questions.items())
    )
    return technical, normative, personal


def reflection_intro(lang: Lang) -> str:
    """The line above the questions: look back, think of your own work, answers are not kept."""
    return reflection_catalogue().intro.get(lang)


def _rotate(seed: int, count: int, turn: int) -> int:
    """Index for `seed` among `count` questions, stepping by the turn-th number coprime to count."""
    steps = [step for step in range(1, 2 * count + 2) if math.gcd(step, count) == 1]
    step = steps[turn % len(steps)]
    # An offset per dimension keeps seed 0 from asking the first question of each list.
    return (seed * step + turn) % count


def _prompt(
    catalogue: ReflectionCatalogue, *, dimension: Dimension, index: int, lang: Lang
) -> Prompt:
    """The question at `index` of a dimension, in one language."""
    question = catalogue.questions[dimension][index]
    return Prompt(
        key=question.key,
        dimension=dimension,
        dimension_name=catalogue.dimension_names[dimension].get(lang),
        text=question.text.get(lang),
    )


def _question(entry: Any, *, dimension: Dimension) -> Question:
    """One question entry: key, moment, nl and en."""
    key = entry["key"]
    if not isinstance(key, str) or _KEY.fullmatch(key) is None:
        raise RuntimeError(f"reflection.yaml: bad question key {key!r}")
    return Question(
        key=key,
        dimension=dimension,
        moment=Moment(entry["moment"]),
        text=_text(entry, field=key, limit=QUESTION_MAX),
    )


def _text(value: Any, *, field: str, limit: int) -> Text:
    """A shipped text: both languages required."""
    return parse_text(
        value, field=field, error_prefix="method.error", limit=limit, english_required=True
    )
