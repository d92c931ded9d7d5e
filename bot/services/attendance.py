"""Deelname registratie: the contact person records who was present in which role, and every
present member gets a deelnamebewijs; a correction supersedes or revokes what changed.

The role rotation it shows in the form is bot/services/rotation.py.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import rules
from bot.actor import Actor
from bot.errors import Conflict, InvalidInput, NotAllowed, NotFound
from bot.notify import owe
from bot.services import access, certificates, planned_roles, reflections, verslag
from bot.services.accreditations import register_changed
from bot.services.audit import record
from bot.services.people import display_name
from bot.services.profiles import without_hours
from bot.services.rotation import RotationStatus
from bot.services.rotation import rotation as rotation_counts
from bot.services.trajectory_progress import progress_line
from storage.models import Attendance, Group, Meeting, MeetingStatus, Person, Role

# At most this many past meetings are offered when picking one to (re)register.
PICKER_MEETINGS = 10


@dataclass(frozen=True, kw_only=True)
class MemberLine:
    """One line of the registration form: a member and what is registered for them now."""

    person_id: int
    name: str
    present: bool
    role: Role | None


@dataclass(frozen=True, kw_only=True)
class RegistrationForm:
    """Everything the registration modal shows."""

    meeting_id: int
    group_number: int
    group_name: str
    starts_at: datetime
    duration_minutes: int
    net_minutes: int
    registered_at: datetime | None
    members: tuple[MemberLine, ...]
    rotation: tuple[RotationStatus, ...]
    rotation_start: date
    rotation_end: date
    # A guided group's supervisor leads the meeting: named in the form, never a line in it.
    supervisor_name: str = ""
    # "bijeenkomst 3 van 6" in a guided trajectory.
    progress: str = ""


@dataclass(frozen=True, kw_only=True)
class RegistrationResult:
    """What a submitted registration changed."""

    meeting_id: int
    group_number: int
    starts_at: datetime
    present: int
    absent: int
    issued: int
    superseded: int
    revoked: int


def role_warnings(roles: Mapping[int, Role | None]) -> list[str]:
    """Translation keys of the "one facilitator and one inbrenger" norm broken (warn, not block)."""
    counts = Counter(role for role in roles.values() if role is not None)
    warnings = []
    if counts[Role.FACILITATOR] == 0:
        warnings.append("attendance.warn.no_facilitator")
    elif counts[Role.FACILITATOR] > 1:
        warnings.append("attendance.warn.many_facilitators")
    if counts[Role.PRESENTER] == 0:
        warnings.append("attendance.warn.no_presenter")
    elif counts[Role.PRESENTER] > 1:
        warnings.append("attendance.warn.many_presenters")
    return warnings


def _managed_meeting(
    session: Session, *, actor: Actor, meeting_id: int, lock: bool = False
) -> tuple[Meeting, Group]:
    query = select(Meeting).where(Meeting.id == meeting_id)
    if lock:
        # Two submits of the same registration (double click, two tabs) are applied one by one.
        query = query.with_for_update()
    meeting = session.scalars(query).one_or_none()
    if meeting is None:
        raise NotFound("attendance.meeting_not_found")
    group = session.get(Group, meeting.group_id)
    if group is None or group.team_id != actor.team_id or group.archived_at is not None:
        raise NotFound("attendance.meeting_not_found")
    if not access.can_manage(group, actor=actor):
        raise NotAllowed("attendance.not_manager", number=group.number)
    return meeting, group


def _registrable(meeting: Meeting, *, now: datetime) -> None:
    if meeting.status is MeetingStatus.CANCELLED:
        raise Conflict("attendance.meeting_cancelled")
    if meeting.starts_at > now:
        raise Conflict("attendance.meeting_in_future")


def _people_of(session: Session, *, group: Group, meeting: Meeting) -> list[Person]:
    """Approved members plus anyone already registered (who may have left since)."""
    people = {p.id: p for p in access.approved_members(session, group_id=group.id)}
    registered = session.scalars(
        select(Person)
        .join(Attendance, Attendance.person_id == Person.id)
        .where(Attendance.meeting_id == meeting.id)
    ).all()
    for person in registered:
        people.setdefault(person.id, person)
    return sorted(people.values(), key=lambda p: (display_name(p).lower(), p.id))


def registration_form(
    session: Session,
    *,
    actor: Actor,
    meeting_id: int,
    now: datetime,
    tz: tzinfo,
) -> RegistrationForm:
    """The registration modal's content: members with their current choice, duration, rotation."""
    meeting, group = _managed_meeting(session, actor=actor, meeting_id=meeting_id)
    _registrable(meeting, now=now)
    people = _people_of(session, group=group, meeting=meeting)
    existing = {
        a.person_id: a
        for a in session.scalars(select(Attendance).where(Attendance.meeting_id == meeting.id))
    }
    # Before the first registration, the roles planned ahead fill in the form.
    planned = {} if existing else planned_roles.planned_by_person(session, meeting_id=meeting.id)
    lines = tuple(
        MemberLine(
            person_id=p.id,
            name=display_name(p),
            present=existing[p.id].present if p.id in existing else p.id in planned,
            role=existing[p.id].role
            if p.id in existing and existing[p.id].present
            else planned.get(p.id),
        )
        for p in people
    )
    net = next(
        (a.net_minutes for a in existing.values() if a.present and a.net_minutes),
        meeting.duration_minutes,
    )
    members = access.approved_members(session, group_id=group.id)
    statuses, start, end = rotation_counts(
        session, group=group, members=members, today=meeting.starts_at.astimezone(tz).date(), tz=tz
    )
    return RegistrationForm(
        meeting_id=meeting.id,
        group_number=group.number,
        group_name=group.name,
        starts_at=meeting.starts_at,
        duration_minutes=meeting.duration_minutes,
        net_minutes=net,
        registered_at=meeting.attendance_registered_at,
        members=lines,
        rotation=statuses,
        rotation_start=start,
        rotation_end=end,
        supervisor_name=display_name(group.supervisor) if group.supervisor else "",
        progress=progress_line(session, meeting=meeting, lang=actor.lang),
    )


def meetings_to_register(
    session: Session,
    *,
    actor: Actor,
    number: int,
    now: datetime,
) -> tuple[Group, Meeting | None, list[Meeting]]:
    """The group's latest past meeting without registration (or None) and recent past meetings."""
    group = access.group_by_number(session, team_id=actor.team_id, number=number)
    if not access.can_manage(group, actor=actor):
        raise NotAllowed("attendance.not_manager", number=group.number)
    past = list(
        session.scalars(
            select(Meeting)
            .where(
                Meeting.group_id == group.id,
                Meeting.status == MeetingStatus.PLANNED,
                Meeting.starts_at <= now,
            )
            .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
            .limit(PICKER_MEETINGS)
        )
    )
    open_meeting = next((m for m in past if m.attendance_registered_at is None), None)
    return group, open_meeting, past


def register_attendance(
    session: Session,
    *,
    actor: Actor,
    meeting_id: int,
    roles: Mapping[int, Role | None],
    net_minutes: int,
    now: datetime,
) -> RegistrationResult:
    """Store attendance (role None = absent) and issue, supersede or revoke certificates.

    Unchanged attendees keep their certificate and are sent nothing; changed ones get a new
    certificate (the old one superseded); people now absent have theirs revoked. PDFs and DMs go
    through the outbox in this same transaction.
    """
    meeting, group = _managed_meeting(session, actor=actor, meeting_id=meeting_id, lock=True)
    _registrable(meeting, now=now)
    step = int(rules.MEETING_DURATION_STEP.total_seconds() // 60)
    if not step <= net_minutes <= rules.MAX_MEETING_DURATION.total_seconds() // 60:
        raise InvalidInput("attendance.bad_duration")
    allowed = {p.id: p for p in _people_of(session, group=group, meeting=meeting)}
    if any(pid not in allowed for pid in roles):
        raise Conflict("attendance.not_a_member")

    existing = {
        a.person_id: a
        for a in session.scalars(select(Attendance).where(Attendance.meeting_id == meeting.id))
    }
    issued = superseded = revoked = 0
    # Clients and experts by experience (seed 003) are recorded present with their role but
    # without hours: no certificate, nothing on a meter.
    no_hours = without_hours(session, person_ids=list(roles), team_id=group.team_id)
    for pid, role in roles.items():
        person = allowed[pid]
        present = role is not None
        counted = present and pid not in no_hours
        row = existing.get(pid)
        if row is None:
            row = Attendance(meeting_id=meeting.id, person_id=pid, registered_at=now)
            session.add(row)
        row.present = present
        row.role = role
        row.net_minutes = net_minutes if counted else 0
        row.registered_at = now
        row.registered_by_id = actor.person_id
        session.flush()

        current = certificates.valid_certificate(session, meeting_id=meeting.id, person_id=pid)
        if not counted:
            if current is not None:
                certificates.revoke(current, now=now)
                revoked += 1
                owe(
                    session,
                    intent=certificates.CertificateRevoked(certificate_id=current.id),
                    to=person,
                    now=now,
                )
            continue
        if (
            current is not None
            and current.role == role
            and current.net_minutes == net_minutes
            and not register_changed(session, certificate=current, group=group)
        ):
            continue  # unchanged: keeps its certificate, gets nothing new
        new = certificates.issue(
            session, attendance=row, meeting=meeting, group=group, person=person, now=now
        )
        if current is not None:
            certificates.supersede(current, new=new, now=now)
            superseded += 1
        issued += 1
        certificates.owe_certificate(
            session, certificate=new, person=person, now=now, corrected=current is not None
        )

    correction = meeting.attendance_registered_at is not None
    meeting.attendance_registered_at = now
    present_people = [allowed[pid] for pid, role in roles.items() if role is not None]
    reflections.owe_prompts(session, meeting=meeting, group=group, present=present_people, now=now)
    # The signed verslag: each present participant is asked once whether they signed it.
    verslag.ask_present(session, meeting=meeting, group=group, present=present_people, now=now)
    present_count = sum(1 for role in roles.values() if role is not None)
    record(
        session,
        team_id=actor.team_id,
        action="attendance_corrected" if correction else "attendance_registered",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        details={
            "meeting_id": meeting.id,
            "present": present_count,
            "absent": len(roles) - present_count,
            "net_minutes": net_minutes,
            "issued": issued,
            "superseded": superseded,
            "revoked": revoked,
        },
    )
    return RegistrationResult(
        meeting_id=meeting.id,
        group_number=group.number,
        starts_at=meeting.starts_at,
        present=present_count,
        absent=len(roles) - present_count,
        issued=issued,
        superseded=superseded,
        revoked=revoked,
    )
