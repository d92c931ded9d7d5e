"""Calendar feeds and .ics files: per-member and per-group feeds at unguessable URLs, and the .ics
of one meeting as it is now (RFC 5545 via bot/exports/ical.py; SEQUENCE and STATUS from the meeting).
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, joinedload

from bot import rules
from bot.errors import NotFound
from bot.exports.ical import IcalEvent, build_calendar
from bot.i18n import Lang, lang_for, t_plain
from bot.services import method_catalogue
from bot.services.audit import record
from bot.services.trajectory_progress import (
    Progress,
    meeting_progress,
    positions_for_groups,
    progress_text,
)
from storage.models import Enrollment, EnrollmentStatus, Group, Meeting, MeetingStatus, Person


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


def _ical_event(
    session: Session, meeting: Meeting, lang: Lang, progress: Progress | None = None
) -> IcalEvent:
    group = meeting.group
    lines = []
    summary = t_plain(lang, "meeting.ics_summary", number=group.number, name=group.name)
    if progress is not None:
        # Guided groups: "bijeenkomst 3 van 6" in the title, where a calendar shows it.
        summary = f"{summary} · {progress_text(lang, progress)}"
    if meeting.theme:
        lines.append(t_plain(lang, "meeting.ics_theme", theme=meeting.theme))
    if meeting.method:
        method = method_catalogue.label(
            session, team_id=group.team_id, value=meeting.method, lang=lang
        )
        lines.append(t_plain(lang, "meeting.ics_method", method=method))
    if meeting.online_url:
        lines.append(meeting.online_url)
    return IcalEvent(
        uid=meeting.uid,
        summary=summary,
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


def meeting_ics(session: Session, *, meeting_id: int, lang: Lang, tz_name: str) -> bytes:
    """The .ics of one meeting as it is now (METHOD:CANCEL once cancelled)."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound("meeting.not_found")
    cancelled = meeting.status is MeetingStatus.CANCELLED
    progress = meeting_progress(session, meeting=meeting)
    return build_calendar(
        [_ical_event(session, meeting, lang, progress)],
        tz_name=tz_name,
        method="CANCEL" if cancelled else "PUBLISH",
    )


def meetings_ics(session: Session, *, meeting_ids: list[int], lang: Lang, tz_name: str) -> bytes:
    """The .ics of several meetings in one file (a series): one VEVENT each, with its own UID."""
    meetings = list(
        session.scalars(
            select(Meeting)
            .where(Meeting.id.in_(meeting_ids or [0]))
            .options(joinedload(Meeting.group))
            .order_by(Meeting.starts_at, Meeting.id)
        )
    )
    return build_calendar([_ical_event(session, m, lang) for m in meetings], tz_name=tz_name)


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
    # A supervisor is no member of the groups they guide, but leads their meetings.
    group_ids += list(
        session.scalars(
            select(Group.id).where(Group.supervisor_id == person.id, Group.archived_at.is_(None))
        )
    )
    meetings = _feed_meetings(session, group_ids=group_ids, now=now)
    progress = positions_for_groups(session, group_ids=group_ids)
    return build_calendar(
        [_ical_event(session, m, lang, progress.get(m.id)) for m in meetings],
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
    progress = positions_for_groups(session, group_ids=[group.id])
    return build_calendar(
        [_ical_event(session, m, "nl", progress.get(m.id)) for m in meetings],
        tz_name=tz_name,
        name=t_plain("nl", "meeting.ics_summary", number=group.number, name=group.name),
        refresh=rules.CALENDAR_REFRESH_INTERVAL,
    )


def has_groups(session: Session, *, person_id: int) -> bool:
    """True when the person is an approved member of at least one group, or guides one."""
    member = select(Enrollment.id).where(
        Enrollment.person_id == person_id, Enrollment.status == EnrollmentStatus.APPROVED
    )
    guides = select(Group.id).where(Group.supervisor_id == person_id, Group.archived_at.is_(None))
    # One statement either way: the App Home's statement count must not depend on the person.
    return bool(session.scalar(select(or_(member.exists(), guides.exists()))))
