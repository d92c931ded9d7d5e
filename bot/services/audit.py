"""The audit log: who decided what, when (metadata only, never case content)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from storage.models import AuditEvent


def record(
    session: Session,
    *,
    team_id: str,
    action: str,
    now: datetime,
    actor_id: int | None = None,
    group_id: int | None = None,
    subject_id: int | None = None,
    details: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add one AuditEvent to the session (the caller's transaction commits it)."""
    event = AuditEvent(
        team_id=team_id,
        at=now,
        action=action,
        actor_id=actor_id,
        group_id=group_id,
        subject_id=subject_id,
        details=dict(details or {}),
    )
    session.add(event)
    return event
