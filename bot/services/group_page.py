"""The group's page (`/intervisie groep 1234`): what its members and the secretariat may see of a
group, gathered once per page. Each section of the page (handlers/group_page.py) is a function of
one GroupPage, so an area adds its part of the page without touching the others."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import NotAllowed
from bot.services.access import can_manage, group_by_id, is_member
from bot.services.group_rights import can_lead, viewable_group
from bot.services.groups import GroupSummary, member_count
from bot.settings import Settings
from storage.models import Group, Person


@dataclass(frozen=True, kw_only=True)
class GroupPage:
    """What every section of the page gets: the session (open for the whole page), the viewer,
    the group with its member count, and the clock and public URL for links."""

    session: Session
    actor: Actor
    group: Group
    summary: GroupSummary
    now: datetime
    settings: Settings

    @property
    def public_url(self) -> str:
        """The base of the feed and verify links."""
        return self.settings.public_url

    @property
    def manages(self) -> bool:
        """The viewer plans, registers and decides requests (contact person, deputy, secretariat)."""
        return can_manage(self.group, actor=self.actor)

    @property
    def leads(self) -> bool:
        """The viewer edits, removes members, names the deputy, ends (contact person, secretariat)."""
        return can_lead(self.group, actor=self.actor)

    @property
    def ended(self) -> bool:
        """The group has ended (history only, until the secretariat reopens it)."""
        return self.group.ended_at is not None

    @property
    def deputy(self) -> Person | None:
        """The group's deputy, if it has one."""
        if self.group.deputy_id is None:
            return None
        return self.session.get(Person, self.group.deputy_id)


def _page(
    session: Session, *, actor: Actor, group: Group, now: datetime, settings: Settings
) -> GroupPage:
    summary = GroupSummary(group=group, members=member_count(session, group_id=group.id))
    return GroupPage(
        session=session, actor=actor, group=group, summary=summary, now=now, settings=settings
    )


def page_by_number(
    session: Session, *, actor: Actor, number: int, now: datetime, settings: Settings
) -> GroupPage:
    """The page of the group with this number, for one of its members or the secretariat."""
    group = viewable_group(session, actor=actor, number=number)
    return _page(session, actor=actor, group=group, now=now, settings=settings)


def page_by_id(
    session: Session, *, actor: Actor, group_id: int, now: datetime, settings: Settings
) -> GroupPage:
    """The page again after a button on it was pressed (the id comes from the button)."""
    group = group_by_id(session, team_id=actor.team_id, group_id=group_id)
    if not (
        actor.is_secretariat or is_member(session, group_id=group.id, person_id=actor.person_id)
    ):
        raise NotAllowed("life.page.not_member", number=group.number)
    return _page(session, actor=actor, group=group, now=now, settings=settings)
