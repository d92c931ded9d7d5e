"""Changing the association's settings: only the secretariat, every change audited, and a
malformed value (a minimum above the maximum, a negative fee) refused field by field with
nothing written. The fields' names are the forms' block ids, so a refusal lands on its field."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot import rules
from bot.actor import Actor
from bot.errors import DomainError, InvalidFields, InvalidInput
from bot.parsing import clean_text
from bot.services import audit
from bot.services.access import require_secretariat
from bot.services.association import (
    EDITABLE,
    AssociationSettings,
    association_for,
    secretariat_members,
)
from bot.services.people import ensure_workspace
from bot.settings import Settings
from storage.models import Association, Person, SecretariatMember

NAME_MAX = 200
SHORT_NAME_MAX = 40
LABEL_MAX = 60
INSTRUCTIONS_MAX = 1000
URL_MAX = 300
# A yearly fee above this is a typo (7500 for 75,00), not a fee.
FEE_MAX = Decimal("10000")
GROUP_SIZE_LOW, GROUP_SIZE_HIGH = 2, 50
REQUIRED_HOURS_LOW, REQUIRED_HOURS_HIGH = 1, 500
PERIOD_YEARS_LOW, PERIOD_YEARS_HIGH = 1, 10
HOURS_PER_YEAR_HIGH = 200
RETENTION_YEARS_HIGH = 50
# Explicit secretariat members (besides owners and admins): a handful, not the whole workspace.
SECRETARIAT_MAX = 25
# Audited values are cut to this length (the payment instructions can be long).
AUDIT_VALUE_MAX = 200

_FEE = re.compile(r"([0-9]{1,6})(?:[.,]([0-9]{1,2}))?", re.ASCII)


# -- parsing what the secretariat typed ------------------------------------------------------------


def parse_fee(text: str | None, *, field: str = "fee") -> Decimal:
    """A fee in euros: "75", "75,00" or "75.5"; negative, too large or not a number is refused."""
    raw = (text or "").strip().replace("€", "").replace(" ", "")
    if raw.startswith("-"):
        raise InvalidInput("association.fee_negative", field=field)
    match = _FEE.fullmatch(raw)
    if match is None:
        raise InvalidInput("association.fee_invalid", field=field, given=raw[:20])
    try:
        value = Decimal(f"{match.group(1)}.{match.group(2) or '0'}")
    except InvalidOperation:
        raise InvalidInput("association.fee_invalid", field=field, given=raw[:20]) from None
    if value > FEE_MAX:
        raise InvalidInput("association.fee_too_high", field=field, high=int(FEE_MAX))
    return value


def _whole(text: str | None, *, field: str, low: int, high: int) -> int:
    raw = (text or "").strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 4 or not low <= int(raw) <= high:
        raise InvalidInput("association.number_range", field=field, low=low, high=high)
    return int(raw)


def _text(text: str | None, *, field: str, limit: int) -> str:
    value = clean_text(text)
    if len(value) > limit:
        raise InvalidInput("association.too_long", field=field, count=limit)
    return value


def _link(text: str | None, *, field: str) -> str:
    value = (text or "").strip()
    if not value:
        return ""
    if len(value) > URL_MAX:
        raise InvalidInput("association.too_long", field=field, count=URL_MAX)
    if not re.fullmatch(r"https?://[^\s<>|]+\.[^\s<>|]+", value):
        raise InvalidInput("association.bad_link", field=field)
    return value


class _Problems:
    """Collects each field's refusal, so every wrong field gets its own inline message."""

    def __init__(self) -> None:
        self.found: dict[str, DomainError] = {}

    def check(self, parse: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return parse(*args, **kwargs)
        except InvalidInput as error:
            self.found[error.field or "form"] = error
            return None

    def raise_any(self) -> None:
        if self.found:
            raise InvalidFields(self.found)


# -- changes (secretariat only, audited) -----------------------------------------------------------


def _save(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    changes: dict[str, Any],
    action: str,
    now: datetime,
) -> AssociationSettings:
    """Write the changed values (creating the row from the defaults) and audit what changed."""
    ensure_workspace(session, team_id=actor.team_id, now=now)
    row = session.scalars(
        select(Association).where(Association.team_id == actor.team_id).with_for_update()
    ).one_or_none()
    before = association_for(session, team_id=actor.team_id, settings=settings)
    if row is None:
        row = Association(
            team_id=actor.team_id,
            **{name: getattr(before, name) for name in EDITABLE},
            updated_at=now,
        )
        session.add(row)
    changed = {
        name: [_shown(getattr(before, name)), _shown(value)]
        for name, value in changes.items()
        if getattr(before, name) != value
    }
    for name, value in changes.items():
        setattr(row, name, value)
    row.updated_at = now
    row.updated_by_id = actor.person_id
    if changed:
        audit.record(
            session,
            team_id=actor.team_id,
            action=action,
            now=now,
            actor_id=actor.person_id,
            details={"changed": changed},
        )
    return replace(before, **changes)


def _shown(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, str):
        return value[:AUDIT_VALUE_MAX]
    return value


def update_identity(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    name: str | None,
    short_name: str | None,
    member_number_label: str | None,
    guide_url: str | None,
    membership_url: str | None,
    now: datetime,
) -> AssociationSettings:
    """The association's name, short name, member-number label and links."""
    require_secretariat(actor)
    problems = _Problems()
    changes = {
        "name": problems.check(_text, name, field="name", limit=NAME_MAX),
        "short_name": problems.check(_text, short_name, field="short_name", limit=SHORT_NAME_MAX),
        "member_number_label": problems.check(
            _text, member_number_label, field="member_number_label", limit=LABEL_MAX
        ),
        "guide_url": problems.check(_link, guide_url, field="guide_url"),
        "membership_url": problems.check(_link, membership_url, field="membership_url"),
    }
    problems.raise_any()
    return _save(
        session,
        actor=actor,
        settings=settings,
        changes=changes,
        action="association_changed",
        now=now,
    )


def update_fee(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    fee: str | None,
    payment_instructions: str | None,
    fee_blocks_requests: bool,
    now: datetime,
) -> AssociationSettings:
    """The non-member fee per year, how to pay it, and whether an unpaid fee blocks requests."""
    require_secretariat(actor)
    problems = _Problems()
    changes = {
        "fee_eur": problems.check(parse_fee, fee, field="fee_eur"),
        "payment_instructions": _plain_block(
            problems, payment_instructions, field="payment_instructions"
        ),
        "fee_blocks_requests": fee_blocks_requests,
    }
    problems.raise_any()
    return _save(
        session, actor=actor, settings=settings, changes=changes, action="fee_changed", now=now
    )


def _plain_block(problems: _Problems, text: str | None, *, field: str) -> str:
    """Multi-line text (payment instructions): line breaks kept, each line cleaned."""
    lines = [clean_text(line) for line in (text or "").splitlines()]
    value = "\n".join(lines).strip()
    if len(value) > INSTRUCTIONS_MAX:
        problems.found[field] = InvalidInput(
            "association.too_long", field=field, count=INSTRUCTIONS_MAX
        )
    return value


def update_rules(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    values: dict[str, str | None],
    now: datetime,
) -> AssociationSettings:
    """Group sizes, the hours target and period, the per-year bounds and the retention period,
    typed as whole numbers; a minimum above its maximum is refused on both fields."""
    require_secretariat(actor)
    problems = _Problems()
    bounds = {
        "peer_min_members": (GROUP_SIZE_LOW, GROUP_SIZE_HIGH),
        "peer_max_members": (GROUP_SIZE_LOW, GROUP_SIZE_HIGH),
        "guided_min_members": (GROUP_SIZE_LOW, GROUP_SIZE_HIGH),
        "guided_max_members": (GROUP_SIZE_LOW, GROUP_SIZE_HIGH),
        "required_hours": (REQUIRED_HOURS_LOW, REQUIRED_HOURS_HIGH),
        "period_years": (PERIOD_YEARS_LOW, PERIOD_YEARS_HIGH),
        "min_hours_per_year": (0, HOURS_PER_YEAR_HIGH),
        "max_counted_hours_per_year": (1, HOURS_PER_YEAR_HIGH),
        "retention_years": (rules.RETENTION_YEARS_MIN, RETENTION_YEARS_HIGH),
    }
    changes: dict[str, Any] = {
        name: problems.check(_whole, values.get(name), field=name, low=low, high=high)
        for name, (low, high) in bounds.items()
    }
    for low, high in (
        ("peer_min_members", "peer_max_members"),
        ("guided_min_members", "guided_max_members"),
        ("min_hours_per_year", "max_counted_hours_per_year"),
    ):
        if changes[low] is not None and changes[high] is not None and changes[low] > changes[high]:
            error = InvalidInput("association.min_above_max", field=low, high=changes[high])
            problems.found[low] = error
            problems.found[high] = InvalidInput(
                "association.max_below_min", field=high, low=changes[low]
            )
    if (
        changes["retention_years"] is not None
        and changes["period_years"] is not None
        and changes["retention_years"] < changes["period_years"]
    ):
        # The recertification period must still be visible when it is counted.
        problems.found["retention_years"] = InvalidInput(
            "association.retention_below_period",
            field="retention_years",
            count=changes["period_years"],
        )
    problems.raise_any()
    return _save(
        session, actor=actor, settings=settings, changes=changes, action="rules_changed", now=now
    )


def set_secretariat(
    session: Session,
    *,
    actor: Actor,
    settings: Settings,
    people: list[Person],
    admins_are_secretariat: bool,
    now: datetime,
) -> list[Person]:
    """Who belongs to the secretariat besides (or, when turned off, instead of) the workspace's
    owners and admins. Only people of this workspace; at most SECRETARIAT_MAX."""
    require_secretariat(actor)
    if len(people) > SECRETARIAT_MAX:
        raise InvalidInput(
            "association.secretariat_too_many", field="members", count=SECRETARIAT_MAX
        )
    if any(p.team_id != actor.team_id or p.anonymised_at is not None for p in people):
        raise InvalidInput("association.secretariat_unknown", field="members")
    before = {p.id for p in secretariat_members(session, team_id=actor.team_id)}
    after = {p.id for p in people}
    _save(
        session,
        actor=actor,
        settings=settings,
        changes={"admins_are_secretariat": admins_are_secretariat},
        action="secretariat_changed",
        now=now,
    )
    removed, added = sorted(before - after), sorted(after - before)
    if removed:
        session.execute(
            delete(SecretariatMember).where(
                SecretariatMember.team_id == actor.team_id,
                SecretariatMember.person_id.in_(removed),
            )
        )
    for person_id in added:
        session.add(
            SecretariatMember(
                team_id=actor.team_id,
                person_id=person_id,
                added_at=now,
                added_by_id=actor.person_id,
            )
        )
    if added or removed:
        audit.record(
            session,
            team_id=actor.team_id,
            action="secretariat_changed",
            now=now,
            actor_id=actor.person_id,
            details={"added": added, "removed": removed},
        )
    return sorted(people, key=lambda p: (p.full_name, p.id))
