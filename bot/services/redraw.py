"""Redraw every copy of a message: a request DM goes to the contact person and to the deputy, and
once it is decided (or lapses) each copy that was sent is redrawn, never one that was not (an
update of a message that was never owed would wait forever and then fail)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.notify import Intent, dedupe_key, owe_update
from storage.models import Delivery, DeliveryKind, Person


def _prefix(intent: Intent) -> str:
    """The dedupe key of `intent` up to the recipient (see bot.notify.dedupe_key)."""
    args = intent.args()
    names = intent.KEY_FIELDS if intent.KEY_FIELDS is not None else tuple(args)
    return ":".join([intent.KIND, *(str(args[name]) for name in names)]) + ":p"


def recipients_of(session: Session, *, intent: Intent) -> list[Person]:
    """Everyone who was owed `intent` (a DM, not an update), in the order it was owed."""
    prefix = _prefix(intent)
    rows = session.scalars(
        select(Delivery)
        .where(
            Delivery.dedupe_key.startswith(prefix, autoescape=True),
            Delivery.kind != DeliveryKind.UPDATE,
        )
        .order_by(Delivery.id)
    ).all()
    people: list[Person] = []
    for row in rows:
        # The key continues with the person id, then perhaps an occasion: p12 or p12:...
        rest = row.dedupe_key[len(prefix) :].split(":", 1)[0]
        person = session.get(Person, int(rest)) if rest.isdigit() else None
        if person is not None and person not in people:
            people.append(person)
    return people


def redraw_sent(session: Session, *, intent: Intent, of: Intent, now: datetime) -> int:
    """Owe `intent` as the redraw of every copy of `of` that was owed; returns how many."""
    people = recipients_of(session, intent=of)
    for person in people:
        # owe_update records each redraw once: a copy already redrawn by the caller is kept.
        owe_update(session, intent=intent, of=of, to=person, now=now)
    return len(people)


def redraw_if_owed(
    session: Session, *, intent: Intent, of: Intent, to: Person, now: datetime
) -> bool:
    """Owe `intent` as the redraw of the copy of `of` owed to `to`, if one was owed."""
    key = dedupe_key(of, to=to)
    if session.scalars(select(Delivery.id).where(Delivery.dedupe_key == key)).first() is None:
        return False
    owe_update(session, intent=intent, of=of, to=to, now=now)
    return True
