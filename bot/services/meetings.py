"""Bijeenkomsten: plan, change ("wijzig") and cancel ("annuleer") meetings, owe the members a DM
with the .ics, and keep reminders in step (calendar feeds and .ics files: bot/services/calendar.py).

Only the contact person and the secretariat change meetings. Every change raises the meeting's
SEQUENCE so calendar clients replace the old version; a meeting keeps its UID for life.
"""

from __future__ import annotations

import enum
import re
import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session, joinedload

from bot import rules
from bot.actor import Actor
from bot.errors import Conflict, InvalidInput, NotFound
from bot.notify import Intent, owe
from bot.services import access, method_catalogue, planned_roles
from bot.services.audit import record
from bot.services.group_rights import require_not_ended
from bot.services.reminders import lead_minutes, sync_reminders
from storage.models import (
    DeliveryKind,
    Enrollment,
    EnrollmentStatus,
    Group,
    Meeting,
    MeetingStatus,
    Person,
)

_URL = re.compile(r"https?://\S+", re.IGNORECASE)


class Change(enum.StrEnum):
    """What happened to a meeting, as the members' DM says it."""

    PLANNED = "planned"
    CHANGED = "changed"
    CANCELLED = "cancelled"
    # A change modal submitted without any difference (only the planner hears of it).
    UNCHANGED = "unchanged"


@dataclass(frozen=True, kw_only=True)
class MeetingNotice(Intent):
    """A member gets the meeting's .ics in a DM: planned, changed or cancelled (at this SEQUENCE)."""

    KIND = "meeting_notice"
    TRANSPORT = DeliveryKind.FILE
    meeting_id: int
    sequence: int
    change: str


@dataclass(frozen=True, kw_only=True)
class MeetingSaved(Intent):
    """The planner, who used a modal (no response_url), gets the outcome and the list by DM."""

    KIND = "meeting_saved"
    meeting_id: int
    sequence: int
    outcome: str


@dataclass(frozen=True, kw_only=True)
class MeetingInput:
    """What the contact person typed, already parsed: start (aware UTC), minutes, place, theme,
    and the method's key (checked against the methods on offer when saved)."""

    starts_at: datetime
    duration_minutes: int
    place: str = ""
    theme: str = ""
    method: str = ""


def split_place(place: str) -> tuple[str, str]:
    """(location, online_url): a lone link is the online meeting's URL, anything else a location."""
    place = place.strip()
    if _URL.fullmatch(place):
        return "", place
    return place, ""


def is_past(meeting: Meeting, *, now: datetime) -> bool:
    """A meeting that has started is "in the past": it is registered, not announced."""
    return meeting.starts_at <= now


def get_meeting(session: Session, *, actor: Actor, meeting_id: int) -> Meeting:
    """A meeting by id (from a button), scoped to the actor's workspace; NotFound otherwise."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None or meeting.group.team_id != actor.team_id:
        raise NotFound("meeting.not_found")
    return meeting


def managed_meeting(session: Session, *, actor: Actor, meeting_id: int) -> Meeting:
    """A meeting of a group the actor manages (for the change modal); refused otherwise."""
    meeting = get_meeting(session, actor=actor, meeting_id=meeting_id)
    access.require_manager(meeting.group, actor=actor)
    return meeting


def plan_meeting(
    session: Session,
    *,
    actor: Actor,
    group_id: int,
    data: MeetingInput,
    now: datetime,
    confirm_by_dm: bool = False,
    announce: bool = True,
) -> Meeting:
    """Store a new meeting; members get a DM with an .ics (unless it is already in the past), and
    with `confirm_by_dm` the planner gets the outcome by DM. A series announces its meetings in one
    DM of its own (`announce=False`)."""
    group = access.group_by_id(session, team_id=actor.team_id, group_id=group_id)
    access.require_manager(group, actor=actor)
    require_not_ended(group)
    location, online_url = split_place(data.place)
    method = method_catalogue.choose(session, team_id=group.team_id, value=data.method)
    meeting = Meeting(
        group_id=group.id,
        uid=f"{uuid.uuid4()}@intervisie",
        starts_at=data.starts_at,
        duration_minutes=data.duration_minutes,
        location=location,
        online_url=online_url,
        theme=data.theme.strip(),
        method=method,
        status=MeetingStatus.PLANNED,
        sequence=0,
        created_by_id=actor.person_id,
        created_at=now,
        updated_at=now,
    )
    session.add(meeting)
    session.flush()
    sync_reminders(session, meeting=meeting, group=group, now=now)
    record(
        session,
        team_id=actor.team_id,
        action="meeting_planned",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        details={
            "meeting_id": meeting.id,
            "starts_at": meeting.starts_at.isoformat(),
            "duration_minutes": meeting.duration_minutes,
            "retroactive": is_past(meeting, now=now),
        },
    )
    if announce:
        _tell(session, meeting=meeting, change=Change.PLANNED, now=now)
    if confirm_by_dm:
        _confirm(session, actor=actor, meeting=meeting, change=Change.PLANNED, now=now)
    return meeting


def change_meeting(
    session: Session,
    *,
    actor: Actor,
    meeting_id: int,
    data: MeetingInput,
    now: datetime,
    confirm_by_dm: bool = False,
    announce: bool = True,
) -> Meeting:
    """Wijzig: new time, duration or place; SEQUENCE goes up, reminders move, members are told
    (by the series' own DM when `announce=False`)."""
    meeting = _editable(session, actor=actor, meeting_id=meeting_id)
    require_not_ended(meeting.group)
    location, online_url = split_place(data.place)
    before = (meeting.starts_at, meeting.duration_minutes)
    changes = {
        "starts_at": data.starts_at,
        "duration_minutes": data.duration_minutes,
        "location": location,
        "online_url": online_url,
        "theme": data.theme.strip(),
        "method": method_catalogue.choose(
            session, team_id=actor.team_id, value=data.method, current=meeting.method
        ),
    }
    changed = [name for name, value in changes.items() if getattr(meeting, name) != value]
    if not changed:
        if confirm_by_dm:
            _confirm(session, actor=actor, meeting=meeting, change=Change.UNCHANGED, now=now)
        return meeting
    for name in changed:
        setattr(meeting, name, changes[name])
    meeting.sequence += 1
    meeting.updated_at = now
    sync_reminders(session, meeting=meeting, group=meeting.group, now=now)
    planned_roles.after_meeting_change(session, meeting=meeting, changed=changed, now=now)
    record(
        session,
        team_id=actor.team_id,
        action="meeting_changed",
        now=now,
        actor_id=actor.person_id,
        group_id=meeting.group_id,
        details={
            "meeting_id": meeting.id,
            "fields": changed,
            "sequence": meeting.sequence,
            "starts_at_before": before[0].isoformat(),
            "duration_before": before[1],
        },
    )
    if announce:
        _tell(session, meeting=meeting, change=Change.CHANGED, now=now)
    if confirm_by_dm:
        _confirm(session, actor=actor, meeting=meeting, change=Change.CHANGED, now=now)
    return meeting


def cancel_meeting(
    session: Session,
    *,
    actor: Actor,
    meeting_id: int,
    now: datetime,
    announce: bool = True,
) -> Meeting:
    """Annuleer: the meeting is CANCELLED in every calendar, its reminders are dropped."""
    meeting = _editable(session, actor=actor, meeting_id=meeting_id)
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancelled_at = now
    meeting.sequence += 1
    meeting.updated_at = now
    sync_reminders(session, meeting=meeting, group=meeting.group, now=now)
    record(
        session,
        team_id=actor.team_id,
        action="meeting_cancelled",
        now=now,
        actor_id=actor.person_id,
        group_id=meeting.group_id,
        details={"meeting_id": meeting.id, "starts_at": meeting.starts_at.isoformat()},
    )
    if announce:
        _tell(session, meeting=meeting, change=Change.CANCELLED, now=now)
    return meeting


def _editable(session: Session, *, actor: Actor, meeting_id: int) -> Meeting:
    # Row lock: two clicks on Annuleer (or two windows) are applied one after the other, so the
    # second sees CANCELLED and changes nothing (SQLite serialises writers already).
    session.get(Meeting, meeting_id, with_for_update=True)
    meeting = managed_meeting(session, actor=actor, meeting_id=meeting_id)
    if meeting.status is MeetingStatus.CANCELLED:
        raise Conflict("meeting.already_cancelled")
    if meeting.attendance_registered_at is not None:
        # Certificates were issued for this time and duration; correct via the registration.
        raise Conflict("meeting.already_registered")
    return meeting


def _tell(session: Session, *, meeting: Meeting, change: Change, now: datetime) -> None:
    """Owe every member the meeting's .ics; a meeting already in the past is registered, not
    announced."""
    if is_past(meeting, now=now):
        return
    notice = MeetingNotice(meeting_id=meeting.id, sequence=meeting.sequence, change=change.value)
    for person in access.meeting_audience(session, group=meeting.group):
        owe(session, intent=notice, to=person, now=now)


def _confirm(
    session: Session, *, actor: Actor, meeting: Meeting, change: Change, now: datetime
) -> None:
    planner = session.get_one(Person, actor.person_id)
    owe(
        session,
        intent=MeetingSaved(meeting_id=meeting.id, sequence=meeting.sequence, outcome=change.value),
        to=planner,
        now=now,
    )


def listed_meetings(session: Session, *, group_id: int, now: datetime) -> list[Meeting]:
    """Geplande bijeenkomsten: planned ones still to come, and recent ones awaiting registration."""
    since = now - rules.MEETING_LIST_HISTORY
    return list(
        session.scalars(
            select(Meeting)
            .where(
                Meeting.group_id == group_id,
                Meeting.status == MeetingStatus.PLANNED,
                Meeting.starts_at >= since,
                or_(Meeting.starts_at > now, Meeting.attendance_registered_at.is_(None)),
            )
            .order_by(Meeting.starts_at, Meeting.id)
            .limit(rules.MEETING_LIST_MAX)
        )
    )


def upcoming_for_person(
    session: Session, *, person_id: int, now: datetime, limit: int = 5
) -> list[Meeting]:
    """Planned meetings still to come in all groups the person is an approved member of."""
    return list(
        session.scalars(
            select(Meeting)
            .join(Enrollment, Enrollment.group_id == Meeting.group_id)
            .where(
                Enrollment.person_id == person_id,
                Enrollment.status == EnrollmentStatus.APPROVED,
                Meeting.status == MeetingStatus.PLANNED,
                Meeting.starts_at > now,
            )
            # The lines show each meeting's group: load them in the same query (no N+1).
            .options(joinedload(Meeting.group))
            .order_by(Meeting.starts_at, Meeting.id)
            .limit(limit)
        )
    )


def _still_to_come(group_id: int, *, now: datetime) -> Select[Meeting]:
    """The group's planned meetings that have not started yet."""
    return select(Meeting).where(
        Meeting.group_id == group_id,
        Meeting.status == MeetingStatus.PLANNED,
        Meeting.starts_at > now,
    )


def upcoming_for_group(
    session: Session, *, group_id: int, now: datetime, limit: int = 3
) -> list[Meeting]:
    """The group's planned meetings still to come, soonest first (for a new member's welcome)."""
    return list(
        session.scalars(
            _still_to_come(group_id, now=now).order_by(Meeting.starts_at, Meeting.id).limit(limit)
        )
    )


# ---------------------------------------------------------------------------- reminder settings


def set_reminder_leads(
    session: Session,
    *,
    actor: Actor,
    group_id: int,
    leads: list[int],
    now: datetime,
) -> Group:
    """Change a group's reminder lead times; pending reminders of future meetings move with it."""
    group = access.group_by_id(session, team_id=actor.team_id, group_id=group_id)
    access.require_manager(group, actor=actor)
    if len(leads) > rules.MAX_REMINDER_LEADS:
        raise InvalidInput("reminders.error.too_many", count=rules.MAX_REMINDER_LEADS)
    before = lead_minutes(group)
    group.reminder_lead_minutes = sorted(set(leads), reverse=True)
    for meeting in session.scalars(_still_to_come(group.id, now=now)):
        sync_reminders(session, meeting=meeting, group=group, now=now)
    record(
        session,
        team_id=actor.team_id,
        action="reminder_leads_changed",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        details={"before": before, "after": group.reminder_lead_minutes},
    )
    return group
