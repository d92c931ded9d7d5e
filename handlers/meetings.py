"""Meetings in Slack: `/intervisie plan` (modal or quick form), `/intervisie bijeenkomsten` with
Wijzig/Annuleer, and `/intervisie herinneringen` for a group's reminder lead times. Who is told
what: bot/services/meetings.py."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date, datetime, tzinfo

from slack_bolt import App
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import DomainError, InvalidFields, InvalidInput
from bot.i18n import Lang, format_date, format_time, hours_text, t
from bot.notify import Message
from bot.services import access
from bot.services import meetings as svc
from bot.services.calendar import feed_url
from bot.services.group_rights import managing_groups
from bot.services.meeting_plan import plan_lines
from bot.services.meeting_text import short_when, where
from bot.services.reminders import lead_minutes
from bot.timeparse import (
    SEASON_WORDS,
    check_duration,
    local_instant,
    parse_date,
    parse_duration_minutes,
    parse_lead_minutes,
    parse_start,
)
from handlers import meeting_form as form
from handlers.attendance import open_registration
from handlers.context import CommandCall, Interaction, Submitted, on_action, on_view
from handlers.events import first_submission
from handlers.ui import metadata
from handlers.ui.blocks import text_message
from handlers.ui.meetings_ui import (
    ActionId,
    BlockId,
    CallbackId,
    ListedMeeting,
    ModalValues,
    build_meeting_list,
    read_state,
)
from storage.models import Group, Meeting

log = logging.getLogger(__name__)

_NO_REMINDERS = frozenset({"geen", "uit", "none", "off"})


def register(app: App) -> None:
    """Listen for the list's buttons and the plan/change modal."""
    on_action(app, ActionId.EDIT, on_edit)
    on_action(app, ActionId.CANCEL, on_cancel)
    on_view(app, CallbackId.MEETING, on_submit, error_block=BlockId.DATE)


# ---------------------------------------------------------------------------- commands


def plan_command(call: CommandCall) -> None:
    """`/intervisie plan [1234] [dd-mm-jjjj uu:mm duur [locatie]]`: the modal, or plan at once."""
    actor, deps = call.actor, call.deps
    args = call.args
    if len(args) >= 4:
        _quick_plan(call)
        return
    if len(args) in (2, 3):
        call.say(text_message(t(actor.lang, "meeting.quick_usage")))
        return
    with deps.uow() as session:
        if args:
            group = _managed_group(session, actor, call.group_number("plan"))
            groups = [(group.id, group.number, group.name)]
        else:
            groups = [
                (g.id, g.number, g.name)
                for g in managing_groups(session, person_id=actor.person_id)
            ]
        view = None
        if groups:
            view = form.meeting_modal(
                session,
                actor=actor,
                groups=groups,
                group_id=groups[0][0] if len(groups) == 1 else None,
                meeting=None,
                values=ModalValues(),
                day=_today(call),
            )
    if view is None:
        key = "group.number_needed" if actor.is_secretariat else "meeting.no_groups"
        call.say(text_message(t(actor.lang, key, sub="plan")))
        return
    call.client.views_open(trigger_id=call.trigger_id, view=view)


def _quick_plan(call: CommandCall) -> None:
    actor, deps = call.actor, call.deps
    _number, day, start, *rest = call.args
    if rest and rest[0].lower() in SEASON_WORDS:
        # "02:30 wintertijd": which of October's doubled hour is meant.
        start, rest = f"{start} {rest[0]}", rest[1:]
    if not rest:
        raise InvalidInput("meeting.quick_usage")
    duration, *place = rest
    at, fold = parse_start(start)
    data = svc.MeetingInput(
        starts_at=local_instant(_date(call, day), at, tz=actor.tz, fold=fold),
        duration_minutes=int(
            check_duration(parse_duration_minutes(duration)).total_seconds() // 60
        ),
        place=" ".join(place),
    )
    now = deps.now()
    with deps.uow() as session:
        group = _managed_group(session, actor, call.group_number("plan"))
        # "… 2u incident Utrecht": a method word first, then the place.
        method, place = form.quick_method(session, team_id=actor.team_id, words=place)
        data = replace(data, method=method, place=" ".join(place))
        meeting = svc.plan_meeting(session, actor=actor, group_id=group.id, data=data, now=now)
        notice = outcome_notice(
            meeting, lang=actor.lang, tz=actor.tz, now=now, outcome=svc.Change.PLANNED
        )
        warnings = form.quick_warnings(
            session, team_id=actor.team_id, method=method, duration_minutes=data.duration_minutes
        )
        notice += "".join("\n:warning: " + t(actor.lang, w.key, **w.params) for w in warnings)
        reply = _reply(session, call, group, notice=notice)
        retroactive = svc.is_past(meeting, now=now)
        meeting_id = meeting.id
    call.say(reply)
    if retroactive:
        # "Met terugwerkende kracht": straight on to registering who was there.
        open_registration(call, meeting_id=meeting_id, trigger_id=call.trigger_id)


def list_command(call: CommandCall) -> None:
    """`/intervisie bijeenkomsten [1234]`: the planned meetings, each with Wijzig and Annuleer."""
    number = call.group_number("bijeenkomsten")
    with call.deps.uow() as session:
        group = _managed_group(session, call.actor, number)
        reply = _reply(session, call, group, notice=None)
    call.say(reply)


def reminders_command(call: CommandCall) -> None:
    """`/intervisie herinneringen 1234 [48u 2u | geen]`: show or set the reminder lead times."""
    actor, deps = call.actor, call.deps
    leads: list[int] | None = None
    if len(call.args) > 1:
        words = call.args[1:]
        leads = [] if words[0].lower() in _NO_REMINDERS else [parse_lead_minutes(w) for w in words]
    number = call.group_number("herinneringen")
    with deps.uow() as session:
        group = _managed_group(session, actor, number)
        if leads is not None:
            svc.set_reminder_leads(
                session, actor=actor, group_id=group.id, leads=leads, now=deps.now()
            )
        current = lead_minutes(group)
    if current:
        joiner = t(actor.lang, "reminders.and")
        text = t(
            actor.lang,
            "reminders.current",
            number=number,
            leads=joiner.join(hours_text(actor.lang, m) for m in current),
        )
    else:
        text = t(actor.lang, "reminders.none", number=number)
    call.say(text_message(text))


def _today(call: Interaction) -> date:
    return call.deps.now().astimezone(call.actor.tz).date()


def _date(call: Interaction, text: str) -> date:
    """A typed date, within the range the app accepts seen from today (the user's zone)."""
    return parse_date(text, today=_today(call), retention_years=call.deps.settings.retention_years)


def _managed_group(session: Session, actor: Actor, number: int) -> Group:
    group = access.group_by_number(session, team_id=actor.team_id, number=number)
    access.require_manager(group, actor=actor)
    return group


def outcome_notice(
    meeting: Meeting, *, lang: Lang, tz: tzinfo, now: datetime, outcome: svc.Change
) -> str:
    """'Bijeenkomst gepland / gewijzigd / ongewijzigd' — or, for a past one, 'now register it'."""
    when_text = short_when(meeting, lang, tz)
    if svc.is_past(meeting, now=now) and meeting.attendance_registered_at is None:
        # Registering attendance is the attendance area's flow; point the contact person to it.
        return t(lang, "meeting.past_register", when=when_text)
    key = {
        svc.Change.PLANNED: "meeting.planned_ok",
        svc.Change.CHANGED: "meeting.changed_ok",
        svc.Change.UNCHANGED: "meeting.unchanged",
        svc.Change.CANCELLED: "meeting.cancelled_ok",
    }[outcome]
    return t(lang, key, when=when_text)


def list_message(
    session: Session,
    group: Group,
    *,
    lang: Lang,
    tz: tzinfo,
    now: datetime,
    public_url: str,
    notice: str | None,
) -> Message:
    """The group's planned meetings with Wijzig / Annuleer, under an optional notice."""
    items = [
        ListedMeeting(
            meeting_id=m.id,
            when=short_when(m, lang, tz),
            where=where(m, lang),
            awaiting_registration=svc.is_past(m, now=now),
            plan=" · ".join(plan_lines(session, m, lang)),
        )
        for m in svc.listed_meetings(session, group_id=group.id, now=now)
    ]
    return build_meeting_list(
        lang=lang,
        number=group.number,
        name=group.name,
        items=items,
        feed_url=feed_url(public_url, kind="group", token=group.calendar_token),
        notice=notice,
    )


def _reply(session: Session, call: Interaction, group: Group, *, notice: str | None) -> Message:
    return list_message(
        session,
        group,
        lang=call.actor.lang,
        tz=call.actor.tz,
        now=call.deps.now(),
        public_url=call.deps.settings.public_url,
        notice=notice,
    )


# ---------------------------------------------------------------------------- buttons


def on_edit(call: Interaction) -> None:
    """Wijzig: open the modal filled in with the meeting as it is."""
    actor = call.actor
    with call.deps.uow() as session:
        meeting = svc.managed_meeting(session, actor=actor, meeting_id=call.value_id)
        values = ModalValues(
            date=format_date(meeting.starts_at, tz=actor.tz),
            start=format_time(meeting.starts_at, tz=actor.tz),
            duration_minutes=meeting.duration_minutes,
            place=meeting.location or meeting.online_url,
            theme=meeting.theme,
            method=meeting.method,
        )
        view = form.meeting_modal(
            session,
            actor=actor,
            groups=[],
            group_id=meeting.group_id,
            meeting=meeting,
            values=values,
            day=_today(call),
        )
    call.client.views_open(trigger_id=call.trigger_id, view=view)


def on_cancel(call: Interaction) -> None:
    """Annuleer (after Slack's confirm dialog): cancel, tell the members, show the list again."""
    actor, now = call.actor, call.deps.now()
    with call.deps.uow() as session:
        meeting = svc.cancel_meeting(session, actor=actor, meeting_id=call.value_id, now=now)
        notice = t(
            actor.lang, "meeting.cancelled_ok", when=short_when(meeting, actor.lang, actor.tz)
        )
        reply = _reply(session, call, meeting.group, notice=notice)
    call.say(reply, replace=True)


# ---------------------------------------------------------------------------- the modal


def on_submit(call: Interaction) -> Submitted | None:
    """Validate every field (inline errors, nothing stored), warn once (one person in both roles,
    a method longer than the meeting), then plan or change in one go."""
    with form.on_form_fields():
        return _submit(call)


def _submit(call: Interaction) -> Submitted | None:
    actor, deps = call.actor, call.deps
    ref = metadata.MEETING_FORM.decode(call.view.get("private_metadata"))
    values = read_state(call.view)
    data = _parse_modal(values, call)
    roles = form.read_roles(values)
    group_id = ref.group_id
    if group_id is None and ref.meeting_id is None:
        raw = values.get(ActionId.GROUP, "")
        if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:
            raise InvalidInput("meeting.error.group_required", field=BlockId.GROUP)
        group_id = int(raw)
    now = deps.now()
    with deps.uow() as session:
        meeting = None
        if ref.meeting_id is not None:
            meeting = svc.managed_meeting(session, actor=actor, meeting_id=ref.meeting_id)
        again = form.warnings_first(
            session, actor=actor, group_id=group_id, meeting=meeting, data=data, values=values
        )
    if again is not None:
        return Submitted(view=again)
    with deps.uow() as session:
        if not first_submission(session, call.body, now=now):
            return None  # the same modal submitted twice (double click): the first one decided
        if ref.meeting_id is not None:
            meeting = svc.change_meeting(
                session,
                actor=actor,
                meeting_id=ref.meeting_id,
                data=data,
                now=now,
                confirm_by_dm=True,
            )
        else:
            assert group_id is not None
            meeting = svc.plan_meeting(
                session, actor=actor, group_id=group_id, data=data, now=now, confirm_by_dm=True
            )
            if roles:
                form.assign_roles(session, actor=actor, meeting=meeting, roles=roles, now=now)
        saved_id = meeting.id
        retroactive = svc.is_past(meeting, now=now) and meeting.attendance_registered_at is None
    if not retroactive:
        return None
    # A meeting in the past goes straight on to registering attendance (a new modal: the
    # submission's trigger_id is fresh, and this one closes with the ack).
    return Submitted(
        then=lambda: open_registration(call, meeting_id=saved_id, trigger_id=call.trigger_id)
    )


def _parse_modal(values: dict[str, str], call: Interaction) -> svc.MeetingInput:
    """The modal's fields, each problem reported on its own field at once."""
    problems: dict[str, DomainError] = {}
    day = at = None
    fold: int | None = None
    minutes = 0
    try:
        day = _date(call, values.get(ActionId.DATE, ""))
    except InvalidInput as exc:
        problems[BlockId.DATE] = exc
    try:
        at, fold = parse_start(values.get(ActionId.START, ""))
    except InvalidInput as exc:
        problems[BlockId.START] = exc
    raw_minutes = values.get(ActionId.DURATION, "") or "0"
    try:
        if not (raw_minutes.isascii() and raw_minutes.isdigit()):
            raise ValueError(raw_minutes)
        minutes = int(raw_minutes)
        check_duration(minutes)
    except ValueError:
        problems[BlockId.DURATION] = InvalidInput("meeting.error.duration_format")
    except InvalidInput as exc:
        problems[BlockId.DURATION] = exc
    starts_at = None
    if day is not None and at is not None:
        try:
            starts_at = local_instant(day, at, tz=call.actor.tz, fold=fold)
        except InvalidInput as exc:
            problems[BlockId.START] = exc
    if problems or starts_at is None:
        raise InvalidFields(problems)
    return svc.MeetingInput(
        starts_at=starts_at,
        duration_minutes=minutes,
        place=values.get(ActionId.PLACE, ""),
        theme=values.get(ActionId.THEME, ""),
        method=form.method_value(values),
    )
