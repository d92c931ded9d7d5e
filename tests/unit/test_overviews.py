"""Issued recertification overviews on a real database: one record per request however often it is
rendered, the totals it printed, a status that turns "changed" once a counted certificate is
corrected or revoked, and the dossier with every counted deelnamebewijs after the overview."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from pypdf import PdfReader
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from bot.i18n import t_plain
from bot.services import certificates
from bot.services.dossier import dossier_pdf
from bot.services.hours import issued_overview_document
from bot.services.overviews import OverviewStatus, overview_by_code, overview_status
from bot.services.privacy import purge_before
from bot.settings import Settings
from storage.models import (
    Certificate,
    CertificateKind,
    CertificateStatus,
    IssuedOverview,
    Role,
)
from tests.support.attendance import person, seed_group

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
# (start in UTC, net minutes) of Daan's meetings: one in 2025, two in 2026.
MEETINGS = (
    (datetime(2025, 6, 2, 7, tzinfo=UTC), 120),
    (datetime(2026, 2, 2, 8, tzinfo=UTC), 150),
    (datetime(2026, 6, 1, 7, tzinfo=UTC), 90),
)


def _daan_with_certificates(engine: Engine) -> int:
    seed_group(engine, members=("UANNE001", "UDAAN004"))
    with Session(engine) as session, session.begin():
        daan = person(session, "UDAAN004")
        for index, (starts_at, minutes) in enumerate(MEETINGS, start=1):
            session.add(
                Certificate(
                    team_id="T1",
                    number=f"IV-2026-{index:06d}",
                    verification_code=certificates.new_verification_code(),
                    kind=CertificateKind.PARTICIPATION,
                    status=CertificateStatus.VALID,
                    person_id=daan.id,
                    holder_name="Daan van der Berg",
                    group_number=1001,
                    group_name="Noord",
                    contact_person_name="Anne de Vries",
                    meeting_starts_at=starts_at,
                    net_minutes=minutes,
                    role=Role.PARTICIPANT,
                    issued_at=starts_at + timedelta(hours=3),
                )
            )
        return daan.id


def test_one_record_per_request_with_the_totals_it_printed(
    clean_db: Engine, settings: Settings
) -> None:
    daan = _daan_with_certificates(clean_db)
    as_of = NOW.isoformat()
    with Session(clean_db) as session, session.begin():
        first, meetings = issued_overview_document(
            session, person_id=daan, as_of=as_of, settings=settings, now=NOW
        )
    # The outbox renders the same request again after a failed upload: the same code.
    with Session(clean_db) as session, session.begin():
        again, _ = issued_overview_document(
            session, person_id=daan, as_of=as_of, settings=settings, now=NOW + timedelta(minutes=1)
        )
    assert first.verification_code and again.verification_code == first.verification_code
    assert first.verification_url == f"http://intervisie.test/verify/{first.verification_code}"
    assert len(meetings) == 3
    with Session(clean_db) as session:
        assert session.scalar(select(func.count()).select_from(IssuedOverview)) == 1
        record = overview_by_code(session, code=first.verification_code)
        assert record is not None
        assert record.holder_name == "Daan van der Berg"
        assert (record.period_start.isoformat(), record.period_end.isoformat()) == (
            "2023-01-01",
            "2026-12-31",
        )
        assert (record.total_minutes, record.counted_minutes) == (360, 360)
        assert record.required_minutes == 32 * 60
        assert record.meeting_count == 3
        assert overview_status(session, overview=record) is OverviewStatus.VALID
        assert overview_by_code(session, code=first.verification_code[:-1]) is None
    # A later request is a new overview with a code of its own.
    with Session(clean_db) as session, session.begin():
        later, _ = issued_overview_document(
            session,
            person_id=daan,
            as_of=(NOW + timedelta(days=1)).isoformat(),
            settings=settings,
            now=NOW,
        )
    assert later.verification_code != first.verification_code


def test_the_status_changes_when_a_counted_certificate_is_revoked(
    clean_db: Engine, settings: Settings
) -> None:
    daan = _daan_with_certificates(clean_db)
    with Session(clean_db) as session, session.begin():
        doc, _ = issued_overview_document(
            session, person_id=daan, as_of=NOW.isoformat(), settings=settings, now=NOW
        )
        first = session.scalars(select(Certificate).order_by(Certificate.id)).first()
        assert first is not None
        certificates.revoke(first, now=NOW)
    with Session(clean_db) as session:
        record = overview_by_code(session, code=doc.verification_code)
        assert record is not None
        assert overview_status(session, overview=record) is OverviewStatus.CHANGED


def test_the_purge_drops_overviews_whose_period_lies_before_the_cutoff(
    clean_db: Engine, settings: Settings
) -> None:
    daan = _daan_with_certificates(clean_db)
    with Session(clean_db) as session, session.begin():
        issued_overview_document(
            session, person_id=daan, as_of=NOW.isoformat(), settings=settings, now=NOW
        )
    with Session(clean_db) as session, session.begin():
        purge_before(session, now=NOW, years=5)
    with Session(clean_db) as session:
        assert session.scalar(select(func.count()).select_from(IssuedOverview)) == 1
    # Five years after the period (2023-2026) ended, nothing of it is left.
    with Session(clean_db) as session, session.begin():
        purge_before(session, now=datetime(2032, 1, 2, tzinfo=UTC), years=5)
    with Session(clean_db) as session:
        assert session.scalar(select(func.count()).select_from(IssuedOverview)) == 0


def test_the_dossier_is_the_overview_then_every_counted_certificate(
    clean_db: Engine, settings: Settings
) -> None:
    daan = _daan_with_certificates(clean_db)
    with Session(clean_db) as session, session.begin():
        filename, content = dossier_pdf(
            session, person_id=daan, as_of=NOW.isoformat(), settings=settings, now=NOW
        )
        code = session.scalars(select(IssuedOverview.verification_code)).one()
    assert filename == "dossier-hercertificering-2023-2026.pdf"
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]
    assert len(pages) == 4  # the overview fits one page; one page per certificate
    assert code in pages[0]  # the overview carries its own code
    title = t_plain("nl", "pdf.certificate.title")
    for page, index in zip(pages[1:], (1, 2, 3), strict=True):
        assert title in page and f"IV-2026-{index:06d}" in page  # in date order
