"""Who is acting: one typed value that services take instead of loose team, person and role flags,
and the Slack profile facts a person is created from. Slack-free: handlers build these."""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.i18n import Lang


@dataclass(frozen=True, kw_only=True)
class Profile:
    """What the app needs to know of a Slack user to address them in their language and time."""

    team_id: str
    user_id: str
    full_name: str
    display_name: str
    locale: str | None
    tz: str | None
    is_bot: bool = False
    # A deactivated account: still known to users.info, but nobody to send anything to.
    deleted: bool = False
    # A workspace owner or admin (users.info is_owner / is_admin).
    is_admin: bool = False
    # False when Slack could not be asked; the caller keeps what it already knew.
    fresh: bool = True


@dataclass(frozen=True, kw_only=True)
class Actor:
    """The person doing something, re-read from every payload (never from private_metadata):
    workspace, Slack user, the app's person id, name, language, time zone and secretariat flag."""

    team_id: str
    user_id: str
    person_id: int
    name: str
    lang: Lang
    tz: ZoneInfo
    is_secretariat: bool


def zone_of(tz_name: str | None, *, default: ZoneInfo) -> ZoneInfo:
    """A person's Slack time zone for display, else the association's (unknown names included)."""
    try:
        return ZoneInfo(tz_name) if tz_name else default
    except (ZoneInfoNotFoundError, ValueError):
        return default
