"""Block Kit for the date poll ("datumprikker"): the contact person's modal and the poll message
every member gets (one row of ja / misschien / nee per moment, the live tally, and for the contact
person a button to pick the moment)."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    ConfirmObject,
    InputBlock,
    Option,
    PlainTextInputElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot import agreement_rules as rules
from bot.i18n import (
    Lang,
    format_date,
    format_hours,
    format_long_date,
    format_time,
    t,
    t_plain,
    tn,
    tn_plain,
)
from bot.notify import Message
from bot.services.date_polls import PollView, SlotTally
from bot.services.people import display_name
from bot.timeparse import duration_choices
from handlers.ui import metadata
from handlers.ui.agreements_ids import ActionId, BlockId, CallbackId
from handlers.ui.blocks import (
    actions,
    button,
    clip,
    context,
    header,
    message,
    option,
    plain,
    section,
)
from storage.models import PollAnswerValue, PollStatus

MODAL_TITLE_MAX = 24
DEFAULT_DURATION_MINUTES = 120
_ANSWER_ACTIONS = {
    PollAnswerValue.YES: ActionId.POLL_YES,
    PollAnswerValue.MAYBE: ActionId.POLL_MAYBE,
    PollAnswerValue.NO: ActionId.POLL_NO,
}


def answer_of(action_id: str) -> PollAnswerValue:
    """The answer a button stands for."""
    return next(value for value, action in _ANSWER_ACTIONS.items() if action == action_id)


def slot_when(starts_at: datetime, minutes: int, lang: Lang, tz: tzinfo) -> str:
    """'maandag 30 november 2026 (30-11-2026) 14:00–16:00' in the reader's zone."""
    end = starts_at + timedelta(minutes=minutes)
    return (
        f"{format_long_date(starts_at, lang, tz=tz)} ({format_date(starts_at, tz=tz)}) "
        f"{format_time(starts_at, tz=tz)}–{format_time(end, tz=tz)}"
    )


def deadline_text(deadline: datetime, lang: Lang, tz: tzinfo) -> str:
    """'30-11-2026 00:00' as the moment the poll closes, in the reader's zone."""
    return t_plain(
        lang,
        "poll.deadline_at",
        date=format_date(deadline, tz=tz),
        time=format_time(deadline, tz=tz),
    )


def build_poll_modal(*, lang: Lang, group_id: int) -> dict[str, Any]:
    """The contact person's form: moments (one per line), length, place and deadline."""
    durations = [
        option(tn_plain(lang, "agreements.hours", format_hours(m, lang)), str(m))
        for m in duration_choices()
    ]
    initial: Option | None = next(
        (o for o in durations if o.value == str(DEFAULT_DURATION_MINUTES)), None
    )
    blocks: list[Block] = [
        section(t(lang, "poll.modal.intro")),
        InputBlock(
            block_id=BlockId.POLL_SLOTS,
            label=plain(t_plain(lang, "poll.modal.slots"), 2000),
            hint=plain(
                tn_plain(
                    lang,
                    "poll.modal.slots_hint",
                    rules.POLL_MAX_SLOTS,
                    min=rules.POLL_MIN_SLOTS,
                ),
                2000,
            ),
            element=PlainTextInputElement(
                action_id=ActionId.POLL_SLOTS,
                multiline=True,
                max_length=400,
                placeholder=plain("30-11-2026 14:00\n07-12-2026 19:30", 150),
            ),
        ),
        InputBlock(
            block_id=BlockId.POLL_DURATION,
            label=plain(t_plain(lang, "poll.modal.duration"), 2000),
            element=StaticSelectElement(
                action_id=ActionId.POLL_DURATION, options=durations, initial_option=initial
            ),
        ),
        InputBlock(
            block_id=BlockId.POLL_PLACE,
            label=plain(t_plain(lang, "poll.modal.place"), 2000),
            optional=True,
            element=PlainTextInputElement(action_id=ActionId.POLL_PLACE, max_length=300),
        ),
        InputBlock(
            block_id=BlockId.POLL_DEADLINE,
            label=plain(t_plain(lang, "poll.modal.deadline"), 2000),
            hint=plain(
                tn_plain(lang, "poll.modal.deadline_hint", rules.POLL_DEFAULT_ANSWER_DAYS),
                2000,
            ),
            optional=True,
            element=PlainTextInputElement(
                action_id=ActionId.POLL_DEADLINE,
                max_length=20,
                placeholder=plain("23-11-2026", 150),
            ),
        ),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.POLL,
        title=plain(t_plain(lang, "poll.modal.title"), MODAL_TITLE_MAX),
        submit=plain(t_plain(lang, "poll.modal.submit"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "poll.modal.close"), MODAL_TITLE_MAX),
        private_metadata=metadata.GROUP.encode(metadata.GroupRef(group_id)),
        blocks=blocks,
    ).to_dict()


def _status_line(view: PollView, lang: Lang, tz: tzinfo) -> str:
    poll = view.poll
    if poll.status is PollStatus.DECIDED and view.chosen is not None:
        chosen = slot_when(view.chosen.starts_at, poll.duration_minutes, lang, tz)
        return t(lang, "poll.status.decided", when=chosen)
    if poll.status is PollStatus.CANCELLED:
        return t(lang, "poll.status.cancelled")
    if poll.status is PollStatus.CLOSED:
        return t(lang, "poll.status.closed")
    return t(lang, "poll.status.open", deadline=deadline_text(poll.deadline_at, lang, tz))


def _tally_line(slot: SlotTally, lang: Lang) -> str:
    return t(lang, "poll.tally", yes=slot.yes, maybe=slot.maybe, no=slot.no)


def _answer_buttons(
    slot: SlotTally, lang: Lang, mine: PollAnswerValue | None, can_pick: bool
) -> list[Any]:
    row = []
    for value, action_id in _ANSWER_ACTIONS.items():
        row.append(
            button(
                t_plain(lang, f"poll.answer.{value.value}"),
                action_id=action_id,
                value=str(slot.slot_id),
                style="primary" if mine is value else None,
            )
        )
    if can_pick:
        row.append(_pick_button(slot, lang))
    return row


def _pick_button(slot: SlotTally, lang: Lang) -> Any:
    return button(
        t_plain(lang, "poll.button.pick"), action_id=ActionId.POLL_PICK, value=str(slot.slot_id)
    )


def _cancel_button(poll_id: int, lang: Lang) -> Any:
    cancel = button(
        t_plain(lang, "poll.button.cancel"),
        action_id=ActionId.POLL_CANCEL,
        value=str(poll_id),
        style="danger",
    )
    cancel.confirm = ConfirmObject(
        title=t_plain(lang, "poll.confirm.title"),
        text=t_plain(lang, "poll.confirm.text"),
        confirm=t_plain(lang, "poll.confirm.yes"),
        deny=t_plain(lang, "poll.confirm.no"),
        style="danger",
    )
    return cancel


def build_poll_message(
    *, lang: Lang, tz: tzinfo, view: PollView, is_manager: bool, intro: str = ""
) -> Message:
    """The poll as one member sees it now: each moment with the tally and their own answer;
    answer buttons while it is open, pick buttons for the contact person until it is decided."""
    poll, group = view.poll, view.group
    title = t_plain(lang, "poll.title", number=group.number, name=group.name)
    blocks: list[Block] = [header(title)]
    if intro:
        blocks.append(section(intro))
    blocks.append(section(_status_line(view, lang, tz)))
    open_ = poll.status is PollStatus.OPEN
    can_pick = is_manager and poll.status in (PollStatus.OPEN, PollStatus.CLOSED)
    for slot in view.slots:
        mine = view.mine.get(slot.slot_id)
        line = f"*{slot_when(slot.starts_at, poll.duration_minutes, lang, tz)}*\n"
        line += _tally_line(slot, lang)
        if mine is not None:
            line += "\n" + t(lang, "poll.yours", answer=t_plain(lang, f"poll.answer.{mine.value}"))
        if view.chosen is not None and view.chosen.slot_id == slot.slot_id:
            line += "\n" + t(lang, "poll.chosen_mark")
        blocks.append(section(line, block_id=f"poll_slot_{slot.slot_id}"))
        if open_:
            row = _answer_buttons(slot, lang, mine, can_pick)
            blocks.append(actions(*row, block_id=f"poll_answer_{slot.slot_id}"))
        elif can_pick:
            blocks.append(actions(_pick_button(slot, lang), block_id=f"poll_pick_{slot.slot_id}"))
    if can_pick:
        blocks.append(actions(_cancel_button(poll.id, lang), block_id=f"poll_cancel_{poll.id}"))
    footer = tn(lang, "poll.answered", view.members, answered=view.answered)
    if is_manager and view.waiting and poll.status is not PollStatus.DECIDED:
        names = ", ".join(display_name(p) for p in view.waiting)
        footer += "\n" + t(lang, "poll.waiting", names=clip(names, 1500))
    blocks.append(context(footer))
    return message(intro or title, blocks)
