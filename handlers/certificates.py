"""Certificates and the recertification meter: `/intervisie bewijzen`, `/intervisie uren`
(`uren start dd-mm-jjjj`, `uren pdf`, `uren dossier`), the "send again" button, the overview and
dossier buttons, and the App Home sections."""

from __future__ import annotations

import logging
from datetime import date

from slack_bolt import App
from slack_sdk.models.blocks import Block

from bot.actor import Actor
from bot.deps import Deps
from bot.i18n import format_date, t
from bot.services import certificates, dossier, hours
from bot.services.association import association_for
from bot.services.people import person_by_id
from handlers import profile as profile_area
from handlers.context import CommandCall, Interaction, on_action
from handlers.ui.attendance_ui import ActionId
from handlers.ui.blocks import divider, text_message
from handlers.ui.certificates_ui import (
    CERTIFICATES_SHOWN,
    build_certificates_message,
    build_hours_message,
    certificate_blocks,
    meter_blocks,
)

log = logging.getLogger(__name__)

# `/intervisie uren dossier` (`hours file` in English; "dossier" works in both).
DOSSIER_WORDS = frozenset({"dossier", "file"})


def register(app: App) -> None:
    """Listen for the certificate and meter buttons and the period-start modal."""
    on_action(app, ActionId.RESEND_CERTIFICATE, on_resend)
    on_action(app, ActionId.OVERVIEW_PDF, on_overview_pdf)
    on_action(app, ActionId.DOSSIER_PDF, on_dossier_pdf)


def _today(deps: Deps) -> date:
    return deps.now().astimezone(deps.settings.timezone).date()


def certificates_command(call: CommandCall) -> None:
    """`/intervisie bewijzen`: the member's own certificates, newest first, to send again."""
    deps, actor = call.deps, call.actor
    with deps.uow() as session:
        rows, total = certificates.list_for_person(
            session, person_id=actor.person_id, limit=CERTIFICATES_SHOWN
        )
        reply = build_certificates_message(
            lang=actor.lang, tz=deps.settings.timezone, certificates=rows, total=total
        )
    call.say(reply)


def hours_command(call: CommandCall) -> None:
    """`/intervisie uren [start dd-mm-jjjj | pdf | dossier]`: the meter, set the period start, the
    overview PDF or the dossier (the overview with every deelnamebewijs)."""
    deps, actor = call.deps, call.actor
    words = [w.lower() for w in call.args]
    if words and words[0] == "start" and len(words) == 2:
        start = hours.parse_day(
            words[1], today=_today(deps), retention_years=deps.settings.retention_years
        )
        with deps.uow() as session:
            hours.set_period_start(
                session, actor=actor, start=start, today=_today(deps), now=deps.now()
            )
        call.say(text_message(t(actor.lang, "hours.start_set", date=format_date(start))))
        return
    if words and words[0] in {"start", "begin"}:
        call.say(text_message(t(actor.lang, "hours.bad_date")))
        return
    if words and words[0] == "pdf":
        _send_overview(call)
        call.say(text_message(t(actor.lang, "hours.overview_sent")))
        return
    if words and words[0] in DOSSIER_WORDS:
        _send_dossier(call)
        call.say(text_message(t(actor.lang, "hours.dossier_sent")))
        return
    with deps.uow() as session:
        person = person_by_id(session, person_id=actor.person_id)
        meter, _ = hours.hours_meter(
            session, person=person, today=_today(deps), settings=deps.settings
        )
        rules_of = association_for(session, team_id=actor.team_id, settings=deps.settings)
    reply = build_hours_message(
        lang=actor.lang,
        meter=meter,
        min_hours=rules_of.min_hours_per_year,
        max_hours=rules_of.max_counted_hours_per_year,
    )
    # Someone in several registers also sees each register's own cycle and target.
    reply["blocks"].extend(block.to_dict() for block in profile_area.register_hours(deps, actor))
    call.say(reply)


def _send_overview(call: Interaction) -> None:
    with call.deps.uow() as session:
        person = person_by_id(session, person_id=call.actor.person_id)
        hours.request_overview(session, person=person, press_id=call.press_id, now=call.deps.now())


def _send_dossier(call: Interaction) -> None:
    with call.deps.uow() as session:
        person = person_by_id(session, person_id=call.actor.person_id)
        dossier.request_dossier(session, person=person, press_id=call.press_id, now=call.deps.now())


def on_resend(call: Interaction) -> None:
    """ "Opnieuw sturen": the PDF again, only ever to the certificate's own holder."""
    with call.deps.uow() as session:
        certificate = certificates.resend(
            session,
            team_id=call.actor.team_id,
            certificate_id=call.value_id,
            person_id=call.actor.person_id,
            press_id=call.press_id,
            now=call.deps.now(),
        )
        number = certificate.number
    if call.can_respond():
        call.say(text_message(t(call.actor.lang, "certificate.resent", number=number)))


def on_overview_pdf(call: Interaction) -> None:
    """ "Overzicht als pdf": the recertification overview in a DM."""
    _send_overview(call)
    if call.can_respond():
        call.say(text_message(t(call.actor.lang, "hours.overview_sent")))


def on_dossier_pdf(call: Interaction) -> None:
    """ "Dossier als pdf": the overview followed by every deelnamebewijs, in a DM."""
    _send_dossier(call)
    if call.can_respond():
        call.say(text_message(t(call.actor.lang, "hours.dossier_sent")))


def home_certificates(deps: Deps, actor: Actor) -> list[Block]:
    """App Home: my certificates, newest first, each with "send again"."""
    with deps.uow() as session:
        rows, total = certificates.list_for_person(
            session, person_id=actor.person_id, limit=CERTIFICATES_SHOWN
        )
        blocks = certificate_blocks(
            lang=actor.lang, tz=deps.settings.timezone, certificates=rows, total=total
        )
    return [divider(), *blocks]


def home_hours(deps: Deps, actor: Actor) -> list[Block]:
    """App Home: the recertification meter with its buttons."""
    with deps.uow() as session:
        person = person_by_id(session, person_id=actor.person_id)
        meter, _ = hours.hours_meter(
            session, person=person, today=_today(deps), settings=deps.settings
        )
        rules_of = association_for(session, team_id=actor.team_id, settings=deps.settings)
    return [
        divider(),
        *meter_blocks(
            lang=actor.lang,
            meter=meter,
            min_hours=rules_of.min_hours_per_year,
            max_hours=rules_of.max_counted_hours_per_year,
            with_buttons=True,
        ),
    ]
