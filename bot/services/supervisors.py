"""Supervisors (begeleiders): their register and number (LVSC by default), recorded where a
trajectory needs them, and the check that a chosen Slack user can be one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import rules
from bot.actor import Profile
from bot.errors import InvalidInput, NotFound
from bot.i18n import Lang
from bot.registers import all_registers, normalise_number, register_by_key
from bot.services.audit import record
from storage.models import Person, Registration


@dataclass(frozen=True, kw_only=True)
class SupervisorRegistration:
    """A supervisor's register and number, as the forms prefill them and documents print them."""

    register_key: str
    number: str


def register_choices() -> list[tuple[str, str]]:
    """(key, short name) of every register a supervisor may name, the default one first."""
    registers = sorted(
        all_registers(), key=lambda r: (r.key != rules.DEFAULT_SUPERVISOR_REGISTER, r.short_name)
    )
    return [(r.key, r.short_name) for r in registers]


def registration_of(session: Session, *, person_id: int) -> SupervisorRegistration | None:
    """The person's supervisor registration: the default register's if they have one, else the
    first they recorded; None when they recorded none."""
    rows = list(
        session.scalars(
            select(Registration)
            .where(Registration.person_id == person_id)
            .order_by(Registration.created_at, Registration.id)
        )
    )
    if not rows:
        return None
    chosen = next((r for r in rows if r.register_key == rules.DEFAULT_SUPERVISOR_REGISTER), rows[0])
    return SupervisorRegistration(register_key=chosen.register_key, number=chosen.number)


def register_label(register_key: str | None, lang: Lang) -> str:
    """What the number is called ("LVSC-registratienummer"), or "" for an unknown register."""
    if not register_key:
        return ""
    try:
        return register_by_key(register_key).label(lang)
    except NotFound:  # a register removed from the catalogue since: print the number bare
        return ""


def put_registration(
    session: Session,
    *,
    person_id: int,
    register_key: str,
    number: str,
    row: Registration | None,
    now: datetime,
) -> bool:
    """Store the person's (checked) number in a register: a new row when `row` is None, else the
    number corrected; False when it was already this number."""
    if row is None:
        session.add(
            Registration(
                person_id=person_id,
                register_key=register_key,
                number=number,
                created_at=now,
                updated_at=now,
            )
        )
    elif row.number != number:
        row.number = number
        row.updated_at = now
    else:
        return False
    return True


def record_registration(
    session: Session,
    *,
    person: Person,
    register_key: str,
    raw_number: str,
    lang: Lang,
    now: datetime,
    register_field: str,
    number_field: str,
) -> SupervisorRegistration:
    """Store (or correct) the person's number in a register, format-checked; refusals name the
    form's field. Used by the intake and start forms; the profile modal is another area's."""
    try:
        register_by_key(register_key)
    except NotFound:
        raise InvalidInput("registers.unknown", field=register_field, code=register_key) from None
    try:
        number = normalise_number(register_key, raw=raw_number, lang=lang)
    except InvalidInput as error:
        raise InvalidInput(error.key, field=number_field, **error.params) from None
    row = session.scalars(
        select(Registration).where(
            Registration.person_id == person.id, Registration.register_key == register_key
        )
    ).one_or_none()
    if not put_registration(
        session, person_id=person.id, register_key=register_key, number=number, row=row, now=now
    ):
        return SupervisorRegistration(register_key=register_key, number=number)
    record(
        session,
        team_id=person.team_id,
        action="registration_recorded",
        now=now,
        actor_id=person.id,
        subject_id=person.id,
        details={"register": register_key},
    )
    return SupervisorRegistration(register_key=register_key, number=number)


def check_supervisor_profile(profile: Profile, *, actor_user_id: str, field: str) -> None:
    """A supervisor is a person in this workspace: not the asker, not a bot, not deactivated,
    and Slack must know them (a forged or removed user id is refused)."""
    if profile.user_id == actor_user_id:
        raise InvalidInput("guided.error.supervisor_self", field=field)
    if not profile.fresh or profile.deleted:
        raise InvalidInput("guided.error.supervisor_unknown", field=field)
    if profile.is_bot:
        raise InvalidInput("guided.error.supervisor_bot", field=field)
