"""Block Kit for series: the modal to plan a rhythm in one go, the modal to change the rest of a
series, and the list of a group's series with their buttons."""

from __future__ import annotations

from dataclasses import dataclass
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
from bot.i18n import Lang, format_hours, t, t_plain, tn_plain
from bot.notify import Message
from bot.rhythm import MONTHLY_LAST, MONTHLY_NTH, parse_rhythm, rhythm_codes
from bot.timeparse import duration_choices
from handlers.ui import metadata
from handlers.ui.agreements_ids import ActionId, BlockId, CallbackId
from handlers.ui.agreements_meta import SERIES, SeriesRef
from handlers.ui.blocks import actions, button, clip, context, message, option, plain, section

MODAL_TITLE_MAX = 24
DEFAULT_DURATION_MINUTES = 120
DEFAULT_COUNT = 6


def rhythm_label(lang: Lang, code: str) -> str:
    """How a rule reads in the select and the list ("Om de 8 weken")."""
    if code == MONTHLY_LAST:
        return t_plain(lang, "series.rhythm.monthly_last")
    if code == MONTHLY_NTH:
        return t_plain(lang, "series.rhythm.monthly_nth")
    weeks = parse_rhythm(code).weeks or 1
    if weeks == 1:
        return t_plain(lang, "series.rhythm.weekly")
    return tn_plain(lang, "series.rhythm.weeks", weeks)


def _text(
    block_id: str,
    action_id: str,
    *,
    label: str,
    initial: str = "",
    placeholder: str = "",
    hint: str = "",
    optional: bool = False,
    max_length: int = 20,
) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=plain(label, 2000),
        hint=plain(hint, 2000) if hint else None,
        optional=optional,
        element=PlainTextInputElement(
            action_id=action_id,
            initial_value=initial or None,
            placeholder=plain(placeholder, 150) if placeholder else None,
            max_length=max_length,
        ),
    )


def _durations(lang: Lang, current: int) -> tuple[list[Option], Option | None]:
    options = [
        option(tn_plain(lang, "agreements.hours", format_hours(m, lang)), str(m))
        for m in duration_choices()
    ]
    return options, next((o for o in options if o.value == str(current)), None)


def _duration_block(lang: Lang, current: int) -> InputBlock:
    options, initial = _durations(lang, current)
    return InputBlock(
        block_id=BlockId.SERIES_DURATION,
        label=plain(t_plain(lang, "series.modal.duration"), 2000),
        element=StaticSelectElement(
            action_id=ActionId.SERIES_DURATION, options=options, initial_option=initial
        ),
    )


def build_series_modal(*, lang: Lang, group_id: int) -> dict[str, Any]:
    """Plan a series: first date, start, length, rhythm, how many, place."""
    rhythms = [option(rhythm_label(lang, code), code) for code in rhythm_codes()]
    counts = [
        option(str(n), str(n))
        for n in range(rules.SERIES_MIN_MEETINGS, rules.SERIES_MAX_MEETINGS + 1)
    ]
    blocks: list[Block] = [
        section(t(lang, "series.modal.intro")),
        _text(
            BlockId.SERIES_FIRST_DAY,
            ActionId.SERIES_FIRST_DAY,
            label=t_plain(lang, "series.modal.first_day"),
            placeholder="30-10-2026",
            hint=t_plain(lang, "series.modal.first_day_hint"),
        ),
        _text(
            BlockId.SERIES_START,
            ActionId.SERIES_START,
            label=t_plain(lang, "series.modal.start"),
            placeholder="14:00",
            max_length=20,
        ),
        _duration_block(lang, DEFAULT_DURATION_MINUTES),
        InputBlock(
            block_id=BlockId.SERIES_RHYTHM,
            label=plain(t_plain(lang, "series.modal.rhythm"), 2000),
            element=StaticSelectElement(
                action_id=ActionId.SERIES_RHYTHM, options=rhythms, initial_option=rhythms[0]
            ),
        ),
        InputBlock(
            block_id=BlockId.SERIES_COUNT,
            label=plain(t_plain(lang, "series.modal.count"), 2000),
            hint=plain(t_plain(lang, "series.modal.count_hint"), 2000),
            element=StaticSelectElement(
                action_id=ActionId.SERIES_COUNT,
                options=counts,
                initial_option=next(o for o in counts if o.value == str(DEFAULT_COUNT)),
            ),
        ),
        _text(
            BlockId.SERIES_PLACE,
            ActionId.SERIES_PLACE,
            label=t_plain(lang, "series.modal.place"),
            optional=True,
            max_length=300,
        ),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.SERIES,
        title=plain(t_plain(lang, "series.modal.title"), MODAL_TITLE_MAX),
        submit=plain(t_plain(lang, "series.modal.submit"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "series.modal.close"), MODAL_TITLE_MAX),
        private_metadata=metadata.GROUP.encode(metadata.GroupRef(group_id)),
        blocks=blocks,
    ).to_dict()


def build_rest_modal(
    *, lang: Lang, series_id: int, start: str, duration_minutes: int, place: str, dates: str
) -> dict[str, Any]:
    """Change the rest of a series: a new start time, length and place for every meeting to come."""
    blocks: list[Block] = [
        section(t(lang, "series.rest.intro", dates_text=clip(dates, 2500))),
        _text(
            BlockId.SERIES_START,
            ActionId.SERIES_START,
            label=t_plain(lang, "series.modal.start"),
            initial=start,
            placeholder="14:00",
        ),
        _duration_block(lang, duration_minutes),
        _text(
            BlockId.SERIES_PLACE,
            ActionId.SERIES_PLACE,
            label=t_plain(lang, "series.modal.place"),
            initial=place[:300],
            optional=True,
            max_length=300,
        ),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.SERIES_REST,
        title=plain(t_plain(lang, "series.rest.title"), MODAL_TITLE_MAX),
        submit=plain(t_plain(lang, "series.rest.submit"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "series.modal.close"), MODAL_TITLE_MAX),
        private_metadata=SERIES.encode(SeriesRef(series_id)),
        blocks=blocks,
    ).to_dict()


@dataclass(frozen=True, kw_only=True)
class ListedSeries:
    """One series in the list: its id, how its rule reads, and the dates still to come."""

    series_id: int
    rule: str
    dates: list[str]


def build_series_list(
    *, lang: Lang, title: str, items: list[ListedSeries], group_id: int
) -> Message:
    """The group's series with meetings to come, each with "Rest wijzigen" and "Rest annuleren",
    and a button to plan a new one."""
    blocks: list[Block] = [section(title)]
    for item in items[:10]:
        text = f"*{item.rule}*\n" + clip(", ".join(item.dates), 2500)
        blocks.append(section(text))
        cancel = button(
            t_plain(lang, "series.button.cancel_rest"),
            action_id=ActionId.SERIES_CANCEL_REST,
            value=str(item.series_id),
            style="danger",
        )
        cancel.confirm = ConfirmObject(
            title=t_plain(lang, "series.confirm.title"),
            text=clip(tn_plain(lang, "series.confirm.text", len(item.dates)), 300),
            confirm=t_plain(lang, "series.confirm.yes"),
            deny=t_plain(lang, "series.confirm.no"),
            style="danger",
        )
        change = button(
            t_plain(lang, "series.button.change_rest"),
            action_id=ActionId.SERIES_CHANGE_REST,
            value=str(item.series_id),
        )
        blocks.append(actions(change, cancel, block_id=f"series_{item.series_id}"))
    blocks.append(
        actions(
            button(
                t_plain(lang, "series.button.new"),
                action_id=ActionId.SERIES_NEW,
                value=str(group_id),
                style="primary",
            ),
            block_id="series_new",
        )
    )
    blocks.append(context(t(lang, "series.list.footer")))
    return message(title, blocks)
