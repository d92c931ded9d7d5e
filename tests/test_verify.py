"""GET /verify/<code>: only initials + surname, date, hours, group number and status; HTML escaped
and in Dutch, JSON on request; an unknown code reveals nothing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.devtools.slack_sim import http_request
from bot.names import public_name
from bot.server import Runtime
from bot.services.certificates import new_verification_code
from storage.models import Certificate, CertificateKind, CertificateStatus
from tests.attendance_fixtures import person, seed_group


@pytest.mark.parametrize(
    ("full", "shown"),
    [
        ("Daan van der Berg", "D. van der Berg"),
        ("Anne de Vries", "A. de Vries"),
        ("Zoë Şahin-Łukasiewicz", "Z. Şahin-Łukasiewicz"),
        ("Jan-Willem Hendrik ter Horst", "J.-W.H. ter Horst"),
        ("Karla de Groot", "K. de Groot"),
        ("Emma Bakker", "E. Bakker"),
        ("Madonna", "Madonna"),
        ("ingrid van 't Hof", "I. van 't Hof"),
    ],
)
def test_initials_and_surname_with_tussenvoegsels(full: str, shown: str) -> None:
    assert public_name(full) == shown


@pytest.fixture
def team(runtime: Runtime, db_engine: Engine) -> Engine:
    """The workspace with a group of Anne and Daan, for the certificates below."""
    seed_group(db_engine, members=("UANNE001", "UDAAN004"))
    return db_engine


def _certificate(
    engine: Engine, *, holder: str, status: CertificateStatus, user: str = "UDAAN004"
) -> str:
    code = new_verification_code()
    with Session(engine) as session, session.begin():
        holder_person = person(session, user)
        session.add(
            Certificate(
                team_id="T1",
                number=f"IV-2026-{abs(hash(code)) % 999999:06d}",
                verification_code=code,
                kind=CertificateKind.PARTICIPATION,
                status=status,
                person_id=holder_person.id,
                holder_name=holder,
                group_number=1001,
                group_name="Noord",
                contact_person_name="Anne de Vries",
                meeting_starts_at=datetime(2026, 11, 20, 8, tzinfo=UTC),
                net_minutes=150,
                role=None,
                issued_at=datetime(2026, 11, 20, 14, tzinfo=UTC),
            )
        )
    return code


def test_valid_certificate_page_and_json(runtime: Runtime, team: Engine) -> None:
    code = _certificate(team, holder="Daan van der Berg", status=CertificateStatus.VALID)
    page = http_request(runtime.port, "GET", f"/verify/{code}")
    assert page.status == 200
    assert page.headers["content-type"].startswith("text/html")
    assert '<html lang="nl">' in page.text
    assert "D. van der Berg" in page.text
    assert "Daan" not in page.text
    assert "20-11-2026" in page.text
    assert "2,5" in page.text
    assert "1001" in page.text
    assert "Geldig" in page.text
    assert "Noord" not in page.text and "Anne" not in page.text  # nothing more than needed

    data = http_request(
        runtime.port, "GET", f"/verify/{code}", headers={"Accept": "application/json"}
    ).json
    assert data == {
        "name": "D. van der Berg",
        "date": "2026-11-20",
        "hours": 2.5,
        "group_number": 1001,
        "status": "valid",
    }


def test_superseded_and_revoked_say_so(runtime: Runtime, team: Engine) -> None:
    old = _certificate(team, holder="Daan van der Berg", status=CertificateStatus.SUPERSEDED)
    gone = _certificate(team, holder="Daan van der Berg", status=CertificateStatus.REVOKED)
    assert "Vervangen" in http_request(runtime.port, "GET", f"/verify/{old}").text
    assert "Ingetrokken" in http_request(runtime.port, "GET", f"/verify/{gone}").text
    headers = {"Accept": "application/json"}
    assert (
        http_request(runtime.port, "GET", f"/verify/{gone}", headers=headers).json["status"]
        == "revoked"
    )


def test_names_are_escaped(runtime: Runtime, team: Engine) -> None:
    code = _certificate(
        team, holder="<script>alert(1)</script> de Vries", status=CertificateStatus.VALID
    )
    page = http_request(runtime.port, "GET", f"/verify/{code}").text
    assert "<script>" not in page
    assert "&lt;" in page


def test_unknown_code_reveals_nothing(runtime: Runtime, team: Engine) -> None:
    _certificate(team, holder="Daan van der Berg", status=CertificateStatus.VALID)
    unknown = http_request(runtime.port, "GET", "/verify/" + "A" * 32)
    nowhere = http_request(runtime.port, "GET", "/nowhere")
    assert unknown.status == 404
    assert unknown.body == nowhere.body
    odd = http_request(runtime.port, "GET", "/verify/%3Cscript%3E")
    assert odd.status == 404
