"""Aanmelden, accorderen, afwijzen, afmelden: a member asks to join by group number, the contact
person (or the secretariat) decides once, and a member may leave. Each step owes its DMs
(bot/notify.py): the request to the contact person, the decision to the requester (and the request
message redrawn with who decided), a departure to the contact person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import Conflict, InvalidInput, NotAllowed, NotFound
from bot.notify import Intent, owe, owe_update
from bot.services import audit
from bot.services.access import group_by_number, require_manager
from bot.services.association import fee_blocks_requests
from bot.services.fees import has_unpaid_fee
from bot.services.group_rights import require_not_ended
from bot.services.groups import member_count
from bot.services.membership_story import member_gone, welcome_to_meetings
from bot.services.redraw import deciders, redraw_sent
from storage.models import DeliveryKind, Enrollment, EnrollmentStatus, Group, MembershipType, Person

REASON_MAX = 500
MEMBER_NUMBER_MAX = 40


@dataclass(frozen=True, kw_only=True)
class EnrollmentRequested(Intent):
    """The contact person is asked to approve or reject a request (a DM with two buttons)."""

    KIND = "enrollment_requested"
    enrollment_id: int


@dataclass(frozen=True, kw_only=True)
class RequestDecided(Intent):
    """The request DM is redrawn without buttons: who decided, and when."""

    KIND = "request_decided"
    TRANSPORT = DeliveryKind.UPDATE
    enrollment_id: int


@dataclass(frozen=True, kw_only=True)
class EnrollmentDecided(Intent):
    """The requester is told the decision: a welcome with next steps, or the reason."""

    KIND = "enrollment_decided"
    enrollment_id: int


@dataclass(frozen=True, kw_only=True)
class MemberLeft(Intent):
    """The contact person is told that a member left (or withdrew a request)."""

    KIND = "member_left"
    enrollment_id: int


def _lock_group(session: Session, *, team_id: str, group_id: int) -> Group:
    # Row lock on the group: every change to its membership queues here, so two approvals for
    # the last seat (or approve and reject at once) are decided one after the other.
    group = session.scalars(
        select(Group).where(Group.id == group_id).with_for_update()
    ).one_or_none()
    if group is None or group.team_id != team_id or group.archived_at is not None:
        raise NotFound("group.not_found_by_id")
    return group


def _live_enrollment(session: Session, *, group_id: int, person_id: int) -> Enrollment | None:
    return session.scalars(
        select(Enrollment).where(
            Enrollment.group_id == group_id,
            Enrollment.person_id == person_id,
            Enrollment.status.in_([EnrollmentStatus.PENDING, EnrollmentStatus.APPROVED]),
        )
    ).first()


def joinable_group(session: Session, *, actor: Actor, number: int) -> Group:
    """The group with this number, if the actor may ask to join it (nothing is written)."""
    group = group_by_number(session, team_id=actor.team_id, number=number)
    _check_can_request(session, group=group, person_id=actor.person_id)
    return group


def _check_can_request(session: Session, *, group: Group, person_id: int) -> None:
    """Every refusal a join request can meet, checked without writing anything."""
    if group.supervisor_id == person_id:
        # The supervisor guides the group; a participant they cannot also be.
        raise Conflict("guided.error.supervisor_joins", number=group.number, name=group.name)
    live = _live_enrollment(session, group_id=group.id, person_id=person_id)
    if live is not None and live.status == EnrollmentStatus.APPROVED:
        raise Conflict("enroll.already_member", number=group.number, name=group.name)
    if live is not None:
        raise Conflict("enroll.already_pending", number=group.number, name=group.name)
    require_not_ended(group)
    if not group.open_for_requests:
        raise Conflict("enroll.closed", number=group.number, name=group.name)
    if member_count(session, group_id=group.id) >= group.max_members:
        raise Conflict("enroll.full", number=group.number, name=group.name, count=group.max_members)


def needs_membership_type(session: Session, *, person_id: int) -> bool:
    """True until the person has said whether they are an LVV member or a paying participant."""
    person = session.get(Person, person_id)
    return person is None or person.membership_type is None


def set_membership(
    session: Session,
    *,
    actor: Actor,
    person: Person,
    membership_type: MembershipType,
    member_number: str | None,
    now: datetime,
) -> None:
    """Record whether someone is an LVV member (with member number) or a participant."""
    number = (member_number or "").strip()
    if membership_type is MembershipType.MEMBER and not number:
        raise InvalidInput("enroll.member_number_required", field="member_number")
    if len(number) > MEMBER_NUMBER_MAX:
        raise InvalidInput("enroll.member_number_too_long", field="member_number")
    before = person.membership_type
    person.membership_type = membership_type
    person.member_number = number if membership_type is MembershipType.MEMBER else None
    audit.record(
        session,
        team_id=actor.team_id,
        action="membership_changed",
        now=now,
        actor_id=actor.person_id,
        subject_id=person.id,
        details={"from": before.value if before else None, "to": membership_type.value},
    )


def request_to_join(session: Session, *, actor: Actor, group_id: int, now: datetime) -> Group:
    """Store a pending request and owe the contact person the request DM; refused when already
    in, already asked, closed, full or unknown."""
    group = _lock_group(session, team_id=actor.team_id, group_id=group_id)
    _check_can_request(session, group=group, person_id=actor.person_id)
    if needs_membership_type(session, person_id=actor.person_id):
        raise Conflict("enroll.membership_unknown")
    if fee_blocks_requests(session, team_id=actor.team_id):
        # The association's setting (off by default): a non-member's open fee stops requests.
        year = now.astimezone(actor.tz).year
        if has_unpaid_fee(session, person=session.get_one(Person, actor.person_id), year=year):
            raise Conflict("fee.blocks_request", year=year)
    enrollment = Enrollment(
        group_id=group.id,
        person_id=actor.person_id,
        status=EnrollmentStatus.PENDING,
        requested_at=now,
    )
    session.add(enrollment)
    session.flush()
    audit.record(
        session,
        team_id=actor.team_id,
        action="enrollment_requested",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        subject_id=actor.person_id,
        details={"enrollment_id": enrollment.id},
    )
    owe(
        session,
        intent=EnrollmentRequested(enrollment_id=enrollment.id),
        to=group.contact_person,
        now=now,
    )
    deputy = session.get(Person, group.deputy_id) if group.deputy_id is not None else None
    if deputy is not None:
        # The deputy decides requests too, so they get their own copy with the buttons.
        owe(session, intent=EnrollmentRequested(enrollment_id=enrollment.id), to=deputy, now=now)
    return group


def load_pending_for_manager(session: Session, *, actor: Actor, enrollment_id: int) -> Enrollment:
    """The request, if the actor may decide on it and it is still open (used before a modal)."""
    enrollment = session.get(Enrollment, enrollment_id)
    if enrollment is None or enrollment.group.team_id != actor.team_id:
        raise NotFound("enroll.request_not_found")
    if enrollment.group.archived_at is not None:
        raise NotFound("group.not_found_by_id")
    require_manager(enrollment.group, actor=actor)
    if enrollment.status != EnrollmentStatus.PENDING:
        raise Conflict("enroll.already_decided")
    return enrollment


def decide(
    session: Session,
    *,
    actor: Actor,
    enrollment_id: int,
    approve: bool,
    reason: str | None,
    now: datetime,
) -> Enrollment:
    """Approve or reject a pending request, once: only the contact person, the deputy or the
    secretariat, and never beyond the group's maximum. The requester is told, the request DM is
    redrawn."""
    enrollment = session.get(Enrollment, enrollment_id)
    if enrollment is None:
        raise NotFound("enroll.request_not_found")
    group = _lock_group(session, team_id=actor.team_id, group_id=enrollment.group_id)
    require_manager(group, actor=actor)
    # Re-read after the lock: a concurrent decision may have committed while we waited.
    session.refresh(enrollment)
    if enrollment.status != EnrollmentStatus.PENDING:
        raise Conflict("enroll.already_decided")
    clean_reason = (reason or "").strip()[:REASON_MAX] or None
    if approve:
        if member_count(session, group_id=group.id) >= group.max_members:
            raise Conflict("enroll.full_on_approve", number=group.number, count=group.max_members)
        enrollment.status = EnrollmentStatus.APPROVED
    else:
        enrollment.status = EnrollmentStatus.REJECTED
        enrollment.reason = clean_reason
    enrollment.decided_at = now
    enrollment.decided_by_id = actor.person_id
    audit.record(
        session,
        team_id=actor.team_id,
        action="enrollment_approved" if approve else "enrollment_rejected",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        subject_id=enrollment.person_id,
        # Metadata only: whether a reason was given, not the reason itself.
        details={"enrollment_id": enrollment.id, "with_reason": clean_reason is not None},
    )
    owe(
        session,
        intent=EnrollmentDecided(enrollment_id=enrollment.id),
        to=enrollment.person,
        now=now,
    )
    owe_update(
        session,
        intent=RequestDecided(enrollment_id=enrollment.id),
        of=EnrollmentRequested(enrollment_id=enrollment.id),
        to=group.contact_person,
        now=now,
    )
    # Every other copy of the request (the deputy's) is redrawn with the decision as well.
    redraw_sent(
        session,
        intent=RequestDecided(enrollment_id=enrollment.id),
        of=EnrollmentRequested(enrollment_id=enrollment.id),
        people=deciders(session, group=group),
        now=now,
    )
    if approve:
        # Welcome into the group's story: the meetings already planned come to the new member.
        welcome_to_meetings(
            session, group=group, person=enrollment.person, enrollment_id=enrollment.id, now=now
        )
    return enrollment


def leavable_group(session: Session, *, actor: Actor, number: int) -> Group:
    """The group the actor may leave (nothing is written)."""
    group = group_by_number(session, team_id=actor.team_id, number=number)
    _check_can_leave(session, group=group, person_id=actor.person_id)
    return group


def _check_can_leave(session: Session, *, group: Group, person_id: int) -> Enrollment:
    """The live enrollment to end; the contact person must hand over first."""
    live = _live_enrollment(session, group_id=group.id, person_id=person_id)
    if live is None:
        raise Conflict("leave.not_member", number=group.number)
    if group.contact_person_id == person_id:
        raise NotAllowed("leave.contact_person", number=group.number)
    return live


def leave(session: Session, *, actor: Actor, group_id: int, now: datetime) -> Group:
    """End the actor's membership (or withdraw a pending request); the contact person is told."""
    group = _lock_group(session, team_id=actor.team_id, group_id=group_id)
    live = _check_can_leave(session, group=group, person_id=actor.person_id)
    was = live.status
    live.status = EnrollmentStatus.LEFT
    live.left_at = now
    audit.record(
        session,
        team_id=actor.team_id,
        action="member_left",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        subject_id=actor.person_id,
        details={"enrollment_id": live.id, "was": was.value},
    )
    owe(session, intent=MemberLeft(enrollment_id=live.id), to=group.contact_person, now=now)
    if was is EnrollmentStatus.APPROVED:
        member_gone(session, actor=actor, group=group, person_id=actor.person_id, now=now)
    return group
