"""What this area adds to the meetings area's DMs: every reminder repeats the group's goal ("pak
het doel erbij"), shows the previous meeting's evaluation (aggregates, from the third answer) and
ends with "Ik kan niet"; the contact person's reminder lists who said they cannot come. The
meeting notice (a file, which cannot carry a button) points to `/intervisie afwezig`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import Block

from bot.i18n import t
from bot.notify import Message, RenderBatch, RenderContext
from bot.services import access
from bot.services.absences import availability, notified_absences, notified_absences_for
from bot.services.agreements import group_goal, group_goals
from bot.services.evaluations import previous_summaries, previous_summary
from bot.services.people import display_name, people_by_ids
from handlers.ui.absences_ui import absence_row, reason_text
from handlers.ui.blocks import context, section, to_dicts
from handlers.ui.evaluations_ui import summary_text
from storage.models import Meeting


def prefetch_reminder_extras(batch: RenderBatch, meetings: Sequence[Meeting]) -> None:
    """What reminder_extras() looks up, for all the meetings of an outbox batch at once (under
    the keys it reads them with)."""
    session = batch.session
    meeting_ids = [meeting.id for meeting in meetings]
    group_ids = sorted({meeting.group_id for meeting in meetings})
    goals = group_goals(session, group_ids=group_ids)
    members = access.approved_member_ids(session, group_ids=group_ids)
    for group_id in group_ids:
        batch.put(("group_goal", group_id), goals[group_id])
        batch.put(("approved_member_ids", group_id), members[group_id])
    previous = previous_summaries(session, meeting_ids=meeting_ids)
    absences = notified_absences_for(session, meeting_ids=meeting_ids)
    for meeting_id in meeting_ids:
        batch.put(("previous_summary", meeting_id), previous.get(meeting_id))
        batch.put(("notified_absences", meeting_id), absences[meeting_id])


def reminder_extras(ctx: RenderContext, meeting: Meeting) -> list[dict[str, Any]]:
    """The goal, the previous evaluation, who cannot come (contact person) and the button, as
    Block Kit dicts. What is the same for every recipient with this language and zone is built
    once per outbox batch (RenderContext.shared): a fan-out renders one meeting many times."""
    session, group_id, lang, zone = ctx.session, meeting.group_id, ctx.lang, str(ctx.tz)
    goal = ctx.shared(("group_goal", group_id), lambda: group_goal(session, group_id=group_id))
    previous = ctx.shared(
        ("previous_summary", meeting.id), lambda: previous_summary(session, meeting=meeting)
    )
    absences = ctx.shared(
        ("notified_absences", meeting.id),
        lambda: notified_absences(session, meeting_id=meeting.id),
    )
    members = ctx.shared(
        ("approved_member_ids", group_id),
        lambda: access.approved_member_ids(session, group_ids=[group_id])[group_id],
    )

    def shared_part() -> list[dict[str, Any]]:
        blocks: list[Block] = []
        if goal:
            blocks.append(section(t(lang, "agreements.reminder.goal", goal=goal)))
        if previous is not None:
            blocks.append(context(summary_text(lang, previous, ctx.tz)))
        return to_dicts(blocks)

    dicts = list(ctx.shared(("reminder_extras", meeting.id, lang, zone), shared_part))
    if meeting.group.contact_person_id == ctx.recipient.id and absences:
        people = people_by_ids(session, person_ids=sorted(absences))
        names = ", ".join(
            _named(display_name(p), reason_text(lang, absences[p.id])) for p in people
        )
        counts = availability(session, meeting=meeting)
        dicts += to_dicts(
            [
                context(
                    t(
                        lang,
                        "absence.reminder.contact",
                        names=names,
                        available=counts.available,
                        members=counts.members,
                    )
                )
            ]
        )
    if ctx.recipient.id in members:
        absent = ctx.recipient.id in absences
        dicts += ctx.shared(
            ("absence_row", meeting.id, lang, absent),
            lambda: to_dicts(absence_row(lang, meeting_id=meeting.id, absent=absent)),
        )
    return dicts


def _named(name: str, reason: str) -> str:
    return f"{name} ({reason})" if reason else name


def with_reminder_extras(ctx: RenderContext, dm: Message, meeting: Meeting) -> Message:
    """A reminder DM with this area's blocks added below it (a list of its own: the dicts in it
    may be shared with other recipients' DMs, and are never changed)."""
    return {"text": dm["text"], "blocks": [*dm["blocks"], *reminder_extras(ctx, meeting)]}


def notice_hint(ctx: RenderContext, meeting: Meeting, *, change: str) -> str:
    """The line a planned or changed meeting's notice ends with: how to say "ik kan niet"."""
    if change not in ("planned", "changed"):
        return ""
    if not access.is_member(ctx.session, group_id=meeting.group_id, person_id=ctx.recipient.id):
        return ""
    return "\n" + t(ctx.lang, "absence.hint", number=meeting.group.number)
