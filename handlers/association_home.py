"""The secretariat's part of the App Home: the association at a glance (name, fee, rules, who is
in the secretariat) with the buttons to its forms (handlers/association.py). Nobody else sees it."""

from __future__ import annotations

from slack_sdk.models.blocks import Block

from bot.actor import Actor
from bot.deps import Deps
from bot.services.association import association_for, secretariat_members
from handlers.ui.association_ui import build_home_section


def home_section(deps: Deps, actor: Actor) -> list[Block]:
    """The section, for the secretariat only (an empty list, and no query, for anyone else)."""
    if not actor.is_secretariat:
        return []
    with deps.uow() as session:
        association = association_for(session, team_id=actor.team_id, settings=deps.settings)
        members = secretariat_members(session, team_id=actor.team_id)
    return build_home_section(
        lang=actor.lang,
        association=association,
        members=members,
        year=deps.now().astimezone(deps.settings.timezone).year,
        grace_days=deps.settings.uninstall_grace_days,
    )
