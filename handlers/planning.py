"""Roles planned ahead and reflection in Slack: the "Rollen" button and modal of a planned meeting,
what `/intervisie rollen` shows besides the counts (roles planned, who is next, the period), the
reflection prompt's buttons and `/intervisie reflectie`, and "Jouw rollen" on the App Home.
Who is told what: bot/services/planned_roles.py and bot/services/reflections.py."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from slack_bolt import App
from slack_sdk.models.blocks import Block
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.deps import Deps
from bot.errors import Conflict, InvalidInput
from bot.i18n import Lang, t, t_plain, tn_plain
from bot.parsing import parse_group_number
from bot.services import access, planned_roles, reflections, role_suggestions
from bot.services import meetings as meetings_svc
from bot.services.meeting_plan import method_text, roles_text
from bot.services.meeting_text import short_when
from bot.services.planned_roles import Notice
from handlers import meeting_form as form
from handlers.context import CommandCall, Interaction, Submitted, on_action, on_view
from handlers.events import first_submission
from handlers.ui import metadata
from handlers.ui.blocks import context, divider, section, text_message, to_dicts
from handlers.ui.meetings_ui import read_state
from handlers.ui.planning_ids import ActionId, BlockId, CallbackId
from handlers.ui.roles_ui import build_done_modal, build_roles_modal, suggestion_text
from storage.models import Group, Meeting, MeetingStatus, Role

log = logging.getLogger(__name__)

_ON = frozenset({"aan", "on"})
_OFF = frozenset({"uit", "off"})
_PERIOD = frozenset({"periode", "period"})
HOME_ROLES_MAX = 5


def register(app: App) -> None:
    """Listen for the roles button and modal and the reflection prompt's buttons."""
    on_action(app, ActionId.OPEN_ROLES, on_open_roles)
    on_view(app, CallbackId.ROLES, on_roles_submit, error_block=BlockId.PRESENTER)
    on_action(app, ActionId.REFLECTION_DONE, on_reflection_done)
    on_action(app, ActionId.REFLECTION_OFF, on_reflection_off)


# ---------------------------------------------------------------------------- the roles modal


def _roles_modal(
    session: Session,
    actor: Actor,
    meeting: Meeting,
    *,
    roles: form.Roles | None = None,
    notices: Sequence[Notice] = (),
) -> dict[str, Any]:
    if meeting.status is MeetingStatus.CANCELLED:
        raise Conflict("meeting.already_cancelled")
    if meeting.attendance_registered_at is not None:
        raise Conflict("roles.error.registered")
    group = meeting.group
    if roles is None:
        roles = {
            role: person.id
            for role, person in planned_roles.planned(session, meeting_id=meeting.id).items()
        }
    method = method_text(session, meeting, actor.lang) or t_plain(actor.lang, "plan.method.unset")
    intro = t(
        actor.lang,
        "plan.roles.intro",
        number=group.number,
        name=group.name,
        when=short_when(meeting, actor.lang, actor.tz),
        method=method,
    )
    choices = form.role_choices(
        session,
        group=group,
        day=meeting.starts_at.astimezone(actor.tz).date(),
        tz=actor.tz,
        current=roles,
        meeting_id=meeting.id,
    )
    return build_roles_modal(
        lang=actor.lang, meeting_id=meeting.id, intro=intro, choices=choices, notices=notices
    )


def on_open_roles(call: Interaction) -> None:
    """ "Rollen" beside a planned meeting: who will be inbrenger and facilitator."""
    with call.deps.uow() as session:
        meeting = meetings_svc.managed_meeting(session, actor=call.actor, meeting_id=call.value_id)
        view = _roles_modal(session, call.actor, meeting)
    call.client.views_open(trigger_id=call.trigger_id, view=view)


def on_roles_submit(call: Interaction) -> Submitted | None:
    """Warn once (one person in both roles), then plan the roles; assignees get a DM."""
    with form.on_form_fields():
        return _roles_submit(call)


def _roles_submit(call: Interaction) -> Submitted | None:
    actor, now = call.actor, call.deps.now()
    meeting_id = metadata.MEETING.decode(call.view.get("private_metadata")).meeting_id
    values = read_state(call.view)
    roles = form.read_roles(values) or {}
    with call.deps.uow() as session:
        meeting = meetings_svc.managed_meeting(session, actor=actor, meeting_id=meeting_id)
        notices = form.check_plan(
            session,
            actor=actor,
            group_id=meeting.group_id,
            current_method=meeting.method,
            method="",
            duration_minutes=meeting.duration_minutes,
            roles=roles,
        )
        if notices and not form.confirmed(values):
            again = _roles_modal(session, actor, meeting, roles=roles, notices=notices)
            return Submitted(view=again)
    with call.deps.uow() as session:
        if not first_submission(session, call.body, now=now):
            return None
        meeting = planned_roles.assign(
            session,
            actor=actor,
            meeting_id=meeting_id,
            presenter_id=roles.get(Role.PRESENTER),
            facilitator_id=roles.get(Role.FACILITATOR),
            now=now,
        )
        session.flush()
        names = roles_text(session, meeting, actor.lang) or t_plain(actor.lang, "plan.nobody")
        text = t(
            actor.lang,
            "plan.roles.saved",
            when=short_when(meeting, actor.lang, actor.tz),
            roles=names,
        )
    return Submitted(view=build_done_modal(lang=actor.lang, text=text))


# ---------------------------------------------------------------------------- `/intervisie rollen`


def group_number_for_roles(call: CommandCall) -> int:
    """The group typed first, else the only group the actor manages or belongs to."""
    if call.args and call.args[0].lower() not in _PERIOD:
        return parse_group_number(call.args[0])
    with call.deps.uow() as session:
        numbers = set(planned_roles.member_group_numbers(session, person_id=call.actor.person_id))
        numbers |= {
            g.number for g in access.managed_groups(session, person_id=call.actor.person_id)
        }
    if len(numbers) == 1:
        return numbers.pop()
    return call.group_number("rollen")


def set_period_if_asked(call: CommandCall, *, number: int) -> str | None:
    """`/intervisie rollen 1234 periode 6`: the contact person sets the rotation period."""
    words = [w.lower() for w in call.args]
    if not _PERIOD & set(words):
        return None
    at = next(i for i, w in enumerate(words) if w in _PERIOD)
    if at + 1 >= len(words):
        raise InvalidInput("roles.period.usage", number=number)
    months = role_suggestions.parse_rotation_months(words[at + 1])
    with call.deps.uow() as session:
        role_suggestions.set_rotation_period(
            session, actor=call.actor, number=number, months=months, now=call.deps.now()
        )
    period = tn_plain(call.actor.lang, "roles.months", months)
    return t(call.actor.lang, "roles.period.done", number=number, period=period)


def roles_overview_blocks(
    session: Session, *, actor: Actor, group: Group, today: date, now: datetime
) -> list[dict[str, Any]]:
    """What `/intervisie rollen` shows under the counts: the roles planned for coming meetings,
    who is next according to the rotation, and (for the contact person) how to change things."""
    lang = actor.lang
    lines = []
    for meeting, people in planned_roles.upcoming_planned(session, group_id=group.id, now=now):
        names = roles_text(session, meeting, lang) if people else ""
        lines.append(
            t(
                lang,
                "roles.upcoming.item",
                when=short_when(meeting, lang, actor.tz),
                roles=names or t_plain(lang, "roles.upcoming.none"),
            )
        )
    members = access.approved_members(session, group_id=group.id)
    suggestions = role_suggestions.suggestions(
        session, group=group, members=members, day=today, tz=actor.tz
    )
    blocks: list[Block] = [divider()]
    if lines:
        blocks.append(section(t(lang, "roles.upcoming.title") + "\n" + "\n".join(lines)))
    blocks.append(section(suggestion_text(lang, suggestions)))
    if access.can_manage(group, actor=actor):
        blocks.append(
            context(
                t(
                    lang,
                    "roles.manage_hint",
                    number=group.number,
                    period=tn_plain(lang, "roles.months", group.rotation_period_months),
                    choices=", ".join(str(c) for c in role_suggestions.ROTATION_PERIOD_CHOICES),
                )
            )
        )
    return to_dicts(blocks)


# ---------------------------------------------------------------------------- reflection


def on_reflection_done(call: Interaction) -> None:
    """ "Reflectie gemaakt": record only that and when; the prompt is redrawn without buttons."""
    with call.deps.uow() as session:
        reflections.record_reflection(
            session, actor=call.actor, meeting_id=call.value_id, now=call.deps.now()
        )
    log.info("reflection recorded for meeting %s", call.value_id)


def on_reflection_off(call: Interaction) -> None:
    """ "Geen reflectievragen meer": the member turns the prompts off for themselves."""
    with call.deps.uow() as session:
        reflections.set_own_prompts(session, actor=call.actor, enabled=False, now=call.deps.now())
    call.say(text_message(t(call.actor.lang, "reflection.own.off")))


def reflection_command(call: CommandCall) -> None:
    """`/intervisie reflectie [aan|uit]` for yourself, `reflectie 1234 [aan|uit]` for a group."""
    actor, deps = call.actor, call.deps
    words = [w.lower() for w in call.args]
    if words and words[0] not in _ON | _OFF:
        number = parse_group_number(call.args[0])
        with deps.uow() as session:
            if len(words) > 1:
                if words[1] not in _ON | _OFF:
                    raise InvalidInput("reflection.usage")
                group = reflections.set_group_prompts(
                    session, actor=actor, number=number, enabled=words[1] in _ON, now=deps.now()
                )
            else:
                group = access.group_by_number(session, team_id=actor.team_id, number=number)
                access.require_manager(group, actor=actor)
            key = "reflection.group.on" if reflections.prompts_on(group) else "reflection.group.off"
        call.say(text_message(t(actor.lang, key, number=number)))
        return
    with deps.uow() as session:
        if words:
            reflections.set_own_prompts(
                session, actor=actor, enabled=words[0] in _ON, now=deps.now()
            )
        off = reflections.opted_out(session, person_id=actor.person_id)
    call.say(text_message(t(actor.lang, "reflection.own.off" if off else "reflection.own.on")))


# ---------------------------------------------------------------------------- App Home


def home_section(deps: Deps, actor: Actor) -> list[Block]:
    """ "Jouw rollen": the roles the viewer is planned for at coming meetings (nothing if none)."""
    with deps.uow() as session:
        upcoming = planned_roles.upcoming_for_person(
            session, person_id=actor.person_id, now=deps.now(), limit=HOME_ROLES_MAX
        )
        lines = [
            _home_line(session, actor.lang, actor, meeting, role) for meeting, role in upcoming
        ]
    if not lines:
        return []
    return [divider(), section(t(actor.lang, "plan.home.title") + "\n" + "\n".join(lines))]


def _home_line(session: Session, lang: Lang, actor: Actor, meeting: Meeting, role: Role) -> str:
    method = method_text(session, meeting, lang)
    return t(
        lang,
        "plan.home.item",
        when=short_when(meeting, lang, actor.tz),
        number=meeting.group.number,
        role=t_plain(lang, f"plan.role.{role.value}"),
        method=t_plain(lang, "plan.home.method", method=method) if method else "",
    )
