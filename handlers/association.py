"""The association's settings in Slack, for the secretariat: the buttons on its part of the App
Home open the forms (association, fee, rules, secretariat); a save is refused field by field when
a value is malformed, and refreshes the App Home. The unpaid list of a year (also
`/intervisie admin onbetaald [jaar]`) records payments. Every button and form re-checks that the
one pressing it belongs to the secretariat: a replayed action from anyone else writes nothing."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App

from bot.actor import Profile
from bot.errors import InvalidInput
from bot.i18n import t
from bot.services.access import require_secretariat
from bot.services.admin import mark_fee_paid, parse_year
from bot.services.association import association_for, secretariat_members
from bot.services.association_edit import (
    set_secretariat,
    update_fee,
    update_identity,
    update_rules,
)
from bot.services.fees import UNPAID_LIST_MAX, person_in_workspace, unpaid_for_secretariat
from bot.services.people import display_name, ensure_person
from bot.timeparse import parse_date
from handlers.context import CommandCall, Interaction, Submitted, on_action, on_view
from handlers.home import publish_home
from handlers.ui import metadata
from handlers.ui.association_ui import (
    RULE_FIELDS,
    ActionId,
    BlockId,
    CallbackId,
    build_fee_modal,
    build_identity_modal,
    build_rules_modal,
    build_secretariat_modal,
)
from handlers.ui.fees_ui import build_payment_modal, build_unpaid_modal
from storage.models import FeePayer, Person

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """The secretariat's buttons and forms."""
    on_action(app, ActionId.EDIT_IDENTITY, on_edit_identity)
    on_action(app, ActionId.EDIT_FEE, on_edit_fee)
    on_action(app, ActionId.EDIT_RULES, on_edit_rules)
    on_action(app, ActionId.EDIT_SECRETARIAT, on_edit_secretariat)
    on_action(app, ActionId.UNPAID, on_unpaid)
    on_action(app, ActionId.MARK_PAID, on_mark_paid)
    on_view(app, CallbackId.IDENTITY, on_identity_submit, error_block=BlockId.NAME)
    on_view(app, CallbackId.FEE, on_fee_submit, error_block=BlockId.FEE)
    on_view(app, CallbackId.RULES, on_rules_submit, error_block=RULE_FIELDS[0])
    on_view(app, CallbackId.SECRETARIAT, on_secretariat_submit, error_block=BlockId.MEMBERS)
    on_view(app, CallbackId.PAYMENT, on_payment_submit, error_block=BlockId.PAID_ON)


def _typed(call: Interaction, block: str) -> str:
    entry = (call.values.get(block) or {}).get(ActionId.INPUT) or {}
    return str(entry.get("value") or "")


def _checked(call: Interaction, block: str, action: str) -> bool:
    entry = (call.values.get(block) or {}).get(action) or {}
    return any(o.get("value") == "yes" for o in entry.get("selected_options") or [])


def _refresh_home(call: Interaction) -> Submitted:
    """Close the form and show the new values on the App Home."""
    return Submitted(then=lambda: publish_home(call.deps, actor=call.actor, client=call.client))


# -- opening the forms -----------------------------------------------------------------------------


def _open(call: Interaction, build: Any) -> None:
    require_secretariat(call.actor)
    with call.deps.uow() as session:
        association = association_for(
            session, team_id=call.actor.team_id, settings=call.deps.settings
        )
        view = build(lang=call.actor.lang, association=association)
    call.client.views_open(trigger_id=call.trigger_id, view=view)


def on_edit_identity(call: Interaction) -> None:
    """'Vereniging': name, short name, member-number label, links."""
    _open(call, build_identity_modal)


def on_edit_fee(call: Interaction) -> None:
    """'Bijdrage': the fee, payment instructions, whether an unpaid fee blocks requests."""
    _open(call, build_fee_modal)


def on_edit_rules(call: Interaction) -> None:
    """'Regels': group sizes, hours, retention."""
    _open(call, build_rules_modal)


def on_edit_secretariat(call: Interaction) -> None:
    """'Secretariaat': who else belongs to it, and whether the workspace's admins do."""
    require_secretariat(call.actor)
    with call.deps.uow() as session:
        association = association_for(
            session, team_id=call.actor.team_id, settings=call.deps.settings
        )
        members = secretariat_members(session, team_id=call.actor.team_id)
        view = build_secretariat_modal(
            lang=call.actor.lang, association=association, members=members
        )
    call.client.views_open(trigger_id=call.trigger_id, view=view)


# -- saving them -----------------------------------------------------------------------------------


def on_identity_submit(call: Interaction) -> Submitted:
    """Save name, short name, label and links (inline errors, nothing written, when wrong)."""
    with call.deps.uow() as session:
        update_identity(
            session,
            actor=call.actor,
            settings=call.deps.settings,
            name=_typed(call, BlockId.NAME),
            short_name=_typed(call, BlockId.SHORT_NAME),
            member_number_label=_typed(call, BlockId.MEMBER_NUMBER_LABEL),
            guide_url=_typed(call, BlockId.GUIDE_URL),
            membership_url=_typed(call, BlockId.MEMBERSHIP_URL),
            now=call.deps.now(),
        )
    return _refresh_home(call)


def on_fee_submit(call: Interaction) -> Submitted:
    """Save the fee, instructions and the blocking setting; a negative fee is refused inline."""
    with call.deps.uow() as session:
        update_fee(
            session,
            actor=call.actor,
            settings=call.deps.settings,
            fee=_typed(call, BlockId.FEE),
            payment_instructions=_typed(call, BlockId.INSTRUCTIONS),
            fee_blocks_requests=_checked(call, BlockId.FEE_BLOCKS, ActionId.BLOCKS),
            now=call.deps.now(),
        )
    return _refresh_home(call)


def on_rules_submit(call: Interaction) -> Submitted:
    """Save the rules; a minimum above its maximum is refused on both fields."""
    with call.deps.uow() as session:
        update_rules(
            session,
            actor=call.actor,
            settings=call.deps.settings,
            values={name: _typed(call, name) for name in RULE_FIELDS},
            now=call.deps.now(),
        )
    return _refresh_home(call)


def on_secretariat_submit(call: Interaction) -> Submitted:
    """Save who belongs to the secretariat (people of this workspace only)."""
    entry = (call.values.get(BlockId.MEMBERS) or {}).get(ActionId.MEMBERS) or {}
    user_ids = [str(u) for u in entry.get("selected_users") or [] if isinstance(u, str)]
    if len(set(user_ids)) != len(user_ids) or any(not u.isalnum() for u in user_ids):
        raise InvalidInput("error.bad_form", field=BlockId.MEMBERS)
    with call.deps.uow() as session:
        people = [_person(session, call, user_id=user_id) for user_id in user_ids]
        set_secretariat(
            session,
            actor=call.actor,
            settings=call.deps.settings,
            people=people,
            admins_are_secretariat=_checked(call, BlockId.ADMINS, ActionId.ADMINS),
            now=call.deps.now(),
        )
    return _refresh_home(call)


def _person(session: Any, call: Interaction, *, user_id: str) -> Person:
    """The person of a chosen user in the actor's workspace; no Slack call here (the form is
    answered within Slack's 3 seconds): their name is filled in at their first own request."""
    profile = Profile(
        team_id=call.actor.team_id,
        user_id=user_id,
        full_name="",
        display_name="",
        locale=None,
        tz=None,
        fresh=False,
    )
    return ensure_person(session, profile=profile, now=call.deps.now())


# -- the fee ---------------------------------------------------------------------------------------


def _unpaid_view(call: Interaction, *, year: int, recorded: str = "") -> dict[str, Any]:
    with call.deps.uow() as session:
        people = unpaid_for_secretariat(
            session, actor=call.actor, year=year, tz=call.deps.settings.timezone
        )
        return build_unpaid_modal(
            lang=call.actor.lang,
            year=year,
            people=people,
            limit=UNPAID_LIST_MAX,
            recorded=recorded,
        )


def on_unpaid(call: Interaction) -> None:
    """'Onbetaald <jaar>': the list of participants without membership who have not paid."""
    require_secretariat(call.actor)
    year = parse_year(call.value)
    call.client.views_open(trigger_id=call.trigger_id, view=_unpaid_view(call, year=year))


def unpaid_command(call: CommandCall, args: list[str]) -> None:
    """`/intervisie admin onbetaald [jaar]`: the same list, as a modal."""
    require_secretariat(call.actor)
    year = parse_year(args[0]) if args else call.today().year
    call.client.views_open(trigger_id=call.trigger_id, view=_unpaid_view(call, year=year))


def on_mark_paid(call: Interaction) -> None:
    """'Betaling vastleggen' on the unpaid list: a form on top of it (who paid, on which day)."""
    require_secretariat(call.actor)
    ref = metadata.FEE_YEAR.decode(call.view.get("private_metadata"))
    with call.deps.uow() as session:
        person = person_in_workspace(session, team_id=call.actor.team_id, person_id=call.value_id)
        association = association_for(
            session, team_id=call.actor.team_id, settings=call.deps.settings
        )
        view = build_payment_modal(
            lang=call.actor.lang,
            person=person,
            year=ref.year,
            fee=association.fee_text(),
            today=call.today(),
        )
    call.client.views_push(trigger_id=call.trigger_id, view=view)


def on_payment_submit(call: Interaction) -> Submitted:
    """Record the payment (once); the form becomes the year's list again, without that person."""
    ref = metadata.FEE_PAYMENT.decode(call.view.get("private_metadata"))
    entry = (call.values.get(BlockId.PAID_BY) or {}).get(ActionId.PAID_BY) or {}
    try:
        paid_by = FeePayer(str((entry.get("selected_option") or {}).get("value") or ""))
    except ValueError:
        raise InvalidInput("error.bad_form", field=BlockId.PAID_BY) from None
    typed = str(
        ((call.values.get(BlockId.PAID_ON) or {}).get(ActionId.PAID_ON) or {}).get("value") or ""
    )
    try:
        paid_on = parse_date(
            typed, today=call.today(), retention_years=call.deps.settings.retention_years
        )
    except InvalidInput as error:
        raise InvalidInput(error.key, field=BlockId.PAID_ON, **error.params) from None
    with call.deps.uow() as session:
        person = person_in_workspace(session, team_id=call.actor.team_id, person_id=ref.person_id)
        mark_fee_paid(
            session,
            actor=call.actor,
            person=person,
            year=ref.year,
            now=call.deps.now(),
            paid_by=paid_by,
            paid_on=paid_on,
        )
        name = display_name(person)
    recorded = t(call.actor.lang, "fee.unpaid.recorded", name=name, year=ref.year)
    return Submitted(view=_unpaid_view(call, year=ref.year, recorded=recorded))
