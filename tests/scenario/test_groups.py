"""Creating a group through the modal, its number, and the directory (filtered, paged, in limits)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sqlalchemy import Engine, func, insert, select, update

from bot import rules
from bot.devtools.blockkit import assert_valid_view
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim
from bot.i18n import t_plain, tn_plain
from handlers.ui.groups_ids import ActionId, BlockId, CallbackId
from handlers.ui.guided_ids import ActionId as GuidedAction
from handlers.ui.guided_ids import CallbackId as GuidedCallback
from storage.models import (
    AuditEvent,
    Enrollment,
    EnrollmentStatus,
    Group,
    GroupForm,
    GroupKind,
    Person,
    Workspace,
)
from tests.support.groups import (
    count_views,
    create_group,
    wait_dm,
    wait_response,
    wait_view,
)
from tests.support.texts import said, texts_in


def test_member_creates_a_group_gets_its_number_by_dm_and_it_is_in_the_directory(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    number = create_group(slack, fake_slack, "UANNE001", name="Utrecht Noord")
    assert number == rules.FIRST_GROUP_NUMBER
    dm = wait_dm(fake_slack, "UANNE001", "Utrecht Noord")
    assert said("group.created.dm", name="Utrecht Noord", number=number) in dm["text"]
    assert said("group.created.minimum", count=5) in dm["text"]

    with db_engine.connect() as conn:
        group = conn.execute(select(Group).where(Group.number == number)).one()
        anne = conn.execute(select(Person.id).where(Person.slack_user_id == "UANNE001")).scalar()
        assert group.contact_person_id == anne
        assert group.max_members == 10 and group.kind == GroupKind.PEER
        enrollment = conn.execute(select(Enrollment).where(Enrollment.group_id == group.id)).one()
        assert enrollment.person_id == anne and enrollment.status == EnrollmentStatus.APPROVED
        actions = conn.execute(select(AuditEvent.action)).scalars().all()
        assert "group_created" in actions

    slack.command("UBRAM002", "groepen")
    text = wait_response(fake_slack, "Utrecht Noord")
    assert str(number) in text
    assert t_plain("nl", "group.status.forming") in text  # one member: forming
    assert f"{tn_plain('nl', 'group.members', 1)}, {tn_plain('nl', 'directory.seats', 9)}" in text


def test_numbers_are_unique_and_never_reused(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    first = create_group(slack, fake_slack, "UANNE001", name="Eerste")
    second = create_group(slack, fake_slack, "UBRAM002", name="Tweede")
    assert second == first + 1
    # Even if a group disappears, its number is not handed out again.
    with db_engine.begin() as conn:
        conn.execute(
            update(Group).where(Group.number == second).values(archived_at=datetime.now(UTC))
        )
    third = create_group(slack, fake_slack, "UZOE0003", name="Derde")
    assert third == second + 1
    with db_engine.connect() as conn:
        assert conn.execute(select(Workspace.last_group_number)).scalar() == third


def test_create_modal_is_valid_and_in_english_for_english_users(
    slack: SlackSim, fake_slack: FakeSlack
) -> None:
    slack.command("UENG0012", "create")
    view = wait_view(fake_slack, "UENG0012", CallbackId.CREATE_GROUP)
    assert_valid_view(view)
    assert view["title"]["text"] == t_plain("en", "group.create.title")
    assert t_plain("en", "group.create.name") in texts_in(view)


def test_sizes_within_bounds_and_a_guided_group_is_started_by_its_supervisor(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    slack.command("UANNE001", "nieuw")
    view = wait_view(fake_slack, "UANNE001", CallbackId.CREATE_GROUP)
    small_peer = slack.submit("UANNE001", view, {ActionId.NAME: "Klein", ActionId.MAX_MEMBERS: "4"})
    assert small_peer.json["errors"][BlockId.MAX_MEMBERS] == t_plain(
        "nl", "group.create.size_out_of_bounds", low=5, count=10
    )

    blank = slack.submit("UANNE001", view, {ActionId.NAME: "   "})
    assert BlockId.NAME in blank.json["errors"]

    # Guided: the form turns into the start of a trajectory, with what was typed so far.
    guided = slack.submit(
        "UANNE001",
        view,
        {
            ActionId.NAME: "Begeleid",
            ActionId.KIND: "guided",
            ActionId.MAX_MEMBERS: "10",
            ActionId.FORM: "online",
        },
    )
    assert guided.json["response_action"] == "update"
    start = guided.json["view"]
    assert_valid_view(start)
    assert start["callback_id"] == GuidedCallback.START
    assert '"Begeleid"' in json.dumps(start)
    with db_engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Group)).scalar() == 0
        assert conn.execute(select(func.count()).select_from(AuditEvent)).scalar() == 0

    ok = slack.submit(
        "UANNE001",
        start,
        {GuidedAction.MEETINGS: "5", GuidedAction.REGISTER_NUMBER: "12345"},
    )
    assert ok.status == 200 and not ok.body, ok.text
    with db_engine.connect() as conn:
        group = conn.execute(select(Group)).one()
        members = conn.execute(select(func.count()).select_from(Enrollment)).scalar()
        anne = conn.execute(select(Person.id).where(Person.slack_user_id == "UANNE001")).scalar()
    # The size was brought within 4–8; the creator guides the group and is not a member of it.
    assert (group.kind, group.form, group.max_members) == (GroupKind.GUIDED, GroupForm.ONLINE, 8)
    assert (group.supervisor_id, group.contact_person_id, members) == (anne, anne, 0)


def test_closed_group_is_not_in_the_directory(slack: SlackSim, fake_slack: FakeSlack) -> None:
    create_group(slack, fake_slack, "UANNE001", name="Open groep")
    create_group(slack, fake_slack, "UBRAM002", name="Dichte groep", values={ActionId.OPEN: "no"})
    slack.command("UZOE0003", "groepen")
    text = wait_response(fake_slack, "Open groep")
    assert "Dichte groep" not in text


def test_directory_with_a_thousand_groups_filters_and_pages_within_limits(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    # Fixture data: 1,000 groups inserted directly (the create flow is tested above).
    slack.command("UANNE001", "help")
    fake_slack.wait_for("response_url")
    now = datetime.now(UTC)
    with db_engine.begin() as conn:
        anne = conn.execute(select(Person.id).where(Person.slack_user_id == "UANNE001")).scalar()
        conn.execute(
            insert(Group),
            [
                {
                    "team_id": "T1",
                    "number": 1001 + i,
                    "name": f"Groep {i:04d} " + "x" * 100,
                    "description": "",
                    "region": "Utrecht" if i % 10 == 0 else "Zwolle",
                    "form": "physical",
                    "kind": "peer",
                    "max_members": 10,
                    "open_for_requests": True,
                    "contact_person_id": anne,
                    "rotation_period_months": 12,
                    "reminder_lead_minutes": [2880, 120],
                    "calendar_token": f"tok{i}",
                    "created_at": now,
                }
                for i in range(1000)
            ],
        )
    slack.command("UBRAM002", "groepen")
    first = fake_slack.wait_for("response_url", count=2)[1].body
    assert len(first["blocks"]) <= 50
    assert "1000" in str(first["blocks"])
    assert said("directory.page", page=1, pages=100) in texts_in(first)
    paging = next(b for b in first["blocks"] if b.get("block_id") == BlockId.PAGING)
    next_button = paging["elements"][0]
    assert next_button["action_id"] == ActionId.DIRECTORY_NEXT

    slack.click(
        "UBRAM002",
        action_id=ActionId.DIRECTORY_NEXT,
        value=next_button["value"],
        message={"ts": "1.0", "channel": "C0GENERAL"},
    )
    second = fake_slack.wait_for("response_url", count=3)[2].body
    assert second["replace_original"] is True
    assert said("directory.page", page=2, pages=100) in texts_in(second)
    assert "Groep 0010" in str(second["blocks"])
    assert json.loads(next_button["value"])["p"] == 1

    slack.command("UBRAM002", "groepen utrecht")
    filtered = fake_slack.wait_for("response_url", count=4)[3].body
    assert said("directory.intro", total=100) in texts_in(filtered)
    assert "Zwolle" not in str(filtered["blocks"])
    assert len(filtered["blocks"]) <= 50


def test_directory_search_without_results_says_so(slack: SlackSim, fake_slack: FakeSlack) -> None:
    slack.command("UBRAM002", "groepen maastricht")
    wait_response(fake_slack, said("directory.empty_filtered", query="maastricht"))


def test_home_shows_my_groups(slack: SlackSim, fake_slack: FakeSlack) -> None:
    number = create_group(slack, fake_slack, "UANNE001", name="Thuisgroep")
    slack.open_home("UANNE001")
    view = fake_slack.wait_for("views.publish")[0].body["view"]
    assert_valid_view(view)
    line = said(
        "home.groups.line",
        count=10,
        number=number,
        name="Thuisgroep",
        members=1,
        status=t_plain("nl", "group.status.forming"),
        lead=said("home.groups.lead"),
    )
    assert said("home.groups.title") + "\n" + line in texts_in(view)


def test_modal_opens_once_per_command(slack: SlackSim, fake_slack: FakeSlack) -> None:
    slack.command("UANNE001", "create")
    wait_view(fake_slack, "UANNE001", CallbackId.CREATE_GROUP)
    assert count_views(fake_slack, "UANNE001", CallbackId.CREATE_GROUP) == 1
