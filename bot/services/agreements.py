"""Afspraken (seed 003, "Eerste bijeenkomst"): the group's agreements card, filled and changed by
the contact person; every member confirms it with "Akkoord", and a change asks everyone again.

Who is told what: a new version owes each member the card with an Akkoord button; an Akkoord
redraws that DM; when the last member has confirmed, the contact person hears so.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, fields
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import agreement_rules as rules
from bot.actor import Actor
from bot.errors import Conflict, InvalidInput, NotAllowed, NotFound
from bot.notify import Intent, dedupe_key, owe, owe_update
from bot.parsing import clean_text
from bot.services import access
from bot.services.audit import record
from bot.services.people import display_name
from bot.timeparse import check_duration
from storage.models import (
    AgreementConfirmation,
    Chair,
    Delivery,
    DeliveryKind,
    Group,
    GroupAgreements,
    GroupForm,
    InputPreparer,
    Person,
    SubstitutePolicy,
)


@dataclass(frozen=True, kw_only=True)
class AgreementsAsk(Intent):
    """A member is asked to read this version of the agreements and confirm with Akkoord."""

    KIND = "agreements_ask"
    group_id: int
    version: int


@dataclass(frozen=True, kw_only=True)
class AgreementsConfirmed(Intent):
    """The ask is redrawn without its button: confirmed, and when."""

    KIND = "agreements_confirmed"
    TRANSPORT = DeliveryKind.UPDATE
    group_id: int
    version: int


@dataclass(frozen=True, kw_only=True)
class AgreementsAllConfirmed(Intent):
    """The contact person hears that every member confirmed this version."""

    KIND = "agreements_all_confirmed"
    group_id: int
    version: int


@dataclass(frozen=True, kw_only=True)
class AgreementsInput:
    """The card as the contact person filled it in (texts not yet cleaned)."""

    goal: str
    success: str = ""
    attendance_min_meetings: int | None = None
    substitutes: SubstitutePolicy = SubstitutePolicy.NOT_ALLOWED
    meetings_per_year: int | None = None
    meeting_minutes: int | None = None
    rhythm: str = ""
    preferred_times: str = ""
    form: GroupForm | None = None
    location: str = ""
    input_text: str = ""
    input_preparer: InputPreparer | None = None
    recording: str = ""
    chair: Chair | None = None
    cost_split: str = ""
    min_present: int = rules.DEFAULT_MIN_PRESENT


# Text fields, their limits, and the modal block each refusal belongs to.
_TEXTS: dict[str, int] = {
    "goal": rules.GOAL_MAX,
    "success": rules.SUCCESS_MAX,
    "rhythm": rules.RHYTHM_MAX,
    "preferred_times": rules.PREFERRED_TIMES_MAX,
    "location": rules.LOCATION_MAX,
    "input_text": rules.INPUT_MAX,
    "recording": rules.RECORDING_MAX,
    "cost_split": rules.COST_SPLIT_MAX,
}
FIELDS: tuple[str, ...] = tuple(f.name for f in fields(AgreementsInput))


@dataclass(frozen=True, kw_only=True)
class AgreementsCard:
    """The card with who has confirmed the current version and who has not (by name)."""

    group: Group
    agreements: GroupAgreements | None
    confirmed: tuple[str, ...]
    missing: tuple[str, ...]
    missing_ids: frozenset[int]


def agreements_of(session: Session, *, group_id: int) -> GroupAgreements | None:
    """The group's agreements, or None while nothing has been agreed."""
    return session.scalars(
        select(GroupAgreements).where(GroupAgreements.group_id == group_id)
    ).one_or_none()


def min_present(session: Session, *, group_id: int) -> int:
    """How many members must be able to come (the agreements' setting, else the default)."""
    agreements = agreements_of(session, group_id=group_id)
    return agreements.min_present if agreements is not None else rules.DEFAULT_MIN_PRESENT


def group_goal(session: Session, *, group_id: int) -> str:
    """The agreed goal ("pak het doel erbij"), or "" while none is agreed."""
    agreements = agreements_of(session, group_id=group_id)
    return agreements.goal if agreements is not None else ""


def group_goals(session: Session, *, group_ids: Collection[int]) -> dict[int, str]:
    """group_goal() of several groups in one statement."""
    found = dict.fromkeys(group_ids, "")
    if found:
        rows = session.execute(
            select(GroupAgreements.group_id, GroupAgreements.goal).where(
                GroupAgreements.group_id.in_(list(found))
            )
        )
        found.update({group_id: goal or "" for group_id, goal in rows})
    return found


def substitute_policy(session: Session, *, group_id: int) -> SubstitutePolicy:
    """Whether substitutes are allowed and who arranges them (not allowed until agreed)."""
    agreements = agreements_of(session, group_id=group_id)
    return agreements.substitutes if agreements is not None else SubstitutePolicy.NOT_ALLOWED


def clean_input(data: AgreementsInput, *, max_members: int) -> dict[str, object]:
    """The card's values, cleaned and checked; each refusal names its field."""
    values: dict[str, object] = {name: getattr(data, name) for name in FIELDS}
    for name, limit in _TEXTS.items():
        text = clean_text(str(values[name]))
        if len(text) > limit:
            raise InvalidInput("input.too_long", field=name, count=limit)
        values[name] = text
    if not values["goal"]:
        raise InvalidInput("agreements.error.goal_required", field="goal")
    for name in ("attendance_min_meetings", "meetings_per_year"):
        number = getattr(data, name)
        if number is not None and not 1 <= number <= rules.MAX_MEETINGS_PER_YEAR:
            raise InvalidInput(
                "agreements.error.per_year", field=name, max=rules.MAX_MEETINGS_PER_YEAR
            )
    if data.meeting_minutes is not None:
        try:
            check_duration(data.meeting_minutes)
        except InvalidInput as error:
            raise InvalidInput(error.key, field="meeting_minutes", **error.params) from None
    top = min(max_members, rules.MAX_MIN_PRESENT)
    if not 1 <= data.min_present <= top:
        raise InvalidInput("agreements.error.min_present", field="min_present", max=top)
    return values


def save_agreements(
    session: Session, *, actor: Actor, group_id: int, data: AgreementsInput, now: datetime
) -> GroupAgreements:
    """Fill in or change the card (contact person or secretariat). A change raises the version and
    asks every member again; the one who saved it counts as having confirmed it."""
    group = session.scalars(
        select(Group).where(Group.id == group_id).with_for_update()
    ).one_or_none()
    if group is None or group.team_id != actor.team_id or group.archived_at is not None:
        raise NotFound("group.not_found_by_id")
    access.require_manager(group, actor=actor)
    values = clean_input(data, max_members=group.max_members)
    agreements = agreements_of(session, group_id=group.id)
    if agreements is None:
        agreements = GroupAgreements(group_id=group.id, version=0, created_at=now)
        session.add(agreements)
        changed = list(FIELDS)
    else:
        changed = [name for name in FIELDS if getattr(agreements, name) != values[name]]
        if not changed:
            return agreements
    for name in FIELDS:
        setattr(agreements, name, values[name])
    agreements.version += 1
    agreements.updated_at = now
    agreements.updated_by_id = actor.person_id
    session.flush()
    record(
        session,
        team_id=actor.team_id,
        action="agreements_changed",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        # Which fields changed, never what they say.
        details={"version": agreements.version, "fields": changed},
    )
    members = access.approved_members(session, group_id=group.id)
    if any(m.id == actor.person_id for m in members):
        _store_confirmation(session, group_id=group.id, person_id=actor.person_id, now=now)
    ask = AgreementsAsk(group_id=group.id, version=agreements.version)
    for person in members:
        if person.id != actor.person_id:
            owe(session, intent=ask, to=person, now=now)
    _tell_if_complete(session, group=group, agreements=agreements, now=now)
    return agreements


def _store_confirmation(session: Session, *, group_id: int, person_id: int, now: datetime) -> None:
    agreements = agreements_of(session, group_id=group_id)
    assert agreements is not None
    row = session.scalars(
        select(AgreementConfirmation).where(
            AgreementConfirmation.group_id == group_id,
            AgreementConfirmation.person_id == person_id,
        )
    ).one_or_none()
    if row is None:
        row = AgreementConfirmation(group_id=group_id, person_id=person_id)
        session.add(row)
    row.version = agreements.version
    row.confirmed_at = now


def confirm(
    session: Session, *, actor: Actor, group_id: int, version: int, now: datetime
) -> GroupAgreements:
    """Akkoord: the member agrees with this version; an outdated version is refused (the member is
    pointed to the new one), and a second Akkoord changes nothing."""
    group = access.group_by_id(session, team_id=actor.team_id, group_id=group_id)
    if not access.is_member(session, group_id=group.id, person_id=actor.person_id):
        raise NotAllowed("agreements.not_member", number=group.number)
    # Lock the card: a change saved at the same moment is applied before or after, never between.
    agreements = session.scalars(
        select(GroupAgreements).where(GroupAgreements.group_id == group.id).with_for_update()
    ).one_or_none()
    if agreements is None:
        raise NotFound("agreements.none", number=group.number)
    if version != agreements.version:
        raise Conflict("agreements.outdated", number=group.number)
    _store_confirmation(session, group_id=group.id, person_id=actor.person_id, now=now)
    person = session.get_one(Person, actor.person_id)
    ask = AgreementsAsk(group_id=group.id, version=version)
    if was_owed(session, intent=ask, person=person):
        owe_update(
            session,
            intent=AgreementsConfirmed(group_id=group.id, version=version),
            of=ask,
            to=person,
            now=now,
        )
    record(
        session,
        team_id=actor.team_id,
        action="agreements_confirmed",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        details={"version": version},
    )
    _tell_if_complete(session, group=group, agreements=agreements, now=now)
    return agreements


def was_owed(session: Session, *, intent: Intent, person: Person) -> bool:
    """Whether the app owes or sent `person` this DM: only such a DM can be redrawn (an Akkoord
    from a welcome DM or a card has none)."""
    key = dedupe_key(intent, to=person)
    return (
        session.scalars(select(Delivery.id).where(Delivery.dedupe_key == key)).first() is not None
    )


def _tell_if_complete(
    session: Session, *, group: Group, agreements: GroupAgreements, now: datetime
) -> None:
    if card(session, group=group).missing:
        return
    owe(
        session,
        intent=AgreementsAllConfirmed(group_id=group.id, version=agreements.version),
        to=group.contact_person,
        now=now,
    )


def card(session: Session, *, group: Group) -> AgreementsCard:
    """The card and, among the approved members, who confirmed the current version."""
    agreements = agreements_of(session, group_id=group.id)
    members = access.approved_members(session, group_id=group.id)
    current: set[int] = set()
    if agreements is not None:
        current = set(
            session.scalars(
                select(AgreementConfirmation.person_id).where(
                    AgreementConfirmation.group_id == group.id,
                    AgreementConfirmation.version == agreements.version,
                )
            )
        )
    confirmed = tuple(display_name(p) for p in members if p.id in current)
    missing_people = [p for p in members if p.id not in current]
    return AgreementsCard(
        group=group,
        agreements=agreements,
        confirmed=confirmed,
        missing=tuple(display_name(p) for p in missing_people),
        missing_ids=frozenset(p.id for p in missing_people),
    )


def card_for_viewer(session: Session, *, actor: Actor, number: int) -> AgreementsCard:
    """The card of a group the actor belongs to or manages (members see their group's card)."""
    group = access.group_by_number(session, team_id=actor.team_id, number=number)
    if not (
        access.can_manage(group, actor=actor)
        or access.is_member(session, group_id=group.id, person_id=actor.person_id)
    ):
        raise NotAllowed("agreements.not_member", number=group.number)
    return card(session, group=group)


def managed_card(session: Session, *, actor: Actor, group_id: int) -> AgreementsCard:
    """The card of a group the actor manages (to open the fill-in modal)."""
    group = access.group_by_id(session, team_id=actor.team_id, group_id=group_id)
    access.require_manager(group, actor=actor)
    return card(session, group=group)
