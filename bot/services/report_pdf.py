"""The final rapportage as a PDF for the supervisor to forward: the report's texts, the trajectory's
facts and attendance as aggregates, in the supervisor's language."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.errors import NotFound
from bot.exports.pdf_report import ReportDocument, render_report, report_filename
from bot.i18n import Lang, t_plain
from bot.services.people import display_name
from bot.services.supervisors import register_label, registration_of
from bot.services.trajectory_report import answers, report_facts
from bot.settings import Settings
from storage.models import ReportAnswer, TrajectoryReport


def supervisor_line(session: Session, *, person_id: int, name: str, lang: Lang) -> str:
    """ "Marieke Dijkstra (LVSC-registratienummer 12345)", or the bare name without a number."""
    registration = registration_of(session, person_id=person_id)
    label = register_label(registration.register_key, lang) if registration else ""
    if registration is None or not label:
        return name
    return t_plain(
        lang, "completion.pdf.supervisor_line", name=name, label=label, number=registration.number
    )


def report_pdf(
    session: Session, *, report_id: int, lang: Lang, settings: Settings
) -> tuple[str, bytes]:
    """The file name and PDF of a report (as it stands: final when it is sent)."""
    report = session.get(TrajectoryReport, report_id)
    if report is None or report.trajectory.group is None:
        raise NotFound("report.error.not_found")
    trajectory = report.trajectory
    group = trajectory.group
    assert group is not None
    tz = settings.timezone
    facts = report_facts(session, trajectory=trajectory, lang=lang)
    given = answers(session, report=report)
    final = report.finalised_at or report.updated_at
    doc = ReportDocument(
        lang=lang,
        client_name=trajectory.client_name,
        client_contact=trajectory.client_contact,
        group_number=group.number,
        group_name=group.name,
        supervisor_line=supervisor_line(
            session,
            person_id=trajectory.supervisor_id,
            name=display_name(trajectory.supervisor),
            lang=lang,
        ),
        first_meeting=facts.first_meeting.astimezone(tz).date() if facts.first_meeting else None,
        last_meeting=facts.last_meeting.astimezone(tz).date() if facts.last_meeting else None,
        agreed_meetings=facts.agreed,
        held_meetings=facts.held,
        participants=facts.participants,
        average_attendance=facts.average_percent,
        aim=report.aim,
        working_method=report.working_method,
        outcome=report.outcome,
        recommendations=report.recommendations,
        agreed_by=sum(1 for r in given.values() if r.answer is ReportAnswer.AGREED),
        final_on=final.astimezone(tz).date(),
        created_at=final,
    )
    content = render_report(
        doc,
        font_path=settings.pdf_font_path,
        bold_font_path=settings.pdf_font_bold_path,
        fallback_font_paths=settings.pdf_fallback_font_paths,
    )
    return report_filename(doc), content
