""" "Ik kan niet" in Slack: the button on meeting reminders and in `/intervisie afwezig 1234`
(alias `absent`; with a date, straight to that meeting), the modal with the optional reason
category, and "Ik kan toch". Who is told what: bot/services/absences.py."""

from __future__ import annotations

import logging

from slack_bolt import App

from bot.errors import Conflict, InvalidInput
from bot.i18n import t
from bot.services import absences as svc
from bot.services.agreements import substitute_policy
from bot.services.meeting_text import short_when, when
from bot.timeparse import parse_date
from handlers.context import CommandCall, Interaction, Submitted, on_action, on_view
from handlers.ui import metadata
from handlers.ui.absences_ui import build_absence_list, build_absence_modal
from handlers.ui.agreements_ids import ActionId, BlockId, CallbackId
from handlers.ui.agreements_ui import build_info_modal
from handlers.ui.blocks import text_message
from storage.models import AbsenceReason, SubstitutePolicy

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Listen for "Ik kan niet", "Ik kan toch" and the absence modal."""
    on_action(app, ActionId.ABSENCE_OPEN, on_open)
    on_action(app, ActionId.ABSENCE_WITHDRAW, on_withdraw)
    on_view(app, CallbackId.ABSENCE, on_submit, error_block=BlockId.ABSENCE_REASON)


def absent_command(call: CommandCall) -> None:
    """`/intervisie afwezig 1234 [dd-mm-jjjj]`: the group's coming meetings with "Ik kan niet",
    or with a date the modal for that meeting at once."""
    number = call.group_number("afwezig")
    actor, now = call.actor, call.deps.now()
    with call.deps.uow() as session:
        group, meetings, absent = svc.upcoming_for_member(
            session, actor=actor, number=number, now=now
        )
        if len(call.args) > 1:
            today = now.astimezone(actor.tz).date()
            day = parse_date(call.args[1], today=today)
            match = [m for m in meetings if m.starts_at.astimezone(actor.tz).date() == day]
            if not match:
                raise Conflict("absence.no_meeting_on", date=call.args[1], number=group.number)
            meeting_id = match[0].id
        else:
            meeting_id = None
            items = [(m.id, short_when(m, actor.lang, actor.tz), m.id in absent) for m in meetings]
            reply = build_absence_list(
                lang=actor.lang,
                title=t(actor.lang, "absence.list.title", number=group.number, name=group.name),
                items=items,
                empty=t(actor.lang, "absence.list.empty", number=group.number),
            )
    if meeting_id is not None:
        _open_modal(call, meeting_id=meeting_id)
        return
    call.say(reply)


def _open_modal(call: Interaction, *, meeting_id: int) -> None:
    actor = call.actor
    with call.deps.uow() as session:
        meeting = svc.meeting_to_notify(
            session, actor=actor, meeting_id=meeting_id, now=call.deps.now()
        )
        intro = t(
            actor.lang,
            "absence.modal.intro",
            number=meeting.group.number,
            name=meeting.group.name,
            when=when(meeting, actor.lang, actor.tz),
        )
    view = build_absence_modal(lang=actor.lang, meeting_id=meeting_id, intro=intro)
    call.client.views_open(trigger_id=call.trigger_id, view=view)


def on_open(call: Interaction) -> None:
    """ "Ik kan niet" (reminder, meeting DM, the list): refused for a past or cancelled meeting."""
    _open_modal(call, meeting_id=call.value_id)


def _reason(call: Interaction) -> AbsenceReason | None:
    entry = (call.values.get(BlockId.ABSENCE_REASON) or {}).get(ActionId.ABSENCE_REASON) or {}
    raw = str((entry.get("selected_option") or {}).get("value") or "")
    if not raw:
        return None
    try:
        return AbsenceReason(raw)
    except ValueError:
        raise InvalidInput("error.bad_form", field=BlockId.ABSENCE_REASON) from None


def on_submit(call: Interaction) -> Submitted:
    """Record the absence; the modal says who was told and, if agreed, to arrange a substitute."""
    ref = metadata.MEETING.decode(call.view.get("private_metadata"))
    actor = call.actor
    reason = _reason(call)
    with call.deps.uow() as session:
        svc.notify_absence(
            session, actor=actor, meeting_id=ref.meeting_id, reason=reason, now=call.deps.now()
        )
        meeting = svc.meeting_to_notify(
            session, actor=actor, meeting_id=ref.meeting_id, now=call.deps.now()
        )
        lines = [
            t(
                actor.lang,
                "absence.done",
                when=short_when(meeting, actor.lang, actor.tz),
                number=meeting.group.number,
            )
        ]
        policy = substitute_policy(session, group_id=meeting.group_id)
        if policy is SubstitutePolicy.MEMBER_ARRANGES:
            lines.append(t(actor.lang, "absence.substitute.member"))
        elif policy is SubstitutePolicy.CONTACT_ARRANGES:
            lines.append(t(actor.lang, "absence.substitute.contact"))
    log.info("absence for meeting %s by person %s", ref.meeting_id, actor.person_id)
    text = "\n".join(lines)
    return Submitted(
        view=build_info_modal(lang=actor.lang, title_key="absence.modal.title", text=text)
    )


def on_withdraw(call: Interaction) -> None:
    """ "Ik kan toch": the notice is taken back and the contact person told."""
    actor = call.actor
    with call.deps.uow() as session:
        meeting = svc.withdraw_absence(
            session, actor=actor, meeting_id=call.value_id, now=call.deps.now()
        )
        text = t(actor.lang, "absence.withdrawn", when=short_when(meeting, actor.lang, actor.tz))
    call.say(text_message(text))
