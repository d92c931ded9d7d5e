"""What this area adds to the meetings area's DMs: every reminder repeats the group's goal ("pak
het doel erbij"), shows the previous meeting's evaluation (aggregates, from the third answer) and
ends with "Ik kan niet"; the contact person's reminder lists who said they cannot come. The
meeting notice (a file, which cannot carry a button) points to `/intervisie afwezig`."""

from __future__ import annotations

from slack_sdk.models.blocks import Block

from bot.i18n import t
from bot.notify import Message, RenderContext
from bot.services import access
from bot.services.absences import availability, notified_absences
from bot.services.agreements import group_goal
from bot.services.evaluations import previous_summary
from bot.services.people import display_name, people_by_ids
from handlers.ui.absences_ui import absence_row, reason_text
from handlers.ui.blocks import context, section, to_dicts
from handlers.ui.evaluations_ui import summary_text
from storage.models import Meeting


def reminder_extras(ctx: RenderContext, meeting: Meeting) -> list[Block]:
    """The goal, the previous evaluation, who cannot come (contact person) and the button."""
    blocks: list[Block] = []
    goal = group_goal(ctx.session, group_id=meeting.group_id)
    if goal:
        blocks.append(section(t(ctx.lang, "agreements.reminder.goal", goal=goal)))
    previous = previous_summary(ctx.session, meeting=meeting)
    if previous is not None:
        blocks.append(context(summary_text(ctx.lang, previous, ctx.tz)))
    absences = notified_absences(ctx.session, meeting_id=meeting.id)
    if meeting.group.contact_person_id == ctx.recipient.id and absences:
        people = people_by_ids(ctx.session, person_ids=sorted(absences))
        names = ", ".join(
            _named(display_name(p), reason_text(ctx.lang, absences[p.id])) for p in people
        )
        counts = availability(ctx.session, meeting=meeting)
        blocks.append(
            context(
                t(
                    ctx.lang,
                    "absence.reminder.contact",
                    names=names,
                    available=counts.available,
                    members=counts.members,
                )
            )
        )
    if access.is_member(ctx.session, group_id=meeting.group_id, person_id=ctx.recipient.id):
        blocks += absence_row(ctx.lang, meeting_id=meeting.id, absent=ctx.recipient.id in absences)
    return blocks


def _named(name: str, reason: str) -> str:
    return f"{name} ({reason})" if reason else name


def with_reminder_extras(ctx: RenderContext, dm: Message, meeting: Meeting) -> Message:
    """A reminder DM with this area's blocks added below it."""
    extra = reminder_extras(ctx, meeting)
    if not extra:
        return dm
    return {"text": dm["text"], "blocks": dm["blocks"] + to_dicts(extra)}


def notice_hint(ctx: RenderContext, meeting: Meeting, *, change: str) -> str:
    """The line a planned or changed meeting's notice ends with: how to say "ik kan niet"."""
    if change not in ("planned", "changed"):
        return ""
    if not access.is_member(ctx.session, group_id=meeting.group_id, person_id=ctx.recipient.id):
        return ""
    return "\n" + t(ctx.lang, "absence.hint", number=meeting.group.number)
