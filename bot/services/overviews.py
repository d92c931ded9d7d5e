"""Issued recertification overviews: each one is recorded with the totals it printed and a code of
its own, so /verify can confirm an overview the way it confirms a deelnamebewijs."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.services.certificates import new_verification_code
from storage.models import Certificate, CertificateStatus, IssuedOverview, Person


class OverviewStatus(enum.StrEnum):
    """What /verify says about an issued overview."""

    # Every deelnamebewijs it counted is still valid: the totals stand.
    VALID = "valid"
    # A deelnamebewijs it counted was corrected or revoked since: ask for a new overview.
    CHANGED = "changed"


@dataclass(frozen=True, kw_only=True)
class OverviewTotals:
    """What an overview printed: its period (last day inclusive) and the hours in it."""

    period_start: date
    period_end: date
    total_minutes: int
    counted_minutes: int
    required_minutes: int
    certificate_ids: Sequence[int]


def issue_overview(
    session: Session,
    *,
    person: Person,
    holder_name: str,
    as_of: datetime,
    totals: OverviewTotals,
    now: datetime,
) -> IssuedOverview:
    """The record of the member's overview as of `as_of`: made once, found again when the same
    request is rendered a second time (a retried delivery prints the same code)."""
    existing = session.scalars(
        select(IssuedOverview).where(
            IssuedOverview.person_id == person.id, IssuedOverview.as_of == as_of
        )
    ).one_or_none()
    if existing is not None:
        return existing
    overview = IssuedOverview(
        team_id=person.team_id,
        person_id=person.id,
        verification_code=new_verification_code(),
        holder_name=holder_name,
        period_start=totals.period_start,
        period_end=totals.period_end,
        as_of=as_of,
        total_minutes=totals.total_minutes,
        counted_minutes=totals.counted_minutes,
        required_minutes=totals.required_minutes,
        meeting_count=len(totals.certificate_ids),
        certificate_ids=list(totals.certificate_ids),
        created_at=now,
    )
    session.add(overview)
    session.flush()
    return overview


def overview_by_code(session: Session, *, code: str) -> IssuedOverview | None:
    """The overview with this verification code (any workspace: the code is the secret)."""
    return session.scalars(
        select(IssuedOverview).where(IssuedOverview.verification_code == code)
    ).one_or_none()


def overview_status(session: Session, *, overview: IssuedOverview) -> OverviewStatus:
    """Valid while every deelnamebewijs it counted is; changed once one was corrected or revoked.

    A certificate purged after the retention period no longer says anything either way.
    """
    ids = [int(i) for i in overview.certificate_ids]
    if not ids:
        return OverviewStatus.VALID
    changed = session.scalar(
        select(func.count())
        .select_from(Certificate)
        .where(Certificate.id.in_(ids), Certificate.status != CertificateStatus.VALID)
    )
    return OverviewStatus.CHANGED if changed else OverviewStatus.VALID
