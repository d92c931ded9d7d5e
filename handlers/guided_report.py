"""The rapportage in Slack: the supervisor's report modal and 'Definitief maken', a participant's
Akkoord / Opmerking on the draft. Who is told what: bot/services/trajectory_report.py."""

from __future__ import annotations

import logging

from slack_bolt import App

from bot import rules
from bot.errors import InvalidInput
from bot.i18n import format_date, t
from bot.services.trajectory_report import (
    ReportDraft,
    answer_report,
    answerable,
    finalise_report,
    report_facts,
    report_of,
    reportable,
    save_report,
)
from handlers import guided_forms as forms
from handlers.context import Interaction, on_action, on_view
from handlers.ui.blocks import text_message
from handlers.ui.guided_ids import ActionId, BlockId, CallbackId
from handlers.ui.guided_report_ui import build_remark_modal, build_report_modal
from handlers.ui.metadata import REPORT_ROUND, TRAJECTORY

log = logging.getLogger(__name__)


def register(app: App) -> None:
    """Listen for the report's buttons and modals."""
    on_action(app, ActionId.REPORT, on_report_click)
    on_view(app, CallbackId.REPORT, on_report_submit, error_block=BlockId.AIM)
    on_action(app, ActionId.REPORT_FINALISE, on_finalise)
    on_action(app, ActionId.REPORT_AGREE, on_agree)
    on_action(app, ActionId.REPORT_REMARK, on_remark_click)
    on_view(app, CallbackId.REMARK, on_remark_submit, error_block=BlockId.REMARK)


def on_report_click(call: Interaction) -> None:
    """'Rapportage opstellen' / 'aanpassen': the modal, prefilled with the methods practised."""
    actor = call.actor
    with call.deps.uow() as session:
        trajectory = reportable(session, actor=actor, trajectory_id=call.value_id)
        report = report_of(session, trajectory_id=trajectory.id)
        deadline = (
            report.deadline
            if report is not None and report.deadline > call.today()
            else call.today() + rules.REPORT_DEADLINE_DEFAULT
        )
        view = build_report_modal(
            lang=actor.lang,
            trajectory=trajectory,
            facts=report_facts(session, trajectory=trajectory, lang=actor.lang),
            report=report,
            deadline=format_date(deadline),
            tz=actor.tz,
        )
    call.client.views_open(trigger_id=call.trigger_id, view=view)


def on_report_submit(call: Interaction) -> None:
    """Store the draft and send it to every participant (refusals inline, nothing sent)."""
    ref = TRAJECTORY.decode(call.view.get("private_metadata"))
    if ref.trajectory_id is None:
        raise InvalidInput("error.bad_form")
    values = call.values
    deadline = forms.day(
        call, forms.text(values, BlockId.DEADLINE, ActionId.DEADLINE), field=BlockId.DEADLINE
    )
    draft = ReportDraft(
        aim=forms.text(values, BlockId.AIM, ActionId.AIM),
        working_method=forms.text(values, BlockId.WORKING_METHOD, ActionId.WORKING_METHOD),
        outcome=forms.text(values, BlockId.OUTCOME, ActionId.OUTCOME),
        recommendations=forms.text(values, BlockId.RECOMMENDATIONS, ActionId.RECOMMENDATIONS),
        deadline=deadline,
    )
    with call.deps.uow() as session:
        report = save_report(
            session,
            actor=call.actor,
            trajectory_id=ref.trajectory_id,
            draft=draft,
            today=call.today(),
            now=call.deps.now(),
        )
        log.info("report %s circulated (round %s)", report.id, report.round)


def on_finalise(call: Interaction) -> None:
    """'Definitief maken': after the deadline (or once all agreed), the PDF to the supervisor."""
    with call.deps.uow() as session:
        report = report_of(session, trajectory_id=call.value_id)
        if report is None:
            raise InvalidInput("report.error.not_found")
        finalise_report(
            session,
            actor=call.actor,
            report_id=report.id,
            today=call.today(),
            now=call.deps.now(),
        )
    if call.can_respond():
        call.say(text_message(t(call.actor.lang, "report.finalised")))


def _round_value(call: Interaction) -> tuple[int, int]:
    """The button's "report:round" value; anything else is a forged or garbled click."""
    report, _, round_ = call.value.partition(":")
    if not all(p.isascii() and p.isdigit() and 0 < len(p) < 19 for p in (report, round_)):
        raise InvalidInput("error.bad_form")
    return int(report), int(round_)


def on_agree(call: Interaction) -> None:
    """Akkoord: recorded once; the draft DM is redrawn and the supervisor told."""
    report_id, round_ = _round_value(call)
    with call.deps.uow() as session:
        answer_report(
            session,
            actor=call.actor,
            report_id=report_id,
            round=round_,
            agreed=True,
            remark="",
            now=call.deps.now(),
        )


def on_remark_click(call: Interaction) -> None:
    """Opmerking: the modal for what to talk over (only while the round is open)."""
    report_id, round_ = _round_value(call)
    with call.deps.uow() as session:
        answerable(session, actor=call.actor, report_id=report_id, round=round_)
    call.client.views_open(
        trigger_id=call.trigger_id,
        view=build_remark_modal(lang=call.actor.lang, report_id=report_id, round=round_),
    )


def on_remark_submit(call: Interaction) -> None:
    """Record the remark; the supervisor gets it by DM."""
    ref = REPORT_ROUND.decode(call.view.get("private_metadata"))
    with call.deps.uow() as session:
        answer_report(
            session,
            actor=call.actor,
            report_id=ref.report_id,
            round=ref.round,
            agreed=False,
            remark=forms.text(call.values, BlockId.REMARK, ActionId.REMARK),
            now=call.deps.now(),
        )
