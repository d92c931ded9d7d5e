"""Who may do what in a group's life: the contact person and the secretariat lead it (edit, remove a
member, name a deputy, end it); the deputy also manages it (plan, register, decide requests, via
access.can_manage); members see its page. An ended group takes no new meetings or requests."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import Conflict, NotAllowed, NotFound
from bot.services.access import group_by_number, is_member
from storage.models import Group


def can_lead(group: Group, *, actor: Actor) -> bool:
    """The contact person and the secretariat lead a group; the deputy does not."""
    return actor.team_id == group.team_id and (
        actor.is_secretariat or group.contact_person_id == actor.person_id
    )


def require_lead(group: Group, *, actor: Actor) -> None:
    """Refuse anyone but the contact person or the secretariat; nothing is changed."""
    if not can_lead(group, actor=actor):
        raise NotAllowed("life.not_lead", number=group.number)


def require_not_ended(group: Group) -> None:
    """An ended group plans no meetings and takes no requests until the secretariat reopens it."""
    if group.ended_at is not None:
        raise Conflict("life.ended", number=group.number, name=group.name)


def lock_group(session: Session, *, actor: Actor, group_id: int) -> Group:
    """The group by id (from a button or private_metadata), row-locked, in the actor's workspace.

    Every change to a group's membership or state queues on this lock, so a removal and an
    approval, or two clicks on "end", are applied one after the other."""
    group = session.scalars(
        select(Group).where(Group.id == group_id).with_for_update()
    ).one_or_none()
    if group is None or group.team_id != actor.team_id or group.archived_at is not None:
        raise NotFound("group.not_found_by_id")
    return group


def viewable_group(session: Session, *, actor: Actor, number: int) -> Group:
    """The group whose page the actor may see: its members (ended or not) and the secretariat."""
    group = group_by_number(session, team_id=actor.team_id, number=number)
    if actor.is_secretariat or is_member(session, group_id=group.id, person_id=actor.person_id):
        return group
    raise NotAllowed("life.page.not_member", number=group.number)


def managing_groups(session: Session, *, person_id: int) -> list[Group]:
    """The running groups this person manages as contact person, deputy or supervisor, by number."""
    return list(
        session.scalars(
            select(Group)
            .where(
                or_(
                    Group.contact_person_id == person_id,
                    Group.deputy_id == person_id,
                    Group.supervisor_id == person_id,
                ),
                Group.archived_at.is_(None),
                Group.ended_at.is_(None),
            )
            .order_by(Group.number)
        )
    )
