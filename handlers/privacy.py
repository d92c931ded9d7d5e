"""AVG: `/intervisie mijn-gegevens` (alias `mydata`) sends the member their data in a DM;
`/intervisie mijn-gegevens verwijder` asks for confirmation and then anonymises them."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack, App, BoltContext, Respond

from bot.errors import DomainError
from bot.i18n import t
from bot.services.privacy import delete_my_data, request_export
from handlers.context import deps_of, team_of, user_of, viewer_for
from handlers.ui.privacy_ui import ActionId, build_delete_ask, build_text

if TYPE_CHECKING:
    from handlers.commands import CommandCall

log = logging.getLogger(__name__)

DELETE_WORDS = frozenset({"verwijder", "verwijderen", "delete", "wis"})


def register(app: App) -> None:
    """Listen for the two buttons of the deletion question."""
    app.action(ActionId.DELETE_CONFIRM)(on_delete_confirm)
    app.action(ActionId.DELETE_KEEP)(on_delete_keep)


def mydata_command(call: CommandCall) -> None:
    """`/intervisie mijn-gegevens [verwijder]`."""
    viewer, deps = call.viewer, call.deps
    what = call.args[0].lower() if call.args else ""
    if what in DELETE_WORDS:
        call.respond(**build_delete_ask(lang=viewer.lang), response_type="ephemeral")
        return
    if what:
        call.respond(**build_text(t(viewer.lang, "privacy.usage")), response_type="ephemeral")
        return
    with deps.uow() as session:
        files = request_export(session, person_id=viewer.person_id, tz=viewer.tz, now=deps.now())
    call.respond(
        **build_text(t(viewer.lang, "privacy.export.queued", files=files)),
        response_type="ephemeral",
    )


def on_delete_confirm(
    ack: Ack, body: dict[str, Any], context: BoltContext, respond: Respond
) -> None:
    """Delete (anonymise) the clicker's own data; a contact person is refused with the reason."""
    ack()
    deps = deps_of(context)
    viewer = viewer_for(deps, team_id=team_of(body), user_id=user_of(body))
    try:
        with deps.uow() as session:
            delete_my_data(session, person_id=viewer.person_id, now=deps.now())
    except DomainError as exc:
        # Caught here: a listener raising after ack() would make Bolt answer Slack with a 404.
        text = t(viewer.lang, exc.key, **exc.params)
        respond(**build_text(text), response_type="ephemeral", replace_original=False)
        return
    log.info("a person deleted their data (team %s)", viewer.team_id)
    text = t(viewer.lang, "privacy.delete.done")
    respond(**build_text(text), response_type="ephemeral", replace_original=True)


def on_delete_keep(ack: Ack, body: dict[str, Any], context: BoltContext, respond: Respond) -> None:
    """Nothing is deleted."""
    ack()
    deps = deps_of(context)
    viewer = viewer_for(deps, team_id=team_of(body), user_id=user_of(body))
    text = t(viewer.lang, "privacy.delete.kept")
    respond(**build_text(text), response_type="ephemeral", replace_original=True)
