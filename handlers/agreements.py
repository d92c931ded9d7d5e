"""The agreements card in Slack: `/intervisie afspraken 1234` (the card, with Akkoord for members
who have not confirmed this version and Wijzigen for the contact person), the fill-in modal and
the Akkoord button in DMs. Who is told what: bot/services/agreements.py."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App
from slack_sdk.models.blocks import Block
from sqlalchemy.orm import Session

from bot.errors import InvalidFields, InvalidInput
from bot.i18n import Lang, t, tn
from bot.services import access
from bot.services import agreements as svc
from handlers.context import CommandCall, Interaction, Submitted, on_action, on_view
from handlers.ui import metadata
from handlers.ui.agreements_ids import ActionId, CallbackId, agreements_action, agreements_block
from handlers.ui.agreements_ui import (
    NONE,
    build_agreements_modal,
    build_card_blocks,
    build_card_message,
    build_info_modal,
)
from handlers.ui.blocks import text_message
from handlers.ui.meetings_ui import read_state
from storage.models import Chair, Group, GroupForm, InputPreparer, SubstitutePolicy

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Listen for the card's buttons and the fill-in modal."""
    on_action(app, ActionId.AGREEMENTS_EDIT, on_edit)
    on_action(app, ActionId.AGREEMENTS_CONFIRM, on_confirm)
    on_view(app, CallbackId.AGREEMENTS, on_submit, error_block=agreements_block("goal"))


def agreements_command(call: CommandCall) -> None:
    """`/intervisie afspraken 1234`: the card with who has not yet confirmed it."""
    number = call.group_number("afspraken")
    actor = call.actor
    with call.deps.uow() as session:
        card = svc.card_for_viewer(session, actor=actor, number=number)
        reply = build_card_message(
            lang=actor.lang,
            card=card,
            intro="",
            can_confirm=actor.person_id in card.missing_ids and card.agreements is not None,
            can_edit=access.can_manage(card.group, actor=actor),
        )
    call.say(reply)


def card_blocks(session: Session, *, group: Group, lang: Lang, viewer_id: int) -> list[Block]:
    """The card of a group as blocks, with Akkoord when the viewer has not confirmed: for the
    welcome DM and the group's page."""
    if svc.agreements_of(session, group_id=group.id) is None:
        return []
    card = svc.card(session, group=group)
    return build_card_blocks(
        lang=lang, card=card, can_confirm=viewer_id in card.missing_ids, can_edit=False
    )


def on_edit(call: Interaction) -> None:
    """Afspraken invullen / wijzigen: the modal, prefilled with the card."""
    actor = call.actor
    with call.deps.uow() as session:
        card = svc.managed_card(session, actor=actor, group_id=call.value_id)
        view = build_agreements_modal(
            lang=actor.lang,
            group_id=card.group.id,
            agreements=card.agreements,
            max_members=card.group.max_members,
        )
    call.client.views_open(trigger_id=call.trigger_id, view=view)


def _version_value(raw: str) -> tuple[int, int]:
    """The Akkoord button's "group:version"; anything else is a forged or garbled click."""
    group, _, version = raw.partition(":")
    if not all(p.isascii() and p.isdigit() and 0 < len(p) <= 18 for p in (group, version)):
        raise InvalidInput("error.bad_form")
    return int(group), int(version)


def on_confirm(call: Interaction) -> None:
    """Akkoord: the member agrees with this version (an outdated one is refused)."""
    group_id, version = _version_value(call.value)
    with call.deps.uow() as session:
        agreements = svc.confirm(
            session, actor=call.actor, group_id=group_id, version=version, now=call.deps.now()
        )
        number = agreements.group.number
    log.info("agreements of group %s v%s confirmed by %s", group_id, version, call.actor.person_id)
    call.say(text_message(t(call.actor.lang, "agreements.confirmed_ok", number=number)))


def _choice(values: dict[str, str], field: str) -> str | None:
    raw = values.get(agreements_action(field), "")
    return None if raw in ("", NONE) else raw


def _number(values: dict[str, str], field: str) -> int | None:
    raw = _choice(values, field)
    if raw is None:
        return None
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 4):
        raise InvalidInput("error.bad_form", field=agreements_block(field))
    return int(raw)


def _enum(values: dict[str, str], field: str, enum_type: Any) -> Any:
    raw = _choice(values, field)
    if raw is None:
        return None
    try:
        return enum_type(raw)
    except ValueError:
        raise InvalidInput("error.bad_form", field=agreements_block(field)) from None


def parse_agreements(view: dict[str, Any]) -> svc.AgreementsInput:
    """The submitted modal as the service's input (forged option values are refused)."""
    values = read_state(view)
    return svc.AgreementsInput(
        goal=values.get(agreements_action("goal"), ""),
        success=values.get(agreements_action("success"), ""),
        attendance_min_meetings=_number(values, "attendance_min_meetings"),
        substitutes=_enum(values, "substitutes", SubstitutePolicy) or SubstitutePolicy.NOT_ALLOWED,
        meetings_per_year=_number(values, "meetings_per_year"),
        meeting_minutes=_number(values, "meeting_minutes"),
        rhythm=values.get(agreements_action("rhythm"), ""),
        preferred_times=values.get(agreements_action("preferred_times"), ""),
        form=_enum(values, "form", GroupForm),
        location=values.get(agreements_action("location"), ""),
        input_text=values.get(agreements_action("input_text"), ""),
        input_preparer=_enum(values, "input_preparer", InputPreparer),
        recording=values.get(agreements_action("recording"), ""),
        chair=_enum(values, "chair", Chair),
        cost_split=values.get(agreements_action("cost_split"), ""),
        min_present=_number(values, "min_present") or 0,
    )


def on_submit(call: Interaction) -> Submitted:
    """Save the card; members are asked to confirm the new version. Refusals show inline."""
    ref = metadata.GROUP.decode(call.view.get("private_metadata"))
    data = parse_agreements(call.view)
    lang = call.actor.lang
    try:
        with call.deps.uow() as session:
            agreements = svc.save_agreements(
                session, actor=call.actor, group_id=ref.group_id, data=data, now=call.deps.now()
            )
            card = svc.card(session, group=agreements.group)
            params = {"number": card.group.number, "version": agreements.version}
            text = (
                tn(lang, "agreements.saved", len(card.missing), **params)
                if card.missing
                else t(lang, "agreements.saved_all", **params)
            )
    except InvalidInput as error:
        if error.field in svc.FIELDS:
            problem = InvalidInput(error.key, **error.params)
            raise InvalidFields({agreements_block(error.field): problem}) from None
        raise
    return Submitted(
        view=build_info_modal(lang=lang, title_key="agreements.modal.title", text=text)
    )
