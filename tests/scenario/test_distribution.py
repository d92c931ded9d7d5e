"""Distribution over OAuth: two workspaces install the app through "Add to Slack" and the redirect
against the fake Slack, each runs a group story with its own token, one uninstalls (its deliveries
stop at once, its data is deleted after the grace period on a manual clock) and the other is
untouched. Forged and replayed redirects write nothing; tokens rotate through SLACK_API_URL and
never reach the log."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from bot.clock import ManualClock
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim
from bot.jobs import delete_uninstalled_workspaces
from bot.server import Runtime
from bot.settings import Settings
from storage.models import (
    Base,
    Delivery,
    DeliveryStatus,
    Enrollment,
    EnrollmentStatus,
    Group,
    Person,
    Workspace,
)
from storage.models.oauth import slack_bots, slack_installations, slack_oauth_states
from tests.support.app import RuntimeFactory
from tests.support.groups import approve, ask_to_join, create_group, wait_dm
from tests.support.install import (
    CLIENT_ID,
    CLIENT_SECRET,
    distributed,
    install,
    open_install_page,
    redirect_back,
)
from tests.support.people import PEOPLE, SIGNING_SECRET
from tests.support.wait import wait_until

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
T1, T2 = "T1", "T2"
# The first workspace's people are the scenario people (tests/support/people.py); the second
# has its own, unknown to the first.
T1_CONTACT, T1_MEMBERS = "UANNE001", ("UBRAM002", "UZOE0003")
T2_PEOPLE = {
    "UT2CON01": "Sanne Dekker",
    "UT2MEM02": "Lotte Peters",
    "UT2MEM03": "Ruben Kok",
    "UT2ADM04": "Secretariaat NVVP",
}
T2_CONTACT, T2_MEMBERS = "UT2CON01", ("UT2MEM02", "UT2MEM03")


@pytest.fixture
def clock() -> ManualClock:
    """The app's clock, moved by the tests."""
    return ManualClock(NOW)


@pytest.fixture
def app(
    make_runtime: RuntimeFactory, settings: Settings, fake_slack: FakeSlack, clock: ManualClock
) -> Runtime:
    """The app distributed over OAuth (no SLACK_BOT_TOKEN), on a manual clock."""
    for user_id, name in T2_PEOPLE.items():
        fake_slack.add_user(user_id, real_name=name, team_id=T2, is_admin=user_id == "UT2ADM04")
    fake_slack.add_oauth_app(CLIENT_ID, CLIENT_SECRET)
    return make_runtime(clock=clock, **distributed(settings))


def sim(app: Runtime, fake: FakeSlack, team_id: str) -> SlackSim:
    """Slack's side of one workspace."""
    return SlackSim(port=app.port, signing_secret=SIGNING_SECRET, fake=fake, team_id=team_id)


def story(slack: SlackSim, fake: FakeSlack, contact: str, members: tuple[str, ...]) -> int:
    """A group is created, two colleagues ask to join and are approved; returns its number."""
    number = create_group(slack, fake, contact, name=f"Groep van {contact}")
    for member in members:
        ask_to_join(slack, fake, member, number, membership="participant")
        name = T2_PEOPLE.get(member) or PEOPLE[member]["real_name"]
        wait_dm(fake, contact, name)
        approve(slack, fake, contact, name)
        wait_dm(fake, member, f"{number}")
    return number


def team_rows(engine: Engine, team_id: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table with a team id column, of one workspace."""
    found: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if "team_id" in table.c:
                rows = conn.execute(select(table).where(table.c.team_id == team_id)).all()
                found[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return found


def active(engine: Engine, team_id: str) -> bool:
    """Whether the app counts the workspace as installed."""
    with Session(engine) as session:
        return session.get_one(Workspace, team_id).active


def tokens_of(engine: Engine, team_id: str) -> list[str]:
    """The bot tokens slack_sdk's store keeps for a workspace, the latest install's first."""
    with engine.connect() as conn:
        return [
            str(t)
            for t in conn.execute(
                select(slack_bots.c.bot_token)
                .where(slack_bots.c.team_id == team_id)
                .order_by(slack_bots.c.installed_at.desc(), slack_bots.c.id.desc())
            ).scalars()
        ]


@pytest.fixture
def two(app: Runtime, fake_slack: FakeSlack, db_engine: Engine) -> Iterator[tuple[int, int]]:
    """Both workspaces installed through the redirect, a group story run in each."""
    assert install(app, fake_slack, team_id=T1, installer="UADMIN01").status == 200
    assert install(app, fake_slack, team_id=T2, installer="UT2ADM04").status == 200
    first = story(sim(app, fake_slack, T1), fake_slack, T1_CONTACT, T1_MEMBERS)
    second = story(sim(app, fake_slack, T2), fake_slack, T2_CONTACT, T2_MEMBERS)
    app.outbox.wait_idle()
    yield first, second


def test_two_workspaces_install_over_oauth_and_each_uses_its_own_token(
    app: Runtime, fake_slack: FakeSlack, db_engine: Engine, two: tuple[int, int]
) -> None:
    # The code exchange went to the app's SLACK_API_URL (the fake), once per install.
    exchanges = fake_slack.calls_to("oauth.v2.access")
    assert [c.body.get("code", "")[:8] for c in exchanges] == ["code-T1-", "code-T2-"]
    with Session(db_engine) as session:
        workspaces = {w.team_id: w for w in session.scalars(select(Workspace))}
        assert workspaces[T1].active and workspaces[T2].active
        assert workspaces[T2].name == "Workspace T2"
        numbers = session.scalars(select(Group.team_id, Group.number)).all()
    assert len(numbers) == 2
    # slack_sdk's store holds one bot token per workspace, issued for that workspace.
    for team in (T1, T2):
        (token,) = tokens_of(db_engine, team)
        assert fake_slack.team_of_token(token) == team
    # Every DM went out with the token of the recipient's own workspace.
    posts = fake_slack.calls_to("chat.postMessage")
    assert posts
    for call in posts:
        channel = str(call.body["channel"])
        # A first DM goes to the user id, later ones to the DM channel Slack answered with.
        recipient = channel[1:] if channel.startswith("D") else channel
        expected = T2 if recipient in T2_PEOPLE else T1
        assert fake_slack.team_of_token(call.token) == expected, recipient
    for call in fake_slack.calls_to("users.info"):
        assert fake_slack.team_of_token(call.token) in (T1, T2)


def test_uninstall_stops_deliveries_then_deletes_the_data_after_the_grace_period(
    app: Runtime,
    fake_slack: FakeSlack,
    db_engine: Engine,
    clock: ManualClock,
    two: tuple[int, int],
) -> None:
    first, second = two
    t2 = sim(app, fake_slack, T2)
    # Something is still owed in T2 when Slack tells the app it was uninstalled.
    fake_slack.delay_next("chat.postMessage", seconds=0.5)
    ask_to_join(t2, fake_slack, "UT2ADM04", second, membership="participant")
    fake_slack.revoke_team(T2)
    assert t2.event({"type": "app_uninstalled"}).status == 200
    wait_until(lambda: not active(db_engine, T2), what="T2 marked uninstalled")
    app.outbox.wait_idle()
    with Session(db_engine) as session:
        workspace = session.get_one(Workspace, T2)
        assert not workspace.active and workspace.deactivated_at == NOW
        open_t2 = session.scalars(
            select(Delivery).where(
                Delivery.team_id == T2,
                Delivery.status.in_([DeliveryStatus.PENDING, DeliveryStatus.SENDING]),
            )
        ).all()
    assert open_t2 == []
    # The revoked tokens are gone; the workspace's data is kept for now.
    assert tokens_of(db_engine, T2) == []
    t1_before = team_rows(db_engine, T1)
    t2_kept = team_rows(db_engine, T2)

    # A request from the uninstalled workspace is refused and writes nothing.
    seen = len(fake_slack.calls_to("response_url"))
    t2.command(T2_CONTACT, "groepen")
    wait_until(lambda: fake_slack.calls_to("response_url")[seen:], what="the refusal")
    assert "niet (meer) geïnstalleerd" in str(fake_slack.calls_to("response_url")[-1].body)
    assert team_rows(db_engine, T2) == t2_kept

    # One day short of the grace period: nothing is deleted.
    clock.advance(timedelta(days=app.settings.uninstall_grace_days - 1))
    assert delete_uninstalled_workspaces(app.deps) == 0
    assert team_rows(db_engine, T2) == t2_kept
    # After it: every row of T2 is gone, in every table, and T1 is untouched.
    clock.advance(timedelta(days=2))
    assert delete_uninstalled_workspaces(app.deps) > 0
    assert all(rows == [] for rows in team_rows(db_engine, T2).values())
    with Session(db_engine) as session:
        people = session.scalars(select(Person.slack_user_id)).all()
        enrollments = session.scalar(select(func.count()).select_from(Enrollment))
    assert not set(people) & set(T2_PEOPLE)
    assert enrollments == 1 + len(T1_MEMBERS)
    assert team_rows(db_engine, T1) == t1_before
    # A second run finds nothing more to do.
    assert delete_uninstalled_workspaces(app.deps) == 0

    # T1 works as before, with its own token.
    t1 = sim(app, fake_slack, T1)
    ask_to_join(t1, fake_slack, "UDAAN004", first, membership="participant")
    wait_dm(fake_slack, T1_CONTACT, "Daan van der Berg")


def test_an_install_from_an_uninstalled_workspace_reactivates_it(
    app: Runtime, fake_slack: FakeSlack, db_engine: Engine, two: tuple[int, int]
) -> None:
    _first, second = two
    t2 = sim(app, fake_slack, T2)
    fake_slack.revoke_team(T2)
    t2.event({"type": "tokens_revoked", "tokens": {"bot": ["UBOTT2"]}})
    wait_until(lambda: not active(db_engine, T2), what="T2 marked uninstalled")
    assert install(app, fake_slack, team_id=T2, installer="UT2ADM04").status == 200
    with Session(db_engine) as session:
        workspace = session.get_one(Workspace, T2)
        assert workspace.active and workspace.deactivated_at is None
        approved = session.scalars(
            select(Enrollment).where(Enrollment.status == EnrollmentStatus.APPROVED)
        ).all()
    assert len(approved) == 2 * (1 + len(T2_MEMBERS))
    (token,) = tokens_of(db_engine, T2)
    assert fake_slack.team_of_token(token) == T2
    # The group is still there, and new DMs go out with the new token.
    ask_to_join(t2, fake_slack, "UT2ADM04", second, membership="participant")
    wait_dm(fake_slack, T2_CONTACT, "Secretariaat NVVP")
    assert fake_slack.calls_to("chat.postMessage")[-1].token == token


def _install_state(engine: Engine) -> tuple[int, int, int]:
    with engine.connect() as conn:
        return (
            int(conn.execute(select(func.count()).select_from(slack_installations)).scalar_one()),
            int(conn.execute(select(func.count()).select_from(Workspace)).scalar_one()),
            int(conn.execute(text("SELECT COUNT(*) FROM audit_event")).scalar_one()),
        )


def test_a_forged_state_or_a_replayed_redirect_installs_nothing(
    app: Runtime, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    before = _install_state(db_engine)
    # A state the app never issued, with a matching cookie (an attacker's own browser).
    code = fake_slack.approve_install(client_id=CLIENT_ID, team_id="T9", user_id="UX")
    forged = redirect_back(app, code=code, state="forged", cookie="slack-app-oauth-state=forged")
    assert forged.status == 401 and "invalid_state" in forged.text
    # A real state, but from another browser (no cookie): refused before it is used.
    link = open_install_page(app)
    no_cookie = redirect_back(app, code=code, state=link.state, cookie=None)
    assert no_cookie.status == 400
    assert _install_state(db_engine) == before
    assert fake_slack.calls_to("oauth.v2.access", ok_only=False) == []

    # A real install, then the same redirect again (replayed from the browser's history).
    link = open_install_page(app)
    code = fake_slack.approve_install(client_id=CLIENT_ID, team_id="T9", user_id="UX")
    assert redirect_back(app, code=code, state=link.state, cookie=link.cookie).status == 200
    installed = _install_state(db_engine)
    replay = redirect_back(app, code=code, state=link.state, cookie=link.cookie)
    assert replay.status == 401
    assert _install_state(db_engine) == installed
    with db_engine.connect() as conn:
        # A state is used once: the one that installed is gone.
        states = conn.execute(select(slack_oauth_states.c.state)).scalars().all()
    assert link.state not in states


def test_tokens_rotate_through_the_apps_api_url_and_never_reach_the_log(
    make_runtime: RuntimeFactory,
    settings: Settings,
    fake_slack: FakeSlack,
    db_engine: Engine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    # Tokens that live 10 minutes: within the 2-hour margin, so every use refreshes them.
    fake_slack.add_oauth_app(CLIENT_ID, CLIENT_SECRET, token_lifetime=600)
    app = make_runtime(clock=ManualClock(NOW), **distributed(settings))
    assert install(app, fake_slack, team_id=T1, installer="UADMIN01").status == 200
    installed = tokens_of(db_engine, T1)
    slack = sim(app, fake_slack, T1)
    number = create_group(slack, fake_slack, T1_CONTACT, name="Roterend")
    refreshes = [
        c
        for c in fake_slack.calls_to("oauth.v2.access")
        if c.body.get("grant_type") == "refresh_token"
    ]
    assert refreshes, "the token was never rotated"
    assert tokens_of(db_engine, T1) != installed
    # Every token the app uses is still valid; once they all expire, the outbox rotates too.
    fake_slack.expire_tokens()
    ask_to_join(slack, fake_slack, "UBRAM002", number, membership="participant")
    wait_dm(fake_slack, T1_CONTACT, "Bram Jansen")
    failed = [c for c in fake_slack.calls if c.response.get("error") == "token_expired"]
    assert failed == []
    # Nothing secret in the log at DEBUG: no token, refresh token or client secret.
    secrets_seen = [CLIENT_SECRET]
    with db_engine.connect() as conn:
        for row in conn.execute(select(slack_installations)).mappings():
            secrets_seen += [row["bot_token"], row["bot_refresh_token"]]
    for call in fake_slack.calls_to("oauth.v2.access"):
        secrets_seen += [
            str(call.response.get("access_token")),
            str(call.response.get("refresh_token")),
        ]
    log_text = caplog.text
    assert [s for s in secrets_seen if s and s in log_text] == []


def test_a_token_refused_in_another_process_is_looked_up_again(
    app: Runtime,
    make_runtime: RuntimeFactory,
    settings: Settings,
    fake_slack: FakeSlack,
    db_engine: Engine,
    clock: ManualClock,
) -> None:
    """Two processes on one database: the one that sends remembered the old token when the
    workspace installed the app again through the other; Slack refuses it once, then the
    delivery goes out with the new token."""
    sender = make_runtime(clock=clock, **distributed(settings))
    for box in app.senders:
        box.stop()  # only `sender` sends
    assert install(app, fake_slack, team_id=T1, installer="UADMIN01").status == 200
    slack = sim(app, fake_slack, T1)
    number = create_group(slack, fake_slack, T1_CONTACT, name="Twee processen")
    (old,) = tokens_of(db_engine, T1)
    fake_slack.revoke_team(T1)
    assert install(app, fake_slack, team_id=T1, installer="UADMIN01").status == 200
    new = tokens_of(db_engine, T1)[0]
    assert new != old
    ask_to_join(slack, fake_slack, "UBRAM002", number, membership="participant")

    def refused() -> list[Any]:
        return [c for c in fake_slack.calls if c.response.get("error") == "token_revoked"]

    wait_until(refused, what="Slack refusing the old token")

    def put_back_for_a_retry() -> bool:
        """The refused delivery is released with its next attempt planned (not still leased),
        so moving the clock past its backoff makes it due."""
        with Session(db_engine) as session:
            return bool(
                session.scalars(
                    select(Delivery.id).where(
                        Delivery.last_error.is_not(None),
                        Delivery.lease_until.is_(None),
                        Delivery.status == DeliveryStatus.PENDING,
                    )
                ).first()
            )

    wait_until(put_back_for_a_retry, what="the refused delivery planned for a retry")
    clock.advance(timedelta(minutes=1))  # the retry's backoff
    sender.outbox.kick()
    wait_dm(fake_slack, T1_CONTACT, "Bram Jansen")
    assert all(c.token == old for c in refused())
    assert fake_slack.calls_to("chat.postMessage")[-1].token == new
    sender.outbox.wait_idle()
