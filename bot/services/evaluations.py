"""Evaluation after every meeting (seed 003, "Elke bijeenkomst": was it geslaagd, what did it
bring, did it serve the goal, what can be better): present members get a short pulse by DM.

Privacy by construction: an answer is stored without its author (a random id, no person, no
time); the invite only records that the member answered. Results are shown only as aggregates
and only from the third answer on, to the group with the next meeting's reminder and as a trend.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from statistics import mean

from sqlalchemy import and_, select, update
from sqlalchemy.orm import Session, aliased

from bot import agreement_rules as rules
from bot.actor import Actor
from bot.errors import Conflict, InvalidInput, NotAllowed
from bot.notify import Intent, owe, owe_update
from bot.parsing import clean_text
from bot.services import access
from bot.services.agreements import was_owed
from bot.services.people import insert_ignore
from storage.models import (
    Attendance,
    DeliveryKind,
    EvaluationInvite,
    EvaluationResponse,
    GoalServed,
    Group,
    Meeting,
    MeetingStatus,
    Person,
)

# What a meeting can have brought, in the order the form and the results show it.
BROUGHT: tuple[str, ...] = ("for_me", "for_clients", "for_practice", "for_organisation")


@dataclass(frozen=True, kw_only=True)
class EvaluationPulse(Intent):
    """A present member is asked for the short evaluation of a meeting (a button to the form)."""

    KIND = "evaluation_pulse"
    meeting_id: int


@dataclass(frozen=True, kw_only=True)
class EvaluationThanks(Intent):
    """The pulse is redrawn without its button once answered."""

    KIND = "evaluation_thanks"
    TRANSPORT = DeliveryKind.UPDATE
    meeting_id: int


@dataclass(frozen=True, kw_only=True)
class EvaluationInput:
    """One member's answer, as submitted."""

    score: int
    goal: GoalServed
    brought: frozenset[str]
    remark: str = ""


@dataclass(frozen=True, kw_only=True)
class EvaluationSummary:
    """The aggregate of one meeting's answers (only made from EVALUATION_MIN_ANSWERS on)."""

    meeting: Meeting
    answers: int
    average: float
    goal: dict[GoalServed, int]
    brought: dict[str, int]
    remarks: tuple[str, ...]


def due_meetings(session: Session, *, now: datetime) -> list[int]:
    """Registered meetings of the last two weeks with a present member not yet asked."""
    return list(
        session.scalars(
            select(Attendance.meeting_id)
            .join(Meeting, Meeting.id == Attendance.meeting_id)
            .outerjoin(
                EvaluationInvite,
                and_(
                    EvaluationInvite.meeting_id == Attendance.meeting_id,
                    EvaluationInvite.person_id == Attendance.person_id,
                ),
            )
            .where(
                Meeting.status == MeetingStatus.PLANNED,
                Meeting.attendance_registered_at.is_not(None),
                Meeting.starts_at >= now - rules.EVALUATION_INVITE_WINDOW,
                Meeting.starts_at <= now,
                Attendance.present.is_(True),
                EvaluationInvite.id.is_(None),
            )
            .distinct()
        )
    )


def invite_present(session: Session, *, meeting_id: int, now: datetime) -> int:
    """Ask every present member of the meeting not yet asked (once across processes, also after a
    correction adds someone); returns how many were asked."""
    # Lock the meeting: a second process waits here, then finds the invites and asks nobody.
    meeting = session.get(Meeting, meeting_id, with_for_update=True)
    if meeting is None or meeting.attendance_registered_at is None:
        return 0
    asked = set(
        session.scalars(
            select(EvaluationInvite.person_id).where(EvaluationInvite.meeting_id == meeting.id)
        )
    )
    present = session.scalars(
        select(Person)
        .join(Attendance, Attendance.person_id == Person.id)
        .where(Attendance.meeting_id == meeting.id, Attendance.present.is_(True))
        .order_by(Person.id)
    ).all()
    count = 0
    for person in present:
        if person.id in asked or person.anonymised_at is not None:
            continue
        insert_ignore(
            session,
            EvaluationInvite,
            {"meeting_id": meeting.id, "person_id": person.id, "invited_at": now},
        )
        owe(session, intent=EvaluationPulse(meeting_id=meeting.id), to=person, now=now)
        count += 1
    return count


def open_invite(
    session: Session, *, actor: Actor, meeting_id: int, now: datetime
) -> tuple[Meeting, EvaluationInvite]:
    """The actor's unanswered invite for the meeting; refused for a meeting they did not attend,
    one already answered, or one too long ago."""
    meeting = access.attended_meeting(
        session, actor=actor, meeting_id=meeting_id, refused="evaluation.not_present"
    )
    invite = session.scalars(
        select(EvaluationInvite)
        .where(
            EvaluationInvite.meeting_id == meeting.id,
            EvaluationInvite.person_id == actor.person_id,
        )
        .with_for_update()
    ).one_or_none()
    if invite is None:
        # Present, but the job has not come round yet: the member may answer straight away.
        insert_ignore(
            session,
            EvaluationInvite,
            {"meeting_id": meeting.id, "person_id": actor.person_id, "invited_at": now},
        )
        invite = session.scalars(
            select(EvaluationInvite).where(
                EvaluationInvite.meeting_id == meeting.id,
                EvaluationInvite.person_id == actor.person_id,
            )
        ).one()
    if invite.answered_at is not None:
        raise Conflict("evaluation.already")
    if now > meeting.starts_at + rules.EVALUATION_ANSWER_WINDOW:
        raise Conflict("evaluation.too_late")
    return meeting, invite


def answer_evaluation(
    session: Session, *, actor: Actor, meeting_id: int, data: EvaluationInput, now: datetime
) -> None:
    """Store one anonymous answer and mark the invite answered, in one transaction."""
    meeting, invite = open_invite(session, actor=actor, meeting_id=meeting_id, now=now)
    if not rules.EVALUATION_SCORE_MIN <= data.score <= rules.EVALUATION_SCORE_MAX:
        raise InvalidInput("error.bad_form")
    if not data.brought <= set(BROUGHT):
        raise InvalidInput("error.bad_form")
    remark = clean_text(data.remark)
    if len(remark) > rules.EVALUATION_REMARK_MAX:
        raise InvalidInput("input.too_long", field="remark", count=rules.EVALUATION_REMARK_MAX)
    session.add(
        EvaluationResponse(
            id=uuid.uuid4().hex,
            meeting_id=meeting.id,
            score=data.score,
            goal=data.goal,
            remark=remark or None,
            **{name: name in data.brought for name in BROUGHT},
        )
    )
    invite.answered_at = now
    person = session.get_one(Person, actor.person_id)
    pulse = EvaluationPulse(meeting_id=meeting.id)
    if was_owed(session, intent=pulse, person=person):
        owe_update(
            session, intent=EvaluationThanks(meeting_id=meeting.id), of=pulse, to=person, now=now
        )


def summary(session: Session, *, meeting: Meeting) -> EvaluationSummary | None:
    """The aggregate of the meeting's answers; None below EVALUATION_MIN_ANSWERS (nothing is
    shown about fewer answers, so no single answer can be read off)."""
    rows = list(
        session.scalars(
            select(EvaluationResponse).where(EvaluationResponse.meeting_id == meeting.id)
        )
    )
    if len(rows) < rules.EVALUATION_MIN_ANSWERS:
        return None
    return EvaluationSummary(
        meeting=meeting,
        answers=len(rows),
        average=round(mean(r.score for r in rows), 1),
        goal={value: sum(1 for r in rows if r.goal is value) for value in GoalServed},
        brought={name: sum(1 for r in rows if getattr(r, name)) for name in BROUGHT},
        # Sorted, not in answer order: the order would tell who wrote what.
        remarks=tuple(sorted(r.remark for r in rows if r.remark)),
    )


def previous_summary(session: Session, *, meeting: Meeting) -> EvaluationSummary | None:
    """The evaluation of the group's latest meeting before this one, if it has enough answers."""
    return previous_summaries(session, meeting_ids=[meeting.id]).get(meeting.id)


def previous_summaries(
    session: Session, *, meeting_ids: Collection[int]
) -> dict[int, EvaluationSummary | None]:
    """previous_summary() of several meetings: which meeting came before each is one statement;
    only those earlier meetings are then summed up."""
    if not meeting_ids:
        return {}
    earlier = aliased(Meeting)
    before = (
        select(earlier.id)
        .where(
            earlier.group_id == Meeting.group_id,
            earlier.starts_at < Meeting.starts_at,
            earlier.attendance_registered_at.is_not(None),
            earlier.status == MeetingStatus.PLANNED,
        )
        .order_by(earlier.starts_at.desc(), earlier.id.desc())
        .limit(1)
        .correlate(Meeting)
        .scalar_subquery()
    )
    rows = session.execute(select(Meeting.id, before).where(Meeting.id.in_(list(meeting_ids))))
    pairs: dict[int, int | None] = {meeting_id: earlier_id for meeting_id, earlier_id in rows}
    wanted = {earlier_id for earlier_id in pairs.values() if earlier_id is not None}
    summaries = {
        m.id: summary(session, meeting=m)
        for m in session.scalars(select(Meeting).where(Meeting.id.in_(wanted)))
    }
    return {
        meeting_id: summaries.get(earlier_id) if earlier_id is not None else None
        for meeting_id, earlier_id in pairs.items()
    }


def trend(
    session: Session, *, group_id: int, limit: int = rules.TREND_MEETINGS
) -> list[EvaluationSummary]:
    """The group's latest evaluated meetings (each with enough answers), oldest first."""
    candidates = session.scalars(
        select(Meeting)
        .where(
            Meeting.group_id == group_id,
            Meeting.id.in_(select(EvaluationResponse.meeting_id)),
        )
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        .limit(limit * 4)
    ).all()
    found = []
    for meeting in candidates:
        result = summary(session, meeting=meeting)
        if result is not None:
            found.append(result)
        if len(found) == limit:
            break
    return list(reversed(found))


def viewable_group(session: Session, *, actor: Actor, number: int) -> Group:
    """A group whose evaluation results the actor may see: its members and its managers."""
    group = access.group_by_number(session, team_id=actor.team_id, number=number)
    if not (
        access.can_manage(group, actor=actor)
        or access.is_member(session, group_id=group.id, person_id=actor.person_id)
    ):
        raise NotAllowed("evaluation.not_member", number=group.number)
    return group


def pending_for(session: Session, *, actor: Actor, group_id: int, now: datetime) -> list[Meeting]:
    """The actor's meetings of the group still waiting for their evaluation."""
    return list(
        session.scalars(
            select(Meeting)
            .join(EvaluationInvite, EvaluationInvite.meeting_id == Meeting.id)
            .where(
                Meeting.group_id == group_id,
                EvaluationInvite.person_id == actor.person_id,
                EvaluationInvite.answered_at.is_(None),
                Meeting.starts_at >= now - rules.EVALUATION_ANSWER_WINDOW,
            )
            .order_by(Meeting.starts_at)
        )
    )


def purge_old_remarks(session: Session, *, now: datetime) -> int:
    """Blank "wat kan beter" lines of meetings older than the remark retention; returns how many."""
    old = select(Meeting.id).where(Meeting.starts_at < now - rules.EVALUATION_REMARK_RETENTION)
    result = session.execute(
        update(EvaluationResponse)
        .where(EvaluationResponse.meeting_id.in_(old), EvaluationResponse.remark.is_not(None))
        .values(remark=None)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)
