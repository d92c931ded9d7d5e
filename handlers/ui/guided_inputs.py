"""Inputs the guided-intervision modals share: text and select inputs, number choices, and the
supervisor's register and number (LVSC first, prefilled when recorded before)."""

from __future__ import annotations

from slack_sdk.models.blocks import (
    Block,
    InputBlock,
    Option,
    PlainTextInputElement,
    StaticSelectElement,
)

from bot import rules
from bot.i18n import Lang, t_plain
from bot.services.supervisors import SupervisorRegistration, register_choices
from handlers.ui.blocks import option, plain
from handlers.ui.guided_ids import ActionId, BlockId

TITLE_MAX = 24
LABEL_MAX = 2000


def text_input(
    block_id: str,
    action_id: str,
    label: str,
    *,
    initial: str = "",
    hint: str = "",
    placeholder: str = "",
    optional: bool = False,
    multiline: bool = False,
    max_length: int = 200,
) -> InputBlock:
    """A plain text input with its label, hint and placeholder (Slack adds "(optional)")."""
    return InputBlock(
        block_id=block_id,
        label=plain(label, LABEL_MAX),
        element=PlainTextInputElement(
            action_id=action_id,
            initial_value=initial[:max_length] or None,
            placeholder=plain(placeholder, 150) if placeholder else None,
            multiline=multiline,
            max_length=max_length,
        ),
        hint=plain(hint, LABEL_MAX) if hint else None,
        optional=optional,
    )


def select_input(
    block_id: str,
    action_id: str,
    label: str,
    *,
    options: list[Option],
    initial: str | None = None,
    optional: bool = False,
    hint: str = "",
) -> InputBlock:
    """A static select; `initial` is the value chosen beforehand."""
    chosen = next((o for o in options if o.value == initial), None)
    return InputBlock(
        block_id=block_id,
        label=plain(label, LABEL_MAX),
        element=StaticSelectElement(action_id=action_id, options=options, initial_option=chosen),
        hint=plain(hint, LABEL_MAX) if hint else None,
        optional=optional,
    )


def number_options(low: int, high: int) -> list[Option]:
    """Whole numbers from `low` to `high` as select options."""
    return [option(str(n), str(n)) for n in range(low, high + 1)]


def register_inputs(lang: Lang, known: SupervisorRegistration | None) -> list[Block]:
    """The supervisor's register (LVSC first) and number, prefilled when recorded before."""
    registers = [option(name, key) for key, name in register_choices()]
    return [
        select_input(
            BlockId.REGISTER,
            ActionId.REGISTER,
            t_plain(lang, "guided.field.register"),
            options=registers,
            initial=known.register_key if known else rules.DEFAULT_SUPERVISOR_REGISTER,
        ),
        text_input(
            BlockId.REGISTER_NUMBER,
            ActionId.REGISTER_NUMBER,
            t_plain(lang, "guided.field.register_number"),
            initial=known.number if known else "",
            max_length=40,
        ),
    ]
