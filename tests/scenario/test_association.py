"""The association's settings in the app: the secretariat's part of the App Home and its forms.
Only the secretariat sees and uses them (workspace admins by default, the people it adds,
INTERVISIE_ADMINS); every change is audited; malformed values are refused inline with nothing
written; the name set here appears in the DMs and on a newly issued certificate."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.clock import ManualClock
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim
from bot.i18n import t, t_plain
from bot.server import Runtime
from handlers.ui.association_ui import ActionId, BlockId, CallbackId
from handlers.ui.attendance_ui import CallbackId as AttendanceCallbackId
from handlers.ui.attendance_ui import member_action_id
from handlers.ui.groups_ids import ActionId as GroupActionId
from handlers.ui.groups_ids import CallbackId as GroupCallbackId
from storage.models import Association, AuditEvent, Certificate, Group, Person, SecretariatMember
from tests.support.app import RuntimeFactory
from tests.support.attendance import files_for, pdf_text
from tests.support.groups import (
    approve,
    count_views,
    create_group,
    wait_dm,
    wait_view,
)
from tests.support.people import ADMIN, SIGNING_SECRET, TEAM
from tests.support.privacy import snapshot
from tests.support.wait import wait_until

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
WORKSPACE_ADMIN = "UWSADM01"
ANNE, BRAM, ZOE = "UANNE001", "UBRAM002", "UZOE0003"
JSON = dict[str, Any]
LVV = {
    "name": "Landelijke Vereniging van Vertrouwenspersonen",
    "short_name": "LVV",
    "member_number_label": "Lidnummer LVV",
    "guide_url": "https://www.lvv.example/intervisiegids",
    "membership_url": "https://www.lvv.example/lid-worden",
}


@pytest.fixture
def app(make_runtime: RuntimeFactory, fake_slack: FakeSlack) -> Runtime:
    """The app on a clock fixed on 20-11-2026, with a workspace admin besides the scenario people."""
    fake_slack.add_user(WORKSPACE_ADMIN, real_name="Wim Beheerder", is_admin=True)
    return make_runtime(clock=ManualClock(NOW))


@pytest.fixture
def slack(app: Runtime, fake_slack: FakeSlack) -> SlackSim:
    """Slack's side."""
    return SlackSim(port=app.port, signing_secret=SIGNING_SECRET, fake=fake_slack, team_id=TEAM)


def home(slack: SlackSim, fake: FakeSlack, user: str) -> JSON:
    """The user's App Home after opening it."""
    before = fake.home_views.get(user, {}).get("hash")
    slack.open_home(user)
    view: JSON = wait_until(
        lambda: (
            (fake.home_views.get(user) or {}).get("hash") not in (None, before)
            and fake.home_views[user]
        ),
        what=f"the App Home of {user}",
    )
    return view


def has_action(view: JSON, action_id: str) -> bool:
    """Whether a view shows a button with this action id."""
    return action_id in str(view)


def open_form(slack: SlackSim, fake: FakeSlack, user: str, action_id: str, callback: str) -> JSON:
    """Press a button of the secretariat's part of the App Home; the form it opens."""
    seen = count_views(fake, user, callback)
    slack.click(user, action_id=action_id, view=home(slack, fake, user))
    return wait_view(fake, user, callback, seen=seen)


def submit_form(slack: SlackSim, user: str, view: JSON, values: dict[str, Any]) -> JSON:
    """Submit a form whose text inputs are keyed by block id (they share one action id)."""
    result = slack.submit(user, view, {(block, ActionId.INPUT): v for block, v in values.items()})
    assert result.status == 200, result.text
    answer: JSON = result.json or {}
    return answer


def audit_actions(engine: Engine) -> list[str]:
    """Every audited action, oldest first."""
    with Session(engine) as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_only_the_secretariat_sees_the_tab_and_its_actions(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    # INTERVISIE_ADMINS and the workspace's admins see it; a member does not.
    assert has_action(home(slack, fake_slack, ADMIN), ActionId.EDIT_IDENTITY)
    assert has_action(home(slack, fake_slack, WORKSPACE_ADMIN), ActionId.EDIT_IDENTITY)
    bram_home = home(slack, fake_slack, BRAM)
    assert not has_action(bram_home, ActionId.EDIT_IDENTITY)
    assert t_plain("nl", "association.home.title") not in str(bram_home)
    form = open_form(slack, fake_slack, ADMIN, ActionId.EDIT_IDENTITY, CallbackId.IDENTITY)

    before = snapshot(db_engine)
    # Bram replays the secretariat's button: refused by DM, no form opens, nothing written.
    slack.click(BRAM, action_id=ActionId.EDIT_RULES, view=bram_home)
    wait_dm(fake_slack, BRAM, t("nl", "admin.only_secretariat"))
    assert count_views(fake_slack, BRAM, CallbackId.RULES) == 0
    # ... and submits the form the secretariat opened: refused inline, nothing written.
    answer = submit_form(slack, BRAM, form, LVV)
    assert answer["response_action"] == "errors"
    assert t_plain("nl", "admin.only_secretariat") in str(answer["errors"])
    assert snapshot(db_engine) == before


def test_the_name_set_in_the_app_appears_in_the_dms_and_on_a_new_certificate(
    app: Runtime, slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    form = open_form(slack, fake_slack, ADMIN, ActionId.EDIT_IDENTITY, CallbackId.IDENTITY)
    assert submit_form(slack, ADMIN, form, LVV) == {}
    with Session(db_engine) as session:
        saved = session.get_one(Association, TEAM)
        assert (saved.name, saved.short_name) == (LVV["name"], "LVV")
    assert "association_changed" in audit_actions(db_engine)
    # The App Home shows it after the save.
    wait_until(lambda: LVV["name"] in str(fake_slack.home_views.get(ADMIN)), what="the new name")

    number = create_group(slack, fake_slack, ANNE, name="Noord")
    # A first request asks "Ben je LVV-lid?", with the association's own label and fee.
    slack.command(BRAM, f"aanmelden {number}")
    modal = wait_view(fake_slack, BRAM, GroupCallbackId.MEMBERSHIP)
    assert "Ben je LVV-lid?" in str(modal)
    assert "zonder LVV-lidmaatschap" in str(modal)
    labels = [b["label"]["text"] for b in modal["blocks"] if b.get("type") == "input"]
    assert "Lidnummer LVV" in labels
    assert t_plain("nl", "membership.member_number_hint") in str(modal)
    assert LVV["membership_url"] in str(modal)
    slack.submit(
        BRAM,
        modal,
        {GroupActionId.MEMBERSHIP_TYPE: "member", GroupActionId.MEMBER_NUMBER: "LVV-4711"},
    )
    request = wait_dm(fake_slack, ANNE, "Bram Jansen")
    assert "LVV-lid (lidnummer LVV-4711)" in str(request["blocks"])
    approve(slack, fake_slack, ANNE, "Bram Jansen")
    welcome = wait_dm(fake_slack, BRAM, "Welkom")
    assert f"De intervisiegids van {LVV['name']}" in str(welcome["blocks"])

    # A meeting registered now: the new certificate names the association as its issuer.
    with Session(db_engine) as session:
        ids = {p.slack_user_id: p.id for p in session.scalars(select(Person))}
    slack.command(ANNE, f"plan {number} 10-11-2026 19:00 2u")
    view = wait_view(fake_slack, ANNE, AttendanceCallbackId.REGISTER)
    slack.submit(
        ANNE,
        view,
        {
            member_action_id(ids[ANNE]): "facilitator",
            member_action_id(ids[BRAM]): "presenter",
        },
    )
    pdf = wait_until(lambda: files_for(fake_slack, BRAM), what="Bram's certificate")[0]
    text = pdf_text(pdf.content)
    assert "Landelijke Vereniging van" in text and "Vertrouwenspersonen" in text
    assert "LVV-4711" in text
    with Session(db_engine) as session:
        certificate = session.scalars(
            select(Certificate).where(Certificate.person_id == ids[BRAM])
        ).one()
    assert certificate.issuer_name == f"{LVV['name']} (LVV)"
    assert certificate.member_label == "Lidnummer LVV"


def test_malformed_settings_are_refused_inline_and_nothing_is_written(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    rules = open_form(slack, fake_slack, ADMIN, ActionId.EDIT_RULES, CallbackId.RULES)
    fee = open_form(slack, fake_slack, ADMIN, ActionId.EDIT_FEE, CallbackId.FEE)
    identity = open_form(slack, fake_slack, ADMIN, ActionId.EDIT_IDENTITY, CallbackId.IDENTITY)
    before = snapshot(db_engine)
    answer = submit_form(
        slack,
        ADMIN,
        rules,
        {"peer_min_members": "8", "peer_max_members": "6", "retention_years": "0"},
    )
    assert answer["response_action"] == "errors"
    errors = answer["errors"]
    assert errors["peer_min_members"] == t_plain("nl", "association.min_above_max", high=6)
    assert errors["peer_max_members"] == t_plain("nl", "association.max_below_min", low=8)
    assert "retention_years" in errors
    answer = submit_form(slack, ADMIN, fee, {BlockId.FEE: "-75"})
    assert answer["errors"] == {BlockId.FEE: t_plain("nl", "association.fee_negative")}
    answer = submit_form(slack, ADMIN, fee, {BlockId.FEE: "75 euro"})
    assert BlockId.FEE in answer["errors"]
    answer = submit_form(slack, ADMIN, identity, {BlockId.GUIDE_URL: "javascript:alert(1)"})
    assert answer["errors"] == {BlockId.GUIDE_URL: t_plain("nl", "association.bad_link")}
    assert snapshot(db_engine) == before

    # Valid rules are saved (and audited), and new groups follow them at once.
    answer = submit_form(slack, ADMIN, rules, {"peer_min_members": "4", "peer_max_members": "12"})
    assert answer == {}
    assert "rules_changed" in audit_actions(db_engine)
    seen = count_views(fake_slack, ANNE, GroupCallbackId.CREATE_GROUP)
    slack.command(ANNE, "nieuw")
    modal = wait_view(fake_slack, ANNE, GroupCallbackId.CREATE_GROUP, seen=seen)
    result = slack.submit(
        ANNE, modal, {GroupActionId.NAME: "Groot", GroupActionId.MAX_MEMBERS: "12"}
    )
    assert result.status == 200 and not result.body, result.text
    with Session(db_engine) as session:
        assert session.scalars(select(Group.max_members)).one() == 12


def test_the_secretariat_decides_who_belongs_to_it(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    form = open_form(slack, fake_slack, ADMIN, ActionId.EDIT_SECRETARIAT, CallbackId.SECRETARIAT)
    result = slack.submit(ADMIN, form, {ActionId.MEMBERS: [BRAM], ActionId.ADMINS: []})
    assert result.status == 200 and not result.body, result.text
    with Session(db_engine) as session:
        members = session.scalars(
            select(Person.slack_user_id).join(
                SecretariatMember, SecretariatMember.person_id == Person.id
            )
        ).all()
        assert not session.get_one(Association, TEAM).admins_are_secretariat
    assert members == [BRAM]
    # Bram now sees the tab; the workspace admin no longer does (INTERVISIE_ADMINS still does).
    assert has_action(home(slack, fake_slack, BRAM), ActionId.EDIT_IDENTITY)
    assert not has_action(home(slack, fake_slack, WORKSPACE_ADMIN), ActionId.EDIT_IDENTITY)
    assert has_action(home(slack, fake_slack, ADMIN), ActionId.EDIT_IDENTITY)
    assert audit_actions(db_engine).count("secretariat_changed") == 2
    # Zoë is no secretariat member: her own secretariat form submit is refused.
    assert not has_action(home(slack, fake_slack, ZOE), ActionId.EDIT_IDENTITY)
    before = snapshot(db_engine)
    answer = slack.submit(ZOE, form, {ActionId.MEMBERS: [ZOE], ActionId.ADMINS: ["yes"]})
    assert answer.json["response_action"] == "errors"
    assert snapshot(db_engine) == before
