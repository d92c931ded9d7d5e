"""The end of a guided trajectory: the supervisor closes it when the agreed meetings are held and
registered (participants who attended enough get the certificaat begeleide intervisie, the others
a DM saying why not), or stops it early with a reason."""

from __future__ import annotations

import secrets
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import guided_rules, rules
from bot.actor import Actor
from bot.errors import Conflict, InvalidInput
from bot.notify import Intent, owe
from bot.services import access
from bot.services.association import certificate_issuer
from bot.services.audit import record
from bot.services.certificates import new_verification_code
from bot.services.people import display_name
from bot.services.supervisors import registration_of
from bot.services.trajectories import supervised
from bot.services.trajectory_progress import held_meetings, trajectory_meetings, trajectory_name
from storage.models import (
    Attendance,
    Certificate,
    CertificateKind,
    CertificateStatus,
    CompletionCertificate,
    DeliveryKind,
    Meeting,
    Person,
    Trajectory,
    TrajectoryStatus,
)


@dataclass(frozen=True, kw_only=True)
class CompletionCertificateIssued(Intent):
    """The participant gets their certificaat begeleide intervisie (a PDF) by DM."""

    KIND = "completion_certificate_issued"
    TRANSPORT = DeliveryKind.FILE
    certificate_id: int


@dataclass(frozen=True, kw_only=True)
class CompletionWithheld(Intent):
    """A participant below the threshold hears what they attended and why there is no
    certificate (the counts as they were at closing)."""

    KIND = "completion_withheld"
    trajectory_id: int
    attended: int
    held: int
    required: int


@dataclass(frozen=True, kw_only=True)
class TrajectoryClosed(Intent):
    """The supervisor gets the outcome (and the way to the report); the contact person the way
    to go on as a peer group."""

    KIND = "trajectory_closed"
    trajectory_id: int


@dataclass(frozen=True, kw_only=True)
class TrajectoryStopped(Intent):
    """Everyone in the group hears that the trajectory stopped early, and why."""

    KIND = "trajectory_stopped"
    trajectory_id: int


@dataclass(frozen=True, kw_only=True)
class Tally:
    """One participant's attendance over the meetings held."""

    person_id: int
    name: str
    attended: int
    net_minutes: int
    meets: bool


@dataclass(frozen=True, kw_only=True)
class CloseForm:
    """What the supervisor sees before closing: the threshold and everyone's attendance."""

    trajectory_id: int
    group_number: int
    group_name: str
    agreed: int
    held: int
    percent: int
    required: int
    participants: tuple[Tally, ...]


@dataclass(frozen=True, kw_only=True)
class CloseResult:
    """What closing issued."""

    certified: int
    withheld: int


def _tallies(
    session: Session, *, trajectory: Trajectory, held: list[Meeting], percent: int
) -> list[Tally]:
    assert trajectory.group_id is not None
    ids = [m.id for m in held]
    rows = session.execute(
        select(Attendance.person_id, Attendance.net_minutes).where(
            Attendance.meeting_id.in_(ids), Attendance.present.is_(True)
        )
    ).all()
    attended: dict[int, int] = {}
    minutes: dict[int, int] = {}
    for person_id, net in rows:
        attended[person_id] = attended.get(person_id, 0) + 1
        minutes[person_id] = minutes.get(person_id, 0) + int(net)
    return [
        Tally(
            person_id=p.id,
            name=display_name(p),
            attended=attended.get(p.id, 0),
            net_minutes=minutes.get(p.id, 0),
            meets=guided_rules.meets_threshold(
                attended.get(p.id, 0), held=len(held), percent=percent
            ),
        )
        for p in access.approved_members(session, group_id=trajectory.group_id)
        if p.id != trajectory.supervisor_id
    ]


def _closable(
    session: Session, *, trajectory: Trajectory, now: datetime
) -> tuple[list[Meeting], int]:
    """The meetings held, and the agreed number; refused while anything is missing."""
    if trajectory.status in (TrajectoryStatus.COMPLETED, TrajectoryStatus.STOPPED):
        raise Conflict("guided.error.already_closed")
    if trajectory.status is not TrajectoryStatus.RUNNING or trajectory.agreed_meetings is None:
        raise Conflict("guided.error.not_running")
    meetings = trajectory_meetings(session, trajectory=trajectory)
    held = [m for m in meetings if m.attendance_registered_at is not None]
    if not held:
        raise Conflict("guided.error.nothing_registered")
    waiting = [m for m in meetings if m.attendance_registered_at is None and m.starts_at <= now]
    if waiting:
        raise Conflict("guided.error.unregistered", count=len(waiting))
    if len(held) < trajectory.agreed_meetings:
        raise Conflict(
            "guided.error.not_all_held", count=trajectory.agreed_meetings, held=len(held)
        )
    return held, trajectory.agreed_meetings


def close_form(
    session: Session, *, actor: Actor, trajectory_id: int, percent: int, now: datetime
) -> CloseForm:
    """The close modal's content, after the same checks closing makes (nothing is written)."""
    trajectory = supervised(session, actor=actor, trajectory_id=trajectory_id)
    held, agreed = _closable(session, trajectory=trajectory, now=now)
    assert trajectory.group is not None
    return CloseForm(
        trajectory_id=trajectory.id,
        group_number=trajectory.group.number,
        group_name=trajectory.group.name,
        agreed=agreed,
        held=len(held),
        percent=percent,
        required=guided_rules.required_meetings(len(held), percent=percent),
        participants=tuple(_tallies(session, trajectory=trajectory, held=held, percent=percent)),
    )


def close_trajectory(
    session: Session,
    *,
    actor: Actor,
    trajectory_id: int,
    percent: int,
    overrides: Collection[int],
    points: Decimal | None,
    now: datetime,
) -> CloseResult:
    """Afronden: status afgerond, a certificate for everyone at or above the threshold (and
    those the supervisor awards it below), the explanation for the others; once only."""
    trajectory = supervised(session, actor=actor, trajectory_id=trajectory_id, lock=True)
    held, _agreed = _closable(session, trajectory=trajectory, now=now)
    tallies = _tallies(session, trajectory=trajectory, held=held, percent=percent)
    below = {t.person_id for t in tallies if not t.meets}
    if not set(overrides) <= below:
        raise InvalidInput("error.bad_form")
    if points is not None and not 0 < points <= rules.MAX_REFLECTION_POINTS:
        raise InvalidInput("guided.error.points", field="points", given=str(points))
    trajectory.status = TrajectoryStatus.COMPLETED
    trajectory.closed_at = now
    trajectory.threshold_percent = percent
    trajectory.reflection_points = points
    required = guided_rules.required_meetings(len(held), percent=percent)
    certified = 0
    for tally in tallies:
        person = session.get_one(Person, tally.person_id)
        if tally.meets or tally.person_id in overrides:
            certificate = _issue(
                session,
                trajectory=trajectory,
                person=person,
                tally=tally,
                held=held,
                overridden=not tally.meets,
                now=now,
            )
            owe(
                session,
                intent=CompletionCertificateIssued(certificate_id=certificate.id),
                to=person,
                now=now,
                certificate_id=certificate.id,
            )
            certified += 1
        else:
            owe(
                session,
                intent=CompletionWithheld(
                    trajectory_id=trajectory.id,
                    attended=tally.attended,
                    held=len(held),
                    required=required,
                ),
                to=person,
                now=now,
            )
    record(
        session,
        team_id=actor.team_id,
        action="trajectory_closed",
        now=now,
        actor_id=actor.person_id,
        group_id=trajectory.group_id,
        details={
            "trajectory_id": trajectory.id,
            "held": len(held),
            "percent": percent,
            "certified": certified,
            "withheld": len(tallies) - certified,
            "overridden": len(overrides),
        },
    )
    _tell_closed(session, trajectory=trajectory, now=now)
    return CloseResult(certified=certified, withheld=len(tallies) - certified)


def _tell_closed(session: Session, *, trajectory: Trajectory, now: datetime) -> None:
    assert trajectory.group is not None
    closed = TrajectoryClosed(trajectory_id=trajectory.id)
    owe(session, intent=closed, to=trajectory.supervisor, now=now)
    if trajectory.group.contact_person_id != trajectory.supervisor_id:
        owe(session, intent=closed, to=trajectory.group.contact_person, now=now)


def _issue(
    session: Session,
    *,
    trajectory: Trajectory,
    person: Person,
    tally: Tally,
    held: list[Meeting],
    overridden: bool,
    now: datetime,
) -> Certificate:
    group = trajectory.group
    assert group is not None
    supervisor = trajectory.supervisor
    registration = registration_of(session, person_id=supervisor.id)
    certificate = Certificate(
        team_id=group.team_id,
        # A unique placeholder until the row has its id, which makes the public number unique.
        number=f"pending-{secrets.token_hex(8)}",
        verification_code=new_verification_code(),
        kind=CertificateKind.COMPLETION,
        status=CertificateStatus.VALID,
        person_id=person.id,
        group_id=group.id,
        holder_name=display_name(person),
        # The association's member number; the participant's own registers are named on their
        # deelnamebewijzen, per meeting.
        member_number=person.member_number,
        group_number=group.number,
        group_name=group.name,
        contact_person_name=display_name(group.contact_person),
        # The trajectory's last meeting dates it (lists, retention); its hours are the total.
        meeting_starts_at=held[-1].starts_at,
        net_minutes=tally.net_minutes,
        role=None,
        issued_at=now,
        trajectory_text=trajectory_name(trajectory, group),
        registered_by_name=display_name(supervisor),
        points=trajectory.reflection_points,
    )
    # The association that issues it, as on every deelnamebewijs.
    certificate.issuer_name, certificate.member_label = certificate_issuer(
        session, team_id=group.team_id, member_number=True
    )
    session.add(certificate)
    session.flush()
    certificate.number = f"{rules.COMPLETION_NUMBER_PREFIX}-{now.year}-{certificate.id:06d}"
    session.add(
        CompletionCertificate(
            certificate_id=certificate.id,
            trajectory_id=trajectory.id,
            meetings_attended=tally.attended,
            meetings_total=len(held),
            supervisor_name=display_name(supervisor),
            supervisor_register_key=registration.register_key if registration else None,
            supervisor_number=registration.number if registration else None,
            reflection_points=trajectory.reflection_points,
            first_meeting_at=held[0].starts_at,
            last_meeting_at=held[-1].starts_at,
            overridden=overridden,
        )
    )
    return certificate


def stop_trajectory(
    session: Session, *, actor: Actor, trajectory_id: int, reason: str, now: datetime
) -> Trajectory:
    """Stoppen: the trajectory ends early with a reason; no completion certificates (the
    deelnamebewijzen of the meetings held stay valid); everyone in the group is told."""
    trajectory = supervised(session, actor=actor, trajectory_id=trajectory_id, lock=True)
    if trajectory.status in (TrajectoryStatus.COMPLETED, TrajectoryStatus.STOPPED):
        raise Conflict("guided.error.already_closed")
    if trajectory.status is not TrajectoryStatus.RUNNING or trajectory.group is None:
        raise Conflict("guided.error.not_running")
    clean = guided_rules.check_reason(reason)
    trajectory.status = TrajectoryStatus.STOPPED
    trajectory.stop_reason = clean
    trajectory.closed_at = now
    record(
        session,
        team_id=actor.team_id,
        action="trajectory_stopped",
        now=now,
        actor_id=actor.person_id,
        group_id=trajectory.group_id,
        details={
            "trajectory_id": trajectory.id,
            "held": len(held_meetings(session, trajectory=trajectory)),
        },
    )
    stopped = TrajectoryStopped(trajectory_id=trajectory.id)
    for person in [
        *access.approved_members(session, group_id=trajectory.group.id),
        trajectory.supervisor,
    ]:
        owe(session, intent=stopped, to=person, now=now)
    return trajectory
