""" "Mijn profiel": a person's professions, their numbers in professional registers (each checked
against its register's format) and the association's own member number, kept apart. Every problem
in a submitted profile is reported at once, on its own field, and nothing is written until all of
them are solved. Registration numbers are personal data: this module shows them only to their
owner; the group's managers and the secretariat see them in the presence exports."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from sqlalchemy import delete, literal, select, union_all
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import Conflict, DomainError, InvalidFields, InvalidInput, NotFound
from bot.parsing import clean_text
from bot.professions import Profession
from bot.registers import Register, normalise_number
from bot.services import audit
from bot.services.catalogues import Catalogues, builtin_catalogues, for_team
from bot.services.enrollment import MEMBER_NUMBER_MAX
from bot.services.supervisors import put_registration
from storage.models import (
    Group,
    MembershipType,
    Person,
    PersonProfession,
    Registration,
)

# Field names of a submitted profile (the profile modal uses them as block ids).
PROFESSIONS_FIELD: Final = "professions"
MEMBER_NUMBER_FIELD: Final = "member_number"
NUMBER_FIELD_PREFIX: Final = "number:"
# Nobody practises more professions than this at once; it keeps the form and the counts honest.
MAX_PROFESSIONS: Final = 5


def number_field(register_key: str) -> str:
    """The field (and modal block) of the number in one register."""
    return f"{NUMBER_FIELD_PREFIX}{register_key}"


@dataclass(frozen=True, kw_only=True)
class ProfileDraft:
    """What a person submitted: profession keys, (register key, typed number) pairs, and the
    member number (None when the form did not ask for it)."""

    professions: Sequence[str]
    registrations: Sequence[tuple[str, str]]
    member_number: str | None = None


@dataclass(frozen=True, kw_only=True)
class ProfileView:
    """A person's profile as they see it (and the profile modal shows it)."""

    professions: tuple[Profession, ...]
    # (register, canonical number), in the catalogue's order.
    registrations: tuple[tuple[Register, str], ...]
    membership_type: MembershipType | None
    member_number: str | None
    catalogues: Catalogues

    @property
    def numbers(self) -> dict[str, str]:
        """Register key -> number."""
        return {register.key: number for register, number in self.registrations}


def profession_keys(session: Session, *, person_id: int) -> list[str]:
    """The keys of the person's professions, in the order they were recorded."""
    return list(
        session.scalars(
            select(PersonProfession.profession_key)
            .where(PersonProfession.person_id == person_id)
            .order_by(PersonProfession.id)
        )
    )


def registrations_of(session: Session, *, person_id: int) -> list[Registration]:
    """The person's registrations (personal data: callers show them to those allowed only)."""
    return list(
        session.scalars(
            select(Registration)
            .where(Registration.person_id == person_id)
            .order_by(Registration.register_key)
        )
    )


def _profile_rows(session: Session, *, person_id: int) -> tuple[set[str], dict[str, str]]:
    """Profession keys and register key -> number, in one statement (the App Home is built on
    every visit)."""
    rows = session.execute(
        union_all(
            select(literal("profession"), PersonProfession.profession_key, literal("")).where(
                PersonProfession.person_id == person_id
            ),
            select(literal("register"), Registration.register_key, Registration.number).where(
                Registration.person_id == person_id
            ),
        )
    ).all()
    keys = {str(key) for kind, key, _ in rows if kind == "profession"}
    numbers = {str(key): str(number) for kind, key, number in rows if kind == "register"}
    return keys, numbers


def load_profile(session: Session, *, person: Person, always_catalogue: bool = True) -> ProfileView:
    """The person's profile; keys the workspace no longer knows are left out of the view. The
    workspace's own catalogue is read when the profile names something (or when asked: the
    profile modal offers every register)."""
    keys, numbers = _profile_rows(session, person_id=person.id)
    if always_catalogue or keys or numbers:
        cats = for_team(session, team_id=person.team_id)
    else:
        cats = builtin_catalogues()
    return ProfileView(
        professions=tuple(p for p in cats.professions.professions if p.key in keys),
        registrations=tuple(
            (r, numbers[r.key]) for r in cats.registers.registers if r.key in numbers
        ),
        membership_type=person.membership_type,
        member_number=person.member_number,
        catalogues=cats,
    )


def without_hours(session: Session, *, person_ids: Collection[int], team_id: str) -> set[int]:
    """Who of these people takes part without hours: those whose professions all say so (a
    client or expert by experience, seed 003). One statement when nobody filled in a profession."""
    keys: dict[int, set[str]] = {}
    if person_ids:
        for person_id, key in session.execute(
            select(PersonProfession.person_id, PersonProfession.profession_key).where(
                PersonProfession.person_id.in_(person_ids)
            )
        ):
            keys.setdefault(person_id, set()).add(key)
    if not keys:
        return set()
    cats = for_team(session, team_id=team_id)
    result = set()
    for person_id, professions in keys.items():
        known = [cats.professions.get(k) for k in professions if k in cats.professions]
        if known and not any(p.wants_hours for p in known):
            result.add(person_id)
    return result


def _check(
    session: Session, *, person: Person, draft: ProfileDraft, cats: Catalogues, actor: Actor
) -> tuple[list[str], dict[str, str], str | None]:
    """The profile as it will be stored, or InvalidFields naming every field that is wrong."""
    problems: dict[str, DomainError] = {}
    professions: list[str] = []
    for key in draft.professions:
        if key not in cats.professions:
            problems[PROFESSIONS_FIELD] = NotFound("professions.unknown", code=key)
        elif key not in professions:
            professions.append(key)
    if len(professions) > MAX_PROFESSIONS:
        problems[PROFESSIONS_FIELD] = InvalidInput("profile.too_many", count=MAX_PROFESSIONS)
    numbers: dict[str, str] = {}
    seen: set[str] = set()
    for register_key, raw in draft.registrations:
        field = number_field(register_key)
        if register_key in seen:
            problems[field] = Conflict("registers.duplicate", code=register_key)
            continue
        seen.add(register_key)
        if register_key not in cats.registers:
            problems[field] = NotFound("registers.unknown", code=register_key)
            continue
        if not raw.strip():
            continue  # left empty: no registration in this register (any old one is removed)
        try:
            numbers[register_key] = normalise_number(
                register_key, raw=raw, lang=actor.lang, catalogue=cats.registers
            )
        except InvalidInput as error:
            problems[field] = error
    for register_key, number in numbers.items():
        holder = session.scalars(
            select(Registration.person_id)
            .join(Person, Person.id == Registration.person_id)
            .where(
                Person.team_id == person.team_id,
                Person.id != person.id,
                Registration.register_key == register_key,
                Registration.number == number,
            )
        ).first()
        if holder is not None:
            # Two people with one number is a typo or someone else's number: never store it,
            # and never say whose it is.
            label = cats.register(register_key).label(actor.lang)
            problems[number_field(register_key)] = Conflict("registers.number_taken", label=label)
    member_number = None
    if draft.member_number is not None:
        member_number = clean_text(draft.member_number)
        if person.membership_type is MembershipType.MEMBER and not member_number:
            problems[MEMBER_NUMBER_FIELD] = InvalidInput("enroll.member_number_required")
        elif len(member_number) > MEMBER_NUMBER_MAX:
            problems[MEMBER_NUMBER_FIELD] = InvalidInput("enroll.member_number_too_long")
    if problems:
        raise InvalidFields(problems)
    return professions, numbers, member_number


def save_profile(session: Session, *, actor: Actor, draft: ProfileDraft, now: datetime) -> None:
    """Store the actor's professions, registrations and member number, all or nothing. An empty
    number removes that registration; the audit log names registers, never numbers."""
    person = session.scalars(
        select(Person).where(Person.id == actor.person_id).with_for_update()
    ).one()
    cats = for_team(session, team_id=actor.team_id)
    professions, numbers, member_number = _check(
        session, person=person, draft=draft, cats=cats, actor=actor
    )
    session.execute(delete(PersonProfession).where(PersonProfession.person_id == person.id))
    for key in professions:
        session.add(PersonProfession(person_id=person.id, profession_key=key, created_at=now))
    existing = {r.register_key: r for r in registrations_of(session, person_id=person.id)}
    for register_key, old in existing.items():
        if register_key not in numbers:
            session.delete(old)
    for register_key, number in numbers.items():
        put_registration(
            session,
            person_id=person.id,
            register_key=register_key,
            number=number,
            row=existing.get(register_key),
            now=now,
        )
    if member_number is not None and person.membership_type is MembershipType.MEMBER:
        person.member_number = member_number
    audit.record(
        session,
        team_id=actor.team_id,
        action="profile_updated",
        now=now,
        actor_id=person.id,
        subject_id=person.id,
        details={"professions": professions, "registers": sorted(numbers)},
    )


def should_ask(session: Session, *, person_id: int, group: Group) -> bool:
    """True once: when someone first joins (or starts) a multidisciplinary group without having
    filled in a profession."""
    if not group.multidisciplinary:
        return False
    person = session.get(Person, person_id)
    if person is None or person.profile_asked_at is not None:
        return False
    # Someone who already filled in a profession on their own is not asked again.
    return not profession_keys(session, person_id=person_id)


def mark_asked(session: Session, *, person_id: int, now: datetime) -> None:
    """Remember that the profile was offered, so it is not asked again."""
    person = session.get_one(Person, person_id)
    person.profile_asked_at = now
