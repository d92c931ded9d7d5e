"""slack_sdk's installation and state stores on the app's database: the tables migration 0007
creates are the ones slack_sdk builds; a workspace's token comes from its latest installation,
is rotated through the app's own Web API client before it expires, and is refused once the
workspace is uninstalled. The OAuth settings use Bolt's names."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine, MetaData, Table

from bot.devtools.fake_slack import FakeSlack
from bot.installations import (
    InstalledTokens,
    NotInstalled,
    SingleWorkspaceToken,
    TokenUnavailable,
    installation_store,
    token_source,
)
from bot.settings import Settings, SettingsError, from_env
from bot.slack_api import WorkspaceClients, make_web_client
from storage.models.oauth import slack_bots, slack_installations, slack_oauth_states

CLIENT_ID, CLIENT_SECRET = "1111.2222", "client-secret"


def _shape(table: Table) -> dict[str, object]:
    return {
        "columns": {
            c.name: (
                type(c.type).__name__,
                getattr(c.type, "length", None),
                c.nullable,
                c.primary_key,
            )
            for c in table.columns
        },
        "indexes": sorted((i.name, tuple(c.name for c in i.columns)) for i in table.indexes),
    }


@pytest.mark.parametrize(
    ("ours", "build"),
    [
        (slack_installations, SQLAlchemyInstallationStore.build_installations_table),
        (slack_bots, SQLAlchemyInstallationStore.build_bots_table),
        (slack_oauth_states, SQLAlchemyOAuthStateStore.build_oauth_states_table),
    ],
    ids=["installations", "bots", "oauth_states"],
)
def test_the_modelled_tables_are_the_ones_slack_sdk_builds(ours: Table, build: object) -> None:
    theirs = build(MetaData(), ours.name)  # type: ignore[operator]
    assert _shape(ours) == _shape(theirs)


@pytest.fixture
def oauth_settings(settings: Settings) -> Settings:
    """Distributed settings at the fake Slack."""
    from dataclasses import replace

    return replace(
        settings,
        slack_bot_token="",
        slack_client_id=CLIENT_ID,
        slack_client_secret=CLIENT_SECRET,
    )


@pytest.fixture
def store(oauth_settings: Settings, clean_db: Engine) -> SQLAlchemyInstallationStore:
    """slack_sdk's store on the (emptied) test database."""
    return installation_store(oauth_settings, clean_db)


def _install(fake: FakeSlack, store: SQLAlchemyInstallationStore, team_id: str) -> Installation:
    """An installation as Bolt's OAuth flow saves it, with tokens issued by the fake."""
    code = fake.approve_install(client_id=CLIENT_ID, team_id=team_id, user_id="UINSTALL")
    client = make_web_client(Settings(slack_api_url=fake.base_url))
    answer = client.oauth_v2_access(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, code=code)
    installation = Installation(
        app_id=answer["app_id"],
        team_id=team_id,
        bot_token=answer["access_token"],
        bot_user_id=answer["bot_user_id"],
        bot_refresh_token=answer.get("refresh_token"),
        bot_token_expires_in=answer.get("expires_in"),
        user_id="UINSTALL",
    )
    store.save(installation)
    return installation


@pytest.fixture
def tokens(
    oauth_settings: Settings, clean_db: Engine, store: SQLAlchemyInstallationStore
) -> Iterator[InstalledTokens]:
    """Installed tokens, rotated through a client at the fake Slack (SLACK_API_URL)."""
    source = token_source(oauth_settings, clean_db, client=make_web_client(oauth_settings))
    assert isinstance(source, InstalledTokens)
    yield source


def test_each_workspace_gets_the_token_of_its_own_installation(
    fake_slack: FakeSlack,
    store: SQLAlchemyInstallationStore,
    tokens: InstalledTokens,
    oauth_settings: Settings,
) -> None:
    fake_slack.add_oauth_app(CLIENT_ID, CLIENT_SECRET)
    first = _install(fake_slack, store, "T1")
    second = _install(fake_slack, store, "T2")
    assert tokens.bot_token("T1") == first.bot_token
    assert tokens.bot_token("T2") == second.bot_token
    with pytest.raises(NotInstalled):
        tokens.bot_token("T3")
    clients = WorkspaceClients(oauth_settings, tokens=tokens)
    assert clients("T2").token == second.bot_token
    assert clients("T2").base_url == fake_slack.base_url
    # Uninstalled: the store forgets it, and so does the cache once told.
    store.delete_installation(enterprise_id=None, team_id="T2")
    store.delete_bot(enterprise_id=None, team_id="T2")
    clients.forget("T2")
    with pytest.raises(NotInstalled):
        clients("T2")


def test_an_expiring_token_is_rotated_through_the_apps_api_url(
    fake_slack: FakeSlack, store: SQLAlchemyInstallationStore, tokens: InstalledTokens
) -> None:
    # Tokens living 10 minutes expire within the 2-hour margin: every lookup rotates.
    fake_slack.add_oauth_app(CLIENT_ID, CLIENT_SECRET, token_lifetime=600)
    installed = _install(fake_slack, store, "T1")
    fresh = tokens.bot_token("T1")
    assert fresh != installed.bot_token
    refresh = [c for c in fake_slack.calls_to("oauth.v2.access") if c.body.get("grant_type")]
    assert len(refresh) == 1 and refresh[0].body["refresh_token"] == installed.bot_refresh_token
    # The rotation is saved as slack_sdk saves it: the next process reads the new token.
    saved = store.find_installation(enterprise_id=None, team_id="T1")
    assert saved is not None and saved.bot_token == fresh
    assert saved.bot_token_expires_at is not None and saved.bot_token_expires_at > time.time()
    assert fake_slack.team_of_token(fresh) == "T1"


def test_a_refused_rotation_is_a_temporary_failure(
    fake_slack: FakeSlack, store: SQLAlchemyInstallationStore, tokens: InstalledTokens
) -> None:
    fake_slack.add_oauth_app(CLIENT_ID, CLIENT_SECRET, token_lifetime=600)
    _install(fake_slack, store, "T1")
    fake_slack.revoke_team("T1")
    with pytest.raises(TokenUnavailable):
        tokens.bot_token("T1")


def test_one_workspace_has_one_token() -> None:
    assert SingleWorkspaceToken("xoxb-1").bot_token("T9") == "xoxb-1"
    with pytest.raises(NotInstalled):
        SingleWorkspaceToken("").bot_token("T1")


# -- settings --------------------------------------------------------------------------------------

OAUTH = {
    "SLACK_CLIENT_ID": "1234.5678",
    "SLACK_CLIENT_SECRET": "abc",
    "SLACK_SIGNING_SECRET": "s",
}


def test_oauth_settings_use_bolts_names_and_need_no_bot_token() -> None:
    s = from_env(
        {
            **OAUTH,
            "SLACK_SCOPES": "commands,chat:write",
            "SLACK_REDIRECT_URI": "https://intervisie.example.org/slack/oauth_redirect",
            "SLACK_INSTALL_PATH": "/installeren",
        }
    )
    assert s.distributed and s.slack_bot_token == ""
    assert s.slack_scopes == ("commands", "chat:write")
    assert s.slack_redirect_uri == "https://intervisie.example.org/slack/oauth_redirect"
    assert (s.slack_install_path, s.slack_redirect_uri_path) == (
        "/installeren",
        "/slack/oauth_redirect",
    )
    assert s.authorization_url == "https://slack.com/oauth/v2/authorize"
    assert s.uninstall_grace_days == 30
    gov = from_env({**OAUTH, "SLACK_API_URL": "https://slack-gov.com/api/"})
    assert gov.authorization_url == "https://slack-gov.com/oauth/v2/authorize"
    # The default scopes are the manifest's.
    assert "users:read" in from_env(OAUTH).slack_scopes
    assert not from_env({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}).distributed


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({**OAUTH, "SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_CLIENT_ID": "1234.5678", "SLACK_SIGNING_SECRET": "s"}, "SLACK_CLIENT_SECRET"),
        ({"SLACK_CLIENT_SECRET": "abc", "SLACK_SIGNING_SECRET": "s"}, "SLACK_CLIENT_ID"),
        ({**OAUTH, "SLACK_CLIENT_ID": "A0123"}, "SLACK_CLIENT_ID"),
        ({**OAUTH, "SLACK_SCOPES": "commands, chat write"}, "SLACK_SCOPES"),
        ({**OAUTH, "SLACK_REDIRECT_URI": "intervisie.example.org"}, "SLACK_REDIRECT_URI"),
        ({**OAUTH, "SLACK_INSTALL_PATH": "install"}, "SLACK_INSTALL_PATH"),
        ({**OAUTH, "INTERVISIE_UNINSTALL_GRACE_DAYS": "0"}, "INTERVISIE_UNINSTALL_GRACE_DAYS"),
        ({"SLACK_SIGNING_SECRET": "s"}, "SLACK_BOT_TOKEN"),
    ],
)
def test_bad_oauth_settings_are_named(env: dict[str, str], named: str) -> None:
    with pytest.raises(SettingsError, match=named):
        from_env(env)
