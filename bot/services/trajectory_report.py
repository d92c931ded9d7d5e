"""The rapportage for the opdrachtgever: the supervisor drafts it after the trajectory (aim, way of
working prefilled with the methods practised, outcome, recommendations; attendance only as
aggregates), every participant answers Akkoord or Opmerking, and when all agreed — or the
supervisor finalises after their deadline — the supervisor gets the PDF to forward."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot import rules
from bot.actor import Actor
from bot.errors import Conflict, InvalidInput, NotAllowed, NotFound
from bot.i18n import Lang
from bot.methods import find_method
from bot.notify import Intent, owe, owe_update
from bot.parsing import clean_text
from bot.services import access
from bot.services.audit import record
from bot.services.trajectories import supervised
from bot.services.trajectory_progress import held_meetings
from storage.models import (
    Attendance,
    DeliveryKind,
    Person,
    ReportAnswer,
    ReportResponse,
    ReportStatus,
    Trajectory,
    TrajectoryReport,
    TrajectoryStatus,
)

LIMITS = {"aim": 1000, "working_method": 1000, "outcome": 1500, "recommendations": 1500}
REQUIRED = ("aim", "working_method", "outcome")
REMARK_MAX = 500


@dataclass(frozen=True, kw_only=True)
class ReportDraftSent(Intent):
    """A participant gets the draft with Akkoord / Opmerking (once per round)."""

    KIND = "report_draft"
    report_id: int
    round: int


@dataclass(frozen=True, kw_only=True)
class ReportAnswerRecorded(Intent):
    """The participant's draft DM is redrawn without buttons, with their answer."""

    KIND = "report_answer_recorded"
    TRANSPORT = DeliveryKind.UPDATE
    report_id: int
    round: int


@dataclass(frozen=True, kw_only=True)
class ReportAnswered(Intent):
    """The supervisor hears each answer (a remark with its text, to talk over)."""

    KIND = "report_answered"
    report_id: int
    round: int
    person_id: int


@dataclass(frozen=True, kw_only=True)
class ReportFinalPdf(Intent):
    """The supervisor gets the final report as a PDF, to forward to the opdrachtgever."""

    KIND = "report_final_pdf"
    TRANSPORT = DeliveryKind.FILE
    report_id: int


@dataclass(frozen=True, kw_only=True)
class ReportFinalised(Intent):
    """Participants hear that the report is final and goes to the opdrachtgever."""

    KIND = "report_finalised"
    report_id: int


@dataclass(frozen=True, kw_only=True)
class ReportDraft:
    """What the supervisor typed in the report modal."""

    aim: str
    working_method: str
    outcome: str
    recommendations: str
    deadline: date


@dataclass(frozen=True, kw_only=True)
class ReportFacts:
    """Attendance as aggregates only: never who missed what."""

    agreed: int
    held: int
    participants: int
    average_percent: int
    first_meeting: datetime | None
    last_meeting: datetime | None
    methods: tuple[str, ...]


def _method_name(value: str, lang: Lang) -> str:
    """A meeting's method: the catalogue's name for a key, else the text as planned."""
    try:
        return find_method(value).name.get(lang) or value
    except InvalidInput:
        return value


def report_facts(session: Session, *, trajectory: Trajectory, lang: Lang) -> ReportFacts:
    """Meetings held of those agreed, participants, average attendance, methods practised."""
    held = held_meetings(session, trajectory=trajectory)
    ids = [m.id for m in held]
    present, registered = 0, 0
    if ids:
        rows = session.execute(
            select(Attendance.present, func.count(Attendance.id))
            .where(Attendance.meeting_id.in_(ids))
            .group_by(Attendance.present)
        ).all()
        for is_present, count in rows:
            registered += int(count)
            present += int(count) if is_present else 0
    methods: list[str] = []
    for meeting in held:
        name = _method_name(meeting.method, lang) if meeting.method else ""
        if name and name not in methods:
            methods.append(name)
    return ReportFacts(
        agreed=trajectory.agreed_meetings or 0,
        held=len(held),
        participants=len(participants(session, trajectory=trajectory)),
        average_percent=(present * 100) // registered if registered else 0,
        first_meeting=held[0].starts_at if held else None,
        last_meeting=held[-1].starts_at if held else None,
        methods=tuple(methods),
    )


def participants(session: Session, *, trajectory: Trajectory) -> list[Person]:
    """Who agrees to the report: the group's members, the supervisor never among them."""
    if trajectory.group_id is None:
        return []
    return [
        p
        for p in access.approved_members(session, group_id=trajectory.group_id)
        if p.id != trajectory.supervisor_id
    ]


def report_of(session: Session, *, trajectory_id: int) -> TrajectoryReport | None:
    """The trajectory's report, if one was drafted."""
    return session.scalars(
        select(TrajectoryReport).where(TrajectoryReport.trajectory_id == trajectory_id)
    ).one_or_none()


def reportable(session: Session, *, actor: Actor, trajectory_id: int) -> Trajectory:
    """A finished trajectory the actor supervises whose report is not yet final."""
    trajectory = supervised(session, actor=actor, trajectory_id=trajectory_id)
    if trajectory.status not in (TrajectoryStatus.COMPLETED, TrajectoryStatus.STOPPED):
        raise Conflict("report.error.not_closed")
    report = report_of(session, trajectory_id=trajectory.id)
    if report is not None and report.status is ReportStatus.FINAL:
        raise Conflict("report.error.final")
    return trajectory


def _clean(draft: ReportDraft, *, today: date) -> dict[str, str]:
    texts: dict[str, str] = {}
    for name, limit in LIMITS.items():
        # Line breaks are kept (paragraphs of the report); everything else is cleaned per line.
        raw = str(getattr(draft, name))
        value = "\n".join(clean_text(line) for line in raw.splitlines()).strip()
        if name in REQUIRED and not value:
            raise InvalidInput("report.error.required", field=name)
        if len(value) > limit:
            raise InvalidInput("input.too_long", field=name, count=limit)
        texts[name] = value
    if not today < draft.deadline <= today + rules.REPORT_DEADLINE_MAX:
        raise InvalidInput(
            "report.error.deadline", field="deadline", count=rules.REPORT_DEADLINE_MAX.days
        )
    return texts


def save_report(
    session: Session,
    *,
    actor: Actor,
    trajectory_id: int,
    draft: ReportDraft,
    today: date,
    now: datetime,
) -> TrajectoryReport:
    """Store the draft (a revision starts a new round) and send it to every participant."""
    trajectory = reportable(session, actor=actor, trajectory_id=trajectory_id)
    texts = _clean(draft, today=today)
    people = participants(session, trajectory=trajectory)
    if not people:
        raise Conflict("report.error.no_participants")
    report = report_of(session, trajectory_id=trajectory.id)
    if report is None:
        report = TrajectoryReport(
            trajectory_id=trajectory.id,
            status=ReportStatus.CIRCULATED,
            round=1,
            deadline=draft.deadline,
            created_at=now,
            updated_at=now,
        )
        session.add(report)
    else:
        report.round += 1
    for name, value in texts.items():
        setattr(report, name, value)
    report.deadline = draft.deadline
    report.updated_at = now
    session.flush()
    record(
        session,
        team_id=actor.team_id,
        action="report_circulated",
        now=now,
        actor_id=actor.person_id,
        group_id=trajectory.group_id,
        details={"trajectory_id": trajectory.id, "round": report.round},
    )
    for person in people:
        owe(
            session,
            intent=ReportDraftSent(report_id=report.id, round=report.round),
            to=person,
            now=now,
        )
    return report


def _report(session: Session, *, team_id: str, report_id: int, lock: bool) -> TrajectoryReport:
    query = select(TrajectoryReport).where(TrajectoryReport.id == report_id)
    if lock:
        query = query.with_for_update()
    report = session.scalars(query).one_or_none()
    if report is None or report.trajectory.team_id != team_id:
        raise NotFound("report.error.not_found")
    return report


def answerable(session: Session, *, actor: Actor, report_id: int, round: int) -> TrajectoryReport:
    """The report this participant may still answer in this round (before a remark modal)."""
    report = _report(session, team_id=actor.team_id, report_id=report_id, lock=False)
    _check_answer(session, actor=actor, report=report, round=round)
    return report


def _check_answer(session: Session, *, actor: Actor, report: TrajectoryReport, round: int) -> None:
    people = participants(session, trajectory=report.trajectory)
    if all(p.id != actor.person_id for p in people):
        raise NotAllowed("report.error.not_participant")
    if report.status is ReportStatus.FINAL:
        raise Conflict("report.error.final")
    if round != report.round:
        raise Conflict("report.error.old_round")
    given = session.scalars(
        select(ReportResponse.id).where(
            ReportResponse.report_id == report.id,
            ReportResponse.person_id == actor.person_id,
            ReportResponse.round == round,
        )
    ).first()
    if given is not None:
        raise Conflict("report.error.already_answered")


def answer_report(
    session: Session,
    *,
    actor: Actor,
    report_id: int,
    round: int,
    agreed: bool,
    remark: str,
    now: datetime,
) -> TrajectoryReport:
    """Akkoord or Opmerking (with what to talk over); once per round. The supervisor is told;
    when everyone agreed the report is final."""
    report = _report(session, team_id=actor.team_id, report_id=report_id, lock=True)
    _check_answer(session, actor=actor, report=report, round=round)
    text = clean_text(remark)
    if not agreed and not text:
        raise InvalidInput("report.error.remark_required", field="remark")
    if len(text) > REMARK_MAX:
        raise InvalidInput("input.too_long", field="remark", count=REMARK_MAX)
    session.add(
        ReportResponse(
            report_id=report.id,
            person_id=actor.person_id,
            round=round,
            answer=ReportAnswer.AGREED if agreed else ReportAnswer.REMARK,
            remark=None if agreed else text,
            answered_at=now,
        )
    )
    session.flush()
    me = session.get_one(Person, actor.person_id)
    owe_update(
        session,
        intent=ReportAnswerRecorded(report_id=report.id, round=round),
        of=ReportDraftSent(report_id=report.id, round=round),
        to=me,
        now=now,
    )
    owe(
        session,
        intent=ReportAnswered(report_id=report.id, round=round, person_id=me.id),
        to=report.trajectory.supervisor,
        now=now,
    )
    if agreed and all_agreed(session, report=report):
        _finalise(session, report=report, actor_id=actor.person_id, now=now)
    return report


def answers(session: Session, *, report: TrajectoryReport) -> dict[int, ReportResponse]:
    """person id → their answer in the current round."""
    return {
        r.person_id: r
        for r in session.scalars(
            select(ReportResponse).where(
                ReportResponse.report_id == report.id, ReportResponse.round == report.round
            )
        )
    }


def all_agreed(session: Session, *, report: TrajectoryReport) -> bool:
    """True when every participant agreed to the current round."""
    given = answers(session, report=report)
    people = participants(session, trajectory=report.trajectory)
    return bool(people) and all(
        p.id in given and given[p.id].answer is ReportAnswer.AGREED for p in people
    )


def finalise_report(
    session: Session, *, actor: Actor, report_id: int, today: date, now: datetime
) -> TrajectoryReport:
    """Definitief maken: by the supervisor, once everyone agreed or after the deadline."""
    report = _report(session, team_id=actor.team_id, report_id=report_id, lock=True)
    if report.trajectory.supervisor_id != actor.person_id:
        raise NotAllowed("guided.error.not_supervisor")
    if report.status is ReportStatus.FINAL:
        raise Conflict("report.error.final")
    if today <= report.deadline and not all_agreed(session, report=report):
        raise Conflict(
            "report.error.before_deadline", deadline=report.deadline.strftime("%d-%m-%Y")
        )
    _finalise(session, report=report, actor_id=actor.person_id, now=now)
    return report


def _finalise(session: Session, *, report: TrajectoryReport, actor_id: int, now: datetime) -> None:
    report.status = ReportStatus.FINAL
    report.finalised_at = now
    trajectory = report.trajectory
    record(
        session,
        team_id=trajectory.team_id,
        action="report_finalised",
        now=now,
        actor_id=actor_id,
        group_id=trajectory.group_id,
        details={"trajectory_id": trajectory.id, "round": report.round},
    )
    owe(session, intent=ReportFinalPdf(report_id=report.id), to=trajectory.supervisor, now=now)
    for person in participants(session, trajectory=trajectory):
        owe(session, intent=ReportFinalised(report_id=report.id), to=person, now=now)
