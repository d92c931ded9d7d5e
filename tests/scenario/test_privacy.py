"""AVG: a member gets everything stored about them (JSON + their certificate PDFs) by DM; after
"verwijder mijn gegevens" and its confirmation their name, Slack id and links are gone (also from
/verify) while the group's records stay; a contact person must hand over first; certificates and
attendance past the retention period are purged by a daily job; an uninstalled workspace gets
nothing more and a reinstall brings it back; the secretariat's CSV export is correct and safe."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.clock import ManualClock
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import http_request
from bot.exports.csv_export import ExportRow, build_csv
from bot.jobs import periodic_jobs, purge_expired
from bot.services.privacy import ANONYMOUS_NAME
from handlers.ui.privacy_ui import ActionId
from storage.models import (
    Attendance,
    Certificate,
    CertificateStatus,
    Delivery,
    DeliveryStatus,
    Enrollment,
    EnrollmentStatus,
    Person,
    Workspace,
)
from tests.support.notes import install, owe_note
from tests.support.privacy import (
    CONTACT,
    MEMBER,
    NOW,
    World,
    completed_files,
    wait_response_after,
)
from tests.support.saved_world import front_door_fixtures
from tests.support.texts import said, texts_in
from tests.support.wait import wait_until

# The app on a manual clock at NOW, and the shared world built through the front door.
clock, app, world = front_door_fixtures(NOW)


def _ask(world: World, user: str, text: str) -> dict[str, object]:
    seen = len(world.fake.calls_to("response_url"))
    world.slack.command(user, text)
    return wait_response_after(world.fake, seen)


def _verify(world: World, code: str) -> dict[str, object]:
    result = http_request(
        world.runtime.port, "GET", f"/verify/{code}", headers={"Accept": "application/json"}
    )
    data: dict[str, object] = result.json
    return data


def test_my_data_export_sends_json_and_certificates_by_dm(world: World) -> None:
    reply = _ask(world, MEMBER, "mijn-gegevens")
    assert said("privacy.export.queued", count=2) in texts_in(reply)
    wait_until(
        lambda: [f for f in completed_files(world.fake, MEMBER) if f.filename.endswith(".json")],
        what="the export",
    )
    world.runtime.outbox.wait_idle()
    files = completed_files(world.fake, MEMBER)
    [export] = [f for f in files if f.filename.endswith(".json")]
    data = json.loads(export.content.decode("utf-8"))
    assert data["person"]["full_name"] == "Bram Jansen"
    assert data["person"]["slack_user_id"] == MEMBER
    assert [e["status"] for e in data["enrollments"]] == ["approved"]
    assert data["attendance"][0]["role"] == "presenter"
    assert data["attendance"][0]["net_minutes"] == 120
    assert data["certificates"][0]["status"] == "valid"
    assert {e["action"] for e in data["audit_events"]} >= {"data_exported"}
    # Only Bram's things: nobody else's name is in his export.
    assert "Zoë" not in export.content.decode() and "Emma" not in export.content.decode()
    # The English alias works too; the certificate PDF came along (one at issue, one now).
    assert len([f for f in files if f.filename.endswith(".pdf")]) == 2
    _ask(world, MEMBER, "mydata")


def test_delete_my_data_anonymises_after_confirmation(world: World) -> None:
    with Session(world.engine) as session:
        code = session.scalars(
            select(Certificate.verification_code).where(
                Certificate.person_id == world.person_ids[MEMBER]
            )
        ).one()
    assert "Jansen" in str(_verify(world, code))
    ask = _ask(world, MEMBER, "mijn-gegevens verwijder")
    buttons = [e for b in ask["blocks"] for e in b.get("elements", [])]  # type: ignore[attr-defined]
    assert {b["action_id"] for b in buttons} == {ActionId.DELETE_CONFIRM, ActionId.DELETE_KEEP}
    message = {"ts": "1.0", "channel": "D" + MEMBER, "blocks": ask["blocks"]}

    # "Niet verwijderen" keeps everything.
    seen = len(world.fake.calls_to("response_url"))
    world.slack.click(MEMBER, action_id=ActionId.DELETE_KEEP, message=message)
    assert said("privacy.delete.kept") in texts_in(wait_response_after(world.fake, seen))
    with Session(world.engine) as session:
        assert session.get_one(Person, world.person_ids[MEMBER]).anonymised_at is None

    seen = len(world.fake.calls_to("response_url"))
    world.slack.click(MEMBER, action_id=ActionId.DELETE_CONFIRM, message=message)
    assert said("privacy.delete.done") in texts_in(wait_response_after(world.fake, seen))
    with Session(world.engine) as session:
        person = session.get_one(Person, world.person_ids[MEMBER])
        assert person.full_name == ANONYMOUS_NAME
        assert person.slack_user_id != MEMBER and person.calendar_token is None
        assert person.member_number is None and person.anonymised_at is not None
        statuses = session.scalars(
            select(Enrollment.status).where(Enrollment.person_id == person.id)
        ).all()
        assert set(statuses) == {EnrollmentStatus.LEFT}
        # The group's record of the meeting stays (anonymously), so the hours of others are intact.
        assert session.scalars(select(Attendance).where(Attendance.person_id == person.id)).all()
        certificate = session.scalars(
            select(Certificate).where(Certificate.person_id == person.id)
        ).one()
        assert certificate.holder_name == ANONYMOUS_NAME
        assert certificate.status is CertificateStatus.VALID
    shown = _verify(world, code)
    assert "Jansen" not in json.dumps(shown) and "Bram" not in json.dumps(shown)
    # The same Slack user starts afresh as a new person.
    _ask(world, MEMBER, "agenda")
    with Session(world.engine) as session:
        fresh = session.scalars(select(Person).where(Person.slack_user_id == MEMBER)).one()
        assert fresh.id != world.person_ids[MEMBER]


def test_contact_person_cannot_delete_without_a_successor(world: World) -> None:
    ask = _ask(world, CONTACT, "mijn-gegevens verwijder")
    message = {"ts": "1.0", "channel": "D" + CONTACT, "blocks": ask["blocks"]}
    seen = len(world.fake.calls_to("response_url"))
    world.slack.click(CONTACT, action_id=ActionId.DELETE_CONFIRM, message=message)
    refusal = wait_response_after(world.fake, seen)
    refused = said("privacy.delete.contact_person", numbers=str(world.number))
    assert refused in texts_in(refusal)
    with Session(world.engine) as session:
        anne = session.get_one(Person, world.person_ids[CONTACT])
        assert anne.full_name == "Anne de Vries" and anne.anonymised_at is None


def test_retention_purge_removes_old_certificates_and_attendance(
    world: World, clock: ManualClock
) -> None:
    def counts() -> tuple[int, int]:
        with Session(world.engine) as session:
            return (
                session.scalar(select(func.count()).select_from(Certificate)) or 0,
                session.scalar(select(func.count()).select_from(Attendance)) or 0,
            )

    assert counts() == (3, 3)
    assert purge_expired(world.runtime.deps) == 0
    clock.set(datetime(2031, 11, 9, tzinfo=UTC))  # not yet five years after 10-11-2026
    assert purge_expired(world.runtime.deps) == 0
    clock.set(datetime(2031, 11, 11, tzinfo=UTC))
    assert purge_expired(world.runtime.deps) == 6
    assert counts() == (0, 0)
    assert "retention_purge" in {job.id for job in periodic_jobs(30)}


def test_uninstall_cancels_pending_deliveries_and_reinstall_reactivates(
    world: World, fake_slack: FakeSlack, clock: ManualClock
) -> None:
    world.runtime.outbox.wait_idle()
    # Slack is slow for a moment: the export waits in the outbox when the app is uninstalled.
    fake_slack.fail_next("files.getUploadURLExternal", count=5, retry_after=600)
    _ask(world, MEMBER, "mijn-gegevens")
    # The first attempt was made and refused (429): the files now wait, pending, for their retry.
    wait_until(
        lambda: len(fake_slack.calls_to("files.getUploadURLExternal", ok_only=False)) >= 2,
        what="two refused uploads",
    )
    world.runtime.outbox.wait_idle()
    result = world.slack.event({"type": "app_uninstalled"})
    assert result.status == 200
    wait_until(lambda: not _active(world), what="inactive workspace")
    uploads = len(completed_files(fake_slack, MEMBER))
    # Past every retry time: a row the worker held during the uninstall is cancelled when due.
    clock.advance(timedelta(hours=1))
    world.runtime.outbox.kick()
    world.runtime.outbox.wait_idle()
    with Session(world.engine) as session:
        statuses = set(session.scalars(select(Delivery.status)))
    assert DeliveryStatus.PENDING not in statuses and DeliveryStatus.SENDING not in statuses
    assert len(completed_files(fake_slack, MEMBER)) == uploads
    # A delivery owed to an inactive workspace (a job racing the uninstall) is never sent.
    install(world.runtime.deps.renderers)
    with world.runtime.deps.uow() as session:
        late_id = owe_note(
            session, user_id=MEMBER, text="late", now=world.runtime.deps.now(), key="late-one"
        ).id
    world.runtime.outbox.wait_idle()
    assert not [m for m in fake_slack.messages("D" + MEMBER) if m.get("text") == "late"]
    with Session(world.engine) as session:
        late = session.get_one(Delivery, late_id)
        assert late.status is DeliveryStatus.CANCELLED
    # Installed again: the next request from the workspace makes it active.
    _ask(world, MEMBER, "agenda")
    assert _active(world)


def _active(world: World) -> bool:
    with Session(world.engine) as session:
        return bool(session.get_one(Workspace, "T1").active)


def test_secretariat_csv_export(world: World) -> None:
    reply = _ask(world, "UADMIN01", "admin export 01-11-2026 30-11-2026")
    assert said("export.queued", start="01-11-2026", end="30-11-2026") in texts_in(reply)
    wait_until(
        lambda: [f for f in completed_files(world.fake, "UADMIN01") if f.filename.endswith(".csv")],
        what="the CSV",
    )
    [file] = [f for f in completed_files(world.fake, "UADMIN01") if f.filename.endswith(".csv")]
    rows = list(csv.reader(io.StringIO(file.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "certificaatnummer"
    assert sorted(r[2] for r in rows[1:]) == sorted(
        ["Anne de Vries", "Bram Jansen", "Zoë Şahin-Łukasiewicz"]
    )
    assert {r[7] for r in rows[1:]} == {"10-11-2026"} and {r[9] for r in rows[1:]} == {"2"}
    # Bad periods get a clear message and no file.
    reversed_period = _ask(world, "UADMIN01", "admin export 31-12-2026 01-01-2026")
    assert said("export.period_reversed") in texts_in(reversed_period)
    assert said("export.usage") in texts_in(_ask(world, "UADMIN01", "admin export 01-01-2026"))
    assert "31-02-2026" in str(_ask(world, "UADMIN01", "admin export 31-02-2026 01-03-2026"))


def test_csv_cells_cannot_smuggle_formulas() -> None:
    row = ExportRow(
        number="IV-2026-000001",
        status="valid",
        name='=HYPERLINK("http://evil")',
        registration_number="+31\x00",
        membership="member",
        group_number=1001,
        group_name="@SUM(A1)",
        date="10-11-2026",
        start="19:00",
        net_hours="2",
        role="presenter",
        issued="10-11-2026",
    )
    text = build_csv([row]).decode("utf-8-sig")
    [_, line] = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert line[2].startswith("'=") and line[3] == "'+31" and line[6] == "'@SUM(A1)"
