"""Block Kit for "Ik kan niet": the button (meeting reminders, `/intervisie afwezig`), the modal
with the optional reason category, and the notice line in the registration modal."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from slack_sdk.models.blocks import Block, InputBlock, RadioButtonsElement
from slack_sdk.models.views import View

from bot.i18n import Lang, t, t_plain
from bot.notify import Message
from handlers.ui import metadata
from handlers.ui.agreements_ids import ActionId, BlockId, CallbackId
from handlers.ui.blocks import actions, button, context, message, option, plain, section
from storage.models import AbsenceReason

MODAL_TITLE_MAX = 24
# Each category's text. Named one by one: "other" as a key would read as a plural form.
REASON_KEYS: Mapping[AbsenceReason, str] = {
    AbsenceReason.WORK: "absence.reason.work",
    AbsenceReason.PRIVATE: "absence.reason.private",
    AbsenceReason.HOLIDAY: "absence.reason.holiday",
    AbsenceReason.OTHER: "absence.reason.other_reason",
}


def reason_text(lang: Lang, reason: AbsenceReason | None) -> str:
    """The category as people read it ("privé"), or "" when none was given."""
    return t_plain(lang, REASON_KEYS[reason]) if reason is not None else ""


def absence_note(lang: Lang, reason: AbsenceReason | None) -> str:
    """How a notified absence reads beside a name: "afgemeld (ziek)"."""
    if reason is None:
        return t_plain(lang, "absence.note")
    return t_plain(lang, "absence.note_reason", reason=reason_text(lang, reason))


def prefill_line(
    lang: Lang,
    *,
    person_id: int,
    name: str,
    chosen: str,
    absences: Mapping[int, AbsenceReason | None],
    first_time: bool,
    absent_value: str,
) -> tuple[str, str]:
    """A member line of the registration modal: a notified absence shows beside the name and,
    on a first registration, the line starts as absent."""
    if person_id not in absences:
        return name, chosen
    label = f"{name} — {absence_note(lang, absences[person_id])}"
    return label, absent_value if first_time else chosen


def absence_button(lang: Lang, meeting_id: int) -> Any:
    """ "Ik kan niet": opens the modal for this meeting."""
    return button(
        t_plain(lang, "absence.button.open"), action_id=ActionId.ABSENCE_OPEN, value=str(meeting_id)
    )


def withdraw_button(lang: Lang, meeting_id: int) -> Any:
    """ "Ik kan toch": takes the notice back."""
    return button(
        t_plain(lang, "absence.button.withdraw"),
        action_id=ActionId.ABSENCE_WITHDRAW,
        value=str(meeting_id),
    )


def absence_row(lang: Lang, *, meeting_id: int, absent: bool) -> list[Block]:
    """The line and button a meeting DM or reminder ends with."""
    if absent:
        return [
            context(t(lang, "absence.you_are_absent")),
            actions(withdraw_button(lang, meeting_id), block_id=f"absence_{meeting_id}"),
        ]
    return [actions(absence_button(lang, meeting_id), block_id=f"absence_{meeting_id}")]


def build_absence_modal(*, lang: Lang, meeting_id: int, intro: str) -> dict[str, Any]:
    """The modal: which meeting, and an optional reason category (never a free text)."""
    options = [option(reason_text(lang, r), r.value) for r in AbsenceReason]
    blocks: list[Block] = [
        section(intro),
        InputBlock(
            block_id=BlockId.ABSENCE_REASON,
            label=plain(t_plain(lang, "absence.modal.reason"), 2000),
            hint=plain(t_plain(lang, "absence.modal.reason_hint"), 2000),
            optional=True,
            element=RadioButtonsElement(action_id=ActionId.ABSENCE_REASON, options=options),
        ),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.ABSENCE,
        title=plain(t_plain(lang, "absence.modal.title"), MODAL_TITLE_MAX),
        submit=plain(t_plain(lang, "absence.modal.submit"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "absence.modal.close"), MODAL_TITLE_MAX),
        private_metadata=metadata.MEETING.encode(metadata.MeetingRef(meeting_id)),
        blocks=blocks,
    ).to_dict()


def build_absence_list(
    *, lang: Lang, title: str, items: list[tuple[int, str, bool]], empty: str
) -> Message:
    """`/intervisie afwezig 1234`: the coming meetings (id, when, already absent), each with its
    button."""
    blocks: list[Block] = [section(title)]
    if not items:
        blocks.append(section(empty))
    for meeting_id, when, absent in items:
        line = when + (" — " + t(lang, "absence.listed_absent") if absent else "")
        accessory = (
            withdraw_button(lang, meeting_id) if absent else absence_button(lang, meeting_id)
        )
        blocks.append(section(line, block_id=f"absence_item_{meeting_id}", accessory=accessory))
    return message(title, blocks)
