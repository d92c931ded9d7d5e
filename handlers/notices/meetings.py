"""Renderers for meetings: the .ics with what changed, the planner's confirmation with the list,
the reminder before a meeting and the nudge to register attendance after it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from bot.errors import NotFound
from bot.i18n import format_date, t, t_plain
from bot.notify import FileMessage, Message, RenderBatch, RenderContext, Renderers
from bot.services.calendar import meeting_ics
from bot.services.meeting_plan import plan_suffix
from bot.services.meeting_text import when, where
from bot.services.meetings import Change, MeetingNotice, MeetingSaved
from bot.services.planned_roles import planned, planned_for
from bot.services.reminders import AttendanceNudge, MeetingReminder
from bot.services.trajectory_progress import (
    meeting_progress,
    positions_for_groups,
    progress_line_text,
)
from handlers.meetings import list_message, outcome_notice
from handlers.notices.meeting_extras import (
    notice_hint,
    prefetch_reminder_extras,
    with_reminder_extras,
)
from handlers.ui.attendance_ui import build_attendance_nudge
from handlers.ui.blocks import text_message
from storage.models import Meeting, MeetingStatus


class HasMeeting(Protocol):
    """An intent about one meeting."""

    @property
    def meeting_id(self) -> int: ...


def install(renderers: Renderers) -> None:
    """Register this area's renderers."""
    renderers.register(MeetingNotice, render_notice)
    renderers.register(MeetingSaved, render_saved)
    renderers.register(MeetingReminder, render_reminder, prefetch=prefetch_reminders)
    renderers.register(AttendanceNudge, render_nudge, prefetch=prefetch_meetings)


def prefetch_meetings(batch: RenderBatch, intents: Sequence[HasMeeting]) -> list[Meeting]:
    """The meetings (with their groups) of a batch's reminders or nudges, in one statement."""
    ids = sorted({intent.meeting_id for intent in intents})
    meetings = list(
        batch.session.scalars(
            select(Meeting).where(Meeting.id.in_(ids)).options(joinedload(Meeting.group))
        )
    )
    found = {meeting.id: meeting for meeting in meetings}
    for meeting_id in ids:
        batch.put(("meeting", meeting_id), found.get(meeting_id))
    return meetings


def prefetch_reminders(batch: RenderBatch, intents: Sequence[MeetingReminder]) -> None:
    """What the reminders of a batch look up, for all their meetings at once: a fan-out renders
    many meetings, each for all its members."""
    meetings = prefetch_meetings(batch, intents)
    session, ids = batch.session, [meeting.id for meeting in meetings]
    progress = positions_for_groups(session, group_ids=sorted({m.group_id for m in meetings}))
    people = planned_for(session, meeting_ids=ids)
    for meeting_id in ids:
        batch.put(("progress", meeting_id), progress.get(meeting_id))
        batch.put(("planned", meeting_id), people[meeting_id])
    prefetch_reminder_extras(batch, meetings)


def _meeting(ctx: RenderContext, meeting_id: int) -> Meeting:
    # Held in the batch's memo: the session keeps only weak references, so without it each
    # recipient of a fan-out would load the meeting and its group again.
    meeting = ctx.shared(("meeting", meeting_id), lambda: ctx.session.get(Meeting, meeting_id))
    if meeting is None:
        raise NotFound("meeting.not_found")
    return meeting


def _progress(ctx: RenderContext, meeting: Meeting) -> str:
    """The meeting's place in its trajectory as a line ("Begeleid traject …: bijeenkomst 3 van
    6"), or "" outside one."""
    progress = ctx.shared(
        ("progress", meeting.id), lambda: meeting_progress(ctx.session, meeting=meeting)
    )
    return progress_line_text(ctx.lang, progress)


def _plan(ctx: RenderContext, meeting: Meeting) -> str:
    """The method and the planned roles under the meeting's line (none for a cancellation)."""
    if meeting.status is MeetingStatus.CANCELLED:
        return ""
    people = ctx.shared(
        ("planned", meeting.id), lambda: planned(ctx.session, meeting_id=meeting.id)
    )
    return plan_suffix(ctx.session, meeting, ctx.lang, people=people)


def render_notice(ctx: RenderContext, intent: MeetingNotice) -> FileMessage:
    """A member's DM: planned / changed / cancelled, when and where, with the .ics."""
    meeting = _meeting(ctx, intent.meeting_id)
    group = meeting.group
    comment = t(
        ctx.lang,
        f"meeting.dm.{Change(intent.change).value}",
        number=group.number,
        name=group.name,
        when=when(meeting, ctx.lang, ctx.tz),
    ) + where(meeting, ctx.lang)
    comment += _plan(ctx, meeting)
    if meeting.online_url:
        comment += "\n" + meeting.online_url
    progress = _progress(ctx, meeting)
    if progress:
        comment += "\n" + progress
    comment += notice_hint(ctx, meeting, change=intent.change)
    # The file name and title use the association's zone, like the .ics itself.
    local = meeting.starts_at.astimezone(ctx.settings.timezone)
    return FileMessage(
        filename=f"intervisie-{group.number}-{local:%Y%m%d-%H%M}.ics",
        title=t_plain(ctx.lang, "meeting.ics_title", number=group.number, date=format_date(local)),
        comment=comment,
        content=meeting_ics(
            ctx.session,
            meeting_id=meeting.id,
            lang=ctx.lang,
            tz_name=ctx.settings.default_timezone,
        ),
    )


def render_saved(ctx: RenderContext, intent: MeetingSaved) -> Message:
    """The planner's DM after the modal: the outcome and the group's list with its buttons."""
    meeting = _meeting(ctx, intent.meeting_id)
    notice = outcome_notice(
        meeting, lang=ctx.lang, tz=ctx.tz, now=ctx.now, outcome=Change(intent.outcome)
    )
    return list_message(
        ctx.session,
        meeting.group,
        lang=ctx.lang,
        tz=ctx.tz,
        now=ctx.now,
        public_url=ctx.settings.public_url,
        notice=notice,
    )


def render_reminder(ctx: RenderContext, intent: MeetingReminder) -> Message:
    """A member's reminder: which group, when and where."""
    meeting = _meeting(ctx, intent.meeting_id)
    # The same for every recipient with this language and zone: built once per outbox batch
    # (a fan-out renders one meeting for all its members).
    base = ctx.shared(
        ("reminder_text", meeting.id, ctx.lang, str(ctx.tz)), lambda: _reminder_text(ctx, meeting)
    )
    return with_reminder_extras(ctx, base, meeting)


def _reminder_text(ctx: RenderContext, meeting: Meeting) -> Message:
    group = meeting.group
    text = t(
        ctx.lang,
        "reminder.dm.before",
        number=group.number,
        name=group.name,
        when=when(meeting, ctx.lang, ctx.tz),
    ) + where(meeting, ctx.lang)
    progress = _progress(ctx, meeting)
    if progress:
        text += "\n" + progress
    return text_message(text + _plan(ctx, meeting))


def render_nudge(ctx: RenderContext, intent: AttendanceNudge) -> Message:
    """The contact person's nudge, with the button that opens the registration."""
    meeting = _meeting(ctx, intent.meeting_id)
    group = meeting.group
    text = t(
        ctx.lang,
        "reminder.dm.register",
        number=group.number,
        name=group.name,
        when=when(meeting, ctx.lang, ctx.tz),
    )
    return build_attendance_nudge(lang=ctx.lang, text=text, meeting_id=meeting.id)
