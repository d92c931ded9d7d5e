"""The registers and professions a workspace knows: the built-in catalogue (bot/data) plus what its
secretariat added or corrected, stored as plain data and validated by bot/registers.py and
bot/professions.py. Only the secretariat changes them; an entry still in use is not removed."""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import Conflict, InvalidInput, NotFound
from bot.professions import Profession, ProfessionCatalogue, default_professions
from bot.registers import Register, RegisterCatalogue, default_catalogue
from bot.services import audit
from bot.services.access import require_secretariat
from storage.models import (
    Accreditation,
    CatalogueEntry,
    CatalogueKind,
    Group,
    Person,
    PersonProfession,
    Registration,
)

log = logging.getLogger(__name__)

# Each added register is one input in the profile modal and each entry one block in the
# secretariat's list: this keeps both below Slack's 100 and 50 blocks.
MAX_ADDED_PER_KIND: Final = 20


@dataclass(frozen=True, kw_only=True)
class Catalogues:
    """A workspace's registers and professions, and which of them its secretariat added."""

    registers: RegisterCatalogue
    professions: ProfessionCatalogue
    added_registers: frozenset[str]
    added_professions: frozenset[str]

    def register(self, key: str) -> Register:
        """The register with this key; NotFound('registers.unknown') otherwise."""
        return self.registers.get(key)

    def profession(self, key: str) -> Profession:
        """The profession with this key; NotFound('professions.unknown') otherwise."""
        return self.professions.get(key)


def _entries(session: Session, *, team_id: str, kind: CatalogueKind) -> list[CatalogueEntry]:
    return list(
        session.scalars(
            select(CatalogueEntry)
            .where(CatalogueEntry.team_id == team_id, CatalogueEntry.kind == kind)
            .order_by(CatalogueEntry.created_at, CatalogueEntry.id)
        )
    )


def for_team(session: Session, *, team_id: str) -> Catalogues:
    """The workspace's catalogues. An entry that no longer passes validation (after a change in
    the rules) is left out and logged, so one bad row never takes every profile down."""
    entries = list(
        session.scalars(
            select(CatalogueEntry)
            .where(CatalogueEntry.team_id == team_id)
            .order_by(CatalogueEntry.created_at, CatalogueEntry.id)
        )
    )
    registers = default_catalogue()
    added_registers: set[str] = set()
    for entry in (e for e in entries if e.kind is CatalogueKind.REGISTER):
        try:
            registers = registers.merged([entry.data])
        except (InvalidInput, Conflict):
            log.warning("register %s of team %s no longer validates; left out", entry.key, team_id)
            continue
        added_registers.add(entry.key)
    professions = default_professions()
    added_professions: set[str] = set()
    for entry in (e for e in entries if e.kind is CatalogueKind.PROFESSION):
        try:
            professions = professions.merged([entry.data], registers=registers)
        except (InvalidInput, Conflict):
            log.warning("profession %s of team %s no longer validates", entry.key, team_id)
            continue
        added_professions.add(entry.key)
    return Catalogues(
        registers=registers,
        professions=professions,
        added_registers=frozenset(added_registers),
        added_professions=frozenset(added_professions),
    )


def builtin_catalogues() -> Catalogues:
    """The built-in registers and professions only (no database)."""
    return Catalogues(
        registers=default_catalogue(),
        professions=default_professions(),
        added_registers=frozenset(),
        added_professions=frozenset(),
    )


def key_for(name: str) -> str:
    """A catalogue key made from a name: 'Sociaal Werker (SKJ)' -> 'sociaal_werker_skj'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    key = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")[:32].rstrip("_")
    if not key or not key[0].isalpha():
        key = ("x_" + key)[:32].rstrip("_")
    return key if len(key) >= 2 else key + "_x"


def _save_entry(
    session: Session,
    *,
    actor: Actor,
    kind: CatalogueKind,
    key: str,
    data: dict[str, Any],
    now: datetime,
) -> CatalogueEntry:
    entry = session.scalars(
        select(CatalogueEntry).where(
            CatalogueEntry.team_id == actor.team_id,
            CatalogueEntry.kind == kind,
            CatalogueEntry.key == key,
        )
    ).one_or_none()
    if entry is None:
        count = session.scalar(
            select(func.count(CatalogueEntry.id)).where(
                CatalogueEntry.team_id == actor.team_id, CatalogueEntry.kind == kind
            )
        )
        if int(count or 0) >= MAX_ADDED_PER_KIND:
            raise Conflict("catalogue.too_many", limit=MAX_ADDED_PER_KIND)
        entry = CatalogueEntry(team_id=actor.team_id, kind=kind, key=key, created_at=now)
        session.add(entry)
    entry.data = data
    entry.updated_at = now
    entry.updated_by_id = actor.person_id
    audit.record(
        session,
        team_id=actor.team_id,
        action=f"{kind.value}_defined",
        now=now,
        actor_id=actor.person_id,
        details={"key": key},
    )
    return entry


def define_register(
    session: Session, *, actor: Actor, data: dict[str, Any], now: datetime
) -> Register:
    """Add a register to the workspace, or correct one (the same key replaces it); refused with
    the first field that does not fit, nothing stored."""
    require_secretariat(actor)
    current = for_team(session, team_id=actor.team_id)
    merged = current.registers.merged([data])
    register = merged.get(str(data.get("key")))
    _save_entry(
        session,
        actor=actor,
        kind=CatalogueKind.REGISTER,
        key=register.key,
        data=register.to_data(),
        now=now,
    )
    return register


def define_profession(
    session: Session, *, actor: Actor, data: dict[str, Any], now: datetime
) -> Profession:
    """Add a profession to the workspace (or correct one), checked against its registers."""
    require_secretariat(actor)
    current = for_team(session, team_id=actor.team_id)
    merged = current.professions.merged([data], registers=current.registers)
    profession = merged.get(str(data.get("key")))
    _save_entry(
        session,
        actor=actor,
        kind=CatalogueKind.PROFESSION,
        key=profession.key,
        data=profession.to_data(),
        now=now,
    )
    return profession


def _in_use(session: Session, *, team_id: str, kind: CatalogueKind, key: str) -> bool:
    """Whether people or groups of the workspace still refer to the key."""
    if kind is CatalogueKind.PROFESSION:
        query = (
            select(PersonProfession.id)
            .join(Person, Person.id == PersonProfession.person_id)
            .where(Person.team_id == team_id, PersonProfession.profession_key == key)
        )
        return session.scalars(query.limit(1)).first() is not None
    registration = (
        select(Registration.id)
        .join(Person, Person.id == Registration.person_id)
        .where(Person.team_id == team_id, Registration.register_key == key)
    )
    accreditation = (
        select(Accreditation.id)
        .join(Group, Group.id == Accreditation.group_id)
        .where(Group.team_id == team_id, Accreditation.register_key == key)
    )
    return (
        session.scalars(registration.limit(1)).first() is not None
        or session.scalars(accreditation.limit(1)).first() is not None
    )


def remove_entry(session: Session, *, actor: Actor, entry_id: int, now: datetime) -> str:
    """Remove what the secretariat added (a built-in one it corrected comes back as shipped);
    refused while people or groups use an added register or profession. Returns the key."""
    require_secretariat(actor)
    entry = session.get(CatalogueEntry, entry_id)
    if entry is None or entry.team_id != actor.team_id:
        raise NotFound("catalogue.not_found")
    built_in = (
        entry.key in default_catalogue()
        if entry.kind is CatalogueKind.REGISTER
        else entry.key in default_professions()
    )
    if not built_in and _in_use(session, team_id=actor.team_id, kind=entry.kind, key=entry.key):
        raise Conflict("catalogue.in_use", code=entry.key)
    if entry.kind is CatalogueKind.REGISTER and not built_in:
        for profession in for_team(session, team_id=actor.team_id).professions.professions:
            if entry.key in profession.registers:
                raise Conflict("catalogue.in_use", code=entry.key)
    key = entry.key
    session.delete(entry)
    audit.record(
        session,
        team_id=actor.team_id,
        action=f"{entry.kind.value}_removed",
        now=now,
        actor_id=actor.person_id,
        details={"key": key},
    )
    return key


def added_entries(session: Session, *, actor: Actor) -> list[CatalogueEntry]:
    """What the secretariat added, registers first (the secretariat only)."""
    require_secretariat(actor)
    return [
        *_entries(session, team_id=actor.team_id, kind=CatalogueKind.REGISTER),
        *_entries(session, team_id=actor.team_id, kind=CatalogueKind.PROFESSION),
    ]
