"""Choosing a date together (a "datumprikker"): the contact person proposes 2-8 moments, members
answer ja / misschien / nee per moment until the deadline and may change their answer, and the
contact person picks one, which is planned like any meeting (bot/services/meetings.py).

Who is told what: every member gets the poll as a DM; each answer redraws everyone's copy (the
live tally); a day before the deadline those who have not answered are reminded; at the deadline
the contact person is asked to pick (bot/services/poll_deadlines.py, claimed once across
processes). The contact person may withdraw a poll that is not yet decided.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot import agreement_rules as rules
from bot.actor import Actor
from bot.errors import Conflict, InvalidInput, NotAllowed, NotFound
from bot.notify import Intent, owe, owe_update
from bot.services import access
from bot.services.audit import record
from bot.services.meetings import MeetingInput, plan_meeting
from storage.models import (
    DatePoll,
    Delivery,
    DeliveryKind,
    DeliveryStatus,
    Group,
    Meeting,
    Person,
    PollAnswer,
    PollAnswerValue,
    PollSlot,
    PollStatus,
)


@dataclass(frozen=True, kw_only=True)
class PollInvite(Intent):
    """A member gets the poll: each moment with ja / misschien / nee and the tally so far."""

    KIND = "poll_invite"
    poll_id: int


@dataclass(frozen=True, kw_only=True)
class PollRedraw(Intent):
    """A member's copy of the poll is redrawn with the tally as it is now (or the outcome)."""

    KIND = "poll_redraw"
    TRANSPORT = DeliveryKind.UPDATE
    poll_id: int
    revision: int


@dataclass(frozen=True, kw_only=True)
class PollReminder(Intent):
    """A member who has not answered is reminded before the deadline."""

    KIND = "poll_reminder"
    poll_id: int


@dataclass(frozen=True, kw_only=True)
class PollClosed(Intent):
    """The contact person hears that the poll closed, with the tally and a button per moment."""

    KIND = "poll_closed"
    poll_id: int


@dataclass(frozen=True, kw_only=True)
class PollInput:
    """The proposed moments (aware UTC), the meeting's length and place, and an optional deadline."""

    slots: list[datetime]
    duration_minutes: int
    place: str = ""
    deadline_at: datetime | None = None


@dataclass(frozen=True, kw_only=True)
class SlotTally:
    """One moment and how the members answered it."""

    slot_id: int
    starts_at: datetime
    yes: int
    maybe: int
    no: int


@dataclass(frozen=True, kw_only=True)
class PollView:
    """A poll as one member sees it: the tally, their own answers, and who has not answered."""

    poll: DatePoll
    group: Group
    slots: tuple[SlotTally, ...]
    mine: dict[int, PollAnswerValue]
    members: int
    answered: int
    waiting: tuple[Person, ...]
    chosen: SlotTally | None


def resolve_deadline(
    *, slots: list[datetime], deadline_at: datetime | None, now: datetime
) -> datetime:
    """The poll's deadline: as given (after now, not after the first moment), or a week from now
    but at the latest a day before the first moment; refused when that leaves no time."""
    first = min(slots)
    if deadline_at is not None:
        if deadline_at <= now:
            raise InvalidInput("poll.error.deadline_past", field="deadline")
        if deadline_at > first:
            raise InvalidInput("poll.error.deadline_after_slot", field="deadline")
        return deadline_at
    deadline = min(now + timedelta(days=rules.POLL_DEFAULT_ANSWER_DAYS), first - timedelta(days=1))
    if deadline <= now:
        raise InvalidInput("poll.error.too_soon", field="slots")
    return deadline


def check_slots(slots: list[datetime]) -> list[datetime]:
    """The moments in time order: 2-8 different ones, all still to come."""
    if len(set(slots)) != len(slots):
        raise InvalidInput("poll.error.duplicate", field="slots")
    if len(slots) < rules.POLL_MIN_SLOTS:
        raise InvalidInput("poll.error.too_few", field="slots", count=rules.POLL_MIN_SLOTS)
    if len(slots) > rules.POLL_MAX_SLOTS:
        raise InvalidInput("poll.error.too_many", field="slots", count=rules.POLL_MAX_SLOTS)
    return sorted(slots)


def _recipients(session: Session, *, group: Group) -> list[Person]:
    """The approved members and the contact person (once)."""
    people = {p.id: p for p in access.approved_members(session, group_id=group.id)}
    people.setdefault(group.contact_person_id, group.contact_person)
    return list(people.values())


def create_poll(
    session: Session, *, actor: Actor, group_id: int, data: PollInput, now: datetime
) -> DatePoll:
    """Store a poll with its moments and owe every member the poll DM."""
    group = access.group_by_id(session, team_id=actor.team_id, group_id=group_id)
    access.require_manager(group, actor=actor)
    slots = check_slots(data.slots)
    if slots[0] <= now:
        raise InvalidInput("poll.error.past", field="slots")
    deadline = resolve_deadline(slots=slots, deadline_at=data.deadline_at, now=now)
    poll = DatePoll(
        group_id=group.id,
        created_by_id=actor.person_id,
        duration_minutes=data.duration_minutes,
        place=data.place.strip(),
        deadline_at=deadline,
        status=PollStatus.OPEN,
        revision=0,
        # Too close to the deadline for a reminder a day ahead: none is sent.
        reminded_at=now if deadline - rules.POLL_REMINDER_BEFORE_DEADLINE <= now else None,
        created_at=now,
    )
    session.add(poll)
    session.flush()
    for position, starts_at in enumerate(slots):
        session.add(PollSlot(poll_id=poll.id, starts_at=starts_at, position=position))
    record(
        session,
        team_id=actor.team_id,
        action="poll_created",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        details={"poll_id": poll.id, "slots": len(slots), "deadline": deadline.isoformat()},
    )
    for person in _recipients(session, group=group):
        owe(session, intent=PollInvite(poll_id=poll.id), to=person, now=now)
    return poll


def _locked_poll(session: Session, *, actor: Actor, slot_id: int) -> tuple[DatePoll, PollSlot]:
    slot = session.get(PollSlot, slot_id)
    if slot is None:
        raise NotFound("poll.not_found")
    # Row lock on the poll: answers, a pick and the deadline job are applied one after the other.
    poll = session.scalars(
        select(DatePoll).where(DatePoll.id == slot.poll_id).with_for_update()
    ).one()
    if poll.group.team_id != actor.team_id:
        raise NotFound("poll.not_found")
    return poll, slot


def _check_open(poll: DatePoll, *, now: datetime) -> None:
    if poll.status is PollStatus.DECIDED:
        raise Conflict("poll.decided")
    if poll.status is PollStatus.CANCELLED:
        raise Conflict("poll.cancelled")
    if poll.status is PollStatus.CLOSED or poll.deadline_at <= now:
        raise Conflict("poll.closed")


def answer(
    session: Session, *, actor: Actor, slot_id: int, value: PollAnswerValue, now: datetime
) -> DatePoll:
    """Ja / misschien / nee for one moment (a second click changes the answer); refused once the
    poll has closed. Everyone's copy is redrawn with the new tally."""
    poll, slot = _locked_poll(session, actor=actor, slot_id=slot_id)
    group = poll.group
    if not (
        access.is_member(session, group_id=group.id, person_id=actor.person_id)
        or group.contact_person_id == actor.person_id
    ):
        raise NotAllowed("poll.not_member", number=group.number)
    _check_open(poll, now=now)
    row = session.scalars(
        select(PollAnswer).where(
            PollAnswer.slot_id == slot.id, PollAnswer.person_id == actor.person_id
        )
    ).one_or_none()
    if row is None:
        row = PollAnswer(slot_id=slot.id, person_id=actor.person_id)
        session.add(row)
    elif row.answer is value:
        return poll  # the same click again: nothing to redraw
    row.answer = value
    row.answered_at = now
    redraw_all(session, poll=poll, now=now)
    return poll


def pick(session: Session, *, actor: Actor, slot_id: int, now: datetime) -> Meeting:
    """The contact person picks a moment: it is planned as a meeting (members get the DM with the
    .ics and reminders), and every copy of the poll shows the choice."""
    poll, slot = _locked_poll(session, actor=actor, slot_id=slot_id)
    access.require_manager(poll.group, actor=actor)
    if poll.status is PollStatus.DECIDED:
        raise Conflict("poll.decided")
    if poll.status is PollStatus.CANCELLED:
        raise Conflict("poll.cancelled")
    if slot.starts_at <= now:
        raise Conflict("poll.slot_past")
    meeting = plan_meeting(
        session,
        actor=actor,
        group_id=poll.group_id,
        data=MeetingInput(
            starts_at=slot.starts_at, duration_minutes=poll.duration_minutes, place=poll.place
        ),
        now=now,
    )
    poll.status = PollStatus.DECIDED
    poll.chosen_slot_id = slot.id
    poll.meeting_id = meeting.id
    poll.closed_at = poll.closed_at or now
    record(
        session,
        team_id=actor.team_id,
        action="poll_decided",
        now=now,
        actor_id=actor.person_id,
        group_id=poll.group_id,
        details={"poll_id": poll.id, "slot_id": slot.id, "meeting_id": meeting.id},
    )
    redraw_all(session, poll=poll, now=now)
    return meeting


def cancel_poll(session: Session, *, actor: Actor, poll_id: int, now: datetime) -> DatePoll:
    """Intrekken: the contact person withdraws a poll not yet decided; every copy says so."""
    poll = session.scalars(
        select(DatePoll).where(DatePoll.id == poll_id).with_for_update()
    ).one_or_none()
    if poll is None or poll.group.team_id != actor.team_id:
        raise NotFound("poll.not_found")
    access.require_manager(poll.group, actor=actor)
    if poll.status is PollStatus.DECIDED:
        raise Conflict("poll.decided")
    if poll.status is PollStatus.CANCELLED:
        raise Conflict("poll.cancelled")
    poll.status = PollStatus.CANCELLED
    poll.closed_at = poll.closed_at or now
    record(
        session,
        team_id=actor.team_id,
        action="poll_cancelled",
        now=now,
        actor_id=actor.person_id,
        group_id=poll.group_id,
        details={"poll_id": poll.id},
    )
    redraw_all(session, poll=poll, now=now)
    return poll


def redraw_all(session: Session, *, poll: DatePoll, now: datetime) -> None:
    """Owe everyone a redraw of their copy; redraws not yet sent are dropped, since the newest
    shows everything they would (a busy poll costs one update per member, not one per answer)."""
    poll.revision += 1
    session.execute(
        update(Delivery)
        .where(
            Delivery.dedupe_key.startswith(f"{PollRedraw.KIND}:{poll.id}:", autoescape=True),
            Delivery.status == DeliveryStatus.PENDING,
        )
        .values(status=DeliveryStatus.CANCELLED, last_error="superseded by a newer redraw")
        .execution_options(synchronize_session=False)
    )
    redraw = PollRedraw(poll_id=poll.id, revision=poll.revision)
    for person in _recipients(session, group=poll.group):
        owe_update(session, intent=redraw, of=PollInvite(poll_id=poll.id), to=person, now=now)


def poll_view(session: Session, *, poll_id: int, viewer_id: int) -> PollView:
    """The poll as `viewer_id` sees it, from fresh data."""
    poll = session.get(DatePoll, poll_id)
    if poll is None:
        raise NotFound("poll.not_found")
    slots = list(
        session.scalars(
            select(PollSlot).where(PollSlot.poll_id == poll.id).order_by(PollSlot.position)
        )
    )
    answers = list(
        session.scalars(
            select(PollAnswer).where(PollAnswer.slot_id.in_([s.id for s in slots] or [0]))
        )
    )
    members = access.approved_members(session, group_id=poll.group_id)
    member_ids = {m.id for m in members}
    tallies = []
    for slot in slots:
        counted = [a.answer for a in answers if a.slot_id == slot.id and a.person_id in member_ids]
        tallies.append(
            SlotTally(
                slot_id=slot.id,
                starts_at=slot.starts_at,
                yes=counted.count(PollAnswerValue.YES),
                maybe=counted.count(PollAnswerValue.MAYBE),
                no=counted.count(PollAnswerValue.NO),
            )
        )
    answered_ids = {a.person_id for a in answers} & member_ids
    return PollView(
        poll=poll,
        group=poll.group,
        slots=tuple(tallies),
        mine={a.slot_id: a.answer for a in answers if a.person_id == viewer_id},
        members=len(members),
        answered=len(answered_ids),
        waiting=tuple(m for m in members if m.id not in answered_ids),
        chosen=next((s for s in tallies if s.slot_id == poll.chosen_slot_id), None),
    )
