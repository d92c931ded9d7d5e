"""Series in Slack: `/intervisie reeks 1234` (alias `series`) lists the group's series with
"Rest wijzigen" / "Rest annuleren" and opens the modal to plan a new one. A single meeting of a
series is changed or cancelled like any meeting (`/intervisie bijeenkomsten`). Who is told what:
bot/services/series.py."""

from __future__ import annotations

import logging

from slack_bolt import App

from bot.errors import DomainError, InvalidFields, InvalidInput
from bot.i18n import format_date, t, tn
from bot.rhythm import parse_rhythm
from bot.services import access
from bot.services import series as svc
from bot.services.meeting_text import short_when
from bot.timeparse import check_duration, parse_date, parse_time
from handlers.context import CommandCall, Interaction, Submitted, on_action, on_view
from handlers.ui import metadata
from handlers.ui.agreements_ids import ActionId, BlockId, CallbackId
from handlers.ui.agreements_meta import SERIES
from handlers.ui.agreements_ui import build_info_modal
from handlers.ui.blocks import text_message
from handlers.ui.meetings_ui import read_state
from handlers.ui.series_ui import (
    ListedSeries,
    build_rest_modal,
    build_series_list,
    build_series_modal,
    rhythm_label,
)

log = logging.getLogger(__name__)

# Service fields → the modal's blocks, for inline errors.
_BLOCKS = {
    "first_day": BlockId.SERIES_FIRST_DAY,
    "start": BlockId.SERIES_START,
    "count": BlockId.SERIES_COUNT,
}


def register(app: App) -> None:
    """Listen for the series buttons and modals."""
    on_action(app, ActionId.SERIES_NEW, on_new)
    on_action(app, ActionId.SERIES_CHANGE_REST, on_change_rest)
    on_action(app, ActionId.SERIES_CANCEL_REST, on_cancel_rest)
    on_view(app, CallbackId.SERIES, on_submit, error_block=BlockId.SERIES_FIRST_DAY)
    on_view(app, CallbackId.SERIES_REST, on_rest_submit, error_block=BlockId.SERIES_START)


def series_command(call: CommandCall) -> None:
    """`/intervisie reeks 1234`: the group's series, or straight to the modal when it has none."""
    number = call.group_number("reeks")
    actor, now = call.actor, call.deps.now()
    with call.deps.uow() as session:
        group = access.group_by_number(session, team_id=actor.team_id, number=number)
        access.require_manager(group, actor=actor)
        items = [
            ListedSeries(
                series_id=s.id,
                rule=rhythm_label(actor.lang, s.rule),
                dates=[
                    short_when(m, actor.lang, actor.tz)
                    for m in svc.rest_of(session, series_id=s.id, now=now)
                ],
            )
            for s in svc.group_series(session, group_id=group.id, now=now)
        ]
        group_id = group.id
        title = t(actor.lang, "series.list.title", number=group.number, name=group.name)
    if not items:
        _open_new(call, group_id=group_id)
        return
    call.say(build_series_list(lang=actor.lang, title=title, items=items, group_id=group_id))


def _open_new(call: Interaction, *, group_id: int) -> None:
    view = build_series_modal(lang=call.actor.lang, group_id=group_id)
    call.client.views_open(trigger_id=call.trigger_id, view=view)


def on_new(call: Interaction) -> None:
    """ "Nieuwe reeks plannen"."""
    with call.deps.uow() as session:
        group = access.group_by_id(session, team_id=call.actor.team_id, group_id=call.value_id)
        access.require_manager(group, actor=call.actor)
    _open_new(call, group_id=call.value_id)


def _minutes(values: dict[str, str]) -> int:
    raw = values.get(ActionId.SERIES_DURATION, "")
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 4):
        raise InvalidInput("error.bad_form", field=BlockId.SERIES_DURATION)
    minutes = int(raw)
    check_duration(minutes)
    return minutes


def _parse(call: Interaction) -> svc.SeriesInput:
    """Every field checked at once; each problem shows on its own field."""
    values = read_state(call.view)
    today = call.deps.now().astimezone(call.actor.tz).date()
    problems: dict[str, DomainError] = {}
    first_day = at = None
    minutes = count = 0
    try:
        first_day = parse_date(values.get(ActionId.SERIES_FIRST_DAY, ""), today=today)
    except InvalidInput as error:
        problems[BlockId.SERIES_FIRST_DAY] = error
    try:
        at = parse_time(values.get(ActionId.SERIES_START, ""))
    except InvalidInput as error:
        problems[BlockId.SERIES_START] = error
    try:
        minutes = _minutes(values)
    except InvalidInput as error:
        problems[BlockId.SERIES_DURATION] = error
    raw_count = values.get(ActionId.SERIES_COUNT, "")
    if raw_count.isascii() and raw_count.isdigit() and len(raw_count) <= 3:
        count = int(raw_count)
    else:
        problems[BlockId.SERIES_COUNT] = InvalidInput("error.bad_form")
    try:
        rhythm = parse_rhythm(values.get(ActionId.SERIES_RHYTHM, ""))
    except InvalidInput as error:
        problems[BlockId.SERIES_RHYTHM] = error
    if problems or first_day is None or at is None:
        raise InvalidFields(problems)
    return svc.SeriesInput(
        first_day=first_day,
        at=at,
        rhythm=rhythm,
        count=count,
        duration_minutes=minutes,
        place=values.get(ActionId.SERIES_PLACE, ""),
    )


def _inline(error: InvalidInput) -> DomainError:
    if error.field in _BLOCKS:
        return InvalidFields({_BLOCKS[error.field]: error})
    return error


def on_submit(call: Interaction) -> Submitted:
    """Plan the whole series or nothing; the modal ends with the dates."""
    ref = metadata.GROUP.decode(call.view.get("private_metadata"))
    data = _parse(call)
    actor, now = call.actor, call.deps.now()
    try:
        with call.deps.uow() as session:
            series = svc.plan_series(
                session,
                actor=actor,
                group_id=ref.group_id,
                data=data,
                tz=actor.tz,
                today=now.astimezone(actor.tz).date(),
                now=now,
                retention_years=call.deps.settings.retention_years,
            )
            meetings = svc.series_meetings(session, series_id=series.id)
            dates = "\n".join(f"• {short_when(m, actor.lang, actor.tz)}" for m in meetings)
            text = tn(actor.lang, "series.planned", len(meetings), dates_text=dates)
    except InvalidInput as error:
        raise _inline(error) from None
    log.info("series %s planned: %d meetings", series.id, len(meetings))
    return Submitted(
        view=build_info_modal(lang=actor.lang, title_key="series.modal.title", text=text)
    )


def on_change_rest(call: Interaction) -> None:
    """ "Rest wijzigen": the modal with the series' time, length and place as they are."""
    actor, now = call.actor, call.deps.now()
    with call.deps.uow() as session:
        series = svc.managed_series(session, actor=actor, series_id=call.value_id)
        rest = svc.rest_of(session, series_id=series.id, now=now)
        if not rest:
            raise InvalidInput("series.nothing_left")
        first = rest[0]
        view = build_rest_modal(
            lang=actor.lang,
            series_id=series.id,
            start=first.starts_at.astimezone(actor.tz).strftime("%H:%M"),
            duration_minutes=first.duration_minutes,
            place=first.location or first.online_url,
            dates=", ".join(format_date(m.starts_at, tz=actor.tz) for m in rest),
        )
    call.client.views_open(trigger_id=call.trigger_id, view=view)


def on_rest_submit(call: Interaction) -> Submitted:
    """Give every meeting still to come the new time, length and place (one DM to members)."""
    ref = SERIES.decode(call.view.get("private_metadata"))
    values = read_state(call.view)
    actor, now = call.actor, call.deps.now()
    problems: dict[str, DomainError] = {}
    try:
        at = parse_time(values.get(ActionId.SERIES_START, ""))
    except InvalidInput as error:
        problems[BlockId.SERIES_START] = error
    try:
        minutes = _minutes(values)
    except InvalidInput as error:
        problems[BlockId.SERIES_DURATION] = error
    if problems:
        raise InvalidFields(problems)
    try:
        with call.deps.uow() as session:
            changed = svc.change_rest(
                session,
                actor=actor,
                series_id=ref.series_id,
                at=at,
                duration_minutes=minutes,
                place=values.get(ActionId.SERIES_PLACE, ""),
                tz=actor.tz,
                now=now,
            )
    except InvalidInput as error:
        raise _inline(error) from None
    text = tn(actor.lang, "series.rest.changed", len(changed))
    return Submitted(
        view=build_info_modal(lang=actor.lang, title_key="series.rest.title", text=text)
    )


def on_cancel_rest(call: Interaction) -> None:
    """ "Rest annuleren" (after Slack's confirm dialog): every meeting still to come is cancelled."""
    actor = call.actor
    with call.deps.uow() as session:
        cancelled = svc.cancel_rest(
            session, actor=actor, series_id=call.value_id, now=call.deps.now()
        )
    call.say(text_message(tn(actor.lang, "series.rest.cancelled", len(cancelled))), replace=True)
