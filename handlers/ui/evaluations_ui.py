"""Block Kit for the evaluation after a meeting: the pulse DM with its button, the short form, and
the aggregates (one meeting's, with the next reminder; the trend, on the group's page)."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    CheckboxesElement,
    InputBlock,
    PlainTextInputElement,
    RadioButtonsElement,
)
from slack_sdk.models.views import View

from bot import agreement_rules as rules
from bot.i18n import Lang, escape_mrkdwn, format_date, t, t_plain, tn, tn_plain
from bot.notify import Message
from bot.services.evaluations import BROUGHT, EvaluationSummary
from handlers.ui import metadata
from handlers.ui.agreements_ids import ActionId, BlockId, CallbackId
from handlers.ui.blocks import actions, button, clip, context, message, option, plain, section
from storage.models import GoalServed

MODAL_TITLE_MAX = 24


def evaluation_button(lang: Lang, meeting_id: int) -> Any:
    """ "Evaluatie invullen": opens the form of this meeting."""
    return button(
        t_plain(lang, "evaluation.button.open"),
        action_id=ActionId.EVALUATION_OPEN,
        value=str(meeting_id),
        style="primary",
    )


def build_pulse(*, lang: Lang, text: str, meeting_id: int, answered: bool) -> Message:
    """The pulse DM: the question and its button, or (answered) a thank-you without button."""
    if answered:
        done = t(lang, "evaluation.thanks")
        return message(done, [section(text), context(done)])
    return message(
        text,
        [
            section(text),
            context(tn(lang, "evaluation.privacy", rules.EVALUATION_MIN_ANSWERS)),
            actions(evaluation_button(lang, meeting_id), block_id=f"evaluation_{meeting_id}"),
        ],
    )


def build_evaluation_modal(*, lang: Lang, meeting_id: int, intro: str) -> dict[str, Any]:
    """The form: geslaagd 1-5, served the goal, what it brought, and one optional line."""
    scores = [
        option(t_plain(lang, f"evaluation.score.{n}"), str(n))
        for n in range(rules.EVALUATION_SCORE_MIN, rules.EVALUATION_SCORE_MAX + 1)
    ]
    goals = [option(t_plain(lang, f"evaluation.goal.{g.value}"), g.value) for g in GoalServed]
    brought = [option(t_plain(lang, f"evaluation.brought.{name}"), name) for name in BROUGHT]
    blocks: list[Block] = [
        section(intro),
        InputBlock(
            block_id=BlockId.EVALUATION_SCORE,
            label=plain(t_plain(lang, "evaluation.modal.score"), 2000),
            element=RadioButtonsElement(action_id=ActionId.EVALUATION_SCORE, options=scores),
        ),
        InputBlock(
            block_id=BlockId.EVALUATION_GOAL,
            label=plain(t_plain(lang, "evaluation.modal.goal"), 2000),
            element=RadioButtonsElement(action_id=ActionId.EVALUATION_GOAL, options=goals),
        ),
        InputBlock(
            block_id=BlockId.EVALUATION_BROUGHT,
            label=plain(t_plain(lang, "evaluation.modal.brought"), 2000),
            optional=True,
            element=CheckboxesElement(action_id=ActionId.EVALUATION_BROUGHT, options=brought),
        ),
        InputBlock(
            block_id=BlockId.EVALUATION_REMARK,
            label=plain(t_plain(lang, "evaluation.modal.remark"), 2000),
            hint=plain(
                tn_plain(lang, "evaluation.modal.remark_hint", rules.EVALUATION_MIN_ANSWERS),
                2000,
            ),
            optional=True,
            element=PlainTextInputElement(
                action_id=ActionId.EVALUATION_REMARK, max_length=rules.EVALUATION_REMARK_MAX
            ),
        ),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.EVALUATION,
        title=plain(t_plain(lang, "evaluation.modal.title"), MODAL_TITLE_MAX),
        submit=plain(t_plain(lang, "evaluation.modal.submit"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "evaluation.modal.close"), MODAL_TITLE_MAX),
        private_metadata=metadata.MEETING.encode(metadata.MeetingRef(meeting_id)),
        blocks=blocks,
    ).to_dict()


def _average(lang: Lang, value: float) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def summary_text(lang: Lang, summary: EvaluationSummary, tz: tzinfo) -> str:
    """One meeting's aggregate in a few lines (never per person)."""
    brought = ", ".join(
        t_plain(lang, f"evaluation.brought_count.{name}", ticked=summary.brought[name])
        for name in BROUGHT
    )
    return "\n".join(
        [
            tn(
                lang,
                "evaluation.summary.head",
                summary.answers,
                date=format_date(summary.meeting.starts_at, tz=tz),
                average_text=_average(lang, summary.average),
            ),
            t(
                lang,
                "evaluation.summary.goal",
                yes=summary.goal[GoalServed.YES],
                partly=summary.goal[GoalServed.PARTLY],
                no=summary.goal[GoalServed.NO],
            ),
            t(lang, "evaluation.summary.brought", brought=brought),
        ]
    )


def build_trend_blocks(
    *, lang: Lang, tz: tzinfo, summaries: list[EvaluationSummary], with_remarks: bool
) -> list[Block]:
    """The trend of the group's latest evaluated meetings (oldest first), each an aggregate."""
    blocks: list[Block] = [section(t(lang, "evaluation.trend.title"))]
    if not summaries:
        blocks.append(context(tn(lang, "evaluation.trend.empty", rules.EVALUATION_MIN_ANSWERS)))
        return blocks
    lines = [
        tn(
            lang,
            "evaluation.trend.line",
            s.answers,
            date=format_date(s.meeting.starts_at, tz=tz),
            average_text=_average(lang, s.average),
            yes=s.goal[GoalServed.YES],
        )
        for s in summaries
    ]
    blocks.append(section("\n".join(lines)))
    if with_remarks:
        latest = summaries[-1]
        if latest.remarks:
            remarks = "\n".join(f"• {escape_mrkdwn(r)}" for r in latest.remarks)
            blocks.append(
                section(
                    t(
                        lang,
                        "evaluation.trend.remarks",
                        date=format_date(latest.meeting.starts_at, tz=tz),
                    )
                    + "\n"
                    + clip(remarks, 2500)
                )
            )
    blocks.append(context(tn(lang, "evaluation.trend.footer", rules.EVALUATION_MIN_ANSWERS)))
    return blocks
