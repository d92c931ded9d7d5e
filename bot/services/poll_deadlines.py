"""The date poll's deadline, run by the periodic job (bot/jobs.py): a day before it, members who
have not answered are reminded; at it, the poll closes and the contact person is asked to pick.
Each step is claimed with a conditional UPDATE, so several app processes do it once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot import agreement_rules as rules
from bot.notify import owe
from bot.services.date_polls import PollClosed, PollReminder, poll_view, redraw_all
from storage.models import DatePoll, PollStatus


def due_polls(session: Session, *, now: datetime) -> tuple[list[int], list[int]]:
    """(polls past their deadline, polls whose reminder is due), each still open."""
    to_close = list(
        session.scalars(
            select(DatePoll.id).where(
                DatePoll.status == PollStatus.OPEN, DatePoll.deadline_at <= now
            )
        )
    )
    to_remind = list(
        session.scalars(
            select(DatePoll.id).where(
                DatePoll.status == PollStatus.OPEN,
                DatePoll.reminded_at.is_(None),
                DatePoll.deadline_at <= now + rules.POLL_REMINDER_BEFORE_DEADLINE,
            )
        )
    )
    return to_close, to_remind


def claim_close(session: Session, *, poll_id: int, now: datetime) -> bool:
    """Close one poll at its deadline (once across processes); the contact person is asked to
    pick and every copy shows it closed."""
    # The conditional UPDATE is the claim (as for reminders): a second process updates nothing.
    claimed = session.execute(
        update(DatePoll)
        .where(
            DatePoll.id == poll_id,
            DatePoll.status == PollStatus.OPEN,
            DatePoll.deadline_at <= now,
        )
        .values(status=PollStatus.CLOSED, closed_at=now)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        return False
    poll = session.get_one(DatePoll, poll_id, populate_existing=True)
    owe(session, intent=PollClosed(poll_id=poll.id), to=poll.group.contact_person, now=now)
    redraw_all(session, poll=poll, now=now)
    return True


def claim_reminder(session: Session, *, poll_id: int, now: datetime) -> int:
    """Remind the members who have not answered (once across processes); returns how many."""
    claimed = session.execute(
        update(DatePoll)
        .where(
            DatePoll.id == poll_id,
            DatePoll.status == PollStatus.OPEN,
            DatePoll.reminded_at.is_(None),
        )
        .values(reminded_at=now)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        return 0
    view = poll_view(session, poll_id=poll_id, viewer_id=0)
    for person in view.waiting:
        owe(session, intent=PollReminder(poll_id=poll_id), to=person, now=now)
    return len(view.waiting)
