"""The secretariat: change a group's contact person, set membership types, mark fees paid, list all
groups; everyone else is refused politely and nothing changes."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim
from bot.i18n import t_plain
from storage.models import AuditEvent, FeePayment, Group, MembershipType, Person
from tests.support.groups import (
    create_group,
    fill_group,
    responses,
    wait_dm,
    wait_response,
)
from tests.support.people import ADMIN
from tests.support.texts import said
from tests.support.wait import wait_until

ANNE = "UANNE001"
ANNE_NAME, BRAM = "Anne de Vries", "Bram Jansen"


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
    wait_response(fake_slack, said("admin.only_secretariat"))
    assert _contact_of(db_engine, number) == ANNE
    assert _audit_count(db_engine) == before

    # The new one must be a member of the group.
    slack.command(ADMIN, f"admin contactpersoon {number} <@UZOE0003|zoe>")
    wait_response(fake_slack, said("admin.contact.not_member", number=number))
    assert _contact_of(db_engine, number) == ANNE

    slack.command(ADMIN, f"admin contactpersoon {number} <@UBRAM002|bram>")
    group = {"number": number, "name": "Overdracht"}
    wait_response(fake_slack, said("admin.contact.done", new=BRAM, old=ANNE_NAME, **group))
    assert _contact_of(db_engine, number) == "UBRAM002"
    wait_dm(fake_slack, "UBRAM002", said("admin.contact.dm_new", new=BRAM, **group))
    wait_dm(fake_slack, ANNE, said("admin.contact.dm_old", new=BRAM, **group))
    with db_engine.connect() as conn:
        actions = conn.execute(select(AuditEvent.action)).scalars().all()
    assert "contact_person_changed" in actions

    # Now Anne is an ordinary member and may leave; Bram as contact person may not.
    slack.command("UBRAM002", f"verlaten {number}")
    wait_response(fake_slack, said("leave.contact_person", number=number))
    slack.command(ANNE, f"verlaten {number}")
    wait_response(fake_slack, said("leave.confirm", **group))


def test_membership_and_fee_paid_by_the_secretariat(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    zoe = "Zoë Şahin-Łukasiewicz"
    slack.command(ADMIN, "admin lidmaatschap <@UZOE0003|zoe> deelnemer")
    # No association name set yet: the membership is named in general terms.
    without = t_plain("nl", "association.without.generic")
    participant = t_plain("nl", "membership.label.participant", fee="75", without_text=without)
    wait_response(fake_slack, said("admin.membership.done", who=zoe, membership=participant))
    slack.command(ADMIN, "admin betaald <@UZOE0003|zoe> 2026")
    wait_response(fake_slack, said("admin.fee.done", who=zoe, year=2026))
    slack.command(ADMIN, "admin betaald <@UZOE0003|zoe> 2026")
    wait_response(fake_slack, said("admin.fee.already", year=2026))
    slack.command(ADMIN, "admin lidmaatschap <@UDAAN004> lid 4711")
    option = t_plain("nl", "association.member_option.generic")
    member = t_plain("nl", "membership.label.member", number="4711", member_option=option)
    wait_response(
        fake_slack, said("admin.membership.done", who="Daan van der Berg", membership=member)
    )
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
    only_secretariat = said("admin.only_secretariat")
    cases = [
        (ADMIN, "admin", said("admin.usage")),
        (
            ADMIN,
            "admin lidmaatschap <@UZOE0003> koning",
            said("admin.membership.bad_type", given="koning"),
        ),
        (ADMIN, "admin lidmaatschap <@UZOE0003> lid", said("admin.membership.number_required")),
        (ADMIN, "admin lidmaatschap zoe deelnemer", said("admin.bad_user")),
        (
            ADMIN,
            "admin betaald <@UZOE0003> vorigjaar",
            said("admin.fee.bad_year", given="vorigjaar"),
        ),
        (ADMIN, "admin contactpersoon 9999 <@UZOE0003>", said("group.not_found", number=9999)),
        (
            ADMIN,
            f"admin contactpersoon {number} <@UANNE001>",
            said("admin.contact.already", number=number),
        ),
        ("UBRAM002", "admin betaald <@UBRAM002> 2026", only_secretariat),
        ("UBRAM002", "admin groepen", only_secretariat),
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
    closed = create_group(
        slack, fake_slack, "UBRAM002", name="Besloten", values={"group_open": "no"}
    )
    slack.command(ADMIN, "admin groepen")
    title = said("admin.groups.title", total=2)
    text = wait_until(
        lambda: next((r for r in responses(fake_slack) if title in r), None),
        what="admin list",
    )
    assert "Open voor iedereen" in text
    line = said(
        "admin.groups.line",
        number=closed,
        name="Besloten",
        members=1,
        max=10,
        status=t_plain("nl", "group.status.forming"),
        open=t_plain("nl", "admin.groups.closed"),
        contact=BRAM,
    )
    assert line in text
