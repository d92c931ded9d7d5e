"""The dossier through Slack: `/intervisie uren dossier` and the App Home's "Dossier als pdf" each
send one PDF with the overview (its own verification code included) followed by every
deelnamebewijs of the period, ready to upload to the certifying body in one go."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta

from pypdf import PdfReader
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim, http_request
from bot.i18n import t, t_plain
from bot.server import Runtime
from bot.services.certificates import new_verification_code
from handlers.ui.attendance_ui import ActionId
from storage.models import Certificate, CertificateKind, CertificateStatus, IssuedOverview, Role
from tests.support.attendance import files_for, person, seed_group
from tests.support.groups import wait_response
from tests.support.wait import wait_until

MEETINGS = (datetime(2026, 3, 2, 8, tzinfo=UTC), datetime(2026, 9, 7, 7, tzinfo=UTC))


def _certificates(engine: Engine) -> list[str]:
    """Daan's two deelnamebewijzen of this year; their numbers."""
    seed_group(engine, members=("UANNE001", "UDAAN004"))
    numbers = []
    with Session(engine) as session, session.begin():
        daan = person(session, "UDAAN004")
        for index, starts_at in enumerate(MEETINGS, start=1):
            number = f"IV-2026-{index:06d}"
            session.add(
                Certificate(
                    team_id="T1",
                    number=number,
                    verification_code=new_verification_code(),
                    kind=CertificateKind.PARTICIPATION,
                    status=CertificateStatus.VALID,
                    person_id=daan.id,
                    holder_name="Daan van der Berg",
                    group_number=1001,
                    group_name="Noord",
                    contact_person_name="Anne de Vries",
                    meeting_starts_at=starts_at,
                    net_minutes=120,
                    role=Role.PRESENTER,
                    issued_at=starts_at + timedelta(hours=3),
                )
            )
            numbers.append(number)
    return numbers


def _dossiers(fake: FakeSlack, user: str, count: int) -> list[bytes]:
    title = t_plain("nl", "dossier.file.title")
    wait_until(
        lambda: len([f for f in files_for(fake, user) if f.title == title]) >= count,
        timeout=20,
        what=f"{count} dossier(s) in the DM",
    )
    return [f.content for f in files_for(fake, user) if f.title == title]


def test_the_dossier_by_command_and_by_the_home_button(
    runtime: Runtime, slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    numbers = _certificates(db_engine)
    slack.command("UDAAN004", "uren dossier")
    wait_response(fake_slack, t("nl", "hours.dossier_sent"))
    [content] = _dossiers(fake_slack, "UDAAN004", 1)
    [upload] = [f for f in files_for(fake_slack, "UDAAN004") if f.content == content]
    assert upload.filename == "dossier-hercertificering-2023-2026.pdf"
    assert upload.initial_comment == t_plain("nl", "dossier.file.comment")

    pages = [page.extract_text() for page in PdfReader(io.BytesIO(content)).pages]
    assert len(pages) == 1 + len(numbers)
    certificate_title = t_plain("nl", "pdf.certificate.title")
    for page, number in zip(pages[1:], numbers, strict=True):
        assert certificate_title in page and number in page
    # The overview in front carries its own code, and /verify knows it.
    label = re.escape(t_plain("nl", "pdf.label.code"))
    match = re.search(label + r"\s+([A-Za-z0-9_-]+)", pages[0])
    assert match
    with Session(db_engine) as session:
        codes = session.scalars(select(IssuedOverview.verification_code)).all()
    assert codes == [match.group(1)]
    data = http_request(
        runtime.port, "GET", f"/verify/{codes[0]}", headers={"Accept": "application/json"}
    ).json
    assert (data["kind"], data["meetings"], data["status"]) == ("overview", 2, "valid")

    # The App Home has the button next to "Overzicht als pdf"; a press sends another dossier.
    slack.open_home("UDAAN004")
    home = fake_slack.wait_for("views.publish")[-1].body["view"]
    buttons = [
        element
        for block in home["blocks"]
        if block.get("type") == "actions"
        for element in block["elements"]
    ]
    labels = [b["text"]["text"] for b in buttons]
    pdf, dossier = t_plain("nl", "hours.button.pdf"), t_plain("nl", "hours.button.dossier")
    assert labels.index(dossier) == labels.index(pdf) + 1
    slack.click("UDAAN004", action_id=ActionId.DOSSIER_PDF, view=home)
    assert len(_dossiers(fake_slack, "UDAAN004", 2)) == 2
