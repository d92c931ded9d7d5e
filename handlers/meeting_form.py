"""The plan/change modal's method and roles, and the quick form's method word: what the modal
offers (the methods on offer, the members in the rotation's order), how its choices are read and
checked (inline errors on their own field, warnings the contact person may confirm), so that
handlers/meetings.py only plans and changes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import DomainError, InvalidFields, InvalidInput
from bot.services import access, method_catalogue, planned_roles, role_suggestions
from bot.services.meetings import MeetingInput
from bot.services.method_catalogue import EXPLICIT_PREFIXES
from bot.services.planned_roles import PLANNED_ROLES, Notice
from handlers.ui.meetings_ui import ActionId, BlockId, ModalValues, build_meeting_modal
from handlers.ui.planning_ids import NOBODY
from handlers.ui.planning_ids import ActionId as PlanActionId
from handlers.ui.roles_ui import RoleChoices, role_action_id, role_block_id
from storage.models import Group, Meeting, Role

# Services name a refused field by what it is; the modal shows it on that field's block.
_FIELD_BLOCKS = {
    "method": BlockId.METHOD,
    Role.PRESENTER.value: role_block_id(Role.PRESENTER),
    Role.FACILITATOR.value: role_block_id(Role.FACILITATOR),
}

Roles = dict[Role, int | None]


@contextmanager
def on_form_fields() -> Iterator[None]:
    """Let a refusal about the method or a role land on its own field of the modal."""
    try:
        yield
    except DomainError as error:
        if not isinstance(error, InvalidFields) and error.field in _FIELD_BLOCKS:
            error.field = _FIELD_BLOCKS[error.field]
        raise


def method_value(values: dict[str, str]) -> str:
    """The chosen method's key ('' for none)."""
    chosen = values.get(ActionId.METHOD, "")
    return "" if chosen == NOBODY else chosen


def read_roles(values: dict[str, str]) -> Roles | None:
    """The chosen inbrenger and facilitator (None: nobody yet), or None when the modal had no
    role selects. A value that is not an id is a forged form."""
    if not any(role_action_id(role) in values for role in PLANNED_ROLES):
        return None
    roles: Roles = {}
    for role in PLANNED_ROLES:
        raw = values.get(role_action_id(role), NOBODY) or NOBODY
        if raw == NOBODY:
            roles[role] = None
        elif raw.isascii() and raw.isdigit() and len(raw) <= 18:
            roles[role] = int(raw)
        else:
            raise InvalidInput("error.bad_form", field=role_block_id(role))
    return roles


def confirmed(values: dict[str, str]) -> bool:
    """Whether the contact person ticked "save anyway" under the warnings."""
    return bool(values.get(PlanActionId.CONFIRM))


def check_plan(
    session: Session,
    *,
    actor: Actor,
    group_id: int,
    current_method: str,
    method: str,
    duration_minutes: int,
    roles: Roles | None,
) -> list[Notice]:
    """Refuse an unknown method or a role for someone outside the group (before anything is
    written); return the warnings (one person in both roles, a method longer than the meeting)."""
    group = access.group_by_id(session, team_id=actor.team_id, group_id=group_id)
    access.require_manager(group, actor=actor)
    key = method_catalogue.choose(
        session, team_id=actor.team_id, value=method, current=current_method
    )
    chosen = method_catalogue.find(session, team_id=actor.team_id, key=key)
    roles = roles or {}
    if any(person_id is not None for person_id in roles.values()):
        members = {p.id for p in access.approved_members(session, group_id=group.id)}
        for role, person_id in roles.items():
            if person_id is not None and person_id not in members:
                raise InvalidInput("roles.error.not_member", field=role.value)
    return planned_roles.plan_warnings(
        method=chosen,
        duration_minutes=duration_minutes,
        presenter_id=roles.get(Role.PRESENTER),
        facilitator_id=roles.get(Role.FACILITATOR),
    )


def warnings_first(
    session: Session,
    *,
    actor: Actor,
    group_id: int | None,
    meeting: Meeting | None,
    data: MeetingInput,
    values: dict[str, str],
) -> dict[str, Any] | None:
    """Check the method and roles; on a first submit with warnings, the modal to show again
    (with the warnings and "save anyway"), else None."""
    roles = read_roles(values)
    shown_group = meeting.group_id if meeting is not None else group_id or 0
    notices = check_plan(
        session,
        actor=actor,
        group_id=shown_group,
        current_method=meeting.method if meeting is not None else "",
        method=data.method,
        duration_minutes=data.duration_minutes,
        roles=roles,
    )
    if not notices or confirmed(values):
        return None
    return meeting_modal(
        session,
        actor=actor,
        groups=[],
        group_id=shown_group,
        meeting=meeting,
        values=values_again(values, duration_minutes=data.duration_minutes),
        day=data.starts_at.astimezone(actor.tz).date(),
        roles=roles,
        notices=notices,
    )


def assign_roles(
    session: Session, *, actor: Actor, meeting: Meeting, roles: Roles, now: datetime
) -> None:
    """Plan the roles chosen in the plan modal (nothing when nobody was chosen)."""
    if all(person_id is None for person_id in roles.values()):
        return
    planned_roles.assign(
        session,
        actor=actor,
        meeting_id=meeting.id,
        presenter_id=roles.get(Role.PRESENTER),
        facilitator_id=roles.get(Role.FACILITATOR),
        now=now,
    )


def role_choices(
    session: Session,
    *,
    group: Group,
    day: date,
    tz: Any,
    current: Roles | None = None,
    meeting_id: int | None = None,
) -> RoleChoices:
    """The members in the rotation's order for each role, and who is chosen now."""
    members = access.approved_members(session, group_id=group.id)
    suggestions = role_suggestions.suggestions(
        session, group=group, members=members, day=day, tz=tz, exclude_meeting_id=meeting_id
    )
    return RoleChoices(suggestions=suggestions, current=dict(current or {}))


def meeting_modal(
    session: Session,
    *,
    actor: Actor,
    groups: list[tuple[int, int, str]],
    group_id: int | None,
    meeting: Meeting | None,
    values: ModalValues,
    day: date,
    roles: Roles | None = None,
    notices: Sequence[Notice] = (),
) -> dict[str, Any]:
    """The plan modal (with the roles, once the group is known) or the change modal."""
    choices = None
    if meeting is None and group_id is not None:
        group = access.group_by_id(session, team_id=actor.team_id, group_id=group_id)
        choices = role_choices(session, group=group, day=day, tz=actor.tz, current=roles)
    label = ""
    if meeting is not None and meeting.method:
        label = method_catalogue.label(
            session, team_id=actor.team_id, value=meeting.method, lang=actor.lang
        )
    return build_meeting_modal(
        lang=actor.lang,
        groups=groups,
        group_id=group_id,
        meeting_id=meeting.id if meeting is not None else None,
        values=values,
        methods=method_catalogue.offered(session, team_id=actor.team_id),
        method_label=label,
        roles=choices,
        notices=notices,
    )


def values_again(values: dict[str, str], *, duration_minutes: int) -> ModalValues:
    """What was typed, to fill in the modal shown again with its warnings."""
    return ModalValues(
        date=values.get(ActionId.DATE, ""),
        start=values.get(ActionId.START, ""),
        duration_minutes=duration_minutes,
        place=values.get(ActionId.PLACE, ""),
        theme=values.get(ActionId.THEME, ""),
        method=method_value(values),
    )


def quick_method(session: Session, *, team_id: str, words: Sequence[str]) -> tuple[str, list[str]]:
    """The quick form's method and place: `… 2u incident Utrecht` (a method word first) or
    `methode:balint` anywhere; returns (key or '', the place's words)."""
    rest = list(words)
    for index, word in enumerate(rest):
        if word.lower().startswith(EXPLICIT_PREFIXES):
            method = method_catalogue.match_word(session, team_id=team_id, word=word)
            assert method is not None  # an explicit word that names nothing is refused above
            return method.key, rest[:index] + rest[index + 1 :]
    if rest:
        method = method_catalogue.match_word(session, team_id=team_id, word=rest[0])
        if method is not None:
            return method.key, rest[1:]
    return "", rest


def quick_warnings(
    session: Session, *, team_id: str, method: str, duration_minutes: int
) -> list[Notice]:
    """The quick form's warnings (it saves at once, so they come with the answer)."""
    chosen = method_catalogue.find(session, team_id=team_id, key=method)
    return planned_roles.plan_warnings(
        method=chosen, duration_minutes=duration_minutes, presenter_id=None, facilitator_id=None
    )
