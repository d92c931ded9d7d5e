"""Reflection prompts: enough questions per dimension in both languages, and a rotation that asks
one question per dimension and moves on with every seed."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.i18n import LANGS, Lang
from bot.reflection import (
    QUESTION_MAX,
    Dimension,
    Moment,
    questions_for,
    reflection_catalogue,
    reflection_intro,
)

CATALOGUE = reflection_catalogue()


@pytest.mark.parametrize("dimension", list(Dimension))
def test_each_dimension_has_enough_questions_in_both_languages(dimension: Dimension) -> None:
    questions = CATALOGUE.questions[dimension]
    assert len(questions) >= 6
    for question in questions:
        assert question.dimension is dimension
        assert question.text.nl.strip() and question.text.en.strip(), question.key
        assert question.text.nl != question.text.en, question.key
        assert max(len(question.text.nl), len(question.text.en)) <= QUESTION_MAX
        assert question.text.nl.endswith("?") and question.text.en.endswith("?"), question.key
    # Schön: both looking back on the action and noticing within it.
    assert {question.moment for question in questions} == set(Moment)
    name = CATALOGUE.dimension_names[dimension]
    assert name.nl.strip() and name.en.strip()


def test_question_keys_are_unique_and_the_intro_says_answers_are_not_kept() -> None:
    keys = [q.key for questions in CATALOGUE.questions.values() for q in questions]
    assert len(keys) == len(set(keys))
    assert "bewaart ze niet" in reflection_intro("nl")
    assert "does not keep them" in reflection_intro("en")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("seed", [0, 1, 7, 12_345, -3])
def test_three_questions_one_per_dimension(seed: int, lang: Lang) -> None:
    prompts = questions_for(seed=seed, lang=lang)
    assert [prompt.dimension for prompt in prompts] == list(Dimension)
    for prompt in prompts:
        catalogue_texts = {q.key: q.text.get(lang) for q in CATALOGUE.questions[prompt.dimension]}
        assert catalogue_texts[prompt.key] == prompt.text
        assert prompt.dimension_name == CATALOGUE.dimension_names[prompt.dimension].get(lang)
    assert questions_for(seed=seed, lang=lang) == prompts  # deterministic


def test_the_same_questions_in_either_language() -> None:
    dutch = questions_for(seed=42, lang="nl")
    english = questions_for(seed=42, lang="en")
    assert [p.key for p in dutch] == [p.key for p in english]
    assert [p.text for p in dutch] != [p.text for p in english]


def test_consecutive_seeds_get_different_questions() -> None:
    for seed in range(200):
        before = questions_for(seed=seed, lang="nl")
        after = questions_for(seed=seed + 1, lang="nl")
        for first, second in zip(before, after, strict=True):
            assert first.key != second.key, (seed, first.dimension)


@pytest.mark.parametrize("dimension", list(Dimension))
def test_a_run_of_seeds_asks_every_question_once(dimension: Dimension) -> None:
    count = len(CATALOGUE.questions[dimension])
    index = list(Dimension).index(dimension)
    for start in (0, 5, 1_000):
        asked = Counter(
            questions_for(seed=seed, lang="en")[index].key for seed in range(start, start + count)
        )
        assert set(asked) == {q.key for q in CATALOGUE.questions[dimension]}
        assert set(asked.values()) == {1}


def test_the_dimensions_do_not_move_in_lockstep() -> None:
    positions = {
        dimension: [
            [q.key for q in CATALOGUE.questions[dimension]].index(
                questions_for(seed=seed, lang="nl")[index].key
            )
            for seed in range(8)
        ]
        for index, dimension in enumerate(Dimension)
    }
    assert len({tuple(walk) for walk in positions.values()}) == len(Dimension)
