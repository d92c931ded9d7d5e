"""Editing "Mijn profiel": `/intervisie profiel`, the App Home's 'Profiel bewerken' button and the
profile modal, whose refusals (a malformed number, a number someone else holds) show inline under
their own register. Rules: bot/services/profiles.py."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App

from bot.errors import InvalidInput
from bot.services import profiles
from handlers.context import CommandCall, Interaction, Submitted, on_action, on_view
from handlers.home import publish_home
from handlers.profile import profile_modal
from handlers.ui.registers_ids import ActionId, BlockId, CallbackId, number_action_id

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Listen for the 'Profiel bewerken' button and the profile modal."""
    on_action(app, ActionId.EDIT_PROFILE, on_edit_profile)
    on_view(app, CallbackId.PROFILE, on_profile_submit, error_block=BlockId.PROFESSIONS)


def _modal(call: Interaction) -> dict[str, Any]:
    with call.deps.uow() as session:
        return profile_modal(session, actor=call.actor)


def profile_command(call: CommandCall) -> None:
    """`/intervisie profiel`: open the profile modal (the trigger id lives 3 seconds)."""
    call.client.views_open(trigger_id=call.trigger_id, view=_modal(call))


def on_edit_profile(call: Interaction) -> None:
    """'Profiel bewerken' on the App Home."""
    call.client.views_open(trigger_id=call.trigger_id, view=_modal(call))


def parse_profile(values: dict[str, dict[str, Any]]) -> profiles.ProfileDraft:
    """The submitted profile: profession keys, (register, typed number) per number block, and the
    member number when the form asked for it. Anything malformed is a forged or garbled form."""
    try:
        chosen = (values.get(BlockId.PROFESSIONS) or {}).get(ActionId.PROFESSIONS) or {}
        professions = [str(o["value"]) for o in chosen.get("selected_options") or []]
        registrations: list[tuple[str, str]] = []
        for block_id, inputs in values.items():
            if not block_id.startswith(profiles.NUMBER_FIELD_PREFIX):
                continue
            register_key = block_id[len(profiles.NUMBER_FIELD_PREFIX) :]
            typed = inputs.get(number_action_id(register_key)) or {}
            registrations.append((register_key, str(typed.get("value") or "")))
        member_number = None
        if BlockId.MEMBER_NUMBER in values:
            member = values[BlockId.MEMBER_NUMBER].get(ActionId.MEMBER_NUMBER) or {}
            member_number = str(member.get("value") or "")
    except (KeyError, TypeError, AttributeError):
        raise InvalidInput("error.bad_form") from None
    return profiles.ProfileDraft(
        professions=professions, registrations=registrations, member_number=member_number
    )


def on_profile_submit(call: Interaction) -> Submitted:
    """Save the profile, all or nothing; every refusal shows under its own field. Then refresh
    the App Home, where the profile is shown."""
    draft = parse_profile(call.values)
    with call.deps.uow() as session:
        profiles.save_profile(session, actor=call.actor, draft=draft, now=call.deps.now())
    log.info("profile saved by person %s", call.actor.person_id)

    return Submitted(then=lambda: publish_home(call.deps, actor=call.actor, client=call.client))
