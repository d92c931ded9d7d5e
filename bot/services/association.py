"""The association of a workspace: its name and short name (in every text and on the
certificates), the member-number label, the non-member fee and payment instructions, links, the
group size and hours rules, the retention period, and who belongs to the secretariat.

Until the secretariat saves something, the defaults apply (bot/rules.py and the process's
settings). Changing them: bot/services/association_edit.py.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from bot import rules
from bot.i18n import Lang, t_plain
from bot.settings import Settings
from storage.models import Association, GroupKind, Person, SecretariatMember


@dataclass(frozen=True, kw_only=True)
class AssociationSettings:
    """The effective settings of one workspace's association (saved, or the defaults)."""

    team_id: str
    name: str
    short_name: str
    member_number_label: str
    fee_eur: Decimal
    payment_instructions: str
    fee_blocks_requests: bool
    guide_url: str
    membership_url: str
    peer_min_members: int
    peer_max_members: int
    guided_min_members: int
    guided_max_members: int
    required_hours: int
    period_years: int
    min_hours_per_year: int
    max_counted_hours_per_year: int
    retention_years: int
    admins_are_secretariat: bool

    @property
    def short(self) -> str:
        """The short name for compounds ("LVV-lid"); the full name when no short one is set."""
        return self.short_name or self.name

    @property
    def issuer(self) -> str:
        """The name a certificate prints as its issuer ("" when the association has none yet)."""
        if self.name and self.short_name and self.short_name not in self.name:
            return f"{self.name} ({self.short_name})"
        return self.name or self.short_name

    def size_bounds(self, kind: GroupKind) -> tuple[int, int]:
        """(minimum, maximum) members for a kind of group, contact person included."""
        if kind is GroupKind.GUIDED:
            return self.guided_min_members, self.guided_max_members
        return self.peer_min_members, self.peer_max_members

    def fee_text(self) -> str:
        """The fee as the Dutch portal writes it: "75" or "75,50"."""
        value = self.fee_eur.quantize(Decimal("0.01"))
        if value == value.to_integral_value():
            return str(int(value))
        return f"{value:.2f}".replace(".", ",")


def terms(lang: Lang, association: AssociationSettings) -> dict[str, str]:
    """How texts name membership of this association: "member" ("LVV-lid" / "lid van de
    vereniging"), "member_option" (an option's label), "without" ("zonder LVV-lidmaatschap", a
    text's {without_text}), "label" (the member number's name)."""
    short = association.short
    variant = "named" if short else "generic"
    return {
        "member": t_plain(lang, f"association.member.{variant}", short_name=short),
        "member_option": t_plain(lang, f"association.member_option.{variant}", short_name=short),
        "without": t_plain(lang, f"association.without.{variant}", short_name=short),
        "label": association.member_number_label
        or t_plain(lang, "association.member_number.default"),
    }


# The fields the secretariat edits (everything but the workspace id).
EDITABLE = tuple(f.name for f in fields(AssociationSettings) if f.name != "team_id")


def defaults(*, team_id: str, settings: Settings) -> AssociationSettings:
    """The settings of an association that has saved nothing yet."""
    return AssociationSettings(
        team_id=team_id,
        name="",
        short_name="",
        member_number_label="",
        fee_eur=rules.NON_MEMBER_FEE_EUR_PER_YEAR,
        payment_instructions="",
        fee_blocks_requests=False,
        guide_url="",
        membership_url="",
        peer_min_members=rules.PEER_GROUP_MIN_MEMBERS,
        peer_max_members=rules.PEER_GROUP_MAX_MEMBERS,
        guided_min_members=rules.GUIDED_GROUP_MIN_MEMBERS,
        guided_max_members=rules.GUIDED_GROUP_MAX_MEMBERS,
        required_hours=rules.RECERTIFICATION_REQUIRED_HOURS,
        period_years=rules.RECERTIFICATION_PERIOD_YEARS,
        min_hours_per_year=settings.min_hours_per_year,
        max_counted_hours_per_year=settings.max_counted_hours_per_year,
        retention_years=settings.retention_years,
        admins_are_secretariat=True,
    )


def association_for(session: Session, *, team_id: str, settings: Settings) -> AssociationSettings:
    """The workspace's association as saved, else the defaults."""
    row = session.get(Association, team_id)
    if row is None:
        return defaults(team_id=team_id, settings=settings)
    return AssociationSettings(team_id=team_id, **{name: getattr(row, name) for name in EDITABLE})


def group_size_bounds(session: Session, *, team_id: str, kind: GroupKind) -> tuple[int, int]:
    """(minimum, maximum) members of a new group of this kind: the association's rule, else
    the defaults (no settings needed: group sizes default to the rules, not the environment)."""
    row = session.get(Association, team_id)
    if row is None:
        if kind is GroupKind.GUIDED:
            return rules.GUIDED_GROUP_MIN_MEMBERS, rules.GUIDED_GROUP_MAX_MEMBERS
        return rules.PEER_GROUP_MIN_MEMBERS, rules.PEER_GROUP_MAX_MEMBERS
    if kind is GroupKind.GUIDED:
        return row.guided_min_members, row.guided_max_members
    return row.peer_min_members, row.peer_max_members


def certificate_issuer(
    session: Session, *, team_id: str, member_number: bool
) -> tuple[str | None, str | None]:
    """What a new certificate prints as its issuer and, when the number on it is the member
    number (`member_number`), that number's label; None where the association set nothing."""
    row = session.get(Association, team_id)
    if row is None:
        return None, None
    settings = AssociationSettings(team_id=team_id, **{n: getattr(row, n) for n in EDITABLE})
    label = row.member_number_label if member_number else ""
    return settings.issuer or None, label or None


def fee_blocks_requests(session: Session, *, team_id: str) -> bool:
    """Whether the association lets an unpaid fee stop a join request (default: it does not)."""
    row = session.get(Association, team_id)
    return bool(row is not None and row.fee_blocks_requests)


def is_secretariat(
    session: Session, *, team_id: str, person_id: int, workspace_admin: bool
) -> bool:
    """Secretariat: owners and admins of the workspace (unless turned off) and the people the
    secretariat added. INTERVISIE_ADMINS is checked by the caller (a bootstrap, per process)."""
    # One statement on every request: listed?, and do admins count (NULL: nothing saved: yes)?
    listed, admins_count = session.execute(
        select(
            exists().where(
                SecretariatMember.team_id == team_id, SecretariatMember.person_id == person_id
            ),
            select(Association.admins_are_secretariat)
            .where(Association.team_id == team_id)
            .scalar_subquery(),
        )
    ).one()
    return bool(listed) or (workspace_admin and admins_count is not False)


def secretariat_members(session: Session, *, team_id: str) -> list[Person]:
    """The people the secretariat added to itself, by name."""
    return list(
        session.scalars(
            select(Person)
            .join(SecretariatMember, SecretariatMember.person_id == Person.id)
            .where(SecretariatMember.team_id == team_id)
            .order_by(Person.full_name, Person.id)
        )
    )
