"""Nobody where they don't belong: every action against every kind of actor is allowed exactly
where PRODUCT.md says, refused with a message everywhere else, and a refusal writes nothing (every
row of every table is the same before and after). Another Slack workspace never sees this one's
data, not by typing its group number and not by forging its button values or modal metadata.

Decisions taken from the code where PRODUCT.md is silent: the secretariat may do what a contact
person does for any group (bot/services/access.can_manage); anyone may create a group; a
certificate is sent to its holder only; a calendar feed shows a group's meetings to its members.

The deputy (issue 20; Zoë in this world) plans, registers and decides requests like the contact
person, but does not edit the group, remove members, name a deputy or end the group; the group's
page is for its members and the secretariat; a verslag is confirmed by those present only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.clock import ManualClock
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim, http_request
from bot.server import Runtime
from bot.settings import Settings
from handlers.ui.attendance_ui import ActionId as AttendanceActionId
from handlers.ui.attendance_ui import CallbackId as AttendanceCallbackId
from handlers.ui.attendance_ui import member_action_id
from handlers.ui.group_life_ids import ActionId as LifeActionId
from handlers.ui.group_life_ids import CallbackId as LifeCallbackId
from handlers.ui.groups_ids import ActionId as GroupActionId
from handlers.ui.groups_ids import CallbackId as GroupCallbackId
from handlers.ui.meetings_ui import ActionId as MeetingActionId
from handlers.ui.meetings_ui import CallbackId as MeetingCallbackId
from storage.models import (
    Enrollment,
    EnrollmentStatus,
    Group,
    Meeting,
    MeetingStatus,
    MembershipType,
    Person,
    VerslagConfirmation,
)
from tests.support.app import RuntimeFactory
from tests.support.group_life import errors, name_deputy
from tests.support.install import CLIENT_ID, CLIENT_SECRET, distributed, install
from tests.support.people import SIGNING_SECRET
from tests.support.privacy import (
    ACTORS,
    JSON,
    MEMBER,
    NOW,
    SECOND_MEMBER,
    World,
    approve_value,
    build_world,
    completed_files,
    snapshot,
)
from tests.support.saved_world import restore_if_saved, shared_world
from tests.support.texts import said
from tests.support.wait import wait_until

OTHER_TEAM = "T2"
# The actors of the matrix: the privacy world's, and the group's deputy.
USERS = {**ACTORS, "deputy": SECOND_MEMBER}
# The world with its deputy is built by the first test and copied for the others.
SAVED = "authorization"


@pytest.fixture
def distribution() -> str:
    """ "token": one workspace's SLACK_BOT_TOKEN (the embedded default); "oauth": the app
    installed over OAuth into this workspace and another (the tests below run both)."""
    return "token"


@pytest.fixture
def app(
    make_runtime: RuntimeFactory,
    settings: Settings,
    fake_slack: FakeSlack,
    db_engine: Engine,
    distribution: str,
) -> Runtime:
    """The app on a clock fixed in the afternoon of 20-11-2026; distributed over OAuth and
    installed in both workspaces through the redirect when `distribution` says so."""
    if distribution == "token":
        restore_if_saved(SAVED, engine=db_engine, fake=fake_slack)
        return make_runtime(clock=ManualClock(NOW))
    fake_slack.add_oauth_app(CLIENT_ID, CLIENT_SECRET)
    runtime = make_runtime(clock=ManualClock(NOW), **distributed(settings))
    for team in ("T1", OTHER_TEAM):
        assert install(runtime, fake_slack, team_id=team, installer="UADMIN01").status == 200
    return runtime


@pytest.fixture
def world(
    app: Runtime, fake_slack: FakeSlack, db_engine: Engine, distribution: str
) -> Iterator[World]:
    """Two groups, members, a pending request, meetings and certificates, via the front door
    (built by the first test of the one-workspace runs, copied for the others)."""
    sim = SlackSim(port=app.port, signing_secret=SIGNING_SECRET, fake=fake_slack, team_id="T1")

    def build() -> World:
        built = build_world(sim, fake_slack, app, db_engine)
        # Zoë becomes the deputy, through the contact person's page.
        assert errors(name_deputy(built, ACTORS["contact"], SECOND_MEMBER)) == {}
        return built

    if distribution != "token":
        built = build()
        app.outbox.wait_idle()
        yield built
        return
    yield shared_world(SAVED, slack=sim, runtime=app, engine=db_engine, build=build)


def _message(user: str) -> JSON:
    """A message a click can come from (an ephemeral in the user's DM)."""
    return {"ts": "1700000000.000100", "channel": "D" + user, "blocks": []}


def _views(world: World, user: str, callback_id: str) -> int:
    return len([v for v in world.fake.opened_views(user) if v.get("callback_id") == callback_id])


def _modal_or_response(world: World, user: str, callback_id: str, views: int, seen: int) -> JSON:
    """Wait until either a modal opened for the user or a response came; return the modal or {}."""

    def outcome() -> str | None:
        if _views(world, user, callback_id) > views:
            return "modal"
        if len(world.fake.calls_to("response_url")) > seen:
            return "response"
        return None

    if wait_until(outcome, what="a modal or a reply") == "modal":
        return [v for v in world.fake.opened_views(user) if v.get("callback_id") == callback_id][-1]
    return {}


# ---- the actions: each does it through Slack's front door -------------------------------------


def do_create(world: World, user: str) -> None:
    views = _views(world, user, GroupCallbackId.CREATE_GROUP)
    seen = len(world.fake.calls_to("response_url"))
    world.slack.command(user, "nieuw")
    view = _modal_or_response(world, user, GroupCallbackId.CREATE_GROUP, views, seen)
    result = world.slack.submit(
        user, view, {GroupActionId.NAME: f"Nieuw {user}", GroupActionId.REGION: "Zwolle"}
    )
    assert result.status == 200


def do_decide(world: World, user: str) -> None:
    world.slack.click(
        user,
        action_id=GroupActionId.APPROVE,
        value=approve_value(world),
        message=world.request_message,
    )


def do_plan(world: World, user: str) -> None:
    world.slack.command(user, f"plan {world.number} 23-12-2026 09:00 2u")


def do_change(world: World, user: str) -> None:
    seen = len(world.fake.calls_to("response_url"))
    views = _views(world, user, MeetingCallbackId.MEETING)
    world.slack.click(
        user,
        action_id=MeetingActionId.EDIT,
        value=str(world.future_meeting_id),
        message=_message(user),
    )
    view = _modal_or_response(world, user, MeetingCallbackId.MEETING, views, seen)
    if view:
        result = world.slack.submit(user, view, {MeetingActionId.START: "10:00"})
        assert result.status == 200


def do_cancel(world: World, user: str) -> None:
    world.slack.click(
        user,
        action_id=MeetingActionId.CANCEL,
        value=str(world.future_meeting_id),
        message=_message(user),
    )


def do_register(world: World, user: str) -> None:
    seen = len(world.fake.calls_to("response_url"))
    views = _views(world, user, AttendanceCallbackId.REGISTER)
    world.slack.command(user, f"registreer {world.number}")
    view = _modal_or_response(world, user, AttendanceCallbackId.REGISTER, views, seen)
    if view:
        ids = world.person_ids
        choice = {member_action_id(ids[ACTORS["contact"]]): "facilitator"}
        choice[member_action_id(ids[MEMBER])] = "participant"
        choice[member_action_id(ids[SECOND_MEMBER])] = "presenter"
        result = world.slack.submit(user, view, choice)
        assert result.status == 200


def do_contact_change(world: World, user: str) -> None:
    world.slack.command(user, f"admin contactpersoon {world.number} <@{MEMBER}|bram>")


def do_membership(world: World, user: str) -> None:
    world.slack.command(user, f"admin lidmaatschap <@{SECOND_MEMBER}> deelnemer")


def do_export_csv(world: World, user: str) -> None:
    world.slack.command(user, "admin export 01-01-2026 31-12-2026")


def do_export_mine(world: World, user: str) -> None:
    world.slack.command(user, "mijn-gegevens")


def do_fetch_certificate(world: World, user: str) -> None:
    world.slack.click(
        user,
        action_id=AttendanceActionId.RESEND_CERTIFICATE,
        value=str(world.member_certificate_id),
        message=_message(user),
    )


def _feed_of(world: World, user: str) -> str:
    """The actor's own feed link (from `/intervisie agenda`), fetched."""
    seen = len(world.fake.calls_to("response_url"))
    world.slack.command(user, "agenda")
    calls = wait_until(lambda: world.fake.calls_to("response_url")[seen:], what="agenda")
    body = json.dumps(calls[0].body)
    path = body.split("http://intervisie.test", 1)[1].split(".ics", 1)[0] + ".ics"
    result = http_request(world.runtime.port, "GET", path)
    assert result.status == 200
    return result.text


def do_read_feed(world: World, user: str) -> None:
    _feed_of(world, user)


def do_view_page(world: World, user: str) -> None:
    world.slack.command(user, f"groep {world.number}")


def _life_modal(world: World, user: str, action_id: str, callback_id: str) -> JSON:
    """Press a page button that opens a modal; the modal, or {} when a refusal came instead."""
    seen = len(world.fake.calls_to("response_url"))
    views = _views(world, user, callback_id)
    world.slack.click(user, action_id=action_id, value=str(world.group_id), message=_message(user))
    return _modal_or_response(world, user, callback_id, views, seen)


def do_edit(world: World, user: str) -> None:
    view = _life_modal(world, user, LifeActionId.EDIT, LifeCallbackId.EDIT)
    if view:
        result = world.slack.submit(user, view, {GroupActionId.NAME: f"Nieuw-{user}"})
        assert result.status == 200


def do_remove_member(world: World, user: str) -> None:
    view = _life_modal(world, user, LifeActionId.REMOVE, LifeCallbackId.REMOVE)
    if view:
        values = {
            LifeActionId.MEMBER: str(world.person_ids[MEMBER]),
            LifeActionId.REASON: "other",
            LifeActionId.CONFIRM: ["yes"],
        }
        assert world.slack.submit(user, view, values).status == 200


def do_name_deputy(world: World, user: str) -> None:
    view = _life_modal(world, user, LifeActionId.DEPUTY, LifeCallbackId.DEPUTY)
    if view:
        result = world.slack.submit(user, view, {LifeActionId.DEPUTY_USER: MEMBER})
        assert result.status == 200


def do_end_group(world: World, user: str) -> None:
    world.slack.click(
        user, action_id=LifeActionId.END, value=str(world.group_id), message=_message(user)
    )


def do_confirm_verslag(world: World, user: str) -> None:
    world.slack.click(
        user,
        action_id=LifeActionId.VERSLAG_CONFIRM,
        value=str(world.registered_meeting_id),
        message=_message(user),
    )


# ---- what "it happened" means for each action -------------------------------------------------


def _one(engine: Engine, query: object) -> object:
    with Session(engine) as session:
        return session.scalars(query).one()  # type: ignore[call-overload]


def created(world: World, user: str) -> bool:
    with Session(world.engine) as session:
        return (
            session.scalars(select(Group).where(Group.name == f"Nieuw {user}")).first() is not None
        )


def decided(world: World, user: str) -> bool:
    with Session(world.engine) as session:
        status = session.scalars(
            select(Enrollment.status).where(
                Enrollment.person_id == world.person_ids[ACTORS["pending"]]
            )
        ).one()
    return status is EnrollmentStatus.APPROVED


def planned(world: World, user: str) -> bool:
    with Session(world.engine) as session:
        count = len(
            session.scalars(select(Meeting).where(Meeting.group_id == world.group_id)).all()
        )
    return count == 4


def changed(world: World, user: str) -> bool:
    with Session(world.engine) as session:
        return session.get_one(Meeting, world.future_meeting_id).sequence > 0


def cancelled(world: World, user: str) -> bool:
    with Session(world.engine) as session:
        meeting = session.get_one(Meeting, world.future_meeting_id)
        return meeting.status is MeetingStatus.CANCELLED


def registered(world: World, user: str) -> bool:
    with Session(world.engine) as session:
        meeting = session.get_one(Meeting, world.waiting_meeting_id)
        return meeting.attendance_registered_at is not None


def contact_changed(world: World, user: str) -> bool:
    with Session(world.engine) as session:
        group = session.get_one(Group, world.group_id)
        return group.contact_person_id == world.person_ids[MEMBER]


def membership_set(world: World, user: str) -> bool:
    with Session(world.engine) as session:
        person = session.get_one(Person, world.person_ids[SECOND_MEMBER])
        return person.membership_type is MembershipType.PARTICIPANT


def _files(world: World, user: str, suffix: str) -> int:
    return len([f for f in completed_files(world.fake, user) if f.filename.endswith(suffix)])


def _file_arrives(world: World, user: str, suffix: str, *, before: int = 0) -> bool:
    """After the refusal and an idle outbox: is there a file? Otherwise wait for it to arrive."""
    if not world.waiting:
        return _files(world, user, suffix) > before
    wait_until(
        lambda: _files(world, user, suffix) > before, timeout=10, what=f"a {suffix} for {user}"
    )
    return True


def csv_sent(world: World, user: str) -> bool:
    return _file_arrives(world, user, ".csv")


def data_sent(world: World, user: str) -> bool:
    return _file_arrives(world, user, ".json")


def certificate_sent(world: World, user: str) -> bool:
    # Bram, Anne and Zoë each hold the certificate of the registered meeting already.
    holders = (MEMBER, ACTORS["contact"], SECOND_MEMBER)
    return _file_arrives(world, user, ".pdf", before=1 if user in holders else 0)


def page_shown(world: World, user: str) -> bool:
    header = f"{world.number} · Noord"
    return any(
        header in json.dumps(c.body, ensure_ascii=False)
        for c in world.fake.calls_to("response_url")
    )


def edited(world: World, user: str) -> bool:
    with Session(world.engine) as session:
        return session.get_one(Group, world.group_id).name == f"Nieuw-{user}"


def member_removed(world: World, user: str) -> bool:
    with Session(world.engine) as session:
        status = session.scalars(
            select(Enrollment.status).where(
                Enrollment.person_id == world.person_ids[MEMBER],
                Enrollment.group_id == world.group_id,
            )
        ).one()
    return status is EnrollmentStatus.REMOVED


def deputy_named(world: World, user: str) -> bool:
    with Session(world.engine) as session:
        return session.get_one(Group, world.group_id).deputy_id == world.person_ids[MEMBER]


def group_ended(world: World, user: str) -> bool:
    with Session(world.engine) as session:
        return session.get_one(Group, world.group_id).ended_at is not None


def verslag_confirmed(world: World, user: str) -> bool:
    with Session(world.engine) as session:
        return (
            session.scalars(
                select(VerslagConfirmation).where(
                    VerslagConfirmation.person_id == world.person_ids[user]
                )
            ).first()
            is not None
        )


def feed_shows_group(world: World, user: str) -> bool:
    with Session(world.engine) as session:
        uid = session.get_one(Meeting, world.future_meeting_id).uid
    return uid in _feed_of(world, user)


Action = tuple[Callable[[World, str], None], Callable[[World, str], bool]]
ACTIONS: dict[str, Action] = {
    "create": (do_create, created),
    "decide": (do_decide, decided),
    "plan": (do_plan, planned),
    "change": (do_change, changed),
    "cancel": (do_cancel, cancelled),
    "register": (do_register, registered),
    "change_contact_person": (do_contact_change, contact_changed),
    "set_membership": (do_membership, membership_set),
    "export_hours_csv": (do_export_csv, csv_sent),
    "export_own_data": (do_export_mine, data_sent),
    "fetch_certificate": (do_fetch_certificate, certificate_sent),
    "read_feed": (do_read_feed, feed_shows_group),
    "view_group_page": (do_view_page, page_shown),
    "edit_group": (do_edit, edited),
    "remove_member": (do_remove_member, member_removed),
    "name_deputy": (do_name_deputy, deputy_named),
    "end_group": (do_end_group, group_ended),
    "confirm_verslag": (do_confirm_verslag, verslag_confirmed),
}

# Who may: stranger, pending requester, member, other group's contact person, contact person,
# secretariat, the group's deputy. 1 = allowed, 0 = refused with a message and nothing written.
_ORDER = ("stranger", "pending", "member", "other_contact", "contact", "secretariat", "deputy")
MATRIX: dict[str, tuple[int, int, int, int, int, int, int]] = {
    "create": (1, 1, 1, 1, 1, 1, 1),
    "decide": (0, 0, 0, 0, 1, 1, 1),
    "plan": (0, 0, 0, 0, 1, 1, 1),
    "change": (0, 0, 0, 0, 1, 1, 1),
    "cancel": (0, 0, 0, 0, 1, 1, 1),
    "register": (0, 0, 0, 0, 1, 1, 1),
    "change_contact_person": (0, 0, 0, 0, 0, 1, 0),
    "set_membership": (0, 0, 0, 0, 0, 1, 0),
    "export_hours_csv": (0, 0, 0, 0, 0, 1, 0),
    "export_own_data": (1, 1, 1, 1, 1, 1, 1),
    "fetch_certificate": (0, 0, 1, 0, 0, 0, 0),
    "read_feed": (0, 0, 1, 0, 1, 0, 1),
    "view_group_page": (0, 0, 1, 0, 1, 1, 1),
    "edit_group": (0, 0, 0, 0, 1, 1, 0),
    "remove_member": (0, 0, 0, 0, 1, 1, 0),
    "name_deputy": (0, 0, 0, 0, 1, 1, 0),
    "end_group": (0, 0, 0, 0, 1, 1, 0),
    "confirm_verslag": (0, 0, 1, 0, 1, 0, 1),
}
CASES = [
    pytest.param(action, actor, bool(MATRIX[action][i]), id=f"{action}-{actor}")
    for action in ACTIONS
    for i, actor in enumerate(_ORDER)
]


@pytest.mark.parametrize(("action", "actor", "allowed"), CASES)
def test_authorization_matrix(world: World, action: str, actor: str, allowed: bool) -> None:
    do, happened = ACTIONS[action]
    user = USERS[actor]
    before = snapshot(world.engine)
    seen = len(world.fake.calls_to("response_url"))
    do(world, user)
    world.waiting = allowed
    if allowed:
        # The work runs after the ack: wait for its effect.
        assert wait_until(
            lambda: happened(world, user), timeout=10, what=f"{actor} doing {action}"
        ), f"{actor} should be able to {action}"
        return
    if action == "read_feed":
        # Everyone may read their own feed; it just never shows another group's meetings.
        assert not happened(world, user)
        assert snapshot(world.engine) == before
        return
    refusal = wait_until(
        lambda: [
            c.body
            for c in world.fake.calls_to("response_url")[seen:]
            if c.body.get("text") or c.body.get("blocks")
        ],
        what=f"a refusal for {actor} trying to {action}",
    )[0]
    assert refusal.get("response_type", "ephemeral") == "ephemeral"
    world.runtime.outbox.wait_idle()
    assert not happened(world, user)
    assert snapshot(world.engine) == before, f"{action} by {actor} wrote something"
    assert [f for f in completed_files(world.fake, user) if f.filename.endswith(".csv")] == []


# ---- another workspace ------------------------------------------------------------------------
# With one token every team id reaches the app; distributed, both workspaces are installed over
# OAuth and each acts with its own token. Either way nothing of one is visible in the other.
TWO_WAYS = pytest.mark.parametrize("distribution", ["token", "oauth"])


def _refused_from_other_team(world: World, send: Callable[[], object], contains: str) -> None:
    before = snapshot(world.engine)
    seen = len(world.fake.calls_to("response_url"))
    send()
    reply = wait_until(
        lambda: [c.body for c in world.fake.calls_to("response_url")[seen:] if c.body.get("text")],
        what="a refusal for the other workspace",
    )[0]
    assert contains in str(reply.get("text")) + str(reply.get("blocks"))
    world.runtime.outbox.wait_idle()
    after = snapshot(world.engine)
    # The other team's first contact creates its workspace and person rows; nothing of T1 changes.
    for table in after:
        if table not in {"workspace", "person"}:
            assert after[table] == before[table], table
    assert all(OTHER_TEAM in r for r in after["person"] if r not in before["person"])


@TWO_WAYS
def test_another_workspace_cannot_join_by_number(world: World) -> None:
    _refused_from_other_team(
        world,
        lambda: world.slack.command("UHANS008", f"aanmelden {world.number}", team_id=OTHER_TEAM),
        said("group.not_found", number=world.number),
    )
    with Session(world.engine) as session:
        t2_people = session.scalars(select(Person.id).where(Person.team_id == OTHER_TEAM)).all()
        enrollments = session.scalars(
            select(Enrollment).where(Enrollment.person_id.in_(t2_people))
        ).all()
    assert enrollments == []


@TWO_WAYS
def test_another_workspace_cannot_register_plan_or_change_contact(world: World) -> None:
    for text in (
        f"registreer {world.number}",
        f"plan {world.number} 23-12-2026 09:00 2u",
        f"admin contactpersoon {world.number} <@{MEMBER}>",
    ):
        _refused_from_other_team(
            world,
            lambda text=text: world.slack.command("UADMIN01", text, team_id=OTHER_TEAM),
            str(world.number),
        )


@TWO_WAYS
def test_forged_buttons_from_another_workspace_are_refused(world: World) -> None:
    """The T1 contact person's user id in T2 (another person there) presses T1's buttons."""
    contact = ACTORS["contact"]
    clicks = [
        (GroupActionId.APPROVE, approve_value(world)),
        (MeetingActionId.CANCEL, str(world.future_meeting_id)),
        (MeetingActionId.EDIT, str(world.future_meeting_id)),
    ]
    for action_id, value in clicks:
        _refused_from_other_team(
            world,
            lambda a=action_id, v=value: world.slack.click(
                contact, action_id=a, value=v, message=_message(contact), team_id=OTHER_TEAM
            ),
            "",
        )
    _refused_from_other_team(
        world,
        lambda: world.slack.click(
            MEMBER,
            action_id=AttendanceActionId.RESEND_CERTIFICATE,
            value=str(world.member_certificate_id),
            message=_message(MEMBER),
            team_id=OTHER_TEAM,
        ),
        "",
    )
    assert [f for f in completed_files(world.fake, MEMBER) if f.filename.endswith(".pdf")][1:] == []


@TWO_WAYS
def test_forged_modal_metadata_from_another_workspace_is_refused(world: World) -> None:
    """T1's registration modal (private_metadata = T1 ids) submitted from T2 stores nothing."""
    contact = ACTORS["contact"]
    world.slack.command(contact, f"registreer {world.number}")
    view = wait_until(
        lambda: [
            v
            for v in world.fake.opened_views(contact)
            if v.get("callback_id") == AttendanceCallbackId.REGISTER
        ][2:],
        what="the registration modal",
    )[-1]
    before = snapshot(world.engine)
    ids = world.person_ids
    result = world.slack.submit(
        contact,
        view,
        {member_action_id(ids[contact]): "facilitator", member_action_id(ids[MEMBER]): "presenter"},
        team_id=OTHER_TEAM,
    )
    assert result.status == 200
    assert result.json["response_action"] == "errors"
    after = snapshot(world.engine)
    for table in after:
        if table not in {"workspace", "person"}:
            assert after[table] == before[table], table
    with Session(world.engine) as session:
        assert session.get_one(Meeting, world.waiting_meeting_id).attendance_registered_at is None
