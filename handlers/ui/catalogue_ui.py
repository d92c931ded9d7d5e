"""Block Kit builders for the secretariat's professions and registers: the overview with what it
added (each removable), and the two small forms to add a register or a profession."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    InputBlock,
    PlainTextInputElement,
    RadioButtonsElement,
    StaticMultiSelectElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.i18n import Lang, t, t_plain
from bot.notify import Message
from bot.professions import MAX_NAME_LENGTH as PROFESSION_NAME_MAX
from bot.professions import MAX_REGISTERS
from bot.registers import (
    MAX_LABEL_LENGTH,
    MAX_NAME_LENGTH,
    MAX_NUMBER_LENGTH,
    MAX_PREFIX_LENGTH,
    MAX_SHORT_NAME_LENGTH,
    Charset,
    Presence,
)
from bot.services.catalogues import Catalogues
from handlers.ui.blocks import actions, button, clip, message, option, plain, section
from handlers.ui.groups_ui import MODAL_TITLE_MAX
from handlers.ui.registers_ids import ActionId, BlockId, CallbackId, define_action_id
from storage.models import CatalogueEntry, CatalogueKind

LABEL_MAX = 2000
# Whole numbers typed in the register form (lengths, years, hours) have at most this many digits.
NUMBER_DIGITS = 4


def build_catalogue_message(
    *, lang: Lang, cats: Catalogues, entries: Sequence[CatalogueEntry]
) -> Message:
    """Every register and profession of the workspace; what the secretariat added, each with a
    remove button; and the buttons to add one."""
    title = t(lang, "catalogue.title")
    registers = ", ".join(r.short_name for r in cats.registers.registers)
    professions = ", ".join(p.name(lang) for p in cats.professions.professions)
    blocks: list[Block] = [
        section(title),
        section(t(lang, "catalogue.registers", names=registers)),
        section(t(lang, "catalogue.professions", names=professions)),
        section(t(lang, "catalogue.added") if entries else t(lang, "catalogue.none_added")),
    ]
    for entry in entries:
        register = entry.kind is CatalogueKind.REGISTER
        name = str(entry.data.get("name") if register else entry.data.get("name_nl") or "")
        blocks.append(
            section(
                t(
                    lang,
                    "catalogue.added_register" if register else "catalogue.added_profession",
                    name=clip(name, 120),
                    code=entry.key,
                ),
                accessory=button(
                    t_plain(lang, "catalogue.remove"),
                    action_id=ActionId.REMOVE_ENTRY,
                    value=str(entry.id),
                    style="danger",
                ),
            )
        )
    blocks.append(
        actions(
            button(t_plain(lang, "catalogue.add_register"), action_id=ActionId.ADD_REGISTER),
            button(t_plain(lang, "catalogue.add_profession"), action_id=ActionId.ADD_PROFESSION),
            block_id=BlockId.CATALOGUE,
        )
    )
    return message(title, blocks)


def _text(
    lang: Lang, field: str, *, limit: int, optional: bool = False, hint: str | None = None
) -> InputBlock:
    return InputBlock(
        block_id=field,
        label=plain(t_plain(lang, f"catalogue.{field}"), LABEL_MAX),
        hint=plain(t_plain(lang, hint), LABEL_MAX) if hint else None,
        element=PlainTextInputElement(action_id=define_action_id(field), max_length=limit),
        optional=optional,
    )


def _radio(lang: Lang, field: str, choices: Sequence[tuple[str, str]]) -> InputBlock:
    options = [option(t_plain(lang, text_key), value) for value, text_key in choices]
    return InputBlock(
        block_id=field,
        label=plain(t_plain(lang, f"catalogue.{field}"), LABEL_MAX),
        element=RadioButtonsElement(
            action_id=define_action_id(field), options=options, initial_option=options[0]
        ),
    )


def build_register_form(*, lang: Lang) -> dict[str, Any]:
    """Add (or, with a built-in's short name, correct) a register with one number format."""
    presence = [option(t_plain(lang, f"catalogue.presence.{p.value}"), p.value) for p in Presence]
    blocks: list[Block] = [
        _text(lang, "register.name", limit=MAX_NAME_LENGTH),
        _text(
            lang,
            "register.short_name",
            limit=MAX_SHORT_NAME_LENGTH,
            hint="catalogue.register.short_name_hint",
        ),
        _text(
            lang,
            "register.label_nl",
            limit=MAX_LABEL_LENGTH,
            hint="catalogue.register.label_nl_hint",
        ),
        _text(lang, "register.label_en", limit=MAX_LABEL_LENGTH, optional=True),
        InputBlock(
            block_id="register.presence",
            label=plain(t_plain(lang, "catalogue.register.presence"), LABEL_MAX),
            element=StaticSelectElement(
                action_id=define_action_id("register.presence"),
                options=presence,
                initial_option=presence[0],
            ),
        ),
        _radio(
            lang,
            "register.charset",
            [(c.value, f"catalogue.charset.{c.value}") for c in Charset],
        ),
        _text(lang, "register.min_length", limit=NUMBER_DIGITS),
        _text(lang, "register.max_length", limit=NUMBER_DIGITS),
        _text(
            lang,
            "register.example",
            limit=MAX_NUMBER_LENGTH,
            hint="catalogue.register.example_hint",
        ),
        _text(
            lang,
            "register.paste_prefix",
            limit=MAX_PREFIX_LENGTH,
            optional=True,
            hint="catalogue.register.paste_prefix_hint",
        ),
        _text(lang, "register.cycle_years", limit=NUMBER_DIGITS, optional=True),
        _text(
            lang,
            "register.target_hours",
            limit=NUMBER_DIGITS,
            optional=True,
            hint="catalogue.register.norm_hint",
        ),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.DEFINE_REGISTER,
        title=plain(t_plain(lang, "catalogue.register.title"), MODAL_TITLE_MAX),
        submit=plain(t_plain(lang, "catalogue.save"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "catalogue.cancel"), MODAL_TITLE_MAX),
        blocks=blocks,
    ).to_dict()


def build_profession_form(*, lang: Lang, cats: Catalogues) -> dict[str, Any]:
    """Add a profession: its names, the registers that usually go with it, and whether its
    members collect hours."""
    registers = [
        option(clip(f"{r.short_name} – {r.name}", 75), r.key) for r in cats.registers.registers
    ]
    blocks: list[Block] = [
        _text(lang, "profession.name_nl", limit=PROFESSION_NAME_MAX),
        _text(lang, "profession.name_en", limit=PROFESSION_NAME_MAX, optional=True),
        InputBlock(
            block_id="profession.registers",
            label=plain(t_plain(lang, "catalogue.profession.registers"), LABEL_MAX),
            element=StaticMultiSelectElement(
                action_id=define_action_id("profession.registers"),
                options=registers,
                max_selected_items=MAX_REGISTERS,
            ),
            optional=True,
        ),
        _radio(
            lang,
            "profession.wants_hours",
            [("yes", "catalogue.profession.hours_yes"), ("no", "catalogue.profession.hours_no")],
        ),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.DEFINE_PROFESSION,
        title=plain(t_plain(lang, "catalogue.profession.title"), MODAL_TITLE_MAX),
        submit=plain(t_plain(lang, "catalogue.save"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "catalogue.cancel"), MODAL_TITLE_MAX),
        blocks=blocks,
    ).to_dict()


def build_saved_modal(*, lang: Lang, text: str, title_key: str) -> dict[str, Any]:
    """What a form turns into after saving."""
    return View(
        type="modal",
        title=plain(t_plain(lang, title_key), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "info.close"), MODAL_TITLE_MAX),
        blocks=[section(text)],
    ).to_dict()
