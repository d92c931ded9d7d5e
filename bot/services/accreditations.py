"""Accreditation per group and register: the contact person records what a register decided
(aangevraagd, toegekend, afgewezen), its activity id and the points per meeting or per hour; each
deelnamebewijs then names the holder's own register, number, activity id and points."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import Conflict, DomainError, InvalidFields, InvalidInput, NotFound
from bot.i18n import Lang, t_plain
from bot.parsing import clean_text
from bot.registers import Register, RegisterCatalogue
from bot.services import audit
from bot.services.access import require_manager
from bot.services.catalogues import Catalogues, for_team
from bot.services.multidisciplinary import registers_present
from bot.services.profiles import profession_keys, registrations_of
from storage.models import (
    Accreditation,
    AccreditationStatus,
    Certificate,
    Group,
    PointsBasis,
)

ACTIVITY_ID_MAX: Final = 80
# More points than this for one meeting or hour is a typo (Numeric(6, 2) would take 9999.99).
POINTS_MAX: Final = Decimal("100")
_POINTS: Final = re.compile(r"[0-9]{1,3}([.,][0-9]{1,2})?", re.ASCII)
_CENT: Final = Decimal("0.01")

# Field names of the accreditation form (the modal uses them as block ids).
REGISTER_FIELD: Final = "register"
ACTIVITY_FIELD: Final = "activity_id"
POINTS_FIELD: Final = "points"


@dataclass(frozen=True, kw_only=True)
class AccreditationDraft:
    """What the contact person typed: register, status, activity id, points and their basis."""

    register_key: str
    status: AccreditationStatus
    activity_id: str
    points: str
    basis: PointsBasis


def parse_points(text: str) -> Decimal | None:
    """Points as typed, '2' or '1,5' (at most two decimals); None when left empty."""
    raw = text.strip()
    if not raw:
        return None
    if _POINTS.fullmatch(raw) is None:
        raise InvalidInput("accreditation.points_invalid")
    value = Decimal(raw.replace(",", "."))
    if not Decimal(0) < value <= POINTS_MAX:
        raise InvalidInput("accreditation.points_invalid")
    return value


def accreditations_of(session: Session, *, group_id: int) -> list[Accreditation]:
    """The group's accreditations, by register key."""
    return list(
        session.scalars(
            select(Accreditation)
            .where(Accreditation.group_id == group_id)
            .order_by(Accreditation.register_key)
        )
    )


def record_accreditation(
    session: Session, *, actor: Actor, group: Group, draft: AccreditationDraft, now: datetime
) -> tuple[Accreditation, Register]:
    """Record (or change) the group's accreditation with one register: only its managers, only
    a register someone in the group holds, and a granted one needs its activity id and points.
    Every problem is named on its field; nothing is written until all are solved."""
    require_manager(group, actor=actor)
    cats = for_team(session, team_id=group.team_id)
    problems: dict[str, DomainError] = {}
    register: Register | None = None
    try:
        register = cats.register(draft.register_key)
    except NotFound as error:
        problems[REGISTER_FIELD] = error
    if register is not None:
        held = {r.key for r, _ in registers_present(session, group_id=group.id, cats=cats)}
        if register.key not in held:
            problems[REGISTER_FIELD] = Conflict(
                "accreditation.nobody", register=register.short_name, number=group.number
            )
    activity_id = clean_text(draft.activity_id)
    if len(activity_id) > ACTIVITY_ID_MAX:
        problems[ACTIVITY_FIELD] = InvalidInput("accreditation.too_long", count=ACTIVITY_ID_MAX)
    elif not activity_id and draft.status is AccreditationStatus.GRANTED:
        problems[ACTIVITY_FIELD] = InvalidInput("accreditation.activity_required")
    points: Decimal | None = None
    try:
        points = parse_points(draft.points)
    except InvalidInput as error:
        problems[POINTS_FIELD] = error
    else:
        if points is None and draft.status is AccreditationStatus.GRANTED:
            problems[POINTS_FIELD] = InvalidInput("accreditation.points_required")
    if problems or register is None:
        raise InvalidFields(problems)
    row = session.scalars(
        select(Accreditation).where(
            Accreditation.group_id == group.id, Accreditation.register_key == register.key
        )
    ).one_or_none()
    if row is None:
        row = Accreditation(group_id=group.id, register_key=register.key, recorded_at=now)
        session.add(row)
    row.status = draft.status
    row.activity_id = activity_id
    row.points = points
    row.points_basis = draft.basis
    row.recorded_by_id = actor.person_id
    row.updated_at = now
    audit.record(
        session,
        team_id=group.team_id,
        action="accreditation_recorded",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        details={"register": register.key, "status": draft.status.value},
    )
    return row, register


def points_for(accreditation: Accreditation, *, net_minutes: int) -> Decimal | None:
    """The points one attendance earns: per meeting, or per hour of net time (to the cent)."""
    if accreditation.points is None:
        return None
    if accreditation.points_basis is PointsBasis.MEETING:
        return accreditation.points
    return (accreditation.points * net_minutes / 60).quantize(_CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True, kw_only=True)
class CertificateRegister:
    """The register a deelnamebewijs names for its holder, and the accreditation if granted."""

    register: Register
    number: str
    activity_id: str | None
    points: Decimal | None


def certificate_register(
    session: Session,
    *,
    group: Group,
    person_id: int,
    net_minutes: int,
    cats: Catalogues | None = None,
) -> CertificateRegister | None:
    """Which of the holder's registrations the certificate names: one the group's accreditation
    was granted for, else one it applied for, else one of the holder's professions, else the
    first in catalogue order. Activity id and points only when the register granted it."""
    numbers = {r.register_key: r.number for r in registrations_of(session, person_id=person_id)}
    if not numbers:
        return None
    cats = cats or for_team(session, team_id=group.team_id)
    accredited = {a.register_key: a for a in accreditations_of(session, group_id=group.id)}
    usual = {
        key
        for profession_key in profession_keys(session, person_id=person_id)
        if profession_key in cats.professions
        for key in cats.profession(profession_key).registers
    }

    def rank(register: Register) -> tuple[int, int, int]:
        accreditation = accredited.get(register.key)
        granted = accreditation is not None and accreditation.status is AccreditationStatus.GRANTED
        applied = (
            accreditation is not None and accreditation.status is not AccreditationStatus.REFUSED
        )
        return (0 if granted else 1, 0 if applied else 1, 0 if register.key in usual else 1)

    candidates = [r for r in cats.registers.registers if r.key in numbers]
    if not candidates:
        return None
    # sorted() is stable: ties keep the catalogue's order.
    chosen = sorted(candidates, key=rank)[0]
    accreditation = accredited.get(chosen.key)
    if accreditation is None or accreditation.status is not AccreditationStatus.GRANTED:
        return CertificateRegister(
            register=chosen, number=numbers[chosen.key], activity_id=None, points=None
        )
    return CertificateRegister(
        register=chosen,
        number=numbers[chosen.key],
        activity_id=accreditation.activity_id or None,
        points=points_for(accreditation, net_minutes=net_minutes),
    )


def register_changed(session: Session, *, certificate: Certificate, group: Group) -> bool:
    """Whether a certificate would now name another register, number, activity id or points
    (a registration or an accreditation recorded since): registering again then re-issues it."""
    chosen = certificate_register(
        session, group=group, person_id=certificate.person_id, net_minutes=certificate.net_minutes
    )
    now = (
        (chosen.register.key, chosen.number, chosen.activity_id, chosen.points)
        if chosen
        else (None, None, None, None)
    )
    then = (
        certificate.register_key,
        certificate.registration_number,
        certificate.activity_id,
        certificate.points,
    )
    return now != then


def document_numbers(
    certificate: Certificate, *, lang: Lang, registers: RegisterCatalogue | None
) -> dict[str, Any]:
    """The deelnamebewijs's numbers from the certificate's snapshot: the member number with its
    own label, the register's number with the register's label in the reader's language, and the
    accreditation (register, activity id, points) when the register granted one."""
    member = certificate.member_number or None
    number = certificate.registration_number or None
    register = None
    if certificate.register_key and registers is not None and certificate.register_key in registers:
        register = registers.get(certificate.register_key)
    if number is not None and certificate.register_key is None and member is None:
        # A number without a register (issued before registers existed): the member number.
        member, number = number, None
    register_label = register.label(lang) if register else (certificate.number_label or "")
    if number is not None and number == member and register_label:
        member = None  # one number, twice: the register's label says what it is
    accredited = bool(certificate.activity_id) or certificate.points is not None
    return {
        "registration_number": member,
        "registration_label": (certificate.member_label or t_plain(lang, "registers.member_number"))
        if member
        else "",
        "register_label": register_label if number else "",
        "register_number": number or "",
        "accreditation_register": (
            (register.name if register else certificate.number_label or "") if accredited else ""
        ),
        "activity_id": certificate.activity_id or "",
        "activity_points": float(certificate.points) if certificate.points is not None else None,
    }
