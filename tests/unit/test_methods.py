"""The method catalogue: complete in both languages, within Slack's limits, time plans that add up
exactly, and custom methods that are refused with a clear message when they do not fit."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.bilingual import Text
from bot.errors import InvalidInput
from bot.i18n import LANGS, Lang, t
from bot.method_model import NAME_MAX, OWN_METHOD_KEY, SECTION_TEXT_MAX, STEP_TITLE_MAX, Method
from bot.method_text import (
    conversation_rules,
    method_card,
    method_roles,
    preparation_prompt,
    time_plan_text,
)
from bot.methods import catalogue, find_method, methods_on_offer, parse_custom_method, time_plan

METHODS = catalogue().methods
STEPPED = [method for method in METHODS if method.steps]
MEETING_LENGTHS = range(60, 241, 15)


def _ids(method: Method) -> str:
    return method.key


def _texts(method: Method) -> list[tuple[str, Text]]:
    texts = [("name", method.name), ("purpose", method.purpose), ("fits", method.fits)]
    for number, step in enumerate(method.steps, start=1):
        texts += [(f"step {number} title", step.title), (f"step {number} what", step.what)]
    return texts


def test_the_catalogue_has_the_methods_the_literature_names() -> None:
    assert {method.key for method in METHODS} >= {
        "incident",
        "five-steps",
        "ten-steps",
        "balint",
        "gossip",
        "socratic",
        OWN_METHOD_KEY,
    }
    own = find_method(OWN_METHOD_KEY)
    assert own.steps == ()


@pytest.mark.parametrize("method", METHODS, ids=_ids)
def test_steps_fit_within_the_suggested_duration(method: Method) -> None:
    assert all(step.minutes > 0 for step in method.steps)
    assert method.steps_minutes <= method.minutes
    assert 0 < method.min_minutes <= method.minutes
    if method.min_group is not None and method.max_group is not None:
        assert method.min_group <= method.max_group


@pytest.mark.parametrize("method", METHODS, ids=_ids)
def test_every_text_exists_in_both_languages(method: Method) -> None:
    for label, text in _texts(method):
        assert text.nl.strip() and text.en.strip(), f"{method.key}: {label}"
    # The English must be a translation, not a copy of the Dutch.
    assert method.purpose.nl != method.purpose.en
    for step in method.steps:
        assert step.what.nl != step.what.en


def test_roles_rules_and_preparation_exist_in_both_languages() -> None:
    shipped = catalogue()
    for text in (*shipped.role_names.values(), *shipped.rules, shipped.preparation.intro):
        assert text.nl.strip() and text.en.strip()
    assert len(shipped.rules) >= 3
    assert len(shipped.preparation.points) >= 2
    for point in shipped.preparation.points:
        assert point.nl.strip() and point.en.strip() and point.nl != point.en
    for lang in LANGS:
        prompt = preparation_prompt(lang)
        assert prompt.startswith(t(lang, "method.preparation.title"))
        assert shipped.preparation.points[1].get(lang) in prompt
        assert conversation_rules(lang) == tuple(rule.get(lang) for rule in shipped.rules)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("method", METHODS, ids=_ids)
def test_slack_limits(method: Method, lang: Lang) -> None:
    assert len(method.name.get(lang)) <= NAME_MAX  # a select option's text
    assert all(len(step.title.get(lang)) <= STEP_TITLE_MAX for step in method.steps)
    card = method_card(method, lang=lang)
    assert len(card) <= SECTION_TEXT_MAX
    assert method.name.get(lang) in card
    assert ", ".join(method_roles(method, lang=lang)) in card
    for rule in conversation_rules(lang):
        assert rule in card
    longest = time_plan(method, meeting_minutes=240)
    assert len(time_plan_text(longest, lang=lang)) <= SECTION_TEXT_MAX


@pytest.mark.parametrize("meeting_minutes", MEETING_LENGTHS)
@pytest.mark.parametrize("method", METHODS, ids=_ids)
def test_time_plan_adds_up_to_the_meeting(method: Method, meeting_minutes: int) -> None:
    plan = time_plan(method, meeting_minutes=meeting_minutes)
    minutes = [step.minutes for step in plan.steps]
    assert sum(minutes) == meeting_minutes
    assert all(length > 0 for length in minutes)
    assert all(length % 5 == 0 for length in minutes)
    assert [step.start for step in plan.steps] == [sum(minutes[:i]) for i in range(len(minutes))]
    assert plan.too_short == (meeting_minutes < method.min_minutes)
    if method.steps:
        assert [step.title for step in plan.steps] == [step.title for step in method.steps]


@pytest.mark.parametrize("method", STEPPED, ids=_ids)
def test_time_plan_at_the_suggested_duration_is_the_methods_own(method: Method) -> None:
    plan = time_plan(method, meeting_minutes=method.steps_minutes)
    assert [step.minutes for step in plan.steps] == [step.minutes for step in method.steps]


def test_time_plan_keeps_the_proportions() -> None:
    method = find_method("incident")
    doubled = time_plan(method, meeting_minutes=2 * method.steps_minutes)
    assert [step.minutes for step in doubled.steps] == [2 * step.minutes for step in method.steps]


def test_time_plan_of_an_uneven_length_puts_the_rest_on_the_longest_step() -> None:
    plan = time_plan(find_method("five-steps"), meeting_minutes=62)
    minutes = [step.minutes for step in plan.steps]
    assert sum(minutes) == 62
    assert [length % 5 for length in minutes].count(2) == 1
    assert minutes.index(max(minutes)) == 1  # the exploration, the method's longest step


def test_time_plan_in_single_minutes_when_blocks_of_five_do_not_fit() -> None:
    method = find_method("ten-steps")
    plan = time_plan(method, meeting_minutes=30)
    minutes = [step.minutes for step in plan.steps]
    assert sum(minutes) == 30 and min(minutes) >= 1
    assert plan.too_short
    # The longest step of the method stays the longest of the plan.
    assert max(minutes) == minutes[3]


def test_time_plan_refuses_a_meeting_with_fewer_minutes_than_steps() -> None:
    method = find_method("ten-steps")
    with pytest.raises(InvalidInput) as refused:
        time_plan(method, meeting_minutes=len(method.steps) - 1)
    assert refused.value.key == "method.error.meeting_too_short"
    assert time_plan(method, meeting_minutes=len(method.steps)).steps[0].minutes == 1


def test_own_format_is_one_block_of_the_whole_meeting() -> None:
    plan = time_plan(find_method(OWN_METHOD_KEY), meeting_minutes=90)
    assert [(step.start, step.minutes) for step in plan.steps] == [(0, 90)]
    assert not plan.too_short
    assert t("nl", "method.card.no_steps") in method_card(plan.method, lang="nl")


def test_time_plan_text_shows_clock_times_and_the_warning() -> None:
    method = find_method("balint")
    plan = time_plan(method, meeting_minutes=60)
    # 08:00 UTC is 09:00 in Amsterdam in November.
    starts_at = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    text = time_plan_text(plan, lang="nl", starts_at=starts_at, tz=ZoneInfo("Europe/Amsterdam"))
    assert t("nl", "method.plan.too_short", minimum=method.min_minutes) in text
    first, second = plan.steps[0], plan.steps[1]
    assert "`09:00`" in text
    assert f"`09:{second.start:02d}`" in text and second.start == first.minutes
    roomy = time_plan_text(time_plan(method, meeting_minutes=120), lang="en")
    assert t("en", "method.plan.too_short", minimum=method.min_minutes) not in roomy
    assert "`0:00`" in roomy


# Custom methods ------------------------------------------------------------------------------


def _custom(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "key": "walk-and-talk",
        "name": "Wandelintervisie",
        "purpose": "Een vraag verkennen tijdens een wandeling in tweetallen.",
        "roles": ["presenter", "facilitator"],
        "minutes": 90,
        "steps": [
            {"title": "Vraag", "what": "De inbrenger vertelt de vraag.", "minutes": 10},
            {"title": "Wandelen", "what": "In tweetallen vragen stellen.", "minutes": 60},
            {"title": "Oogst", "what": "Wat neemt ieder mee?", "minutes": 20},
        ],
    }
    data.update(changes)
    return data


def test_a_custom_method_in_dutch_only_is_accepted() -> None:
    method = parse_custom_method(_custom())
    assert method.custom
    assert method.name == Text("Wandelintervisie", "Wandelintervisie")
    assert method.min_minutes == method.minutes == 90
    assert method.fits == Text("", "")
    plan = time_plan(method, meeting_minutes=120)
    assert sum(step.minutes for step in plan.steps) == 120


def test_switched_off_methods_leave_the_offer_but_can_still_be_found() -> None:
    custom = [_custom(), _custom(key="fishbowl", name={"nl": "Vissenkom", "en": "Fishbowl"})]
    offered = methods_on_offer(disabled={"balint", OWN_METHOD_KEY, "fishbowl"}, custom=custom)
    keys = [method.key for method in offered]
    assert "balint" not in keys and "fishbowl" not in keys
    assert OWN_METHOD_KEY in keys  # can never be switched off
    assert keys[-1] == "walk-and-talk"
    assert find_method("balint").key == "balint"
    assert find_method("fishbowl", custom=custom).name.en == "Fishbowl"
    with pytest.raises(InvalidInput) as unknown:
        find_method("fishbowl")
    assert unknown.value.key == "method.error.unknown"


def test_two_custom_methods_with_one_key_are_refused() -> None:
    with pytest.raises(InvalidInput) as refused:
        methods_on_offer(custom=[_custom(), _custom(name="Andere naam")])
    assert refused.value.key == "method.error.key_taken"


def _with_step(index: int, **changes: Any) -> dict[str, Any]:
    data = _custom()
    steps = copy.deepcopy(data["steps"])
    steps[index].update(changes)
    data["steps"] = steps
    return data


_LONG_STEPS = [{"title": "T" * 75, "what": "W" * 250, "minutes": 10} for _ in range(12)]

REFUSALS: list[tuple[str, Any, str, str]] = [
    ("not a mapping", ["incident"], "method.error.shape", "method"),
    ("capital key", _custom(key="Walk"), "method.error.key", "key"),
    ("key of one letter", _custom(key="w"), "method.error.key", "key"),
    ("key with a space", _custom(key="walk talk"), "method.error.key", "key"),
    ("catalogue key", _custom(key="incident"), "method.error.key_taken", "key"),
    ("no name", _custom(name=None), "method.error.text_missing", "name"),
    ("blank name", _custom(name="   "), "method.error.text_missing", "name"),
    ("name over 75", _custom(name="W" * 76), "method.error.text_too_long", "name"),
    (
        "english name over 75",
        _custom(name={"nl": "W", "en": "W" * 76}),
        "method.error.text_too_long",
        "name",
    ),
    ("no purpose", _custom(purpose=""), "method.error.text_missing", "purpose"),
    ("zero minutes", _custom(minutes=0), "method.error.minutes", "minutes"),
    ("longer than a meeting", _custom(minutes=481), "method.error.minutes", "minutes"),
    ("minutes as text", _custom(minutes="90"), "method.error.minutes", "minutes"),
    (
        "minimum above suggested",
        _custom(min_minutes=120),
        "method.error.min_minutes",
        "min_minutes",
    ),
    ("step of 0 minutes", _with_step(1, minutes=0), "method.error.step_minutes", "steps"),
    ("negative step", _with_step(0, minutes=-5), "method.error.step_minutes", "steps"),
    ("step minutes true", _with_step(2, minutes=True), "method.error.step_minutes", "steps"),
    ("step without title", _with_step(0, title=""), "method.error.text_missing", "steps"),
    ("steps longer than suggested", _custom(minutes=60), "method.error.steps_exceed", "steps"),
    ("steps not a list", _custom(steps={"title": "x"}), "method.error.shape", "steps"),
    (
        "13 steps",
        _custom(minutes=240, steps=[_custom()["steps"][0]] * 13),
        "method.error.too_many_steps",
        "steps",
    ),
    ("unknown role", _custom(roles=["presenter", "boss"]), "method.error.unknown_role", "roles"),
    ("unknown experience", _custom(experience="guru"), "method.error.experience", "experience"),
    ("group of one", _custom(group_size={"min": 1}), "method.error.group_size", "group_size"),
    (
        "minimum above maximum",
        _custom(group_size={"min": 8, "max": 5}),
        "method.error.group_size",
        "group_size",
    ),
    (
        "card over 3000",
        _custom(minutes=120, steps=_LONG_STEPS),
        "method.error.card_too_long",
        "method",
    ),
]


@pytest.mark.parametrize(
    ("data", "key", "field"),
    [refusal[1:] for refusal in REFUSALS],
    ids=[refusal[0] for refusal in REFUSALS],
)
def test_custom_method_refusals(data: Any, key: str, field: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_custom_method(data)
    assert (refused.value.key, refused.value.field) == (key, field)
    # The refusal renders in both languages with the parameters it carries.
    for lang in LANGS:
        assert t(lang, refused.value.key, **refused.value.params)


def test_the_longest_accepted_custom_method_still_fits_one_section() -> None:
    steps = [{"title": "T" * 75, "what": "W" * 250, "minutes": 10} for _ in range(6)]
    method = parse_custom_method(_custom(minutes=120, steps=steps, name="N" * 75))
    assert all(len(method_card(method, lang=lang)) <= SECTION_TEXT_MAX for lang in LANGS)
