"""Who is in a multidisciplinary group, as counts only: the professions present (the directory and
the group's overview show them) and the registers its members hold (for accreditation). Never a
name next to a profession, never a number."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.professions import Profession
from bot.registers import Register
from bot.services.catalogues import Catalogues
from storage.models import Enrollment, EnrollmentStatus, PersonProfession, Registration


@dataclass(frozen=True, kw_only=True)
class ProfessionCount:
    """How many approved members practise a profession (None: not filled in yet)."""

    profession: Profession | None
    count: int


def professions_present(
    session: Session, *, group_ids: Sequence[int], cats: Catalogues
) -> dict[int, list[ProfessionCount]]:
    """Per group, the professions of its approved members in catalogue order, then those who
    have not said (a member with two professions counts for both)."""
    if not group_ids:
        return {}
    members = session.execute(
        select(Enrollment.group_id, Enrollment.person_id).where(
            Enrollment.group_id.in_(group_ids), Enrollment.status == EnrollmentStatus.APPROVED
        )
    ).all()
    person_ids = {person_id for _, person_id in members}
    keys: dict[int, set[str]] = defaultdict(set)
    if person_ids:
        for person_id, key in session.execute(
            select(PersonProfession.person_id, PersonProfession.profession_key).where(
                PersonProfession.person_id.in_(person_ids)
            )
        ):
            if key in cats.professions:
                keys[person_id].add(key)
    counts: dict[int, Counter[str]] = defaultdict(Counter)
    unknown: Counter[int] = Counter()
    for group_id, person_id in members:
        if keys[person_id]:
            counts[group_id].update(keys[person_id])
        else:
            unknown[group_id] += 1
    result: dict[int, list[ProfessionCount]] = {}
    for group_id in group_ids:
        rows = [
            ProfessionCount(profession=p, count=counts[group_id][p.key])
            for p in cats.professions.professions
            if counts[group_id][p.key]
        ]
        if unknown[group_id]:
            rows.append(ProfessionCount(profession=None, count=unknown[group_id]))
        result[group_id] = rows
    return result


def registers_present(
    session: Session, *, group_id: int, cats: Catalogues
) -> list[tuple[Register, int]]:
    """The registers the group's approved members hold, with how many hold each."""
    rows = session.scalars(
        select(Registration.register_key)
        .join(Enrollment, Enrollment.person_id == Registration.person_id)
        .where(Enrollment.group_id == group_id, Enrollment.status == EnrollmentStatus.APPROVED)
    ).all()
    counts = Counter(rows)
    return [(r, counts[r.key]) for r in cats.registers.registers if counts[r.key]]
