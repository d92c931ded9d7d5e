"""Each workspace's bot token, for the Slack calls the app makes outside a request (the outbox,
the user directory, jobs): one token for the one workspace (SLACK_BOT_TOKEN), or, when the app is
distributed over OAuth, the token slack_sdk's installation store keeps for the workspace, rotated
with the app's own Web API client (SLACK_API_URL) before it expires.

Inside a request Bolt's authorization does the same for the listener's client. Tokens are never
logged; the store keeps them as slack_sdk stores them (storage/models/oauth.py).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Protocol

from slack_sdk import WebClient
from slack_sdk.errors import SlackTokenRotationError
from slack_sdk.oauth.installation_store import InstallationStore
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from slack_sdk.oauth.token_rotation import TokenRotator
from sqlalchemy import Engine

from bot.settings import Settings
from storage.models.oauth import BOTS_TABLE, INSTALLATIONS_TABLE, OAUTH_STATES_TABLE

log = logging.getLogger(__name__)

# A token looked up in the store is reused this long (one SELECT a minute per workspace, not one
# per DM), unless it is due for rotation sooner.
TOKEN_CACHE_SECONDS = 60.0


class NotInstalled(Exception):
    """The app has no (working) token for this workspace: it was uninstalled or never installed."""


class TokenUnavailable(Exception):
    """The token is due for rotation and Slack did not rotate it now; try again later."""


class TokenSource(Protocol):
    """Where the bot token of a workspace comes from."""

    def bot_token(self, team_id: str) -> str:
        """The workspace's bot token; NotInstalled or TokenUnavailable when there is none now."""
        ...

    def forget(self, team_id: str) -> bool:
        """Drop what is remembered of the workspace (after an uninstall, or when Slack refused
        its token); True when a later lookup may find another token."""
        ...


class SingleWorkspaceToken:
    """The embedded default: SLACK_BOT_TOKEN for the one workspace the app runs in."""

    def __init__(self, token: str) -> None:
        self._token = token

    def bot_token(self, team_id: str) -> str:
        """The configured token, whichever workspace asks."""
        if not self._token:
            raise NotInstalled(team_id)
        return self._token

    def forget(self, team_id: str) -> bool:
        """Nothing is remembered, and no other token will turn up."""
        return False


def installation_store(settings: Settings, engine: Engine) -> SQLAlchemyInstallationStore:
    """slack_sdk's SQLAlchemy installation store on the app's own database (migration 0007)."""
    return SQLAlchemyInstallationStore(
        client_id=settings.slack_client_id,
        engine=engine,
        bots_table_name=BOTS_TABLE,
        installations_table_name=INSTALLATIONS_TABLE,
        logger=logging.getLogger("slack_sdk.oauth.installation_store"),
    )


def oauth_state_store(settings: Settings, engine: Engine) -> SQLAlchemyOAuthStateStore:
    """slack_sdk's SQLAlchemy OAuth state store on the app's own database: a state is used once."""
    return SQLAlchemyOAuthStateStore(
        expiration_seconds=settings.oauth_state_expiration_seconds,
        engine=engine,
        table_name=OAUTH_STATES_TABLE,
        logger=logging.getLogger("slack_sdk.oauth.state_store"),
    )


class InstalledTokens:
    """Distributed over OAuth: the token of the workspace's latest installation, rotated (and the
    rotation saved) when it expires within `rotation_minutes`, as Bolt's authorization does."""

    def __init__(
        self,
        *,
        store: InstallationStore,
        rotator: TokenRotator,
        rotation_minutes: int,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._store = store
        self._rotator = rotator
        self._margin = rotation_minutes * 60
        self._monotonic = monotonic
        # team id -> (token, wall-clock expiry or None, monotonic time it was looked up)
        self._cache: dict[str, tuple[str, int | None, float]] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def _lock(self, team_id: str) -> threading.Lock:
        with self._guard:
            return self._locks.setdefault(team_id, threading.Lock())

    def bot_token(self, team_id: str) -> str:
        """The workspace's bot token, from the cache while fresh, else the store (rotated)."""
        # One lookup (and at most one rotation) per workspace at a time in this process.
        with self._lock(team_id):
            hit = self._cache.get(team_id)
            if hit is not None and self._fresh(hit):
                return hit[0]
            installation = self._store.find_installation(enterprise_id=None, team_id=team_id)
            if installation is None or not installation.bot_token:
                self._cache.pop(team_id, None)
                raise NotInstalled(team_id)
            try:
                refreshed = self._rotator.perform_token_rotation(
                    installation=installation, minutes_before_expiration=self._margin // 60
                )
            except SlackTokenRotationError as exc:
                # Slack answered the refresh with an error (the reason is in the response; the
                # tokens are not): a revoked installation, or a bad minute.
                error = exc.api_error.response.get("error") if exc.api_error else None
                log.warning("token rotation for %s failed: %s", team_id, error or "no answer")
                raise TokenUnavailable(team_id) from None
            if refreshed is not None:
                self._store.save(refreshed)
                installation = refreshed
                log.info("rotated the bot token of %s", team_id)
            token = str(installation.bot_token)
            expires = installation.bot_token_expires_at
            self._cache[team_id] = (token, expires, self._monotonic())
            return token

    def _fresh(self, hit: tuple[str, int | None, float]) -> bool:
        _, expires, looked_up = hit
        if self._monotonic() - looked_up > TOKEN_CACHE_SECONDS:
            return False
        return expires is None or expires - time.time() > self._margin + TOKEN_CACHE_SECONDS

    def forget(self, team_id: str) -> bool:
        """Drop the cached token (the workspace uninstalled or installed the app again)."""
        with self._lock(team_id):
            self._cache.pop(team_id, None)
        return True


def token_source(settings: Settings, engine: Engine, *, client: WebClient) -> TokenSource:
    """The token source of this configuration; `client` (at SLACK_API_URL) rotates tokens."""
    if not settings.distributed:
        return SingleWorkspaceToken(settings.slack_bot_token)
    return InstalledTokens(
        store=installation_store(settings, engine),
        rotator=TokenRotator(
            client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret,
            client=client,
        ),
        rotation_minutes=settings.token_rotation_expiration_minutes,
    )
