"""Hours per register on the recertification meter, for someone with more than one register: each
register counts in its own cycle against its own target (bot/data/registers.yaml, the
secretariat's corrections), the association's 32 hours in 4 years where a register publishes none.
Every valid deelnamebewijs counts for each register: it proves the hours, whichever register the
holder hands it to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, tzinfo

from sqlalchemy.orm import Session

from bot.registers import Presence, Recertification, Register
from bot.services.hours import counted_meetings
from storage.models import Person


@dataclass(frozen=True, kw_only=True)
class RegisterMeter:
    """Hours of one register's current cycle [start, end) against its target."""

    register: Register
    norm: Recertification
    start: date
    end: date
    minutes: int

    @property
    def complete(self) -> bool:
        """Whether the cycle's hours reach the target."""
        return self.minutes >= self.norm.target_hours * 60


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return date(day.year + years, 3, 1)


def register_cycle(*, today: date, start: date | None, years: int) -> tuple[date, date]:
    """The cycle containing `today`: from the person's own period start, cycles of `years`
    follow each other; without one, this calendar year and the years before it."""
    if start is None:
        first = date(today.year - years + 1, 1, 1)
    else:
        first = start
        while _add_years(first, years) <= today:
            first = _add_years(first, years)
    return first, _add_years(first, years)


def register_meters(
    session: Session, *, person: Person, held: Sequence[Register], today: date, tz: tzinfo
) -> list[RegisterMeter]:
    """One meter per register the person holds (`held`) that collects hours, when they hold
    more than one register (with one, the main meter says it all). A register that records no
    education hours (the BIG register re-registers on hours worked) gets no meter."""
    if len(held) < 2:
        return []
    registers = [r for r in held if r.presence is not Presence.NONE]
    if not registers:
        return []
    meetings = counted_meetings(session, person_id=person.id, tz=tz)
    meters = []
    for register in registers:
        norm = register.recertification
        start, end = register_cycle(
            today=today, start=person.certification_period_start, years=norm.cycle_years
        )
        minutes = sum(m.minutes for m in meetings if start <= m.day < end)
        meters.append(
            RegisterMeter(register=register, norm=norm, start=start, end=end, minutes=minutes)
        )
    return meters
