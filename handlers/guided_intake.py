"""The intake in Slack: `/intervisie begeleiding` (the request modal), the supervisor's Accept /
Decline buttons with their modals. Who is told what: bot/services/guidance.py."""

from __future__ import annotations

import logging
import re

from slack_bolt import App

from bot.errors import DomainError, InvalidFields, InvalidInput
from bot.i18n import t, t_plain
from bot.services.guidance import (
    GuidanceDraft,
    accept_guidance,
    decline_guidance,
    open_request,
    request_guidance,
)
from bot.services.people import display_name
from bot.services.supervisors import registration_of
from bot.timeparse import local_instant, parse_start
from handlers import guided_forms as forms
from handlers.context import CommandCall, Interaction, Submitted, on_action, on_view
from handlers.ui.guided_ids import ActionId, BlockId, CallbackId
from handlers.ui.guided_ui import (
    build_accept_modal,
    build_decline_modal,
    build_info_modal,
    build_request_modal,
)
from handlers.ui.metadata import TRAJECTORY

log = logging.getLogger(__name__)

_SLACK_USER = re.compile(r"[UW][A-Z0-9]{2,20}")


def register(app: App) -> None:
    """Listen for the request modal and the supervisor's answer."""
    on_view(app, CallbackId.REQUEST, on_request_submit, error_block=BlockId.SUPERVISOR)
    on_action(app, ActionId.ACCEPT, on_accept_click)
    on_view(app, CallbackId.ACCEPT, on_accept_submit, error_block=BlockId.INTAKE_DATE)
    on_action(app, ActionId.DECLINE, on_decline_click)
    on_view(app, CallbackId.DECLINE, on_decline_submit, error_block=BlockId.REASON)


def guidance_command(call: CommandCall) -> None:
    """`/intervisie begeleiding`: the modal to ask a supervisor for an exploratory conversation."""
    call.client.views_open(
        trigger_id=call.trigger_id, view=build_request_modal(lang=call.actor.lang)
    )


def on_request_submit(call: Interaction) -> Submitted:
    """Ask the chosen supervisor; a refusal shows on its field and nothing is written."""
    values = call.values
    supervisor_id = forms.user(values, BlockId.SUPERVISOR, ActionId.SUPERVISOR)
    if not _SLACK_USER.fullmatch(supervisor_id):
        raise InvalidInput("guided.error.supervisor_unknown", field=BlockId.SUPERVISOR)
    raw_count = forms.text(values, BlockId.PARTICIPANTS, ActionId.PARTICIPANTS)
    expected = (
        forms.whole_number(raw_count, field=BlockId.PARTICIPANTS, key="error.bad_form")
        if raw_count
        else None
    )
    draft = GuidanceDraft(
        organisation=forms.text(values, BlockId.ORGANISATION, ActionId.ORGANISATION),
        contact=forms.text(values, BlockId.CLIENT_CONTACT, ActionId.CLIENT_CONTACT),
        expected_participants=expected,
        wishes=forms.text(values, BlockId.WISHES, ActionId.WISHES),
    )
    # Slack is asked before the transaction: the answer says whether this is a colleague.
    profile = call.deps.directory.profile(team_id=call.actor.team_id, user_id=supervisor_id)
    lang = call.actor.lang
    with call.deps.uow() as session:
        trajectory = request_guidance(
            session, actor=call.actor, supervisor=profile, draft=draft, now=call.deps.now()
        )
        sent = t(lang, "guided.request.sent", supervisor_name=display_name(trajectory.supervisor))
    log.info("guidance requested by person %s", call.actor.person_id)
    return Submitted(
        view=build_info_modal(lang=lang, title=t_plain(lang, "guided.request.title"), text=sent)
    )


def on_accept_click(call: Interaction) -> None:
    """Accept: the modal for the intake's date and the supervisor's register number."""
    with call.deps.uow() as session:
        trajectory = open_request(session, actor=call.actor, trajectory_id=call.value_id)
        known = registration_of(session, person_id=call.actor.person_id)
        modal = build_accept_modal(lang=call.actor.lang, trajectory=trajectory, known=known)
    call.client.views_open(trigger_id=call.trigger_id, view=modal)


def _trajectory_id(call: Interaction) -> int:
    ref = TRAJECTORY.decode(call.view.get("private_metadata"))
    if ref.trajectory_id is None:
        raise InvalidInput("error.bad_form")
    return ref.trajectory_id


def on_accept_submit(call: Interaction) -> None:
    """Record the acceptance; date and time are checked together, each on its own field."""
    trajectory_id = _trajectory_id(call)
    values = call.values
    problems: dict[str, DomainError] = {}
    day = at = None
    fold: int | None = None
    try:
        raw_day = forms.text(values, BlockId.INTAKE_DATE, ActionId.INTAKE_DATE)
        day = forms.day(call, raw_day, field=BlockId.INTAKE_DATE)
    except InvalidInput as error:
        problems[BlockId.INTAKE_DATE] = error
    try:
        at, fold = parse_start(forms.text(values, BlockId.INTAKE_TIME, ActionId.INTAKE_TIME))
    except InvalidInput as error:
        problems[BlockId.INTAKE_TIME] = error
    if problems or day is None or at is None:
        raise InvalidFields(problems)
    try:
        intake_at = local_instant(day, at, tz=call.actor.tz, fold=fold)
    except InvalidInput as error:
        raise InvalidInput(error.key, field=BlockId.INTAKE_TIME, **error.params) from None
    with call.deps.uow() as session:
        accept_guidance(
            session,
            actor=call.actor,
            trajectory_id=trajectory_id,
            intake_at=intake_at,
            register_key=forms.text(values, BlockId.REGISTER, ActionId.REGISTER),
            number=forms.text(values, BlockId.REGISTER_NUMBER, ActionId.REGISTER_NUMBER),
            now=call.deps.now(),
        )
    log.info("guidance %s accepted", trajectory_id)


def on_decline_click(call: Interaction) -> None:
    """Decline: the modal for the reason."""
    with call.deps.uow() as session:
        trajectory = open_request(session, actor=call.actor, trajectory_id=call.value_id)
        modal = build_decline_modal(lang=call.actor.lang, trajectory=trajectory)
    call.client.views_open(trigger_id=call.trigger_id, view=modal)


def on_decline_submit(call: Interaction) -> None:
    """Record the decline with its reason."""
    trajectory_id = _trajectory_id(call)
    with call.deps.uow() as session:
        decline_guidance(
            session,
            actor=call.actor,
            trajectory_id=trajectory_id,
            reason=forms.text(call.values, BlockId.REASON, ActionId.REASON),
            now=call.deps.now(),
        )
    log.info("guidance %s declined", trajectory_id)
