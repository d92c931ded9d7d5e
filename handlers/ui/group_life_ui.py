"""Block Kit for a group's life: the edit, remove-a-member and deputy modals, the small modal that
says what was done, the verslag question and its confirmed redraw, a lapsed request."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    CheckboxesElement,
    InputBlock,
    PlainTextInputElement,
    RadioButtonsElement,
    StaticSelectElement,
    UserSelectElement,
)
from slack_sdk.models.views import View

from bot.i18n import Lang, format_date, format_time, t, t_plain
from bot.notify import Message
from bot.services.association import AssociationSettings
from bot.services.group_members import RemovalReason
from bot.services.groups import DESCRIPTION_MAX, NAME_MAX, REGION_MAX
from bot.services.people import display_name
from handlers.ui import metadata
from handlers.ui.blocks import actions, button, clip, context, message, option, plain, section
from handlers.ui.group_life_ids import ActionId, BlockId, CallbackId
from handlers.ui.groups_ids import ActionId as GroupActionId
from handlers.ui.groups_ids import BlockId as GroupBlockId
from handlers.ui.groups_ui import MODAL_TITLE_MAX, membership_text
from storage.models import Enrollment, Group, GroupForm, Meeting, Person

LABEL_MAX = 2000
YES, NO = "yes", "no"


def _modal(
    *, lang: Lang, callback_id: str, title: str, submit: str, group: Group, blocks: list[Block]
) -> dict[str, Any]:
    return View(
        type="modal",
        callback_id=callback_id,
        title=plain(t_plain(lang, title), MODAL_TITLE_MAX),
        submit=plain(t_plain(lang, submit), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "group.create.cancel"), MODAL_TITLE_MAX),
        private_metadata=metadata.GROUP.encode(metadata.GroupRef(group.id)),
        blocks=blocks,
    ).to_dict()


def _yes_no(lang: Lang, *, action_id: str, yes: bool) -> RadioButtonsElement:
    choices = [option(t_plain(lang, "group.yes"), YES), option(t_plain(lang, "group.no"), NO)]
    return RadioButtonsElement(
        action_id=action_id, options=choices, initial_option=choices[0 if yes else 1]
    )


def _text(
    *, block_id: str, action_id: str, label: str, value: str, limit: int, multiline: bool = False
) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=plain(label, LABEL_MAX),
        element=PlainTextInputElement(
            action_id=action_id,
            initial_value=value or None,
            multiline=multiline,
            max_length=limit,
        ),
        optional=block_id != GroupBlockId.NAME,
    )


def build_edit_modal(*, lang: Lang, group: Group) -> dict[str, Any]:
    """The group as it is, to change: name, description, region, form, open, verslag check."""
    forms = [option(t_plain(lang, f"group.form.{f.value}"), f.value) for f in GroupForm]
    blocks: list[Block] = [
        section(t(lang, "life.edit.intro", number=group.number)),
        _text(
            block_id=GroupBlockId.NAME,
            action_id=GroupActionId.NAME,
            label=t_plain(lang, "group.create.name"),
            value=group.name,
            limit=NAME_MAX,
        ),
        _text(
            block_id=GroupBlockId.DESCRIPTION,
            action_id=GroupActionId.DESCRIPTION,
            label=t_plain(lang, "group.create.description"),
            value=group.description,
            limit=DESCRIPTION_MAX,
            multiline=True,
        ),
        _text(
            block_id=GroupBlockId.REGION,
            action_id=GroupActionId.REGION,
            label=t_plain(lang, "group.create.region"),
            value=group.region,
            limit=REGION_MAX,
        ),
        InputBlock(
            block_id=GroupBlockId.FORM,
            label=plain(t_plain(lang, "group.create.form"), LABEL_MAX),
            element=StaticSelectElement(
                action_id=GroupActionId.FORM,
                options=forms,
                initial_option=forms[list(GroupForm).index(group.form)],
            ),
        ),
        InputBlock(
            block_id=GroupBlockId.OPEN,
            label=plain(t_plain(lang, "group.create.open"), LABEL_MAX),
            hint=plain(t_plain(lang, "life.edit.open_hint"), LABEL_MAX),
            element=_yes_no(lang, action_id=GroupActionId.OPEN, yes=group.open_for_requests),
        ),
        InputBlock(
            block_id=BlockId.VERSLAG_CHECK,
            label=plain(t_plain(lang, "life.edit.verslag"), LABEL_MAX),
            hint=plain(t_plain(lang, "life.edit.verslag_hint"), LABEL_MAX),
            element=_yes_no(lang, action_id=ActionId.VERSLAG_CHECK, yes=group.verslag_check),
        ),
    ]
    return _modal(
        lang=lang,
        callback_id=CallbackId.EDIT,
        title="life.edit.title",
        submit="life.edit.submit",
        group=group,
        blocks=blocks,
    )


# Each removal reason's text. Named one by one: "other" as a key would read as a plural form.
REMOVAL_REASON_KEYS: dict[RemovalReason, str] = {
    RemovalReason.LEFT_JOB: "life.reason.left_job",
    RemovalReason.OWN_REQUEST: "life.reason.own_request",
    RemovalReason.ABSENT: "life.reason.absent",
    RemovalReason.AGREEMENTS: "life.reason.agreements",
    RemovalReason.OTHER: "life.reason.other_reason",
}


def removal_reason_text(lang: Lang, reason: RemovalReason) -> str:
    """The removal reason as people read it ("Op eigen verzoek")."""
    return t_plain(lang, REMOVAL_REASON_KEYS[reason])


def build_remove_modal(*, lang: Lang, group: Group, members: list[Person]) -> dict[str, Any]:
    """Whom to remove (members other than the contact person), why (a category), and a tick."""
    people = [option(clip(display_name(p), 75), str(p.id)) for p in members]
    reasons = [option(removal_reason_text(lang, r), r.value) for r in RemovalReason]
    blocks: list[Block] = [
        section(t(lang, "life.remove.intro", number=group.number, name=group.name)),
        InputBlock(
            block_id=BlockId.MEMBER,
            label=plain(t_plain(lang, "life.remove.member"), LABEL_MAX),
            element=StaticSelectElement(action_id=ActionId.MEMBER, options=people[:100]),
        ),
        InputBlock(
            block_id=BlockId.REASON,
            label=plain(t_plain(lang, "life.remove.reason"), LABEL_MAX),
            hint=plain(t_plain(lang, "life.remove.reason_hint"), LABEL_MAX),
            element=StaticSelectElement(action_id=ActionId.REASON, options=reasons),
        ),
        InputBlock(
            block_id=BlockId.CONFIRM,
            label=plain(t_plain(lang, "life.remove.confirm"), LABEL_MAX),
            element=CheckboxesElement(
                action_id=ActionId.CONFIRM,
                options=[option(t_plain(lang, "life.remove.confirm_option"), YES)],
            ),
        ),
    ]
    return _modal(
        lang=lang,
        callback_id=CallbackId.REMOVE,
        title="life.remove.title",
        submit="life.remove.submit",
        group=group,
        blocks=blocks,
    )


def build_deputy_modal(*, lang: Lang, group: Group, deputy: Person | None) -> dict[str, Any]:
    """Pick the deputy among the group's members (empty: no deputy)."""
    blocks: list[Block] = [
        section(t(lang, "life.deputy.intro", number=group.number, name=group.name)),
        InputBlock(
            block_id=BlockId.DEPUTY_USER,
            label=plain(t_plain(lang, "life.deputy.label"), LABEL_MAX),
            hint=plain(t_plain(lang, "life.deputy.hint"), LABEL_MAX),
            element=UserSelectElement(
                action_id=ActionId.DEPUTY_USER,
                initial_user=deputy.slack_user_id if deputy is not None else None,
            ),
            optional=True,
        ),
    ]
    return _modal(
        lang=lang,
        callback_id=CallbackId.DEPUTY,
        title="life.deputy.title",
        submit="life.edit.submit",
        group=group,
        blocks=blocks,
    )


def build_done_modal(*, lang: Lang, text: str) -> dict[str, Any]:
    """What a modal's submit did, in the same window (no inputs, one close button)."""
    return View(
        type="modal",
        title=plain(t_plain(lang, "life.info.title"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "info.close"), MODAL_TITLE_MAX),
        blocks=[section(text)],
    ).to_dict()


def build_verslag_ask(*, lang: Lang, meeting: Meeting, tz: tzinfo) -> Message:
    """ "Heb je het verslag van <datum> getekend?" with one button."""
    group = meeting.group
    text = t(lang, "life.verslag.ask", date=format_date(meeting.starts_at, tz=tz))
    note = t(lang, "life.verslag.note", number=group.number, name=group.name)
    confirm = button(
        t_plain(lang, "life.verslag.button"),
        action_id=ActionId.VERSLAG_CONFIRM,
        value=str(meeting.id),
        style="primary",
    )
    return message(text, [section(text), context(note), actions(confirm, block_id=BlockId.VERSLAG)])


def build_verslag_confirmed(*, lang: Lang, meeting: Meeting, at: datetime, tz: tzinfo) -> Message:
    """The question redrawn after the click: confirmed, and when."""
    group = meeting.group
    text = t(lang, "life.verslag.ask", date=format_date(meeting.starts_at, tz=tz))
    line = t(
        lang,
        "life.verslag.confirmed",
        date=format_date(at, tz=tz),
        time=format_time(at, tz=tz),
    )
    note = t(lang, "life.verslag.note", number=group.number, name=group.name)
    return message(line, [section(text), context(note), context(line)])


def build_lapsed_request(
    *,
    lang: Lang,
    enrollment: Enrollment,
    members: int,
    why: str,
    tz: tzinfo,
    association: AssociationSettings,
) -> Message:
    """The request DM after it lapsed: the request as it was, no buttons, and why it ended."""
    group = enrollment.group
    text = t(
        lang,
        "request.dm",
        requester=display_name(enrollment.person),
        number=group.number,
        name=group.name,
        membership=membership_text(lang, enrollment.person, association=association),
        members=members,
        max=group.max_members,
    )
    at = enrollment.decided_at or enrollment.requested_at
    line = t(lang, f"life.request.lapsed.{why}", date=format_date(at, tz=tz))
    return message(line, [section(text), context(line)])
