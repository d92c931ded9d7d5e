"""Enrollment in Slack: `/intervisie aanmelden 1234` (and the directory's button), the first-time
membership modal, the contact person's Accorderen / Afwijzen buttons with the reason modal, and
`/intervisie verlaten 1234` (still `afmelden`, with a hint) with its confirmation. Who is told
what: bot/services/enrollment.py."""

from __future__ import annotations

import logging

from slack_bolt import App

from bot.errors import InvalidInput
from bot.i18n import t
from bot.parsing import parse_group_number
from bot.services.association import association_for
from bot.services.enrollment import (
    decide,
    joinable_group,
    leavable_group,
    leave,
    load_pending_for_manager,
    needs_membership_type,
    request_to_join,
    set_membership,
)
from bot.services.people import person_by_id
from handlers.context import CommandCall, Interaction, Submitted, on_action, on_view
from handlers.profile import join_prompt
from handlers.ui import metadata
from handlers.ui.blocks import text_message
from handlers.ui.enrollment_ui import (
    build_info_modal,
    build_leave_confirm,
    build_membership_modal,
    build_reject_modal,
)
from handlers.ui.groups_ids import ActionId, BlockId, CallbackId
from storage.models import MembershipType

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Listen for the join/decision/leave buttons and the membership and reject modals."""
    on_action(app, ActionId.DIRECTORY_JOIN, on_directory_join)
    on_view(app, CallbackId.MEMBERSHIP, on_membership_submit, error_block=BlockId.MEMBERSHIP_TYPE)
    on_action(app, ActionId.APPROVE, on_approve)
    on_action(app, ActionId.REJECT, on_reject_click)
    on_view(app, CallbackId.REJECT, on_reject_submit, error_block=BlockId.REASON)
    on_action(app, ActionId.LEAVE_CONFIRM, on_leave_confirm)
    on_action(app, ActionId.LEAVE_CANCEL, on_leave_cancel)


# ------------------------------------------------------------------------------------ request


def start_join(call: Interaction, *, number: int) -> None:
    """Ask to join: the membership modal the first time, otherwise the request at once."""
    actor = call.actor
    with call.deps.uow() as session:
        group = joinable_group(session, actor=actor, number=number)
        prompt = None
        if needs_membership_type(session, person_id=actor.person_id):
            association = association_for(
                session, team_id=actor.team_id, settings=call.deps.settings
            )
            modal = build_membership_modal(lang=actor.lang, group=group, association=association)
        else:
            modal = None
            request_to_join(session, actor=actor, group_id=group.id, now=call.deps.now())
            # A multidisciplinary group asks for profession and registers, once.
            prompt = join_prompt(session, actor=actor, group=group, now=call.deps.now())
        sent = t(actor.lang, "enroll.sent", number=group.number, name=group.name)
    if modal is not None:
        call.client.views_open(trigger_id=call.trigger_id, view=modal)
        return
    if prompt is not None:
        call.client.views_open(trigger_id=call.trigger_id, view=prompt)
    call.say(text_message(sent))


def join_command(call: CommandCall) -> None:
    """`/intervisie aanmelden 1234`."""
    start_join(call, number=parse_group_number(call.args[0] if call.args else None))


def on_directory_join(call: Interaction) -> None:
    """The directory's 'Aanmelden' button: the same as typing the number."""
    start_join(call, number=parse_group_number(call.value))


def _selected(call: Interaction, block: str, action: str) -> str:
    entry = (call.values.get(block) or {}).get(action) or {}
    option = entry.get("selected_option") or {}
    return str(option.get("value") or entry.get("value") or "")


def on_membership_submit(call: Interaction) -> Submitted:
    """Store the membership type and the request in one transaction; refusals show inline."""
    actor = call.actor
    try:
        membership = MembershipType(
            _selected(call, BlockId.MEMBERSHIP_TYPE, ActionId.MEMBERSHIP_TYPE)
        )
    except ValueError as exc:
        raise InvalidInput("enroll.membership_unknown", field=BlockId.MEMBERSHIP_TYPE) from exc
    member_number = _selected(call, BlockId.MEMBER_NUMBER, ActionId.MEMBER_NUMBER)
    ref = metadata.GROUP.decode(call.view.get("private_metadata"))
    with call.deps.uow() as session:
        set_membership(
            session,
            actor=actor,
            person=person_by_id(session, person_id=actor.person_id),
            membership_type=membership,
            member_number=member_number,
            now=call.deps.now(),
        )
        group = request_to_join(session, actor=actor, group_id=ref.group_id, now=call.deps.now())
        sent = t(actor.lang, "enroll.sent", number=group.number, name=group.name)
        prompt = join_prompt(session, actor=actor, group=group, now=call.deps.now(), lead=sent)
    return Submitted(view=prompt or build_info_modal(lang=actor.lang, text=sent))


# ------------------------------------------------------------------------------------ decide


def on_approve(call: Interaction) -> None:
    """Accorderen: decided once, never beyond the maximum; anyone else is told so."""
    with call.deps.uow() as session:
        decide(
            session,
            actor=call.actor,
            enrollment_id=call.value_id,
            approve=True,
            reason=None,
            now=call.deps.now(),
        )
    log.info("enrollment %s approved by person %s", call.value_id, call.actor.person_id)


def on_reject_click(call: Interaction) -> None:
    """Afwijzen: check the clicker may decide, then ask for an optional reason."""
    with call.deps.uow() as session:
        enrollment = load_pending_for_manager(
            session, actor=call.actor, enrollment_id=call.value_id
        )
        modal = build_reject_modal(
            lang=call.actor.lang,
            enrollment_id=enrollment.id,
            requester=enrollment.person,
            group=enrollment.group,
        )
    call.client.views_open(trigger_id=call.trigger_id, view=modal)


def on_reject_submit(call: Interaction) -> None:
    """Reject with the reason; if someone decided in the meantime, say so in the modal."""
    ref = metadata.ENROLLMENT.decode(call.view.get("private_metadata"))
    reason = str(
        ((call.values.get(BlockId.REASON) or {}).get(ActionId.REJECT_REASON) or {}).get("value")
        or ""
    )
    with call.deps.uow() as session:
        decide(
            session,
            actor=call.actor,
            enrollment_id=ref.enrollment_id,
            approve=False,
            reason=reason,
            now=call.deps.now(),
        )


# ------------------------------------------------------------------------------------ leave


def leave_command(call: CommandCall) -> None:
    """`/intervisie verlaten 1234`: ask for confirmation first."""
    _ask_to_leave(call, old_word=False)


def afmelden_command(call: CommandCall) -> None:
    """`/intervisie afmelden 1234`, the old word for leaving: it still works, with a hint that it
    will soon mean notifying absence ("ik kan niet") and that leaving is `verlaten`."""
    _ask_to_leave(call, old_word=True)


def _ask_to_leave(call: CommandCall, *, old_word: bool) -> None:
    number = parse_group_number(call.args[0] if call.args else None)
    with call.deps.uow() as session:
        group = leavable_group(session, actor=call.actor, number=number)
        msg = build_leave_confirm(lang=call.actor.lang, group=group, old_word=old_word)
    call.say(msg)


def on_leave_confirm(call: Interaction) -> None:
    """Leave the group; the contact person is told by DM."""
    with call.deps.uow() as session:
        group = leave(session, actor=call.actor, group_id=call.value_id, now=call.deps.now())
        done = t(call.actor.lang, "leave.done", number=group.number, name=group.name)
    call.say(text_message(done), replace=True)


def on_leave_cancel(call: Interaction) -> None:
    """Stay in the group."""
    text = t(call.actor.lang, "leave.cancelled", number=call.value[:12])
    call.say(text_message(text), replace=True)
