"""Slack user profiles (name, locale, time zone, workspace admin) from users.info, cached with an
expiry, asked with the token of the user's own workspace."""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta

from slack_sdk.errors import SlackApiError, SlackClientError

from bot.actor import Profile
from bot.clock import Clock
from bot.installations import NotInstalled, TokenUnavailable
from bot.slack_api import ClientFor

log = logging.getLogger(__name__)


class UserDirectory:
    """users.info with a per-process cache: one call per user per `ttl`, not one per request."""

    def __init__(self, clients: ClientFor, *, clock: Clock, ttl: timedelta = timedelta(hours=1)):
        self._clients = clients
        self._clock = clock
        self._ttl = ttl
        self._cache: dict[tuple[str, str], tuple[datetime, Profile]] = {}
        self._lock = threading.Lock()

    def profile(self, *, team_id: str, user_id: str) -> Profile:
        """The user's profile, from cache when fresh enough, else from Slack."""
        key = (team_id, user_id)
        now = self._clock.now()
        with self._lock:
            hit = self._cache.get(key)
        if hit is not None and now - hit[0] < self._ttl:
            return hit[1]
        try:
            client = self._clients(team_id)
            response = client.users_info(user=user_id, include_locale=True)
        except (SlackApiError, SlackClientError, OSError, NotInstalled, TokenUnavailable) as exc:
            # Slack is having a bad minute: answer with what we have rather than fail the request.
            log.warning("users.info failed for %s: %s", user_id, type(exc).__name__)
            if hit is not None:
                return hit[1]
            return Profile(
                team_id=team_id,
                user_id=user_id,
                full_name="",
                display_name="",
                locale=None,
                tz=None,
                fresh=False,
            )
        user = response.get("user") or {}
        profile_data = user.get("profile") or {}
        profile = Profile(
            team_id=team_id,
            user_id=user_id,
            full_name=(profile_data.get("real_name") or user.get("real_name") or "").strip(),
            display_name=(profile_data.get("display_name") or user.get("name") or "").strip(),
            locale=user.get("locale"),
            tz=user.get("tz"),
            is_bot=bool(user.get("is_bot")),
            deleted=bool(user.get("deleted")),
            # Owners and admins of the workspace belong to the secretariat by default.
            is_admin=bool(user.get("is_admin") or user.get("is_owner")),
        )
        with self._lock:
            self._cache[key] = (now, profile)
        return profile

    def forget(self, *, team_id: str, user_id: str) -> None:
        """Drop a cached profile (after `user_change`, or when a member asks to be forgotten)."""
        with self._lock:
            self._cache.pop((team_id, user_id), None)
