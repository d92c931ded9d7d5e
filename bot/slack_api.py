"""The Slack Web API client: every WebClient the app makes points at SLACK_API_URL."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler
from slack_sdk.web import SlackResponse

from bot.ratelimit import RateLimiter
from bot.settings import Settings


class RateLimitedWebClient(WebClient):
    """A WebClient whose every API call first takes a token from the limiter.

    Slack counts limits per app and workspace, that is per bot token: the token is the workspace
    key here, so one client per workspace shares its buckets with nobody else.
    """

    def __init__(self, *, limiter: RateLimiter, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.limiter = limiter

    def api_call(self, api_method: str, **kwargs: Any) -> SlackResponse:
        """Wait for the method's rate limit, then call Slack."""
        self.limiter.acquire(self.token or "", api_method)
        return super().api_call(api_method, **kwargs)


def make_web_client(settings: Settings, *, timeout: int = 10) -> WebClient:
    """A WebClient for the bot token on the configured API base URL (GovSlack, tests, demo)."""
    return WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=timeout,
        # Only connection resets are retried inline; 429/5xx for owed messages are the outbox's job,
        # where a retry survives a restart.
        retry_handlers=[ConnectionErrorRetryHandler(max_retry_count=1)],
    )


def make_outbox_client(settings: Settings, *, timeout: int = 10) -> WebClient:
    """The outbox's WebClient: like make_web_client, within settings.slack_rate_limits."""
    return RateLimitedWebClient(
        limiter=RateLimiter(settings.slack_rate_limits),
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=timeout,
        retry_handlers=[ConnectionErrorRetryHandler(max_retry_count=1)],
    )
