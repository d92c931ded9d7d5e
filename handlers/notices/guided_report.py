"""Renderers for the rapportage: the draft a participant answers (and redrawn with the answer),
each answer as the supervisor hears it, the final PDF for the supervisor, and the note to the
participants that the report is final."""

from __future__ import annotations

from bot.errors import NotFound
from bot.i18n import t, t_plain, tn
from bot.notify import FileMessage, Message, RenderContext, Renderers
from bot.services.people import display_name
from bot.services.report_pdf import report_pdf
from bot.services.trajectory_report import (
    ReportAnswered,
    ReportAnswerRecorded,
    ReportDraftSent,
    ReportFinalised,
    ReportFinalPdf,
    all_agreed,
    answers,
    participants,
    report_facts,
)
from handlers.ui.blocks import text_message
from handlers.ui.guided_report_ui import build_report_dm
from storage.models import Person, ReportAnswer, ReportResponse, TrajectoryReport


def install(renderers: Renderers) -> None:
    """Register this area's renderers."""
    renderers.register(ReportDraftSent, render_draft)
    renderers.register(ReportAnswerRecorded, render_answer_recorded)
    renderers.register(ReportAnswered, render_answered)
    renderers.register(ReportFinalPdf, render_final_pdf)
    renderers.register(ReportFinalised, render_finalised)


def _report(ctx: RenderContext, report_id: int) -> TrajectoryReport:
    report = ctx.session.get(TrajectoryReport, report_id)
    if report is None:
        raise NotFound("report.error.not_found")
    return report


def _draft(ctx: RenderContext, report: TrajectoryReport, answer: ReportResponse | None) -> Message:
    return build_report_dm(
        lang=ctx.lang,
        report=report,
        facts=report_facts(ctx.session, trajectory=report.trajectory, lang=ctx.lang),
        supervisor=display_name(report.trajectory.supervisor),
        tz=ctx.tz,
        answer=answer,
    )


def render_draft(ctx: RenderContext, intent: ReportDraftSent) -> Message:
    """The draft with Akkoord / Opmerking."""
    return _draft(ctx, _report(ctx, intent.report_id), None)


def render_answer_recorded(ctx: RenderContext, intent: ReportAnswerRecorded) -> Message:
    """The draft again, with the participant's answer instead of the buttons."""
    report = _report(ctx, intent.report_id)
    given = answers(ctx.session, report=report).get(ctx.recipient.id)
    return _draft(ctx, report, given)


def render_answered(ctx: RenderContext, intent: ReportAnswered) -> Message:
    """The supervisor: who answered what (a remark with its text), and how many agreed."""
    report = _report(ctx, intent.report_id)
    person = ctx.session.get(Person, intent.person_id)
    if person is None:
        raise NotFound("report.error.not_found")
    given = answers(ctx.session, report=report)
    response = given.get(person.id)
    agreed = sum(1 for r in given.values() if r.answer is ReportAnswer.AGREED)
    total = len(participants(ctx.session, trajectory=report.trajectory))
    if response is not None and response.answer is ReportAnswer.REMARK:
        text = tn(
            ctx.lang,
            "report.answered.remark",
            total,
            name=display_name(person),
            remark_text=response.remark or "",
            agreed=agreed,
        )
    else:
        text = tn(
            ctx.lang,
            "report.answered.agreed",
            total,
            name=display_name(person),
            agreed=agreed,
        )
    if intent.round == report.round and all_agreed(ctx.session, report=report):
        text += "\n" + t(ctx.lang, "report.answered.all")
    return text_message(text)


def render_final_pdf(ctx: RenderContext, intent: ReportFinalPdf) -> FileMessage:
    """The supervisor's PDF to forward to the opdrachtgever."""
    report = _report(ctx, intent.report_id)
    filename, content = report_pdf(
        ctx.session, report_id=report.id, lang=ctx.lang, settings=ctx.settings
    )
    return FileMessage(
        filename=filename,
        title=t_plain(ctx.lang, "report.file.title"),
        comment=t_plain(
            ctx.lang,
            "report.file.comment",
            organisation_name=report.trajectory.client_name or "—",
        ),
        content=content,
    )


def render_finalised(ctx: RenderContext, intent: ReportFinalised) -> Message:
    """Participants: the report is final and goes to the opdrachtgever."""
    report = _report(ctx, intent.report_id)
    text = t(
        ctx.lang,
        "report.finalised.dm",
        supervisor_name=display_name(report.trajectory.supervisor),
        organisation_name=report.trajectory.client_name or "—",
    )
    return text_message(text)
