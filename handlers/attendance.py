"""Attendance registration (`/intervisie registreer`, the "Aanwezigheid invoeren" button, the modal)
and the role rotation overview (`/intervisie rollen`). Certificates and who is told:
bot/services/attendance.py."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from slack_bolt import App

from bot.errors import InvalidInput
from bot.i18n import t
from bot.services import attendance as service
from bot.services.absences import notified_absences
from bot.services.rotation import group_rotation
from handlers import planning as planning_area
from handlers.context import CommandCall, Interaction, Submitted, on_action, on_view
from handlers.ui import metadata
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
from handlers.ui.blocks import text_message
from storage.models import Role

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Listen for the registration button and the registration modal."""
    on_action(app, ActionId.OPEN_REGISTRATION, on_open_registration)
    on_view(app, CallbackId.REGISTER, on_register_submit, error_block=BlockId.DURATION)


def open_registration(call: Interaction, *, meeting_id: int, trigger_id: str) -> None:
    """Open the registration modal of a meeting (the contact person or the secretariat only).

    Other areas call this too, e.g. right after a past meeting is planned.
    """
    call.client.views_open(
        trigger_id=trigger_id, view=_registration_modal(call, meeting_id=meeting_id)
    )


def _registration_modal(
    call: Interaction,
    *,
    meeting_id: int,
    choices: Mapping[int, str] | None = None,
    net_minutes: int | None = None,
    warnings: Sequence[str] = (),
) -> dict[str, Any]:
    """The registration modal of a meeting for this actor (re-authorised by the service), shown
    again with earlier choices and warnings after a submit that broke the role norm."""
    deps, actor = call.deps, call.actor
    with deps.uow() as session:
        form = service.registration_form(
            session,
            actor=actor,
            meeting_id=meeting_id,
            now=deps.now(),
            tz=deps.settings.timezone,
        )
        absences = notified_absences(session, meeting_id=form.meeting_id)
    return build_registration_modal(
        lang=actor.lang,
        tz=actor.tz,
        form=form,
        choices=choices,
        net_minutes=net_minutes,
        warnings=warnings,
        absences=absences,
    )


def register_command(call: CommandCall) -> None:
    """`/intervisie registreer [1234]`: open the latest past unregistered meeting, or a picker."""
    number = call.group_number("registreer")
    deps, actor = call.deps, call.actor
    with deps.uow() as session:
        group, open_meeting, past = service.meetings_to_register(
            session, actor=actor, number=number, now=deps.now()
        )
        meeting_id = open_meeting.id if open_meeting is not None else None
        picker = (
            build_picker_message(
                lang=actor.lang, tz=actor.tz, group_number=group.number, meetings=past
            )
            if past
            else None
        )
        group_number = group.number
    if meeting_id is not None:
        open_registration(call, meeting_id=meeting_id, trigger_id=call.trigger_id)
    elif picker is not None:
        call.say(picker)
    else:
        call.say(text_message(t(actor.lang, "attendance.no_past_meetings", number=group_number)))


def roles_command(call: CommandCall) -> None:
    """`/intervisie rollen [1234] [periode 6]`: who has been inbrenger and facilitator this
    rotation period, the roles planned and who is next (members see their own group); `periode`
    sets the group's rotation period (contact person)."""
    number = planning_area.group_number_for_roles(call)
    period_set = planning_area.set_period_if_asked(call, number=number)
    deps, actor = call.deps, call.actor
    today = deps.now().astimezone(deps.settings.timezone).date()
    with deps.uow() as session:
        group, statuses, start, end = group_rotation(
            session, actor=actor, number=number, today=today, tz=deps.settings.timezone
        )
        reply = build_roles_message(
            lang=actor.lang,
            group_number=group.number,
            group_name=group.name,
            start=start,
            end_inclusive=end - timedelta(days=1),
            statuses=statuses,
        )
        extra = planning_area.roles_overview_blocks(
            session, actor=actor, group=group, today=today, now=deps.now()
        )
    if period_set:
        extra = [*text_message(period_set)["blocks"], *extra]
    call.say({"text": reply["text"], "blocks": [*reply["blocks"], *extra]})


def on_open_registration(call: Interaction) -> None:
    """The "Aanwezigheid invoeren" button (reminder DM, meetings list, picker)."""
    open_registration(call, meeting_id=call.value_id, trigger_id=call.trigger_id)


def _parse(call: Interaction) -> tuple[int, dict[int, str], int, bool]:
    """The submitted modal; forged or garbled values are refused, never a crash."""
    meeting_id = metadata.MEETING.decode(call.view.get("private_metadata")).meeting_id
    try:
        choices, minutes, confirmed = _parse_values(call.values)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise InvalidInput("error.bad_form") from None
    return meeting_id, choices, minutes, confirmed


def _parse_values(values: dict[str, dict[str, Any]]) -> tuple[dict[int, str], int, bool]:
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
    return choices, minutes, bool(confirm.get("selected_options"))


def on_register_submit(call: Interaction) -> Submitted:
    """ "Invoeren": warn once about the role norm, then store attendance and issue certificates.

    The (fast) transaction runs before the ack so refusals become inline errors; the PDFs are made
    and sent by the outbox after commit.
    """
    meeting_id, choices, minutes, confirmed = _parse(call)
    roles = {pid: None if value == ABSENT else Role(value) for pid, value in choices.items()}
    warnings = service.role_warnings(roles)
    if warnings and not confirmed:
        updated = _registration_modal(
            call, meeting_id=meeting_id, choices=choices, net_minutes=minutes, warnings=warnings
        )
        return Submitted(view=updated)
    with call.deps.uow() as session:
        result = service.register_attendance(
            session,
            actor=call.actor,
            meeting_id=meeting_id,
            roles=roles,
            net_minutes=minutes,
            now=call.deps.now(),
        )
    log.info(
        "attendance registered for meeting %s: %s issued, %s superseded, %s revoked",
        result.meeting_id,
        result.issued,
        result.superseded,
        result.revoked,
    )
    return Submitted(view=build_done_modal(lang=call.actor.lang, tz=call.actor.tz, result=result))
