"""What every handler needs first: the app's deps and who is acting, in which language and zone."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_bolt import BoltContext

from bot.app import DEPS_KEY
from bot.deps import Deps
from bot.i18n import Lang, lang_for
from bot.services.people import ensure_person


def deps_of(context: BoltContext) -> Deps:
    """The deps injected by the app factory's middleware."""
    deps: Deps = context[DEPS_KEY]
    return deps


@dataclass(frozen=True, kw_only=True)
class Viewer:
    """The acting Slack user as the app knows them; re-read from every payload, never trusted
    from private_metadata."""

    team_id: str
    user_id: str
    person_id: int
    name: str
    lang: Lang
    tz: ZoneInfo
    is_secretariat: bool


def viewer_for(deps: Deps, *, team_id: str, user_id: str) -> Viewer:
    """Resolve (and on first contact create) the person behind a Slack user id."""
    profile = deps.directory.profile(team_id=team_id, user_id=user_id)
    with deps.uow() as session:
        person = ensure_person(session, profile=profile, now=deps.now())
        person_id, name, locale, tz_name = (
            person.id,
            person.full_name or person.display_name or user_id,
            person.locale,
            person.tz,
        )
    try:
        tz = ZoneInfo(tz_name) if tz_name else deps.settings.timezone
    except (ZoneInfoNotFoundError, ValueError):
        tz = deps.settings.timezone
    return Viewer(
        team_id=team_id,
        user_id=user_id,
        person_id=person_id,
        name=name,
        lang=lang_for(locale),
        tz=tz,
        is_secretariat=deps.is_secretariat(user_id),
    )


def team_of(body: dict[str, Any]) -> str:
    """The workspace id of any payload (command, action, view submission, event)."""
    team = body.get("team")
    if isinstance(team, dict) and team.get("id"):
        return str(team["id"])
    if body.get("team_id"):
        return str(body["team_id"])
    user = body.get("user")
    if isinstance(user, dict) and user.get("team_id"):
        return str(user["team_id"])
    raise ValueError("payload without a team id")


def user_of(body: dict[str, Any]) -> str:
    """The acting user's id in any payload."""
    user = body.get("user")
    if isinstance(user, dict) and user.get("id"):
        return str(user["id"])
    if body.get("user_id"):
        return str(body["user_id"])
    event = body.get("event") or {}
    if event.get("user"):
        return str(event["user"])
    raise ValueError("payload without a user id")
