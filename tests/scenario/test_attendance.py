"""Attendance registration through Slack's front door: the contact person registers a meeting,
every present member gets a deelnamebewijs PDF in their DM that /verify confirms, corrections
supersede or revoke, and members can neither register nor fetch someone else's certificate."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.clock import ManualClock
from bot.devtools.blockkit import assert_valid_view
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import HttpResult, SlackSim, http_request
from bot.i18n import hours_text, t, t_plain
from bot.server import Runtime
from handlers.ui.attendance_ui import ActionId, member_action_id
from storage.models import AuditEvent, Certificate, CertificateStatus, Meeting
from tests.support.app import RuntimeFactory
from tests.support.attendance import SeededGroup, add_meeting, files_for, pdf_text, seed_group
from tests.support.people import SIGNING_SECRET, TEAM
from tests.support.texts import opening, said, texts_in

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
# 20-11-2026 09:00 in Amsterdam (UTC+1).
MEETING_START = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
# The picker offered when no meeting waits for registration.
PICK_TEXT = said("attendance.pick.text", number=1001)
PRESENT = ("UANNE001", "UBRAM002", "UZOE0003", "UDAAN004", "UEMMA005")
ABSENT_USERS = ("UFEMK006", "UGERT007")


@pytest.fixture
def clock() -> ManualClock:
    """The app's clock: the afternoon after the morning meeting."""
    return ManualClock(NOW)


@pytest.fixture
def app(make_runtime: RuntimeFactory, clock: ManualClock) -> Runtime:
    """The app, running on the manual clock."""
    return make_runtime(clock=clock)


@pytest.fixture
def sim(app: Runtime, fake_slack: FakeSlack) -> SlackSim:
    """Slack's side of the conversation."""
    return SlackSim(port=app.port, signing_secret=SIGNING_SECRET, fake=fake_slack, team_id=TEAM)


@pytest.fixture
def group(app: Runtime, db_engine: Engine) -> Iterator[SeededGroup]:
    """Seven approved members; Anne is the contact person."""
    yield seed_group(db_engine)


def code_of(text: str) -> str:
    """The verification code printed on a certificate."""
    match = re.search(re.escape(t_plain("nl", "pdf.label.code")) + r"\s+([A-Za-z0-9_-]+)", text)
    assert match, text
    return match.group(1)


def open_modal(sim: SlackSim, fake: FakeSlack, user: str, text: str) -> dict[str, Any]:
    """Type a command that opens the registration modal and return the modal."""
    before = len(fake.opened_views(user))
    sim.command(user, text)
    fake.wait_for("views.open", count=before + 1)
    view = fake.opened_views(user)[-1]
    assert_valid_view(view)
    return view


def open_correction(sim: SlackSim, fake: FakeSlack, user: str, meeting_id: int) -> dict[str, Any]:
    """Nothing waits for registration, so the command offers a picker; pick the meeting."""
    sim.command(user, "registreer 1001")
    picker = fake.wait_for(
        "response_url", predicate=lambda c: PICK_TEXT in texts_in(c.body.get("blocks"))
    )[-1]
    message = {"ts": "1.0", "channel": "D" + user, "blocks": picker.body["blocks"]}
    before = len(fake.opened_views(user))
    sim.click(user, action_id=ActionId.OPEN_REGISTRATION, value=str(meeting_id), message=message)
    fake.wait_for("views.open", count=before + 1)
    view = fake.opened_views(user)[-1]
    assert_valid_view(view)
    return view


def choices(group: SeededGroup, roles: dict[str, str]) -> dict[str, str]:
    """Modal values by action id from {slack user: absent/participant/facilitator/presenter}."""
    return {member_action_id(group.people[user]): role for user, role in roles.items()}


FIRST = {
    "UANNE001": "facilitator",
    "UBRAM002": "presenter",
    "UZOE0003": "participant",
    "UDAAN004": "participant",
    "UEMMA005": "participant",
    "UFEMK006": "absent",
    "UGERT007": "absent",
}


def register_first(
    sim: SlackSim, fake: FakeSlack, group: SeededGroup, db_engine: Engine
) -> dict[str, str]:
    """Register the meeting as FIRST; returns the verification code per present user."""
    add_meeting(db_engine, group_id=group.group_id, starts_at=MEETING_START)
    view = open_modal(sim, fake, "UANNE001", "registreer 1001")
    result = sim.submit("UANNE001", view, choices(group, FIRST))
    assert result.status == 200
    assert result.json["response_action"] == "update"
    assert_valid_view(result.json["view"])
    fake.wait_for("files.completeUploadExternal", count=len(PRESENT), timeout=20)
    codes = {}
    for user in PRESENT:
        (file,) = files_for(fake, user)
        codes[user] = code_of(pdf_text(file.content))
    return codes


def verify(app: Runtime, code: str) -> dict[str, Any]:
    """The JSON /verify answers for a code."""
    result = http_request(
        app.port, "GET", f"/verify/{code}", headers={"Accept": "application/json"}
    )
    assert result.status == 200
    data: dict[str, Any] = result.json
    return data


def test_seven_members_five_present_get_their_certificate_and_it_verifies(
    sim: SlackSim, fake_slack: FakeSlack, group: SeededGroup, db_engine: Engine, app: Runtime
) -> None:
    add_meeting(db_engine, group_id=group.group_id, starts_at=MEETING_START)
    view = open_modal(sim, fake_slack, "UANNE001", "registreer 1001")
    text = texts_in(view)
    assert "Zoë Şahin-Łukasiewicz" in text
    assert t_plain("nl", "role.absent") in text and t_plain("nl", "role.presenter") in text
    # The net duration is prefilled from the plan (2 hours).
    assert '"value": "120"' in json.dumps(view, ensure_ascii=False)

    result = sim.submit("UANNE001", view, choices(group, FIRST))
    assert result.json["response_action"] == "update"
    done = said(
        "attendance.done.text",
        date="20-11-2026",
        number=1001,
        present=5,
        absent=2,
        issued=5,
        superseded=0,
        revoked=0,
    )
    assert done in texts_in(result.json["view"])

    fake_slack.wait_for("files.completeUploadExternal", count=5, timeout=20)
    expected_role = {user: t_plain("nl", f"role.{FIRST[user]}") for user in PRESENT}
    names = {
        "UANNE001": "Anne de Vries",
        "UBRAM002": "Bram Jansen",
        "UZOE0003": "Zoë Şahin-Łukasiewicz",
        "UDAAN004": "Daan van der Berg",
        "UEMMA005": "Emma Bakker",
    }
    for user in PRESENT:
        (file,) = files_for(fake_slack, user)
        assert file.filename.endswith(".pdf")
        content = pdf_text(file.content)
        assert names[user] in content
        assert "20-11-2026" in content
        assert "09:00–11:00" in content
        assert hours_text("nl", 120) in content
        assert expected_role[user] in content
        assert "Anne de Vries" in content  # the contact person
        assert re.search(r"IV-2026-\d{6}", content)
        assert f"http://intervisie.test/verify/{code_of(content)}" in content
        answer = verify(app, code_of(content))
        assert answer["status"] == "valid"
        assert answer["date"] == "2026-11-20"
        assert answer["hours"] == 2
        assert answer["group_number"] == 1001
    assert (
        verify(app, code_of(pdf_text(files_for(fake_slack, "UDAAN004")[0].content)))["name"]
        == "D. van der Berg"
    )
    for user in ABSENT_USERS:
        assert files_for(fake_slack, user) == []
    with Session(db_engine) as session:
        meeting = session.scalars(select(Meeting)).one()
        assert meeting.attendance_registered_at is not None
        audit = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "attendance_registered")
        ).one()
        assert audit.details["present"] == 5


def test_correction_supersedes_changed_revokes_removed_and_leaves_the_rest_alone(
    sim: SlackSim, fake_slack: FakeSlack, group: SeededGroup, db_engine: Engine, app: Runtime
) -> None:
    codes = register_first(sim, fake_slack, group, db_engine)
    # Daan becomes a second presenter (a warning), Zoë was not there after all, Femke was.
    second = dict(FIRST, UDAAN004="presenter", UZOE0003="absent", UFEMK006="participant")
    with Session(db_engine) as session:
        meeting_id = session.scalars(select(Meeting.id)).one()
    view = open_correction(sim, fake_slack, "UANNE001", meeting_id)
    assert opening("attendance.modal.correction") in texts_in(view)
    warned = sim.submit("UANNE001", view, choices(group, second))
    assert warned.json["response_action"] == "update"
    warned_view = warned.json["view"]
    assert_valid_view(warned_view)
    assert said("attendance.warn.many_presenters") in texts_in(warned_view)
    with Session(db_engine) as session:
        assert session.scalars(select(Certificate)).all().__len__() == 5  # nothing stored yet

    warned_view["id"] = view.get("id")
    done = sim.submit("UANNE001", warned_view, {ActionId.CONFIRM: ["confirm"]})
    assert done.json["response_action"] == "update"
    # Daan's changes (superseded) and Femke's is new; Zoë's is revoked.
    summary = said(
        "attendance.done.text",
        date="20-11-2026",
        number=1001,
        present=5,
        absent=2,
        issued=2,
        superseded=1,
        revoked=1,
    )
    assert summary in texts_in(done.json["view"])

    fake_slack.wait_for("files.completeUploadExternal", count=7, timeout=20)
    app.outbox.wait_idle()
    assert verify(app, codes["UDAAN004"])["status"] == "superseded"
    assert verify(app, codes["UZOE0003"])["status"] == "revoked"
    for user in ("UANNE001", "UBRAM002", "UEMMA005"):
        assert len(files_for(fake_slack, user)) == 1, user  # unchanged: nothing new
        assert verify(app, codes[user])["status"] == "valid"
    daan_files = files_for(fake_slack, "UDAAN004")
    assert len(daan_files) == 2
    new_text = pdf_text(daan_files[-1].content)
    assert t_plain("nl", "role.presenter") in new_text
    assert verify(app, code_of(new_text))["status"] == "valid"
    assert len(files_for(fake_slack, "UFEMK006")) == 1
    assert files_for(fake_slack, "UZOE0003")[0:1]  # her first PDF, nothing new
    assert len(files_for(fake_slack, "UZOE0003")) == 1
    with Session(db_engine) as session:
        zoes = session.scalars(
            select(Certificate.number).where(Certificate.person_id == group.people["UZOE0003"])
        ).one()
    revoked = said("attendance.dm.revoked", number=zoes, date="20-11-2026", group=1001)
    revoked_dm = fake_slack.wait_for(
        "chat.postMessage", predicate=lambda c: revoked in str(c.body.get("text"))
    )
    assert revoked_dm[0].body["channel"] == "DUZOE0003"
    with Session(db_engine) as session:
        old = session.scalars(
            select(Certificate).where(Certificate.status == CertificateStatus.SUPERSEDED)
        ).one()
        assert old.superseded_by_id is not None

    # The App Home meter counts Daan's two hours once.
    sim.open_home("UDAAN004")
    home = fake_slack.wait_for(
        "views.publish", predicate=lambda c: c.body.get("user_id") == "UDAAN004"
    )[-1].body["view"]
    assert_valid_view(home)
    home_text = texts_in(home)
    assert said("hours.total", count="32", counted="2") in home_text
    assert said("hours.roles", roles=t_plain("nl", "role.in_text.presenter")) in home_text


def test_a_member_cannot_register_attendance(
    sim: SlackSim, fake_slack: FakeSlack, group: SeededGroup, db_engine: Engine
) -> None:
    meeting_id = add_meeting(db_engine, group_id=group.group_id, starts_at=MEETING_START)
    sim.command("UBRAM002", "registreer 1001")
    reply = fake_slack.wait_for("response_url")[0]
    assert said("attendance.not_manager", number=1001) in texts_in(reply.body)
    assert fake_slack.calls_to("views.open") == []

    # A forged submission of the contact person's modal is refused as well, and stores nothing.
    view = open_modal(sim, fake_slack, "UANNE001", "registreer 1001")
    result: HttpResult = sim.submit("UBRAM002", view, choices(group, FIRST))
    assert result.json["response_action"] == "errors"
    refusal = t_plain("nl", "attendance.not_manager", number=1001)
    assert refusal in result.json["errors"].values()
    with Session(db_engine) as session:
        assert session.scalars(select(Certificate)).all() == []
        assert session.get_one(Meeting, meeting_id).attendance_registered_at is None


def test_a_member_cannot_fetch_someone_elses_certificate(
    sim: SlackSim, fake_slack: FakeSlack, group: SeededGroup, db_engine: Engine, app: Runtime
) -> None:
    register_first(sim, fake_slack, group, db_engine)
    with Session(db_engine) as session:
        daans = session.scalars(
            select(Certificate).where(Certificate.person_id == group.people["UDAAN004"])
        ).one()
    uploads = len(fake_slack.uploaded_files())
    sim.command("UBRAM002", "bewijzen")
    own_list = fake_slack.wait_for("response_url")[-1]
    assert t_plain("nl", "certificates.button.resend") in texts_in(own_list.body)
    message = {"ts": "1.0", "channel": "DUBRAM002", "blocks": own_list.body.get("blocks", [])}
    sim.click(
        "UBRAM002", action_id=ActionId.RESEND_CERTIFICATE, value=str(daans.id), message=message
    )
    refusal = fake_slack.wait_for(
        "response_url", predicate=lambda c: said("certificate.not_yours") in texts_in(c.body)
    )
    assert refusal
    app.outbox.wait_idle()
    assert len(fake_slack.uploaded_files()) == uploads

    # Daan himself may have it again: one more file, in his own DM.
    sim.click(
        "UDAAN004", action_id=ActionId.RESEND_CERTIFICATE, value=str(daans.id), message=message
    )
    fake_slack.wait_for("files.completeUploadExternal", count=6, timeout=20)
    assert len(files_for(fake_slack, "UDAAN004")) == 2
    assert len(files_for(fake_slack, "UBRAM002")) == 1


def test_picker_when_nothing_waits_and_roles_overview(
    sim: SlackSim, fake_slack: FakeSlack, group: SeededGroup, db_engine: Engine
) -> None:
    register_first(sim, fake_slack, group, db_engine)
    sim.command("UANNE001", "register 1001")
    picker = fake_slack.wait_for(
        "response_url", predicate=lambda c: PICK_TEXT in texts_in(c.body.get("blocks"))
    )[0]
    assert ActionId.OPEN_REGISTRATION in str(picker.body["blocks"])

    sim.command("UANNE001", "rollen 1001")
    title = said(
        "roles.title",
        number=1001,
        name="Vertrouwenspersonen Noord",
        start="01-01-2026",
        end="31-12-2026",
    )
    roles = fake_slack.wait_for("response_url", predicate=lambda c: title in texts_in(c.body))[0]
    text = texts_in(roles.body)
    once, not_yet = said("roles.yes", times=1), said("roles.no")
    assert said("roles.line", name="Bram Jansen", presenter=once, facilitator=not_yet) in text
    assert said("roles.line", name="Emma Bakker", presenter=not_yet, facilitator=not_yet) in text

    # A member sees the rotation of their own group (without typing the number); an outsider
    # does not.
    sim.command("UBRAM002", "rollen")
    fake_slack.wait_for(
        "response_url",
        predicate=lambda c: "Bram Jansen: inbrenger :white_check_mark: 1×" in str(c.body),
        count=2,
    )
    sim.command("UHANS008", "rollen 1001")
    refusal = t("nl", "roles.members_only", number=1001)
    fake_slack.wait_for("response_url", predicate=lambda c: refusal in str(c.body.get("text")))


def test_future_meeting_cannot_be_registered_yet(
    sim: SlackSim, fake_slack: FakeSlack, group: SeededGroup, db_engine: Engine
) -> None:
    add_meeting(db_engine, group_id=group.group_id, starts_at=datetime(2026, 12, 1, 8, tzinfo=UTC))
    sim.command("UANNE001", "registreer 1001")
    reply = fake_slack.wait_for("response_url")[0]
    assert said("attendance.no_past_meetings", number=1001) in texts_in(reply.body)
