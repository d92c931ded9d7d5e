"""Every user-facing text exists in Dutch and English with the same placeholders; dates and hours
are shown the Dutch way."""

from __future__ import annotations

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
    lang_for,
    placeholders,
    t,
    t_plain,
)


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_both_languages_present_with_the_same_placeholders(key: str) -> None:
    dutch, english = CATALOGUE[key]
    assert dutch.strip() and english.strip(), key
    assert placeholders(dutch) == placeholders(english), key


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
