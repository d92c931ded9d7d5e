"""Intervisiegroepen: create one (its number allocated once, never reused), list the directory."""

from __future__ import annotations

import enum
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, case, func, select, update
from sqlalchemy.orm import Session

from bot import rules
from bot.actor import Actor
from bot.errors import InvalidInput, NotFound
from bot.notify import Intent, owe
from bot.parsing import clean_text, parse_name
from bot.services import audit
from bot.services.association import group_size_bounds
from bot.services.directory_query import directory_rows
from storage.models import (
    Enrollment,
    EnrollmentStatus,
    Group,
    GroupForm,
    GroupKind,
    Workspace,
)

NAME_MAX = 120
DESCRIPTION_MAX = 500
REGION_MAX = 120
SUPERVISOR_MAX = 200
# The directory shows this many groups per page: one block each keeps a page far below Slack's 50.
DIRECTORY_PAGE_SIZE = 10


@dataclass(frozen=True, kw_only=True)
class GroupCreated(Intent):
    """The creator gets the new group's number, to pass on to colleagues."""

    KIND = "group_created"
    group_id: int


class GroupStatus(enum.StrEnum):
    """Forming below the minimum size, active from the minimum, full at the maximum."""

    FORMING = "forming"
    ACTIVE = "active"
    FULL = "full"
    # No more meetings or requests; the group stays in its members' history.
    ENDED = "ended"


@dataclass(frozen=True, kw_only=True)
class GroupDraft:
    """What the creator typed in the modal, before validation."""

    name: str
    description: str
    region: str
    form: GroupForm
    kind: GroupKind
    supervisor_name: str
    max_members: int
    open_for_requests: bool
    multidisciplinary: bool = False


@dataclass(frozen=True, kw_only=True)
class GroupSummary:
    """A group with its number of approved members, as every view shows it."""

    group: Group
    members: int

    @property
    def status(self) -> GroupStatus:
        """Forming / active / full, by the rule for the group's kind."""
        return status_of(self.group, members=self.members)

    @property
    def seats_left(self) -> int:
        """How many more members the group can approve."""
        return max(0, self.group.max_members - self.members)


@dataclass(frozen=True, kw_only=True)
class DirectoryPage:
    """One page of the directory of groups open for requests."""

    items: list[GroupSummary]
    page: int
    total: int

    @property
    def has_next(self) -> bool:
        """True when a later page exists."""
        return (self.page + 1) * DIRECTORY_PAGE_SIZE < self.total


def size_bounds(kind: GroupKind) -> tuple[int, int]:
    """(minimum, maximum) members for a kind of group, contact person included."""
    if kind is GroupKind.GUIDED:
        return rules.GUIDED_GROUP_MIN_MEMBERS, rules.GUIDED_GROUP_MAX_MEMBERS
    return rules.PEER_GROUP_MIN_MEMBERS, rules.PEER_GROUP_MAX_MEMBERS


def status_of(group: Group, *, members: int) -> GroupStatus:
    """Below the minimum a group is forming; at its maximum it is full; an ended group is ended."""
    minimum, _ = size_bounds(group.kind)
    if group.ended_at is not None:
        return GroupStatus.ENDED
    if members >= group.max_members:
        return GroupStatus.FULL
    if members < minimum:
        return GroupStatus.FORMING
    return GroupStatus.ACTIVE


def member_count(session: Session, *, group_id: int) -> int:
    """Approved members of the group, the contact person included."""
    return int(
        session.scalar(
            select(func.count(Enrollment.id)).where(
                Enrollment.group_id == group_id, Enrollment.status == EnrollmentStatus.APPROVED
            )
        )
        or 0
    )


def validate_draft(draft: GroupDraft, *, bounds: tuple[int, int] | None = None) -> GroupDraft:
    """Check the modal's input; each problem names the field (the modal block) it belongs to.
    `bounds`: the association's (minimum, maximum) for the kind, else the rules' defaults."""
    # Names made only of invisible characters (zero-width spaces, controls) are no name at all.
    if not clean_text(draft.name):
        raise InvalidInput("group.create.name_required", field="name")
    name = parse_name(draft.name, max_length=NAME_MAX, field="name")
    description, region = clean_text(draft.description), clean_text(draft.region)
    if len(description) > DESCRIPTION_MAX:
        raise InvalidInput("group.create.too_long", field="description", count=DESCRIPTION_MAX)
    if len(region) > REGION_MAX:
        raise InvalidInput("group.create.too_long", field="region", count=REGION_MAX)
    supervisor = clean_text(draft.supervisor_name)
    if draft.kind is GroupKind.GUIDED and not supervisor:
        raise InvalidInput("group.create.supervisor_required", field="supervisor")
    if len(supervisor) > SUPERVISOR_MAX:
        raise InvalidInput("group.create.too_long", field="supervisor", count=SUPERVISOR_MAX)
    minimum, maximum = bounds or size_bounds(draft.kind)
    if not minimum <= draft.max_members <= maximum:
        raise InvalidInput(
            "group.create.size_out_of_bounds", field="max_members", low=minimum, count=maximum
        )
    return GroupDraft(
        name=name,
        description=description,
        region=region,
        form=draft.form,
        kind=draft.kind,
        supervisor_name=supervisor if draft.kind is GroupKind.GUIDED else "",
        max_members=draft.max_members,
        open_for_requests=draft.open_for_requests,
        multidisciplinary=draft.multidisciplinary,
    )


def allocate_group_number(session: Session, *, team_id: str) -> int:
    """The next group number of the workspace, in one atomic UPDATE so two creators never share
    one and a number is never reused (the counter only goes up)."""
    start = rules.FIRST_GROUP_NUMBER
    next_number = case(
        (Workspace.last_group_number < start, start),
        else_=Workspace.last_group_number + 1,
    )
    number = session.scalar(
        update(Workspace)
        .where(Workspace.team_id == team_id)
        .values(last_group_number=next_number)
        .returning(Workspace.last_group_number)
    )
    if number is None:
        raise NotFound("group.not_found_by_id")
    return int(number)


def create_group(session: Session, *, actor: Actor, draft: GroupDraft, now: datetime) -> Group:
    """A new group: numbered at once, the creator its contact person and first approved member;
    the creator gets the number (to pass on) by DM."""
    clean = validate_draft(
        draft, bounds=group_size_bounds(session, team_id=actor.team_id, kind=draft.kind)
    )
    team_id, creator_id = actor.team_id, actor.person_id
    number = allocate_group_number(session, team_id=team_id)
    group = Group(
        team_id=team_id,
        number=number,
        name=clean.name,
        description=clean.description,
        region=clean.region,
        form=clean.form,
        kind=clean.kind,
        max_members=clean.max_members,
        open_for_requests=clean.open_for_requests,
        multidisciplinary=clean.multidisciplinary,
        contact_person_id=creator_id,
        supervisor_name=clean.supervisor_name or None,
        rotation_period_months=rules.DEFAULT_ROTATION_PERIOD_MONTHS,
        reminder_lead_minutes=[int(d.total_seconds() // 60) for d in rules.DEFAULT_REMINDER_LEADS],
        calendar_token=secrets.token_urlsafe(32),
        created_at=now,
    )
    session.add(group)
    session.flush()
    session.add(
        Enrollment(
            group_id=group.id,
            person_id=creator_id,
            status=EnrollmentStatus.APPROVED,
            requested_at=now,
            decided_at=now,
            decided_by_id=creator_id,
        )
    )
    audit.record(
        session,
        team_id=team_id,
        action="group_created",
        now=now,
        actor_id=creator_id,
        group_id=group.id,
        subject_id=creator_id,
        details={
            "number": number,
            "kind": clean.kind.value,
            "form": clean.form.value,
            "max_members": clean.max_members,
            "multidisciplinary": clean.multidisciplinary,
        },
    )
    owe(session, intent=GroupCreated(group_id=group.id), to=group.contact_person, now=now)
    return group


def _counts(session: Session, group_ids: list[int]) -> dict[int, int]:
    if not group_ids:
        return {}
    rows = session.execute(
        select(Enrollment.group_id, func.count(Enrollment.id))
        .where(Enrollment.group_id.in_(group_ids), Enrollment.status == EnrollmentStatus.APPROVED)
        .group_by(Enrollment.group_id)
    ).all()
    return {int(gid): int(n) for gid, n in rows}


def summaries(session: Session, groups: list[Group]) -> list[GroupSummary]:
    """Attach member counts to groups (one query for all of them)."""
    counts = _counts(session, [g.id for g in groups])
    return [GroupSummary(group=g, members=counts.get(g.id, 0)) for g in groups]


def directory(session: Session, *, team_id: str, query: str = "", page: int = 0) -> DirectoryPage:
    """Groups open for requests, by number, optionally filtered on name, region or number (one
    statement; on PostgreSQL the search uses a trigram index)."""
    page = max(0, page)
    total, rows = directory_rows(
        session,
        team_id=team_id,
        words=query.strip(),
        offset=page * DIRECTORY_PAGE_SIZE,
        limit=DIRECTORY_PAGE_SIZE,
    )
    items = [GroupSummary(group=group, members=members) for group, members in rows]
    return DirectoryPage(items=items, page=page, total=total)


def all_groups(session: Session, *, team_id: str, page: int = 0) -> DirectoryPage:
    """Every group of the workspace (open or not), by number: the secretariat's overview."""
    conditions = [Group.team_id == team_id, Group.archived_at.is_(None)]
    return _directory_page(session, conditions=conditions, page=page)


def _directory_page(
    session: Session, *, conditions: list[ColumnElement[bool]], page: int
) -> DirectoryPage:
    """One page of the groups that meet `conditions`, by number, with how many there are."""
    total = int(session.scalar(select(func.count(Group.id)).where(*conditions)) or 0)
    page = max(0, page)
    groups = list(
        session.scalars(
            select(Group)
            .where(*conditions)
            .order_by(Group.number)
            .offset(page * DIRECTORY_PAGE_SIZE)
            .limit(DIRECTORY_PAGE_SIZE)
        )
    )
    return DirectoryPage(items=summaries(session, groups), page=page, total=total)


@dataclass(frozen=True, kw_only=True)
class MyGroups:
    """What the App Home shows a person: groups they are in (and lead), requests still pending."""

    member_of: list[GroupSummary]
    pending: list[Group]
    lead_ids: set[int]


def my_groups(session: Session, *, person_id: int) -> MyGroups:
    """The person's approved groups and pending requests, by group number."""
    rows = session.execute(
        select(Group, Enrollment.status)
        .join(Enrollment, Enrollment.group_id == Group.id)
        .where(
            Enrollment.person_id == person_id,
            Enrollment.status.in_([EnrollmentStatus.APPROVED, EnrollmentStatus.PENDING]),
            Group.archived_at.is_(None),
        )
        .order_by(Group.number)
    ).all()
    approved = [g for g, status in rows if status == EnrollmentStatus.APPROVED]
    pending = [g for g, status in rows if status == EnrollmentStatus.PENDING]
    return MyGroups(
        member_of=summaries(session, approved),
        pending=pending,
        lead_ids={g.id for g in approved if g.contact_person_id == person_id},
    )
