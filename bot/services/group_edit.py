"""Edit a group (name, description, region, form, open for requests, the verslag check): only its
contact person or the secretariat. Members hear of a change that concerns them: a new name, form
or region by DM; closing for requests ends the pending requests (their requesters are told). A new
name reaches calendars at once: the feeds render it, and future meetings get a higher SEQUENCE."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import DomainError, InvalidFields, InvalidInput
from bot.notify import Intent, owe
from bot.parsing import clean_text, parse_name
from bot.services import audit
from bot.services.access import approved_members
from bot.services.group_rights import lock_group, require_lead, require_not_ended
from bot.services.groups import DESCRIPTION_MAX, NAME_MAX, REGION_MAX
from bot.services.membership_story import upcoming_meetings
from bot.services.pending import LapseReason, lapse_pending
from storage.models import Group, GroupForm

# The changes members are told of by DM (the others concern only who manages the group).
TOLD_FIELDS = ("name", "form", "region")


@dataclass(frozen=True, kw_only=True)
class GroupEdit:
    """What the edit modal holds, before validation."""

    name: str
    description: str
    region: str
    form: GroupForm
    open_for_requests: bool
    verslag_check: bool


@dataclass(frozen=True, kw_only=True)
class GroupEdited(Intent):
    """A member hears that the group's name, form or region changed (as it reads now)."""

    KIND = "group_edited"
    group_id: int
    fields: str


@dataclass(frozen=True, kw_only=True)
class EditOutcome:
    """What an edit changed: the fields, how many requests lapsed, how many members were told."""

    group: Group
    changed: tuple[str, ...]
    lapsed: int
    told: int


def validate_edit(edit: GroupEdit) -> GroupEdit:
    """The edit cleaned; each problem on its own field (name, description, region)."""
    problems: dict[str, DomainError] = {}
    name = ""
    if not clean_text(edit.name):
        problems["name"] = InvalidInput("group.create.name_required", field="name")
    else:
        try:
            name = parse_name(edit.name, max_length=NAME_MAX, field="name")
        except InvalidInput as exc:
            problems["name"] = exc
    description, region = clean_text(edit.description), clean_text(edit.region)
    if len(description) > DESCRIPTION_MAX:
        problems["description"] = InvalidInput("group.create.too_long", count=DESCRIPTION_MAX)
    if len(region) > REGION_MAX:
        problems["region"] = InvalidInput("group.create.too_long", count=REGION_MAX)
    if problems:
        raise InvalidFields(problems)
    return GroupEdit(
        name=name,
        description=description,
        region=region,
        form=edit.form,
        open_for_requests=edit.open_for_requests,
        verslag_check=edit.verslag_check,
    )


def editable_group(session: Session, *, actor: Actor, group_id: int) -> Group:
    """The group, if the actor may edit it now (for opening the modal; nothing is written)."""
    group = lock_group(session, actor=actor, group_id=group_id)
    require_lead(group, actor=actor)
    require_not_ended(group)
    return group


def edit_group(
    session: Session, *, actor: Actor, group_id: int, edit: GroupEdit, now: datetime
) -> EditOutcome:
    """Apply the edit in one transaction: validated first, so a refusal writes nothing."""
    clean = validate_edit(edit)
    group = editable_group(session, actor=actor, group_id=group_id)
    wanted = {
        "name": clean.name,
        "description": clean.description,
        "region": clean.region,
        "form": clean.form,
        "open_for_requests": clean.open_for_requests,
        "verslag_check": clean.verslag_check,
    }
    changed = tuple(field for field, value in wanted.items() if getattr(group, field) != value)
    if not changed:
        return EditOutcome(group=group, changed=(), lapsed=0, told=0)
    closing = "open_for_requests" in changed and not clean.open_for_requests
    for field in changed:
        setattr(group, field, wanted[field])
    if "name" in changed:
        # Calendar clients replace an event only when its SEQUENCE goes up: the summary (with
        # the group's name) of every future meeting changes, so each gets a new revision.
        for meeting in upcoming_meetings(session, group_id=group.id, now=now):
            meeting.sequence += 1
            meeting.updated_at = now
    lapsed = (
        lapse_pending(session, actor=actor, group=group, why=LapseReason.CLOSED, now=now)
        if closing
        else 0
    )
    audit.record(
        session,
        team_id=group.team_id,
        action="group_edited",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        details={"fields": list(changed), "lapsed_requests": lapsed},
    )
    told_fields = [field for field in TOLD_FIELDS if field in changed]
    told = 0
    if told_fields:
        intent = GroupEdited(group_id=group.id, fields=",".join(told_fields))
        for member in approved_members(session, group_id=group.id):
            if member.id == actor.person_id:
                continue
            owe(session, intent=intent, to=member, now=now, occasion=now.isoformat())
            told += 1
    return EditOutcome(group=group, changed=changed, lapsed=lapsed, told=told)
