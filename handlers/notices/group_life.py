"""Renderers for a group's life: a changed group, a removal, a new deputy, an ended or reopened
group, a request that lapsed (for the requester, and redrawn for the contact person and deputy),
and the verslag question with its confirmed redraw."""

from __future__ import annotations

from bot.errors import NotFound
from bot.i18n import t, t_plain, tn
from bot.notify import Message, RenderContext, Renderers
from bot.services.association import association_for
from bot.services.group_edit import GroupEdited
from bot.services.group_end import GroupEnded, GroupReopened
from bot.services.group_members import DeputyChanged, MemberRemoved, RemovalReason
from bot.services.groups import GroupSummary, member_count
from bot.services.pending import RequestEnded, RequestLapsed
from bot.services.people import display_name
from bot.services.verslag import VerslagAsked, VerslagConfirmed, confirmed_at
from handlers.ui.blocks import text_message
from handlers.ui.group_life_ui import (
    build_lapsed_request,
    build_verslag_ask,
    build_verslag_confirmed,
    removal_reason_text,
)
from handlers.ui.groups_ui import status_text
from storage.models import Enrollment, Group, Meeting, Person


def install(renderers: Renderers) -> None:
    """Register this area's renderers."""
    renderers.register(GroupEdited, render_edited)
    renderers.register(MemberRemoved, render_removed)
    renderers.register(DeputyChanged, render_deputy)
    renderers.register(GroupEnded, render_ended)
    renderers.register(GroupReopened, render_reopened)
    renderers.register(RequestEnded, render_request_ended)
    renderers.register(RequestLapsed, render_request_lapsed)
    renderers.register(VerslagAsked, render_verslag_ask)
    renderers.register(VerslagConfirmed, render_verslag_confirmed)


def _group(ctx: RenderContext, group_id: int) -> Group:
    group = ctx.session.get(Group, group_id)
    if group is None:
        raise NotFound("group.not_found_by_id")
    return group


def _person(ctx: RenderContext, person_id: int | None) -> Person | None:
    return ctx.session.get(Person, person_id) if person_id is not None else None


def _enrollment(ctx: RenderContext, enrollment_id: int) -> Enrollment:
    enrollment = ctx.session.get(Enrollment, enrollment_id)
    if enrollment is None:
        raise NotFound("enroll.request_not_found")
    return enrollment


def _meeting(ctx: RenderContext, meeting_id: int) -> Meeting:
    meeting = ctx.session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound("meeting.not_found")
    return meeting


def render_edited(ctx: RenderContext, intent: GroupEdited) -> Message:
    """A member's DM: what changed about the group (as it reads now)."""
    group = _group(ctx, intent.group_id)
    values = {
        "name": group.name,
        "form": t_plain(ctx.lang, f"group.form.{group.form.value}"),
        "region": group.region or t_plain(ctx.lang, "directory.no_region"),
    }
    lines = [t(ctx.lang, "life.dm.edited", number=group.number)]
    for field in intent.fields.split(","):
        if field in values:
            lines.append(t(ctx.lang, f"life.dm.edited.{field}", value=values[field]))
    return text_message("\n".join(lines))


def render_removed(ctx: RenderContext, intent: MemberRemoved) -> Message:
    """The removed member hears who removed them and why; a contact person hears it happened."""
    enrollment = _enrollment(ctx, intent.enrollment_id)
    group = enrollment.group
    by = _person(ctx, intent.by_id)
    reason = removal_reason_text(ctx.lang, RemovalReason(intent.reason))
    if ctx.recipient.id == enrollment.person_id:
        text = t(
            ctx.lang,
            "life.dm.removed",
            who=display_name(by) if by is not None else "?",
            number=group.number,
            name=group.name,
            reason=reason,
        )
        return text_message(text)
    summary = GroupSummary(group=group, members=member_count(ctx.session, group_id=group.id))
    text = t(
        ctx.lang,
        "life.dm.removed_contact",
        who=display_name(by) if by is not None else "?",
        member_name=display_name(enrollment.person),
        number=group.number,
        reason=reason,
        members=tn(ctx.lang, "life.members", summary.members),
        status=status_text(ctx.lang, summary),
    )
    return text_message(text)


def render_deputy(ctx: RenderContext, intent: DeputyChanged) -> Message:
    """The new deputy hears what they may do; the one before that they no longer are; the
    contact person (when the secretariat changed it) who it is now."""
    group = _group(ctx, intent.group_id)
    new = _person(ctx, intent.new_id)
    params = {"number": group.number, "name": group.name}
    if new is not None and ctx.recipient.id == new.id:
        return text_message(t(ctx.lang, "life.dm.deputy_new", **params))
    if ctx.recipient.id == intent.old_id:
        return text_message(t(ctx.lang, "life.dm.deputy_old", **params))
    if new is None:
        return text_message(t(ctx.lang, "life.dm.deputy_none", **params))
    return text_message(t(ctx.lang, "life.dm.deputy_contact", who=display_name(new), **params))


def render_ended(ctx: RenderContext, intent: GroupEnded) -> Message:
    """A member's DM: the group ended; it stays in their history, certificates stay valid."""
    group = _group(ctx, intent.group_id)
    by = _person(ctx, group.ended_by_id)
    text = t(
        ctx.lang,
        "life.dm.ended",
        number=group.number,
        name=group.name,
        who=display_name(by) if by is not None else "?",
    )
    return text_message(text)


def render_reopened(ctx: RenderContext, intent: GroupReopened) -> Message:
    """A member's DM: the secretariat reopened the group."""
    group = _group(ctx, intent.group_id)
    return text_message(t(ctx.lang, "life.dm.reopened", number=group.number, name=group.name))


def render_request_ended(ctx: RenderContext, intent: RequestEnded) -> Message:
    """The requester's DM: the request lapsed because the group closed for requests or ended."""
    group = _enrollment(ctx, intent.enrollment_id).group
    text = t(ctx.lang, f"life.dm.request_ended.{intent.why}", number=group.number, name=group.name)
    return text_message(text)


def render_request_lapsed(ctx: RenderContext, intent: RequestLapsed) -> Message:
    """The request DM redrawn without buttons: it lapsed, when, and why."""
    enrollment = _enrollment(ctx, intent.enrollment_id)
    return build_lapsed_request(
        lang=ctx.lang,
        enrollment=enrollment,
        members=member_count(ctx.session, group_id=enrollment.group_id),
        why=intent.why,
        tz=ctx.tz,
        association=association_for(
            ctx.session, team_id=enrollment.group.team_id, settings=ctx.settings
        ),
    )


def render_verslag_ask(ctx: RenderContext, intent: VerslagAsked) -> Message:
    """ "Heb je het verslag van <datum> getekend?" with one button."""
    return build_verslag_ask(lang=ctx.lang, meeting=_meeting(ctx, intent.meeting_id), tz=ctx.tz)


def render_verslag_confirmed(ctx: RenderContext, intent: VerslagConfirmed) -> Message:
    """The question redrawn: confirmed, and when."""
    meeting = _meeting(ctx, intent.meeting_id)
    at = confirmed_at(ctx.session, meeting_id=meeting.id, person_id=ctx.recipient.id)
    if at is None:
        raise NotFound("meeting.not_found")
    return build_verslag_confirmed(lang=ctx.lang, meeting=meeting, at=at, tz=ctx.tz)
