"""Meetings in Slack: `/intervisie plan` (modal or quick form), `/intervisie bijeenkomsten` with
Wijzig/Annuleer, and `/intervisie herinneringen` for a group's reminder lead times."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from sqlalchemy.orm import Session

from bot.delivery import enqueue_message
from bot.deps import Deps
from bot.errors import DomainError, InvalidInput
from bot.i18n import Lang, format_date, format_hours, format_time, t
from bot.services import access
from bot.services import meetings as svc
from bot.services.meeting_text import short_when, where
from bot.services.reminders import lead_minutes
from bot.timeparse import (
    check_duration,
    local_instant,
    parse_date,
    parse_duration_minutes,
    parse_lead_minutes,
    parse_time,
)
from handlers.attendance import open_registration
from handlers.context import Viewer, deps_of, team_of, user_of, viewer_for
from handlers.events import first_submission
from handlers.ui.meetings_ui import (
    ActionId,
    BlockId,
    CallbackId,
    ListedMeeting,
    ModalValues,
    build_meeting_list,
    build_meeting_modal,
    build_notice,
    read_metadata,
    read_state,
)
from storage.models import Group, Meeting

if TYPE_CHECKING:
    from handlers.commands import CommandCall

log = logging.getLogger(__name__)

_NO_REMINDERS = frozenset({"geen", "uit", "none", "off"})


def register(app: App) -> None:
    """Listen for the list's buttons and the plan/change modal."""
    app.action(ActionId.EDIT)(on_edit)
    app.action(ActionId.CANCEL)(on_cancel)
    app.view(CallbackId.MEETING)(on_submit)


# ---------------------------------------------------------------------------- commands


def plan_command(call: CommandCall) -> None:
    """`/intervisie plan [1234] [dd-mm-jjjj uu:mm duur [locatie]]`: the modal, or plan at once."""
    viewer, deps = call.viewer, call.deps
    args = call.args
    if len(args) >= 4:
        _quick_plan(call)
        return
    if len(args) in (2, 3):
        call.respond(
            **build_notice(t(viewer.lang, "meeting.quick_usage")), response_type="ephemeral"
        )
        return
    with deps.uow() as session:
        if args:
            group = _managed_group(session, viewer, args[0])
            groups = [(group.id, group.number, group.name)]
        else:
            groups = [
                (g.id, g.number, g.name)
                for g in access.managed_groups(session, person_id=viewer.person_id)
            ]
    if not groups:
        key = "meeting.group_number_usage" if viewer.is_secretariat else "meeting.no_groups"
        call.respond(**build_notice(t(viewer.lang, key, sub="plan")), response_type="ephemeral")
        return
    view = build_meeting_modal(
        lang=viewer.lang,
        groups=groups,
        group_id=groups[0][0] if len(groups) == 1 else None,
        meeting_id=None,
        values=ModalValues(),
    )
    call.client.views_open(trigger_id=call.trigger_id, view=view)


def _quick_plan(call: CommandCall) -> None:
    viewer, deps = call.viewer, call.deps
    number, day, start, duration, *place = call.args
    data = svc.MeetingInput(
        starts_at=local_instant(parse_date(day), parse_time(start), tz=viewer.tz),
        duration_minutes=int(
            check_duration(parse_duration_minutes(duration)).total_seconds() // 60
        ),
        place=" ".join(place),
    )
    now = deps.now()
    with deps.uow() as session:
        group = _managed_group(session, viewer, number)
        meeting = svc.plan_meeting(
            session,
            team_id=viewer.team_id,
            group_id=group.id,
            actor_id=viewer.person_id,
            is_secretariat=viewer.is_secretariat,
            data=data,
            now=now,
            default_tz=deps.settings.timezone,
        )
        notice = _outcome_notice(viewer, meeting, now=now, key="meeting.planned_ok")
        reply = _list_message(session, deps, viewer, group, notice=notice)
        retroactive = svc.is_past(meeting, now=now)
        meeting_id = meeting.id
    call.respond(**reply, response_type="ephemeral")
    if retroactive:
        # "Met terugwerkende kracht": straight on to registering who was there.
        open_registration(call.client, call.trigger_id, deps, viewer, meeting_id)


def list_command(call: CommandCall) -> None:
    """`/intervisie bijeenkomsten [1234]`: the planned meetings, each with Wijzig and Annuleer."""
    viewer, deps = call.viewer, call.deps
    with deps.uow() as session:
        group = _group_from_args(session, viewer, call.args, sub="bijeenkomsten")
        if group is None:
            reply = build_notice(_no_group_text(viewer, "bijeenkomsten"))
        else:
            reply = _list_message(session, deps, viewer, group, notice=None)
    call.respond(**reply, response_type="ephemeral")


def reminders_command(call: CommandCall) -> None:
    """`/intervisie herinneringen 1234 [48u 2u | geen]`: show or set the reminder lead times."""
    viewer, deps = call.viewer, call.deps
    leads: list[int] | None = None
    if len(call.args) > 1:
        words = call.args[1:]
        leads = [] if words[0].lower() in _NO_REMINDERS else [parse_lead_minutes(w) for w in words]
    with deps.uow() as session:
        group = _group_from_args(session, viewer, call.args[:1], sub="herinneringen")
        if group is None:
            call.respond(
                **build_notice(_no_group_text(viewer, "herinneringen")), response_type="ephemeral"
            )
            return
        if leads is not None:
            svc.set_reminder_leads(
                session,
                team_id=viewer.team_id,
                group_id=group.id,
                actor_id=viewer.person_id,
                is_secretariat=viewer.is_secretariat,
                leads=leads,
                now=deps.now(),
            )
        current = lead_minutes(group)
        number = group.number
    if current:
        joiner = t(viewer.lang, "reminders.and")
        text = t(
            viewer.lang,
            "reminders.current",
            number=number,
            leads=joiner.join(
                t(viewer.lang, "reminders.lead", hours=format_hours(m, viewer.lang))
                for m in current
            ),
        )
    else:
        text = t(viewer.lang, "reminders.none", number=number)
    call.respond(**build_notice(text), response_type="ephemeral")


def _managed_group(session: Session, viewer: Viewer, number_text: str) -> Group:
    try:
        number = int(number_text)
    except ValueError:
        raise InvalidInput("meeting.quick_usage") from None
    group = access.group_by_number(session, team_id=viewer.team_id, number=number)
    access.require_manager(group, person_id=viewer.person_id, is_secretariat=viewer.is_secretariat)
    return group


def _group_from_args(
    session: Session, viewer: Viewer, args: list[str], *, sub: str
) -> Group | None:
    if args:
        return _managed_group(session, viewer, args[0])
    groups = access.managed_groups(session, person_id=viewer.person_id)
    return groups[0] if len(groups) == 1 else None


def _no_group_text(viewer: Viewer, sub: str) -> str:
    return t(viewer.lang, "meeting.group_number_usage", sub=sub)


def _outcome_notice(viewer: Viewer, meeting: Meeting, *, now: datetime, key: str) -> str:
    when_text = short_when(meeting, viewer.lang, viewer.tz)
    if svc.is_past(meeting, now=now) and meeting.attendance_registered_at is None:
        # Registering attendance is the attendance area's flow; point the contact person to it.
        return t(viewer.lang, "meeting.past_register", when=when_text)
    return t(viewer.lang, key, when=when_text)


def _list_message(
    session: Session, deps: Deps, viewer: Viewer, group: Group, *, notice: str | None
) -> dict[str, Any]:
    now = deps.now()
    items = [
        ListedMeeting(
            meeting_id=m.id,
            when=short_when(m, viewer.lang, viewer.tz),
            where=where(m, viewer.lang),
            awaiting_registration=svc.is_past(m, now=now),
        )
        for m in svc.listed_meetings(session, group_id=group.id, now=now)
    ]
    return build_meeting_list(
        lang=viewer.lang,
        number=group.number,
        name=group.name,
        items=items,
        feed_url=svc.feed_url(deps.settings.public_url, kind="group", token=group.calendar_token),
        notice=notice,
    )


# ---------------------------------------------------------------------------- buttons


def on_edit(ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
    """Wijzig: open the modal filled in with the meeting as it is."""
    ack()
    deps = deps_of(context)
    viewer = viewer_for(deps, team_id=team_of(body), user_id=user_of(body))
    meeting_id = int(body["actions"][0]["value"])
    with deps.uow() as session:
        meeting = svc.get_meeting(session, team_id=viewer.team_id, meeting_id=meeting_id)
        access.require_manager(
            meeting.group, person_id=viewer.person_id, is_secretariat=viewer.is_secretariat
        )
        values = ModalValues(
            date=format_date(meeting.starts_at, tz=viewer.tz),
            start=format_time(meeting.starts_at, tz=viewer.tz),
            duration_minutes=meeting.duration_minutes,
            place=meeting.location or meeting.online_url,
            theme=meeting.theme,
            method=meeting.method,
        )
        group_id = meeting.group_id
    view = build_meeting_modal(
        lang=viewer.lang, groups=[], group_id=group_id, meeting_id=meeting_id, values=values
    )
    client.views_open(trigger_id=body["trigger_id"], view=view)


def on_cancel(ack: Ack, body: dict[str, Any], context: BoltContext, respond: Respond) -> None:
    """Annuleer (after Slack's confirm dialog): cancel, tell the members, show the list again."""
    ack()
    deps = deps_of(context)
    viewer = viewer_for(deps, team_id=team_of(body), user_id=user_of(body))
    meeting_id = int(body["actions"][0]["value"])
    now = deps.now()
    with deps.uow() as session:
        meeting = svc.cancel_meeting(
            session,
            team_id=viewer.team_id,
            meeting_id=meeting_id,
            actor_id=viewer.person_id,
            is_secretariat=viewer.is_secretariat,
            now=now,
            default_tz=deps.settings.timezone,
        )
        notice = t(
            viewer.lang, "meeting.cancelled_ok", when=short_when(meeting, viewer.lang, viewer.tz)
        )
        reply = _list_message(session, deps, viewer, meeting.group, notice=notice)
    respond(**reply, replace_original=True)


# ---------------------------------------------------------------------------- the modal


def on_submit(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Validate every field (inline errors, nothing stored), then plan or change in one go."""
    deps = deps_of(context)
    viewer = viewer_for(deps, team_id=team_of(body), user_id=user_of(body))
    group_id, meeting_id = read_metadata(view)
    values = read_state(view)
    errors: dict[str, str] = {}
    data = _parse_modal(values, viewer.lang, viewer.tz, errors)
    if group_id is None and meeting_id is None:
        try:
            group_id = int(values.get(ActionId.GROUP, ""))
        except ValueError:
            errors[BlockId.GROUP] = t(viewer.lang, "meeting.error.group_required")
    if errors or data is None:
        ack(response_action="errors", errors=errors)
        return
    now = deps.now()
    try:
        # Fast and local: run before the ack so a refusal becomes an inline error.
        with deps.uow() as session:
            if not first_submission(session, body, now=now):
                ack()  # the same modal submitted twice (double click): the first one decided
                return
            saved_id, retroactive = _save(
                session, deps, viewer, group_id=group_id, meeting_id=meeting_id, data=data, now=now
            )
    except DomainError as exc:
        ack(
            response_action="errors",
            errors={exc.field or BlockId.DATE: t(viewer.lang, exc.key, **exc.params)},
        )
        return
    ack()
    if retroactive:
        # A meeting in the past goes straight on to registering attendance (a new modal: the
        # submission's trigger_id is fresh, and this one closes with the ack).
        open_registration(client, body["trigger_id"], deps, viewer, saved_id)


def _save(
    session: Session,
    deps: Deps,
    viewer: Viewer,
    *,
    group_id: int | None,
    meeting_id: int | None,
    data: svc.MeetingInput,
    now: datetime,
) -> tuple[int, bool]:
    if meeting_id is not None:
        before = svc.get_meeting(session, team_id=viewer.team_id, meeting_id=meeting_id).sequence
        meeting = svc.change_meeting(
            session,
            team_id=viewer.team_id,
            meeting_id=meeting_id,
            actor_id=viewer.person_id,
            is_secretariat=viewer.is_secretariat,
            data=data,
            now=now,
            default_tz=deps.settings.timezone,
        )
        key = "meeting.changed_ok" if meeting.sequence != before else "meeting.unchanged"
    else:
        if group_id is None:
            raise InvalidInput("meeting.error.group_required", field=BlockId.GROUP)
        meeting = svc.plan_meeting(
            session,
            team_id=viewer.team_id,
            group_id=group_id,
            actor_id=viewer.person_id,
            is_secretariat=viewer.is_secretariat,
            data=data,
            now=now,
            default_tz=deps.settings.timezone,
        )
        key = "meeting.planned_ok"
    notice = _outcome_notice(viewer, meeting, now=now, key=key)
    reply = _list_message(session, deps, viewer, meeting.group, notice=notice)
    # A modal has no response_url: the outcome and the list go to the contact person's DM.
    enqueue_message(
        session,
        team_id=viewer.team_id,
        user_id=viewer.user_id,
        text=reply["text"],
        blocks=reply["blocks"],
        dedupe_key=f"meeting-saved:{meeting.id}:{meeting.sequence}:{viewer.person_id}",
        now=now,
    )
    return meeting.id, svc.is_past(meeting, now=now) and meeting.attendance_registered_at is None


def _parse_modal(
    values: dict[str, str], lang: Lang, tz: ZoneInfo, errors: dict[str, str]
) -> svc.MeetingInput | None:
    def fail(block: BlockId, exc: DomainError) -> None:
        errors[block] = t(lang, exc.key, **exc.params)

    day = at = None
    minutes = 0
    try:
        day = parse_date(values.get(ActionId.DATE, ""))
    except InvalidInput as exc:
        fail(BlockId.DATE, exc)
    try:
        at = parse_time(values.get(ActionId.START, ""))
    except InvalidInput as exc:
        fail(BlockId.START, exc)
    try:
        minutes = int(values.get(ActionId.DURATION, "") or "0")
        check_duration(minutes)
    except ValueError:
        errors[BlockId.DURATION] = t(lang, "meeting.error.duration_format")
    except InvalidInput as exc:
        fail(BlockId.DURATION, exc)
    starts_at = None
    if day is not None and at is not None:
        try:
            starts_at = local_instant(day, at, tz=tz)
        except InvalidInput as exc:
            fail(BlockId.START, exc)
    if errors or starts_at is None:
        return None
    return svc.MeetingInput(
        starts_at=starts_at,
        duration_minutes=minutes,
        place=values.get(ActionId.PLACE, ""),
        theme=values.get(ActionId.THEME, ""),
        method=values.get(ActionId.METHOD, ""),
    )
