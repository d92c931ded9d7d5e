"""Block Kit builders for "Mijn profiel": the profile modal (one number field per register, each
refusal inline on its own field), the App Home section and the hours per register."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    InputBlock,
    PlainTextInputElement,
    StaticMultiSelectElement,
)
from slack_sdk.models.views import View

from bot.i18n import Lang, format_date, format_hours, t, t_plain, tn
from bot.registers import MAX_RAW_LENGTH, Register
from bot.services.profiles import MAX_PROFESSIONS, ProfileView, number_field
from bot.services.register_hours import RegisterMeter
from handlers.ui.blocks import button, clip, context, divider, option, plain, section
from handlers.ui.groups_ui import MODAL_TITLE_MAX
from handlers.ui.registers_ids import ActionId, BlockId, CallbackId, number_action_id
from storage.models import MembershipType

LABEL_MAX = 2000


def _ordered_registers(view: ProfileView) -> list[Register]:
    """Registers the person holds or their professions usually have first, then the rest."""
    usual = {key for p in view.professions for key in p.registers} | set(view.numbers)
    registers = list(view.catalogues.registers.registers)
    return [r for r in registers if r.key in usual] + [r for r in registers if r.key not in usual]


def build_profile_modal(
    *, lang: Lang, view: ProfileView, intro: str | None = None
) -> dict[str, Any]:
    """The profile modal: professions, the member number (members only) and a number per
    register, filled in with what is stored (the modal is only ever shown to its owner)."""
    professions = [option(p.name(lang), p.key) for p in view.catalogues.professions.professions]
    chosen = [o for o in professions if o.value in {p.key for p in view.professions}]
    blocks: list[Block] = []
    if intro:
        blocks.append(section(intro))
    blocks.append(section(t(lang, "profile.intro")))
    blocks.append(
        InputBlock(
            block_id=BlockId.PROFESSIONS,
            label=plain(t_plain(lang, "profile.professions"), LABEL_MAX),
            hint=plain(t_plain(lang, "profile.professions_hint"), LABEL_MAX),
            element=StaticMultiSelectElement(
                action_id=ActionId.PROFESSIONS,
                placeholder=plain(t_plain(lang, "profile.professions_placeholder")),
                options=professions,
                initial_options=chosen or None,
                max_selected_items=MAX_PROFESSIONS,
            ),
            optional=True,
        )
    )
    if view.membership_type is MembershipType.MEMBER:
        blocks.append(
            InputBlock(
                block_id=BlockId.MEMBER_NUMBER,
                label=plain(t_plain(lang, "registers.member_number"), LABEL_MAX),
                hint=plain(t_plain(lang, "profile.member_number_hint"), LABEL_MAX),
                element=PlainTextInputElement(
                    action_id=ActionId.MEMBER_NUMBER,
                    initial_value=view.member_number or None,
                    max_length=40,
                ),
            )
        )
    blocks.append(section(t(lang, "profile.registrations")))
    numbers = view.numbers
    for register in _ordered_registers(view):
        blocks.append(
            InputBlock(
                block_id=number_field(register.key),
                label=plain(
                    t_plain(
                        lang,
                        "profile.number_label",
                        register=register.name,
                        label=register.label(lang),
                    ),
                    LABEL_MAX,
                ),
                hint=plain(
                    t_plain(lang, "profile.number_hint", example=register.example), LABEL_MAX
                ),
                element=PlainTextInputElement(
                    action_id=number_action_id(register.key),
                    initial_value=numbers.get(register.key) or None,
                    max_length=MAX_RAW_LENGTH,
                ),
                optional=True,
            )
        )
    return View(
        type="modal",
        callback_id=CallbackId.PROFILE,
        title=plain(t_plain(lang, "profile.title"), MODAL_TITLE_MAX),
        submit=plain(t_plain(lang, "profile.submit"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "profile.cancel"), MODAL_TITLE_MAX),
        blocks=blocks,
    ).to_dict()


def profile_blocks(*, lang: Lang, view: ProfileView) -> list[Block]:
    """'Mijn profiel' on the App Home (the viewer's own: numbers included)."""
    names = ", ".join(p.name(lang) for p in view.professions)
    lines = [
        t(lang, "profile.home.title"),
        t(lang, "profile.home.professions", names=names)
        if names
        else t(lang, "profile.home.no_professions"),
    ]
    for register, number in view.registrations:
        lines.append(
            t(
                lang,
                "profile.home.number",
                label=register.label(lang),
                register=register.short_name,
                number=number,
            )
        )
    if not view.registrations:
        lines.append(t(lang, "profile.home.no_registrations"))
    if view.member_number:
        lines.append(
            t(
                lang,
                "profile.home.member_number",
                label=t_plain(lang, "registers.member_number"),
                number=clip(view.member_number, 40),
            )
        )
    edit = button(t_plain(lang, "profile.edit"), action_id=ActionId.EDIT_PROFILE)
    return [
        divider(),
        section("\n".join(lines), accessory=edit),
        context(t(lang, "profile.home.private")),
    ]


def register_hours_blocks(*, lang: Lang, meters: Sequence[RegisterMeter]) -> list[Block]:
    """'Uren per register': each register's cycle and target (nothing when there are none)."""
    if not meters:
        return []
    day = timedelta(days=1)
    lines = [t(lang, "profile.home.hours_title")]
    for meter in meters:
        lines.append(
            "• "
            + tn(
                lang,
                "profile.home.hours_line",
                meter.norm.target_hours,
                register=meter.register.short_name,
                hours=format_hours(meter.minutes, lang),
                start=format_date(meter.start),
                end=format_date(meter.end - day),
                norm="" if meter.norm.published else t_plain(lang, "profile.home.hours_default"),
            )
        )
    return [section("\n".join(lines))]
