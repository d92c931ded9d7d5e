"""A group's life in Slack: the group page's buttons that open a modal (edit the group, remove a
member, name the deputy) and their submits, and the verslag question's button. Who is told what:
bot/services/group_edit.py, group_members.py and verslag.py."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App

from bot.errors import DomainError, InvalidFields, InvalidInput
from bot.i18n import t, tn
from bot.services.access import approved_members
from bot.services.group_edit import GroupEdit, edit_group, editable_group
from bot.services.group_members import RemovalReason, led_group, remove_member, set_deputy
from bot.services.people import display_name, ensure_person
from bot.services.verslag import confirm
from handlers.context import Interaction, Submitted, on_action, on_view
from handlers.events import first_submission
from handlers.ui import metadata
from handlers.ui.group_life_ids import ActionId, BlockId, CallbackId
from handlers.ui.group_life_ui import (
    YES,
    build_deputy_modal,
    build_done_modal,
    build_edit_modal,
    build_remove_modal,
)
from handlers.ui.groups_ids import ActionId as GroupActionId
from handlers.ui.groups_ids import BlockId as GroupBlockId
from handlers.ui.groups_ui import status_text
from storage.models import GroupForm, Person

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Listen for the page's modal buttons, the three modals and the verslag button."""
    on_action(app, ActionId.EDIT, on_edit_click)
    on_view(app, CallbackId.EDIT, on_edit_submit, error_block=GroupBlockId.NAME)
    on_action(app, ActionId.REMOVE, on_remove_click)
    on_view(app, CallbackId.REMOVE, on_remove_submit, error_block=BlockId.MEMBER)
    on_action(app, ActionId.DEPUTY, on_deputy_click)
    on_view(app, CallbackId.DEPUTY, on_deputy_submit, error_block=BlockId.DEPUTY_USER)
    on_action(app, ActionId.VERSLAG_CONFIRM, on_verslag_confirm)


def _entry(call: Interaction, block: str, action: str) -> dict[str, Any]:
    entry: dict[str, Any] = (call.values.get(block) or {}).get(action) or {}
    return entry


def _text(call: Interaction, block: str, action: str) -> str:
    return str(_entry(call, block, action).get("value") or "")


def _choice(call: Interaction, block: str, action: str) -> str:
    option = _entry(call, block, action).get("selected_option") or {}
    return str(option.get("value") or "")


# ------------------------------------------------------------------------------------ edit


def on_edit_click(call: Interaction) -> None:
    """Groep wijzigen: the modal with the group as it is (contact person or secretariat)."""
    with call.deps.uow() as session:
        group = editable_group(session, actor=call.actor, group_id=call.value_id)
        modal = build_edit_modal(lang=call.actor.lang, group=group)
    call.client.views_open(trigger_id=call.trigger_id, view=modal)


def _parse_edit(call: Interaction) -> GroupEdit:
    try:
        form = GroupForm(_choice(call, GroupBlockId.FORM, GroupActionId.FORM))
    except ValueError:
        raise InvalidFields({GroupBlockId.FORM: InvalidInput("error.bad_form")}) from None
    return GroupEdit(
        name=_text(call, GroupBlockId.NAME, GroupActionId.NAME),
        description=_text(call, GroupBlockId.DESCRIPTION, GroupActionId.DESCRIPTION),
        region=_text(call, GroupBlockId.REGION, GroupActionId.REGION),
        form=form,
        open_for_requests=_choice(call, GroupBlockId.OPEN, GroupActionId.OPEN) == YES,
        verslag_check=_choice(call, BlockId.VERSLAG_CHECK, ActionId.VERSLAG_CHECK) == YES,
    )


def on_edit_submit(call: Interaction) -> Submitted | None:
    """Save the edit before the ack (refusals inline, nothing written), then say what changed."""
    ref = metadata.GROUP.decode(call.view.get("private_metadata"))
    edit = _parse_edit(call)
    lang = call.actor.lang
    with call.deps.uow() as session:
        if not first_submission(session, call.body, now=call.deps.now()):
            return None  # the same modal submitted twice (double click): the first one counts
        outcome = edit_group(
            session, actor=call.actor, group_id=ref.group_id, edit=edit, now=call.deps.now()
        )
        number = outcome.group.number
    if not outcome.changed:
        return Submitted(view=build_done_modal(lang=lang, text=t(lang, "life.edit.unchanged")))
    lines = [t(lang, "life.edit.done", number=number)]
    if outcome.lapsed:
        lines.append(tn(lang, "life.edit.lapsed", outcome.lapsed))
    if outcome.told:
        lines.append(tn(lang, "life.edit.told", outcome.told))
    log.info("group %s edited by person %s: %s", number, call.actor.person_id, outcome.changed)
    return Submitted(view=build_done_modal(lang=lang, text="\n".join(lines)))


# ------------------------------------------------------------------------------------ remove


def on_remove_click(call: Interaction) -> None:
    """Deelnemer verwijderen: the modal with the members other than the contact person."""
    lang = call.actor.lang
    with call.deps.uow() as session:
        group = led_group(session, actor=call.actor, group_id=call.value_id)
        members = [
            p
            for p in approved_members(session, group_id=group.id)
            if p.id != group.contact_person_id
        ]
        if not members:
            raise InvalidInput("life.remove.nobody", number=group.number)
        modal = build_remove_modal(lang=lang, group=group, members=members)
    call.client.views_open(trigger_id=call.trigger_id, view=modal)


def on_remove_submit(call: Interaction) -> Submitted | None:
    """Remove the member once the reason is chosen and the removal ticked; say where the group
    stands now (forming again below the minimum)."""
    ref = metadata.GROUP.decode(call.view.get("private_metadata"))
    raw_member = _choice(call, BlockId.MEMBER, ActionId.MEMBER)
    problems: dict[str, DomainError] = {}
    if not (raw_member.isascii() and raw_member.isdigit()) or len(raw_member) > 18:
        problems[BlockId.MEMBER] = InvalidInput("life.remove.member_needed")
    try:
        reason = RemovalReason(_choice(call, BlockId.REASON, ActionId.REASON))
    except ValueError:
        problems[BlockId.REASON] = InvalidInput("life.remove.reason_needed")
    ticked = _entry(call, BlockId.CONFIRM, ActionId.CONFIRM).get("selected_options") or []
    if not any(o.get("value") == YES for o in ticked):
        problems[BlockId.CONFIRM] = InvalidInput("life.remove.confirm_needed")
    if problems:
        raise InvalidFields(problems)
    lang = call.actor.lang
    with call.deps.uow() as session:
        if not first_submission(session, call.body, now=call.deps.now()):
            return None
        removal = remove_member(
            session,
            actor=call.actor,
            group_id=ref.group_id,
            person_id=int(raw_member),
            reason=reason,
            now=call.deps.now(),
        )
        text = t(
            lang,
            "life.remove.done",
            who=display_name(removal.person),
            number=removal.summary.group.number,
            members=tn(lang, "life.members", removal.summary.members),
            status=status_text(lang, removal.summary),
        )
    return Submitted(view=build_done_modal(lang=lang, text=text))


# ------------------------------------------------------------------------------------ deputy


def on_deputy_click(call: Interaction) -> None:
    """Plaatsvervanger: pick a member (or nobody)."""
    with call.deps.uow() as session:
        group = led_group(session, actor=call.actor, group_id=call.value_id)
        deputy = session.get(Person, group.deputy_id) if group.deputy_id is not None else None
        modal = build_deputy_modal(lang=call.actor.lang, group=group, deputy=deputy)
    call.client.views_open(trigger_id=call.trigger_id, view=modal)


def on_deputy_submit(call: Interaction) -> Submitted | None:
    """Name the picked member deputy (a non-member or the contact person is refused inline)."""
    ref = metadata.GROUP.decode(call.view.get("private_metadata"))
    user_id = str(
        _entry(call, BlockId.DEPUTY_USER, ActionId.DEPUTY_USER).get("selected_user") or ""
    )
    lang, deps = call.actor.lang, call.deps
    profile = (
        deps.directory.profile(team_id=call.actor.team_id, user_id=user_id) if user_id else None
    )
    with deps.uow() as session:
        if not first_submission(session, call.body, now=deps.now()):
            return None
        person_id = None
        if profile is not None:
            person_id = ensure_person(session, profile=profile, now=deps.now()).id
        group = set_deputy(
            session, actor=call.actor, group_id=ref.group_id, person_id=person_id, now=deps.now()
        )
        deputy = session.get(Person, group.deputy_id) if group.deputy_id is not None else None
        if deputy is not None:
            text = t(lang, "life.deputy.done", who=display_name(deputy), number=group.number)
        else:
            text = t(lang, "life.deputy.cleared", number=group.number)
    return Submitted(view=build_done_modal(lang=lang, text=text))


# ------------------------------------------------------------------------------------ verslag


def on_verslag_confirm(call: Interaction) -> None:
    """ "Ja, getekend": recorded once; the question is redrawn by the outbox (the service owes it)."""
    with call.deps.uow() as session:
        confirm(session, actor=call.actor, meeting_id=call.value_id, now=call.deps.now())
    log.info("verslag of meeting %s confirmed by person %s", call.value_id, call.actor.person_id)
