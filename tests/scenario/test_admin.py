"""The secretariat: change a group's contact person, set membership types, mark fees paid, list all
groups; everyone else is refused politely and nothing changes."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim
from storage.models import AuditEvent, FeePayment, Group, MembershipType, Person
from tests.support.groups import (
    create_group,
    fill_group,
    responses,
    wait_dm,
    wait_response,
)
from tests.support.people import ADMIN
from tests.support.wait import wait_until

ANNE = "UANNE001"


def _contact_of(engine: Engine, number: int) -> str:
    with engine.connect() as conn:
        return str(
            conn.execute(
                select(Person.slack_user_id)
                .join(Group, Group.contact_person_id == Person.id)
                .where(Group.number == number)
            ).scalar_one()
        )


def _audit_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(AuditEvent)).scalar() or 0)


def test_only_the_secretariat_changes_the_contact_person_and_both_are_told(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    number = create_group(slack, fake_slack, ANNE, name="Overdracht")
    fill_group(slack, fake_slack, number, ["UBRAM002"])
    before = _audit_count(db_engine)

    # Anne (contact person, not secretariat) may not do it herself.
    slack.command(ANNE, f"admin contactpersoon {number} <@UBRAM002|bram>")
    assert "alleen het secretariaat" in wait_response(fake_slack, "secretariaat").lower()
    assert _contact_of(db_engine, number) == ANNE
    assert _audit_count(db_engine) == before

    # The new one must be a member of the group.
    slack.command(ADMIN, f"admin contactpersoon {number} <@UZOE0003|zoe>")
    wait_response(fake_slack, "moet deelnemer zijn van groep")
    assert _contact_of(db_engine, number) == ANNE

    slack.command(ADMIN, f"admin contactpersoon {number} <@UBRAM002|bram>")
    wait_response(fake_slack, "is nu contactpersoon")
    assert _contact_of(db_engine, number) == "UBRAM002"
    assert (
        "Het secretariaat heeft je contactpersoon gemaakt"
        in wait_dm(fake_slack, "UBRAM002", "contactpersoon gemaakt")["text"]
    )
    assert "Bram Jansen" in wait_dm(fake_slack, ANNE, "Jij bent dat niet meer")["text"]
    with db_engine.connect() as conn:
        actions = conn.execute(select(AuditEvent.action)).scalars().all()
    assert "contact_person_changed" in actions

    # Now Anne is an ordinary member and may leave; Bram as contact person may not.
    slack.command("UBRAM002", f"afmelden {number}")
    wait_response(fake_slack, "opvolger")
    slack.command(ANNE, f"afmelden {number}")
    wait_response(fake_slack, "Weet je zeker")


def test_membership_and_fee_paid_by_the_secretariat(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    slack.command(ADMIN, "admin lidmaatschap <@UZOE0003|zoe> deelnemer")
    wait_response(fake_slack, "Lidmaatschap van Zoë Şahin-Łukasiewicz")
    slack.command(ADMIN, "admin betaald <@UZOE0003|zoe> 2026")
    wait_response(fake_slack, "voor 2026 betaald")
    slack.command(ADMIN, "admin betaald <@UZOE0003|zoe> 2026")
    wait_response(fake_slack, "stond al als betaald")
    slack.command(ADMIN, "admin lidmaatschap <@UDAAN004> lid 4711")
    wait_response(fake_slack, "lidnummer 4711")
    with db_engine.connect() as conn:
        zoe = conn.execute(select(Person).where(Person.slack_user_id == "UZOE0003")).one()
        daan = conn.execute(select(Person).where(Person.slack_user_id == "UDAAN004")).one()
        payments = conn.execute(select(FeePayment.year)).scalars().all()
        actions = conn.execute(select(AuditEvent.action)).scalars().all()
    assert zoe.membership_type == MembershipType.PARTICIPANT
    assert (daan.membership_type, daan.member_number) == (MembershipType.MEMBER, "4711")
    assert payments == [2026]
    assert actions.count("membership_changed") == 2 and actions.count("fee_paid") == 1


def test_bad_secretariat_input_gets_clear_messages_and_changes_nothing(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    number = create_group(slack, fake_slack, ANNE, name="Admin fouten")
    before = _audit_count(db_engine)
    cases = [
        (ADMIN, "admin", "Secretariaat"),
        (ADMIN, "admin lidmaatschap <@UZOE0003> koning", "is geen lidmaatschap"),
        (ADMIN, "admin lidmaatschap <@UZOE0003> lid", "ook het lidnummer"),
        (ADMIN, "admin lidmaatschap zoe deelnemer", "Noem de persoon met @"),
        (ADMIN, "admin betaald <@UZOE0003> vorigjaar", "is geen jaartal"),
        (ADMIN, "admin contactpersoon 9999 <@UZOE0003>", "geen intervisiegroep met nummer 9999"),
        (ADMIN, f"admin contactpersoon {number} <@UANNE001>", "is al contactpersoon"),
        ("UBRAM002", "admin betaald <@UBRAM002> 2026", "Dit kan alleen het secretariaat"),
        ("UBRAM002", "admin groepen", "Dit kan alleen het secretariaat"),
    ]
    for user, text, expected in cases:
        slack.command(user, text)
        wait_response(fake_slack, expected)
    assert _audit_count(db_engine) == before
    with db_engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(FeePayment)).scalar() == 0
        assert (
            conn.execute(
                select(func.count()).select_from(Person).where(Person.membership_type.is_not(None))
            ).scalar()
            == 0
        )


def test_secretariat_lists_all_groups_including_closed_ones(
    slack: SlackSim, fake_slack: FakeSlack
) -> None:
    create_group(slack, fake_slack, ANNE, name="Open voor iedereen")
    create_group(slack, fake_slack, "UBRAM002", name="Besloten", values={"group_open": "no"})
    slack.command(ADMIN, "admin groepen")
    text = wait_until(
        lambda: next((r for r in responses(fake_slack) if "Alle groepen" in r), None),
        what="admin list",
    )
    assert "Open voor iedereen" in text and "Besloten" in text
    assert "gesloten" in text and "contactpersoon Bram Jansen" in text
