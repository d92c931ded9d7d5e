"""What only the secretariat does: change a group's contact person, set membership types and mark
the non-member fee paid."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import Conflict, InvalidInput, NotFound
from bot.notify import Intent, owe
from bot.services import audit
from bot.services.access import group_by_number, is_member, require_secretariat
from bot.services.enrollment import set_membership
from bot.services.membership_story import drop_deputy
from bot.services.people import display_name
from storage.models import FeePayer, FeePayment, Group, MembershipType, Person

# Fee years the secretariat can mark: a typo like 2206 is refused rather than stored.
FEE_YEAR_MIN = 2000
FEE_YEAR_MAX = 2100


@dataclass(frozen=True, kw_only=True)
class ContactChange:
    """A contact-person change, for the confirmations to the old and the new one."""

    group: Group
    old: Person
    new: Person


@dataclass(frozen=True, kw_only=True)
class ContactPersonChanged(Intent):
    """The old and the new contact person of a group are told of the secretariat's change."""

    KIND = "contact_person_changed"
    group_id: int
    old_person_id: int
    new_person_id: int


def change_contact_person(
    session: Session,
    *,
    actor: Actor,
    number: int,
    new_person: Person,
    now: datetime,
) -> ContactChange:
    """Make an approved member of the group its contact person (the portal's written request);
    both are told by DM."""
    require_secretariat(actor)
    group = group_by_number(session, team_id=actor.team_id, number=number)
    group = session.scalars(select(Group).where(Group.id == group.id).with_for_update()).one()
    if group.contact_person_id == new_person.id:
        raise Conflict("admin.contact.already", number=group.number)
    if not is_member(session, group_id=group.id, person_id=new_person.id):
        raise Conflict("admin.contact.not_member", number=group.number)
    old = session.get(Person, group.contact_person_id)
    assert old is not None
    group.contact_person_id = new_person.id
    # A deputy who becomes the contact person is no longer their own deputy.
    drop_deputy(session, actor=actor, group=group, person_id=new_person.id, now=now)
    audit.record(
        session,
        team_id=actor.team_id,
        action="contact_person_changed",
        now=now,
        actor_id=actor.person_id,
        group_id=group.id,
        subject_id=new_person.id,
        details={"old_contact_person_id": old.id},
    )
    told = ContactPersonChanged(
        group_id=group.id, old_person_id=old.id, new_person_id=new_person.id
    )
    for person in (new_person, old):
        owe(session, intent=told, to=person, now=now, occasion=now.isoformat())
    return ContactChange(group=group, old=old, new=new_person)


def parse_membership_type(word: str) -> MembershipType:
    """'lid'/'member' or 'deelnemer'/'participant'."""
    value = word.strip().lower()
    if value in {"lid", "member"}:
        return MembershipType.MEMBER
    if value in {"deelnemer", "participant"}:
        return MembershipType.PARTICIPANT
    raise InvalidInput("admin.membership.bad_type", given=word[:20])


def set_person_membership(
    session: Session,
    *,
    actor: Actor,
    person: Person,
    membership_type: MembershipType,
    member_number: str | None,
    now: datetime,
) -> None:
    """The secretariat sets someone's membership type (and LVV member number)."""
    require_secretariat(actor)
    try:
        set_membership(
            session,
            actor=actor,
            person=person,
            membership_type=membership_type,
            member_number=member_number,
            now=now,
        )
    except InvalidInput as exc:
        # The command has no modal field: say it as a command message.
        raise InvalidInput("admin.membership.number_required") from exc


def parse_year(word: str) -> int:
    """A calendar year such as 2026."""
    raw = word.strip()
    if not (raw.isascii() and raw.isdigit()) or not FEE_YEAR_MIN <= int(raw) <= FEE_YEAR_MAX:
        raise InvalidInput("admin.fee.bad_year", given=raw[:20])
    return int(raw)


def parse_payer(word: str | None) -> FeePayer:
    """'deelnemer'/'participant' or 'werkgever'/'employer' (seeds/004: often the employer)."""
    value = (word or "").strip().lower()
    if value in {"deelnemer", "participant", "zelf"}:
        return FeePayer.PARTICIPANT
    if value in {"werkgever", "employer"}:
        return FeePayer.EMPLOYER
    raise InvalidInput("fee.bad_payer", given=(word or "")[:20])


def mark_fee_paid(
    session: Session,
    *,
    actor: Actor,
    person: Person,
    year: int,
    now: datetime,
    paid_by: FeePayer | None = None,
    paid_on: date | None = None,
) -> None:
    """Record that a participant without membership paid the yearly fee (by themselves or by
    their employer, on a day); a member pays none."""
    require_secretariat(actor)
    if person.team_id != actor.team_id:
        raise NotFound("fee.person_not_found")
    if person.membership_type is MembershipType.MEMBER:
        raise Conflict("fee.not_participant", name=display_name(person))
    existing = session.scalars(
        select(FeePayment).where(FeePayment.person_id == person.id, FeePayment.year == year)
    ).first()
    if existing is not None:
        raise Conflict("admin.fee.already", year=year)
    session.add(
        FeePayment(
            person_id=person.id,
            year=year,
            recorded_by_id=actor.person_id,
            recorded_at=now,
            paid_by=paid_by,
            paid_on=paid_on,
        )
    )
    audit.record(
        session,
        team_id=actor.team_id,
        action="fee_paid",
        now=now,
        actor_id=actor.person_id,
        subject_id=person.id,
        details={
            "year": year,
            "paid_by": paid_by.value if paid_by else None,
            "paid_on": paid_on.isoformat() if paid_on else None,
        },
    )
