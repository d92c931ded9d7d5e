"""Renderers for roles planned ahead and reflection: the inbrenger's preparation prompt, the
facilitator's time plan with clock times, the note to someone whose role went to another member,
and the reflection prompt (and how it reads once "Reflectie gemaakt" was pressed)."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.errors import InvalidInput, NotFound
from bot.i18n import escape_mrkdwn, format_date, format_time, t, t_plain
from bot.method_text import conversation_rules, preparation_prompt, time_plan_text
from bot.methods import time_plan
from bot.notify import Message, RenderContext, Renderers
from bot.reflection import questions_for, reflection_intro
from bot.services import method_catalogue
from bot.services.meeting_plan import method_text
from bot.services.meeting_text import when
from bot.services.planned_roles import RoleAssigned, RoleReleased
from bot.services.reflections import (
    ReflectionDone,
    ReflectionPrompt,
    reflected_at,
    reflection_meeting,
)
from handlers.ui.blocks import text_message
from handlers.ui.roles_ui import build_reflection_dm, build_role_dm
from storage.models import Attendance, Meeting, Role


def install(renderers: Renderers) -> None:
    """Register this area's renderers."""
    renderers.register(RoleAssigned, render_role_assigned)
    renderers.register(RoleReleased, render_role_released)
    renderers.register(ReflectionPrompt, render_reflection_prompt)
    renderers.register(ReflectionDone, render_reflection_done)


def _meeting(ctx: RenderContext, meeting_id: int) -> Meeting:
    meeting = ctx.session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound("meeting.not_found")
    return meeting


def render_role_assigned(ctx: RenderContext, intent: RoleAssigned) -> Message:
    """The inbrenger: how to prepare. The facilitator: the method's steps at clock times."""
    meeting = _meeting(ctx, intent.meeting_id)
    group = meeting.group
    role = Role(intent.role)
    method = method_text(ctx.session, meeting, ctx.lang)
    key = f"plan.dm.{role.value}" + ("_changed" if intent.changed else "")
    text = t(
        ctx.lang,
        key,
        number=group.number,
        name=group.name,
        when=when(meeting, ctx.lang, ctx.tz),
    )
    if method:
        text += "\n" + t(ctx.lang, "plan.line.method", method=method)
    if role is Role.PRESENTER:
        return build_role_dm(text=text, details=preparation_prompt(ctx.lang))
    return build_role_dm(text=text, details=_time_plan(ctx, meeting))


def _time_plan(ctx: RenderContext, meeting: Meeting) -> str:
    """The facilitator's plan; without a method (or a plan that cannot be made) only the rules."""
    method = method_catalogue.find(ctx.session, team_id=meeting.group.team_id, key=meeting.method)
    if method is not None:
        try:
            plan = time_plan(method, meeting_minutes=meeting.duration_minutes)
        except InvalidInput:
            plan = None
        if plan is not None:
            return time_plan_text(plan, lang=ctx.lang, starts_at=meeting.starts_at, tz=ctx.tz)
    rules = [f"• {escape_mrkdwn(rule)}" for rule in conversation_rules(ctx.lang)]
    lines = [t(ctx.lang, "plan.dm.no_method"), t(ctx.lang, "method.card.rules"), *rules]
    return "\n".join(lines)


def render_role_released(ctx: RenderContext, intent: RoleReleased) -> Message:
    """Someone planned for a role hears that the plan changed."""
    meeting = _meeting(ctx, intent.meeting_id)
    group = meeting.group
    text = t(
        ctx.lang,
        "plan.dm.released",
        role=t_plain(ctx.lang, f"plan.role.{Role(intent.role).value}"),
        number=group.number,
        name=group.name,
        when=when(meeting, ctx.lang, ctx.tz),
    )
    return text_message(text)


def render_reflection_prompt(ctx: RenderContext, intent: ReflectionPrompt) -> Message:
    """Three questions for the member, one per dimension; the answers stay with them."""
    meeting = reflection_meeting(ctx.session, meeting_id=intent.meeting_id)
    group = meeting.group
    # The n-th meeting a member attends asks the n-th set: consecutive prompts always differ.
    seed = ctx.session.scalar(
        select(func.count(Attendance.id))
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(
            Attendance.person_id == ctx.recipient.id,
            Attendance.present.is_(True),
            Meeting.starts_at <= meeting.starts_at,
        )
    )
    title = t(
        ctx.lang,
        "reflection.dm.title",
        number=group.number,
        name=group.name,
        date=format_date(meeting.starts_at, tz=ctx.tz),
    )
    return build_reflection_dm(
        lang=ctx.lang,
        title=title,
        intro=reflection_intro(ctx.lang),
        prompts=questions_for(seed=int(seed or 0), lang=ctx.lang),
        meeting_id=meeting.id,
    )


def render_reflection_done(ctx: RenderContext, intent: ReflectionDone) -> Message:
    """The prompt after "Reflectie gemaakt": when, and that nothing of it is kept."""
    meeting = _meeting(ctx, intent.meeting_id)
    at = reflected_at(ctx.session, person_id=ctx.recipient.id, meeting_id=meeting.id) or ctx.now
    text = t(
        ctx.lang,
        "reflection.dm.done",
        number=meeting.group.number,
        meeting=format_date(meeting.starts_at, tz=ctx.tz),
        date=format_date(at, tz=ctx.tz),
        time=format_time(at, tz=ctx.tz),
    )
    return text_message(text)
