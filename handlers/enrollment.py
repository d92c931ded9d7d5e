"""Enrollment in Slack: `/intervisie aanmelden 1234` (and the directory's button), the first-time
membership modal, the contact person's Accorderen / Afwijzen buttons with the reason modal, and
`/intervisie afmelden 1234` with its confirmation."""

from __future__ import annotations

import json
import logging
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from sqlalchemy.orm import Session

from bot.delivery import enqueue_message, enqueue_update
from bot.deps import Deps
from bot.errors import DomainError, InvalidInput
from bot.i18n import lang_for, t, t_plain
from bot.services.access import group_by_id
from bot.services.enrollment import (
    Decision,
    check_can_leave,
    check_can_request,
    decide,
    leave,
    load_pending_for_manager,
    needs_membership_type,
    parse_group_number,
    request_to_join,
    set_membership,
)
from bot.services.groups import GroupSummary, member_count
from bot.services.people import display_name, person_by_id
from handlers.context import Viewer, deps_of, team_of, user_of, viewer_for
from handlers.ui.groups_ids import ActionId, BlockId, CallbackId
from handlers.ui.groups_ui import (
    build_decided_request,
    build_decision_dm,
    build_info_modal,
    build_leave_confirm,
    build_membership_modal,
    build_reject_modal,
    build_request_dm,
    build_text,
    status_text,
)
from storage.models import Enrollment, EnrollmentStatus, Group, MembershipType

if TYPE_CHECKING:
    from handlers.commands import CommandCall

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Listen for the join/decision/leave buttons and the membership and reject modals."""
    app.action(ActionId.DIRECTORY_JOIN)(on_directory_join)
    app.view(CallbackId.MEMBERSHIP)(on_membership_submit)
    app.action(ActionId.APPROVE)(on_approve)
    app.action(ActionId.REJECT)(on_reject_click)
    app.view(CallbackId.REJECT)(on_reject_submit)
    app.action(ActionId.LEAVE_CONFIRM)(on_leave_confirm)
    app.action(ActionId.LEAVE_CANCEL)(on_leave_cancel)


def _viewer(deps: Deps, body: dict[str, Any]) -> Viewer:
    return viewer_for(deps, team_id=team_of(body), user_id=user_of(body))


# ------------------------------------------------------------------------------------ request


def _enqueue_request_dm(
    session: Session, deps: Deps, *, enrollment: Enrollment, group: Group
) -> None:
    """Owe the contact person the request with its two buttons (in the request's transaction)."""
    contact = person_by_id(session, person_id=group.contact_person_id)
    requester = person_by_id(session, person_id=enrollment.person_id)
    msg = build_request_dm(
        lang=lang_for(contact.locale),
        enrollment_id=enrollment.id,
        requester=requester,
        group=group,
        members=member_count(session, group_id=group.id),
    )
    enqueue_message(
        session,
        team_id=group.team_id,
        user_id=contact.slack_user_id,
        text=msg["text"],
        blocks=msg["blocks"],
        dedupe_key=f"enroll-request:{enrollment.id}",
        now=deps.now(),
    )


def _request(session: Session, deps: Deps, *, viewer: Viewer, number: int) -> Group:
    enrollment = request_to_join(
        session, team_id=viewer.team_id, person_id=viewer.person_id, number=number, now=deps.now()
    )
    group = group_by_id(session, team_id=viewer.team_id, group_id=enrollment.group_id)
    _enqueue_request_dm(session, deps, enrollment=enrollment, group=group)
    return group


def start_join(
    deps: Deps,
    *,
    viewer: Viewer,
    number: int,
    trigger_id: str,
    respond: Respond,
    client: WebClient,
) -> None:
    """Ask to join: the membership modal the first time, otherwise the request at once."""
    with deps.uow() as session:
        group = check_can_request(
            session, team_id=viewer.team_id, person_id=viewer.person_id, number=number
        )
        first_time = needs_membership_type(session, person_id=viewer.person_id)
        if first_time:
            modal = build_membership_modal(lang=viewer.lang, group=group)
        else:
            group = _request(session, deps, viewer=viewer, number=number)
            sent = t(viewer.lang, "enroll.sent", number=group.number, name=group.name)
    if first_time:
        client.views_open(trigger_id=trigger_id, view=modal)
        return
    respond(**build_text(sent), response_type="ephemeral")


def join_command(call: CommandCall) -> None:
    """`/intervisie aanmelden 1234`."""
    number = parse_group_number(call.args[0] if call.args else None)
    start_join(
        call.deps,
        viewer=call.viewer,
        number=number,
        trigger_id=call.trigger_id,
        respond=call.respond,
        client=call.client,
    )


def on_directory_join(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    context: BoltContext,
    respond: Respond,
    client: WebClient,
) -> None:
    """The directory's 'Aanmelden' button: the same as typing the number."""
    ack()
    deps = deps_of(context)
    viewer = _viewer(deps, body)
    start_join(
        deps,
        viewer=viewer,
        number=parse_group_number(action.get("value")),
        trigger_id=body.get("trigger_id", ""),
        respond=respond,
        client=client,
    )


def on_membership_submit(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    """Store the membership type and the request in one transaction; refusals show inline."""
    deps = deps_of(context)
    viewer = _viewer(deps, body)
    view = body["view"]
    values = view["state"]["values"]
    try:
        chosen = (values.get(BlockId.MEMBERSHIP_TYPE) or {}).get(ActionId.MEMBERSHIP_TYPE) or {}
        option = chosen.get("selected_option") or {}
        try:
            membership = MembershipType(str(option.get("value")))
        except ValueError as exc:
            raise InvalidInput("enroll.membership_unknown", field=BlockId.MEMBERSHIP_TYPE) from exc
        member_number = (
            (values.get(BlockId.MEMBER_NUMBER) or {}).get(ActionId.MEMBER_NUMBER) or {}
        ).get("value")
        group_id = int(json.loads(view.get("private_metadata") or "{}").get("group", 0))
        with deps.uow() as session:
            person = person_by_id(session, person_id=viewer.person_id)
            set_membership(
                session,
                team_id=viewer.team_id,
                person=person,
                membership_type=membership,
                member_number=member_number,
                actor_id=viewer.person_id,
                now=deps.now(),
            )
            number = group_by_id(session, team_id=viewer.team_id, group_id=group_id).number
            group = _request(session, deps, viewer=viewer, number=number)
            sent = t(viewer.lang, "enroll.sent", number=group.number, name=group.name)
    except DomainError as exc:
        ack(
            response_action="errors",
            errors={
                exc.field or BlockId.MEMBERSHIP_TYPE: t_plain(viewer.lang, exc.key, **exc.params)
            },
        )
        return
    ack(response_action="update", view=build_info_modal(lang=viewer.lang, text=sent))


# ------------------------------------------------------------------------------------ decide


def _message_ref(body: dict[str, Any]) -> tuple[str, str]:
    container = body.get("container") or {}
    channel = container.get("channel_id") or (body.get("channel") or {}).get("id") or ""
    ts = container.get("message_ts") or (body.get("message") or {}).get("ts") or ""
    return str(channel), str(ts)


def _after_decision(
    session: Session,
    deps: Deps,
    *,
    viewer: Viewer,
    decision: Decision,
    channel: str,
    ts: str,
) -> None:
    """Owe the update of the request DM (who decided, when) and the requester's DM."""
    enrollment, group = decision.enrollment, decision.group
    approved = enrollment.status == EnrollmentStatus.APPROVED
    summary = GroupSummary(group=group, members=decision.members)
    if channel and ts:
        updated = build_decided_request(
            lang=viewer.lang,
            approved=approved,
            requester=decision.requester,
            group=group,
            decided_by=decision.decided_by,
            at=deps.now(),
            tz=viewer.tz,
            summary=summary,
        )
        enqueue_update(
            session,
            team_id=group.team_id,
            channel=channel,
            ts=ts,
            text=updated["text"],
            blocks=updated["blocks"],
            dedupe_key=f"enroll-decided-update:{enrollment.id}",
            now=deps.now(),
        )
    contact = person_by_id(session, person_id=group.contact_person_id)
    dm = build_decision_dm(
        lang=lang_for(decision.requester.locale),
        approved=approved,
        group=group,
        contact=contact,
        reason=enrollment.reason,
    )
    enqueue_message(
        session,
        team_id=group.team_id,
        user_id=decision.requester.slack_user_id,
        text=dm["text"],
        blocks=dm["blocks"],
        dedupe_key=f"enroll-decided:{enrollment.id}",
        now=deps.now(),
    )


def on_approve(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext
) -> None:
    """Accorderen: decided once, never beyond the maximum; anyone else is told so."""
    ack()
    deps = deps_of(context)
    viewer = _viewer(deps, body)
    enrollment_id = int(action.get("value") or 0)
    channel, ts = _message_ref(body)
    with deps.uow() as session:
        decision = decide(
            session,
            team_id=viewer.team_id,
            enrollment_id=enrollment_id,
            actor_id=viewer.person_id,
            is_secretariat=viewer.is_secretariat,
            approve=True,
            reason=None,
            now=deps.now(),
        )
        _after_decision(session, deps, viewer=viewer, decision=decision, channel=channel, ts=ts)
    log.info("enrollment %s approved by person %s", enrollment_id, viewer.person_id)


def on_reject_click(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Afwijzen: check the clicker may decide, then ask for an optional reason."""
    ack()
    deps = deps_of(context)
    viewer = _viewer(deps, body)
    enrollment_id = int(action.get("value") or 0)
    channel, ts = _message_ref(body)
    with deps.uow() as session:
        enrollment = load_pending_for_manager(
            session,
            team_id=viewer.team_id,
            enrollment_id=enrollment_id,
            actor_id=viewer.person_id,
            is_secretariat=viewer.is_secretariat,
        )
        modal = build_reject_modal(
            lang=viewer.lang,
            enrollment_id=enrollment.id,
            requester=enrollment.person,
            group=enrollment.group,
            channel=channel,
            ts=ts,
        )
    client.views_open(trigger_id=body.get("trigger_id", ""), view=modal)


def on_reject_submit(ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
    """Reject with the reason; if someone decided in the meantime, say so in the modal."""
    deps = deps_of(context)
    viewer = _viewer(deps, body)
    view = body["view"]
    meta = json.loads(view.get("private_metadata") or "{}")
    reason = (
        (view["state"]["values"].get(BlockId.REASON) or {}).get(ActionId.REJECT_REASON) or {}
    ).get("value")
    try:
        with deps.uow() as session:
            decision = decide(
                session,
                team_id=viewer.team_id,
                enrollment_id=int(meta.get("e", 0)),
                actor_id=viewer.person_id,
                is_secretariat=viewer.is_secretariat,
                approve=False,
                reason=reason,
                now=deps.now(),
            )
            _after_decision(
                session,
                deps,
                viewer=viewer,
                decision=decision,
                channel=str(meta.get("c", "")),
                ts=str(meta.get("ts", "")),
            )
    except DomainError as exc:
        ack(
            response_action="errors",
            errors={BlockId.REASON: t_plain(viewer.lang, exc.key, **exc.params)},
        )
        return
    ack()


# ------------------------------------------------------------------------------------ leave


def leave_command(call: CommandCall) -> None:
    """`/intervisie afmelden 1234`: ask for confirmation first."""
    number = parse_group_number(call.args[0] if call.args else None)
    viewer = call.viewer
    with call.deps.uow() as session:
        group = check_can_leave(
            session, team_id=viewer.team_id, person_id=viewer.person_id, number=number
        )
        msg = build_leave_confirm(lang=viewer.lang, group=group)
    call.respond(**msg, response_type="ephemeral")


def on_leave_confirm(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, respond: Respond
) -> None:
    """Leave the group; the contact person is told by DM."""
    ack()
    deps = deps_of(context)
    viewer = _viewer(deps, body)
    with deps.uow() as session:
        group, enrollment = leave(
            session,
            team_id=viewer.team_id,
            person_id=viewer.person_id,
            group_id=int(action.get("value") or 0),
            now=deps.now(),
        )
        contact = person_by_id(session, person_id=group.contact_person_id)
        person = person_by_id(session, person_id=viewer.person_id)
        summary = GroupSummary(group=group, members=member_count(session, group_id=group.id))
        contact_lang = lang_for(contact.locale)
        note = t(
            contact_lang,
            "leave.notify_contact",
            who=display_name(person),
            number=group.number,
            name=group.name,
            members=summary.members,
            status=status_text(contact_lang, summary),
        )
        enqueue_message(
            session,
            team_id=group.team_id,
            user_id=contact.slack_user_id,
            text=note,
            blocks=build_text(note)["blocks"],
            dedupe_key=f"enroll-left:{enrollment.id}",
            now=deps.now(),
        )
        done = t(viewer.lang, "leave.done", number=group.number, name=group.name)
    respond(**build_text(done), response_type="ephemeral", replace_original=True)


def on_leave_cancel(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, respond: Respond
) -> None:
    """Stay in the group."""
    ack()
    deps = deps_of(context)
    viewer = _viewer(deps, body)
    text = t(viewer.lang, "leave.cancelled", number=str(action.get("value") or "")[:12])
    respond(**build_text(text), response_type="ephemeral", replace_original=True)
