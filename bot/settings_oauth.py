"""The settings of a distributed app (OAuth), by the names Bolt's OAuth support reads:
SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_SCOPES, SLACK_USER_SCOPES, SLACK_REDIRECT_URI,
SLACK_INSTALL_PATH, SLACK_REDIRECT_URI_PATH (and SLACK_AUTHORIZATION_URL for another Slack).
Read from the mapping bot/settings.py hands over; nothing here reads the environment itself."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlparse

# The bot scopes an install asks for (SLACK_SCOPES overrides): the ones manifest.yml lists.
DEFAULT_SCOPES = ("commands", "chat:write", "im:write", "im:history", "users:read", "files:write")
_SCOPE = re.compile(r"^[a-z][a-z0-9_.:-]*$")
# Bolt's defaults for the two OAuth paths (SLACK_INSTALL_PATH, SLACK_REDIRECT_URI_PATH).
DEFAULT_INSTALL_PATH = "/slack/install"
DEFAULT_REDIRECT_URI_PATH = "/slack/oauth_redirect"


class OAuthSettingError(ValueError):
    """An OAuth setting is missing or malformed; the message names the variable."""


def _absolute_url(name: str, value: str) -> str:
    parsed = urlparse(value)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise OAuthSettingError(f"{name} must be an absolute http/https URL, got {value!r}")
    return value


def _scopes(env: Mapping[str, str], name: str, default: tuple[str, ...]) -> tuple[str, ...]:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    scopes = tuple(s.strip() for s in raw.split(",") if s.strip())
    bad = [s for s in scopes if not _SCOPE.match(s)]
    if bad:
        raise OAuthSettingError(
            f"{name} must list scopes separated by commas, got {', '.join(bad)}"
        )
    return scopes


def _path(env: Mapping[str, str], name: str, default: str) -> str:
    value = env.get(name, "").strip() or default
    if not re.fullmatch(r"(/[A-Za-z0-9._~-]+)+", value):
        raise OAuthSettingError(f"{name} must be a path such as {default}, got {value!r}")
    return value


def oauth_settings(env: Mapping[str, str]) -> dict[str, Any]:
    """The OAuth settings (distribution), checked together: both credentials or neither."""
    client_id = env.get("SLACK_CLIENT_ID", "").strip()
    client_secret = env.get("SLACK_CLIENT_SECRET", "").strip()
    if not client_id and not client_secret:
        return {}
    if not client_id:
        raise OAuthSettingError("SLACK_CLIENT_ID is not set (SLACK_CLIENT_SECRET is)")
    if not client_secret:
        raise OAuthSettingError("SLACK_CLIENT_SECRET is not set (SLACK_CLIENT_ID is)")
    if not re.fullmatch(r"[0-9]+\.[0-9]+", client_id):
        raise OAuthSettingError(
            "SLACK_CLIENT_ID must be the app's Client ID (digits, a dot, digits), "
            f"got {client_id[:40]!r}"
        )
    redirect = env.get("SLACK_REDIRECT_URI", "").strip()
    authorization = env.get("SLACK_AUTHORIZATION_URL", "").strip()
    return {
        "slack_client_id": client_id,
        "slack_client_secret": client_secret,
        "slack_scopes": _scopes(env, "SLACK_SCOPES", DEFAULT_SCOPES),
        "slack_user_scopes": _scopes(env, "SLACK_USER_SCOPES", ()),
        "slack_redirect_uri": _absolute_url("SLACK_REDIRECT_URI", redirect) if redirect else None,
        "slack_install_path": _path(env, "SLACK_INSTALL_PATH", DEFAULT_INSTALL_PATH),
        "slack_redirect_uri_path": _path(env, "SLACK_REDIRECT_URI_PATH", DEFAULT_REDIRECT_URI_PATH),
        "slack_authorization_url": (
            _absolute_url("SLACK_AUTHORIZATION_URL", authorization) if authorization else ""
        ),
    }


def bot_token_setting(env: Mapping[str, str], *, distributed: bool) -> str:
    """SLACK_BOT_TOKEN: required for one workspace, refused beside the OAuth credentials (every
    workspace's token then comes from its installation)."""
    token = env.get("SLACK_BOT_TOKEN", "").strip()
    if distributed:
        if token:
            raise OAuthSettingError(
                "SLACK_BOT_TOKEN is set together with SLACK_CLIENT_ID: set the token for one "
                "workspace, or the client id and secret to install the app over OAuth, not both"
            )
        return ""
    if not token:
        raise OAuthSettingError("SLACK_BOT_TOKEN is not set")
    if not token.startswith("xoxb-"):
        raise OAuthSettingError("SLACK_BOT_TOKEN must be a bot token starting with 'xoxb-'")
    return token


def authorization_url(api_url: str, *, configured: str) -> str:
    """Slack's "Add to Slack" page: the setting, else beside SLACK_API_URL (GovSlack, tests)."""
    if configured:
        return configured
    base = api_url.rstrip("/")
    base = base[: -len("/api")] if base.endswith("/api") else base
    return f"{base}/oauth/v2/authorize"
