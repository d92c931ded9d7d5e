"""Block Kit for meetings and the calendar: the plan/change modal, the list of planned meetings
with Wijzig/Annuleer, the agenda reply and the App Home "Agenda" section; plus their listener ids."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    ConfirmObject,
    InputBlock,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.i18n import Lang, hours_text, t, t_plain
from bot.method_model import Method
from bot.notify import Message
from bot.services.planned_roles import Notice
from bot.timeparse import duration_choices
from handlers.ui import metadata
from handlers.ui.attendance_ui import build_register_button
from handlers.ui.blocks import actions, button, clip, context, message, section
from handlers.ui.methods_ui import build_method_select
from handlers.ui.planning_ids import BlockId as PlanBlockId
from handlers.ui.roles_ui import (
    RoleChoices,
    build_role_inputs,
    build_roles_button,
    build_warning_blocks,
)

PRIVATE_METADATA_MAX = 3000
DEFAULT_DURATION_MINUTES = 120


class ActionId(enum.StrEnum):
    """Buttons and inputs of the meetings area."""

    EDIT = "meeting_edit"
    CANCEL = "meeting_cancel"
    GROUP = "meeting_group"
    DATE = "meeting_date"
    START = "meeting_start"
    DURATION = "meeting_duration"
    PLACE = "meeting_place"
    THEME = "meeting_theme"
    METHOD = "meeting_method"


class CallbackId(enum.StrEnum):
    """Modals of the meetings area."""

    MEETING = "meeting_modal"


class BlockId(enum.StrEnum):
    """Input blocks of the meeting modal (inline errors are keyed by these)."""

    GROUP = "meeting_group_block"
    DATE = "meeting_date_block"
    START = "meeting_start_block"
    DURATION = "meeting_duration_block"
    PLACE = "meeting_place_block"
    THEME = "meeting_theme_block"
    METHOD = "meeting_method_block"


@dataclass(frozen=True, kw_only=True)
class ModalValues:
    """What the modal shows filled in (empty for a new meeting)."""

    date: str = ""
    start: str = ""
    duration_minutes: int = DEFAULT_DURATION_MINUTES
    place: str = ""
    theme: str = ""
    method: str = ""


def _text_input(
    *,
    block_id: BlockId,
    action_id: ActionId,
    label: str,
    initial: str,
    placeholder: str | None = None,
    hint: str | None = None,
    optional: bool = False,
    max_length: int = 200,
) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=PlainTextObject(text=clip(label, 2000)),
        element=PlainTextInputElement(
            action_id=action_id,
            initial_value=initial[:max_length] or None,
            placeholder=PlainTextObject(text=placeholder) if placeholder else None,
            max_length=max_length,
        ),
        hint=PlainTextObject(text=clip(hint, 2000)) if hint else None,
        optional=optional,
    )


def _duration_option(minutes: int, lang: Lang) -> Option:
    return Option(value=str(minutes), text=hours_text(lang, minutes))


def build_meeting_modal(
    *,
    lang: Lang,
    groups: list[tuple[int, int, str]],
    group_id: int | None,
    meeting_id: int | None,
    values: ModalValues,
    methods: Sequence[Method] = (),
    method_label: str = "",
    roles: RoleChoices | None = None,
    notices: Sequence[Notice] = (),
) -> dict[str, Any]:
    """The plan/change modal; `groups` (id, number, name) adds a group picker when several;
    `roles` adds the inbrenger and facilitator; `notices` the warnings of a first submit."""
    blocks: list[Block] = [*build_warning_blocks(lang=lang, notices=notices)]
    if group_id is None:
        options = [
            Option(
                value=str(gid),
                text=clip(t_plain(lang, "meeting.modal.group_option", number=num, name=name), 75),
            )
            for gid, num, name in groups[:100]
        ]
        blocks.append(
            InputBlock(
                block_id=BlockId.GROUP,
                label=PlainTextObject(text=t_plain(lang, "meeting.modal.group")),
                element=StaticSelectElement(action_id=ActionId.GROUP, options=options),
            )
        )
    blocks.append(
        _text_input(
            block_id=BlockId.DATE,
            action_id=ActionId.DATE,
            label=t_plain(lang, "meeting.modal.date"),
            initial=values.date,
            placeholder="30-11-2026",
            hint=t_plain(lang, "meeting.modal.date_hint"),
            max_length=20,
        )
    )
    blocks.append(
        _text_input(
            block_id=BlockId.START,
            action_id=ActionId.START,
            label=t_plain(lang, "meeting.modal.start"),
            initial=values.start,
            placeholder="09:00",
            max_length=10,
        )
    )
    choices = duration_choices()
    if values.duration_minutes not in choices:
        choices = sorted({*choices, values.duration_minutes})
    options = [_duration_option(m, lang) for m in choices]
    initial = next(o for o in options if o.value == str(values.duration_minutes))
    blocks.append(
        InputBlock(
            block_id=BlockId.DURATION,
            label=PlainTextObject(text=t_plain(lang, "meeting.modal.duration")),
            element=StaticSelectElement(
                action_id=ActionId.DURATION, options=options, initial_option=initial
            ),
        )
    )
    blocks.append(
        _text_input(
            block_id=BlockId.PLACE,
            action_id=ActionId.PLACE,
            label=t_plain(lang, "meeting.modal.place"),
            initial=values.place,
            optional=True,
            max_length=300,
        )
    )
    blocks.append(
        _text_input(
            block_id=BlockId.THEME,
            action_id=ActionId.THEME,
            label=t_plain(lang, "meeting.modal.theme"),
            initial=values.theme,
            hint=t_plain(lang, "meeting.modal.theme_hint"),
            optional=True,
            max_length=200,
        )
    )
    blocks.append(
        build_method_select(
            lang=lang,
            block_id=BlockId.METHOD,
            action_id=ActionId.METHOD,
            methods=methods,
            current=values.method,
            current_label=method_label,
        )
    )
    if roles is not None:
        blocks.extend(build_role_inputs(lang=lang, choices=roles))
    elif meeting_id is not None:
        blocks.append(context(t(lang, "plan.roles.in_list"), block_id=PlanBlockId.ROLES_HINT))
    ref = metadata.MEETING_FORM.encode(metadata.MeetingFormRef(group_id, meeting_id))
    title = "meeting.modal.title_edit" if meeting_id else "meeting.modal.title_new"
    return View(
        type="modal",
        callback_id=CallbackId.MEETING,
        title=PlainTextObject(text=t_plain(lang, title)),
        submit=PlainTextObject(text=t_plain(lang, "meeting.modal.submit")),
        close=PlainTextObject(text=t_plain(lang, "meeting.modal.close")),
        private_metadata=ref,
        blocks=blocks,
    ).to_dict()


def read_state(view: dict[str, Any]) -> dict[str, str]:
    """The submitted values by action id (text as typed, selects by option value)."""
    found: dict[str, str] = {}
    for block in (view.get("state") or {}).get("values", {}).values():
        for action_id, entry in block.items():
            if entry.get("type") == "static_select":
                option = entry.get("selected_option") or {}
                found[action_id] = str(option.get("value") or "")
            elif entry.get("type") == "checkboxes":
                chosen = entry.get("selected_options") or []
                found[action_id] = ",".join(str(o.get("value") or "") for o in chosen)
            else:
                found[action_id] = str(entry.get("value") or "")
    return found


@dataclass(frozen=True, kw_only=True)
class ListedMeeting:
    """One line of the list: id, how it reads, and whether it waits for registration."""

    meeting_id: int
    when: str
    where: str
    awaiting_registration: bool
    # The method and planned roles (mrkdwn lines), when known.
    plan: str = ""


def build_meeting_list(
    *,
    lang: Lang,
    number: int,
    name: str,
    items: list[ListedMeeting],
    feed_url: str,
    notice: str | None = None,
) -> Message:
    """Geplande bijeenkomsten: each with Wijzig and Annuleer (with Slack's confirm dialog)."""
    blocks: list[Block] = []
    if notice:
        blocks.append(section(notice))
    title = t(lang, "meeting.list.title", number=number, name=name)
    blocks.append(section(title))
    if not items:
        blocks.append(section(t(lang, "meeting.list.empty", number=number)))
    for item in items:
        line = f"*{item.when}*{item.where}"
        if item.awaiting_registration:
            line += t(lang, "meeting.list.awaiting")
        if item.plan:
            line += "\n" + item.plan
        blocks.append(section(line))
        row = [
            button(
                t_plain(lang, "meeting.button.edit"),
                action_id=ActionId.EDIT,
                value=str(item.meeting_id),
            ),
            _cancel_button(lang, item),
        ]
        if item.awaiting_registration:
            # The attendance area's button: it opens the registration modal of this meeting.
            row.insert(0, build_register_button(lang, item.meeting_id))
        else:
            row.insert(1, build_roles_button(lang, item.meeting_id))
        blocks.append(actions(*row, block_id=f"meeting_actions_{item.meeting_id}"))
    blocks.append(context(t(lang, "meeting.list.feed", url=feed_url)))
    return message(notice or title, blocks)


def _cancel_button(lang: Lang, item: ListedMeeting) -> Any:
    cancel = button(
        t_plain(lang, "meeting.button.cancel"),
        action_id=ActionId.CANCEL,
        value=str(item.meeting_id),
        style="danger",
    )
    cancel.confirm = ConfirmObject(
        title=t_plain(lang, "meeting.confirm.title"),
        text=clip(t_plain(lang, "meeting.confirm.text", when=item.when), 300),
        confirm=t_plain(lang, "meeting.confirm.yes"),
        deny=t_plain(lang, "meeting.confirm.no"),
        style="danger",
    )
    return cancel


def build_agenda_blocks(*, lang: Lang, lines: list[str], feed_url: str) -> list[Block]:
    """Upcoming meetings and the personal feed link (the agenda reply and the home section)."""
    upcoming = "\n".join(lines) if lines else t(lang, "agenda.upcoming_none")
    return [
        section(t(lang, "agenda.title")),
        section(t(lang, "agenda.upcoming") + "\n" + upcoming),
        context(t(lang, "agenda.feed", url=feed_url)),
    ]


def build_agenda_message(*, lang: Lang, lines: list[str], feed_url: str) -> Message:
    """The `/intervisie agenda` reply."""
    return message(
        t(lang, "agenda.upcoming"), build_agenda_blocks(lang=lang, lines=lines, feed_url=feed_url)
    )
