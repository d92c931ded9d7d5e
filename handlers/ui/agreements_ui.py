"""Block Kit for the agreements card ("afspraken"): the card itself (in a DM, the welcome DM and
`/intervisie afspraken`), with who has not yet confirmed, and the contact person's modal."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import (
    Block,
    InputBlock,
    Option,
    PlainTextInputElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot import agreement_rules as rules
from bot.i18n import Lang, format_hours, t, t_plain, tn, tn_plain
from bot.notify import Message
from bot.services.agreements import AgreementsCard
from bot.timeparse import duration_choices
from handlers.ui import metadata
from handlers.ui.agreements_ids import ActionId, CallbackId, agreements_action, agreements_block
from handlers.ui.blocks import (
    actions,
    button,
    clip,
    context,
    header,
    message,
    option,
    plain,
    section,
)
from storage.models import Chair, GroupAgreements, GroupForm, InputPreparer, SubstitutePolicy

MODAL_TITLE_MAX = 24
# The value of "niet afgesproken" in the optional selects (Slack cannot clear a chosen option).
NONE = "none"
PER_YEAR_CHOICES = (*range(1, 13), 16, 20, 24, 52)


def _line(lang: Lang, key: str, value: str) -> str:
    return t(lang, f"agreements.card.{key}", value=value) if value else ""


def _minutes(lang: Lang, minutes: int | None) -> str:
    return tn_plain(lang, "agreements.hours", format_hours(minutes, lang)) if minutes else ""


def card_lines(lang: Lang, agreements: GroupAgreements) -> list[list[str]]:
    """The card's lines in three parts (aim, organisation, content), only what was agreed."""
    a = agreements
    aim = [_line(lang, "goal", a.goal), _line(lang, "success", a.success)]
    attendance = (
        tn(lang, "agreements.card.attendance", a.attendance_min_meetings)
        if a.attendance_min_meetings
        else ""
    )
    frequency = (
        tn(lang, "agreements.card.per_year", a.meetings_per_year) if a.meetings_per_year else ""
    )
    organisation = [
        attendance,
        t(lang, f"agreements.card.substitutes.{a.substitutes.value}"),
        frequency,
        _line(lang, "length", _minutes(lang, a.meeting_minutes)),
        _line(lang, "rhythm", a.rhythm),
        _line(lang, "times", a.preferred_times),
        _line(lang, "form", t_plain(lang, f"group.form.{a.form.value}") if a.form else ""),
        _line(lang, "location", a.location),
        _line(lang, "chair", t_plain(lang, f"agreements.chair.{a.chair.value}") if a.chair else ""),
        _line(lang, "costs", a.cost_split),
        tn(lang, "agreements.card.min_present", a.min_present),
    ]
    preparer = (
        t_plain(lang, f"agreements.preparer.{a.input_preparer.value}") if a.input_preparer else ""
    )
    content = [
        _line(lang, "input", a.input_text),
        _line(lang, "preparer", preparer),
        _line(lang, "recording", a.recording),
        # The app states its own part of "what is recorded": metadata only.
        t(lang, "agreements.card.app_records"),
    ]
    return [[line for line in part if line] for part in (aim, organisation, content)]


def build_card_blocks(
    *, lang: Lang, card: AgreementsCard, can_confirm: bool, can_edit: bool
) -> list[Block]:
    """The card: what was agreed, who confirmed this version, and the viewer's buttons."""
    group = card.group
    blocks: list[Block] = [
        header(t_plain(lang, "agreements.card.title", number=group.number, name=group.name))
    ]
    agreements = card.agreements
    if agreements is None:
        blocks.append(section(t(lang, "agreements.card.empty", number=group.number)))
    else:
        for part in card_lines(lang, agreements):
            blocks.append(section("\n".join(part)))
        total = len(card.confirmed) + len(card.missing)
        status = tn(
            lang,
            "agreements.card.confirmed",
            len(card.confirmed),
            total=total,
            version=agreements.version,
        )
        if card.missing:
            status += "\n" + t(
                lang, "agreements.card.missing", names=clip(", ".join(card.missing), 1500)
            )
        blocks.append(context(status))
    row = []
    if agreements is not None and can_confirm:
        row.append(
            button(
                t_plain(lang, "agreements.button.confirm"),
                action_id=ActionId.AGREEMENTS_CONFIRM,
                value=f"{group.id}:{agreements.version}",
                style="primary",
            )
        )
    if can_edit:
        key = "agreements.button.edit" if agreements is not None else "agreements.button.fill"
        row.append(
            button(t_plain(lang, key), action_id=ActionId.AGREEMENTS_EDIT, value=str(group.id))
        )
    if row:
        blocks.append(actions(*row, block_id=f"agreements_actions_{group.id}"))
    return blocks


def build_card_message(
    *, lang: Lang, card: AgreementsCard, intro: str, can_confirm: bool, can_edit: bool
) -> Message:
    """A DM or reply with the card under an intro line."""
    blocks: list[Block] = [section(intro)] if intro else []
    blocks += build_card_blocks(lang=lang, card=card, can_confirm=can_confirm, can_edit=can_edit)
    return message(intro or t_plain(lang, "agreements.card.fallback"), blocks)


def _input(
    field: str,
    *,
    lang: Lang,
    element: PlainTextInputElement | StaticSelectElement,
    optional: bool,
) -> InputBlock:
    """An agreement's input: its label, and its hint line when the field has one."""
    hint_key = f"agreements.modal.{field}_hint"
    return InputBlock(
        block_id=agreements_block(field),
        label=plain(t_plain(lang, f"agreements.modal.{field}"), 2000),
        hint=plain(t_plain(lang, hint_key), 2000) if hint_key in _HINTS else None,
        optional=optional,
        element=element,
    )


# The fields whose label comes with a hint line.
_HINTS = frozenset(
    f"agreements.modal.{name}_hint" for name in ("goal", "rhythm", "recording", "min_present")
)


def _text(
    field: str,
    *,
    lang: Lang,
    initial: str,
    limit: int,
    multiline: bool = False,
    optional: bool = True,
) -> InputBlock:
    element = PlainTextInputElement(
        action_id=agreements_action(field),
        initial_value=initial[:limit] or None,
        multiline=multiline,
        max_length=limit,
    )
    return _input(field, lang=lang, element=element, optional=optional)


def _select(
    field: str, *, lang: Lang, options: list[Option], initial: str | None, optional: bool = True
) -> InputBlock:
    chosen = next((o for o in options if o.value == initial), None)
    element = StaticSelectElement(
        action_id=agreements_action(field), options=options, initial_option=chosen
    )
    return _input(field, lang=lang, element=element, optional=optional)


def _none(lang: Lang) -> Option:
    return option(t_plain(lang, "agreements.modal.none"), NONE)


def _value(enum_value: Any) -> str | None:
    return str(enum_value.value) if enum_value is not None else None


def build_agreements_modal(
    *, lang: Lang, group_id: int, agreements: GroupAgreements | None, max_members: int
) -> dict[str, Any]:
    """The contact person's form: every agreement of seed 003, prefilled with the current card."""
    a = agreements
    per_year = [_none(lang), *(option(str(n), str(n)) for n in PER_YEAR_CHOICES)]
    durations = [
        _none(lang),
        *(option(_minutes(lang, m), str(m)) for m in duration_choices()),
    ]
    top = min(max_members, rules.MAX_MIN_PRESENT)
    blocks: list[Block] = [
        section(t(lang, "agreements.modal.intro")),
        _text(
            "goal",
            lang=lang,
            initial=a.goal if a else "",
            limit=rules.GOAL_MAX,
            multiline=True,
            optional=False,
        ),
        _text(
            "success",
            lang=lang,
            initial=a.success if a else "",
            limit=rules.SUCCESS_MAX,
            multiline=True,
        ),
        _select(
            "attendance_min_meetings",
            lang=lang,
            options=per_year,
            initial=str(a.attendance_min_meetings) if a and a.attendance_min_meetings else None,
        ),
        _select(
            "substitutes",
            lang=lang,
            options=[
                option(t_plain(lang, f"agreements.substitutes.{p.value}"), p.value)
                for p in SubstitutePolicy
            ],
            initial=_value(a.substitutes) if a else SubstitutePolicy.NOT_ALLOWED.value,
            optional=False,
        ),
        _select(
            "meetings_per_year",
            lang=lang,
            options=per_year,
            initial=str(a.meetings_per_year) if a and a.meetings_per_year else None,
        ),
        _select(
            "meeting_minutes",
            lang=lang,
            options=durations,
            initial=str(a.meeting_minutes) if a and a.meeting_minutes else None,
        ),
        _text("rhythm", lang=lang, initial=a.rhythm if a else "", limit=rules.RHYTHM_MAX),
        _text(
            "preferred_times",
            lang=lang,
            initial=a.preferred_times if a else "",
            limit=rules.PREFERRED_TIMES_MAX,
        ),
        _select(
            "form",
            lang=lang,
            options=[
                _none(lang),
                *(option(t_plain(lang, f"group.form.{f.value}"), f.value) for f in GroupForm),
            ],
            initial=_value(a.form) if a else None,
        ),
        _text("location", lang=lang, initial=a.location if a else "", limit=rules.LOCATION_MAX),
        _text("input_text", lang=lang, initial=a.input_text if a else "", limit=rules.INPUT_MAX),
        _select(
            "input_preparer",
            lang=lang,
            options=[
                _none(lang),
                *(
                    option(t_plain(lang, f"agreements.preparer.{p.value}"), p.value)
                    for p in InputPreparer
                ),
            ],
            initial=_value(a.input_preparer) if a else None,
        ),
        _text(
            "recording",
            lang=lang,
            initial=a.recording if a else "",
            limit=rules.RECORDING_MAX,
            multiline=True,
        ),
        _select(
            "chair",
            lang=lang,
            options=[
                _none(lang),
                *(option(t_plain(lang, f"agreements.chair.{c.value}"), c.value) for c in Chair),
            ],
            initial=_value(a.chair) if a else None,
        ),
        _text(
            "cost_split", lang=lang, initial=a.cost_split if a else "", limit=rules.COST_SPLIT_MAX
        ),
        _select(
            "min_present",
            lang=lang,
            options=[option(str(n), str(n)) for n in range(1, top + 1)],
            initial=str(min(a.min_present if a else rules.DEFAULT_MIN_PRESENT, top)),
            optional=False,
        ),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.AGREEMENTS,
        title=plain(t_plain(lang, "agreements.modal.title"), MODAL_TITLE_MAX),
        submit=plain(t_plain(lang, "agreements.modal.submit"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "agreements.modal.close"), MODAL_TITLE_MAX),
        private_metadata=metadata.GROUP.encode(metadata.GroupRef(group_id)),
        blocks=blocks,
    ).to_dict()


def build_info_modal(*, lang: Lang, title_key: str, text: str) -> dict[str, Any]:
    """A modal without inputs that says what was done (the view a submit ends with)."""
    return View(
        type="modal",
        title=plain(t_plain(lang, title_key), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "agreements.modal.done"), MODAL_TITLE_MAX),
        blocks=[section(text)],
    ).to_dict()
