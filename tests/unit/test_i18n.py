"""Every user-facing text exists in Dutch and English with the same placeholders; a count is always
printed in its plural form; dates and hours are shown the Dutch way."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.i18n import (
    CATALOGUE,
    escape_mrkdwn,
    format_date,
    format_hours,
    format_long_date,
    format_time,
    hours_text,
    lang_for,
    placeholders,
    t,
    t_plain,
    tn,
)

# How the plural check below recognises a count. Every placeholder is taken to be a count unless
# it is named here (or ends in _text / _name): names, dates and times, identifiers (a group, page
# or step number, a year) and text worded elsewhere (an amount with its unit, a list of names).
# So a new "{n} deelnemers" or "{members} deelnemers" fails; a text placeholder that fails by
# mistake belongs in this list.
NOT_COUNTS = frozenset(
    {
        "char", "channel", "code", "codepoint", "commands", "contact", "date", "duration",
        "earliest", "end", "error", "example", "facilitators", "fee", "filename", "first_zone",
        "form", "given", "group", "kind", "label", "latest", "lead", "leads", "meeting",
        "membership", "name", "new", "next", "note", "number", "numbers", "old", "open", "page",
        "pages", "place", "presenters", "query", "reason", "ref", "region", "register",
        "requester", "role", "roles", "second_zone", "start", "status", "sub", "time", "url",
        "user", "value", "what", "when", "who", "year",
    }
)  # fmt: skip
# Words that may follow a count without agreeing with it: prepositions ("2 van 10") and a unit
# written the same for one and many ("90 min").
NEUTRAL_AFTER_COUNT = frozenset({"and", "en", "min", "of", "t", "to", "tot", "up", "van"})
# A placeholder, then (past spaces and mrkdwn emphasis) the word that follows it.
PLACEHOLDER_THEN_WORD = re.compile(r"\{(\w+)\}[\s*_~]*([^\W\d_]+)")
PLURAL_FORMS = (".one", ".other")


def _is_count(name: str) -> bool:
    return name not in NOT_COUNTS and not name.endswith(("_text", "_name"))


def count_problems(messages: Mapping[str, tuple[str, str]]) -> list[str]:
    """What the plural rule finds wrong in a catalogue: a count followed by a word that is not a
    `{count}` in a .one/.other pair, a `{count}` outside such a pair, or half a pair."""
    problems: list[str] = []
    for key, texts in sorted(messages.items()):
        pair = key.endswith(PLURAL_FORMS)
        for text in texts:
            for name, word in PLACEHOLDER_THEN_WORD.findall(text):
                if not _is_count(name) or word.lower() in NEUTRAL_AFTER_COUNT:
                    continue
                if not (pair and name == "count"):
                    problems.append(f"{key}: {{{name}}} {word}… needs plural forms")
            if "{count}" in text and not pair:
                problems.append(f"{key}: {{count}} outside a .one/.other pair")
            if pair and "{count}" not in text:
                problems.append(f"{key}: a plural form without {{count}}")
        if pair:
            base = key.rsplit(".", 1)[0]
            for form in PLURAL_FORMS:
                if base + form not in messages:
                    problems.append(f"{key}: {base}{form} is missing")
    return problems


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_both_languages_present_with_the_same_placeholders(key: str) -> None:
    dutch, english = CATALOGUE[key]
    assert dutch.strip() and english.strip(), key
    assert placeholders(dutch) == placeholders(english), key


def test_every_count_is_printed_in_its_plural_form() -> None:
    assert count_problems(CATALOGUE) == []


@pytest.mark.parametrize(
    "messages",
    [
        {"x": ("{n} deelnemers", "{n} participants")},
        {"x": ("Groep {number}: {members} deelnemers", "Group {number}: {members} members")},
        {"x": ("nog *{seats}* plaatsen", "*{seats}* seats left")},
        {"x.one": ("{count} deelnemer", "{count} member")},
        {"x": ("{count} deelnemers", "{count} members")},
        {
            "x.one": ("{count} lid, nog {seats} plaatsen", "{count} member, {seats} seats"),
            "x.other": ("{count} leden, nog {seats} plaatsen", "{count} members, {seats} seats"),
        },
    ],
)
def test_the_plural_check_catches_a_count_without_plural_forms(
    messages: dict[str, tuple[str, str]],
) -> None:
    assert count_problems(messages)


def test_the_plural_check_accepts_plural_pairs_and_text_placeholders() -> None:
    messages = {
        "x.one": ("Groep {number} heeft {count} deelnemer", "Group {number} has {count} member"),
        "x.other": (
            "Groep {number} heeft {count} deelnemers",
            "Group {number} has {count} members",
        ),
        "y": ("{name} heeft {hours_text} van {required}", "{name} has {hours_text} of {required}"),
    }
    assert count_problems(messages) == []


@pytest.mark.parametrize(
    ("lang", "count", "expected"),
    [("nl", 1, "1 deelnemer"), ("nl", 2, "2 deelnemers"), ("en", 1, "1 participant")],
)
def test_a_count_chooses_its_form(lang: str, count: int, expected: str) -> None:
    text = tn("en" if lang == "en" else "nl", "group.members", count)
    assert text == expected
    # The base key with a count (as a DomainError carries it) chooses the same form.
    assert t("en" if lang == "en" else "nl", "group.members", count=count) == expected


def test_hours_with_their_unit() -> None:
    assert hours_text("nl", 60) == "1 uur"
    assert hours_text("nl", 150) == "2,5 uur"
    assert hours_text("en", 60) == "1 hour"
    assert hours_text("en", 90) == "1.5 hours"


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_no_label_says_optional_or_ends_in_a_question_before_a_colon(key: str) -> None:
    """Slack adds "(optional)" to an optional input itself, and a form reads "label: value"."""
    for text in CATALOGUE[key]:
        assert "(optioneel)" not in text.lower() and "(optional)" not in text.lower(), key
        assert "?:" not in text, key


def test_locale_to_language() -> None:
    assert lang_for("en-US") == "en"
    assert lang_for("en-GB") == "en"
    assert lang_for("nl-NL") == "nl"
    assert lang_for("de-DE") == "nl"
    assert lang_for(None) == "nl"


def test_mrkdwn_parameters_are_escaped_but_plain_ones_are_not() -> None:
    assert escape_mrkdwn("<!channel> & <@U1>") == "&lt;!channel&gt; &amp; &lt;@U1&gt;"
    assert "&lt;b&gt;" in t("nl", "help.unknown", sub="<b>")
    assert "<b>" in t_plain("nl", "help.unknown", sub="<b>")


def test_dates_and_times_the_dutch_way() -> None:
    amsterdam = ZoneInfo("Europe/Amsterdam")
    instant = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    assert format_date(instant, tz=amsterdam) == "30-11-2026"
    assert format_time(instant, tz=amsterdam) == "09:00"
    # Summer time: UTC+2.
    assert format_time(datetime(2026, 7, 1, 7, 30, tzinfo=UTC), tz=amsterdam) == "09:30"
    assert format_long_date(date(2026, 11, 30), "nl") == "maandag 30 november 2026"
    assert format_long_date(date(2026, 11, 30), "en") == "Monday 30 November 2026"


def test_hours_with_a_decimal_comma_in_dutch() -> None:
    assert format_hours(90, "nl") == "1,5"
    assert format_hours(90, "en") == "1.5"
    assert format_hours(120, "nl") == "2"
    assert format_hours(135, "nl") == "2,25"
