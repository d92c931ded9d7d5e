"""The association's values as typed and as texts use them: fees in Dutch or English notation,
never negative; the short name in compounds ("LVV-lid"), a general wording without one."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from bot.errors import InvalidInput
from bot.services.association import defaults, terms
from bot.services.association_edit import parse_fee
from bot.settings import Settings
from storage.models import GroupKind


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("75", "75"),
        ("75,50", "75.50"),
        ("75.5", "75.5"),
        ("€ 75", "75"),
        ("0", "0"),
    ],
)
def test_a_fee_is_read_as_a_dutch_or_english_amount(typed: str, value: str) -> None:
    assert parse_fee(typed) == Decimal(value)


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("-75", "association.fee_negative"),
        ("75 euro", "association.fee_invalid"),
        ("1e3", "association.fee_invalid"),
        ("75,555", "association.fee_invalid"),
        ("٧٥", "association.fee_invalid"),
        ("", "association.fee_invalid"),
        ("20000", "association.fee_too_high"),
    ],
)
def test_a_malformed_fee_is_refused_with_its_reason(typed: str, key: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        parse_fee(typed, field="fee_eur")
    assert (refused.value.key, refused.value.field) == (key, "fee_eur")


def test_texts_use_the_short_name_in_compounds_or_a_general_wording() -> None:
    plain = defaults(team_id="T1", settings=Settings())
    assert terms("nl", plain)["member"] == "lid van de vereniging"
    assert terms("nl", plain)["without"] == "zonder lidmaatschap"
    assert terms("nl", plain)["label"] == "Lidnummer"
    lvv = replace(plain, name="Landelijke Vereniging van Vertrouwenspersonen", short_name="LVV")
    assert terms("nl", lvv)["member"] == "LVV-lid"
    assert terms("nl", lvv)["without"] == "zonder LVV-lidmaatschap"
    assert terms("en", lvv)["member_option"] == "LVV member"
    assert lvv.issuer == "Landelijke Vereniging van Vertrouwenspersonen (LVV)"
    assert replace(plain, short_name="NIP").issuer == "NIP"
    assert replace(plain, fee_eur=Decimal("75.50")).fee_text() == "75,50"
    assert plain.fee_text() == "75"
    assert plain.size_bounds(GroupKind.GUIDED) == (4, 8)
