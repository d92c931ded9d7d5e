"""Intervision methods in Slack: `/intervisie methodes [naam]` (the methods on offer, one in full)
and the secretariat's `/intervisie admin methodes` (switch methods off and on, add its own in a
modal). The overview's blocks and listeners are self-contained, so another surface (an App Home
tab for the secretariat) can show the same blocks: `methods_admin_blocks(deps, actor)`."""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_sdk.models.blocks import Block

from bot.actor import Actor
from bot.deps import Deps
from bot.errors import DomainError, InvalidFields
from bot.i18n import t
from bot.services import method_catalogue
from bot.services.access import require_secretariat
from handlers.context import CommandCall, Interaction, Submitted, on_action, on_view
from handlers.ui.meetings_ui import read_state
from handlers.ui.methods_ui import (
    build_add_method_modal,
    build_method_added_modal,
    build_method_card_message,
    build_methods_admin_blocks,
    build_methods_admin_message,
    build_methods_message,
)
from handlers.ui.planning_ids import ActionId, BlockId, CallbackId

log = logging.getLogger(__name__)

# The service names a refused field; the modal shows the message on that field's block.
_ADD_FIELDS = {
    "name": BlockId.NEW_NAME_NL,
    "purpose": BlockId.NEW_PURPOSE_NL,
    "fits": BlockId.NEW_FITS,
    "minutes": BlockId.NEW_MINUTES,
    "min_minutes": BlockId.NEW_MINUTES,
    "steps": BlockId.NEW_STEPS,
}


def register(app: App) -> None:
    """Listen for the secretariat's switches, the add button and the add modal."""
    on_action(app, ActionId.METHOD_ENABLE, on_enable)
    on_action(app, ActionId.METHOD_DISABLE, on_disable)
    on_action(app, ActionId.METHOD_ADD, on_add_click)
    on_view(app, CallbackId.METHOD_ADD, on_add_submit, error_block=BlockId.NEW_NAME_NL)


def methods_command(call: CommandCall) -> None:
    """`/intervisie methodes [naam]`: the methods groups can choose, or one method's card."""
    actor = call.actor
    with call.deps.uow() as session:
        if call.args:
            method = method_catalogue.match_word(
                session, team_id=actor.team_id, word="methode:" + "".join(call.args)
            )
            assert method is not None  # an unknown name is refused above
            reply = build_method_card_message(lang=actor.lang, method=method)
        else:
            offered = method_catalogue.offered(session, team_id=actor.team_id)
            reply = build_methods_message(lang=actor.lang, methods=offered)
    call.say(reply)


# ---------------------------------------------------------------------------- the secretariat


def methods_admin_blocks(deps: Deps, actor: Actor) -> list[Block]:
    """The secretariat's method overview as blocks (for a message or an App Home tab)."""
    with deps.uow() as session:
        rows = method_catalogue.overview(session, actor=actor)
    return build_methods_admin_blocks(lang=actor.lang, rows=rows)


def admin_methods(call: CommandCall, args: list[str]) -> None:
    """`/intervisie admin methodes`: every method with its switch, and "add a method"."""
    del args
    with call.deps.uow() as session:
        rows = method_catalogue.overview(session, actor=call.actor)
    call.say(build_methods_admin_message(lang=call.actor.lang, rows=rows))


def _switch(call: Interaction, *, enabled: bool) -> None:
    actor = call.actor
    with call.deps.uow() as session:
        method = method_catalogue.set_enabled(
            session, actor=actor, key=call.value[:40], enabled=enabled, now=call.deps.now()
        )
        rows = method_catalogue.overview(session, actor=actor)
    key = "methods.admin.enabled" if enabled else "methods.admin.disabled"
    notice = t(actor.lang, key, name=method.name.get(actor.lang))
    if call.can_respond():
        call.say(
            build_methods_admin_message(lang=actor.lang, rows=rows, notice=notice), replace=True
        )


def on_enable(call: Interaction) -> None:
    """ "Aanzetten": groups can choose the method again."""
    _switch(call, enabled=True)


def on_disable(call: Interaction) -> None:
    """ "Uitzetten": groups no longer see the method (planned meetings keep it)."""
    _switch(call, enabled=False)


def on_add_click(call: Interaction) -> None:
    """ "Eigen methode toevoegen": the add modal (the secretariat only)."""
    require_secretariat(call.actor)
    call.client.views_open(
        trigger_id=call.trigger_id, view=build_add_method_modal(lang=call.actor.lang)
    )


def on_add_submit(call: Interaction) -> Submitted:
    """Check the new method like the catalogue's (inline errors per field), then add it."""
    values = read_state(call.view)
    draft = method_catalogue.CustomMethodDraft(
        name_nl=values.get(ActionId.NEW_NAME_NL, ""),
        name_en=values.get(ActionId.NEW_NAME_EN, ""),
        purpose_nl=values.get(ActionId.NEW_PURPOSE_NL, ""),
        purpose_en=values.get(ActionId.NEW_PURPOSE_EN, ""),
        fits_nl=values.get(ActionId.NEW_FITS, ""),
        minutes=values.get(ActionId.NEW_MINUTES, ""),
        steps=values.get(ActionId.NEW_STEPS, ""),
    )
    actor = call.actor
    try:
        with call.deps.uow() as session:
            method = method_catalogue.add_custom(
                session, actor=actor, draft=draft, now=call.deps.now()
            )
            name = method.name.get(actor.lang)
    except DomainError as error:
        if not isinstance(error, InvalidFields) and error.field in _ADD_FIELDS:
            error.field = _ADD_FIELDS[error.field]
        raise
    log.info("custom method %s added by person %s", method.key, actor.person_id)
    done = t(actor.lang, "methods.add.done", name=name, word=method.key)
    return Submitted(view=build_method_added_modal(lang=actor.lang, text=done))
