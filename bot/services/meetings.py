"""Bijeenkomsten: plan, change ("wijzig") and cancel ("annuleer") meetings, tell the members with an
.ics in a DM, keep reminders in step, and serve the calendar feeds' data.

Only the contact person and the secretariat change meetings. Every change raises the meeting's
SEQUENCE so calendar clients replace the old version; a meeting keeps its UID for life.
"""

from __future__ import annotations

import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, joinedload

from bot import rules
from bot.delivery import enqueue_file
from bot.errors import Conflict, InvalidInput, NotFound
from bot.exports.ical import IcalEvent, build_calendar
from bot.i18n import Lang, lang_for, t, t_plain
from bot.services import access
from bot.services.audit import record
from bot.services.meeting_text import person_tz, when, where
from bot.services.reminders import lead_minutes, sync_reminders
from storage.models import (
    Enrollment,
    EnrollmentStatus,
    Group,
    Meeting,
    MeetingStatus,
    Person,
)

ICS_RENDERER = "meeting_ics"
_URL = re.compile(r"https?://\S+", re.IGNORECASE)


@dataclass(frozen=True, kw_only=True)
class MeetingInput:
    """What the contact person typed, already parsed: start (aware UTC), minutes, place, theme."""

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


def get_meeting(session: Session, *, team_id: str, meeting_id: int) -> Meeting:
    """A meeting by id (from a button), scoped to the workspace; NotFound otherwise."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None or meeting.group.team_id != team_id:
        raise NotFound("meeting.not_found")
    return meeting


def plan_meeting(
    session: Session,
    *,
    team_id: str,
    group_id: int,
    actor_id: int,
    is_secretariat: bool,
    data: MeetingInput,
    now: datetime,
    default_tz: ZoneInfo,
) -> Meeting:
    """Store a new meeting; members get a DM with an .ics (unless it is already in the past)."""
    group = access.group_by_id(session, team_id=team_id, group_id=group_id)
    access.require_manager(group, person_id=actor_id, is_secretariat=is_secretariat)
    location, online_url = split_place(data.place)
    meeting = Meeting(
        group_id=group.id,
        uid=f"{uuid.uuid4()}@intervisie",
        starts_at=data.starts_at,
        duration_minutes=data.duration_minutes,
        location=location,
        online_url=online_url,
        theme=data.theme.strip(),
        method=data.method.strip(),
        status=MeetingStatus.PLANNED,
        sequence=0,
        created_by_id=actor_id,
        created_at=now,
        updated_at=now,
    )
    session.add(meeting)
    session.flush()
    sync_reminders(session, meeting=meeting, group=group, now=now)
    record(
        session,
        team_id=team_id,
        action="meeting_planned",
        now=now,
        actor_id=actor_id,
        group_id=group.id,
        details={
            "meeting_id": meeting.id,
            "starts_at": meeting.starts_at.isoformat(),
            "duration_minutes": meeting.duration_minutes,
            "retroactive": is_past(meeting, now=now),
        },
    )
    if not is_past(meeting, now=now):
        _notify_members(
            session, meeting=meeting, group=group, what="planned", now=now, tz=default_tz
        )
    return meeting


def change_meeting(
    session: Session,
    *,
    team_id: str,
    meeting_id: int,
    actor_id: int,
    is_secretariat: bool,
    data: MeetingInput,
    now: datetime,
    default_tz: ZoneInfo,
) -> Meeting:
    """Wijzig: new time, duration or place; SEQUENCE goes up, reminders move, members are told."""
    meeting = _editable(
        session, team_id=team_id, meeting_id=meeting_id, actor_id=actor_id, sec=is_secretariat
    )
    location, online_url = split_place(data.place)
    before = (meeting.starts_at, meeting.duration_minutes)
    changes = {
        "starts_at": data.starts_at,
        "duration_minutes": data.duration_minutes,
        "location": location,
        "online_url": online_url,
        "theme": data.theme.strip(),
        "method": data.method.strip(),
    }
    changed = [name for name, value in changes.items() if getattr(meeting, name) != value]
    if not changed:
        return meeting
    for name in changed:
        setattr(meeting, name, changes[name])
    meeting.sequence += 1
    meeting.updated_at = now
    sync_reminders(session, meeting=meeting, group=meeting.group, now=now)
    record(
        session,
        team_id=team_id,
        action="meeting_changed",
        now=now,
        actor_id=actor_id,
        group_id=meeting.group_id,
        details={
            "meeting_id": meeting.id,
            "fields": changed,
            "sequence": meeting.sequence,
            "starts_at_before": before[0].isoformat(),
            "duration_before": before[1],
        },
    )
    if not is_past(meeting, now=now):
        _notify_members(
            session, meeting=meeting, group=meeting.group, what="changed", now=now, tz=default_tz
        )
    return meeting


def cancel_meeting(
    session: Session,
    *,
    team_id: str,
    meeting_id: int,
    actor_id: int,
    is_secretariat: bool,
    now: datetime,
    default_tz: ZoneInfo,
) -> Meeting:
    """Annuleer: the meeting is CANCELLED in every calendar, its reminders are dropped."""
    meeting = _editable(
        session, team_id=team_id, meeting_id=meeting_id, actor_id=actor_id, sec=is_secretariat
    )
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancelled_at = now
    meeting.sequence += 1
    meeting.updated_at = now
    sync_reminders(session, meeting=meeting, group=meeting.group, now=now)
    record(
        session,
        team_id=team_id,
        action="meeting_cancelled",
        now=now,
        actor_id=actor_id,
        group_id=meeting.group_id,
        details={"meeting_id": meeting.id, "starts_at": meeting.starts_at.isoformat()},
    )
    if not is_past(meeting, now=now):
        _notify_members(
            session, meeting=meeting, group=meeting.group, what="cancelled", now=now, tz=default_tz
        )
    return meeting


def _editable(
    session: Session, *, team_id: str, meeting_id: int, actor_id: int, sec: bool
) -> Meeting:
    # Row lock: two clicks on Annuleer (or two windows) are applied one after the other, so the
    # second sees CANCELLED and changes nothing (SQLite serialises writers already).
    session.get(Meeting, meeting_id, with_for_update=True)
    meeting = get_meeting(session, team_id=team_id, meeting_id=meeting_id)
    access.require_manager(meeting.group, person_id=actor_id, is_secretariat=sec)
    if meeting.status is MeetingStatus.CANCELLED:
        raise Conflict("meeting.already_cancelled")
    if meeting.attendance_registered_at is not None:
        # Certificates were issued for this time and duration; correct via the registration.
        raise Conflict("meeting.already_registered")
    return meeting


def _notify_members(
    session: Session, *, meeting: Meeting, group: Group, what: str, now: datetime, tz: ZoneInfo
) -> None:
    for person in access.approved_members(session, group_id=group.id):
        lang = lang_for(person.locale)
        comment = t(
            lang,
            f"meeting.dm.{what}",
            number=group.number,
            name=group.name,
            when=when(meeting, lang, person_tz(person, tz)),
        ) + where(meeting, lang)
        if meeting.online_url:
            comment += "\n" + meeting.online_url
        local = meeting.starts_at.astimezone(tz)
        enqueue_file(
            session,
            team_id=group.team_id,
            user_id=person.slack_user_id,
            renderer=ICS_RENDERER,
            args={"meeting_id": meeting.id, "lang": lang},
            filename=f"intervisie-{group.number}-{local:%Y%m%d-%H%M}.ics",
            title=t_plain(lang, "meeting.ics_title", number=group.number, date=f"{local:%d-%m-%Y}"),
            comment=comment,
            dedupe_key=f"meeting-{what}:{meeting.id}:{meeting.sequence}:{person.id}",
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


# ---------------------------------------------------------------------------- reminder settings


def set_reminder_leads(
    session: Session,
    *,
    team_id: str,
    group_id: int,
    actor_id: int,
    is_secretariat: bool,
    leads: list[int],
    now: datetime,
) -> Group:
    """Change a group's reminder lead times; pending reminders of future meetings move with it."""
    group = access.group_by_id(session, team_id=team_id, group_id=group_id)
    access.require_manager(group, person_id=actor_id, is_secretariat=is_secretariat)
    if len(leads) > rules.MAX_REMINDER_LEADS:
        raise InvalidInput("reminders.error.too_many", max=rules.MAX_REMINDER_LEADS)
    before = lead_minutes(group)
    group.reminder_lead_minutes = sorted(set(leads), reverse=True)
    for meeting in session.scalars(
        select(Meeting).where(
            Meeting.group_id == group.id,
            Meeting.status == MeetingStatus.PLANNED,
            Meeting.starts_at > now,
        )
    ):
        sync_reminders(session, meeting=meeting, group=group, now=now)
    record(
        session,
        team_id=team_id,
        action="reminder_leads_changed",
        now=now,
        actor_id=actor_id,
        group_id=group.id,
        details={"before": before, "after": group.reminder_lead_minutes},
    )
    return group


# ---------------------------------------------------------------------------- calendar feeds


def new_calendar_token() -> str:
    """An unguessable feed token (256 bits)."""
    return secrets.token_urlsafe(32)


def ensure_calendar_token(session: Session, *, person_id: int) -> str:
    """The person's feed token, made on first use."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("meeting.not_found")
    if not person.calendar_token:
        person.calendar_token = new_calendar_token()
    return person.calendar_token


def reset_calendar_token(session: Session, *, person_id: int, now: datetime) -> str:
    """A new feed token; the old URL stops working at once (404)."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("meeting.not_found")
    person.calendar_token = new_calendar_token()
    record(
        session,
        team_id=person.team_id,
        action="calendar_token_reset",
        now=now,
        actor_id=person.id,
        subject_id=person.id,
    )
    return person.calendar_token


def feed_url(public_url: str, *, kind: str, token: str) -> str:
    """The subscribable URL of a member ("member") or group ("group") feed."""
    return f"{public_url.rstrip('/')}/ical/{kind}/{token}.ics"


def _ical_event(meeting: Meeting, lang: Lang) -> IcalEvent:
    group = meeting.group
    lines = []
    if meeting.theme:
        lines.append(t_plain(lang, "meeting.ics_theme", theme=meeting.theme))
    if meeting.method:
        lines.append(t_plain(lang, "meeting.ics_method", method=meeting.method))
    if meeting.online_url:
        lines.append(meeting.online_url)
    return IcalEvent(
        uid=meeting.uid,
        summary=t_plain(lang, "meeting.ics_summary", number=group.number, name=group.name),
        starts_at=meeting.starts_at,
        duration=timedelta(minutes=meeting.duration_minutes),
        sequence=meeting.sequence,
        cancelled=meeting.status is MeetingStatus.CANCELLED,
        created=meeting.created_at,
        last_modified=meeting.updated_at,
        location=meeting.location or meeting.online_url,
        url=meeting.online_url,
        description="\n".join(lines),
    )


def render_meeting_ics(session: Session, args: dict[str, Any], *, tz_name: str) -> bytes:
    """Outbox renderer: the .ics of one meeting as it is now (METHOD:CANCEL once cancelled)."""
    meeting = session.get(Meeting, int(args["meeting_id"]))
    if meeting is None:
        raise NotFound("meeting.not_found")
    lang: Lang = "en" if args.get("lang") == "en" else "nl"
    cancelled = meeting.status is MeetingStatus.CANCELLED
    return build_calendar(
        [_ical_event(meeting, lang)], tz_name=tz_name, method="CANCEL" if cancelled else "PUBLISH"
    )


def _feed_meetings(session: Session, *, group_ids: list[int], now: datetime) -> list[Meeting]:
    if not group_ids:
        return []
    return list(
        session.scalars(
            select(Meeting)
            .where(
                Meeting.group_id.in_(group_ids),
                Meeting.starts_at >= now - rules.CALENDAR_FEED_HISTORY,
            )
            # Every event's summary names its group: load them in the same query (no N+1).
            .options(joinedload(Meeting.group))
            .order_by(Meeting.starts_at, Meeting.id)
        )
    )


def member_feed(session: Session, *, token: str, now: datetime, tz_name: str) -> bytes | None:
    """The member's feed (all their groups), or None for an unknown or reset token."""
    person = session.scalars(select(Person).where(Person.calendar_token == token)).one_or_none()
    if person is None or person.anonymised_at is not None:
        return None
    lang = lang_for(person.locale)
    group_ids = list(
        session.scalars(
            select(Enrollment.group_id)
            .join(Group, Group.id == Enrollment.group_id)
            .where(
                Enrollment.person_id == person.id,
                Enrollment.status == EnrollmentStatus.APPROVED,
                Group.archived_at.is_(None),
            )
        )
    )
    meetings = _feed_meetings(session, group_ids=group_ids, now=now)
    return build_calendar(
        [_ical_event(m, lang) for m in meetings],
        tz_name=tz_name,
        name=t_plain(lang, "agenda.feed_name"),
        refresh=rules.CALENDAR_REFRESH_INTERVAL,
    )


def group_feed(session: Session, *, token: str, now: datetime, tz_name: str) -> bytes | None:
    """The group's feed, or None for an unknown token or an archived group."""
    group = session.scalars(
        select(Group).where(Group.calendar_token == token, Group.archived_at.is_(None))
    ).one_or_none()
    if group is None:
        return None
    meetings = _feed_meetings(session, group_ids=[group.id], now=now)
    return build_calendar(
        [_ical_event(m, "nl") for m in meetings],
        tz_name=tz_name,
        name=t_plain("nl", "meeting.ics_summary", number=group.number, name=group.name),
        refresh=rules.CALENDAR_REFRESH_INTERVAL,
    )


def has_groups(session: Session, *, person_id: int) -> bool:
    """True when the person is an approved member of at least one group."""
    return (
        session.scalars(
            select(Enrollment.id).where(
                Enrollment.person_id == person_id, Enrollment.status == EnrollmentStatus.APPROVED
            )
        ).first()
        is not None
    )
