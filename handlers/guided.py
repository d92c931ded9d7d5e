"""Guided trajectories in Slack: `/intervisie traject` and 'Mijn trajecten' on the App Home, the
start modal (after an intake, or from `/intervisie nieuw` when a supervisor chooses guided), and
the supervisor's Afronden / Stoppen / Reader buttons and the contact person's Zelfstandig verder.
Who is told what: bot/services/trajectories.py and bot/services/completion.py."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App
from slack_sdk.models.blocks import Block

from bot import guided_rules, rules
from bot.actor import Actor
from bot.deps import Deps
from bot.errors import Conflict, DomainError, InvalidFields, InvalidInput
from bot.i18n import format_date, t, t_plain
from bot.parsing import parse_group_number
from bot.services.completion import close_form, close_trajectory, stop_trajectory
from bot.services.my_trajectories import my_trajectories, trajectories_of_group_number
from bot.services.people import display_name
from bot.services.supervisors import registration_of
from bot.services.trajectories import (
    StartDraft,
    continue_as_peer_group,
    set_reader,
    start_trajectory,
    startable,
    supervised,
)
from handlers import guided_forms as forms
from handlers.context import CommandCall, Interaction, Submitted, on_action, on_view
from handlers.ui.blocks import message, section, text_message
from handlers.ui.groups_ids import ActionId as GroupAction
from handlers.ui.groups_ids import BlockId as GroupBlock
from handlers.ui.guided_ids import ActionId, BlockId, CallbackId
from handlers.ui.guided_start_ui import StartPrefill, build_start_modal
from handlers.ui.guided_trajectory_ui import (
    build_close_modal,
    build_reader_modal,
    build_stop_modal,
    trajectory_blocks,
)
from handlers.ui.metadata import TRAJECTORY
from storage.models import GroupForm, TrajectoryStatus

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Listen for the trajectory's buttons and modals."""
    on_action(app, ActionId.START, on_start_click)
    on_view(app, CallbackId.START, on_start_submit, error_block=BlockId.NAME)
    on_action(app, ActionId.CLOSE, on_close_click)
    on_view(app, CallbackId.CLOSE, on_close_submit, error_block=BlockId.POINTS)
    on_action(app, ActionId.STOP, on_stop_click)
    on_view(app, CallbackId.STOP, on_stop_submit, error_block=BlockId.REASON)
    on_action(app, ActionId.READER, on_reader_click)
    on_view(app, CallbackId.READER, on_reader_submit, error_block=BlockId.READER)
    on_action(app, ActionId.CONTINUE, on_continue_click)


# ------------------------------------------------------------------------------------ overview


def trajectory_command(call: CommandCall) -> None:
    """`/intervisie traject [1234]`: where the viewer's trajectories stand, with their buttons."""
    actor, deps = call.actor, call.deps
    with deps.uow() as session:
        if call.args:
            items = trajectories_of_group_number(
                session,
                team_id=actor.team_id,
                number=parse_group_number(call.args[0]),
                person_id=actor.person_id,
                now=deps.now(),
            )
        else:
            items = my_trajectories(session, person_id=actor.person_id, now=deps.now())
        blocks = trajectory_blocks(lang=actor.lang, tz=actor.tz, items=items)
    if not blocks:
        call.say(text_message(t(actor.lang, "guided.home.none")))
        return
    call.say(message(t(actor.lang, "guided.home.title"), blocks[1:]))


def home_section(deps: Deps, actor: Actor) -> list[Block]:
    """'Mijn trajecten' on the App Home (nothing for someone without a trajectory)."""
    with deps.uow() as session:
        items = my_trajectories(session, person_id=actor.person_id, now=deps.now())
        return trajectory_blocks(lang=actor.lang, tz=actor.tz, items=items)


# ------------------------------------------------------------------------------------ start


def _form_value(raw: Any) -> str:
    return raw if raw in {f.value for f in GroupForm} else GroupForm.PHYSICAL.value


def start_from_create(call: Interaction, values: dict[str, dict[str, Any]]) -> Submitted:
    """`/intervisie nieuw` with "begeleid": the creator is the supervisor, and the form turns
    into the start modal with what they typed so far."""
    raw_size = forms.text(values, GroupBlock.MAX_MEMBERS, GroupAction.MAX_MEMBERS)
    size = int(raw_size) if raw_size.isascii() and raw_size.isdigit() else 0
    low, high = rules.GUIDED_GROUP_MIN_MEMBERS, rules.GUIDED_GROUP_MAX_MEMBERS
    prefill = StartPrefill(
        name=forms.text(values, GroupBlock.NAME, GroupAction.NAME),
        region=forms.text(values, GroupBlock.REGION, GroupAction.REGION),
        form=_form_value(forms.text(values, GroupBlock.FORM, GroupAction.FORM)),
        max_members=min(max(size, low), high),
    )
    with call.deps.uow() as session:
        known = registration_of(session, person_id=call.actor.person_id)
    view = build_start_modal(
        lang=call.actor.lang,
        trajectory_id=None,
        prefill=prefill,
        known=known,
        today_text=format_date(call.today()),
    )
    return Submitted(view=view)


def on_start_click(call: Interaction) -> None:
    """'Traject starten' after the intake: the start modal, filled in from the request."""
    with call.deps.uow() as session:
        trajectory = startable(session, actor=call.actor, trajectory_id=call.value_id)
        expected = trajectory.expected_participants or rules.GUIDED_GROUP_MAX_MEMBERS
        prefill = StartPrefill(
            name=t_plain(
                call.actor.lang,
                "guided.start.default_name",
                organisation_name=trajectory.client_name,
            )[:120],
            max_members=expected,
            client_name=trajectory.client_name,
            client_contact=trajectory.client_contact,
            requester=display_name(trajectory.requester) if trajectory.requester else "",
        )
        known = registration_of(session, person_id=call.actor.person_id)
        view = build_start_modal(
            lang=call.actor.lang,
            trajectory_id=trajectory.id,
            prefill=prefill,
            known=known,
            today_text=format_date(call.today()),
        )
    call.client.views_open(trigger_id=call.trigger_id, view=view)


def _start_draft(call: Interaction) -> StartDraft:
    """The start modal's fields; every typed value that cannot be read is refused on its field."""
    values = call.values
    problems: dict[str, DomainError] = {}
    quote = price = None
    raw_quote = forms.text(values, BlockId.QUOTE_DATE, ActionId.QUOTE_DATE)
    try:
        quote = forms.day(call, raw_quote, field=BlockId.QUOTE_DATE) if raw_quote.strip() else None
    except InvalidInput as error:
        problems[BlockId.QUOTE_DATE] = error
    try:
        price = guided_rules.parse_price(forms.text(values, BlockId.PRICE, ActionId.PRICE))
    except InvalidInput as error:
        problems[BlockId.PRICE] = error
    if problems:
        raise InvalidFields(problems)
    low, high = rules.GUIDED_TRAJECTORY_MIN_MEETINGS, rules.GUIDED_TRAJECTORY_MAX_MEETINGS
    meetings = forms.whole_number(
        forms.text(values, BlockId.MEETINGS, ActionId.MEETINGS),
        field=BlockId.MEETINGS,
        key="guided.error.meetings",
        low=low,
        count=high,
    )
    size = forms.whole_number(
        forms.text(values, BlockId.MAX_MEMBERS, ActionId.MAX_MEMBERS),
        field=BlockId.MAX_MEMBERS,
        key="guided.error.participants",
        low=rules.GUIDED_GROUP_MIN_MEMBERS,
        count=rules.GUIDED_GROUP_MAX_MEMBERS,
    )
    try:
        form = GroupForm(forms.text(values, BlockId.FORM, ActionId.FORM))
    except ValueError:
        raise InvalidInput("error.bad_form", field=BlockId.FORM) from None
    return StartDraft(
        name=forms.text(values, BlockId.NAME, ActionId.NAME),
        region=forms.text(values, BlockId.REGION, ActionId.REGION),
        form=form,
        max_participants=size,
        agreed_meetings=meetings,
        quote_accepted_on=quote,
        price_per_participant=price,
        client_name=forms.text(values, BlockId.CLIENT_NAME, ActionId.ORGANISATION),
        client_contact=forms.text(values, BlockId.CLIENT_CONTACT, ActionId.CLIENT_CONTACT),
        reader_url=forms.text(values, BlockId.READER, ActionId.READER_URL),
        register_key=forms.text(values, BlockId.REGISTER, ActionId.REGISTER),
        register_number=forms.text(values, BlockId.REGISTER_NUMBER, ActionId.REGISTER_NUMBER),
    )


def on_start_submit(call: Interaction) -> None:
    """Start: the group is created with its number before the ack, so a refusal shows inline."""
    ref = TRAJECTORY.decode(call.view.get("private_metadata"))
    draft = _start_draft(call)
    with call.deps.uow() as session:
        trajectory = start_trajectory(
            session,
            actor=call.actor,
            trajectory_id=ref.trajectory_id,
            draft=draft,
            now=call.deps.now(),
        )
        number = trajectory.group.number if trajectory.group else None
    log.info("trajectory started by person %s: group %s", call.actor.person_id, number)


# ------------------------------------------------------------------------------------ close


def on_close_click(call: Interaction) -> None:
    """Afronden: the modal with the threshold and everyone's attendance (nothing issued yet)."""
    with call.deps.uow() as session:
        form = close_form(
            session,
            actor=call.actor,
            trajectory_id=call.value_id,
            percent=call.deps.settings.guided_attendance_percent,
            now=call.deps.now(),
        )
    call.client.views_open(
        trigger_id=call.trigger_id, view=build_close_modal(lang=call.actor.lang, form=form)
    )


def _ref_id(call: Interaction) -> int:
    ref = TRAJECTORY.decode(call.view.get("private_metadata"))
    if ref.trajectory_id is None:
        raise InvalidInput("error.bad_form")
    return ref.trajectory_id


def on_close_submit(call: Interaction) -> None:
    """Close once: certificates for those who attended enough (or were awarded one)."""
    trajectory_id = _ref_id(call)
    values = call.values
    chosen = forms.ticked(values, BlockId.OVERRIDES, ActionId.OVERRIDES)
    if not all(v.isascii() and v.isdigit() and len(v) < 19 for v in chosen):
        raise InvalidInput("error.bad_form")
    points = guided_rules.parse_points(forms.text(values, BlockId.POINTS, ActionId.POINTS))
    with call.deps.uow() as session:
        result = close_trajectory(
            session,
            actor=call.actor,
            trajectory_id=trajectory_id,
            percent=call.deps.settings.guided_attendance_percent,
            overrides={int(v) for v in chosen},
            points=points,
            now=call.deps.now(),
        )
    log.info(
        "trajectory %s closed: %s certified, %s not",
        trajectory_id,
        result.certified,
        result.withheld,
    )


def on_stop_click(call: Interaction) -> None:
    """Stoppen: the modal for the reason (only while the trajectory runs)."""
    with call.deps.uow() as session:
        trajectory = supervised(session, actor=call.actor, trajectory_id=call.value_id)
        if trajectory.status is not TrajectoryStatus.RUNNING or trajectory.group is None:
            raise Conflict("guided.error.not_running")
        view = build_stop_modal(
            lang=call.actor.lang, trajectory_id=trajectory.id, number=trajectory.group.number
        )
    call.client.views_open(trigger_id=call.trigger_id, view=view)


def on_stop_submit(call: Interaction) -> None:
    """Stop early with the reason; the group is told."""
    trajectory_id = _ref_id(call)
    with call.deps.uow() as session:
        stop_trajectory(
            session,
            actor=call.actor,
            trajectory_id=trajectory_id,
            reason=forms.text(call.values, BlockId.REASON, ActionId.REASON),
            now=call.deps.now(),
        )


def on_reader_click(call: Interaction) -> None:
    """Reader: the modal with the current link."""
    with call.deps.uow() as session:
        trajectory = supervised(session, actor=call.actor, trajectory_id=call.value_id)
        view = build_reader_modal(
            lang=call.actor.lang, trajectory_id=trajectory.id, current=trajectory.reader_url
        )
    call.client.views_open(trigger_id=call.trigger_id, view=view)


def on_reader_submit(call: Interaction) -> None:
    """Save the link; the members get it by DM."""
    trajectory_id = _ref_id(call)
    with call.deps.uow() as session:
        set_reader(
            session,
            actor=call.actor,
            trajectory_id=trajectory_id,
            url=forms.text(call.values, BlockId.READER, ActionId.READER_URL),
            now=call.deps.now(),
        )


def on_continue_click(call: Interaction) -> None:
    """Zelfstandig verder: the group goes on as a peer group (everyone is told by DM)."""
    with call.deps.uow() as session:
        group = continue_as_peer_group(
            session, actor=call.actor, trajectory_id=call.value_id, now=call.deps.now()
        )
        done = t(call.actor.lang, "guided.continue.done", number=group.number, name=group.name)
    if call.can_respond():
        call.say(message(done, [section(done)]))
