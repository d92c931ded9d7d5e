"""The secretariat's professions and registers: `/intervisie admin beroepen` (the overview with
what it added), the forms to add a register or a profession (a refusal shows on its field), the
remove button, and `/intervisie admin presentielijst <register> <van> <tot>`. Rules:
bot/services/catalogues.py and bot/services/register_presence.py."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from slack_bolt import App

from bot.errors import DomainError, InvalidInput
from bot.i18n import format_date, t
from bot.services import catalogues
from bot.services.access import require_secretariat
from bot.services.register_presence import request_period_lists
from bot.services.secretariat_export import parse_period
from handlers.context import CommandCall, Interaction, Submitted, on_action, on_view
from handlers.ui.blocks import text_message
from handlers.ui.catalogue_ui import (
    build_catalogue_message,
    build_profession_form,
    build_register_form,
    build_saved_modal,
)
from handlers.ui.registers_ids import ActionId, CallbackId, define_action_id

log = logging.getLogger(__name__)

T = TypeVar("T")

_REGISTER_BLOCKS = frozenset(
    {
        "name",
        "short_name",
        "label_nl",
        "label_en",
        "presence",
        "charset",
        "min_length",
        "max_length",
        "example",
        "paste_prefix",
        "cycle_years",
        "target_hours",
    }
)
_PROFESSION_BLOCKS = frozenset({"name_nl", "name_en", "registers", "wants_hours"})


def register(app: App) -> None:
    """Listen for the overview's buttons and the two forms."""
    on_action(app, ActionId.ADD_REGISTER, on_add_register)
    on_action(app, ActionId.ADD_PROFESSION, on_add_profession)
    on_action(app, ActionId.REMOVE_ENTRY, on_remove)
    on_view(app, CallbackId.DEFINE_REGISTER, on_register_submit, error_block="register.short_name")
    on_view(
        app, CallbackId.DEFINE_PROFESSION, on_profession_submit, error_block="profession.name_nl"
    )


def catalogue_command(call: CommandCall) -> None:
    """`/intervisie admin beroepen`: the workspace's registers and professions."""
    actor = call.actor
    with call.deps.uow() as session:
        entries = catalogues.added_entries(session, actor=actor)
        cats = catalogues.for_team(session, team_id=actor.team_id)
        reply = build_catalogue_message(lang=actor.lang, cats=cats, entries=entries)
    call.say(reply)


def presence_command(call: CommandCall, args: list[str]) -> None:
    """`/intervisie admin presentielijst KNOV 01-01-2026 31-12-2026`: files by DM."""
    actor, deps = call.actor, call.deps
    require_secretariat(actor)
    if len(args) < 3:
        raise InvalidInput("presence.usage")
    start, end = parse_period(
        args[-2], args[-1], today=call.today(), retention_years=deps.settings.retention_years
    )
    with deps.uow() as session:
        register = request_period_lists(
            session,
            actor=actor,
            register_typed=" ".join(args[:-2]),
            start=start,
            end=end,
            tz=deps.settings.timezone,
            press_id=call.press_id,
            now=deps.now(),
        )
    text = t(
        actor.lang,
        "presence.queued_period",
        register=register.short_name,
        start=format_date(start),
        end=format_date(end),
    )
    call.say(text_message(text))


def on_add_register(call: Interaction) -> None:
    """'Register toevoegen': the form (the secretariat only)."""
    require_secretariat(call.actor)
    call.client.views_open(
        trigger_id=call.trigger_id, view=build_register_form(lang=call.actor.lang)
    )


def on_add_profession(call: Interaction) -> None:
    """'Beroep toevoegen': the form, with the workspace's registers to pick from."""
    require_secretariat(call.actor)
    with call.deps.uow() as session:
        cats = catalogues.for_team(session, team_id=call.actor.team_id)
    modal = build_profession_form(lang=call.actor.lang, cats=cats)
    call.client.views_open(trigger_id=call.trigger_id, view=modal)


def _typed(call: Interaction, field: str) -> str:
    entry = (call.values.get(field) or {}).get(define_action_id(field)) or {}
    chosen = entry.get("selected_option") or {}
    return str(chosen.get("value") or entry.get("value") or "").strip()


def _whole(call: Interaction, field: str) -> int | None:
    typed = _typed(call, field)
    if not typed:
        return None
    if not (typed.isascii() and typed.isdigit()):
        raise InvalidInput("catalogue.whole_number", field=field)
    return int(typed)


def _on_field(prefix: str, known: frozenset[str], fallback: str, run: Callable[[], T]) -> T:
    """Run `run`; a refusal naming a data field is moved to that field's block in the form,
    one naming a field the form has no input for (the key, the list of formats) to `fallback`."""
    try:
        return run()
    except DomainError as error:
        name = error.field or ""
        error.field = f"{prefix}.{name if name in known else fallback}"
        raise


def on_register_submit(call: Interaction) -> Submitted:
    """Save the register; the first field that does not fit shows its message."""
    actor = call.actor
    short_name = _typed(call, "register.short_name")
    fmt: dict[str, Any] = {
        "charset": _typed(call, "register.charset"),
        "min_length": _whole(call, "register.min_length"),
        "max_length": _whole(call, "register.max_length"),
        "example": _typed(call, "register.example"),
    }
    if prefix := _typed(call, "register.paste_prefix"):
        fmt["paste_prefix"] = prefix
    label_nl = _typed(call, "register.label_nl")
    data: dict[str, Any] = {
        "key": catalogues.key_for(short_name) if short_name else "",
        "name": _typed(call, "register.name"),
        "short_name": short_name,
        "label_nl": label_nl,
        "label_en": _typed(call, "register.label_en") or label_nl,
        "presence": _typed(call, "register.presence"),
        "formats": [fmt],
        "cycle_years": _whole(call, "register.cycle_years"),
        "target_hours": _whole(call, "register.target_hours"),
    }
    with call.deps.uow() as session:
        saved = _on_field(
            "register",
            _REGISTER_BLOCKS,
            "short_name",
            lambda: catalogues.define_register(
                session, actor=actor, data=data, now=call.deps.now()
            ),
        )
        text = t(actor.lang, "catalogue.saved_register", name=saved.name)
    return Submitted(
        view=build_saved_modal(lang=actor.lang, text=text, title_key="catalogue.register.title")
    )


def on_profession_submit(call: Interaction) -> Submitted:
    """Save the profession (its registers must be the workspace's)."""
    actor = call.actor
    name_nl = _typed(call, "profession.name_nl")
    chosen = (call.values.get("profession.registers") or {}).get(
        define_action_id("profession.registers")
    ) or {}
    data: dict[str, Any] = {
        "key": catalogues.key_for(name_nl) if name_nl else "",
        "name_nl": name_nl,
        "name_en": _typed(call, "profession.name_en") or name_nl,
        "registers": [str(o.get("value")) for o in chosen.get("selected_options") or []],
        "wants_hours": _typed(call, "profession.wants_hours") != "no",
    }
    with call.deps.uow() as session:
        saved = _on_field(
            "profession",
            _PROFESSION_BLOCKS,
            "name_nl",
            lambda: catalogues.define_profession(
                session, actor=actor, data=data, now=call.deps.now()
            ),
        )
        text = t(actor.lang, "catalogue.saved_profession", name=saved.name(actor.lang))
    return Submitted(
        view=build_saved_modal(lang=actor.lang, text=text, title_key="catalogue.profession.title")
    )


def on_remove(call: Interaction) -> None:
    """'Verwijderen': refused while the entry is in use; the overview is replaced by the answer."""
    with call.deps.uow() as session:
        key = catalogues.remove_entry(
            session, actor=call.actor, entry_id=call.value_id, now=call.deps.now()
        )
    call.say(text_message(t(call.actor.lang, "catalogue.removed", code=key)), replace=True)
