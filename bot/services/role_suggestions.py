"""The rotation turned into a suggestion: who is next as inbrenger and facilitator in the group's
current rotation period (a group setting; default the calendar year), and that setting itself."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import InvalidInput
from bot.services import access
from bot.services.audit import record
from bot.services.people import display_name
from bot.services.planned_roles import PLANNED_ROLES
from bot.services.rotation import group_rotation_window
from storage.models import Attendance, Group, Meeting, MeetingStatus, Person, PlannedRole, Role


@dataclass(frozen=True, kw_only=True)
class Candidate:
    """A member as a candidate for a role: times in the current period and the last time ever
    (held at a registered meeting, or planned for another one)."""

    person_id: int
    name: str
    count: int
    last: date | None


@dataclass(frozen=True, kw_only=True)
class Suggestions:
    """Members per role in the order the rotation suggests, for the period [start, end)."""

    start: date
    end: date
    by_role: Mapping[Role, tuple[Candidate, ...]]

    def suggested(self, role: Role) -> Candidate | None:
        """Who is next for the role; the facilitator is never the suggested inbrenger."""
        ordered = self.by_role.get(role, ())
        if role is Role.FACILITATOR:
            presenter = self.suggested(Role.PRESENTER)
            ordered = tuple(
                c for c in ordered if presenter is None or c.person_id != presenter.person_id
            )
        return ordered[0] if ordered else None


def suggestions(
    session: Session,
    *,
    group: Group,
    members: Collection[Person],
    day: date,
    tz: tzinfo,
    exclude_meeting_id: int | None = None,
) -> Suggestions:
    """Order the members per role: first who has not had it in the group's current rotation
    period, then who had it longest ago (never before anyone), then by name.

    Roles count when held at a registered meeting or planned for another meeting that is not yet
    registered, so two meetings planned in a row do not suggest the same person twice.
    """
    start, end = group_rotation_window(session, group=group, today=day, tz=tz)
    held = session.execute(
        select(Attendance.person_id, Attendance.role, Meeting.starts_at)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .where(
            Meeting.group_id == group.id,
            Meeting.status == MeetingStatus.PLANNED,
            Attendance.present.is_(True),
            Attendance.role.in_(PLANNED_ROLES),
        )
    ).all()
    planned = session.execute(
        select(PlannedRole.person_id, PlannedRole.role, Meeting.starts_at)
        .join(Meeting, Meeting.id == PlannedRole.meeting_id)
        .where(
            Meeting.group_id == group.id,
            Meeting.status == MeetingStatus.PLANNED,
            Meeting.attendance_registered_at.is_(None),
            Meeting.id != (exclude_meeting_id or 0),
        )
    ).all()
    counts: dict[tuple[int, Role], int] = {}
    lasts: dict[tuple[int, Role], date] = {}
    for person_id, role, starts_at in (*held, *planned):
        if role is None:
            continue
        local = starts_at.astimezone(tz).date()
        slot = (person_id, role)
        if start <= local < end:
            counts[slot] = counts.get(slot, 0) + 1
        if slot not in lasts or local > lasts[slot]:
            lasts[slot] = local
    by_role: dict[Role, tuple[Candidate, ...]] = {}
    for role in PLANNED_ROLES:
        candidates = [
            Candidate(
                person_id=p.id,
                name=display_name(p),
                count=counts.get((p.id, role), 0),
                last=lasts.get((p.id, role)),
            )
            for p in members
        ]
        candidates.sort(
            key=lambda c: (c.count > 0, c.last or date.min, c.name.lower(), c.person_id)
        )
        by_role[role] = tuple(candidates)
    return Suggestions(start=start, end=end, by_role=by_role)


# The rotation periods a group can agree on: whole blocks of a calendar year (or two years).
ROTATION_PERIOD_CHOICES: tuple[int, ...] = (1, 2, 3, 4, 6, 12, 24)
_PERIOD_WORDS = {
    "jaar": 12,
    "year": 12,
    "halfjaar": 6,
    "half-jaar": 6,
    "halfyear": 6,
    "half-year": 6,
    "kwartaal": 3,
    "quarter": 3,
    "maand": 1,
    "month": 1,
}


def parse_rotation_months(text: str) -> int:
    """'jaar', 'halfjaar', 'kwartaal' or a number of months (6, 6m, 12mnd) from the choices."""
    word = text.strip().lower()
    months = _PERIOD_WORDS.get(word)
    if months is None:
        digits = word.removesuffix("mnd").removesuffix("m").strip()
        if digits.isascii() and digits.isdigit() and len(digits) <= 2:
            months = int(digits)
    if months not in ROTATION_PERIOD_CHOICES:
        raise InvalidInput(
            "roles.period.invalid",
            choices=", ".join(str(choice) for choice in ROTATION_PERIOD_CHOICES),
        )
    return months


def set_rotation_period(
    session: Session, *, actor: Actor, number: int, months: int, now: datetime
) -> Group:
    """The contact person sets the group's rotation period (default: the calendar year)."""
    group = access.group_by_number(session, team_id=actor.team_id, number=number)
    access.require_manager(group, actor=actor)
    if months not in ROTATION_PERIOD_CHOICES:
        raise InvalidInput(
            "roles.period.invalid", choices=", ".join(map(str, ROTATION_PERIOD_CHOICES))
        )
    before = group.rotation_period_months
    if before != months:
        group.rotation_period_months = months
        record(
            session,
            team_id=actor.team_id,
            action="rotation_period_changed",
            now=now,
            actor_id=actor.person_id,
            group_id=group.id,
            details={"before": before, "after": months},
        )
    return group
