"""Groups in Slack: `/intervisie nieuw` (the create modal), `/intervisie groepen` (the directory,
paged) and the "Mijn groepen" part of the App Home."""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk.models.blocks import Block

from bot.delivery import enqueue_message
from bot.deps import Deps
from bot.errors import DomainError, InvalidInput
from bot.i18n import t_plain
from bot.services.groups import GroupDraft, create_group, directory, my_groups, size_bounds
from handlers.context import Viewer, deps_of, team_of, user_of, viewer_for
from handlers.ui.groups_ids import ActionId, BlockId, CallbackId
from handlers.ui.groups_ui import (
    build_create_group_modal,
    build_directory_message,
    build_group_created_dm,
    build_home_section,
)
from storage.models import GroupForm, GroupKind

if TYPE_CHECKING:
    from handlers.commands import CommandCall

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Listen for the create modal and the directory's paging buttons."""
    app.view(CallbackId.CREATE_GROUP)(on_create_submit)
    app.action(ActionId.DIRECTORY_NEXT)(on_directory_page)
    app.action(ActionId.DIRECTORY_PREV)(on_directory_page)


# ------------------------------------------------------------------------------------ create


def create_command(call: CommandCall) -> None:
    """`/intervisie nieuw`: open the create-group modal (the trigger id lives 3 seconds)."""
    call.client.views_open(
        trigger_id=call.trigger_id, view=build_create_group_modal(lang=call.viewer.lang)
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
    if not raw_size.isdigit():
        raise InvalidInput(
            "group.create.size_out_of_bounds", field=BlockId.MAX_MEMBERS, low=minimum, high=maximum
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
    )


def on_create_submit(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    """Create the group before the ack, so a refusal shows inline; the DM goes to the outbox."""
    deps = deps_of(context)
    viewer = viewer_for(deps, team_id=team_of(body), user_id=user_of(body))
    try:
        draft = parse_draft(body["view"]["state"]["values"])
        with deps.uow() as session:
            group = create_group(
                session,
                team_id=viewer.team_id,
                creator_id=viewer.person_id,
                draft=draft,
                now=deps.now(),
            )
            minimum, _ = size_bounds(group.kind)
            dm = build_group_created_dm(lang=viewer.lang, group=group, minimum=minimum)
            enqueue_message(
                session,
                team_id=viewer.team_id,
                user_id=viewer.user_id,
                text=dm["text"],
                blocks=dm["blocks"],
                dedupe_key=f"group-created:{group.id}",
                now=deps.now(),
            )
            number = group.number
    except DomainError as exc:
        ack(
            response_action="errors",
            errors={exc.field or BlockId.NAME: t_plain(viewer.lang, exc.key, **exc.params)},
        )
        return
    ack()
    log.info("group %s created by person %s", number, viewer.person_id)


# ------------------------------------------------------------------------------------ directory


def _show_directory(
    deps: Deps, *, viewer: Viewer, query: str, page: int, respond: Respond, replace: bool
) -> None:
    with deps.uow() as session:
        found = directory(session, team_id=viewer.team_id, query=query, page=page)
        msg = build_directory_message(lang=viewer.lang, page=found, query=query)
    if replace:
        respond(**msg, response_type="ephemeral", replace_original=True)
    else:
        respond(**msg, response_type="ephemeral")


def directory_command(call: CommandCall) -> None:
    """`/intervisie groepen [zoekwoord]`: the first page of groups open for requests."""
    query = " ".join(call.args)[:100]
    _show_directory(
        call.deps, viewer=call.viewer, query=query, page=0, respond=call.respond, replace=False
    )


def on_directory_page(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, respond: Respond
) -> None:
    """'Volgende' / 'Vorige': replace the ephemeral directory with another page."""
    ack()
    deps = deps_of(context)
    viewer = viewer_for(deps, team_id=team_of(body), user_id=user_of(body))
    try:
        state = json.loads(action.get("value") or "{}")
        query, page = str(state.get("q", ""))[:100], int(state.get("p", 0))
    except (ValueError, TypeError):
        query, page = "", 0
    _show_directory(deps, viewer=viewer, query=query, page=page, respond=respond, replace=True)


# ------------------------------------------------------------------------------------ home


def home_section(deps: Deps, viewer: Viewer) -> list[Block]:
    """'Mijn groepen' on the App Home."""
    with deps.uow() as session:
        mine = my_groups(session, person_id=viewer.person_id)
        return build_home_section(lang=viewer.lang, mine=mine)
