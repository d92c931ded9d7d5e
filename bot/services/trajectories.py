"""A guided trajectory starts (from an accepted intake, or directly by a supervisor): the agreement
is recorded and the guided group is created with its number; the supervisor sets the reader's
link; after the end the contact person continues the group as a peer group."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import guided_rules, rules
from bot.actor import Actor
from bot.errors import Conflict, InvalidInput, NotAllowed, NotFound
from bot.notify import Intent, owe
from bot.parsing import clean_text, parse_name
from bot.services import access
from bot.services.audit import record
from bot.services.groups import allocate_group_number
from bot.services.people import display_name
from bot.services.supervisors import record_registration
from storage.models import (
    Enrollment,
    EnrollmentStatus,
    Group,
    GroupForm,
    GroupKind,
    Person,
    Trajectory,
    TrajectoryStatus,
)

NAME_MAX = 120
REGION_MAX = 120
CLIENT_MAX = 200


@dataclass(frozen=True, kw_only=True)
class TrajectoryStarted(Intent):
    """The contact person gets the group's number to pass on; the supervisor a confirmation."""

    KIND = "trajectory_started"
    trajectory_id: int


@dataclass(frozen=True, kw_only=True)
class ReaderShared(Intent):
    """A participant gets the link to the reader (the theory of intervision)."""

    KIND = "reader_shared"
    KEY_FIELDS = ("trajectory_id", "version")
    trajectory_id: int
    version: str


@dataclass(frozen=True, kw_only=True)
class ContinuedAsPeerGroup(Intent):
    """Members hear that the group goes on by itself (5–10 from now on); the supervisor that
    they have left it."""

    KIND = "continued_as_peer_group"
    trajectory_id: int


@dataclass(frozen=True, kw_only=True)
class StartDraft:
    """The start-trajectory modal, parsed: the group, the agreement and the supervisor's number."""

    name: str
    region: str
    form: GroupForm
    max_participants: int
    agreed_meetings: int
    quote_accepted_on: date | None
    price_per_participant: Decimal | None
    client_name: str
    client_contact: str
    reader_url: str
    register_key: str
    register_number: str


def _clean(draft: StartDraft) -> StartDraft:
    region, client, contact = (
        clean_text(draft.region),
        clean_text(draft.client_name),
        clean_text(draft.client_contact),
    )
    for value, field, limit in (
        (region, "region", REGION_MAX),
        (client, "client_name", CLIENT_MAX),
        (contact, "client_contact", CLIENT_MAX),
    ):
        if len(value) > limit:
            raise InvalidInput("input.too_long", field=field, count=limit)
    return StartDraft(
        name=parse_name(draft.name, max_length=NAME_MAX, field="name"),
        region=region,
        form=draft.form,
        max_participants=guided_rules.check_participants(draft.max_participants),
        agreed_meetings=guided_rules.check_agreed_meetings(draft.agreed_meetings),
        quote_accepted_on=draft.quote_accepted_on,
        price_per_participant=draft.price_per_participant,
        client_name=client,
        client_contact=contact,
        reader_url=guided_rules.check_reader_url(draft.reader_url),
        register_key=draft.register_key,
        register_number=draft.register_number,
    )


def supervised(
    session: Session, *, actor: Actor, trajectory_id: int, lock: bool = False
) -> Trajectory:
    """A trajectory of this workspace that the actor supervises; refused for anyone else."""
    query = select(Trajectory).where(Trajectory.id == trajectory_id)
    if lock:
        query = query.with_for_update()
    trajectory = session.scalars(query).one_or_none()
    if trajectory is None or trajectory.team_id != actor.team_id:
        raise NotFound("guided.error.not_found")
    if trajectory.supervisor_id != actor.person_id:
        raise NotAllowed("guided.error.not_supervisor")
    return trajectory


def startable(session: Session, *, actor: Actor, trajectory_id: int) -> Trajectory:
    """An accepted intake the actor supervises, not yet started (before the start modal)."""
    trajectory = supervised(session, actor=actor, trajectory_id=trajectory_id)
    if trajectory.status is TrajectoryStatus.REQUESTED:
        raise Conflict("guided.error.accept_first")
    if trajectory.status is not TrajectoryStatus.INTAKE:
        raise Conflict("guided.error.already_started")
    return trajectory


def start_trajectory(
    session: Session,
    *,
    actor: Actor,
    trajectory_id: int | None,
    draft: StartDraft,
    now: datetime,
) -> Trajectory:
    """Record the agreement and create the guided group with its number. From an intake the
    requester becomes contact person (and a participant); started directly, the supervisor is
    contact person. The supervisor is never a member: not counted, no certificates."""
    clean = _clean(draft)
    supervisor = session.get_one(Person, actor.person_id)
    if trajectory_id is None:
        trajectory = Trajectory(
            team_id=actor.team_id,
            status=TrajectoryStatus.INTAKE,
            supervisor_id=supervisor.id,
            requested_at=now,
        )
        session.add(trajectory)
    else:
        trajectory = supervised(session, actor=actor, trajectory_id=trajectory_id, lock=True)
        if trajectory.status is not TrajectoryStatus.INTAKE:
            raise Conflict("guided.error.already_started")
    registration = record_registration(
        session,
        person=supervisor,
        register_key=clean.register_key,
        raw_number=clean.register_number,
        lang=actor.lang,
        now=now,
        register_field="register",
        number_field="register_number",
    )
    contact = trajectory.requester or supervisor
    group = Group(
        team_id=actor.team_id,
        number=allocate_group_number(session, team_id=actor.team_id),
        name=clean.name,
        region=clean.region,
        form=clean.form,
        kind=GroupKind.GUIDED,
        max_members=clean.max_participants,
        open_for_requests=True,
        contact_person_id=contact.id,
        supervisor_id=supervisor.id,
        supervisor_name=display_name(supervisor),
        planned_meeting_count=clean.agreed_meetings,
        rotation_period_months=rules.DEFAULT_ROTATION_PERIOD_MONTHS,
        reminder_lead_minutes=[int(d.total_seconds() // 60) for d in rules.DEFAULT_REMINDER_LEADS],
        calendar_token=secrets.token_urlsafe(32),
        created_at=now,
    )
    session.add(group)
    session.flush()
    if contact.id != supervisor.id:
        session.add(
            Enrollment(
                group_id=group.id,
                person_id=contact.id,
                status=EnrollmentStatus.APPROVED,
                requested_at=now,
                decided_at=now,
                decided_by_id=supervisor.id,
            )
        )
    trajectory.group_id = group.id
    trajectory.status = TrajectoryStatus.RUNNING
    trajectory.agreed_meetings = clean.agreed_meetings
    trajectory.quote_accepted_on = clean.quote_accepted_on
    trajectory.price_per_participant = clean.price_per_participant
    trajectory.client_name = clean.client_name or trajectory.client_name
    trajectory.client_contact = clean.client_contact or trajectory.client_contact
    trajectory.reader_url = clean.reader_url
    trajectory.started_at = now
    session.flush()
    record(
        session,
        team_id=actor.team_id,
        action="trajectory_started",
        now=now,
        actor_id=supervisor.id,
        group_id=group.id,
        subject_id=contact.id,
        details={
            "trajectory_id": trajectory.id,
            "number": group.number,
            "agreed_meetings": clean.agreed_meetings,
            "register": registration.register_key,
        },
    )
    started = TrajectoryStarted(trajectory_id=trajectory.id)
    owe(session, intent=started, to=supervisor, now=now)
    if contact.id != supervisor.id:
        owe(session, intent=started, to=contact, now=now)
    return trajectory


def set_reader(
    session: Session, *, actor: Actor, trajectory_id: int, url: str, now: datetime
) -> Trajectory:
    """The supervisor sets (or changes) the reader's link; members have it by DM at once, and
    those who join later get it with their welcome."""
    trajectory = supervised(session, actor=actor, trajectory_id=trajectory_id, lock=True)
    if trajectory.status is not TrajectoryStatus.RUNNING or trajectory.group_id is None:
        raise Conflict("guided.error.not_running")
    clean = guided_rules.check_reader_url(url)
    if clean == trajectory.reader_url:
        return trajectory
    trajectory.reader_url = clean
    record(
        session,
        team_id=actor.team_id,
        action="trajectory_reader_set",
        now=now,
        actor_id=actor.person_id,
        group_id=trajectory.group_id,
        details={"trajectory_id": trajectory.id, "set": bool(clean)},
    )
    if clean:
        version = now.isoformat()
        for person in access.approved_members(session, group_id=trajectory.group_id):
            owe(
                session,
                intent=ReaderShared(trajectory_id=trajectory.id, version=version),
                to=person,
                now=now,
            )
    return trajectory


def continue_as_peer_group(
    session: Session, *, actor: Actor, trajectory_id: int, now: datetime
) -> Group:
    """Zelfstandig verder: after the trajectory the group goes on as a peer group with the same
    number, members and history; the 5–10 rule applies from now on and the supervisor leaves."""
    trajectory = session.scalars(
        select(Trajectory).where(Trajectory.id == trajectory_id).with_for_update()
    ).one_or_none()
    if trajectory is None or trajectory.team_id != actor.team_id or trajectory.group is None:
        raise NotFound("guided.error.not_found")
    group = trajectory.group
    if not (actor.is_secretariat or group.contact_person_id == actor.person_id):
        raise NotAllowed("guided.error.not_contact", number=group.number)
    if trajectory.continued_at is not None:
        raise Conflict("guided.error.already_continued", number=group.number)
    if trajectory.status not in (TrajectoryStatus.COMPLETED, TrajectoryStatus.STOPPED):
        raise Conflict("guided.error.continue_running", number=group.number)
    if group.contact_person_id == trajectory.supervisor_id:
        raise Conflict("guided.error.continue_handover", number=group.number)
    supervisor = session.get_one(Person, trajectory.supervisor_id)
    group.kind = GroupKind.PEER
    group.supervisor_id = None
    group.planned_meeting_count = None
    # Room to grow: a peer group has up to ten members.
    group.max_members = rules.PEER_GROUP_MAX_MEMBERS
    trajectory.continued_at = now
    record(
        session,
        team_id=actor.team_id,
        action="trajectory_continued",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        details={"trajectory_id": trajectory.id},
    )
    notice = ContinuedAsPeerGroup(trajectory_id=trajectory.id)
    for person in [*access.approved_members(session, group_id=group.id), supervisor]:
        owe(session, intent=notice, to=person, now=now)
    return group
