"""Idempotency keys: a key (Slack event id, submitted view id) is claimed once, ever."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from storage.models import ProcessedEvent


def claim_key(session: Session, *, key: str, team_id: str, now: datetime) -> bool:
    """Record `key`; True when this call recorded it, False when it was recorded before.

    Two claims racing each other both insert; the database keeps one row and the loser gets no
    row back (PostgreSQL makes it wait for the winner's commit first).
    """
    values = {"event_id": key[:64], "team_id": team_id[:32], "received_at": now}
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    statement = (
        insert(ProcessedEvent)
        .values(**values)
        .on_conflict_do_nothing()
        .returning(ProcessedEvent.event_id)
    )
    # A row comes back only when this insert made it (not when the key was there already).
    return session.execute(statement).scalar() is not None


# Slack retries an event for about an hour; a modal lives no longer than a day. Keys older than
# this can never be presented again.
KEY_LIFETIME = timedelta(days=7)


def forget_old_keys(session: Session, *, now: datetime) -> int:
    """Delete keys that Slack can no longer send again; returns how many."""
    result = session.execute(
        delete(ProcessedEvent).where(ProcessedEvent.received_at < now - KEY_LIFETIME)
    )
    return int(getattr(result, "rowcount", 0) or 0)
