"""Professions, registrations and accreditation on a real database: bad input refused with clear
messages and nothing half-written, the certificate's register chosen from the holder's
registrations and the group's accreditation, the secretariat's catalogue, hours per register,
presence rows that name who has no usable number, and the AVG export and deletion."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import Conflict, InvalidFields, NotAllowed, NotFound
from bot.i18n import t_plain
from bot.registers import register_by_key
from bot.services import accreditations, catalogues, privacy, profiles
from bot.services.accreditations import AccreditationDraft, certificate_register, document_numbers
from bot.services.register_hours import register_cycle, register_meters
from bot.services.register_presence import meeting_presence
from storage.models import (
    Accreditation,
    AccreditationStatus,
    Attendance,
    AuditEvent,
    Certificate,
    CertificateKind,
    CertificateStatus,
    Group,
    MembershipType,
    Person,
    PersonProfession,
    PointsBasis,
    Registration,
)
from tests.support.attendance import SeededGroup, add_meeting, seed_group

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
AMS = ZoneInfo("Europe/Amsterdam")
ANNE, BRAM, ZOE = "UANNE001", "UBRAM002", "UZOE0003"


@pytest.fixture
def group(clean_db: Engine) -> SeededGroup:
    """A group of three: Anne (contact person), Bram and Zoë."""
    return seed_group(clean_db, members=(ANNE, BRAM, ZOE))


@pytest.fixture
def session(clean_db: Engine) -> Iterator[Session]:
    """A session whose changes are rolled back unless the test commits."""
    with Session(clean_db) as s:
        yield s


def actor(seeded: SeededGroup, user: str, *, lang: str = "nl", secretariat: bool = False) -> Actor:
    """The scenario user as an Actor."""
    return Actor(
        team_id="T1",
        user_id=user,
        person_id=seeded.people[user],
        name=user,
        lang="en" if lang == "en" else "nl",
        tz=AMS,
        is_secretariat=secretariat,
    )


def save(session: Session, who: Actor, professions: list[str], numbers: dict[str, str]) -> None:
    """Save a profile and commit."""
    draft = profiles.ProfileDraft(professions=professions, registrations=list(numbers.items()))
    profiles.save_profile(session, actor=who, draft=draft, now=NOW)
    session.commit()


def stored(session: Session, person_id: int) -> tuple[set[str], dict[str, str]]:
    """What is stored for a person."""
    session.expire_all()
    keys = set(
        session.scalars(
            select(PersonProfession.profession_key).where(PersonProfession.person_id == person_id)
        )
    )
    numbers = {
        r.register_key: r.number
        for r in session.scalars(select(Registration).where(Registration.person_id == person_id))
    }
    return keys, numbers


# --- the profile ------------------------------------------------------------------------------


def test_every_bad_field_is_named_and_nothing_is_written(
    session: Session, group: SeededGroup
) -> None:
    anne = actor(group, ANNE)
    save(session, anne, ["midwife"], {"knov": "12345678901"})
    draft = profiles.ProfileDraft(
        professions=["astronaut"],
        registrations=[("zzz", "1"), ("big", "123"), ("skj", "123456"), ("skj", "654321")],
    )
    with pytest.raises(InvalidFields) as caught:
        profiles.save_profile(session, actor=anne, draft=draft, now=NOW)
    problems = {field: error.key for field, error in caught.value.problems.items()}
    assert problems == {
        "professions": "professions.unknown",
        "number:zzz": "registers.unknown",
        "number:big": "registers.number.invalid",
        "number:skj": "registers.duplicate",
    }
    session.rollback()
    assert stored(session, anne.person_id) == ({"midwife"}, {"knov": "12345678901"})


def test_an_empty_number_removes_the_registration_and_the_audit_log_names_no_numbers(
    session: Session, group: SeededGroup
) -> None:
    bram = actor(group, BRAM)
    save(session, bram, ["general_practitioner"], {"big": "98765432109", "knmg_rgs": "98765432109"})
    save(session, bram, ["general_practitioner"], {"big": "", "knmg_rgs": "987.654.321.09"})
    assert stored(session, bram.person_id) == (
        {"general_practitioner"},
        {"knmg_rgs": "98765432109"},
    )
    events = session.scalars(select(AuditEvent).where(AuditEvent.action == "profile_updated")).all()
    assert len(events) == 2
    assert all("98765432109" not in str(e.details) for e in events)
    assert events[-1].details["registers"] == ["knmg_rgs"]


def test_a_member_keeps_a_member_number_apart_from_registrations(
    session: Session, group: SeededGroup
) -> None:
    zoe = actor(group, ZOE)
    person = session.get_one(Person, zoe.person_id)
    person.membership_type = MembershipType.MEMBER
    person.member_number = "4711"
    session.commit()
    empty = profiles.ProfileDraft(professions=[], registrations=[], member_number=" ")
    with pytest.raises(InvalidFields) as caught:
        profiles.save_profile(session, actor=zoe, draft=empty, now=NOW)
    assert set(caught.value.problems) == {"member_number"}
    session.rollback()
    draft = profiles.ProfileDraft(
        professions=["confidential_adviser"], registrations=[("lvv", "4712")], member_number="4712"
    )
    profiles.save_profile(session, actor=zoe, draft=draft, now=NOW)
    session.commit()
    session.expire_all()
    assert session.get_one(Person, zoe.person_id).member_number == "4712"
    assert stored(session, zoe.person_id)[1] == {"lvv": "4712"}


def test_only_clients_take_part_without_hours(session: Session, group: SeededGroup) -> None:
    anne, zoe = actor(group, ANNE), actor(group, ZOE)
    everyone = [anne.person_id, zoe.person_id]
    assert profiles.without_hours(session, person_ids=everyone, team_id="T1") == set()
    save(session, anne, ["midwife"], {})
    save(session, zoe, ["client"], {})
    assert profiles.without_hours(session, person_ids=everyone, team_id="T1") == {zoe.person_id}
    save(session, zoe, ["client", "nurse"], {})
    assert profiles.without_hours(session, person_ids=everyone, team_id="T1") == set()


# --- accreditation ----------------------------------------------------------------------------


def _draft(register: str, **changes: object) -> AccreditationDraft:
    values: dict[str, object] = {
        "register_key": register,
        "status": AccreditationStatus.GRANTED,
        "activity_id": "PE-1",
        "points": "2",
        "basis": PointsBasis.MEETING,
    }
    values.update(changes)
    return AccreditationDraft(**values)  # type: ignore[arg-type]


def test_accreditation_refusals_are_named_per_field(session: Session, group: SeededGroup) -> None:
    anne, bram = actor(group, ANNE), actor(group, BRAM)
    save(session, bram, ["general_practitioner"], {"knmg_rgs": "98765432109"})
    team_group = session.get_one(Group, group.group_id)
    with pytest.raises(NotAllowed):
        accreditations.record_accreditation(
            session, actor=bram, group=team_group, draft=_draft("knmg_rgs"), now=NOW
        )
    cases = {
        "unknown": (_draft("zzz"), {"register": "registers.unknown"}),
        "nobody": (_draft("knov"), {"register": "accreditation.nobody"}),
        "incomplete": (
            _draft("knmg_rgs", activity_id=" ", points=""),
            {
                "activity_id": "accreditation.activity_required",
                "points": "accreditation.points_required",
            },
        ),
        "points": (_draft("knmg_rgs", points="0"), {"points": "accreditation.points_invalid"}),
        "cents": (_draft("knmg_rgs", points="1,234"), {"points": "accreditation.points_invalid"}),
    }
    for name, (draft, expected) in cases.items():
        with pytest.raises(InvalidFields) as caught:
            accreditations.record_accreditation(
                session, actor=anne, group=team_group, draft=draft, now=NOW
            )
        got = {field: error.key for field, error in caught.value.problems.items()}
        assert got == expected, name
    assert session.scalars(select(Accreditation)).all() == []
    # Applied for: no activity id or points needed yet; then granted, the same row is updated.
    applied = _draft("knmg_rgs", status=AccreditationStatus.REQUESTED, activity_id="", points="")
    first, _ = accreditations.record_accreditation(
        session, actor=anne, group=team_group, draft=applied, now=NOW
    )
    second, register = accreditations.record_accreditation(
        session, actor=anne, group=team_group, draft=_draft("knmg_rgs", points="1,5"), now=NOW
    )
    assert first.id == second.id and register.key == "knmg_rgs"
    assert (second.status, second.points) == (AccreditationStatus.GRANTED, Decimal("1.5"))


def test_points_per_hour_follow_the_net_time() -> None:
    row = Accreditation(points=Decimal("1.5"), points_basis=PointsBasis.HOUR)
    assert accreditations.points_for(row, net_minutes=135) == Decimal("3.38")
    assert accreditations.points_for(row, net_minutes=120) == Decimal("3.00")
    per_meeting = Accreditation(points=Decimal("2"), points_basis=PointsBasis.MEETING)
    assert accreditations.points_for(per_meeting, net_minutes=45) == Decimal("2")


def test_the_certificate_names_the_accredited_register_else_a_usual_one(
    session: Session, group: SeededGroup
) -> None:
    anne = actor(group, ANNE)
    team_group = session.get_one(Group, group.group_id)
    assert (
        certificate_register(session, group=team_group, person_id=anne.person_id, net_minutes=120)
        is None
    )
    save(session, anne, ["midwife"], {"big": "12345678901", "knov": "12345678901", "nip": "12345"})
    chosen = certificate_register(
        session, group=team_group, person_id=anne.person_id, net_minutes=120
    )
    # No accreditation: the first register of her profession, in catalogue order.
    assert chosen is not None and chosen.register.key == "big" and chosen.activity_id is None
    applied = _draft("knov", status=AccreditationStatus.REQUESTED)
    accreditations.record_accreditation(
        session, actor=anne, group=team_group, draft=applied, now=NOW
    )
    chosen = certificate_register(
        session, group=team_group, person_id=anne.person_id, net_minutes=120
    )
    assert chosen is not None and (chosen.register.key, chosen.points) == ("knov", None)
    accreditations.record_accreditation(
        session, actor=anne, group=team_group, draft=_draft("nip", activity_id="NIP-9"), now=NOW
    )
    chosen = certificate_register(
        session, group=team_group, person_id=anne.person_id, net_minutes=120
    )
    assert chosen is not None
    assert (chosen.register.key, chosen.activity_id, chosen.points) == (
        "nip",
        "NIP-9",
        Decimal("2"),
    )


def test_the_document_labels_each_number_in_the_readers_language() -> None:
    certificate = Certificate(
        member_number="4711",
        registration_number="12345678901",
        register_key="knov",
        number_label="BIG-nummer",
        activity_id="PE-1",
        points=Decimal("2.00"),
    )
    registers = catalogues.builtin_catalogues().registers
    english = document_numbers(certificate, lang="en", registers=registers)
    assert english == {
        "registration_number": "4711",
        "registration_label": t_plain("en", "registers.member_number"),
        "register_label": "BIG number",
        "register_number": "12345678901",
        "accreditation_register": register_by_key("knov").name,
        "activity_id": "PE-1",
        "activity_points": 2.0,
    }
    # One number that is both (an LVV member in the LVV register) is printed once.
    same = Certificate(member_number="4711", registration_number="4711", register_key="lvv")
    dutch = document_numbers(same, lang="nl", registers=registers)
    assert dutch["registration_number"] is None and dutch["register_label"] == "Lidnummer LVV"
    # Issued before registers existed: the number is the member number; without the label the
    # association gave it then, it is called what every association calls it.
    legacy = Certificate(registration_number="LVV-1")
    old = document_numbers(legacy, lang="nl", registers=registers)
    member_number = t_plain("nl", "registers.member_number")
    assert (old["registration_label"], old["registration_number"]) == (member_number, "LVV-1")
    labelled = Certificate(registration_number="LVV-1", member_label="Lidnummer LVV")
    assert document_numbers(labelled, lang="nl", registers=registers)["registration_label"] == (
        "Lidnummer LVV"
    )
    assert old["register_number"] == "" and old["accreditation_register"] == ""


# --- the secretariat's catalogue ------------------------------------------------------------


REGISTERPLEIN = {
    "key": "registerplein",
    "name": "Registerplein",
    "short_name": "Registerplein",
    "label_nl": "Registratienummer Registerplein",
    "label_en": "Registerplein registration number",
    "presence": "pe_online",
    "formats": [{"charset": "digits", "min_length": 8, "max_length": 10, "example": "46101234"}],
    "cycle_years": 5,
    "target_hours": 60,
}


def test_the_secretariat_adds_a_register_and_a_profession_and_removes_them_when_unused(
    session: Session, group: SeededGroup
) -> None:
    office, bram = actor(group, ANNE, secretariat=True), actor(group, BRAM)
    with pytest.raises(NotAllowed):
        catalogues.define_register(session, actor=bram, data=REGISTERPLEIN, now=NOW)
    catalogues.define_register(session, actor=office, data=REGISTERPLEIN, now=NOW)
    catalogues.define_profession(
        session,
        actor=office,
        data={
            "key": "social_worker",
            "name_nl": "Sociaal werker",
            "name_en": "Social worker",
            "registers": ["registerplein"],
        },
        now=NOW,
    )
    session.commit()
    cats = catalogues.for_team(session, team_id="T1")
    assert "registerplein" in cats.registers and "social_worker" in cats.professions
    assert cats.added_registers == {"registerplein"}
    save(session, bram, ["social_worker"], {"registerplein": "4610 1234"})
    assert stored(session, bram.person_id)[1] == {"registerplein": "46101234"}
    entries = {e.key: e.id for e in catalogues.added_entries(session, actor=office)}
    # In use by a registration (and by the profession): refused, nothing removed.
    with pytest.raises(Conflict) as caught:
        catalogues.remove_entry(session, actor=office, entry_id=entries["registerplein"], now=NOW)
    assert caught.value.key == "catalogue.in_use"
    save(session, bram, [], {"registerplein": ""})
    catalogues.remove_entry(session, actor=office, entry_id=entries["social_worker"], now=NOW)
    catalogues.remove_entry(session, actor=office, entry_id=entries["registerplein"], now=NOW)
    session.commit()
    assert "registerplein" not in catalogues.for_team(session, team_id="T1").registers
    with pytest.raises(NotFound):
        catalogues.remove_entry(session, actor=office, entry_id=entries["registerplein"], now=NOW)


def test_a_corrected_built_in_register_replaces_it_and_comes_back_when_removed(
    session: Session, group: SeededGroup
) -> None:
    office = actor(group, ANNE, secretariat=True)
    data = register_by_key("knov").to_data()
    data["formats"][0]["paste_prefix"] = ""
    catalogues.define_register(session, actor=office, data=data, now=NOW)
    session.commit()
    knov = catalogues.for_team(session, team_id="T1").register("knov")
    assert knov.paste_form("12345678901") == "12345678901"
    [entry] = catalogues.added_entries(session, actor=office)
    catalogues.remove_entry(session, actor=office, entry_id=entry.id, now=NOW)
    assert (
        catalogues.for_team(session, team_id="T1").register("knov").paste_form("12345678901")
        == "BIG-12345678901"
    )


def test_keys_made_from_names_are_valid_keys() -> None:
    assert catalogues.key_for("Sociaal Werker (SKJ)") == "sociaal_werker_skj"
    assert catalogues.key_for("V&VN") == "v_vn"
    assert catalogues.key_for("Ŝ") == "s_x"
    assert catalogues.key_for("123 register") == "x_123_register"


# --- hours per register -----------------------------------------------------------------------


def test_register_cycles_follow_the_personal_start_or_the_calendar() -> None:
    assert register_cycle(today=date(2026, 11, 20), start=None, years=5) == (
        date(2022, 1, 1),
        date(2027, 1, 1),
    )
    assert register_cycle(today=date(2026, 11, 20), start=date(2019, 3, 1), years=5) == (
        date(2024, 3, 1),
        date(2029, 3, 1),
    )


def _certificate(session: Session, *, person_id: int, day: datetime, minutes: int) -> None:
    session.add(
        Certificate(
            team_id="T1",
            number=f"IV-{day:%Y%m%d}-{person_id}",
            verification_code=f"code-{day:%Y%m%d}-{person_id}",
            kind=CertificateKind.PARTICIPATION,
            status=CertificateStatus.VALID,
            person_id=person_id,
            holder_name="x",
            group_number=1001,
            group_name="g",
            contact_person_name="c",
            meeting_starts_at=day,
            net_minutes=minutes,
            issued_at=day,
        )
    )


def test_hours_per_register_each_in_its_own_cycle(session: Session, group: SeededGroup) -> None:
    anne = actor(group, ANNE)
    person = session.get_one(Person, anne.person_id)
    # Four hours in 2021 (outside KNOV's 5-year cycle), two in 2023, two in 2026.
    for when, minutes in (
        (datetime(2021, 5, 3, 8, tzinfo=UTC), 240),
        (datetime(2023, 5, 3, 8, tzinfo=UTC), 120),
        (datetime(2026, 5, 4, 8, tzinfo=UTC), 120),
    ):
        _certificate(session, person_id=person.id, day=when, minutes=minutes)
    session.commit()
    cats = catalogues.builtin_catalogues()
    held = [cats.register("knov")]
    assert (
        register_meters(session, person=person, held=held, today=date(2026, 11, 20), tz=AMS) == []
    )
    held = [cats.register("big"), cats.register("knov"), cats.register("lvv")]
    meters = {
        m.register.key: m
        for m in register_meters(
            session, person=person, held=held, today=date(2026, 11, 20), tz=AMS
        )
    }
    assert set(meters) == {"knov", "lvv"}  # the BIG register keeps no education hours
    assert (meters["knov"].minutes, meters["knov"].norm.target_hours) == (240, 200)
    assert meters["knov"].start == date(2022, 1, 1)
    assert (meters["lvv"].minutes, meters["lvv"].norm.cycle_years) == (240, 4)
    assert meters["lvv"].start == date(2023, 1, 1)


# --- presence rows ----------------------------------------------------------------------------


def test_presence_names_apart_who_has_no_usable_number(
    session: Session, group: SeededGroup, clean_db: Engine
) -> None:
    anne, bram = actor(group, ANNE), actor(group, BRAM)
    save(session, anne, ["midwife"], {"knov": "12345678901"})
    save(session, bram, ["general_practitioner"], {"knmg_rgs": "98765432109"})
    # Zoë said nothing about professions or registers: she may belong on any list.
    meeting_id = add_meeting(clean_db, group_id=group.group_id, starts_at=NOW - timedelta(days=3))
    for user in (ANNE, BRAM, ZOE):
        session.add(
            Attendance(
                meeting_id=meeting_id,
                person_id=group.people[user],
                present=True,
                net_minutes=120,
                registered_at=NOW,
            )
        )
    session.commit()
    knov, _, _ = meeting_presence(session, meeting_id=meeting_id, register_key="knov", tz=AMS)
    assert knov.export.paste_list == "BIG-12345678901\n"
    assert [r.name for r in knov.export.without_number] == ["Zoë Şahin-Łukasiewicz"]
    # Bram, a GP, has nothing to do with KNOV: on neither list.
    assert all(r.name != "Bram Jansen" for r in knov.export.unreadable + knov.export.without_number)
    # A stored number that no longer fits (the secretariat changed the format) is named apart.
    office = actor(group, ANNE, secretariat=True)
    data = register_by_key("knmg_rgs").to_data()
    data["formats"][0].update({"min_length": 12, "max_length": 12, "example": "123456789012"})
    catalogues.define_register(session, actor=office, data=data, now=NOW)
    session.commit()
    rgs, _, _ = meeting_presence(session, meeting_id=meeting_id, register_key="knmg_rgs", tz=AMS)
    assert rgs.export.paste_list == ""
    assert [r.name for r in rgs.export.unreadable] == ["Bram Jansen"]


# --- privacy ----------------------------------------------------------------------------------


def test_registrations_are_in_the_export_and_gone_after_deletion(
    session: Session, group: SeededGroup
) -> None:
    bram = actor(group, BRAM)
    save(session, bram, ["general_practitioner"], {"knmg_rgs": "98765432109"})
    _certificate(session, person_id=bram.person_id, day=NOW - timedelta(days=2), minutes=120)
    cert = session.scalars(select(Certificate)).one()
    cert.registration_number, cert.register_key, cert.member_number = "98765432109", "knmg_rgs", "9"
    session.commit()
    data = privacy.export_data(session, person_id=bram.person_id)
    assert data["registrations"][0]["number"] == "98765432109"
    assert data["professions"][0]["profession"] == "general_practitioner"
    assert data["certificates"][0]["register"] == "knmg_rgs"
    privacy.delete_my_data(session, actor=bram, now=NOW)
    session.commit()
    assert stored(session, bram.person_id) == (set(), {})
    session.expire_all()
    cert = session.scalars(select(Certificate)).one()
    assert (cert.registration_number, cert.member_number) == (None, None)


def test_a_certificate_is_outdated_once_its_register_grants_accreditation(
    session: Session, group: SeededGroup
) -> None:
    anne = actor(group, ANNE)
    team_group = session.get_one(Group, group.group_id)
    save(session, anne, ["midwife"], {"knov": "12345678901"})
    issued = Certificate(
        person_id=anne.person_id,
        net_minutes=120,
        register_key="knov",
        registration_number="12345678901",
    )
    assert not accreditations.register_changed(session, certificate=issued, group=team_group)
    accreditations.record_accreditation(
        session, actor=anne, group=team_group, draft=_draft("knov"), now=NOW
    )
    assert accreditations.register_changed(session, certificate=issued, group=team_group)
    issued.activity_id, issued.points = "PE-1", Decimal("2.00")
    assert not accreditations.register_changed(session, certificate=issued, group=team_group)
