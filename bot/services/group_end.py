"""End a group (its contact person or the secretariat) and reopen it (the secretariat only).

An ended group plans no meetings and takes no requests: its future meetings are cancelled (the
members get the cancellation for their calendars), its pending requests lapse, and it leaves the
directory. It stays in every member's history: memberships, attendance and certificates are
untouched, so each certificate still verifies. Retention applies to its data as to any other."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import Conflict
from bot.notify import Intent, owe
from bot.services import audit
from bot.services.access import approved_members, require_secretariat
from bot.services.group_rights import lock_group, require_lead
from bot.services.meetings import cancel_meeting
from bot.services.membership_story import upcoming_meetings
from bot.services.pending import LapseReason, lapse_pending
from storage.models import Group


@dataclass(frozen=True, kw_only=True)
class GroupEnded(Intent):
    """A member hears that the group has ended (and that their certificates stay valid)."""

    KIND = "group_ended"
    group_id: int


@dataclass(frozen=True, kw_only=True)
class GroupReopened(Intent):
    """A member hears that the secretariat reopened the group."""

    KIND = "group_reopened"
    group_id: int


def end_group(session: Session, *, actor: Actor, group_id: int, now: datetime) -> Group:
    """End the group once; a second press (or a second window) is told it already ended."""
    group = lock_group(session, actor=actor, group_id=group_id)
    require_lead(group, actor=actor)
    if group.ended_at is not None:
        raise Conflict("life.end.already", number=group.number)
    cancelled = 0
    for meeting in upcoming_meetings(session, group_id=group.id, now=now):
        cancel_meeting(session, actor=actor, meeting_id=meeting.id, now=now)
        cancelled += 1
    lapsed = lapse_pending(session, actor=actor, group=group, why=LapseReason.ENDED, now=now)
    group.ended_at = now
    group.ended_by_id = actor.person_id
    audit.record(
        session,
        team_id=group.team_id,
        action="group_ended",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        details={"cancelled_meetings": cancelled, "lapsed_requests": lapsed},
    )
    _tell_members(session, group=group, intent=GroupEnded(group_id=group.id), actor=actor, now=now)
    return group


def reopen_group(session: Session, *, actor: Actor, group_id: int, now: datetime) -> Group:
    """The secretariat reopens an ended group: it can plan and take requests again."""
    require_secretariat(actor)
    group = lock_group(session, actor=actor, group_id=group_id)
    if group.ended_at is None:
        raise Conflict("life.reopen.not_ended", number=group.number)
    ended_at = group.ended_at
    group.ended_at = None
    group.ended_by_id = None
    audit.record(
        session,
        team_id=group.team_id,
        action="group_reopened",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        details={"ended_at": ended_at.isoformat()},
    )
    intent = GroupReopened(group_id=group.id)
    _tell_members(session, group=group, intent=intent, actor=actor, now=now)
    return group


def _tell_members(
    session: Session, *, group: Group, intent: Intent, actor: Actor, now: datetime
) -> None:
    for member in approved_members(session, group_id=group.id):
        if member.id != actor.person_id:
            # A group may end and reopen more than once: each time is its own message.
            owe(session, intent=intent, to=member, now=now, occasion=now.isoformat())
