"""Groups in Slack: `/intervisie nieuw` (the create modal), `/intervisie groepen` (the directory,
paged) and the "Mijn groepen" part of the App Home."""

from __future__ import annotations

import json
import logging
from typing import Any

from slack_bolt import App
from slack_sdk.models.blocks import Block

from bot.actor import Actor
from bot.deps import Deps
from bot.errors import InvalidInput
from bot.services.association import association_for
from bot.services.catalogues import for_team
from bot.services.groups import GroupDraft, create_group, directory, my_groups, size_bounds
from bot.services.multidisciplinary import professions_present
from handlers import guided as guided_area
from handlers.context import CommandCall, Interaction, Submitted, on_action, on_view
from handlers.profile import join_prompt
from handlers.ui.accreditation_ui import profession_summary
from handlers.ui.groups_ids import ActionId, BlockId, CallbackId
from handlers.ui.groups_ui import (
    build_create_group_modal,
    build_directory_message,
    build_home_section,
)
from storage.models import GroupForm, GroupKind

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Listen for the create modal and the directory's paging buttons."""
    on_view(app, CallbackId.CREATE_GROUP, on_create_submit, error_block=BlockId.NAME)
    on_action(app, ActionId.DIRECTORY_NEXT, on_directory_page)
    on_action(app, ActionId.DIRECTORY_PREV, on_directory_page)


# ------------------------------------------------------------------------------------ create


def create_command(call: CommandCall) -> None:
    """`/intervisie nieuw`: open the create-group modal (the trigger id lives 3 seconds)."""
    with call.deps.uow() as session:
        association = association_for(
            session, team_id=call.actor.team_id, settings=call.deps.settings
        )
    call.client.views_open(
        trigger_id=call.trigger_id,
        view=build_create_group_modal(lang=call.actor.lang, association=association),
    )


def _value(values: dict[str, Any], block: str, action: str) -> Any:
    entry = (values.get(block) or {}).get(action) or {}
    if "selected_option" in entry:
        option = entry.get("selected_option") or {}
        return option.get("value")
    return entry.get("value")


def parse_draft(values: dict[str, Any]) -> GroupDraft:
    """The modal's state as a draft; the service validates the rules."""
    try:
        form = GroupForm(_value(values, BlockId.FORM, ActionId.FORM))
        kind = GroupKind(_value(values, BlockId.KIND, ActionId.KIND))
    except ValueError as exc:
        raise InvalidInput("group.create.name_required", field=BlockId.KIND) from exc
    raw_size = str(_value(values, BlockId.MAX_MEMBERS, ActionId.MAX_MEMBERS) or "")
    minimum, maximum = size_bounds(kind)
    if not (raw_size.isascii() and raw_size.isdigit()):
        raise InvalidInput(
            "group.create.size_out_of_bounds", field=BlockId.MAX_MEMBERS, low=minimum, count=maximum
        )
    return GroupDraft(
        name=str(_value(values, BlockId.NAME, ActionId.NAME) or ""),
        description=str(_value(values, BlockId.DESCRIPTION, ActionId.DESCRIPTION) or ""),
        region=str(_value(values, BlockId.REGION, ActionId.REGION) or ""),
        form=form,
        kind=kind,
        supervisor_name=str(_value(values, BlockId.SUPERVISOR, ActionId.SUPERVISOR) or ""),
        max_members=int(raw_size),
        open_for_requests=_value(values, BlockId.OPEN, ActionId.OPEN) != "no",
        multidisciplinary=bool(
            (
                (values.get(BlockId.MULTIDISCIPLINARY) or {}).get(ActionId.MULTIDISCIPLINARY) or {}
            ).get("selected_options")
        ),
    )


def on_create_submit(call: Interaction) -> Submitted | None:
    """Create the group before the ack, so a refusal shows inline; the DM is owed by the service.
    A multidisciplinary group asks its creator for their profession and registers (once)."""
    if _value(call.values, BlockId.KIND, ActionId.KIND) == GroupKind.GUIDED.value:
        # A guided group is a trajectory: its creator, the supervisor, records the agreement next.
        return guided_area.start_from_create(call, call.values)
    draft = parse_draft(call.values)
    with call.deps.uow() as session:
        group = create_group(session, actor=call.actor, draft=draft, now=call.deps.now())
        number = group.number
        prompt = join_prompt(session, actor=call.actor, group=group, now=call.deps.now())
    log.info("group %s created by person %s", number, call.actor.person_id)
    return Submitted(view=prompt) if prompt is not None else None


# ------------------------------------------------------------------------------------ directory


def _show_directory(call: Interaction, *, query: str, page: int, replace: bool) -> None:
    with call.deps.uow() as session:
        found = directory(session, team_id=call.actor.team_id, query=query, page=page)
        multi = [s.group.id for s in found.items if s.group.multidisciplinary]
        professions: dict[int, str] = {}
        if multi:
            cats = for_team(session, team_id=call.actor.team_id)
            for group_id, counts in professions_present(
                session, group_ids=multi, cats=cats
            ).items():
                professions[group_id] = profession_summary(call.actor.lang, counts)
        msg = build_directory_message(
            lang=call.actor.lang, page=found, query=query, professions=professions
        )
    call.say(msg, replace=replace)


def directory_command(call: CommandCall) -> None:
    """`/intervisie groepen [zoekwoord]`: the first page of groups open for requests."""
    _show_directory(call, query=" ".join(call.args)[:100], page=0, replace=False)


def on_directory_page(call: Interaction) -> None:
    """'Volgende' / 'Vorige': replace the ephemeral directory with another page."""
    try:
        state = json.loads(call.value or "{}")
        query, page = str(state.get("q", ""))[:100], max(0, int(state.get("p", 0)))
    except (ValueError, TypeError, AttributeError):
        query, page = "", 0
    _show_directory(call, query=query, page=page, replace=True)


# ------------------------------------------------------------------------------------ home


def home_section(deps: Deps, actor: Actor) -> list[Block]:
    """'Mijn groepen' on the App Home."""
    with deps.uow() as session:
        mine = my_groups(session, person_id=actor.person_id)
        return build_home_section(lang=actor.lang, mine=mine)
