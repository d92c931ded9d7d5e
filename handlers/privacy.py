"""AVG: `/intervisie mijn-gegevens` (alias `mydata`) sends the member their data in a DM;
`/intervisie mijn-gegevens verwijder` asks for confirmation and then anonymises them."""

from __future__ import annotations

import logging

from slack_bolt import App

from bot.i18n import t, tn
from bot.services.privacy import delete_my_data, request_export
from handlers.context import CommandCall, Interaction, on_action
from handlers.ui.blocks import text_message
from handlers.ui.privacy_ui import ActionId, build_delete_ask

log = logging.getLogger(__name__)

DELETE_WORDS = frozenset({"verwijder", "verwijderen", "delete", "wis"})


def register(app: App) -> None:
    """Listen for the two buttons of the deletion question."""
    on_action(app, ActionId.DELETE_CONFIRM, on_delete_confirm)
    on_action(app, ActionId.DELETE_KEEP, on_delete_keep)


def mydata_command(call: CommandCall) -> None:
    """`/intervisie mijn-gegevens [verwijder]`."""
    actor, deps = call.actor, call.deps
    what = call.args[0].lower() if call.args else ""
    if what in DELETE_WORDS:
        call.say(build_delete_ask(lang=actor.lang))
        return
    if what:
        call.say(text_message(t(actor.lang, "privacy.usage")))
        return
    with deps.uow() as session:
        files = request_export(session, actor=actor, now=deps.now())
    call.say(text_message(tn(actor.lang, "privacy.export.queued", files)))


def on_delete_confirm(call: Interaction) -> None:
    """Delete (anonymise) the clicker's own data; a contact person is refused with the reason."""
    with call.deps.uow() as session:
        delete_my_data(session, actor=call.actor, now=call.deps.now())
    log.info("a person deleted their data (team %s)", call.actor.team_id)
    call.say(text_message(t(call.actor.lang, "privacy.delete.done")), replace=True)


def on_delete_keep(call: Interaction) -> None:
    """Nothing is deleted."""
    call.say(text_message(t(call.actor.lang, "privacy.delete.kept")), replace=True)
