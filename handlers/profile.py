""" "Mijn profiel" on the App Home (with the hours per register under the meter), and the one-time
question when someone joins or starts a multidisciplinary group. The modal's listeners and
`/intervisie profiel` are in handlers/profile_edit.py; the rules in bot/services/profiles.py."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from slack_sdk.models.blocks import Block
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.deps import Deps
from bot.i18n import t
from bot.services import profiles
from bot.services.people import person_by_id
from bot.services.register_hours import register_meters
from handlers.ui.blocks import divider
from handlers.ui.profile_ui import build_profile_modal, profile_blocks, register_hours_blocks
from storage.models import Group


def join_prompt(
    session: Session, *, actor: Actor, group: Group, now: datetime, lead: str = ""
) -> dict[str, Any] | None:
    """The profile modal to show once when someone joins (or starts) a multidisciplinary group,
    with `lead` (e.g. 'your request was sent') above it; None when it is not to be asked."""
    if not profiles.should_ask(session, person_id=actor.person_id, group=group):
        return None
    profiles.mark_asked(session, person_id=actor.person_id, now=now)
    intro = t(actor.lang, "profile.multi_intro", number=group.number)
    return profile_modal(session, actor=actor, intro=f"{lead}\n\n{intro}" if lead else intro)


def profile_modal(session: Session, *, actor: Actor, intro: str | None = None) -> dict[str, Any]:
    """The actor's own profile modal, filled in with what is stored."""
    person = person_by_id(session, person_id=actor.person_id)
    view = profiles.load_profile(session, person=person)
    return build_profile_modal(lang=actor.lang, view=view, intro=intro)


def _hours_and_profile(deps: Deps, actor: Actor) -> tuple[list[Block], list[Block]]:
    today = deps.now().astimezone(deps.settings.timezone).date()
    with deps.uow() as session:
        person = person_by_id(session, person_id=actor.person_id)
        view = profiles.load_profile(session, person=person, always_catalogue=False)
        meters = register_meters(
            session,
            person=person,
            held=[register for register, _ in view.registrations],
            today=today,
            tz=deps.settings.timezone,
        )
        hours = register_hours_blocks(lang=actor.lang, meters=meters)
        return hours, profile_blocks(lang=actor.lang, view=view)


def home_section(deps: Deps, actor: Actor) -> list[Block]:
    """Under the recertification meter: the hours per register (people with several), then
    'Mijn profiel' (one unit of work: the App Home is built on every visit)."""
    hours, profile = _hours_and_profile(deps, actor)
    return [divider(), *hours, *profile] if hours else profile


def register_hours(deps: Deps, actor: Actor) -> list[Block]:
    """'Uren per register' for `/intervisie uren` (people with several registers)."""
    hours, _ = _hours_and_profile(deps, actor)
    return hours
