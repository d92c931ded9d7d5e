"""`/intervisie admin …`: what only the secretariat does (contact person, membership, fee paid,
all groups). Everyone else gets a polite refusal and nothing changes."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack, App, BoltContext, Respond
from sqlalchemy.orm import Session

from bot.delivery import enqueue_message
from bot.deps import Deps
from bot.errors import InvalidInput
from bot.i18n import lang_for, t
from bot.services.admin import (
    change_contact_person,
    mark_fee_paid,
    parse_membership_type,
    parse_year,
    require_secretariat,
    set_person_membership,
)
from bot.services.enrollment import parse_group_number
from bot.services.groups import all_groups
from bot.services.outbox_admin import failed_deliveries, retry_delivery
from bot.services.people import display_name, ensure_person, people_by_ids
from handlers.context import deps_of, team_of, user_of, viewer_for
from handlers.ui.groups_ui import build_admin_groups, build_text, membership_text
from handlers.ui.outbox_ui import ActionId as OutboxActionId
from handlers.ui.outbox_ui import build_failed_deliveries, what_text
from storage.models import Person

if TYPE_CHECKING:
    from handlers.commands import CommandCall

log = logging.getLogger(__name__)

# With should_escape (manifest.yml) "@Anne" arrives as <@UANNE001|anne> (or <@UANNE001>).
_MENTION = re.compile(r"^<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>$")
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


def register(app: App) -> None:
    """The secretariat works with the slash command; the delivery overview has a retry button."""
    app.action(OutboxActionId.RETRY_DELIVERY)(on_retry_delivery)


def parse_user(word: str | None) -> str:
    """A Slack user id from an escaped mention (or a bare user id)."""
    raw = (word or "").strip()
    match = _MENTION.match(raw)
    if match:
        return match.group(1)
    if _USER_ID.match(raw):
        return raw
    raise InvalidInput("admin.bad_user")


def _person(session: Session, deps: Deps, *, team_id: str, user_id: str) -> Person:
    profile = deps.directory.profile(team_id=team_id, user_id=user_id)
    return ensure_person(session, profile=profile, now=deps.now())


def admin_command(call: CommandCall) -> None:
    """Route `/intervisie admin <what> …`; the secretariat check comes before anything else."""
    require_secretariat(is_secretariat=call.viewer.is_secretariat)
    what = call.args[0].lower() if call.args else ""
    rest = call.args[1:]
    if what in {"contactpersoon", "contact"}:
        _contact_person(call, rest)
    elif what in {"lidmaatschap", "membership"}:
        _membership(call, rest)
    elif what in {"betaald", "paid"}:
        _fee_paid(call, rest)
    elif what in {"groepen", "groups"}:
        _groups(call, rest)
    elif what in {"bezorging", "deliveries"}:
        _deliveries(call)
    elif what == "export":
        _export(call, rest)
    else:
        call.respond(**build_text(t(call.viewer.lang, "admin.usage")), response_type="ephemeral")


def _contact_person(call: CommandCall, args: list[str]) -> None:
    viewer, deps = call.viewer, call.deps
    number = parse_group_number(args[0] if args else None)
    user_id = parse_user(args[1] if len(args) > 1 else None)
    with deps.uow() as session:
        new_person = _person(session, deps, team_id=viewer.team_id, user_id=user_id)
        change = change_contact_person(
            session,
            team_id=viewer.team_id,
            actor_id=viewer.person_id,
            is_secretariat=viewer.is_secretariat,
            number=number,
            new_person=new_person,
            now=deps.now(),
        )
        group, old, new = change.group, change.old, change.new
        params = {"number": group.number, "name": group.name}
        for person, key in ((new, "admin.contact.dm_new"), (old, "admin.contact.dm_old")):
            text = t(lang_for(person.locale), key, new=display_name(new), **params)
            enqueue_message(
                session,
                team_id=viewer.team_id,
                user_id=person.slack_user_id,
                text=text,
                blocks=build_text(text)["blocks"],
                dedupe_key=f"contact-change:{group.id}:{old.id}:{new.id}:{deps.now().isoformat()}"
                f":{person.id}",
                now=deps.now(),
            )
        done = t(
            viewer.lang,
            "admin.contact.done",
            new=display_name(new),
            old=display_name(old),
            **params,
        )
    call.respond(**build_text(done), response_type="ephemeral")


def _membership(call: CommandCall, args: list[str]) -> None:
    viewer, deps = call.viewer, call.deps
    user_id = parse_user(args[0] if args else None)
    membership = parse_membership_type(args[1] if len(args) > 1 else "")
    member_number = args[2] if len(args) > 2 else None
    with deps.uow() as session:
        person = _person(session, deps, team_id=viewer.team_id, user_id=user_id)
        set_person_membership(
            session,
            team_id=viewer.team_id,
            actor_id=viewer.person_id,
            is_secretariat=viewer.is_secretariat,
            person=person,
            membership_type=membership,
            member_number=member_number,
            now=deps.now(),
        )
        done = t(
            viewer.lang,
            "admin.membership.done",
            who=display_name(person),
            membership=membership_text(viewer.lang, person),
        )
    call.respond(**build_text(done), response_type="ephemeral")


def _fee_paid(call: CommandCall, args: list[str]) -> None:
    viewer, deps = call.viewer, call.deps
    user_id = parse_user(args[0] if args else None)
    year = parse_year(args[1] if len(args) > 1 else "")
    with deps.uow() as session:
        person = _person(session, deps, team_id=viewer.team_id, user_id=user_id)
        mark_fee_paid(
            session,
            team_id=viewer.team_id,
            actor_id=viewer.person_id,
            is_secretariat=viewer.is_secretariat,
            person=person,
            year=year,
            now=deps.now(),
        )
        done = t(viewer.lang, "admin.fee.done", who=display_name(person), year=year)
    call.respond(**build_text(done), response_type="ephemeral")


def _groups(call: CommandCall, args: list[str]) -> None:
    viewer, deps = call.viewer, call.deps
    page = int(args[0]) - 1 if args and args[0].isdigit() and int(args[0]) > 0 else 0
    with deps.uow() as session:
        found = all_groups(session, team_id=viewer.team_id, page=page)
        ids = {s.group.contact_person_id for s in found.items}
        people = people_by_ids(session, person_ids=list(ids))
        contacts = {p.id: display_name(p) for p in people}
        msg = build_admin_groups(lang=viewer.lang, page=found, contacts=contacts)
    call.respond(**msg, response_type="ephemeral")


def _export(call: CommandCall, args: list[str]) -> None:
    """`admin export 01-01-2026 31-12-2026`: hours and certificates as CSV, by DM (outbox)."""
    from bot.i18n import format_date
    from bot.services.secretariat_export import parse_period, request_csv

    viewer, deps = call.viewer, call.deps
    start, end = parse_period(args[0] if args else None, args[1] if len(args) > 1 else None)
    with deps.uow() as session:
        request_csv(
            session,
            team_id=viewer.team_id,
            actor_id=viewer.person_id,
            user_id=viewer.user_id,
            is_secretariat=viewer.is_secretariat,
            lang=viewer.lang,
            start=start,
            end=end,
            tz_name=deps.settings.default_timezone,
            now=deps.now(),
        )
    text = t(viewer.lang, "export.queued", start=format_date(start), end=format_date(end))
    call.respond(**build_text(text), response_type="ephemeral")


def _deliveries(call: CommandCall) -> None:
    viewer, deps = call.viewer, call.deps
    with deps.uow() as session:
        page = failed_deliveries(session, team_id=viewer.team_id)
    msg = build_failed_deliveries(lang=viewer.lang, tz=viewer.tz, page=page)
    call.respond(**msg, response_type="ephemeral")


def on_retry_delivery(
    ack: Ack, body: dict[str, Any], context: BoltContext, respond: Respond
) -> None:
    """ "Opnieuw proberen": put one failed delivery back in the outbox (once, however often clicked)."""
    ack()
    deps = deps_of(context)
    viewer = viewer_for(deps, team_id=team_of(body), user_id=user_of(body))
    require_secretariat(is_secretariat=viewer.is_secretariat)
    raw = str((body.get("actions") or [{}])[0].get("value") or "")
    if not raw.isdigit():
        raise InvalidInput("admin.deliveries.not_found")
    with deps.uow() as session:
        row = retry_delivery(
            session,
            team_id=viewer.team_id,
            delivery_id=int(raw),
            actor_id=viewer.person_id,
            now=deps.now(),
        )
        what = what_text(viewer.lang, row.kind, row.payload.get("filename"))
    deps.outbox.kick()
    done = t(viewer.lang, "admin.deliveries.retried", what=what)
    respond(**build_text(done), response_type="ephemeral", replace_original=False)
