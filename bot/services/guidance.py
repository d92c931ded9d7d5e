"""Verkennend gesprek (the intake): anyone asks a supervisor for an exploratory conversation about
guided intervision; the supervisor accepts (proposing a date for the intake, with their register
and number) or declines with a reason. The request is the trajectory in its first status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import guided_rules, rules
from bot.actor import Actor, Profile
from bot.errors import Conflict, InvalidInput
from bot.notify import Intent, owe, owe_update
from bot.parsing import clean_text, parse_name
from bot.services.audit import record
from bot.services.people import ensure_person
from bot.services.supervisors import check_supervisor_profile, record_registration
from bot.services.trajectories import supervised
from storage.models import DeliveryKind, Person, Trajectory, TrajectoryStatus

ORGANISATION_MAX = 200
CONTACT_MAX = 200
WISHES_MAX = 500


@dataclass(frozen=True, kw_only=True)
class GuidanceRequested(Intent):
    """The supervisor is asked for an exploratory conversation (a DM with Accept / Decline)."""

    KIND = "guidance_requested"
    trajectory_id: int


@dataclass(frozen=True, kw_only=True)
class GuidanceDecided(Intent):
    """The request DM is redrawn without the buttons: accepted (with the next step) or declined."""

    KIND = "guidance_decided"
    TRANSPORT = DeliveryKind.UPDATE
    trajectory_id: int


@dataclass(frozen=True, kw_only=True)
class GuidanceAnswered(Intent):
    """The requester hears the answer: the proposed intake date, or the reason for declining."""

    KIND = "guidance_answered"
    trajectory_id: int


@dataclass(frozen=True, kw_only=True)
class GuidanceDraft:
    """What the requester typed in the intake request modal."""

    organisation: str
    contact: str
    expected_participants: int | None
    wishes: str


def _clean_draft(draft: GuidanceDraft) -> GuidanceDraft:
    organisation = parse_name(draft.organisation, max_length=ORGANISATION_MAX, field="organisation")
    contact = clean_text(draft.contact)
    if len(contact) > CONTACT_MAX:
        raise InvalidInput("input.too_long", field="client_contact", count=CONTACT_MAX)
    wishes = clean_text(draft.wishes)
    if len(wishes) > WISHES_MAX:
        raise InvalidInput("input.too_long", field="wishes", count=WISHES_MAX)
    expected = draft.expected_participants
    low, high = rules.GUIDED_GROUP_MIN_MEMBERS, rules.GUIDED_GROUP_MAX_MEMBERS
    if expected is not None and not low <= expected <= high:
        raise InvalidInput("guided.error.participants", field="participants", low=low, count=high)
    return GuidanceDraft(
        organisation=organisation, contact=contact, expected_participants=expected, wishes=wishes
    )


def request_guidance(
    session: Session, *, actor: Actor, supervisor: Profile, draft: GuidanceDraft, now: datetime
) -> Trajectory:
    """Record the request and owe the supervisor the DM; the asker cannot be the supervisor, and
    one open request to the same supervisor is enough."""
    check_supervisor_profile(supervisor, actor_user_id=actor.user_id, field="supervisor")
    clean = _clean_draft(draft)
    person = ensure_person(session, profile=supervisor, now=now)
    open_one = session.scalars(
        select(Trajectory.id).where(
            Trajectory.requester_id == actor.person_id,
            Trajectory.supervisor_id == person.id,
            Trajectory.status == TrajectoryStatus.REQUESTED,
        )
    ).first()
    if open_one is not None:
        raise Conflict("guided.error.request_open", field="supervisor")
    trajectory = Trajectory(
        team_id=actor.team_id,
        status=TrajectoryStatus.REQUESTED,
        supervisor_id=person.id,
        requester_id=actor.person_id,
        client_name=clean.organisation,
        client_contact=clean.contact,
        expected_participants=clean.expected_participants,
        wishes=clean.wishes,
        requested_at=now,
    )
    session.add(trajectory)
    session.flush()
    record(
        session,
        team_id=actor.team_id,
        action="guidance_requested",
        now=now,
        actor_id=actor.person_id,
        subject_id=person.id,
        details={"trajectory_id": trajectory.id},
    )
    owe(session, intent=GuidanceRequested(trajectory_id=trajectory.id), to=person, now=now)
    return trajectory


def open_request(
    session: Session, *, actor: Actor, trajectory_id: int, lock: bool = False
) -> Trajectory:
    """A request the actor is the supervisor of and has not answered yet (refused otherwise)."""
    trajectory = supervised(session, actor=actor, trajectory_id=trajectory_id, lock=lock)
    if trajectory.status is not TrajectoryStatus.REQUESTED:
        raise Conflict("guided.error.already_answered")
    return trajectory


def _answered(session: Session, *, trajectory: Trajectory, now: datetime) -> None:
    supervisor = session.get_one(Person, trajectory.supervisor_id)
    owe_update(
        session,
        intent=GuidanceDecided(trajectory_id=trajectory.id),
        of=GuidanceRequested(trajectory_id=trajectory.id),
        to=supervisor,
        now=now,
    )
    if trajectory.requester is not None:
        owe(
            session,
            intent=GuidanceAnswered(trajectory_id=trajectory.id),
            to=trajectory.requester,
            now=now,
        )


def accept_guidance(
    session: Session,
    *,
    actor: Actor,
    trajectory_id: int,
    intake_at: datetime,
    register_key: str,
    number: str,
    now: datetime,
) -> Trajectory:
    """Accept: the intake is proposed for `intake_at` (in the future) and the supervisor's
    register number is recorded; the requester is told, the request DM redrawn."""
    trajectory = open_request(session, actor=actor, trajectory_id=trajectory_id, lock=True)
    if intake_at <= now:
        raise InvalidInput("guided.error.intake_past", field="intake_date")
    record_registration(
        session,
        person=session.get_one(Person, actor.person_id),
        register_key=register_key,
        raw_number=number,
        lang=actor.lang,
        now=now,
        register_field="register",
        number_field="register_number",
    )
    trajectory.status = TrajectoryStatus.INTAKE
    trajectory.intake_at = intake_at
    trajectory.decided_at = now
    record(
        session,
        team_id=actor.team_id,
        action="guidance_accepted",
        now=now,
        actor_id=actor.person_id,
        subject_id=trajectory.requester_id,
        details={"trajectory_id": trajectory.id, "intake_at": intake_at.isoformat()},
    )
    _answered(session, trajectory=trajectory, now=now)
    return trajectory


def decline_guidance(
    session: Session, *, actor: Actor, trajectory_id: int, reason: str, now: datetime
) -> Trajectory:
    """Decline with a reason (required: the requester should know where to turn next)."""
    trajectory = open_request(session, actor=actor, trajectory_id=trajectory_id, lock=True)
    clean = guided_rules.check_reason(reason)
    trajectory.status = TrajectoryStatus.DECLINED
    trajectory.decline_reason = clean
    trajectory.decided_at = now
    record(
        session,
        team_id=actor.team_id,
        action="guidance_declined",
        now=now,
        actor_id=actor.person_id,
        subject_id=trajectory.requester_id,
        details={"trajectory_id": trajectory.id},
    )
    _answered(session, trajectory=trajectory, now=now)
    return trajectory
