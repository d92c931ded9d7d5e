"""A person's professions and registrations in their AVG data export, and gone on deletion."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import PersonProfession, Registration


def profile_export(session: Session, *, person_id: int) -> dict[str, Any]:
    """The professions and registrations (register and number) stored for the person."""
    professions = session.scalars(
        select(PersonProfession)
        .where(PersonProfession.person_id == person_id)
        .order_by(PersonProfession.id)
    ).all()
    registrations = session.scalars(
        select(Registration)
        .where(Registration.person_id == person_id)
        .order_by(Registration.register_key)
    ).all()
    return {
        "professions": [
            {"profession": p.profession_key, "recorded_at": p.created_at.isoformat()}
            for p in professions
        ],
        "registrations": [
            {
                "register": r.register_key,
                "number": r.number,
                "recorded_at": r.created_at.isoformat(),
                "updated_at": r.updated_at.isoformat(),
            }
            for r in registrations
        ],
    }


def delete_profile(session: Session, *, person_id: int) -> None:
    """Delete the person's professions and registrations (Art. 17 AVG)."""
    session.execute(delete(Registration).where(Registration.person_id == person_id))
    session.execute(delete(PersonProfession).where(PersonProfession.person_id == person_id))
