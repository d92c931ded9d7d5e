"""Idempotency keys kept in processed_event. Events: Slack redelivers an event (X-Slack-Retry-Num)
when our 200 was late or lost; the event id is recorded in the same transaction as the event's
effect, so a redelivery is acked (Bolt acks events itself) and then does nothing. Modals: the view
id of a successful submission is recorded with what it saved, so a second submit of the same modal
(double click) saves nothing."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.services.idempotency import claim_key


def first_delivery(session: Session, body: dict[str, Any], *, now: datetime) -> bool:
    """Record the event id of `body`; True the first time, False for a redelivery.

    Call inside the unit of work that makes the event's effect: if that rolls back, the id is not
    kept and Slack's retry gets another chance. Two deliveries racing each other both insert; the
    database keeps one row and the loser sees rowcount 0 (PostgreSQL waits for the winner's commit).
    """
    event_id = str(body.get("event_id") or "")
    if not event_id:
        # Not an Events API envelope: nothing to deduplicate by.
        return True
    return claim_key(session, key=event_id, team_id=str(body.get("team_id") or ""), now=now)


def first_submission(session: Session, body: dict[str, Any], *, now: datetime) -> bool:
    """Record the submitted modal's view id; False when this modal was already saved once.

    Call in the transaction that saves the submission, after validation: a submit answered with
    inline errors records nothing, so the corrected submit of the same modal still counts.
    """
    view_id = str((body.get("view") or {}).get("id") or "")
    if not view_id:
        return True
    team = body.get("team") or {}
    team_id = str(team.get("id") or "") if isinstance(team, dict) else ""
    return claim_key(session, key=f"view:{view_id}", team_id=team_id, now=now)
