"""Registers, numbers, professions and the presence exports a register accepts."""

from __future__ import annotations

import copy
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from bot import rules
from bot.errors import Conflict, DomainError, InvalidInput, NotFound
from bot.exports.registers import (
    CSV_COLUMNS,
    PresenceRow,
    build_register_export,
    paste_list,
    presence_csv,
)
from bot.i18n import CATALOGUE, has_message, t
from bot.professions import (
    all_professions,
    default_professions,
    merge_professions,
    profession_by_key,
)
from bot.registers import (
    ASSOCIATION_DEFAULT,
    MAX_NUMBER_LENGTH,
    Presence,
    all_registers,
    default_catalogue,
    merge_registers,
    normalise_number,
    parse_register,
    register_by_key,
)

# --- the built-in data -----------------------------------------------------------------------


def test_the_bundled_registers_load_and_each_example_is_its_own_canonical_form() -> None:
    registers = all_registers()
    assert [r.key for r in registers] == [
        "big",
        "knmg_rgs",
        "vvn",
        "knov",
        "kckz",
        "skj",
        "nip",
        "lvv",
        "lvsc",
    ]
    for register in registers:
        for number_format in register.formats:
            example = number_format.example
            assert register.match(example) == example, register.key
            # What we paste reads back as the same number (someone may paste it into the profile).
            pasted = register.paste_form(example)
            assert pasted is not None
            assert register.match(pasted) == example, register.key
            assert len(example) <= MAX_NUMBER_LENGTH


@pytest.mark.parametrize(
    ("key", "dutch", "english"),
    [
        ("big", "BIG-nummer", "BIG number"),
        ("knmg_rgs", "BIG-nummer", "BIG number"),
        ("knov", "BIG-nummer", "BIG number"),
        ("vvn", "BIG- of relatienummer", "BIG or relation number"),
        ("skj", "SKJ-registratienummer", "SKJ registration number"),
        ("nip", "NIP-registratienummer", "NIP registration number"),
        ("lvv", "Lidnummer LVV", "LVV member number"),
        ("lvsc", "LVSC-registratienummer", "LVSC registration number"),
        ("kckz", "Registratienummer KCKZ", "KCKZ registration number"),
    ],
)
def test_each_register_names_its_number_in_both_languages(
    key: str, dutch: str, english: str
) -> None:
    register = register_by_key(key)
    assert register.label("nl") == dutch
    assert register.label("en") == english


def test_only_registers_that_use_the_big_number_in_pe_online_paste_a_prefix() -> None:
    prefixed = {
        r.key: [f.paste_prefix for f in r.formats if f.paste_prefix] for r in all_registers()
    }
    assert {k: v for k, v in prefixed.items() if v} == {"vvn": ["BIG-"], "knov": ["BIG-"]}
    assert register_by_key("knov").presence is Presence.PE_ONLINE
    assert register_by_key("knmg_rgs").presence is Presence.GAIA


def test_recertification_norms_and_the_association_fallback() -> None:
    lvv = register_by_key("lvv").recertification
    assert (lvv.cycle_years, lvv.target_hours) == (
        rules.RECERTIFICATION_PERIOD_YEARS,
        rules.RECERTIFICATION_REQUIRED_HOURS,
    )
    knov = register_by_key("knov").recertification
    assert (knov.cycle_years, knov.target_hours, knov.published) == (5, 200, True)
    vvn = register_by_key("vvn").recertification
    assert (vvn.cycle_years, vvn.target_hours) == (5, 184)
    # SKJ publishes a cycle but no single hour norm: the association's rule is the default.
    assert register_by_key("skj").recertification == ASSOCIATION_DEFAULT
    assert ASSOCIATION_DEFAULT.published is False


def test_an_unknown_register_is_refused() -> None:
    with pytest.raises(NotFound) as caught:
        register_by_key("kng")
    assert caught.value.key == "registers.unknown"
    with pytest.raises(NotFound):
        normalise_number("kng", raw="12345678901", lang="nl")


# --- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "raw", "canonical"),
    [
        ("big", "12345678901", "12345678901"),
        ("big", "1234 5678 901", "12345678901"),
        ("big", " 123.456.789-01 ", "12345678901"),
        ("big", "BIG-12345678901", "12345678901"),
        ("big", "big 12345678901", "12345678901"),
        ("big", "1234\u00a05678\u2013901", "12345678901"),  # no-break space, en dash
        ("big", "１２３４５６７８９０１", "12345678901"),  # full-width digits from a phone
        ("big", "01234567890", "01234567890"),  # a leading zero is part of the number
        ("knmg_rgs", "BIG 123 456 789 01", "12345678901"),
        ("knov", "12345678901", "12345678901"),
        ("vvn", "12345678901", "12345678901"),
        ("vvn", "123 4567", "1234567"),
        ("kckz", "ab-1234", "AB1234"),
        ("kckz", "KCKZ 123456", "123456"),
        ("skj", "100 012 345", "100012345"),
        ("skj", "SKJ-100012345", "100012345"),
        ("nip", "NIP 000 12345", "12345"),
        ("nip", "0012345", "12345"),
        ("lvv", "lvv-1234", "1234"),
        ("lvv", "1234", "1234"),
        ("lvsc", "ab 123", "AB123"),
    ],
)
def test_valid_numbers_are_stored_in_canonical_form(key: str, raw: str, canonical: str) -> None:
    assert normalise_number(key, raw=raw, lang="nl") == canonical


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("big", "1234567890"),  # ten digits: too short
        ("big", "123456789012"),  # twelve: too long
        ("big", "1234567890A"),  # a letter
        ("big", "ABCDEFGHIJK"),
        ("big", "12345678901x"),
        ("big", "12345/678901"),  # a slash is no separator of the BIG number
        ("big", "BIG-"),
        ("knmg_rgs", "1234567"),
        ("knov", "1234567"),  # KNOV knows midwives by their BIG number only
        ("vvn", "123"),
        ("vvn", "123456789012"),
        ("vvn", "12345A7"),
        ("kckz", "12"),
        ("kckz", "1234567890123"),
        ("skj", "12A456"),
        ("skj", "123"),
        ("nip", "NIP"),
        ("nip", "NIP 00012"),  # 12 without its zeros is too short
        ("lvv", "1"),
        ("lvv", "12#4"),
        ("lvsc", "AB"),
        ("big", "1" * 200),
    ],
)
def test_malformed_numbers_are_refused_with_the_label_and_an_example(key: str, raw: str) -> None:
    register = register_by_key(key)
    for lang in ("nl", "en"):
        with pytest.raises(InvalidInput) as caught:
            normalise_number(key, raw=raw, lang=lang)
        error = caught.value
        assert error.key == "registers.number.invalid"
        assert error.field == "number"
        assert error.params == {"label": register.label(lang), "example": register.example}
        message = t(lang, error.key, **error.params)
        assert register.label(lang) in message
        assert register.example in message


def test_an_empty_number_asks_for_the_number_by_its_name() -> None:
    with pytest.raises(InvalidInput) as caught:
        normalise_number("big", raw="  ", lang="nl")
    assert caught.value.key == "registers.number.empty"
    assert caught.value.params == {"label": "BIG-nummer"}
    with pytest.raises(InvalidInput) as caught:
        normalise_number("lvv", raw="", lang="en")
    assert caught.value.params == {"label": "LVV member number"}


def test_the_dutch_error_reads_as_a_sentence() -> None:
    with pytest.raises(InvalidInput) as caught:
        normalise_number("big", raw="123", lang="nl")
    text = t("nl", caught.value.key, **caught.value.params)
    assert text == CATALOGUE["registers.number.invalid"][0].format(
        label="BIG-nummer", example="12345678901"
    )


def test_every_error_key_the_modules_raise_is_in_the_catalogue() -> None:
    keys = {
        "registers.number.empty",
        "registers.number.invalid",
        "registers.unknown",
        "professions.unknown",
        "professions.define.unknown_register",
        "registers.define.prefix",
        "registers.define.separators",
        "registers.define.example",
        "define.required",
        "define.too_long",
        "define.range",
        "define.key",
        "define.duplicate",
        "define.choice",
        "define.wrong_type",
        "define.unknown_field",
    }
    assert all(has_message(key) for key in keys)


# --- exports ----------------------------------------------------------------------------------

MEETING = date(2026, 11, 30)


def _rows() -> list[PresenceRow]:
    return [
        PresenceRow(name="Zoë de Vries", number="12345678901", date=MEETING, minutes=120),
        PresenceRow(name="anna Şahin", number="98765432109", date=MEETING, minutes=120),
        PresenceRow(name="Bram Łukasiewicz", number=None, date=MEETING, minutes=120),
        PresenceRow(name="=HYPERLINK(1)", number="11111111111", date=MEETING, minutes=90),
    ]


def test_the_paste_list_has_one_prefixed_number_per_line_and_nothing_else() -> None:
    knov = register_by_key("knov")
    assert paste_list(knov, _rows()) == ("BIG-11111111111\nBIG-98765432109\nBIG-12345678901\n")
    # A register without a prefix pastes the bare numbers.
    rgs = register_by_key("knmg_rgs")
    assert paste_list(rgs, _rows()) == "11111111111\n98765432109\n12345678901\n"
    assert paste_list(knov, []) == ""


def test_each_number_is_pasted_once_even_across_meetings() -> None:
    knov = register_by_key("knov")
    rows = [
        PresenceRow(name="Zoë de Vries", number="12345678901", date=MEETING, minutes=120),
        PresenceRow(name="Zoë de Vries", number="12345678901", date=date(2026, 12, 14), minutes=60),
    ]
    assert paste_list(knov, rows) == "BIG-12345678901\n"


def test_the_csv_is_excel_ready_and_lists_exactly_the_participants_with_a_number() -> None:
    knov = register_by_key("knov")
    rows = _rows()
    rows[0] = PresenceRow(
        name="Zoë de Vries", number="12345678901", date=MEETING, minutes=120, points=Decimal("2.00")
    )
    data = presence_csv(knov, rows)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig") == (
        ";".join(CSV_COLUMNS) + "\r\n"
        "'=HYPERLINK(1);KNOV;BIG-11111111111;30-11-2026;1,5;\r\n"
        "anna Şahin;KNOV;BIG-98765432109;30-11-2026;2;\r\n"
        "Zoë de Vries;KNOV;BIG-12345678901;30-11-2026;2;2\r\n"
    )


def test_points_keep_their_decimal_comma() -> None:
    vvn = register_by_key("vvn")
    row = PresenceRow(
        name="Anna", number="1234567", date=MEETING, minutes=135, points=Decimal("1.50")
    )
    assert presence_csv(vvn, [row]).decode("utf-8-sig").splitlines()[1] == (
        "Anna;V&VN;1234567;30-11-2026;2,25;1,5"
    )


def test_participants_without_a_usable_number_are_returned_apart() -> None:
    knov = register_by_key("knov")
    rows = [
        *_rows(),
        # Stored before the format changed, or typed for another register: does not fit KNOV.
        PresenceRow(name="Cas", number="1234567", date=MEETING, minutes=120),
        PresenceRow(name="Dirk", number="", date=MEETING, minutes=120),
    ]
    export = build_register_export(knov, rows)
    assert [r.name for r in export.without_number] == ["Bram Łukasiewicz", "Dirk"]
    assert [r.name for r in export.unreadable] == ["Cas"]
    assert export.paste_list == paste_list(knov, rows)
    assert export.csv == presence_csv(knov, rows)
    listed = export.paste_list.count("\n") + len(export.without_number) + len(export.unreadable)
    assert listed == len(rows)  # nobody dropped silently


# --- registers the secretariat adds -----------------------------------------------------------


def _new_register(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "key": "registerplein",
        "name": "Registerplein",
        "short_name": "Registerplein",
        "label_nl": "Registratienummer Registerplein",
        "label_en": "Registerplein registration number",
        "presence": "pe_online",
        "formats": [
            {"charset": "digits", "min_length": 8, "max_length": 10, "example": "46101234"}
        ],
        "cycle_years": 5,
        "target_hours": 60,
    }
    data.update(changes)
    return data


def test_the_secretariat_adds_a_register_and_its_numbers_are_checked() -> None:
    catalogue = merge_registers([_new_register()])
    assert [r.key for r in catalogue.registers][-1] == "registerplein"
    assert "big" in catalogue
    assert normalise_number("registerplein", raw="4610 1234", lang="nl", catalogue=catalogue) == (
        "46101234"
    )
    with pytest.raises(InvalidInput) as caught:
        normalise_number("registerplein", raw="4610", lang="en", catalogue=catalogue)
    assert caught.value.params == {
        "label": "Registerplein registration number",
        "example": "46101234",
    }
    # The built-in catalogue itself is untouched.
    assert "registerplein" not in default_catalogue()


def test_the_secretariat_can_correct_a_built_in_prefix() -> None:
    data = register_by_key("knov").to_data()
    data["formats"][0]["paste_prefix"] = ""
    catalogue = merge_registers([data])
    knov = catalogue.get("knov")
    assert knov.paste_form("12345678901") == "12345678901"
    assert [r.key for r in catalogue.registers] == [r.key for r in all_registers()]


def test_registers_survive_a_round_trip_through_plain_data() -> None:
    for register in all_registers():
        assert parse_register(copy.deepcopy(register.to_data())) == register


def test_a_paste_prefix_is_accepted_when_typed_back() -> None:
    fmt = {"charset": "digits", "min_length": 5, "max_length": 6, "example": "12345"}
    register = parse_register(_new_register(formats=[{**fmt, "paste_prefix": "RP-"}]))
    assert register.paste_form("12345") == "RP-12345"
    assert register.match("RP-12345") == "12345"


@pytest.mark.parametrize(
    ("changes", "key", "field"),
    [
        ({"key": "Big Register"}, "define.key", "key"),
        ({"key": "x"}, "define.key", "key"),
        ({"label_nl": "  "}, "define.required", "label_nl"),
        ({"label_en": None}, "define.required", "label_en"),
        ({"name": "R" * 200}, "define.too_long", "name"),
        ({"presence": "fax"}, "define.choice", "presence"),
        ({"formats": []}, "define.required", "formats"),
        ({"formats": "digits"}, "define.wrong_type", "formats"),
        ({"cycle_years": 0}, "define.range", "cycle_years"),
        ({"cycle_years": True}, "define.wrong_type", "cycle_years"),
        ({"target_hours": "32"}, "define.wrong_type", "target_hours"),
        ({"separators": ".x"}, "registers.define.separators", "separators"),
        ({"colour": "blue"}, "define.unknown_field", "colour"),
        (
            {"formats": [{"charset": "hex", "min_length": 1, "max_length": 4, "example": "1"}]},
            "define.choice",
            "charset",
        ),
        (
            {"formats": [{"charset": "digits", "min_length": 6, "max_length": 4, "example": "1"}]},
            "define.range",
            "min_length",
        ),
        (
            {"formats": [{"charset": "digits", "min_length": 1, "max_length": 41, "example": "1"}]},
            "define.range",
            "max_length",
        ),
        (
            {"formats": [{"charset": "digits", "min_length": 4, "max_length": 6, "example": "12"}]},
            "registers.define.example",
            "example",
        ),
        (
            # Not canonical: the stored form would be "1234".
            {
                "formats": [
                    {"charset": "digits", "min_length": 4, "max_length": 6, "example": "12.34"}
                ]
            },
            "registers.define.example",
            "example",
        ),
        (
            {
                "formats": [
                    {"charset": "digits", "min_length": 4, "max_length": 6, "example": "1234"},
                    # Every number of this shape is already read by the first: unreachable.
                    {"charset": "digits", "min_length": 5, "max_length": 5, "example": "12345"},
                ]
            },
            "registers.define.example",
            "example",
        ),
        (
            {
                "formats": [
                    {
                        "charset": "digits",
                        "min_length": 4,
                        "max_length": 6,
                        "example": "1234",
                        "paste_prefix": "#RP",
                    }
                ]
            },
            "registers.define.prefix",
            "paste_prefix",
        ),
        (
            {
                "formats": [
                    {
                        "charset": "digits",
                        "min_length": 4,
                        "max_length": 6,
                        "example": "1234",
                        "typed_prefixes": ["R-P"],
                    }
                ]
            },
            "registers.define.prefix",
            "typed_prefixes",
        ),
    ],
)
def test_malformed_register_definitions_are_refused(
    changes: dict[str, Any], key: str, field: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        merge_registers([_new_register(**changes)])
    assert (caught.value.key, caught.value.field) == (key, field)
    assert t("nl", key, **caught.value.params) and t("en", key, **caught.value.params)


def test_a_register_that_is_not_a_mapping_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        merge_registers(["big"])
    assert caught.value.key == "define.wrong_type"


def test_the_same_key_twice_among_the_additions_is_refused() -> None:
    with pytest.raises(Conflict) as caught:
        merge_registers([_new_register(), _new_register(name="Registerplein (nieuw)")])
    assert caught.value.key == "define.duplicate"
    assert caught.value.params == {"code": "registerplein"}


# --- professions ------------------------------------------------------------------------------


def test_the_bundled_professions_name_known_registers() -> None:
    professions = all_professions()
    keys = {p.key for p in professions}
    assert {"midwife", "maternity_carer", "gynaecologist", "general_practitioner", "nurse"} <= keys
    assert {"carer", "youth_professional", "psychologist", "confidential_adviser"} <= keys
    for profession in professions:
        for register_key in profession.registers:
            register_by_key(register_key)
    assert profession_by_key("midwife").registers == ("big", "knov")
    assert profession_by_key("general_practitioner").registers == ("big", "knmg_rgs")
    assert profession_by_key("confidential_adviser").registers == ("lvv",)


def test_a_client_takes_part_without_wanting_hours() -> None:
    client = profession_by_key("client")
    assert client.wants_hours is False
    assert client.registers == ()
    assert client.name("nl") == "Cliënt / ervaringsdeskundige"
    assert client.name("en") == "Client / expert by experience"
    assert [p.key for p in all_professions() if not p.wants_hours] == ["client"]


def test_the_secretariat_adds_a_profession_for_its_own_register() -> None:
    registers = merge_registers([_new_register()])
    catalogue = merge_professions(
        [
            {
                "key": "social_worker",
                "name_nl": "Sociaal werker",
                "name_en": "Social worker",
                "registers": ["registerplein"],
            }
        ],
        registers=registers,
    )
    social_worker = catalogue.get("social_worker")
    assert social_worker.registers == ("registerplein",)
    assert social_worker.wants_hours is True
    assert "social_worker" not in default_professions()


@pytest.mark.parametrize(
    ("data", "error", "key"),
    [
        (
            {
                "key": "social_worker",
                "name_nl": "Sociaal werker",
                "name_en": "Social worker",
                "registers": ["registerplein"],
            },
            InvalidInput,
            "professions.define.unknown_register",
        ),
        (
            {
                "key": "nurse2",
                "name_nl": "Verpleegkundige",
                "name_en": "Nurse",
                "registers": ["big", "big"],
            },
            InvalidInput,
            "define.duplicate",
        ),
        (
            {"key": "doula", "name_nl": "Doula", "name_en": "", "registers": []},
            InvalidInput,
            "define.required",
        ),
        (
            {"key": "doula", "name_nl": "Doula", "name_en": "Doula", "wants_hours": "no"},
            InvalidInput,
            "define.wrong_type",
        ),
    ],
)
def test_malformed_professions_are_refused(
    data: dict[str, Any], error: type[DomainError], key: str
) -> None:
    with pytest.raises(error) as caught:
        merge_professions([data])
    assert caught.value.key == key


def test_professions_survive_a_round_trip_and_refuse_a_repeated_key() -> None:
    midwife = profession_by_key("midwife").to_data()
    assert merge_professions([midwife]).get("midwife") == profession_by_key("midwife")
    with pytest.raises(Conflict):
        merge_professions([midwife, midwife])
    with pytest.raises(NotFound) as caught:
        profession_by_key("astronaut")
    assert caught.value.key == "professions.unknown"
