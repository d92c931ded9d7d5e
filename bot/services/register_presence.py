"""Presence per register, the way the registers take it: after attendance is registered the
contact person gets, per meeting and register, the paste-ready number list for PE-online and a
CSV, as files in a DM; the secretariat gets the same per period and register. Who belongs on a
register's list: present participants who collect hours and hold a number in it, or whose
profession usually has it, or who have said nothing about their registers yet; those without a
usable number are named apart, never dropped. Clients (no hours) are on no list."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Final

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import Conflict, NotFound
from bot.exports.registers import PresenceRow, RegisterExport, build_register_export
from bot.notify import Intent, owe
from bot.registers import Presence, Register
from bot.services import audit
from bot.services.access import require_manager, require_secretariat
from bot.services.accreditations import accreditations_of, points_for
from bot.services.catalogues import Catalogues, for_team
from bot.services.people import display_name
from storage.models import (
    Accreditation,
    AccreditationStatus,
    Attendance,
    DeliveryKind,
    Group,
    Meeting,
    MeetingStatus,
    Person,
    PersonProfession,
    Registration,
)

TEXT: Final = "txt"
CSV: Final = "csv"


@dataclass(frozen=True, kw_only=True)
class MeetingPresenceFile(Intent):
    """A manager gets one meeting's presence for one register as a file (paste list or CSV)."""

    KIND = "register_presence_meeting"
    TRANSPORT = DeliveryKind.FILE
    meeting_id: int
    register_key: str
    fmt: str
    requested_at: str


@dataclass(frozen=True, kw_only=True)
class PeriodPresenceFile(Intent):
    """The secretariat gets a period's presence for one register as a file."""

    KIND = "register_presence_period"
    TRANSPORT = DeliveryKind.FILE
    register_key: str
    start: str
    end: str
    fmt: str
    requested_at: str


@dataclass(frozen=True, kw_only=True)
class PresenceExport:
    """One register's presence: the files' content and who is listed apart."""

    register: Register
    export: RegisterExport

    @property
    def listed(self) -> int:
        """How many distinct numbers the paste list holds."""
        return self.export.paste_list.count("\n")


def find_register(cats: Catalogues, typed: str) -> Register:
    """A register by its key or short name as typed ('knov', 'KNOV', 'V&VN')."""
    wanted = typed.strip().casefold()
    for register in cats.registers.registers:
        if wanted in {register.key.casefold(), register.short_name.casefold()}:
            return register
    raise NotFound("registers.unknown", code=typed[:40])


def _rows(
    session: Session,
    *,
    attended: Sequence[tuple[Attendance, Meeting, Person]],
    register: Register,
    cats: Catalogues,
    accreditations: dict[int, Accreditation],
    tz: tzinfo,
) -> list[PresenceRow]:
    """The presence rows of one register for attendances that count hours."""
    person_ids = {person.id for _, _, person in attended}
    numbers: dict[int, dict[str, str]] = defaultdict(dict)
    professions: dict[int, set[str]] = defaultdict(set)
    if person_ids:
        for registration in session.scalars(
            select(Registration).where(Registration.person_id.in_(person_ids))
        ):
            numbers[registration.person_id][registration.register_key] = registration.number
        for person_id, key in session.execute(
            select(PersonProfession.person_id, PersonProfession.profession_key).where(
                PersonProfession.person_id.in_(person_ids)
            )
        ):
            professions[person_id].add(key)
    rows: list[PresenceRow] = []
    for attendance, meeting, person in attended:
        usual = {
            key
            for profession_key in professions[person.id]
            if profession_key in cats.professions
            for key in cats.profession(profession_key).registers
        }
        # Someone who has said nothing about professions or registers may belong on any list.
        said_nothing = not numbers[person.id] and not professions[person.id]
        related = register.key in numbers[person.id] or register.key in usual
        if not related and not said_nothing:
            continue  # a register this person has nothing to do with
        accreditation = accreditations.get(meeting.group_id)
        rows.append(
            PresenceRow(
                name=display_name(person),
                number=numbers[person.id].get(register.key),
                date=meeting.starts_at.astimezone(tz).date(),
                minutes=attendance.net_minutes,
                points=(
                    points_for(accreditation, net_minutes=attendance.net_minutes)
                    if accreditation is not None
                    else None
                ),
            )
        )
    return rows


def _attended(
    session: Session, *conditions: ColumnElement[bool]
) -> list[tuple[Attendance, Meeting, Person]]:
    """Present attendances that count hours (a client's have none), with meeting and person."""
    rows = session.execute(
        select(Attendance, Meeting, Person)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .join(Person, Person.id == Attendance.person_id)
        .where(Attendance.present.is_(True), Attendance.net_minutes > 0, *conditions)
        .order_by(Meeting.starts_at, Attendance.id)
    ).all()
    return [(a, m, p) for a, m, p in rows]


def _granted(
    session: Session, *, group_ids: Sequence[int], register_key: str
) -> dict[int, Accreditation]:
    if not group_ids:
        return {}
    return {
        a.group_id: a
        for a in session.scalars(
            select(Accreditation).where(
                Accreditation.group_id.in_(group_ids),
                Accreditation.register_key == register_key,
                Accreditation.status == AccreditationStatus.GRANTED,
            )
        )
    }


def meeting_presence(
    session: Session, *, meeting_id: int, register_key: str, tz: tzinfo
) -> tuple[PresenceExport, Meeting, Group]:
    """One meeting's presence for one register (the renderer's fresh read)."""
    meeting = session.get(Meeting, meeting_id)
    group = session.get(Group, meeting.group_id) if meeting is not None else None
    if meeting is None or group is None:
        raise NotFound("attendance.meeting_not_found")
    cats = for_team(session, team_id=group.team_id)
    register = cats.register(register_key)
    rows = _rows(
        session,
        attended=_attended(session, Attendance.meeting_id == meeting.id),
        register=register,
        cats=cats,
        accreditations=_granted(session, group_ids=[group.id], register_key=register.key),
        tz=tz,
    )
    export = build_register_export(register, rows)
    return PresenceExport(register=register, export=export), meeting, group


def period_presence(
    session: Session, *, team_id: str, register_key: str, start: date, end: date, tz: tzinfo
) -> PresenceExport:
    """The workspace's presence for one register over the days [start, end] (local time)."""
    cats = for_team(session, team_id=team_id)
    register = cats.register(register_key)
    lower = datetime.combine(start, time(0), tzinfo=tz)
    upper = datetime.combine(end + timedelta(days=1), time(0), tzinfo=tz)
    attended = _attended(
        session,
        Meeting.group_id.in_(select(Group.id).where(Group.team_id == team_id)),
        Meeting.starts_at >= lower,
        Meeting.starts_at < upper,
        Meeting.status == MeetingStatus.PLANNED,
    )
    groups = sorted({m.group_id for _, m, _ in attended})
    rows = _rows(
        session,
        attended=attended,
        register=register,
        cats=cats,
        accreditations=_granted(session, group_ids=groups, register_key=register.key),
        tz=tz,
    )
    return PresenceExport(register=register, export=build_register_export(register, rows))


def _meeting_for(session: Session, *, group: Group, day: date | None, tz: tzinfo) -> Meeting:
    """The meeting on `day`, or the latest one whose attendance is registered."""
    query = select(Meeting).where(
        Meeting.group_id == group.id, Meeting.status == MeetingStatus.PLANNED
    )
    if day is not None:
        lower = datetime.combine(day, time(0), tzinfo=tz)
        query = query.where(
            Meeting.starts_at >= lower, Meeting.starts_at < lower + timedelta(days=1)
        )
    else:
        query = query.where(Meeting.attendance_registered_at.is_not(None))
    meeting = session.scalars(query.order_by(Meeting.starts_at.desc()).limit(1)).first()
    if meeting is None:
        raise NotFound("presence.no_meeting", number=group.number)
    if meeting.attendance_registered_at is None:
        raise Conflict("presence.not_registered", number=group.number)
    return meeting


def _registers_for(
    session: Session, *, group: Group, meeting: Meeting, cats: Catalogues
) -> list[Register]:
    """The registers a meeting's lists are made for: those the group applied to (not refused),
    else those its present participants hold that take presence."""
    applied = [
        a.register_key
        for a in accreditations_of(session, group_id=group.id)
        if a.status is not AccreditationStatus.REFUSED and a.register_key in cats.registers
    ]
    if applied:
        return [r for r in cats.registers.registers if r.key in applied]
    held = set(
        session.scalars(
            select(Registration.register_key)
            .join(Attendance, Attendance.person_id == Registration.person_id)
            .where(
                Attendance.meeting_id == meeting.id,
                Attendance.present.is_(True),
                Attendance.net_minutes > 0,
            )
        )
    )
    found = [
        r for r in cats.registers.registers if r.key in held and r.presence is not Presence.NONE
    ]
    if not found:
        raise Conflict("presence.no_registers", number=group.number)
    return found


def request_meeting_lists(
    session: Session,
    *,
    actor: Actor,
    group: Group,
    day: date | None,
    register_typed: str | None,
    tz: tzinfo,
    press_id: str,
    now: datetime,
) -> tuple[Meeting, list[Register]]:
    """Owe the manager, per register, the meeting's paste list (when it has numbers) and CSV;
    each request (`press_id`) once."""
    require_manager(group, actor=actor)
    cats = for_team(session, team_id=group.team_id)
    chosen = find_register(cats, register_typed) if register_typed else None
    meeting = _meeting_for(session, group=group, day=day, tz=tz)
    registers = (
        [chosen] if chosen else _registers_for(session, group=group, meeting=meeting, cats=cats)
    )
    person = session.get_one(Person, actor.person_id)
    stamp = now.isoformat()
    for register in registers:
        export, _, _ = meeting_presence(
            session, meeting_id=meeting.id, register_key=register.key, tz=tz
        )
        formats = [TEXT, CSV] if export.listed else [CSV]
        for fmt in formats:
            intent = MeetingPresenceFile(
                meeting_id=meeting.id, register_key=register.key, fmt=fmt, requested_at=stamp
            )
            owe(session, intent=intent, to=person, now=now, occasion=press_id)
    audit.record(
        session,
        team_id=group.team_id,
        action="presence_exported",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        details={"meeting_id": meeting.id, "registers": [r.key for r in registers]},
    )
    return meeting, registers


def request_period_lists(
    session: Session,
    *,
    actor: Actor,
    register_typed: str,
    start: date,
    end: date,
    tz: tzinfo,
    press_id: str,
    now: datetime,
) -> Register:
    """Owe the secretariat member the period's paste list (when it has numbers) and CSV; each
    request (`press_id`) once."""
    require_secretariat(actor)
    cats = for_team(session, team_id=actor.team_id)
    register = find_register(cats, register_typed)
    export = period_presence(
        session, team_id=actor.team_id, register_key=register.key, start=start, end=end, tz=tz
    )
    person = session.get_one(Person, actor.person_id)
    for fmt in [TEXT, CSV] if export.listed else [CSV]:
        intent = PeriodPresenceFile(
            register_key=register.key,
            start=start.isoformat(),
            end=end.isoformat(),
            fmt=fmt,
            requested_at=now.isoformat(),
        )
        owe(session, intent=intent, to=person, now=now, occasion=press_id)
    audit.record(
        session,
        team_id=actor.team_id,
        action="presence_exported",
        now=now,
        actor_id=actor.person_id,
        details={"register": register.key, "start": start.isoformat(), "end": end.isoformat()},
    )
    return register
