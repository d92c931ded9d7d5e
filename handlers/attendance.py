"""Attendance registration (`/intervisie registreer`, the "Aanwezigheid invoeren" button, the modal)
and the role rotation overview (`/intervisie rollen`)."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.deps import Deps
from bot.errors import DomainError, NotFound
from bot.i18n import t
from bot.services import access
from bot.services import attendance as service
from handlers.context import Viewer, deps_of, team_of, user_of, viewer_for
from handlers.ui.attendance_ui import (
    ABSENT,
    ActionId,
    BlockId,
    CallbackId,
    build_done_modal,
    build_picker_message,
    build_registration_modal,
    build_roles_message,
    member_action_id,
)
from storage.models import Role

if TYPE_CHECKING:
    from handlers.commands import CommandCall

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Listen for the registration button and the registration modal."""
    app.action(ActionId.OPEN_REGISTRATION)(on_open_registration)
    app.view(CallbackId.REGISTER)(on_register_submit)


def open_registration(
    client: WebClient, trigger_id: str, deps: Deps, viewer: Viewer, meeting_id: int
) -> None:
    """Open the registration modal of a meeting (the contact person or the secretariat only).

    Other areas call this too, e.g. right after a past meeting is planned.
    """
    client.views_open(
        trigger_id=trigger_id, view=_registration_modal(deps, viewer, meeting_id=meeting_id)
    )


def _registration_modal(
    deps: Deps,
    viewer: Viewer,
    *,
    meeting_id: int,
    choices: Mapping[int, str] | None = None,
    net_minutes: int | None = None,
    warnings: Sequence[str] = (),
) -> dict[str, Any]:
    """The registration modal of a meeting for this viewer (re-authorised by the service), shown
    again with earlier choices and warnings after a submit that broke the role norm."""
    with deps.uow() as session:
        form = service.registration_form(
            session,
            team_id=viewer.team_id,
            meeting_id=meeting_id,
            person_id=viewer.person_id,
            is_secretariat=viewer.is_secretariat,
            now=deps.now(),
            tz=deps.settings.timezone,
        )
    return build_registration_modal(
        lang=viewer.lang,
        tz=viewer.tz,
        form=form,
        choices=choices,
        net_minutes=net_minutes,
        warnings=warnings,
    )


def _group_number(call: CommandCall, sub: str) -> int | None:
    """The group number typed, or the only group the viewer manages; else tell them and None."""
    if call.args and call.args[0].isdigit():
        return int(call.args[0])
    if call.args:
        call.respond(
            text=t(call.viewer.lang, "attendance.group_usage", sub=sub), response_type="ephemeral"
        )
        return None
    with call.deps.uow() as session:
        numbers = [
            g.number for g in access.managed_groups(session, person_id=call.viewer.person_id)
        ]
    if len(numbers) == 1:
        return numbers[0]
    if not numbers:
        call.respond(text=t(call.viewer.lang, "attendance.no_group"), response_type="ephemeral")
        return None
    commands = ", ".join(f"`/intervisie {sub} {n}`" for n in numbers)
    call.respond(
        text=t(call.viewer.lang, "attendance.which_group", commands=commands),
        response_type="ephemeral",
    )
    return None


def register_command(call: CommandCall) -> None:
    """`/intervisie registreer [1234]`: open the latest past unregistered meeting, or a picker."""
    number = _group_number(call, "registreer")
    if number is None:
        return
    deps, viewer = call.deps, call.viewer
    with deps.uow() as session:
        group, open_meeting, past = service.meetings_to_register(
            session,
            team_id=viewer.team_id,
            number=number,
            person_id=viewer.person_id,
            is_secretariat=viewer.is_secretariat,
            now=deps.now(),
        )
        meeting_id = open_meeting.id if open_meeting is not None else None
        picker = (
            build_picker_message(
                lang=viewer.lang, tz=viewer.tz, group_number=group.number, meetings=past
            )
            if past
            else None
        )
        group_number = group.number
    if meeting_id is not None:
        open_registration(call.client, call.trigger_id, deps, viewer, meeting_id)
    elif picker is not None:
        call.respond(**picker, response_type="ephemeral")
    else:
        call.respond(
            text=t(viewer.lang, "attendance.no_past_meetings", number=group_number),
            response_type="ephemeral",
        )


def roles_command(call: CommandCall) -> None:
    """`/intervisie rollen 1234`: who has been inbrenger and facilitator this rotation period."""
    number = _group_number(call, "rollen")
    if number is None:
        return
    deps, viewer = call.deps, call.viewer
    today = deps.now().astimezone(deps.settings.timezone).date()
    with deps.uow() as session:
        group, statuses, start, end = service.group_rotation(
            session,
            team_id=viewer.team_id,
            number=number,
            person_id=viewer.person_id,
            is_secretariat=viewer.is_secretariat,
            today=today,
            tz=deps.settings.timezone,
        )
        reply = build_roles_message(
            lang=viewer.lang,
            group_number=group.number,
            group_name=group.name,
            start=start,
            end_inclusive=end - timedelta(days=1),
            statuses=statuses,
        )
    call.respond(**reply, response_type="ephemeral")


def on_open_registration(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """The "Aanwezigheid invoeren" button (reminder DM, meetings list, picker)."""
    ack()
    deps = deps_of(context)
    viewer = viewer_for(deps, team_id=team_of(body), user_id=user_of(body))
    open_registration(client, body["trigger_id"], deps, viewer, int(action["value"]))


def _parse(view: dict[str, Any]) -> tuple[int, dict[int, str], int, bool]:
    """The submitted modal; forged or garbled metadata and values are refused, never a crash."""
    try:
        return _parse_values(view)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise NotFound("attendance.meeting_not_found") from None


def _parse_values(view: dict[str, Any]) -> tuple[int, dict[int, str], int, bool]:
    values: dict[str, dict[str, Any]] = view["state"]["values"]
    meeting_id = int(json.loads(view["private_metadata"])["meeting_id"])
    choices: dict[int, str] = {}
    prefix = f"{BlockId.MEMBER}:"
    for block_id, inputs in values.items():
        if not block_id.startswith(prefix):
            continue
        person_id = int(block_id[len(prefix) :])
        selected = (inputs.get(member_action_id(person_id)) or {}).get("selected_option")
        value = selected["value"] if selected else ABSENT
        choices[person_id] = value if value in {ABSENT, *Role} else ABSENT
    duration = ((values.get(BlockId.DURATION) or {}).get(ActionId.DURATION) or {}).get(
        "selected_option"
    )
    minutes = int(duration["value"]) if duration else 0
    confirm = (values.get(BlockId.CONFIRM) or {}).get(ActionId.CONFIRM) or {}
    return meeting_id, choices, minutes, bool(confirm.get("selected_options"))


def on_register_submit(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext
) -> None:
    """ "Invoeren": warn once about the role norm, then store attendance and issue certificates.

    The (fast) transaction runs before the ack so refusals become inline errors; the PDFs are made
    and sent by the outbox after commit.
    """
    deps = deps_of(context)
    viewer = viewer_for(deps, team_id=team_of(body), user_id=user_of(body))
    tz = deps.settings.timezone
    try:
        meeting_id, choices, minutes, confirmed = _parse(view)
        roles = {pid: None if value == ABSENT else Role(value) for pid, value in choices.items()}
        warnings = service.role_warnings(roles)
        if warnings and not confirmed:
            updated = _registration_modal(
                deps,
                viewer,
                meeting_id=meeting_id,
                choices=choices,
                net_minutes=minutes,
                warnings=warnings,
            )
            ack(response_action="update", view=updated)
            return
        with deps.uow() as session:
            result = service.register_attendance(
                session,
                team_id=viewer.team_id,
                meeting_id=meeting_id,
                person_id=viewer.person_id,
                is_secretariat=viewer.is_secretariat,
                roles=roles,
                net_minutes=minutes,
                now=deps.now(),
                tz=tz,
            )
    except DomainError as error:
        message = t(viewer.lang, error.key, **error.params)
        ack(response_action="errors", errors={error.field or BlockId.DURATION: message})
        return
    ack(
        response_action="update",
        view=build_done_modal(lang=viewer.lang, tz=viewer.tz, result=result),
    )
    log.info(
        "attendance registered for meeting %s: %s issued, %s superseded, %s revoked",
        result.meeting_id,
        result.issued,
        result.superseded,
        result.revoked,
    )
