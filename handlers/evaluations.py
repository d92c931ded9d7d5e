"""The evaluation after a meeting in Slack: the pulse DM's button opens the short form;
`/intervisie evaluatie 1234` (alias `evaluation`) shows the group's trend (aggregates only, from
the third answer) and the member's evaluations still open. `trend_blocks` is the part a group's
page shows. Who is told what: bot/services/evaluations.py."""

from __future__ import annotations

import logging
from datetime import tzinfo

from slack_bolt import App
from slack_sdk.models.blocks import Block
from sqlalchemy.orm import Session

from bot.errors import DomainError, InvalidFields, InvalidInput
from bot.i18n import Lang, format_date, t
from bot.services import evaluations as svc
from bot.services.meeting_text import when
from handlers.context import CommandCall, Interaction, Submitted, on_action, on_view
from handlers.ui import metadata
from handlers.ui.agreements_ids import ActionId, BlockId, CallbackId
from handlers.ui.agreements_ui import build_info_modal
from handlers.ui.blocks import message, section
from handlers.ui.evaluations_ui import build_evaluation_modal, build_trend_blocks, evaluation_button
from storage.models import GoalServed

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Listen for "Evaluatie invullen" and the form."""
    on_action(app, ActionId.EVALUATION_OPEN, on_open)
    on_view(app, CallbackId.EVALUATION, on_submit, error_block=BlockId.EVALUATION_SCORE)


def trend_blocks(
    session: Session, *, group_id: int, lang: Lang, tz: tzinfo, with_remarks: bool = False
) -> list[Block]:
    """The group's evaluation trend as blocks (for the group's page and `/intervisie evaluatie`):
    aggregates of meetings with at least three answers, never one person's answer."""
    summaries = svc.trend(session, group_id=group_id)
    return build_trend_blocks(lang=lang, tz=tz, summaries=summaries, with_remarks=with_remarks)


def evaluation_command(call: CommandCall) -> None:
    """`/intervisie evaluatie 1234`: the trend, the latest anonymous remarks, and a button for each
    of the member's evaluations still open."""
    number = call.group_number("evaluatie")
    actor, now = call.actor, call.deps.now()
    with call.deps.uow() as session:
        group = svc.viewable_group(session, actor=actor, number=number)
        blocks: list[Block] = [
            section(t(actor.lang, "evaluation.page.title", number=group.number, name=group.name))
        ]
        blocks += trend_blocks(
            session, group_id=group.id, lang=actor.lang, tz=actor.tz, with_remarks=True
        )
        for meeting in svc.pending_for(session, actor=actor, group_id=group.id, now=now)[:5]:
            blocks.append(
                section(
                    t(
                        actor.lang,
                        "evaluation.page.pending",
                        date=format_date(meeting.starts_at, tz=actor.tz),
                    ),
                    block_id=f"evaluation_pending_{meeting.id}",
                    accessory=evaluation_button(actor.lang, meeting.id),
                )
            )
        title = t(actor.lang, "evaluation.page.title", number=group.number, name=group.name)
    call.say(message(title, blocks))


def on_open(call: Interaction) -> None:
    """ "Evaluatie invullen": refused for a meeting one did not attend or answered already."""
    actor = call.actor
    with call.deps.uow() as session:
        meeting, _ = svc.open_invite(
            session, actor=actor, meeting_id=call.value_id, now=call.deps.now()
        )
        intro = t(
            actor.lang,
            "evaluation.modal.intro",
            number=meeting.group.number,
            name=meeting.group.name,
            when=when(meeting, actor.lang, actor.tz),
        )
        meeting_id = meeting.id
    view = build_evaluation_modal(lang=actor.lang, meeting_id=meeting_id, intro=intro)
    call.client.views_open(trigger_id=call.trigger_id, view=view)


def _selected(call: Interaction, block: str, action: str) -> str:
    entry = (call.values.get(block) or {}).get(action) or {}
    return str((entry.get("selected_option") or {}).get("value") or "")


def _parse(call: Interaction) -> svc.EvaluationInput:
    raw_score = _selected(call, BlockId.EVALUATION_SCORE, ActionId.EVALUATION_SCORE)
    raw_goal = _selected(call, BlockId.EVALUATION_GOAL, ActionId.EVALUATION_GOAL)
    problems: dict[str, DomainError] = {}
    if not (raw_score.isascii() and raw_score.isdigit() and len(raw_score) == 1):
        problems[BlockId.EVALUATION_SCORE] = InvalidInput("evaluation.error.score")
    try:
        goal = GoalServed(raw_goal)
    except ValueError:
        problems[BlockId.EVALUATION_GOAL] = InvalidInput("evaluation.error.goal")
    if problems:
        raise InvalidFields(problems)
    entry = (call.values.get(BlockId.EVALUATION_BROUGHT) or {}).get(
        ActionId.EVALUATION_BROUGHT
    ) or {}
    brought = frozenset(str(o.get("value")) for o in entry.get("selected_options") or [])
    remark = (call.values.get(BlockId.EVALUATION_REMARK) or {}).get(
        ActionId.EVALUATION_REMARK
    ) or {}
    return svc.EvaluationInput(
        score=int(raw_score), goal=goal, brought=brought, remark=str(remark.get("value") or "")
    )


def on_submit(call: Interaction) -> Submitted:
    """Store the answer without the person; the pulse DM loses its button."""
    ref = metadata.MEETING.decode(call.view.get("private_metadata"))
    data = _parse(call)
    try:
        with call.deps.uow() as session:
            svc.answer_evaluation(
                session, actor=call.actor, meeting_id=ref.meeting_id, data=data, now=call.deps.now()
            )
    except InvalidInput as error:
        if error.field == "remark":
            raise InvalidFields({BlockId.EVALUATION_REMARK: error}) from None
        raise
    log.info("evaluation answered for meeting %s", ref.meeting_id)
    text = t(call.actor.lang, "evaluation.thanks")
    return Submitted(
        view=build_info_modal(lang=call.actor.lang, title_key="evaluation.modal.title", text=text)
    )
