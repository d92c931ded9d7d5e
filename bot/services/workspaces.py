"""Workspaces: an uninstalled workspace gets nothing more from the outbox."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session

from bot.services.people import ensure_workspace
from storage.models import Delivery, DeliveryStatus, Workspace


def deactivate_workspace(session: Session, *, team_id: str, now: datetime) -> int:
    """Mark the workspace inactive and cancel its pending deliveries; returns how many."""
    ensure_workspace(session, team_id=team_id, now=now)
    session.execute(
        update(Workspace)
        .where(Workspace.team_id == team_id)
        .values(active=False, deactivated_at=now)
    )
    result = session.execute(
        update(Delivery)
        .where(
            Delivery.team_id == team_id,
            Delivery.status.in_([DeliveryStatus.PENDING, DeliveryStatus.SENDING]),
        )
        .values(status=DeliveryStatus.CANCELLED, last_error="workspace uninstalled")
    )
    return int(getattr(result, "rowcount", 0) or 0)
