"""Renderers for agreements and absence: the card to confirm (and redrawn once confirmed), "everyone
agreed", who cannot come (and can after all), the warning that too few can come, and the reminder
to arrange a substitute. `with_agreements_card` adds the card to the welcome DM."""

from __future__ import annotations

from bot.errors import NotFound
from bot.i18n import format_date, t, t_plain, tn
from bot.notify import Message, RenderContext, Renderers
from bot.services import agreements as agreements_svc
from bot.services.absences import (
    AbsenceNotified,
    AbsenceWithdrawn,
    QuorumWarning,
    SubstituteReminder,
    absence_of,
    availability,
)
from bot.services.meeting_text import when
from bot.services.people import display_name
from handlers.agreements import card_blocks
from handlers.ui.absences_ui import reason_text
from handlers.ui.agreements_ui import build_card_message
from handlers.ui.blocks import actions, button, message, section, text_message, to_dicts
from handlers.ui.meetings_ui import ActionId as MeetingAction
from storage.models import Group, Meeting, Person, SubstitutePolicy


def install(renderers: Renderers) -> None:
    """Register this area's renderers."""
    renderers.register(agreements_svc.AgreementsAsk, render_ask)
    renderers.register(agreements_svc.AgreementsConfirmed, render_confirmed)
    renderers.register(agreements_svc.AgreementsAllConfirmed, render_all_confirmed)
    renderers.register(AbsenceNotified, render_absence)
    renderers.register(AbsenceWithdrawn, render_withdrawn)
    renderers.register(QuorumWarning, render_quorum)
    renderers.register(SubstituteReminder, render_substitute)


def _group(ctx: RenderContext, group_id: int) -> Group:
    group = ctx.session.get(Group, group_id)
    if group is None:
        raise NotFound("group.not_found_by_id")
    return group


def _meeting(ctx: RenderContext, meeting_id: int) -> Meeting:
    meeting = ctx.session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound("meeting.not_found")
    return meeting


def _person(ctx: RenderContext, person_id: int) -> Person:
    person = ctx.session.get(Person, person_id)
    if person is None:
        raise NotFound("meeting.not_found")
    return person


def render_ask(ctx: RenderContext, intent: agreements_svc.AgreementsAsk) -> Message:
    """A member's DM: the agreements (new or changed) with Akkoord."""
    group = _group(ctx, intent.group_id)
    card = agreements_svc.card(ctx.session, group=group)
    key = "agreements.dm.new" if intent.version == 1 else "agreements.dm.changed"
    intro = t(ctx.lang, key, number=group.number, name=group.name, version=intent.version)
    return build_card_message(
        lang=ctx.lang,
        card=card,
        intro=intro,
        can_confirm=ctx.recipient.id in card.missing_ids,
        can_edit=False,
    )


def render_confirmed(ctx: RenderContext, intent: agreements_svc.AgreementsConfirmed) -> Message:
    """The DM redrawn after Akkoord: the card without the button, and when it was confirmed."""
    group = _group(ctx, intent.group_id)
    card = agreements_svc.card(ctx.session, group=group)
    intro = t(
        ctx.lang,
        "agreements.dm.confirmed",
        number=group.number,
        version=intent.version,
        date=format_date(ctx.now, tz=ctx.tz),
    )
    return build_card_message(
        lang=ctx.lang, card=card, intro=intro, can_confirm=False, can_edit=False
    )


def render_all_confirmed(
    ctx: RenderContext, intent: agreements_svc.AgreementsAllConfirmed
) -> Message:
    """The contact person's DM: every member agreed with this version."""
    group = _group(ctx, intent.group_id)
    return text_message(
        t(
            ctx.lang,
            "agreements.dm.all_confirmed",
            number=group.number,
            name=group.name,
            version=intent.version,
        )
    )


def with_agreements_card(ctx: RenderContext, dm: Message, *, group: Group) -> Message:
    """The welcome DM with the group's agreements card (and Akkoord) below it, when there is one."""
    blocks = card_blocks(ctx.session, group=group, lang=ctx.lang, viewer_id=ctx.recipient.id)
    if not blocks:
        return dm
    intro = section(t(ctx.lang, "agreements.welcome", number=group.number))
    return {"text": dm["text"], "blocks": dm["blocks"] + to_dicts([intro, *blocks])}


def render_absence(ctx: RenderContext, intent: AbsenceNotified) -> Message:
    """The contact person's DM: who cannot come, the category, how many still can."""
    meeting = _meeting(ctx, intent.meeting_id)
    person = _person(ctx, intent.person_id)
    group = meeting.group
    notice = absence_of(ctx.session, meeting_id=meeting.id, person_id=person.id)
    reason = reason_text(ctx.lang, notice.reason) if notice is not None else ""
    lines = [
        t(
            ctx.lang,
            "absence.dm.contact_reason" if reason else "absence.dm.contact",
            name=display_name(person),
            number=group.number,
            when=when(meeting, ctx.lang, ctx.tz),
            reason=reason,
        )
    ]
    counts = availability(ctx.session, meeting=meeting)
    lines.append(tn(ctx.lang, "absence.dm.available", counts.members, available=counts.available))
    policy = agreements_svc.substitute_policy(ctx.session, group_id=group.id)
    if policy is SubstitutePolicy.CONTACT_ARRANGES:
        lines.append(t(ctx.lang, "absence.dm.you_arrange"))
    elif policy is SubstitutePolicy.MEMBER_ARRANGES:
        lines.append(t(ctx.lang, "absence.dm.member_arranges", name=display_name(person)))
    return text_message("\n".join(lines))


def render_withdrawn(ctx: RenderContext, intent: AbsenceWithdrawn) -> Message:
    """The contact person's DM: someone can come after all."""
    meeting = _meeting(ctx, intent.meeting_id)
    person = _person(ctx, intent.person_id)
    return text_message(
        t(
            ctx.lang,
            "absence.dm.withdrawn",
            name=display_name(person),
            number=meeting.group.number,
            when=when(meeting, ctx.lang, ctx.tz),
        )
    )


def render_quorum(ctx: RenderContext, intent: QuorumWarning) -> Message:
    """The contact person's warning, with the button that opens the change modal."""
    meeting = _meeting(ctx, intent.meeting_id)
    counts = availability(ctx.session, meeting=meeting)
    text = tn(
        ctx.lang,
        "absence.dm.quorum",
        intent.available,
        number=meeting.group.number,
        when=when(meeting, ctx.lang, ctx.tz),
        minimum=counts.minimum,
    )
    edit = button(
        t_plain(ctx.lang, "absence.button.move"),
        action_id=MeetingAction.EDIT,
        value=str(meeting.id),
        style="primary",
    )
    return message(text, [section(text), actions(edit, block_id=f"quorum_{meeting.id}")])


def render_substitute(ctx: RenderContext, intent: SubstituteReminder) -> Message:
    """The absent member is reminded to arrange a substitute, as the group agreed."""
    meeting = _meeting(ctx, intent.meeting_id)
    group = meeting.group
    return text_message(
        t(
            ctx.lang,
            "absence.dm.substitute",
            number=group.number,
            when=when(meeting, ctx.lang, ctx.tz),
            contact=display_name(group.contact_person),
        )
    )
