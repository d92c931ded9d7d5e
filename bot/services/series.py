"""Series: a rhythm planned in one go ("elke laatste vrijdag van de maand, 14:00-16:00, 6 keer",
"om de 8 weken"). Each date becomes a meeting of its own (its own UID, reminders, Wijzig and
Annuleer); the rest of a series can be changed or cancelled at once. Times stay local: 14:00 is
14:00 on both sides of a DST change.

Who is told what: members get one DM with a single .ics holding every meeting of the series (not
one DM per meeting), again when the rest of the series changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import agreement_rules as arules
from bot import rules
from bot.actor import Actor
from bot.errors import Conflict, InvalidInput, NotFound
from bot.notify import Intent, owe
from bot.rhythm import Rhythm, series_dates
from bot.services import access
from bot.services.audit import record
from bot.services.meetings import MeetingInput, cancel_meeting, change_meeting, plan_meeting
from bot.timeparse import local_instant
from storage.models import (
    DeliveryKind,
    Group,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    SeriesMeeting,
)


@dataclass(frozen=True, kw_only=True)
class SeriesNotice(Intent):
    """A member gets every meeting of a series in one .ics: planned, or the rest changed or
    cancelled (`change`), at this revision of the series."""

    KIND = "series_notice"
    TRANSPORT = DeliveryKind.FILE
    series_id: int
    revision: int
    change: str


@dataclass(frozen=True, kw_only=True)
class SeriesInput:
    """The first date and wall-clock start, the rule, how many, how long and where."""

    first_day: date
    at: time
    rhythm: Rhythm
    count: int
    duration_minutes: int
    place: str = ""


def _starts(days: list[date], *, at: time, tz: tzinfo) -> list[datetime]:
    # Each date gets the same wall-clock time in the zone; a time the clocks skip or repeat that
    # night is refused with the date named (bot/timeparse.py), never shifted silently.
    return [local_instant(day, at, tz=tz) for day in days]


def plan_series(
    session: Session,
    *,
    actor: Actor,
    group_id: int,
    data: SeriesInput,
    tz: tzinfo,
    today: date,
    now: datetime,
    retention_years: int = rules.DEFAULT_RETENTION_YEARS,
) -> MeetingSeries:
    """Plan every meeting of the series, or none: a refusal (a date past the two-year horizon, a
    first meeting in the past, a time that does not exist) writes nothing."""
    group = access.group_by_id(session, team_id=actor.team_id, group_id=group_id)
    access.require_manager(group, actor=actor)
    if not arules.SERIES_MIN_MEETINGS <= data.count <= arules.SERIES_MAX_MEETINGS:
        raise InvalidInput(
            "series.error.count",
            field="count",
            count=arules.SERIES_MAX_MEETINGS,
            min=arules.SERIES_MIN_MEETINGS,
        )
    try:
        days = series_dates(data.first_day, data.rhythm, count=data.count)
    except InvalidInput as error:
        raise InvalidInput(error.key, field="first_day", **error.params) from None
    _, latest = rules.allowed_dates(today=today, retention_years=retention_years)
    if days[-1] > latest:
        raise InvalidInput(
            "series.error.too_long",
            field="count",
            last=days[-1].strftime("%d-%m-%Y"),
            latest=latest.strftime("%d-%m-%Y"),
        )
    try:
        starts = _starts(days, at=data.at, tz=tz)
    except InvalidInput as error:
        raise InvalidInput(error.key, field="start", **error.params) from None
    if starts[0] <= now:
        raise InvalidInput("series.error.past", field="first_day")
    series = MeetingSeries(
        group_id=group.id,
        rule=data.rhythm.code,
        local_time=data.at.strftime("%H:%M"),
        duration_minutes=data.duration_minutes,
        count=data.count,
        revision=0,
        created_by_id=actor.person_id,
        created_at=now,
    )
    session.add(series)
    session.flush()
    for position, starts_at in enumerate(starts):
        meeting = plan_meeting(
            session,
            actor=actor,
            group_id=group.id,
            data=MeetingInput(
                starts_at=starts_at, duration_minutes=data.duration_minutes, place=data.place
            ),
            now=now,
            announce=False,
        )
        session.add(SeriesMeeting(series_id=series.id, meeting_id=meeting.id, position=position))
    session.flush()
    record(
        session,
        team_id=actor.team_id,
        action="series_planned",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        details={"series_id": series.id, "rule": series.rule, "count": data.count},
    )
    _tell(session, series=series, group=group, change="planned", now=now)
    return series


def _tell(
    session: Session, *, series: MeetingSeries, group: Group, change: str, now: datetime
) -> None:
    notice = SeriesNotice(series_id=series.id, revision=series.revision, change=change)
    for person in access.approved_members(session, group_id=group.id):
        owe(session, intent=notice, to=person, now=now)


def series_meetings(session: Session, *, series_id: int) -> list[Meeting]:
    """Every meeting of the series in order (cancelled ones included)."""
    return list(
        session.scalars(
            select(Meeting)
            .join(SeriesMeeting, SeriesMeeting.meeting_id == Meeting.id)
            .where(SeriesMeeting.series_id == series_id)
            .order_by(SeriesMeeting.position)
        )
    )


def rest_of(session: Session, *, series_id: int, now: datetime) -> list[Meeting]:
    """The meetings of the series still to come: planned, not started, not registered."""
    return [
        m
        for m in series_meetings(session, series_id=series_id)
        if m.status is MeetingStatus.PLANNED
        and m.starts_at > now
        and m.attendance_registered_at is None
    ]


def managed_series(session: Session, *, actor: Actor, series_id: int) -> MeetingSeries:
    """A series of a group the actor manages; NotFound or refused otherwise."""
    series = session.get(MeetingSeries, series_id, with_for_update=True)
    if series is None:
        raise NotFound("series.not_found")
    group = access.group_by_id(session, team_id=actor.team_id, group_id=series.group_id)
    access.require_manager(group, actor=actor)
    return series


def group_series(session: Session, *, group_id: int, now: datetime) -> list[MeetingSeries]:
    """The group's series that still have meetings to come, newest first."""
    found = session.scalars(
        select(MeetingSeries)
        .where(MeetingSeries.group_id == group_id)
        .order_by(MeetingSeries.created_at.desc(), MeetingSeries.id.desc())
    )
    return [s for s in found if rest_of(session, series_id=s.id, now=now)]


def change_rest(
    session: Session,
    *,
    actor: Actor,
    series_id: int,
    at: time,
    duration_minutes: int,
    place: str,
    tz: tzinfo,
    now: datetime,
) -> list[Meeting]:
    """Give every meeting still to come the new start time (on its own date), length and place;
    members get one DM with the series' new .ics. Returns the meetings that changed."""
    series = managed_series(session, actor=actor, series_id=series_id)
    rest = rest_of(session, series_id=series.id, now=now)
    if not rest:
        raise Conflict("series.nothing_left")
    try:
        starts = _starts([m.starts_at.astimezone(tz).date() for m in rest], at=at, tz=tz)
    except InvalidInput as error:
        raise InvalidInput(error.key, field="start", **error.params) from None
    changed = []
    for meeting, starts_at in zip(rest, starts, strict=True):
        before = meeting.sequence
        change_meeting(
            session,
            actor=actor,
            meeting_id=meeting.id,
            data=MeetingInput(
                starts_at=starts_at,
                duration_minutes=duration_minutes,
                place=place,
                theme=meeting.theme,
                method=meeting.method,
            ),
            now=now,
            announce=False,
        )
        if meeting.sequence != before:
            changed.append(meeting)
    series.local_time = at.strftime("%H:%M")
    series.duration_minutes = duration_minutes
    if changed:
        series.revision += 1
        _tell(session, series=series, group=rest[0].group, change="changed", now=now)
    return changed


def cancel_rest(session: Session, *, actor: Actor, series_id: int, now: datetime) -> list[Meeting]:
    """Cancel every meeting of the series still to come; members get one DM with the .ics."""
    series = managed_series(session, actor=actor, series_id=series_id)
    rest = rest_of(session, series_id=series.id, now=now)
    if not rest:
        raise Conflict("series.nothing_left")
    for meeting in rest:
        cancel_meeting(session, actor=actor, meeting_id=meeting.id, now=now, announce=False)
    series.revision += 1
    _tell(session, series=series, group=rest[0].group, change="cancelled", now=now)
    return rest
