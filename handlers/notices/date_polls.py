"""Renderers for date polls and series: the poll (and its redraws with the live tally), the
reminder before the deadline, the contact person's "pick a moment" at the deadline, and the one
.ics holding every meeting of a series."""

from __future__ import annotations

from bot.errors import NotFound
from bot.i18n import format_date, t, t_plain, tn
from bot.notify import FileMessage, Message, RenderContext, Renderers
from bot.services import access
from bot.services.calendar import meetings_ics
from bot.services.date_polls import (
    PollClosed,
    PollInvite,
    PollRedraw,
    PollReminder,
    poll_view,
)
from bot.services.meeting_text import short_when
from bot.services.series import SeriesNotice, series_meetings
from handlers.ui.blocks import text_message
from handlers.ui.polls_ui import build_poll_message, deadline_text
from storage.models import MeetingSeries, MeetingStatus


def install(renderers: Renderers) -> None:
    """Register this area's renderers."""
    renderers.register(PollInvite, render_poll)
    renderers.register(PollRedraw, render_poll)
    renderers.register(PollReminder, render_poll_reminder)
    renderers.register(PollClosed, render_poll_closed)
    renderers.register(SeriesNotice, render_series)


def render_poll(ctx: RenderContext, intent: PollInvite | PollRedraw) -> Message:
    """A member's copy of the poll, as it is now (answers, tally, outcome)."""
    view = poll_view(ctx.session, poll_id=intent.poll_id, viewer_id=ctx.recipient.id)
    return build_poll_message(
        lang=ctx.lang,
        tz=ctx.tz,
        view=view,
        is_manager=view.group.contact_person_id == ctx.recipient.id,
    )


def render_poll_reminder(ctx: RenderContext, intent: PollReminder) -> Message:
    """A member who has not answered: the deadline, and where the poll is."""
    view = poll_view(ctx.session, poll_id=intent.poll_id, viewer_id=ctx.recipient.id)
    return text_message(
        t(
            ctx.lang,
            "poll.dm.reminder",
            number=view.group.number,
            name=view.group.name,
            deadline=deadline_text(view.poll.deadline_at, ctx.lang, ctx.tz),
        )
    )


def render_poll_closed(ctx: RenderContext, intent: PollClosed) -> Message:
    """The contact person at the deadline: the tally, with a button per moment to pick one."""
    view = poll_view(ctx.session, poll_id=intent.poll_id, viewer_id=ctx.recipient.id)
    intro = tn(
        ctx.lang, "poll.dm.closed", view.members, answered=view.answered, number=view.group.number
    )
    return build_poll_message(lang=ctx.lang, tz=ctx.tz, view=view, is_manager=True, intro=intro)


def render_series(ctx: RenderContext, intent: SeriesNotice) -> FileMessage:
    """A member's DM with every meeting of the series in one .ics (each with its own UID)."""
    series = ctx.session.get(MeetingSeries, intent.series_id)
    if series is None:
        raise NotFound("series.not_found")
    meetings = series_meetings(ctx.session, series_id=series.id)
    if not meetings:
        raise NotFound("series.not_found")
    group = meetings[0].group
    planned = [m for m in meetings if m.status is MeetingStatus.PLANNED]
    lines = "\n".join(f"• {short_when(m, ctx.lang, ctx.tz)}" for m in planned)
    comment = tn(
        ctx.lang,
        f"series.dm.{intent.change}",
        len(planned),
        number=group.number,
        name=group.name,
        dates_text=lines,
    )
    if access.is_member(ctx.session, group_id=group.id, person_id=ctx.recipient.id):
        comment += "\n" + t(ctx.lang, "absence.hint", number=group.number)
    first = meetings[0].starts_at.astimezone(ctx.settings.timezone)
    return FileMessage(
        filename=f"intervisie-{group.number}-reeks-{first:%Y%m%d}.ics",
        title=t_plain(ctx.lang, "series.ics_title", number=group.number, date=format_date(first)),
        comment=comment,
        content=meetings_ics(
            ctx.session,
            meeting_ids=[m.id for m in meetings],
            lang=ctx.lang,
            tz_name=ctx.settings.default_timezone,
        ),
    )
