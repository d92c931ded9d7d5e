"""Start-up checks shared by `intervisie-bot check` and `serve`: the Slack token, the database and
its schema, each failing with one line that names the setting and says what to do."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import Engine, make_url, text
from sqlalchemy.exc import SQLAlchemyError

from bot.settings import Settings
from bot.slack_api import SLACK_WIRE_LOG
from storage.db import make_engine
from storage.migrate import SchemaState, schema_state

log = logging.getLogger(__name__)

# auth.test errors that mean the token itself is wrong, not that Slack had a bad moment.
_TOKEN_REFUSED = frozenset(
    {
        "invalid_auth",
        "not_authed",
        "account_inactive",
        "token_revoked",
        "token_expired",
        "not_allowed_token_type",
        "team_disabled",
    }
)


class StartupError(Exception):
    """Something `serve` needs is missing; the message is one line naming the setting."""


@dataclass(frozen=True, kw_only=True)
class SlackIdentity:
    """Who the bot token belongs to, from auth.test."""

    team: str
    team_id: str
    user: str


def check_slack(settings: Settings, *, timeout: int = 10) -> SlackIdentity:
    """Call auth.test with SLACK_BOT_TOKEN at SLACK_API_URL; StartupError when it fails."""
    client = WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=timeout,
        logger=SLACK_WIRE_LOG,
    )
    where = settings.slack_api_url
    try:
        answer = client.auth_test()
    except SlackApiError as exc:
        error = str(exc.response.get("error") or f"HTTP {exc.response.status_code}")
        if error in _TOKEN_REFUSED:
            raise StartupError(
                f"Slack refused SLACK_BOT_TOKEN ({error}): copy the Bot User OAuth Token "
                "(xoxb-…) from the app's 'OAuth & Permissions' page, and reinstall the app to "
                "the workspace if the token was revoked"
            ) from None
        raise StartupError(
            f"Slack at SLACK_API_URL ({where}) answered auth.test with {error}: try again in a "
            "minute, and check SLACK_API_URL if this stays"
        ) from None
    except (OSError, ValueError) as exc:
        # URLError (no network, DNS, refused), timeouts, or a page that is not Slack's JSON.
        raise StartupError(
            f"cannot reach Slack at SLACK_API_URL ({where}): {_reason(exc)}; check the network "
            "connection (and a proxy, if one is needed) or SLACK_API_URL"
        ) from None
    return SlackIdentity(
        team=str(answer.get("team") or ""),
        team_id=str(answer.get("team_id") or ""),
        user=str(answer.get("user") or ""),
    )


def check_oauth(settings: Settings, *, timeout: int = 10) -> None:
    """Distributed: exchange a code nobody was given at SLACK_API_URL. Slack answers
    invalid_code when it knows the client id and secret; any other refusal names the setting."""
    client = WebClient(base_url=settings.slack_api_url, timeout=timeout, logger=SLACK_WIRE_LOG)
    try:
        client.oauth_v2_access(
            client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret,
            code="intervisie-startup-check",
        )
    except SlackApiError as exc:
        error = str(exc.response.get("error") or f"HTTP {exc.response.status_code}")
        if error in {"invalid_code", "invalid_grant_type", "code_already_used"}:
            return
        if error in {"invalid_client_id", "bad_client_secret", "invalid_client"}:
            raise StartupError(
                f"Slack refused SLACK_CLIENT_ID / SLACK_CLIENT_SECRET ({error}): copy both from "
                "the app's 'Basic Information' page (App Credentials)"
            ) from None
        raise StartupError(
            f"Slack at SLACK_API_URL ({settings.slack_api_url}) answered oauth.v2.access with "
            f"{error}: try again in a minute, and check SLACK_API_URL if this stays"
        ) from None
    except (OSError, ValueError) as exc:
        raise StartupError(
            f"cannot reach Slack at SLACK_API_URL ({settings.slack_api_url}): {_reason(exc)}; "
            "check the network connection (and a proxy, if one is needed) or SLACK_API_URL"
        ) from None


def check_socket_mode(settings: Settings, *, timeout: int = 10) -> None:
    """Ask for a Socket Mode URL with SLACK_APP_TOKEN (the call Socket Mode makes to connect);
    StartupError when Slack refuses it. The URL itself is not used."""
    client = WebClient(
        token=settings.slack_app_token,
        base_url=settings.slack_api_url,
        timeout=timeout,
        logger=SLACK_WIRE_LOG,
    )
    try:
        client.apps_connections_open(app_token=settings.slack_app_token or "")
    except SlackApiError as exc:
        error = str(exc.response.get("error") or f"HTTP {exc.response.status_code}")
        raise StartupError(
            f"Slack refused SLACK_APP_TOKEN ({error}): create an app-level token with the "
            "connections:write scope on the app's 'Basic Information' page and turn on Socket "
            "Mode, or unset SLACK_APP_TOKEN to run in HTTP mode"
        ) from None
    except (OSError, ValueError) as exc:
        raise StartupError(
            f"cannot reach Slack at SLACK_API_URL ({settings.slack_api_url}): {_reason(exc)}; "
            "check the network connection (and a proxy, if one is needed) or SLACK_API_URL"
        ) from None


def open_database(url: str) -> Engine:
    """An engine for DATABASE_URL that has answered and can write; StartupError when not."""
    try:
        engine = make_engine(url)
        with engine.begin() as conn:  # SQLite: BEGIN IMMEDIATE, i.e. the file is writable
            conn.execute(text("SELECT 1"))
    # make_engine opens a SQLite file at once (storage.db keeps the WAL open), outside
    # SQLAlchemy's wrapping: sqlite3's own error comes through as it is.
    except (SQLAlchemyError, sqlite3.Error) as exc:
        raise StartupError(_database_problem(url, exc)) from None
    return engine


def check_schema(engine: Engine, *, migrate_on_start: bool) -> SchemaState:
    """The database's schema revision against the code's; StartupError when serve could not run
    on it (unknown revision, or behind with INTERVISIE_MIGRATE_ON_START=0)."""
    try:
        state = schema_state(engine)
    except SQLAlchemyError as exc:
        raise StartupError(_database_problem(engine.url.render_as_string(), exc)) from None
    if not state.known:
        raise StartupError(
            f"the database in DATABASE_URL is at schema revision {state.current}, which this "
            "version of the app does not know (a newer version migrated it): run that version, "
            "or point DATABASE_URL at another database"
        )
    if not state.up_to_date and not migrate_on_start:
        raise StartupError(
            f"the database in DATABASE_URL is at schema revision {state.current or 'empty'} and "
            f"this version needs {state.head}: run `intervisie-bot migrate`, or unset "
            "INTERVISIE_MIGRATE_ON_START=0 to migrate on start"
        )
    return state


def _database_problem(url: str, exc: Exception) -> str:
    reason = _reason(getattr(exc, "orig", None) or exc)
    try:
        parsed = make_url(url)
    except SQLAlchemyError:
        return f"DATABASE_URL cannot be used ({reason}): check its form"
    if parsed.get_backend_name() == "sqlite":
        path = Path(parsed.database or "").expanduser()
        return (
            f"the SQLite file in DATABASE_URL ({path}) cannot be opened or written ({reason}): "
            "check that its folder exists and is writable, or point DATABASE_URL elsewhere"
        )
    shown = parsed.render_as_string(hide_password=True)
    return (
        f"the database in DATABASE_URL ({shown}) does not answer or refuses the connection "
        f"({reason}): check that PostgreSQL runs and the host, port, user, password and "
        "database name"
    )


def _reason(exc: BaseException) -> str:
    """The first line of an error's message, unwrapped from URLError, and not too long."""
    inner = getattr(exc, "reason", None)
    if isinstance(inner, BaseException):
        exc = inner
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return message[:200]
