"""A group's professions and accreditation in Slack: `/intervisie accreditatie 1234` (the overview
for members, with a button for its managers), the accreditation modal, and
`/intervisie presentielijst 1234 [dd-mm-jjjj] [register]`, which sends the presence lists per
register as files by DM. Rules: bot/services/accreditations.py, bot/services/register_presence.py."""

from __future__ import annotations

import dataclasses
import logging
import re
from datetime import date

from slack_bolt import App

from bot.errors import InvalidInput, NotAllowed
from bot.i18n import format_date, t
from bot.parsing import parse_group_number
from bot.services import access
from bot.services.accreditations import (
    AccreditationDraft,
    accreditations_of,
    record_accreditation,
)
from bot.services.catalogues import for_team
from bot.services.multidisciplinary import professions_present, registers_present
from bot.services.register_presence import request_meeting_lists
from bot.timeparse import parse_date
from handlers.context import CommandCall, Interaction, Submitted, on_action, on_view
from handlers.ui import metadata
from handlers.ui.accreditation_ui import (
    build_accreditation_modal,
    build_group_overview,
    build_saved_modal,
    status_text,
)
from handlers.ui.blocks import text_message
from handlers.ui.registers_ids import ActionId, BlockId, CallbackId
from storage.models import AccreditationStatus, PointsBasis

log = logging.getLogger(__name__)

_DATE_LIKE = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{4}", re.ASCII)


def register(app: App) -> None:
    """Listen for the 'Accreditatie vastleggen' button and its modal."""
    on_action(app, ActionId.RECORD_ACCREDITATION, on_record_click)
    on_view(app, CallbackId.ACCREDITATION, on_accreditation_submit, error_block=BlockId.REGISTER)


def accreditation_command(call: CommandCall) -> None:
    """`/intervisie accreditatie [1234]`: the group's professions, registers and accreditations
    (counts only) for its members; its managers also get the button to record one."""
    number = call.group_number("accreditatie")
    actor = call.actor
    with call.deps.uow() as session:
        group = access.group_by_number(session, team_id=actor.team_id, number=number)
        manager = access.can_manage(group, actor=actor)
        if not manager and not access.is_member(
            session, group_id=group.id, person_id=actor.person_id
        ):
            raise NotAllowed("accreditation.overview.not_member", number=group.number)
        cats = for_team(session, team_id=group.team_id)
        professions = professions_present(session, group_ids=[group.id], cats=cats)[group.id]
        registers = registers_present(session, group_id=group.id, cats=cats)
        accreditations = [
            (a, cats.registers.get(a.register_key) if a.register_key in cats.registers else None)
            for a in accreditations_of(session, group_id=group.id)
        ]
        reply = build_group_overview(
            lang=actor.lang,
            group=group,
            professions=professions,
            registers=registers,
            accreditations=accreditations,
            can_manage=manager,
        )
    call.say(reply)


def on_record_click(call: Interaction) -> None:
    """'Accreditatie vastleggen': the modal, for the group's managers only."""
    with call.deps.uow() as session:
        group = access.group_by_id(session, team_id=call.actor.team_id, group_id=call.value_id)
        access.require_manager(group, actor=call.actor)
        registers = for_team(session, team_id=group.team_id).registers.registers
        modal = build_accreditation_modal(lang=call.actor.lang, group=group, registers=registers)
    call.client.views_open(trigger_id=call.trigger_id, view=modal)


def _picked(call: Interaction, block: str, action: str) -> str:
    entry = (call.values.get(block) or {}).get(action) or {}
    chosen = entry.get("selected_option") or {}
    return str(chosen.get("value") or entry.get("value") or "")


def on_accreditation_submit(call: Interaction) -> Submitted:
    """Record the accreditation; every refusal (a register nobody in the group has, a missing
    activity id or points) shows under its own field and nothing is written."""
    ref = metadata.GROUP.decode(call.view.get("private_metadata"))
    try:
        status = AccreditationStatus(_picked(call, BlockId.STATUS, ActionId.ACCREDITATION_STATUS))
        basis = PointsBasis(_picked(call, BlockId.BASIS, ActionId.ACCREDITATION_BASIS))
    except ValueError:
        raise InvalidInput("error.bad_form") from None
    draft = AccreditationDraft(
        register_key=_picked(call, BlockId.REGISTER, ActionId.ACCREDITATION_REGISTER),
        status=status,
        activity_id=_picked(call, BlockId.ACTIVITY, ActionId.ACCREDITATION_ACTIVITY),
        points=_picked(call, BlockId.POINTS, ActionId.ACCREDITATION_POINTS),
        basis=basis,
    )
    lang = call.actor.lang
    with call.deps.uow() as session:
        group = access.group_by_id(session, team_id=call.actor.team_id, group_id=ref.group_id)
        _, register = record_accreditation(
            session, actor=call.actor, group=group, draft=draft, now=call.deps.now()
        )
        text = t(
            lang,
            "accreditation.saved",
            number=group.number,
            register=register.short_name,
            status=status_text(lang, status),
        )
    log.info("accreditation recorded for group %s by person %s", ref.group_id, call.actor.person_id)
    return Submitted(view=build_saved_modal(lang=lang, text=text))


def presence_command(call: CommandCall) -> None:
    """`/intervisie presentielijst [1234] [dd-mm-jjjj] [register]`: per register, the paste list
    and the CSV of the meeting (the latest registered one by default) in the manager's DM."""
    number: int | None = None
    day: date | None = None
    register_words: list[str] = []
    for word in call.args:
        if _DATE_LIKE.fullmatch(word):
            day = parse_date(
                word, today=call.today(), retention_years=call.deps.settings.retention_years
            )
        elif number is None and word.lstrip("#").isascii() and word.lstrip("#").isdigit():
            number = parse_group_number(word)
        else:
            register_words.append(word)
    if number is None:
        number = dataclasses.replace(call, args=[]).group_number("presentielijst")
    deps, actor = call.deps, call.actor
    tz = deps.settings.timezone
    with deps.uow() as session:
        group = access.group_by_number(session, team_id=actor.team_id, number=number)
        meeting, registers = request_meeting_lists(
            session,
            actor=actor,
            group=group,
            day=day,
            register_typed=" ".join(register_words) or None,
            tz=tz,
            press_id=call.press_id,
            now=deps.now(),
        )
        text = t(
            actor.lang,
            "presence.queued",
            date=format_date(meeting.starts_at, tz=tz),
            number=group.number,
            registers=", ".join(r.short_name for r in registers),
        )
    call.say(text_message(text))
