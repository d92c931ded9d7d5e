"""Certificates and the recertification meter: `/intervisie bewijzen`, `/intervisie uren`
(`uren start dd-mm-jjjj`, `uren pdf`), the "send again" button, and the App Home sections."""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.models.blocks import Block

from bot.deps import Deps
from bot.errors import DomainError
from bot.i18n import format_date, t
from bot.services import certificates as service
from bot.services.people import person_by_id
from handlers.context import Viewer, deps_of, team_of, user_of, viewer_for
from handlers.ui.attendance_ui import (
    CERTIFICATES_SHOWN,
    ActionId,
    BlockId,
    CallbackId,
    build_certificates_message,
    build_hours_message,
    build_period_start_modal,
    certificate_blocks,
    meter_blocks,
)
from handlers.ui.blocks import divider

if TYPE_CHECKING:
    from handlers.commands import CommandCall

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Listen for the certificate and meter buttons and the period-start modal."""
    app.action(ActionId.RESEND_CERTIFICATE)(on_resend)
    app.action(ActionId.OVERVIEW_PDF)(on_overview_pdf)
    app.action(ActionId.SET_PERIOD_START)(on_set_period_start)
    app.view(CallbackId.PERIOD_START)(on_period_start_submit)


def _today(deps: Deps) -> date:
    return deps.now().astimezone(deps.settings.timezone).date()


def certificates_command(call: CommandCall) -> None:
    """`/intervisie bewijzen`: the member's own certificates, newest first, to send again."""
    deps, viewer = call.deps, call.viewer
    with deps.uow() as session:
        rows, total = service.list_for_person(
            session, person_id=viewer.person_id, limit=CERTIFICATES_SHOWN
        )
        reply = build_certificates_message(
            lang=viewer.lang, tz=deps.settings.timezone, certificates=rows, total=total
        )
    call.respond(**reply, response_type="ephemeral")


def hours_command(call: CommandCall) -> None:
    """`/intervisie uren [start dd-mm-jjjj | pdf]`: the meter, set the period start, or the PDF."""
    deps, viewer = call.deps, call.viewer
    words = [w.lower() for w in call.args]
    if words and words[0] == "start" and len(words) == 2:
        start = service.parse_day(words[1])
        with deps.uow() as session:
            service.set_period_start(
                session,
                team_id=viewer.team_id,
                person_id=viewer.person_id,
                start=start,
                today=_today(deps),
                now=deps.now(),
            )
        call.respond(
            text=t(viewer.lang, "hours.start_set", date=format_date(start)),
            response_type="ephemeral",
        )
        return
    if words and words[0] in {"start", "begin"}:
        call.respond(text=t(viewer.lang, "hours.bad_date"), response_type="ephemeral")
        return
    if words and words[0] == "pdf":
        _send_overview(deps, viewer, press_id=call.trigger_id)
        call.respond(text=t(viewer.lang, "hours.overview_sent"), response_type="ephemeral")
        return
    with deps.uow() as session:
        person = person_by_id(session, person_id=viewer.person_id)
        meter, _ = service.hours_meter(
            session, person=person, today=_today(deps), settings=deps.settings
        )
    reply = build_hours_message(
        lang=viewer.lang,
        meter=meter,
        min_hours=deps.settings.min_hours_per_year,
        max_hours=deps.settings.max_counted_hours_per_year,
    )
    call.respond(**reply, response_type="ephemeral")


def _send_overview(deps: Deps, viewer: Viewer, *, press_id: str) -> None:
    with deps.uow() as session:
        person = person_by_id(session, person_id=viewer.person_id)
        service.enqueue_overview(
            session, team_id=viewer.team_id, person=person, press_id=press_id, now=deps.now()
        )


def _press_id(body: dict[str, Any], action: dict[str, Any]) -> str:
    # One delivery per press: Slack retries of the same press carry the same action_ts.
    return str(action.get("action_ts") or body.get("trigger_id") or "")


def on_resend(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    context: BoltContext,
    respond: Respond,
) -> None:
    """ "Opnieuw sturen": the PDF again, only ever to the certificate's own holder."""
    ack()
    deps = deps_of(context)
    viewer = viewer_for(deps, team_id=team_of(body), user_id=user_of(body))
    with deps.uow() as session:
        certificate = service.resend(
            session,
            team_id=viewer.team_id,
            certificate_id=int(action["value"]),
            person_id=viewer.person_id,
            press_id=_press_id(body, action),
            tz=deps.settings.timezone,
            now=deps.now(),
        )
        number = certificate.number
    if body.get("response_url"):
        respond(
            text=t(viewer.lang, "certificate.resent", number=number),
            response_type="ephemeral",
            replace_original=False,
        )


def on_overview_pdf(
    ack: Ack,
    body: dict[str, Any],
    action: dict[str, Any],
    context: BoltContext,
    respond: Respond,
) -> None:
    """ "Overzicht als pdf": the recertification overview in a DM."""
    ack()
    deps = deps_of(context)
    viewer = viewer_for(deps, team_id=team_of(body), user_id=user_of(body))
    _send_overview(deps, viewer, press_id=_press_id(body, action))
    if body.get("response_url"):
        respond(
            text=t(viewer.lang, "hours.overview_sent"),
            response_type="ephemeral",
            replace_original=False,
        )


def on_set_period_start(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """ "Begin periode instellen": a small modal with the current start date."""
    ack()
    deps = deps_of(context)
    viewer = viewer_for(deps, team_id=team_of(body), user_id=user_of(body))
    with deps.uow() as session:
        person = person_by_id(session, person_id=viewer.person_id)
        start = person.certification_period_start
    current = format_date(start) if start else ""
    client.views_open(
        trigger_id=body["trigger_id"],
        view=build_period_start_modal(lang=viewer.lang, current=current),
    )


def on_period_start_submit(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Save the period start (inline error for a bad date), then refresh the App Home."""
    deps = deps_of(context)
    viewer = viewer_for(deps, team_id=team_of(body), user_id=user_of(body))
    state = view["state"]["values"].get(BlockId.PERIOD_START, {})
    typed = str((state.get(ActionId.PERIOD_START_INPUT) or {}).get("value") or "")
    try:
        start = service.parse_day(typed)
        with deps.uow() as session:
            service.set_period_start(
                session,
                team_id=viewer.team_id,
                person_id=viewer.person_id,
                start=start,
                today=_today(deps),
                now=deps.now(),
            )
    except DomainError as error:
        ack(
            response_action="errors",
            errors={BlockId.PERIOD_START: t(viewer.lang, error.key, **error.params)},
        )
        return
    ack()
    from handlers.home import publish_home  # home imports this module for its sections

    publish_home(deps, viewer=viewer, client=client)


def home_certificates(deps: Deps, viewer: Viewer) -> list[Block]:
    """App Home: my certificates, newest first, each with "send again"."""
    with deps.uow() as session:
        rows, total = service.list_for_person(
            session, person_id=viewer.person_id, limit=CERTIFICATES_SHOWN
        )
        blocks = certificate_blocks(
            lang=viewer.lang, tz=deps.settings.timezone, certificates=rows, total=total
        )
    return [divider(), *blocks]


def home_hours(deps: Deps, viewer: Viewer) -> list[Block]:
    """App Home: the recertification meter with its buttons."""
    with deps.uow() as session:
        person = person_by_id(session, person_id=viewer.person_id)
        meter, _ = service.hours_meter(
            session, person=person, today=_today(deps), settings=deps.settings
        )
    return [
        divider(),
        *meter_blocks(
            lang=viewer.lang,
            meter=meter,
            min_hours=deps.settings.min_hours_per_year,
            max_hours=deps.settings.max_counted_hours_per_year,
            with_buttons=True,
        ),
    ]
