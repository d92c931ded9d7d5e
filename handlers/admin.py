"""`/intervisie admin …`: what only the secretariat does (contact person, membership, fee paid,
all groups). Everyone else gets a polite refusal and nothing changes."""

from __future__ import annotations

import logging
import re

from slack_bolt import App
from sqlalchemy.orm import Session

from bot.errors import InvalidInput
from bot.i18n import t
from bot.parsing import parse_group_number
from bot.services.access import require_secretariat
from bot.services.admin import (
    change_contact_person,
    mark_fee_paid,
    parse_membership_type,
    parse_payer,
    parse_year,
    set_person_membership,
)
from bot.services.association import association_for
from bot.services.groups import all_groups
from bot.services.outbox_admin import failed_deliveries, retry_delivery
from bot.services.people import display_name, ensure_person, people_by_ids
from bot.services.secretariat_export import parse_period, request_csv
from bot.timeparse import parse_date
from handlers import catalogue as catalogue_area
from handlers import methods as methods_area
from handlers.association import unpaid_command
from handlers.context import CommandCall, Interaction, on_action
from handlers.ui.blocks import text_message
from handlers.ui.groups_ui import build_admin_groups, membership_text
from handlers.ui.outbox_ui import ActionId as OutboxActionId
from handlers.ui.outbox_ui import build_failed_deliveries, what_text
from storage.models import Person

log = logging.getLogger(__name__)

# With should_escape (manifest.yml) "@Anne" arrives as <@UANNE001|anne> (or <@UANNE001>).
_MENTION = re.compile(r"^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$")
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


def register(app: App) -> None:
    """The secretariat works with the slash command; the delivery overview has a retry button."""
    on_action(app, OutboxActionId.RETRY_DELIVERY, on_retry_delivery)


def parse_user(word: str | None) -> str:
    """A Slack user id from an escaped mention (or a bare user id)."""
    raw = (word or "").strip()
    match = _MENTION.match(raw)
    if match:
        return match.group(1)
    if _USER_ID.match(raw):
        return raw
    raise InvalidInput("admin.bad_user")


def _person(session: Session, call: Interaction, *, user_id: str) -> Person:
    profile = call.deps.directory.profile(team_id=call.actor.team_id, user_id=user_id)
    return ensure_person(session, profile=profile, now=call.deps.now())


def admin_command(call: CommandCall) -> None:
    """Route `/intervisie admin <what> …`; the secretariat check comes before anything else."""
    require_secretariat(call.actor)
    what = call.args[0].lower() if call.args else ""
    rest = call.args[1:]
    if what in {"contactpersoon", "contact"}:
        _contact_person(call, rest)
    elif what in {"lidmaatschap", "membership"}:
        _membership(call, rest)
    elif what in {"betaald", "paid"}:
        _fee_paid(call, rest)
    elif what in {"onbetaald", "unpaid"}:
        unpaid_command(call, rest)
    elif what in {"groepen", "groups"}:
        _groups(call, rest)
    elif what in {"bezorging", "deliveries"}:
        _deliveries(call)
    elif what == "export":
        _export(call, rest)
    elif what in {"methodes", "methods"}:
        methods_area.admin_methods(call, rest)
    elif what in {"beroepen", "registers", "professions"}:
        catalogue_area.catalogue_command(call)
    elif what in {"presentielijst", "presence"}:
        catalogue_area.presence_command(call, rest)
    else:
        call.say(text_message(t(call.actor.lang, "admin.usage")))


def _contact_person(call: CommandCall, args: list[str]) -> None:
    actor, deps = call.actor, call.deps
    number = parse_group_number(args[0] if args else None)
    user_id = parse_user(args[1] if len(args) > 1 else None)
    with deps.uow() as session:
        new_person = _person(session, call, user_id=user_id)
        change = change_contact_person(
            session, actor=actor, number=number, new_person=new_person, now=deps.now()
        )
        done = t(
            actor.lang,
            "admin.contact.done",
            new=display_name(change.new),
            old=display_name(change.old),
            number=change.group.number,
            name=change.group.name,
        )
    call.say(text_message(done))


def _membership(call: CommandCall, args: list[str]) -> None:
    actor, deps = call.actor, call.deps
    user_id = parse_user(args[0] if args else None)
    membership = parse_membership_type(args[1] if len(args) > 1 else "")
    member_number = args[2] if len(args) > 2 else None
    with deps.uow() as session:
        person = _person(session, call, user_id=user_id)
        set_person_membership(
            session,
            actor=actor,
            person=person,
            membership_type=membership,
            member_number=member_number,
            now=deps.now(),
        )
        association = association_for(session, team_id=actor.team_id, settings=deps.settings)
        done = t(
            actor.lang,
            "admin.membership.done",
            who=display_name(person),
            membership=membership_text(actor.lang, person, association=association),
        )
    call.say(text_message(done))


def _fee_paid(call: CommandCall, args: list[str]) -> None:
    actor, deps = call.actor, call.deps
    user_id = parse_user(args[0] if args else None)
    year = parse_year(args[1] if len(args) > 1 else "")
    # `betaald @persoon 2026 [deelnemer|werkgever] [dd-mm-jjjj]`
    paid_by = parse_payer(args[2]) if len(args) > 2 else None
    paid_on = (
        parse_date(args[3], today=call.today(), retention_years=deps.settings.retention_years)
        if len(args) > 3
        else None
    )
    with deps.uow() as session:
        person = _person(session, call, user_id=user_id)
        mark_fee_paid(
            session,
            actor=actor,
            person=person,
            year=year,
            now=deps.now(),
            paid_by=paid_by,
            paid_on=paid_on,
        )
        done = t(actor.lang, "admin.fee.done", who=display_name(person), year=year)
    call.say(text_message(done))


def _groups(call: CommandCall, args: list[str]) -> None:
    actor, deps = call.actor, call.deps
    typed = args[0] if args else ""
    page = int(typed) - 1 if typed.isascii() and typed.isdigit() and 0 < int(typed) < 10**6 else 0
    with deps.uow() as session:
        found = all_groups(session, team_id=actor.team_id, page=page)
        ids = {s.group.contact_person_id for s in found.items}
        people = people_by_ids(session, person_ids=list(ids))
        contacts = {p.id: display_name(p) for p in people}
        msg = build_admin_groups(lang=actor.lang, page=found, contacts=contacts)
    call.say(msg)


def _export(call: CommandCall, args: list[str]) -> None:
    """`admin export 01-01-2026 31-12-2026`: hours and certificates as CSV, by DM (outbox)."""
    from bot.i18n import format_date

    actor, deps = call.actor, call.deps
    start, end = parse_period(
        args[0] if args else None,
        args[1] if len(args) > 1 else None,
        today=call.today(),
        retention_years=deps.settings.retention_years,
    )
    with deps.uow() as session:
        request_csv(session, actor=actor, start=start, end=end, now=deps.now())
    text = t(actor.lang, "export.queued", start=format_date(start), end=format_date(end))
    call.say(text_message(text))


def _deliveries(call: CommandCall) -> None:
    actor, deps = call.actor, call.deps
    with deps.uow() as session:
        page = failed_deliveries(session, team_id=actor.team_id)
    msg = build_failed_deliveries(lang=actor.lang, tz=actor.tz, page=page)
    call.say(msg)


def on_retry_delivery(call: Interaction) -> None:
    """ "Opnieuw proberen": put one failed delivery back in the outbox (once, however often clicked)."""
    actor = call.actor
    require_secretariat(actor)
    with call.deps.uow() as session:
        row = retry_delivery(
            session,
            team_id=actor.team_id,
            delivery_id=call.value_id,
            actor_id=actor.person_id,
            now=call.deps.now(),
        )
        what = what_text(actor.lang, row.kind, row.payload.get("filename"))
    done = t(actor.lang, "admin.deliveries.retried", what=what)
    call.say(text_message(done))
