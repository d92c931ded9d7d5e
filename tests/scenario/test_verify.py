"""GET /verify/<code>: the certificate number, initials + surname, group, date, time, hours, role
and status; a recertification overview's own code with its period, hours and status; semantic HTML
in Dutch or English as the browser asks, escaped, locked down by its headers; JSON on request;
every unknown code gets one page that says what to check."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import HttpResult, SlackSim, http_request
from bot.i18n import hours_text, t_plain
from bot.names import public_name
from bot.server import Runtime
from bot.services.certificates import new_verification_code
from storage.models import Certificate, CertificateKind, CertificateStatus, Role
from tests.support.attendance import files_for, pdf_text, person, seed_group
from tests.support.wait import wait_until


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
    engine: Engine,
    *,
    holder: str,
    status: CertificateStatus,
    user: str = "UDAAN004",
    role: Role | None = None,
    code: str | None = None,
) -> str:
    code = code or new_verification_code()
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
                role=role,
                issued_at=datetime(2026, 11, 20, 14, tzinfo=UTC),
            )
        )
    return code


def _number(engine: Engine, code: str) -> str:
    with Session(engine) as session:
        return session.scalars(
            select(Certificate.number).where(Certificate.verification_code == code)
        ).one()


def _get(runtime: Runtime, path: str, **headers: str) -> HttpResult:
    return http_request(runtime.port, "GET", path, headers=dict(headers))


def test_valid_certificate_page_in_dutch(runtime: Runtime, team: Engine) -> None:
    code = _certificate(
        team, holder="Daan van der Berg", status=CertificateStatus.VALID, role=Role.FACILITATOR
    )
    page = _get(runtime, f"/verify/{code}")
    assert page.status == 200
    assert page.headers["content-type"].startswith("text/html")
    text = page.text
    assert '<html lang="nl">' in text
    for expected in (
        f"<td>{_number(team, code)}</td>",
        "<td>D. van der Berg</td>",
        "<td>1001 — Noord</td>",
        "<td>20-11-2026</td>",
        "<td>09:00–11:30</td>",  # Amsterdam time: the meeting started 08:00 UTC
        f"<td>{hours_text('nl', 150)}</td>",
        f"<td>{t_plain('nl', 'role.facilitator')}</td>",
        f"<td>{t_plain('nl', 'verify.status.valid')}</td>",
    ):
        assert expected in text, expected
    assert "Daan" not in text and "Anne" not in text  # no first name, no contact person
    # Semantic: a main landmark and a table with a caption and row header cells.
    assert "<main>" in text and "</main>" in text
    assert re.search(r"<table><caption>[^<]+</caption>", text)
    assert text.count('<th scope="row">') == 8
    csp = page.headers["content-security-policy"]
    for directive in ("default-src 'none'", "style-src 'unsafe-inline'", "frame-ancestors 'none'"):
        assert directive in csp
    assert page.headers["cache-control"] == "no-store"
    assert page.headers["referrer-policy"] == "no-referrer"
    assert "Accept-Language" in page.headers["vary"]


def test_valid_certificate_page_in_english_when_the_browser_prefers_it(
    runtime: Runtime, team: Engine
) -> None:
    code = _certificate(team, holder="Daan van der Berg", status=CertificateStatus.VALID)
    text = _get(runtime, f"/verify/{code}", **{"Accept-Language": "en-GB,en;q=0.9,nl;q=0.8"}).text
    assert '<html lang="en">' in text
    for expected in (
        f"<title>{t_plain('en', 'verify.title')}</title>",
        f'<th scope="row">{t_plain("en", "verify.number")}</th>',
        f"<td>{hours_text('en', 150)}</td>",
        f"<td>{t_plain('en', 'verify.status.valid')}</td>",
        "<td>—</td>",  # no role recorded
    ):
        assert expected in text, expected
    dutch_first = _get(runtime, f"/verify/{code}", **{"Accept-Language": "nl,en;q=0.9"}).text
    assert '<html lang="nl">' in dutch_first


def test_json_on_request(runtime: Runtime, team: Engine) -> None:
    code = _certificate(
        team, holder="Daan van der Berg", status=CertificateStatus.VALID, role=Role.PRESENTER
    )
    data = _get(runtime, f"/verify/{code}", Accept="application/json").json
    assert data == {
        "number": _number(team, code),
        "name": "D. van der Berg",
        "group_number": 1001,
        "group_name": "Noord",
        "date": "2026-11-20",
        "start_time": "09:00",
        "end_time": "11:30",
        "hours": 2.5,
        "role": "presenter",
        "status": "valid",
    }


def test_superseded_and_revoked_say_so(runtime: Runtime, team: Engine) -> None:
    old = _certificate(team, holder="Daan van der Berg", status=CertificateStatus.SUPERSEDED)
    gone = _certificate(team, holder="Daan van der Berg", status=CertificateStatus.REVOKED)
    superseded = html.escape(t_plain("nl", "verify.status.superseded"))
    assert superseded in _get(runtime, f"/verify/{old}").text
    assert t_plain("nl", "verify.status.revoked") in _get(runtime, f"/verify/{gone}").text
    assert _get(runtime, f"/verify/{gone}", Accept="application/json").json["status"] == "revoked"


def test_names_are_escaped(runtime: Runtime, team: Engine) -> None:
    code = _certificate(
        team, holder="<script>alert(1)</script> de Vries", status=CertificateStatus.VALID
    )
    page = _get(runtime, f"/verify/{code}").text
    assert "<script>" not in page
    assert "&lt;" in page


def test_an_unknown_code_gets_one_page_that_says_what_to_check(
    runtime: Runtime, team: Engine
) -> None:
    real = _certificate(team, holder="Daan van der Berg", status=CertificateStatus.VALID)
    answers = [
        _get(runtime, path)
        for path in (
            "/verify/" + "A" * 32,  # well formed, never issued
            "/verify/" + real[:-1] + ("B" if real[-1] != "B" else "C"),  # one character off
            "/verify/" + real[:-4],  # cut short
            "/verify/%3Cscript%3E",  # not a code at all
            "/verify/",
        )
    ]
    assert {answer.status for answer in answers} == {404}
    assert len({answer.body for answer in answers}) == 1  # nothing tells them apart
    page = answers[0]
    assert page.headers["content-type"].startswith("text/html")
    assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
    text = page.text
    assert '<html lang="nl">' in text and "<main>" in text
    assert f"<h1>{t_plain('nl', 'verify.unknown.title')}</h1>" in text
    for key in ("verify.unknown.typo", "verify.unknown.full", "verify.unknown.qr"):
        assert f"<li>{html.escape(t_plain('nl', key))}</li>" in text, key
    assert real[:-4] not in text
    english = _get(runtime, "/verify/" + "A" * 32, **{"Accept-Language": "en"})
    assert english.status == 404
    assert f"<h1>{t_plain('en', 'verify.unknown.title')}</h1>" in english.text
    as_json = _get(runtime, "/verify/" + "A" * 32, Accept="application/json")
    assert (as_json.status, as_json.json) == (404, {"status": "unknown"})


def _overview_code(slack: SlackSim, fake: FakeSlack, user: str) -> str:
    """Ask for the overview with `/intervisie uren pdf`; the code printed on the PDF that comes."""
    slack.command(user, "uren pdf")
    title = t_plain("nl", "overview.file.title")
    wait_until(lambda: any(f.title == title for f in files_for(fake, user)), timeout=20)
    [overview] = [f for f in files_for(fake, user) if f.title == title]
    label = re.escape(t_plain("nl", "pdf.label.code"))
    match = re.search(label + r"\s+([A-Za-z0-9_-]+)", pdf_text(overview.content))
    assert match, "no verification code on the overview"
    return match.group(1)


def test_an_overview_has_its_own_code_that_verifies(
    runtime: Runtime, team: Engine, slack: SlackSim, fake_slack: FakeSlack
) -> None:
    first = _certificate(team, holder="Daan van der Berg", status=CertificateStatus.VALID)
    _certificate(team, holder="Daan van der Berg", status=CertificateStatus.VALID)
    code = _overview_code(slack, fake_slack, "UDAAN004")

    page = _get(runtime, f"/verify/{code}")
    assert page.status == 200
    text = page.text
    assert f"<h1>{t_plain('nl', 'verify.overview.title')}</h1>" in text
    for label, value in (
        ("verify.name", "D. van der Berg"),
        ("verify.overview.period", "01-01-2023 – 31-12-2026"),
        ("verify.overview.counted", hours_text("nl", 300)),  # two meetings of 2,5 hours
        ("verify.overview.required", hours_text("nl", 32 * 60)),
        ("verify.overview.meetings", "2"),
        ("verify.status", t_plain("nl", "verify.overview.status.valid")),
    ):
        assert f'<th scope="row">{t_plain("nl", label)}</th><td>{value}</td>' in text, label
    assert "Daan" not in text  # initials and surname only
    assert "<main>" in text and re.search(r"<table><caption>[^<]+</caption>", text)
    english = _get(runtime, f"/verify/{code}", **{"Accept-Language": "en"}).text
    assert f"<td>{hours_text('en', 300)}</td>" in english
    data = _get(runtime, f"/verify/{code}", Accept="application/json").json
    assert data["kind"] == "overview" and data["status"] == "valid"
    assert (data["hours"], data["required_hours"], data["meetings"]) == (5.0, 32.0, 2)

    # A certificate it counted is revoked: the overview no longer stands.
    with Session(team) as session, session.begin():
        certificate = session.scalars(
            select(Certificate).where(Certificate.verification_code == first)
        ).one()
        certificate.status = CertificateStatus.REVOKED
    changed = _get(runtime, f"/verify/{code}")
    assert t_plain("nl", "verify.overview.status.changed") in changed.text
    assert _get(runtime, f"/verify/{code}", Accept="application/json").json["status"] == "changed"
