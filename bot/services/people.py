"""People and workspaces: created on first contact, kept in step with their Slack profile."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from bot.actor import Profile
from storage.models import Person, Workspace


def insert_ignore(session: Session, model: type[Any], values: dict[str, Any]) -> None:
    """INSERT … ON CONFLICT DO NOTHING: two first requests of the same user may race."""
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(insert(model).values(**values).on_conflict_do_nothing())


def ensure_workspace(session: Session, *, team_id: str, now: datetime) -> None:
    """Record the workspace the first time it talks to us; a request after an uninstall means the
    app was installed again, so the workspace is active again."""
    insert_ignore(session, Workspace, {"team_id": team_id, "created_at": now, "active": True})
    session.execute(
        update(Workspace)
        .where(Workspace.team_id == team_id, ~Workspace.active)
        .values(active=True, deactivated_at=None)
    )


def ensure_person(session: Session, *, profile: Profile, now: datetime) -> Person:
    """The person for a Slack user, created on first contact; name, locale and tz refreshed."""
    # Every request starts here: a known person in an active workspace costs one SELECT, not four
    # statements of which three write (bench/README.md, ack latency).
    known = session.execute(
        select(Person, Workspace.active)
        .join(Workspace, Workspace.team_id == Person.team_id)
        .where(Person.team_id == profile.team_id, Person.slack_user_id == profile.user_id)
    ).one_or_none()
    if known is not None and known[1]:
        person: Person = known[0]
    else:
        ensure_workspace(session, team_id=profile.team_id, now=now)
        insert_ignore(
            session,
            Person,
            {
                "team_id": profile.team_id,
                "slack_user_id": profile.user_id,
                "full_name": profile.full_name,
                "display_name": profile.display_name,
                "locale": profile.locale or "nl-NL",
                "tz": profile.tz,
                "created_at": now,
                "profile_refreshed_at": now if profile.fresh else None,
            },
        )
        person = session.scalars(
            select(Person).where(
                Person.team_id == profile.team_id, Person.slack_user_id == profile.user_id
            )
        ).one()
    if profile.fresh and person.anonymised_at is None:
        # Write only what changed: most requests come from people whose profile is unchanged.
        changes = {
            "full_name": profile.full_name,
            "display_name": profile.display_name,
            "locale": profile.locale,
            "tz": profile.tz,
        }
        for attr, value in changes.items():
            if value and getattr(person, attr) != value:
                setattr(person, attr, value)
                person.profile_refreshed_at = now
    return person


def find_person(session: Session, *, team_id: str, slack_user_id: str) -> Person | None:
    """The person known for a Slack user in this workspace, if any."""
    return session.scalars(
        select(Person).where(Person.team_id == team_id, Person.slack_user_id == slack_user_id)
    ).one_or_none()


def display_name(person: Person) -> str:
    """The name to show: full name, else display name, else the Slack id."""
    return person.full_name or person.display_name or person.slack_user_id


def person_by_id(session: Session, *, person_id: int) -> Person:
    """A person by internal id (ids come from the app's own rows, so it exists)."""
    return session.get_one(Person, person_id)


def people_by_ids(session: Session, *, person_ids: list[int]) -> list[Person]:
    """Several people by internal id, in one statement."""
    if not person_ids:
        return []
    return list(session.scalars(select(Person).where(Person.id.in_(person_ids))))
