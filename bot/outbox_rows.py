"""The outbox's rows: claiming due deliveries under a lease, renewing and releasing leases, and
recording what happened (sent, retry later, failed, which DM channel, which file). Slack-free."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, func, or_, select, update
from sqlalchemy.orm import Session

from storage.db import SessionFactory, unit_of_work
from storage.models import AuditEvent, Delivery, DeliveryKind, DeliveryStatus, Workspace

log = logging.getLogger(__name__)


@dataclass
class Claim:
    """One delivery taken by a worker: what to send, to whom, and what is known of earlier tries."""

    id: int
    kind: DeliveryKind
    team_id: str
    recipient: str
    payload: dict[str, Any]
    attempts: int
    # True when an earlier claimer's lease ran out mid-send: it may already have arrived.
    uncertain: bool
    result_channel: str | None


def due_query(now: datetime) -> Any:
    """Deliveries due now: pending and ripe, or sending with an expired lease."""
    return (
        select(Delivery)
        .where(
            or_(
                and_(Delivery.status == DeliveryStatus.PENDING, Delivery.next_attempt_at <= now),
                and_(Delivery.status == DeliveryStatus.SENDING, Delivery.lease_until < now),
            )
        )
        .order_by(Delivery.next_attempt_at, Delivery.id)
    )


def claim_due(
    factory: SessionFactory, *, now: datetime, batch: int, lease: timedelta
) -> list[Claim]:
    """Take up to `batch` due deliveries under a lease; those of uninstalled workspaces are
    cancelled instead."""
    with unit_of_work(factory) as session:
        query = due_query(now).limit(batch)
        if session.get_bind().dialect.name == "postgresql":
            # Several app processes share the table: each takes rows nobody else holds.
            query = query.with_for_update(skip_locked=True)
        rows = session.scalars(query).all()
        inactive = set(session.scalars(select(Workspace.team_id).where(~Workspace.active)))
        claims = []
        for row in rows:
            if row.team_id in inactive:
                row.status = DeliveryStatus.CANCELLED
                row.last_error = "workspace inactive"
                continue
            claims.append(
                Claim(
                    id=row.id,
                    kind=row.kind,
                    team_id=row.team_id,
                    recipient=row.recipient,
                    payload=dict(row.payload),
                    attempts=row.attempts + 1,
                    uncertain=row.status == DeliveryStatus.SENDING or row.maybe_sent,
                    result_channel=row.result_channel,
                )
            )
            row.status = DeliveryStatus.SENDING
            row.lease_until = now + lease
            row.attempts += 1
        return claims


def _in_hand(ids: list[int]) -> Any:
    return and_(Delivery.id.in_(ids), Delivery.status == DeliveryStatus.SENDING)


def renew_leases(factory: SessionFactory, *, ids: list[int], until: datetime) -> None:
    """Extend the leases of rows a live worker still holds."""
    with unit_of_work(factory) as session:
        session.execute(
            update(Delivery)
            .where(_in_hand(ids))
            .values(lease_until=until)
            .execution_options(synchronize_session=False)
        )


def release(factory: SessionFactory, *, ids: list[int]) -> None:
    """Hand back rows a stopping worker will not try (they count no attempt)."""
    with unit_of_work(factory) as session:
        session.execute(
            update(Delivery)
            .where(_in_hand(ids))
            .values(status=DeliveryStatus.PENDING, lease_until=None, attempts=Delivery.attempts - 1)
            .execution_options(synchronize_session=False)
        )


def _row(session: Session, delivery_id: int) -> Delivery | None:
    return session.get(Delivery, delivery_id)


def remember_filename(factory: SessionFactory, *, delivery_id: int, filename: str) -> None:
    """The file's name, for the secretariat's overview of failed deliveries."""
    with unit_of_work(factory) as session:
        row = _row(session, delivery_id)
        if row is not None:
            row.payload = {**row.payload, "filename": filename}


def remember_file(factory: SessionFactory, *, delivery_id: int, file_id: str) -> None:
    """A file id Slack gave for this delivery, recorded before the upload is completed."""
    with unit_of_work(factory) as session:
        row = _row(session, delivery_id)
        if row is not None:
            payload = dict(row.payload)
            payload["file_ids"] = [*(payload.get("file_ids") or []), file_id]
            row.payload = payload
            # From here on Slack may show the file even if this attempt dies unanswered.
            row.maybe_sent = True


def original_message(factory: SessionFactory, *, key: str) -> Delivery | None:
    """The delivery with this dedupe key (the message an update redraws), if any."""
    with unit_of_work(factory) as session:
        return session.scalars(select(Delivery).where(Delivery.dedupe_key == key)).first()


@dataclass(frozen=True)
class Sent:
    """A delivery Slack accepted: where it landed (channel, ts), kept for updates and checks."""

    id: int
    channel: str | None
    ts: str | None


def mark_sent_many(factory: SessionFactory, *, sent: list[Sent], now: datetime) -> None:
    """Record deliveries as sent, in one transaction and one executemany UPDATE."""
    if not sent:
        return
    statement = (
        update(Delivery)
        .where(Delivery.id == bindparam("sent_id"))
        .values(
            status=DeliveryStatus.SENT,
            sent_at=now,
            lease_until=None,
            last_error=None,
            result_channel=func.coalesce(bindparam("sent_channel"), Delivery.result_channel),
            result_ts=bindparam("sent_ts"),
        )
        .execution_options(synchronize_session=False)
    )
    rows = [{"sent_id": s.id, "sent_channel": s.channel, "sent_ts": s.ts} for s in sent]
    with unit_of_work(factory) as session:
        session.connection().execute(statement, rows)


def reschedule(
    factory: SessionFactory,
    *,
    claim: Claim,
    reason: str,
    at: datetime,
    maybe_sent: bool,
    channel: str | None = None,
) -> None:
    """Try again at `at` (unless it was cancelled meanwhile); `channel`, the DM channel when it
    is known, spares the next attempt a conversations.open."""
    with unit_of_work(factory) as session:
        row = _row(session, claim.id)
        # Cancelled meanwhile (workspace uninstalled, member deleted their data): stays so.
        if row is None or row.status is not DeliveryStatus.SENDING:
            return
        if channel and not row.result_channel:
            row.result_channel = channel
        row.status = DeliveryStatus.PENDING
        row.lease_until = None
        row.last_error = reason[:500]
        row.maybe_sent = row.maybe_sent or maybe_sent
        row.next_attempt_at = at


def fail(factory: SessionFactory, *, claim: Claim, reason: str, now: datetime) -> None:
    """Given up: visible to the secretariat (`admin bezorging`) and in the audit log."""
    log.warning("delivery %s failed: %s", claim.id, reason)
    with unit_of_work(factory) as session:
        row = _row(session, claim.id)
        if row is None or row.status is not DeliveryStatus.SENDING:
            return
        row.status = DeliveryStatus.FAILED
        row.lease_until = None
        # When it failed: the secretariat's overview shows it.
        row.next_attempt_at = now
        row.last_error = reason[:500]
        session.add(
            AuditEvent(
                team_id=row.team_id,
                at=now,
                action="delivery_failed",
                details={"delivery_id": row.id, "kind": row.kind.value, "error": reason[:200]},
            )
        )
