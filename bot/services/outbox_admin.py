"""The secretariat's view of the outbox: deliveries the app gave up on, and sending one again."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.errors import Conflict, NotFound
from bot.notify import wake_outbox
from bot.services import audit
from storage.models import Delivery, DeliveryKind, DeliveryStatus

# How many failed deliveries one overview shows (a message holds at most 50 blocks).
FAILED_SHOWN = 15


@dataclass(frozen=True, kw_only=True)
class FailedDelivery:
    """One failed delivery as the secretariat sees it: metadata only, never the message text."""

    id: int
    recipient: str
    kind: DeliveryKind
    filename: str | None
    # The notification's kind (bot/notify.py), so the overview can say what it was about.
    intent: str
    error: str
    failed_at: datetime


@dataclass(frozen=True, kw_only=True)
class FailedPage:
    """The most recent failures and how many there are in all."""

    items: list[FailedDelivery]
    total: int


def failed_deliveries(session: Session, *, team_id: str, limit: int = FAILED_SHOWN) -> FailedPage:
    """Failed deliveries of the workspace, most recent first."""
    where = (Delivery.team_id == team_id, Delivery.status == DeliveryStatus.FAILED)
    total = session.scalar(select(func.count()).select_from(Delivery).where(*where)) or 0
    rows = session.scalars(
        select(Delivery)
        .where(*where)
        .order_by(Delivery.next_attempt_at.desc(), Delivery.id.desc())
        .limit(limit)
    ).all()
    items = [
        FailedDelivery(
            id=row.id,
            recipient=row.recipient,
            kind=row.kind,
            filename=str(row.payload.get("filename") or "") or None,
            intent=str(row.payload.get("intent") or ""),
            error=row.last_error or "",
            failed_at=row.next_attempt_at,
        )
        for row in rows
    ]
    return FailedPage(items=items, total=total)


def retry_delivery(
    session: Session, *, team_id: str, delivery_id: int, actor_id: int | None, now: datetime
) -> Delivery:
    """Put a failed delivery back in the queue with a fresh set of attempts; once only."""
    row = session.scalars(
        select(Delivery)
        .where(Delivery.id == delivery_id, Delivery.team_id == team_id)
        .with_for_update()
    ).one_or_none()
    if row is None:
        raise NotFound("admin.deliveries.not_found")
    if row.status is not DeliveryStatus.FAILED:
        # A second click (or a second window) finds it queued or sent already: nothing to do.
        raise Conflict("admin.deliveries.not_failed")
    row.status = DeliveryStatus.PENDING
    row.attempts = 0
    row.next_attempt_at = now
    row.lease_until = None
    wake_outbox(session)
    audit.record(
        session,
        team_id=team_id,
        now=now,
        action="delivery_retried",
        actor_id=actor_id,
        details={"delivery_id": row.id, "kind": row.kind.value},
    )
    return row
