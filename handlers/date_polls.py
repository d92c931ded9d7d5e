"""Choosing a date together in Slack: `/intervisie prik 1234` (alias `datumprikker`, `poll`)
opens the contact person's modal; members answer with the buttons in their DM and the contact
person picks a moment there. Who is told what: bot/services/date_polls.py."""

from __future__ import annotations

import logging
from datetime import date, datetime, time, tzinfo

from slack_bolt import App

from bot.errors import DomainError, InvalidFields, InvalidInput
from bot.i18n import Lang, t, t_plain, tn
from bot.services import access
from bot.services import date_polls as svc
from bot.services.meeting_text import short_when
from bot.timeparse import local_instant, parse_date, parse_start
from handlers.context import CommandCall, Interaction, Submitted, on_action, on_view
from handlers.ui import metadata
from handlers.ui.agreements_ids import ActionId, BlockId, CallbackId
from handlers.ui.agreements_ui import build_info_modal
from handlers.ui.blocks import text_message
from handlers.ui.meetings_ui import read_state
from handlers.ui.polls_ui import answer_of, build_poll_modal, deadline_text

log = logging.getLogger(__name__)

# A typed deadline is the last day to answer, up to and including this minute.
LAST_MINUTE = time(23, 59)
# Service fields → the modal's blocks, for inline errors.
_BLOCKS = {"slots": BlockId.POLL_SLOTS, "deadline": BlockId.POLL_DEADLINE}


def register(app: App) -> None:
    """Listen for the poll's answer and pick buttons and the contact person's modal."""
    for action_id in (ActionId.POLL_YES, ActionId.POLL_MAYBE, ActionId.POLL_NO):
        on_action(app, action_id, on_answer)
    on_action(app, ActionId.POLL_PICK, on_pick)
    on_action(app, ActionId.POLL_CANCEL, on_cancel)
    on_view(app, CallbackId.POLL, on_submit, error_block=BlockId.POLL_SLOTS)


def poll_command(call: CommandCall) -> None:
    """`/intervisie prik 1234`: the modal to propose moments."""
    number = call.group_number("prik")
    with call.deps.uow() as session:
        group = access.group_by_number(session, team_id=call.actor.team_id, number=number)
        access.require_manager(group, actor=call.actor)
        view = build_poll_modal(lang=call.actor.lang, group_id=group.id)
    call.client.views_open(trigger_id=call.trigger_id, view=view)


def _line_problem(lang: Lang, index: int, error: DomainError) -> InvalidInput:
    problem = t_plain(lang, error.key, **error.params)
    return InvalidInput("poll.error.line", line=index, problem=problem)


def parse_slots(text: str, *, lang: Lang, tz: tzinfo, today: date, now: datetime) -> list[datetime]:
    """One moment per line, "dd-mm-jjjj uu:mm" (optionally "zomertijd"/"wintertijd" after the
    time); a problem names its line, a moment in the past too."""
    slots = []
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for index, line in enumerate(lines, start=1):
        day_text, _, time_text = line.partition(" ")
        try:
            day = parse_date(day_text, today=today)
            at, fold = parse_start(time_text or "")
            instant = local_instant(day, at, tz=tz, fold=fold)
        except InvalidInput as error:
            raise _line_problem(lang, index, error) from None
        if instant <= now:
            raise InvalidInput("poll.error.line_past", line=index, value=line[:40])
        slots.append(instant)
    return slots


def _deadline(text: str, *, tz: tzinfo, today: date) -> datetime | None:
    """The typed last day to answer: the poll closes at 23:59 that day."""
    if not text.strip():
        return None
    day = parse_date(text, today=today)
    return local_instant(day, LAST_MINUTE, tz=tz)


def on_submit(call: Interaction) -> Submitted:
    """Check every moment (inline errors, nothing stored), then send the poll to the members."""
    ref = metadata.GROUP.decode(call.view.get("private_metadata"))
    actor, now = call.actor, call.deps.now()
    today = now.astimezone(actor.tz).date()
    values = read_state(call.view)
    problems: dict[str, DomainError] = {}
    slots: list[datetime] = []
    deadline = None
    try:
        slots = parse_slots(
            values.get(ActionId.POLL_SLOTS, ""), lang=actor.lang, tz=actor.tz, today=today, now=now
        )
    except InvalidInput as error:
        problems[BlockId.POLL_SLOTS] = error
    try:
        deadline = _deadline(values.get(ActionId.POLL_DEADLINE, ""), tz=actor.tz, today=today)
    except InvalidInput as error:
        problems[BlockId.POLL_DEADLINE] = error
    raw_minutes = values.get(ActionId.POLL_DURATION, "")
    if not (raw_minutes.isascii() and raw_minutes.isdigit() and len(raw_minutes) <= 4):
        problems[BlockId.POLL_DURATION] = InvalidInput("error.bad_form")
    if problems:
        raise InvalidFields(problems)
    data = svc.PollInput(
        slots=slots,
        duration_minutes=int(raw_minutes),
        place=values.get(ActionId.POLL_PLACE, ""),
        deadline_at=deadline,
    )
    try:
        with call.deps.uow() as session:
            poll = svc.create_poll(session, actor=actor, group_id=ref.group_id, data=data, now=now)
            view = svc.poll_view(session, poll_id=poll.id, viewer_id=actor.person_id)
            text = tn(
                actor.lang,
                "poll.sent",
                view.members,
                deadline=deadline_text(poll.deadline_at, actor.lang, actor.tz),
            )
    except InvalidInput as error:
        if error.field in _BLOCKS:
            raise InvalidFields({_BLOCKS[error.field]: error}) from None
        raise
    log.info("poll %s created for group %s", poll.id, ref.group_id)
    return Submitted(
        view=build_info_modal(lang=actor.lang, title_key="poll.modal.title", text=text)
    )


def on_answer(call: Interaction) -> None:
    """Ja / misschien / nee for one moment; the member's DM is redrawn with the new tally."""
    value = answer_of(str(call.action.get("action_id")))
    with call.deps.uow() as session:
        svc.answer(
            session, actor=call.actor, slot_id=call.value_id, value=value, now=call.deps.now()
        )


def on_pick(call: Interaction) -> None:
    """Kies dit moment: it is planned as a meeting; the members get the invitation."""
    actor = call.actor
    with call.deps.uow() as session:
        meeting = svc.pick(session, actor=actor, slot_id=call.value_id, now=call.deps.now())
        text = t(
            actor.lang,
            "poll.picked",
            when=short_when(meeting, actor.lang, actor.tz),
            number=meeting.group.number,
        )
    call.say(text_message(text))


def on_cancel(call: Interaction) -> None:
    """Datumprikker intrekken (after Slack's confirm dialog): every copy says it was withdrawn."""
    with call.deps.uow() as session:
        poll = svc.cancel_poll(
            session, actor=call.actor, poll_id=call.value_id, now=call.deps.now()
        )
        number = poll.group.number
    call.say(text_message(t(call.actor.lang, "poll.cancelled_ok", number=number)))
