"""Block Kit builders for the rapportage: the supervisor's modal (with the aggregates and the
visible no-case-content hint), the draft a participant answers with Akkoord / Opmerking (and
redrawn with their answer), the remark modal, and the answers the supervisor hears."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.i18n import Lang, escape_mrkdwn, format_date, t, t_plain, tn
from bot.notify import Message
from bot.services.trajectory_report import ReportFacts
from handlers.ui.blocks import actions, button, context, divider, header, message, plain, section
from handlers.ui.guided_ids import ActionId, BlockId, CallbackId
from handlers.ui.guided_inputs import TITLE_MAX, text_input, trajectory_modal
from handlers.ui.metadata import REPORT_ROUND, ReportRoundRef
from storage.models import ReportAnswer, ReportResponse, Trajectory, TrajectoryReport


def facts_text(lang: Lang, facts: ReportFacts, *, tz: tzinfo) -> str:
    """The attendance as aggregates: meetings held of agreed, participants, average share."""
    period = ""
    if facts.first_meeting is not None and facts.last_meeting is not None:
        period = t(
            lang,
            "report.facts.period",
            start=format_date(facts.first_meeting, tz=tz),
            end=format_date(facts.last_meeting, tz=tz),
        )
    return (
        tn(
            lang,
            "report.facts.meetings",
            facts.agreed,
            held=facts.held,
            participants=facts.participants,
            average=facts.average_percent,
        )
        + period
    )


def build_report_modal(
    *,
    lang: Lang,
    trajectory: Trajectory,
    facts: ReportFacts,
    report: TrajectoryReport | None,
    deadline: str,
    tz: tzinfo,
) -> dict[str, Any]:
    """The report for the opdrachtgever: texts about the trajectory, never about a case."""
    methods = ", ".join(facts.methods)
    prefill_method = (
        report.working_method
        if report is not None
        else (t_plain(lang, "report.prefill.method", methods=methods) if methods else "")
    )
    blocks: list[Block] = [
        section(t(lang, "report.modal.intro", organisation_name=trajectory.client_name or "—")),
        context(facts_text(lang, facts, tz=tz)),
        context(t(lang, "report.modal.no_case_content")),
        text_input(
            BlockId.AIM,
            ActionId.AIM,
            t_plain(lang, "report.field.aim"),
            initial=report.aim if report else "",
            multiline=True,
            max_length=1000,
        ),
        text_input(
            BlockId.WORKING_METHOD,
            ActionId.WORKING_METHOD,
            t_plain(lang, "report.field.method"),
            initial=prefill_method,
            # Only say it was filled in beforehand when there was something to fill in.
            hint=t_plain(lang, "report.field.method_hint") if prefill_method else "",
            multiline=True,
            max_length=1000,
        ),
        text_input(
            BlockId.OUTCOME,
            ActionId.OUTCOME,
            t_plain(lang, "report.field.outcome"),
            initial=report.outcome if report else "",
            hint=t_plain(lang, "guided.no_case_content"),
            multiline=True,
            max_length=1500,
        ),
        text_input(
            BlockId.RECOMMENDATIONS,
            ActionId.RECOMMENDATIONS,
            t_plain(lang, "report.field.recommendations"),
            initial=report.recommendations if report else "",
            hint=t_plain(lang, "guided.no_case_content"),
            optional=True,
            multiline=True,
            max_length=1500,
        ),
        text_input(
            BlockId.DEADLINE,
            ActionId.DEADLINE,
            t_plain(lang, "report.field.deadline"),
            initial=deadline,
            hint=t_plain(lang, "report.field.deadline_hint"),
            max_length=10,
        ),
    ]
    return trajectory_modal(
        lang=lang,
        callback_id=CallbackId.REPORT,
        title=t_plain(lang, "report.modal.title"),
        submit=t_plain(lang, "report.modal.submit"),
        blocks=blocks,
        ref=trajectory.id,
    )


def _report_blocks(
    lang: Lang, *, report: TrajectoryReport, facts: ReportFacts, tz: tzinfo
) -> list[Block]:
    parts = [
        ("report.field.aim", report.aim),
        ("report.field.method", report.working_method),
        ("report.field.outcome", report.outcome),
        ("report.field.recommendations", report.recommendations),
    ]
    blocks: list[Block] = []
    for key, value in parts:
        if value:
            blocks.append(section(f"*{t(lang, key)}*\n{escape_mrkdwn(value)}"))
    blocks.append(context(facts_text(lang, facts, tz=tz)))
    return blocks


def build_report_dm(
    *,
    lang: Lang,
    report: TrajectoryReport,
    facts: ReportFacts,
    supervisor: str,
    tz: tzinfo,
    answer: ReportResponse | None,
) -> Message:
    """A participant's draft: the texts, the aggregates and Akkoord / Opmerking (or, once
    answered, what they answered)."""
    trajectory = report.trajectory
    intro = t(
        lang,
        "report.dm.intro",
        supervisor_name=supervisor,
        organisation_name=trajectory.client_name or "—",
        deadline=format_date(report.deadline),
    )
    blocks: list[Block] = [
        header(t_plain(lang, "report.dm.header")),
        section(intro),
        *_report_blocks(lang, report=report, facts=facts, tz=tz),
        divider(),
    ]
    if answer is None:
        value = f"{report.id}:{report.round}"
        blocks.append(
            actions(
                button(
                    t_plain(lang, "report.button.agree"),
                    action_id=ActionId.REPORT_AGREE,
                    value=value,
                    style="primary",
                ),
                button(
                    t_plain(lang, "report.button.remark"),
                    action_id=ActionId.REPORT_REMARK,
                    value=value,
                ),
            )
        )
    elif answer.answer is ReportAnswer.AGREED:
        blocks.append(context(t(lang, "report.dm.you_agreed")))
    else:
        blocks.append(context(t(lang, "report.dm.you_remarked", remark_text=answer.remark or "")))
    return message(intro, blocks)


def build_remark_modal(*, lang: Lang, report_id: int, round: int) -> dict[str, Any]:
    """Opmerking: what the participant wants to talk over with the supervisor."""
    blocks: list[Block] = [
        section(t(lang, "report.remark.intro")),
        text_input(
            BlockId.REMARK,
            ActionId.REMARK,
            t_plain(lang, "report.field.remark"),
            hint=t_plain(lang, "guided.no_case_content"),
            multiline=True,
            max_length=500,
        ),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.REMARK,
        title=plain(t_plain(lang, "report.remark.title"), TITLE_MAX),
        submit=plain(t_plain(lang, "report.remark.submit"), TITLE_MAX),
        close=plain(t_plain(lang, "guided.cancel"), TITLE_MAX),
        private_metadata=REPORT_ROUND.encode(ReportRoundRef(report_id, round)),
        blocks=blocks,
    ).to_dict()
