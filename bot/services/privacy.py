"""AVG (GDPR): a member's own data export, "verwijder mijn gegevens", and the retention purge.

What the app stores is metadata only (who, when, how long, which role); docs/privacy.md says what,
why and for how long. Deletion anonymises rather than deletes where the group's records need a row
(attendance counts, the audit log), so other members' records and hours stay intact.
"""

from __future__ import annotations

import json
import logging
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from bot import rules
from bot.actor import Actor
from bot.errors import NotAllowed, NotFound
from bot.notify import Intent, owe
from bot.services import audit, planned_roles, reflections, verslag
from bot.services.access import managed_groups
from bot.services.agreement_data import personal_data
from bot.services.certificates import owe_certificate
from bot.services.membership_story import drop_deputy
from bot.services.profile_data import delete_profile, profile_export
from storage.models import (
    Attendance,
    AuditEvent,
    Certificate,
    CertificateStatus,
    Delivery,
    DeliveryKind,
    DeliveryStatus,
    Enrollment,
    EnrollmentStatus,
    FeePayment,
    Group,
    IssuedOverview,
    Meeting,
    Person,
    ReportResponse,
    Trajectory,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, kw_only=True)
class DataExport(Intent):
    """The member gets everything stored about them as a JSON file (Art. 15 AVG)."""

    KIND = "data_export"
    TRANSPORT = DeliveryKind.FILE
    person_id: int
    requested_at: str


ANONYMOUS_NAME = "Verwijderde deelnemer"
# Replaces the Slack user id of a deleted person: never a real id (those start with U or W).
ANONYMOUS_ID_PREFIX = "X"


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _enum(value: Any) -> Any:
    return getattr(value, "value", value)


def export_data(session: Session, *, person_id: int) -> dict[str, Any]:
    """Everything stored about one person, as plain JSON-able data (Art. 15 AVG)."""
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("privacy.not_found")
    enrollments = session.execute(
        select(Enrollment, Group.number, Group.name)
        .join(Group, Group.id == Enrollment.group_id)
        .where(Enrollment.person_id == person_id)
        .order_by(Enrollment.requested_at, Enrollment.id)
    ).all()
    attendance = session.execute(
        select(Attendance, Meeting, Group.number)
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .join(Group, Group.id == Meeting.group_id)
        .where(Attendance.person_id == person_id)
        .order_by(Meeting.starts_at, Attendance.id)
    ).all()
    certificates = session.scalars(
        select(Certificate)
        .where(Certificate.person_id == person_id)
        .order_by(Certificate.meeting_starts_at, Certificate.id)
    ).all()
    fees = session.scalars(
        select(FeePayment).where(FeePayment.person_id == person_id).order_by(FeePayment.year)
    ).all()
    trajectories = session.scalars(
        select(Trajectory)
        .where(or_(Trajectory.supervisor_id == person_id, Trajectory.requester_id == person_id))
        .order_by(Trajectory.requested_at, Trajectory.id)
    ).all()
    report_answers = session.scalars(
        select(ReportResponse)
        .where(ReportResponse.person_id == person_id)
        .order_by(ReportResponse.answered_at, ReportResponse.id)
    ).all()
    overviews = session.scalars(
        select(IssuedOverview)
        .where(IssuedOverview.person_id == person_id)
        .order_by(IssuedOverview.as_of, IssuedOverview.id)
    ).all()
    events = session.scalars(
        select(AuditEvent)
        .where(or_(AuditEvent.actor_id == person_id, AuditEvent.subject_id == person_id))
        .order_by(AuditEvent.at, AuditEvent.id)
    ).all()
    return {
        "person": {
            "slack_user_id": person.slack_user_id,
            "workspace": person.team_id,
            "full_name": person.full_name,
            "display_name": person.display_name,
            "locale": person.locale,
            "time_zone": person.tz,
            "membership_type": _enum(person.membership_type),
            "member_number": person.member_number,
            "certification_period_start": _iso(person.certification_period_start),
            "has_personal_calendar_link": person.calendar_token is not None,
            "created_at": _iso(person.created_at),
        },
        "enrollments": [
            {
                "group_number": number,
                "group_name": name,
                "status": _enum(e.status),
                "requested_at": _iso(e.requested_at),
                "decided_at": _iso(e.decided_at),
                "reason": e.reason,
                "left_at": _iso(e.left_at),
            }
            for e, number, name in enrollments
        ],
        "attendance": [
            {
                "group_number": number,
                "meeting_starts_at": _iso(m.starts_at),
                "meeting_duration_minutes": m.duration_minutes,
                "present": a.present,
                "role": _enum(a.role),
                "net_minutes": a.net_minutes,
                "registered_at": _iso(a.registered_at),
            }
            for a, m, number in attendance
        ],
        "certificates": [
            {
                "number": c.number,
                "status": _enum(c.status),
                "kind": _enum(c.kind),
                "holder_name": c.holder_name,
                "member_number": c.member_number,
                "register": c.register_key,
                "registration_number": c.registration_number,
                "activity_id": c.activity_id,
                "points": str(c.points) if c.points is not None else None,
                "group_number": c.group_number,
                "group_name": c.group_name,
                "meeting_starts_at": _iso(c.meeting_starts_at),
                "net_minutes": c.net_minutes,
                "role": _enum(c.role),
                "issued_at": _iso(c.issued_at),
            }
            for c in certificates
        ],
        **profile_export(session, person_id=person_id),
        "fee_payments": [
            {
                "year": f.year,
                "recorded_at": _iso(f.recorded_at),
                "paid_by": _enum(f.paid_by),
                "paid_on": _iso(f.paid_on),
            }
            for f in fees
        ],
        "guided_trajectories": [
            {
                "as": "supervisor" if tr.supervisor_id == person_id else "requester",
                "status": _enum(tr.status),
                "client": tr.client_name,
                "wishes": tr.wishes if tr.requester_id == person_id else None,
                "group_number": tr.group.number if tr.group is not None else None,
                "requested_at": _iso(tr.requested_at),
            }
            for tr in trajectories
        ],
        "report_answers": [
            {"answer": _enum(r.answer), "remark": r.remark, "answered_at": _iso(r.answered_at)}
            for r in report_answers
        ],
        "hours_overviews": [
            {
                "holder_name": o.holder_name,
                "period_start": _iso(o.period_start),
                "period_end": _iso(o.period_end),
                "as_of": _iso(o.as_of),
                "counted_minutes": o.counted_minutes,
                "total_minutes": o.total_minutes,
                "meetings": o.meeting_count,
            }
            for o in overviews
        ],
        "audit_events": [
            {
                "at": _iso(e.at),
                "action": e.action,
                "by_me": e.actor_id == person_id,
                "about_me": e.subject_id == person_id,
                "details": e.details,
            }
            for e in events
        ],
        **personal_data(session, person_id=person_id),
        "planned_roles": planned_roles.export_rows(session, person_id=person_id),
        **reflections.export_rows(session, person_id=person_id),
    }


def export_json(session: Session, *, person_id: int) -> bytes:
    """The JSON export of one person, UTF-8."""
    data = export_data(session, person_id=person_id)
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def request_export(session: Session, *, actor: Actor, now: datetime) -> int:
    """Owe the actor their data (JSON) and their valid certificate PDFs in a DM; returns files."""
    person = session.get(Person, actor.person_id)
    if person is None or person.anonymised_at is not None:
        raise NotFound("privacy.not_found")
    stamp = now.isoformat()
    owe(session, intent=DataExport(person_id=person.id, requested_at=stamp), to=person, now=now)
    certificates = session.scalars(
        select(Certificate)
        .where(Certificate.person_id == person.id, Certificate.status == CertificateStatus.VALID)
        .order_by(Certificate.meeting_starts_at, Certificate.id)
    ).all()
    for certificate in certificates:
        owe_certificate(
            session, certificate=certificate, person=person, now=now, occasion=f"export-{stamp}"
        )
    audit.record(
        session,
        team_id=person.team_id,
        action="data_exported",
        now=now,
        actor_id=person.id,
        subject_id=person.id,
        details={"certificates": len(certificates)},
    )
    return 1 + len(certificates)


def check_can_delete(session: Session, *, person_id: int) -> None:
    """A contact person hands the group over first (the same rule as leaving)."""
    groups = managed_groups(session, person_id=person_id)
    if groups:
        raise NotAllowed(
            "privacy.delete.contact_person", numbers=", ".join(str(g.number) for g in groups)
        )


def delete_my_data(session: Session, *, actor: Actor, now: datetime) -> None:
    """Anonymise the person (Art. 17 AVG), keeping only what the groups' records need.

    - Person: name → "Verwijderde deelnemer", Slack id → an opaque value, numbers, locale, time zone,
      period start and calendar link cleared. A later request from the same Slack user starts afresh.
    - Enrollments: pending and approved ones end (status left); the rows stay for group counts.
    - Attendance stays (the group's meeting record), tied to the anonymous person.
    - Professions and registrations (numbers in professional registers) are deleted.
    - Certificates keep their status and hours but lose the name and the numbers, so /verify
      still confirms a PDF's date, hours and group but never shows who it was; issued overviews
      lose the name the same way.
    - Deliveries still owed to the person are cancelled.
    """
    person_id = actor.person_id
    person = session.scalars(select(Person).where(Person.id == person_id).with_for_update()).one()
    if person.anonymised_at is not None:
        raise NotFound("privacy.not_found")
    check_can_delete(session, person_id=person_id)
    slack_user_id = person.slack_user_id
    session.execute(
        update(Enrollment)
        .where(
            Enrollment.person_id == person_id,
            Enrollment.status.in_([EnrollmentStatus.PENDING, EnrollmentStatus.APPROVED]),
        )
        .values(status=EnrollmentStatus.LEFT, left_at=now, reason=None)
    )
    session.execute(update(Enrollment).where(Enrollment.person_id == person_id).values(reason=None))
    # Guided intervision: what they typed about a trajectory or its report goes too.
    session.execute(
        update(ReportResponse).where(ReportResponse.person_id == person_id).values(remark=None)
    )
    session.execute(
        update(Trajectory).where(Trajectory.requester_id == person_id).values(wishes="")
    )
    # No longer a member anywhere, so no longer anyone's deputy.
    for group in session.scalars(select(Group).where(Group.deputy_id == person_id)):
        drop_deputy(session, actor=actor, group=group, person_id=person_id, now=now)
    session.execute(
        update(Certificate)
        .where(Certificate.person_id == person_id)
        .values(holder_name=ANONYMOUS_NAME, registration_number=None, member_number=None)
    )
    delete_profile(session, person_id=person_id)
    session.execute(
        update(IssuedOverview)
        .where(IssuedOverview.person_id == person_id)
        .values(holder_name=ANONYMOUS_NAME)
    )
    session.execute(
        update(Delivery)
        .where(
            Delivery.team_id == person.team_id,
            Delivery.recipient == slack_user_id,
            Delivery.status.in_([DeliveryStatus.PENDING, DeliveryStatus.SENDING]),
        )
        .values(status=DeliveryStatus.CANCELLED, last_error="person deleted their data")
    )
    person.slack_user_id = ANONYMOUS_ID_PREFIX + secrets.token_hex(12)
    person.full_name = ANONYMOUS_NAME
    person.display_name = ""
    person.locale = "nl-NL"
    person.tz = None
    person.membership_type = None
    person.member_number = None
    person.profile_asked_at = None
    person.certification_period_start = None
    person.calendar_token = None
    person.anonymised_at = now
    audit.record(
        session,
        team_id=person.team_id,
        action="person_anonymised",
        now=now,
        actor_id=person.id,
        subject_id=person.id,
    )


def retention_cutoff(now: datetime, *, years: int) -> datetime:
    """The instant before which certificates and attendance are purged (29-02 → 28-02)."""
    try:
        return now.replace(year=now.year - years)
    except ValueError:
        return now.replace(year=now.year - years, day=28)


def purge_before(session: Session, *, now: datetime, years: int, team_id: str | None = None) -> int:
    """Delete certificates and attendance of meetings older than `years` (of one workspace, when
    `team_id` is given: each association has its own retention period); returns rows deleted."""
    years = max(years, rules.RETENTION_YEARS_MIN)
    cutoff = retention_cutoff(now, years=years)
    old_certificates = select(Certificate.id).where(Certificate.meeting_starts_at < cutoff)
    old_meetings = select(Meeting.id).where(Meeting.starts_at < cutoff)
    if team_id is not None:
        old_certificates = old_certificates.where(Certificate.team_id == team_id)
        old_meetings = old_meetings.where(
            Meeting.group_id.in_(select(Group.id).where(Group.team_id == team_id))
        )
    # A superseded certificate points at its successor: unlink before deleting either.
    session.execute(
        update(Certificate)
        .where(Certificate.superseded_by_id.in_(old_certificates))
        .values(superseded_by_id=None)
    )
    certificates = session.execute(delete(Certificate).where(Certificate.id.in_(old_certificates)))
    reflected = reflections.purge_of(session, meetings=old_meetings)
    reflected += verslag.purge_of(session, meetings=old_meetings)
    # An overview whose whole period lies before the cutoff counts only purged certificates.
    old_overviews = delete(IssuedOverview).where(IssuedOverview.period_end < cutoff.date())
    if team_id is not None:
        old_overviews = old_overviews.where(
            IssuedOverview.person_id.in_(select(Person.id).where(Person.team_id == team_id))
        )
    session.execute(old_overviews)
    attendance = session.execute(delete(Attendance).where(Attendance.meeting_id.in_(old_meetings)))
    total = int(getattr(certificates, "rowcount", 0) or 0) + int(
        getattr(attendance, "rowcount", 0) or 0
    )
    return total + reflected
