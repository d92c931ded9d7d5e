"""The rules of a guided trajectory (seed 002): 3–8 meetings, 4–8 participants, the attendance
threshold rounded up, and the typed values its forms take; the progress snapshot a deelnamebewijs
keeps; the threshold setting."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot import rules
from bot.errors import InvalidInput
from bot.guided_rules import (
    attendance_percent,
    check_agreed_meetings,
    check_participants,
    check_reader_url,
    meets_threshold,
    parse_points,
    parse_price,
    required_meetings,
)
from bot.services.trajectory_progress import Progress, read_snapshot, snapshot
from bot.settings import SettingsError, from_env

ENV = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}


def test_the_rules_are_the_seed_texts() -> None:
    assert (rules.GUIDED_TRAJECTORY_MIN_MEETINGS, rules.GUIDED_TRAJECTORY_MAX_MEETINGS) == (3, 8)
    assert (rules.GUIDED_GROUP_MIN_MEMBERS, rules.GUIDED_GROUP_MAX_MEMBERS) == (4, 8)
    assert rules.DEFAULT_GUIDED_ATTENDANCE_PERCENT == 75


@pytest.mark.parametrize(("count", "allowed"), [(2, False), (3, True), (8, True), (9, False)])
def test_agreed_meetings_from_three_to_eight(count: int, allowed: bool) -> None:
    if allowed:
        assert check_agreed_meetings(count) == count
        return
    with pytest.raises(InvalidInput) as refused:
        check_agreed_meetings(count)
    assert (refused.value.key, refused.value.field) == ("guided.error.meetings", "meetings")
    assert refused.value.params == {"low": 3, "count": 8}


@pytest.mark.parametrize(("count", "allowed"), [(3, False), (4, True), (8, True), (9, False)])
def test_participants_from_four_to_eight(count: int, allowed: bool) -> None:
    if allowed:
        assert check_participants(count) == count
    else:
        with pytest.raises(InvalidInput, match=r"guided\.error\.participants"):
            check_participants(count)


@pytest.mark.parametrize(
    ("held", "percent", "required"),
    [
        (4, 75, 3),
        (6, 75, 5),
        (3, 75, 3),
        (8, 75, 6),
        (5, 100, 5),
        (4, 10, 1),
        (1, 75, 1),
        (0, 75, 0),
    ],
)
def test_the_required_meetings_are_the_share_rounded_up(
    held: int, percent: int, required: int
) -> None:
    assert required_meetings(held, percent=percent) == required


def test_the_threshold_and_the_share_shown() -> None:
    assert meets_threshold(3, held=4, percent=75)
    assert not meets_threshold(2, held=4, percent=75)
    assert not meets_threshold(0, held=0, percent=75)  # nothing held: nobody completes
    assert attendance_percent(2, held=3) == 66  # rounded down: 66.7% never shows as 67%
    assert attendance_percent(3, held=4) == 75
    assert attendance_percent(1, held=0) == 0


@pytest.mark.parametrize(
    ("typed", "price"),
    [("350", "350.00"), ("350,50", "350.50"), ("€ 1250", "1250.00"), (" 0 ", "0.00"), ("", None)],
)
def test_prices_as_typed(typed: str, price: str | None) -> None:
    assert parse_price(typed) == (Decimal(price) if price is not None else None)


@pytest.mark.parametrize("typed", ["drie", "1.000,00", "1.000", "3,333", "-5", "10001", "١٢٣"])
def test_prices_that_are_no_price(typed: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_price(typed)
    assert (refused.value.key, refused.value.field) == ("guided.error.price", "price")


def test_reflection_points() -> None:
    assert parse_points("2,5") == Decimal("2.50")
    assert parse_points("4") == Decimal("4.00")
    assert parse_points("") is None
    assert parse_points("0") is None  # none awarded
    for typed in ("101", "-1", "veel"):
        with pytest.raises(InvalidInput, match=r"guided\.error\.points"):
            parse_points(typed)


def test_the_readers_link() -> None:
    assert check_reader_url("  https://reader.example/a.pdf ") == "https://reader.example/a.pdf"
    assert check_reader_url("") == ""
    for typed in (
        "reader.example/a.pdf",
        "ftp://reader.example",
        "https://a b.example",
        "javascript:x",
    ):
        with pytest.raises(InvalidInput, match=r"guided\.error\.reader"):
            check_reader_url(typed)
    with pytest.raises(InvalidInput):
        check_reader_url("https://reader.example/" + "a" * 500)


def test_the_progress_snapshot_reads_back_and_tolerates_plain_text() -> None:
    progress = Progress(meeting=3, meetings=6, name="Gemeente Zeist — team Noord")
    assert read_snapshot(snapshot(progress)) == ("Gemeente Zeist — team Noord", 3, 6)
    assert read_snapshot("Traject Zeist") == ("Traject Zeist", None, None)
    assert read_snapshot("3/x Zeist") == ("3/x Zeist", None, None)
    assert read_snapshot(None) == ("", None, None)
    assert Progress(meeting=7, meetings=6, name="x").extra


def test_the_threshold_is_a_setting() -> None:
    assert from_env(ENV).guided_attendance_percent == 75
    assert (
        from_env({**ENV, "INTERVISIE_GUIDED_ATTENDANCE_PERCENT": "80"}).guided_attendance_percent
        == 80
    )
    for bad in ("0", "101", "driekwart"):
        with pytest.raises(SettingsError, match="INTERVISIE_GUIDED_ATTENDANCE_PERCENT"):
            from_env({**ENV, "INTERVISIE_GUIDED_ATTENDANCE_PERCENT": bad})
