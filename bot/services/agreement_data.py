"""What this area stores about one person, for their AVG export (bot/services/privacy.py):
agreements they confirmed, their poll answers, their notices of absence, and which evaluations
they were asked for and answered. Evaluation answers themselves are stored without their author,
so they cannot be part of anyone's export."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import (
    Absence,
    AgreementConfirmation,
    EvaluationInvite,
    Group,
    Meeting,
    PollAnswer,
    PollSlot,
)


def personal_data(session: Session, *, person_id: int) -> dict[str, Any]:
    """The person's rows of this area as plain JSON-able data."""
    confirmations = session.execute(
        select(AgreementConfirmation, Group.number)
        .join(Group, Group.id == AgreementConfirmation.group_id)
        .where(AgreementConfirmation.person_id == person_id)
        .order_by(AgreementConfirmation.id)
    ).all()
    answers = session.execute(
        select(PollAnswer, PollSlot.starts_at)
        .join(PollSlot, PollSlot.id == PollAnswer.slot_id)
        .where(PollAnswer.person_id == person_id)
        .order_by(PollSlot.starts_at, PollAnswer.id)
    ).all()
    absences = session.execute(
        select(Absence, Meeting.starts_at)
        .join(Meeting, Meeting.id == Absence.meeting_id)
        .where(Absence.person_id == person_id)
        .order_by(Meeting.starts_at, Absence.id)
    ).all()
    invites = session.execute(
        select(EvaluationInvite, Meeting.starts_at)
        .join(Meeting, Meeting.id == EvaluationInvite.meeting_id)
        .where(EvaluationInvite.person_id == person_id)
        .order_by(Meeting.starts_at, EvaluationInvite.id)
    ).all()
    return {
        "agreement_confirmations": [
            {
                "group_number": number,
                "version": c.version,
                "confirmed_at": c.confirmed_at.isoformat(),
            }
            for c, number in confirmations
        ],
        "poll_answers": [
            {"moment": starts_at.isoformat(), "answer": a.answer.value} for a, starts_at in answers
        ],
        "absences": [
            {
                "meeting_starts_at": starts_at.isoformat(),
                "reason": a.reason.value if a.reason else None,
                "notified_at": a.notified_at.isoformat(),
            }
            for a, starts_at in absences
        ],
        "evaluations": [
            {
                "meeting_starts_at": starts_at.isoformat(),
                "answered": i.answered_at is not None,
            }
            for i, starts_at in invites
        ],
    }
