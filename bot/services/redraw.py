"""Redraw every copy of a message: a request DM goes to the contact person and to the deputy, and
once it is decided (or lapses) each copy that was sent is redrawn, never one that was not (an
update of a message that was never owed would wait for it and then fail)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.notify import Intent, dedupe_key, owe_update
from storage.models import Delivery, Group, Person


def owed_to(session: Session, *, intent: Intent, people: Iterable[Person]) -> list[Person]:
    """Those of `people` who were owed `intent` (looked up by exact outbox key, one query)."""
    by_key = {dedupe_key(intent, to=person): person for person in people}
    if not by_key:
        return []
    found = set(session.scalars(select(Delivery.dedupe_key).where(Delivery.dedupe_key.in_(by_key))))
    return [person for key, person in by_key.items() if key in found]


def redraw_sent(
    session: Session, *, intent: Intent, of: Intent, people: Iterable[Person], now: datetime
) -> int:
    """Owe `intent` as the redraw of each copy of `of` that was owed to one of `people`."""
    sent = owed_to(session, intent=of, people=people)
    for person in sent:
        # owe_update records each redraw once: a copy already redrawn by the caller is kept.
        owe_update(session, intent=intent, of=of, to=person, now=now)
    return len(sent)


def redraw_if_owed(
    session: Session, *, intent: Intent, of: Intent, to: Person, now: datetime
) -> bool:
    """Owe `intent` as the redraw of the copy of `of` owed to `to`, if one was owed."""
    return redraw_sent(session, intent=intent, of=of, people=[to], now=now) == 1


def deciders(session: Session, *, group: Group) -> list[Person]:
    """Who gets a group's request DMs: its contact person and, if it has one, its deputy."""
    people = [group.contact_person]
    if group.deputy_id is not None:
        deputy = session.get(Person, group.deputy_id)
        if deputy is not None:
            people.append(deputy)
    return people
