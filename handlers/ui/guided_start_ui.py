"""Block Kit builder for the start of a guided trajectory: the agreement (meetings, quote, price,
opdrachtgever, reader) and the group it creates, after an intake or straight from `/intervisie
nieuw`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from slack_sdk.models.blocks import Block

from bot import rules
from bot.i18n import Lang, t, t_plain, tn_plain
from bot.services.supervisors import SupervisorRegistration
from handlers.ui.blocks import context, option, section
from handlers.ui.guided_ids import ActionId, BlockId, CallbackId
from handlers.ui.guided_inputs import (
    number_options,
    register_inputs,
    select_input,
    text_input,
    trajectory_modal,
)
from storage.models import GroupForm


@dataclass(frozen=True, kw_only=True)
class StartPrefill:
    """What the start modal shows filled in (from the intake, or the create modal)."""

    name: str = ""
    region: str = ""
    form: str = GroupForm.PHYSICAL.value
    max_members: int = rules.GUIDED_GROUP_MAX_MEMBERS
    client_name: str = ""
    client_contact: str = ""
    requester: str = ""


def build_start_modal(
    *,
    lang: Lang,
    trajectory_id: int | None,
    prefill: StartPrefill,
    known: SupervisorRegistration | None,
    today_text: str,
) -> dict[str, Any]:
    """Record the agreement and start: the group, the agreed meetings (3–8), the quote, the
    opdrachtgever, the reader's link and the supervisor's register number."""
    intro_key = "guided.start.intro_intake" if prefill.requester else "guided.start.intro_direct"
    forms = [option(t_plain(lang, f"group.form.{f.value}"), f.value) for f in GroupForm]
    low, high = rules.GUIDED_TRAJECTORY_MIN_MEETINGS, rules.GUIDED_TRAJECTORY_MAX_MEETINGS
    blocks: list[Block] = [
        section(t(lang, intro_key, requester=prefill.requester)),
        text_input(
            BlockId.NAME, ActionId.NAME, t_plain(lang, "group.create.name"), initial=prefill.name
        ),
        select_input(
            BlockId.MEETINGS,
            ActionId.MEETINGS,
            t_plain(lang, "guided.field.meetings"),
            options=number_options(low, high),
            hint=tn_plain(lang, "guided.field.meetings_hint", high, low=low),
        ),
        select_input(
            BlockId.MAX_MEMBERS,
            ActionId.MAX_MEMBERS,
            t_plain(lang, "guided.field.max_members"),
            options=number_options(rules.GUIDED_GROUP_MIN_MEMBERS, rules.GUIDED_GROUP_MAX_MEMBERS),
            initial=str(prefill.max_members),
            hint=t_plain(lang, "guided.field.max_members_hint"),
        ),
        select_input(
            BlockId.FORM,
            ActionId.FORM,
            t_plain(lang, "group.create.form"),
            options=forms,
            initial=prefill.form,
        ),
        text_input(
            BlockId.REGION,
            ActionId.REGION,
            t_plain(lang, "group.create.region"),
            initial=prefill.region,
            optional=True,
            max_length=120,
        ),
        text_input(
            BlockId.QUOTE_DATE,
            ActionId.QUOTE_DATE,
            t_plain(lang, "guided.field.quote_date"),
            initial=today_text,
            placeholder=t_plain(lang, "guided.field.date_placeholder"),
            optional=True,
            max_length=10,
        ),
        text_input(
            BlockId.PRICE,
            ActionId.PRICE,
            t_plain(lang, "guided.field.price"),
            hint=t_plain(lang, "guided.field.price_hint"),
            optional=True,
            max_length=12,
        ),
        text_input(
            BlockId.CLIENT_NAME,
            ActionId.ORGANISATION,
            t_plain(lang, "guided.field.organisation"),
            initial=prefill.client_name,
            optional=True,
        ),
        text_input(
            BlockId.CLIENT_CONTACT,
            ActionId.CLIENT_CONTACT,
            t_plain(lang, "guided.field.client_contact"),
            initial=prefill.client_contact,
            hint=t_plain(lang, "guided.field.client_contact_hint"),
            optional=True,
        ),
        text_input(
            BlockId.READER,
            ActionId.READER_URL,
            t_plain(lang, "guided.field.reader"),
            hint=t_plain(lang, "guided.field.reader_hint"),
            placeholder="https://",
            optional=True,
            max_length=500,
        ),
        *register_inputs(lang, known),
        context(t(lang, "guided.start.supervisor_note")),
    ]
    return trajectory_modal(
        lang=lang,
        callback_id=CallbackId.START,
        title=t_plain(lang, "guided.start.title"),
        submit=t_plain(lang, "guided.start.submit"),
        blocks=blocks,
        ref=trajectory_id,
    )
