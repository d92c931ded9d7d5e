"""Block Kit for intervision methods: the method select of the plan modal, the list and card for
members (`/intervisie methodes`), and the secretariat's overview with its switches and the "add a
method" modal — self-contained blocks that another surface (an App Home tab) can show as well."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import Block, InputBlock, PlainTextInputElement, StaticSelectElement
from slack_sdk.models.views import View

from bot.i18n import Lang, t, t_plain
from bot.method_model import NAME_MAX, PURPOSE_MAX, Method
from bot.method_text import method_card
from bot.notify import Message
from bot.services.method_catalogue import MethodRow, quick_word
from handlers.ui.blocks import (
    actions,
    button,
    clip,
    context,
    divider,
    message,
    option,
    plain,
    section,
)
from handlers.ui.planning_ids import NOBODY, ActionId, BlockId, CallbackId, method_block_id

MODAL_TITLE_MAX = 24
# A message holds 50 blocks: the overview keeps room for its header and the add button.
OVERVIEW_METHODS_MAX = 45
LIST_METHODS_MAX = 40
STEPS_TEXT_MAX = 3000


def build_method_select(
    *,
    lang: Lang,
    block_id: str,
    action_id: str,
    methods: Sequence[Method],
    current: str,
    current_label: str,
) -> InputBlock:
    """The plan modal's method: "none yet" or a method on offer; a meeting's current method stays
    choosable even when it was switched off since (or is older free text)."""
    options = [option(t_plain(lang, "plan.method.none"), NOBODY)]
    options += [option(m.name.get(lang), m.key) for m in methods[:98]]
    if current and all(o.value != current for o in options):
        options.append(option(current_label or current, current[:150]))
    wanted = current or NOBODY
    initial = next((o for o in options if o.value == wanted), options[0])
    return InputBlock(
        block_id=block_id,
        label=plain(t_plain(lang, "plan.method.label"), 2000),
        hint=plain(t_plain(lang, "plan.method.hint"), 2000),
        element=StaticSelectElement(action_id=action_id, options=options, initial_option=initial),
    )


def build_methods_message(*, lang: Lang, methods: Sequence[Method]) -> Message:
    """`/intervisie methodes`: each method on offer in a line, with its quick-form word."""
    lines = [
        t(
            lang,
            "methods.list.item",
            name=m.name.get(lang),
            minutes=m.minutes,
            word=quick_word(m, lang=lang),
            purpose=clip(m.purpose.get(lang), 200),
        )
        for m in methods[:LIST_METHODS_MAX]
    ]
    title = t(lang, "methods.list.title")
    blocks: list[Block] = [section(title)]
    # Several sections: a long catalogue would not fit in one section's 3000 characters.
    for start in range(0, len(lines), 8):
        blocks.append(section("\n".join(lines[start : start + 8])))
    blocks.append(context(t(lang, "methods.list.footer")))
    return message(title, blocks)


def build_method_card_message(*, lang: Lang, method: Method) -> Message:
    """One method in full: purpose, when it fits, roles, steps and the conversation rules."""
    return message(method.name.get(lang), [section(method_card(method, lang=lang))])


def build_methods_admin_blocks(*, lang: Lang, rows: Sequence[MethodRow]) -> list[Block]:
    """The secretariat's overview: each method with "Uitzetten" / "Aanzetten", then "add"."""
    blocks: list[Block] = [section(t(lang, "methods.admin.title"))]
    for row in rows[:OVERVIEW_METHODS_MAX]:
        method = row.method
        state = "methods.admin.on" if row.enabled else "methods.admin.off"
        origin = " · " + t_plain(lang, "methods.admin.own") if method.custom else ""
        text = t(
            lang,
            "methods.admin.item",
            name=method.name.get(lang),
            state=t_plain(lang, state),
            origin=origin,
            purpose=clip(method.purpose.get(lang), 200),
        )
        accessory = None
        if row.switchable:
            accessory = button(
                t_plain(lang, "methods.admin.disable" if row.enabled else "methods.admin.enable"),
                action_id=ActionId.METHOD_DISABLE if row.enabled else ActionId.METHOD_ENABLE,
                value=method.key,
                style="danger" if row.enabled else "primary",
            )
        blocks.append(section(text, block_id=method_block_id(method.key), accessory=accessory))
    blocks.append(
        actions(
            button(t_plain(lang, "methods.admin.add"), action_id=ActionId.METHOD_ADD),
            block_id=BlockId.METHODS_ADD,
        )
    )
    blocks.append(context(t(lang, "methods.admin.footer")))
    return blocks


def build_methods_admin_message(
    *, lang: Lang, rows: Sequence[MethodRow], notice: str | None = None
) -> Message:
    """`/intervisie admin methodes`: the overview as an ephemeral message."""
    blocks = build_methods_admin_blocks(lang=lang, rows=rows)
    if notice:
        blocks = [section(notice), divider(), *blocks]
    return message(notice or t(lang, "methods.admin.title"), blocks)


def _input(
    *,
    lang: Lang,
    block_id: str,
    action_id: str,
    key: str,
    limit: int,
    optional: bool = False,
    multiline: bool = False,
    hint: bool = False,
) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=plain(t_plain(lang, f"methods.add.{key}"), 2000),
        hint=plain(t_plain(lang, f"methods.add.{key}_hint"), 2000) if hint else None,
        optional=optional,
        element=PlainTextInputElement(action_id=action_id, max_length=limit, multiline=multiline),
    )


def build_add_method_modal(*, lang: Lang) -> dict[str, Any]:
    """The secretariat's own method: name, purpose and steps in Dutch (English may follow)."""
    blocks: list[Block] = [
        section(t(lang, "methods.add.intro")),
        _input(
            lang=lang,
            block_id=BlockId.NEW_NAME_NL,
            action_id=ActionId.NEW_NAME_NL,
            key="name_nl",
            limit=NAME_MAX,
        ),
        _input(
            lang=lang,
            block_id=BlockId.NEW_NAME_EN,
            action_id=ActionId.NEW_NAME_EN,
            key="name_en",
            limit=NAME_MAX,
            optional=True,
        ),
        _input(
            lang=lang,
            block_id=BlockId.NEW_PURPOSE_NL,
            action_id=ActionId.NEW_PURPOSE_NL,
            key="purpose_nl",
            limit=PURPOSE_MAX,
            multiline=True,
        ),
        _input(
            lang=lang,
            block_id=BlockId.NEW_PURPOSE_EN,
            action_id=ActionId.NEW_PURPOSE_EN,
            key="purpose_en",
            limit=PURPOSE_MAX,
            optional=True,
            multiline=True,
        ),
        _input(
            lang=lang,
            block_id=BlockId.NEW_FITS,
            action_id=ActionId.NEW_FITS,
            key="fits",
            limit=PURPOSE_MAX,
            optional=True,
        ),
        _input(
            lang=lang,
            block_id=BlockId.NEW_STEPS,
            action_id=ActionId.NEW_STEPS,
            key="steps",
            limit=STEPS_TEXT_MAX,
            optional=True,
            multiline=True,
            hint=True,
        ),
        _input(
            lang=lang,
            block_id=BlockId.NEW_MINUTES,
            action_id=ActionId.NEW_MINUTES,
            key="minutes",
            limit=8,
            optional=True,
            hint=True,
        ),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.METHOD_ADD,
        title=plain(t_plain(lang, "methods.add.title"), MODAL_TITLE_MAX),
        submit=plain(t_plain(lang, "methods.add.submit"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "methods.add.close"), MODAL_TITLE_MAX),
        blocks=blocks,
    ).to_dict()


def build_method_added_modal(*, lang: Lang, text: str) -> dict[str, Any]:
    """What the add modal turns into once the method is saved."""
    return View(
        type="modal",
        callback_id=CallbackId.METHOD_ADD,
        title=plain(t_plain(lang, "methods.add.title"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "methods.add.done_close"), MODAL_TITLE_MAX),
        blocks=[section(text)],
    ).to_dict()
