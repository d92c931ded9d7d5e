"""Notifications made for testing the outbox itself: a note, a note as a file and a note that
redraws an earlier one. They go through the real registry and the real sender; only their content
is trivial, so a test of retries or leases does not depend on any area's data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.actor import Profile
from bot.notify import FileMessage, Intent, Message, RenderContext, Renderers, owe, owe_update
from bot.services.people import ensure_person, find_person
from storage.models import Delivery, DeliveryKind, Person


@dataclass(frozen=True, kw_only=True)
class Note(Intent):
    """A DM with a fixed text."""

    KIND = "test_note"
    text: str


@dataclass(frozen=True, kw_only=True)
class NoteFile(Intent):
    """A file whose content is the text."""

    KIND = "test_note_file"
    TRANSPORT = DeliveryKind.FILE
    text: str


@dataclass(frozen=True, kw_only=True)
class NoteEdit(Intent):
    """The earlier Note redrawn with another text."""

    KIND = "test_note_edit"
    TRANSPORT = DeliveryKind.UPDATE
    text: str


def _message(text: str) -> Message:
    return {"text": text, "blocks": []}


def install(renderers: Renderers) -> Renderers:
    """Add the test notes to a registry (a fresh one, or a running app's)."""
    renderers.register(Note, lambda _ctx, note: _message(note.text))
    renderers.register(NoteEdit, lambda _ctx, note: _message(note.text))
    renderers.register(NoteFile, _file)
    return renderers


def _file(_ctx: RenderContext, note: NoteFile) -> FileMessage:
    return FileMessage(
        filename="bewijs.pdf", title="Bewijs", comment="Je bewijs", content=note.text.encode()
    )


def person(session: Session, *, user_id: str, team_id: str = "T1", now: datetime) -> Person:
    """The person of a Slack user (created on first use, in an active workspace)."""
    known = find_person(session, team_id=team_id, slack_user_id=user_id)
    if known is not None:
        return known
    return ensure_person(
        session,
        profile=Profile(
            team_id=team_id,
            user_id=user_id,
            full_name=user_id,
            display_name="",
            locale="nl-NL",
            tz=None,
        ),
        now=now,
    )


def owe_note(
    session: Session, *, user_id: str, text: str, now: datetime, team_id: str = "T1", key: str = ""
) -> Delivery:
    """Owe a user a Note (recorded like any notification); `key` tells apart equal notes."""
    to = person(session, user_id=user_id, team_id=team_id, now=now)
    delivery = owe(session, intent=Note(text=text), to=to, now=now, occasion=key)
    session.flush()
    return delivery


def owe_note_file(
    session: Session, *, user_id: str, text: str, now: datetime, key: str = ""
) -> Delivery:
    """Owe a user a NoteFile."""
    to = person(session, user_id=user_id, now=now)
    delivery = owe(session, intent=NoteFile(text=text), to=to, now=now, occasion=key)
    session.flush()
    return delivery


def owe_note_edit(
    session: Session, *, user_id: str, of_text: str, text: str, now: datetime
) -> Delivery:
    """Owe the redraw of the Note with `of_text` to the same user."""
    to = person(session, user_id=user_id, now=now)
    delivery = owe_update(
        session, intent=NoteEdit(text=text), of=Note(text=of_text), to=to, now=now
    )
    session.flush()
    return delivery
