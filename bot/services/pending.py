"""Requests that end without a decision: when a group closes for requests or ends, its pending
requests lapse. The requester is told why, and every copy of the request DM (contact person,
deputy) is redrawn without its buttons."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from bot.actor import Actor
from bot.notify import Intent, owe
from bot.services import audit
from bot.services.enrollment import EnrollmentRequested
from bot.services.redraw import deciders, redraw_sent
from storage.models import DeliveryKind, Enrollment, EnrollmentStatus, Group


class LapseReason(enum.StrEnum):
    """Why a request ended without a decision."""

    CLOSED = "closed"
    ENDED = "ended"


@dataclass(frozen=True, kw_only=True)
class RequestEnded(Intent):
    """The requester hears that their request lapsed: the group closed for requests or ended."""

    KIND = "request_ended"
    enrollment_id: int
    why: str


@dataclass(frozen=True, kw_only=True)
class RequestLapsed(Intent):
    """The request DM (to the contact person and the deputy) is redrawn: it lapsed, and why."""

    KIND = "request_lapsed"
    TRANSPORT = DeliveryKind.UPDATE
    enrollment_id: int
    why: str


def pending_requests(session: Session, *, group_id: int) -> list[Enrollment]:
    """The group's requests still waiting for a decision, oldest first."""
    return list(
        session.scalars(
            select(Enrollment)
            .where(Enrollment.group_id == group_id, Enrollment.status == EnrollmentStatus.PENDING)
            # The page and the DMs name each requester: load them in the same query (no N+1).
            .options(joinedload(Enrollment.person))
            .order_by(Enrollment.requested_at, Enrollment.id)
        )
    )


def lapse_pending(
    session: Session, *, actor: Actor, group: Group, why: LapseReason, now: datetime
) -> int:
    """End every pending request of the group (it closed or ended); returns how many."""
    lapsed = pending_requests(session, group_id=group.id)
    people = deciders(session, group=group)
    for enrollment in lapsed:
        # Rejected, as nobody may join any more; the decider is who closed or ended the group.
        enrollment.status = EnrollmentStatus.REJECTED
        enrollment.decided_at = now
        enrollment.decided_by_id = actor.person_id
        audit.record(
            session,
            team_id=group.team_id,
            action="enrollment_lapsed",
            now=now,
            actor_id=actor.person_id,
            group_id=group.id,
            subject_id=enrollment.person_id,
            details={"enrollment_id": enrollment.id, "why": why.value},
        )
        owe(
            session,
            intent=RequestEnded(enrollment_id=enrollment.id, why=why.value),
            to=enrollment.person,
            now=now,
        )
        redraw_sent(
            session,
            intent=RequestLapsed(enrollment_id=enrollment.id, why=why.value),
            of=EnrollmentRequested(enrollment_id=enrollment.id),
            people=people,
            now=now,
        )
    return len(lapsed)
