"""The Slack Web API client: every WebClient the app makes points at SLACK_API_URL, and the ones
used outside a request carry the token of the workspace they talk to."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler
from slack_sdk.web import SlackResponse

from bot.installations import TokenSource
from bot.ratelimit import RateLimiter
from bot.settings import Settings
from bot.slack_transport import KeepAliveWebClient

# A workspace's client: what the outbox and the user directory ask for by team id.
ClientFor = Callable[[str], WebClient]

# slack_sdk logs whole request and response bodies at DEBUG, tokens among them (an install's
# access token, a rotation's refresh token). The app's clients log through this logger instead,
# which stays at INFO whatever LOG_LEVEL says: tokens never reach the log.
SLACK_WIRE_LOG = logging.getLogger("bot.slack_api.wire")
SLACK_WIRE_LOG.setLevel(logging.INFO)
# Before logging is set up (start-up checks end in one line), print nothing, as slack_sdk's own
# loggers do; once it is, records reach the root handlers as usual.
SLACK_WIRE_LOG.addHandler(logging.NullHandler())


class RateLimitedWebClient(KeepAliveWebClient):
    """A WebClient whose every API call first takes a token from the limiter (the outbox's; its
    connection to Slack stays open between calls, bot/slack_transport.py).

    Slack counts limits per app and workspace: the buckets are keyed by the workspace (the team
    id; the token when none is given), so clients of one workspace share them, even across a
    token rotation, and another workspace's fan-out never slows this one.
    """

    def __init__(self, *, limiter: RateLimiter, workspace: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.limiter = limiter
        self.workspace = workspace

    def api_call(self, api_method: str, **kwargs: Any) -> SlackResponse:
        """Wait for the method's rate limit, then call Slack."""
        self.limiter.acquire(self.workspace or self.token or "", api_method)
        return super().api_call(api_method, **kwargs)


def _client_options(settings: Settings, timeout: int) -> dict[str, Any]:
    return {
        "base_url": settings.slack_api_url,
        "timeout": timeout,
        "logger": SLACK_WIRE_LOG,
        # Only connection resets are retried inline; 429/5xx for owed messages are the outbox's
        # job, where a retry survives a restart.
        "retry_handlers": [ConnectionErrorRetryHandler(max_retry_count=1)],
    }


def make_web_client(settings: Settings, *, timeout: int = 10) -> WebClient:
    """A WebClient on the configured API base URL (GovSlack, tests, demo): with the bot token of
    the one workspace, or without a token when distributed (Bolt sets each request's token, the
    OAuth flow and the token rotation authenticate with the client id and secret)."""
    return WebClient(token=settings.slack_bot_token or None, **_client_options(settings, timeout))


def make_outbox_client(settings: Settings, *, timeout: int = 10) -> WebClient:
    """The outbox's WebClient of the one workspace: like make_web_client, within
    settings.slack_rate_limits."""
    return RateLimitedWebClient(
        limiter=RateLimiter(settings.slack_rate_limits),
        token=settings.slack_bot_token,
        **_client_options(settings, timeout),
    )


def same_client(client: WebClient) -> ClientFor:
    """Every workspace through one client (tests that talk to one workspace)."""
    return lambda _team_id: client


class WorkspaceClients:
    """One WebClient per workspace with that workspace's bot token (from `tokens`, rotated when
    due), made again when the token changes; rate-limited per workspace when `limiter` is given."""

    def __init__(
        self,
        settings: Settings,
        *,
        tokens: TokenSource,
        limiter: RateLimiter | None = None,
        timeout: int = 10,
    ) -> None:
        self._settings = settings
        self._tokens = tokens
        self._limiter = limiter
        self._timeout = timeout
        self._clients: dict[str, WebClient] = {}
        self._lock = threading.Lock()

    def __call__(self, team_id: str) -> WebClient:
        """The workspace's client; NotInstalled / TokenUnavailable when it has no token now."""
        token = self._tokens.bot_token(team_id)
        with self._lock:
            client = self._clients.get(team_id)
            if client is not None and client.token == token:
                return client
            options = _client_options(self._settings, self._timeout)
            if self._limiter is not None:
                client = RateLimitedWebClient(
                    limiter=self._limiter, workspace=team_id, token=token, **options
                )
            else:
                client = WebClient(token=token, **options)
            self._clients[team_id] = client
            return client

    def forget(self, team_id: str) -> bool:
        """Drop the workspace's client and cached token; True when another token may turn up."""
        with self._lock:
            self._clients.pop(team_id, None)
        return self._tokens.forget(team_id)
