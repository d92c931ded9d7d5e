"""Inputs the guided-intervision modals share: text and select inputs, number choices, the
supervisor's register and number (LVSC first, prefilled when recorded before), and the modal
frame that carries a trajectory's id."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import (
    Block,
    InputBlock,
    Option,
    PlainTextInputElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot import rules
from bot.i18n import Lang, t_plain
from bot.services.supervisors import SupervisorRegistration, register_choices
from handlers.ui.blocks import option, plain
from handlers.ui.guided_ids import ActionId, BlockId
from handlers.ui.metadata import TRAJECTORY, TrajectoryRef

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
    """A plain text input with its label, hint and placeholder (Slack marks optional inputs itself)."""
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


def trajectory_modal(
    *, lang: Lang, callback_id: str, title: str, submit: str, blocks: list[Block], ref: int | None
) -> dict[str, Any]:
    """A guided modal with "Annuleren" that carries the trajectory's id (None before there is one)."""
    return View(
        type="modal",
        callback_id=callback_id,
        title=plain(title, TITLE_MAX),
        submit=plain(submit, TITLE_MAX),
        close=plain(t_plain(lang, "guided.cancel"), TITLE_MAX),
        private_metadata=TRAJECTORY.encode(TrajectoryRef(ref)),
        blocks=blocks,
    ).to_dict()
