"""Block Kit for roles planned ahead and reflection: the inbrenger/facilitator selects with the
rotation's suggestion (in the plan modal and the roles modal), the "save anyway" warnings, the
assignees' DMs and the reflection prompt with its "Reflectie gemaakt" button."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    CheckboxesElement,
    InputBlock,
    Option,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.i18n import Lang, format_date, t, t_plain, tn_plain
from bot.notify import Message
from bot.reflection import Prompt
from bot.services.planned_roles import PLANNED_ROLES, Notice
from bot.services.role_suggestions import Candidate, Suggestions
from handlers.ui import metadata
from handlers.ui.blocks import (
    actions,
    button,
    clip,
    context,
    divider,
    message,
    option,
    plain,
    section,
)
from handlers.ui.planning_ids import NOBODY, ActionId, BlockId, CallbackId
from storage.models import Role

MODAL_TITLE_MAX = 24
# A select offers at most 100 options; a group has at most 10 members.
OPTIONS_MAX = 100
NAME_IN_OPTION_MAX = 40

_ROLE_IDS: Mapping[Role, tuple[BlockId, ActionId]] = {
    Role.PRESENTER: (BlockId.PRESENTER, ActionId.PRESENTER),
    Role.FACILITATOR: (BlockId.FACILITATOR, ActionId.FACILITATOR),
}


def role_block_id(role: Role) -> str:
    """The input block of a role's select (inline errors about that role land here)."""
    return _ROLE_IDS[role][0]


def role_action_id(role: Role) -> str:
    """The action id of a role's select."""
    return _ROLE_IDS[role][1]


@dataclass(frozen=True, kw_only=True)
class RoleChoices:
    """What the role selects show: the candidates in rotation order and who is planned now."""

    suggestions: Suggestions
    current: Mapping[Role, int | None]


def _hint(lang: Lang, candidate: Candidate) -> str:
    if candidate.count == 0 and candidate.last is None:
        return t_plain(lang, "plan.candidate.never")
    if candidate.count == 0:
        return t_plain(lang, "plan.candidate.before", date=format_date(candidate.last or date.min))
    return tn_plain(
        lang,
        "plan.candidate.had",
        candidate.count,
        date=format_date(candidate.last or date.min),
    )


def _role_options(lang: Lang, role: Role, choices: RoleChoices) -> list[Option]:
    suggested = choices.suggestions.suggested(role)
    options = [option(t_plain(lang, "plan.nobody"), NOBODY)]
    for candidate in choices.suggestions.by_role.get(role, ())[: OPTIONS_MAX - 1]:
        key = "plan.candidate.suggested" if candidate == suggested else "plan.candidate"
        text = t_plain(
            lang,
            key,
            name=clip(candidate.name, NAME_IN_OPTION_MAX),
            hint=_hint(lang, candidate),
        )
        options.append(option(text, str(candidate.person_id)))
    return options


def suggestion_text(lang: Lang, suggestions: Suggestions) -> str:
    """'Voorstel volgens de rolwisseling (…): inbrenger X, facilitator Y.' (mrkdwn)."""
    nobody = t_plain(lang, "plan.suggest.nobody")
    names = {
        role: (c.name if (c := suggestions.suggested(role)) is not None else nobody)
        for role in PLANNED_ROLES
    }
    return t(
        lang,
        "plan.suggest",
        start=format_date(suggestions.start),
        end=format_date(suggestions.end - timedelta(days=1)),
        presenter=names[Role.PRESENTER],
        facilitator=names[Role.FACILITATOR],
    )


def build_role_inputs(*, lang: Lang, choices: RoleChoices) -> list[Block]:
    """The suggestion line and one select per planned role (inbrenger, facilitator)."""
    blocks: list[Block] = [
        context(suggestion_text(lang, choices.suggestions), block_id=BlockId.SUGGESTION)
    ]
    for role in PLANNED_ROLES:
        options = _role_options(lang, role, choices)
        current = choices.current.get(role)
        wanted = str(current) if current is not None else NOBODY
        initial = next((o for o in options if o.value == wanted), options[0])
        block_id, action_id = _ROLE_IDS[role]
        blocks.append(
            InputBlock(
                block_id=block_id,
                label=plain(t_plain(lang, f"plan.label.{role.value}"), 2000),
                hint=plain(t_plain(lang, f"plan.hint.{role.value}"), 2000),
                element=StaticSelectElement(
                    action_id=action_id, options=options, initial_option=initial
                ),
            )
        )
    return blocks


def build_warning_blocks(*, lang: Lang, notices: Sequence[Notice]) -> list[Block]:
    """The warnings of a first submit, and the checkbox to save anyway (warn, never block)."""
    if not notices:
        return []
    lines = "\n".join(f"• {t(lang, n.key, **dict(n.params))}" for n in notices)
    return [
        section(t(lang, "plan.warn.title") + "\n" + lines, block_id=BlockId.WARNINGS),
        InputBlock(
            block_id=BlockId.CONFIRM,
            label=plain(t_plain(lang, "plan.warn.confirm_label"), 2000),
            optional=True,
            element=CheckboxesElement(
                action_id=ActionId.CONFIRM,
                options=[option(t_plain(lang, "plan.warn.confirm"), "confirm")],
            ),
        ),
        divider(),
    ]


def build_roles_modal(
    *,
    lang: Lang,
    meeting_id: int,
    intro: str,
    choices: RoleChoices,
    notices: Sequence[Notice] = (),
) -> dict[str, Any]:
    """The "Rollen" modal of one meeting: who is inbrenger and facilitator."""
    blocks: list[Block] = [
        *build_warning_blocks(lang=lang, notices=notices),
        section(intro),
        *build_role_inputs(lang=lang, choices=choices),
        context(t(lang, "plan.roles.footer")),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.ROLES,
        title=plain(t_plain(lang, "plan.roles.title"), MODAL_TITLE_MAX),
        submit=plain(t_plain(lang, "plan.roles.submit"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "plan.roles.close"), MODAL_TITLE_MAX),
        private_metadata=metadata.MEETING.encode(metadata.MeetingRef(meeting_id)),
        blocks=blocks,
    ).to_dict()


def build_done_modal(*, lang: Lang, text: str) -> dict[str, Any]:
    """A modal that only says what was saved."""
    return View(
        type="modal",
        callback_id=CallbackId.ROLES,
        title=plain(t_plain(lang, "plan.roles.title"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "plan.roles.done_close"), MODAL_TITLE_MAX),
        blocks=[section(text)],
    ).to_dict()


def build_roles_button(lang: Lang, meeting_id: int) -> Any:
    """The "Rollen" button beside a planned meeting (opens the roles modal)."""
    return button(
        t_plain(lang, "plan.button.roles"), action_id=ActionId.OPEN_ROLES, value=str(meeting_id)
    )


def build_role_dm(*, text: str, details: str) -> Message:
    """An assignee's DM: what they will be, and how to prepare or the time plan."""
    blocks: list[Block] = [section(text)]
    if details:
        blocks.append(section(details))
    return message(text, blocks)


def build_reflection_dm(
    *, lang: Lang, title: str, intro: str, prompts: Sequence[Prompt], meeting_id: int
) -> Message:
    """Three questions, one per dimension, and "Reflectie gemaakt" (nothing is typed in Slack)."""
    questions = "\n".join(
        t(lang, "reflection.question", dimension=p.dimension_name, text=p.text) for p in prompts
    )
    blocks: list[Block] = [
        section(title),
        section(intro),
        section(questions),
        actions(
            button(
                t_plain(lang, "reflection.button.done"),
                action_id=ActionId.REFLECTION_DONE,
                value=str(meeting_id),
                style="primary",
            ),
            button(
                t_plain(lang, "reflection.button.off"),
                action_id=ActionId.REFLECTION_OFF,
                value=str(meeting_id),
            ),
            block_id=BlockId.REFLECTION,
        ),
        context(t(lang, "reflection.footer")),
    ]
    return message(title, blocks)
