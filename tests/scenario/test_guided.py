"""Guided intervision through Slack's front door, the whole story: Anne asks a supervisor for an
exploratory conversation, Marieke accepts and starts a trajectory of four meetings, five
participants join, the meetings are registered with the supervisor leading but never certified,
one participant stays below the threshold, the trajectory is closed (certificates that /verify
confirms, the explanation for the one below), the report is agreed by all and goes to Marieke as
a PDF, and the group continues as a peer group."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from bot.clock import ManualClock
from bot.devtools.blockkit import assert_valid_view
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim, http_request
from bot.i18n import t, t_plain, tn, tn_plain
from bot.jobs import dispatch_reminders
from bot.server import Runtime
from handlers.ui.attendance_ui import ActionId as AttendanceAction
from handlers.ui.attendance_ui import CallbackId as AttendanceCallback
from handlers.ui.attendance_ui import member_action_id
from handlers.ui.guided_ids import ActionId, CallbackId
from storage.models import (
    Attendance,
    AuditEvent,
    Certificate,
    CertificateKind,
    Delivery,
    Group,
    GroupKind,
    Meeting,
    Registration,
    Trajectory,
    TrajectoryStatus,
)
from tests.support.app import RuntimeFactory
from tests.support.attendance import files_for, pdf_text
from tests.support.groups import (
    approve,
    ask_to_join,
    count_views,
    wait_dm,
    wait_response,
    wait_view,
)
from tests.support.guided import (
    ORGANISATION,
    READER,
    REQUESTER,
    SUPERVISOR,
    accept,
    dm_with_button,
    group_number_from_dm,
    person_ids,
    press,
    press_for_modal,
    request,
    start,
    trajectory,
)
from tests.support.people import PEOPLE, SIGNING_SECRET, TEAM
from tests.support.wait import wait_until

JSON = dict[str, Any]
# 01-09-2026 10:00 in Amsterdam.
NOW = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)
JOINERS = ("UBRAM002", "UZOE0003", "UDAAN004", "UENG0012")
PARTICIPANTS = (REQUESTER, *JOINERS)
MEETING_DAYS = ("15-09-2026", "29-09-2026", "13-10-2026", "27-10-2026")
# Per meeting (in date order) who was there in which role; Daan attends 2 of 4 (below 75%).
ATTENDANCE = (
    {
        "UANNE001": "facilitator",
        "UBRAM002": "presenter",
        "UZOE0003": "participant",
        "UDAAN004": "participant",
        "UENG0012": "participant",
    },
    {
        "UANNE001": "participant",
        "UBRAM002": "facilitator",
        "UZOE0003": "presenter",
        "UDAAN004": "absent",
        "UENG0012": "participant",
    },
    {
        "UANNE001": "presenter",
        "UBRAM002": "participant",
        "UZOE0003": "absent",
        "UDAAN004": "participant",
        "UENG0012": "facilitator",
    },
    {
        "UANNE001": "participant",
        "UBRAM002": "participant",
        "UZOE0003": "facilitator",
        "UDAAN004": "absent",
        "UENG0012": "presenter",
    },
)


@dataclass
class GuidedApp:
    """The running app on a manual clock and Slack's side."""

    runtime: Runtime
    slack: SlackSim
    fake: FakeSlack
    clock: ManualClock
    engine: Engine


@pytest.fixture
def app(
    make_runtime: RuntimeFactory, fake_slack: FakeSlack, clean_db: Engine
) -> Iterator[GuidedApp]:
    """The app at 01-09-2026 10:00 in Amsterdam."""
    clock = ManualClock(NOW)
    runtime = make_runtime(clock=clock)
    slack = SlackSim(
        port=runtime.port, signing_secret=SIGNING_SECRET, fake=fake_slack, team_id=TEAM
    )
    yield GuidedApp(runtime=runtime, slack=slack, fake=fake_slack, clock=clock, engine=clean_db)


def traject_reply(app: GuidedApp, user: str, number: int) -> JSON:
    """`/intervisie traject <nr>`: the ephemeral overview with its buttons, as a message."""
    before = len(app.fake.calls_to("response_url"))
    app.slack.command(user, f"traject {number}")
    call = wait_until(
        lambda: app.fake.calls_to("response_url")[before:], what=f"the trajectory of {user}"
    )[0]
    return {"ts": "1700000000.000100", "channel": "C0GENERAL", **call.body}


def refused(app: GuidedApp, key: str, **params: Any) -> None:
    """The latest answer through a response_url says the catalogue's refusal."""
    wait_response(app.fake, t("nl", key, **params))


def code_of(text: str) -> str:
    """The verification code printed on a certificate."""
    match = re.search(r"Verificatiecode\s+([A-Za-z0-9_-]+)", text) or re.search(
        r"Verification code\s+([A-Za-z0-9_-]+)", text
    )
    assert match, text
    return match.group(1)


def set_up_trajectory(app: GuidedApp) -> int:
    """Intake request → accept → start; returns the group number."""
    result = request(app.slack, app.fake)
    assert result.json["response_action"] == "update"
    assert "Marieke Dijkstra" in json.dumps(result.json["view"], ensure_ascii=False)
    ask = wait_dm(app.fake, SUPERVISOR, ORGANISATION)
    assert "Anne de Vries" in ask["text"]

    result = accept(app.slack, app.fake, day="08-09-2026")
    assert result.status == 200 and not result.body, result.text
    answer = wait_dm(app.fake, REQUESTER, "dinsdag 8 september 2026 om 14:00")
    assert "Marieke Dijkstra" in answer["text"]
    # The request DM is redrawn: no Accept any more, the way to start instead.
    redrawn = dm_with_button(app.fake, SUPERVISOR, ActionId.START)
    assert ActionId.ACCEPT not in json.dumps(redrawn)

    result = start(app.slack, app.fake)
    assert result.status == 200 and not result.body, result.text
    return group_number_from_dm(app.fake)


def join_all(app: GuidedApp, number: int) -> None:
    """Four colleagues ask to join and Anne approves them; each welcome brings the reader."""
    for user in JOINERS:
        ask_to_join(app.slack, app.fake, user, number)
        approve(app.slack, app.fake, REQUESTER, PEOPLE[user]["real_name"])
        welcome = wait_dm(app.fake, user, "Welkom" if user != "UENG0012" else "Welcome")
        assert READER in json.dumps(welcome), welcome


def plan_meetings(app: GuidedApp, number: int) -> None:
    """Marieke plans the four meetings (she may, like a contact person), one after the other."""
    for count, day in enumerate(MEETING_DAYS, start=1):
        app.slack.command(SUPERVISOR, f"plan {number} {day} 14:00 2u Zeist, Slotlaan 1")
        for user in (*PARTICIPANTS, SUPERVISOR):
            wait_until(
                lambda u=user, n=count: (
                    len([f for f in files_for(app.fake, u) if f.filename.endswith(".ics")]) >= n
                ),
                timeout=15,
                what=f"{count} .ics file(s) for {user}",
            )


def register_all(app: GuidedApp, number: int) -> None:
    """After the last meeting Marieke registers each one; she is named, never a line."""
    ids = person_ids(app.engine)
    with Session(app.engine) as session:
        order = list(session.scalars(select(Meeting.id).order_by(Meeting.starts_at)))
    for _ in order:
        seen = count_views(app.fake, SUPERVISOR, AttendanceCallback.REGISTER)
        app.slack.command(SUPERVISOR, f"registreer {number}")
        view = wait_view(app.fake, SUPERVISOR, AttendanceCallback.REGISTER, seen=seen)
        assert_valid_view(view)
        text = json.dumps(view, ensure_ascii=False)
        assert t("nl", "guided.register.supervisor", name="Marieke Dijkstra") in text
        assert member_action_id(ids[SUPERVISOR]) not in text
        meeting_id = json.loads(view["private_metadata"])["meeting_id"]
        roles = ATTENDANCE[order.index(meeting_id)]
        values = {member_action_id(ids[user]): role for user, role in roles.items()}
        before = len(app.fake.calls_to("files.completeUploadExternal"))
        result = app.slack.submit(SUPERVISOR, view, values)
        assert result.status == 200 and result.body, (result.status, result.text)
        assert result.json["response_action"] == "update", result.text
        present = sum(1 for role in roles.values() if role != "absent")
        # The PDFs go out before the next registration (SQLite takes one writer at a time).
        app.fake.wait_for("files.completeUploadExternal", count=before + present, timeout=30)


def test_the_guided_story_from_intake_to_peer_group(app: GuidedApp) -> None:
    number = set_up_trajectory(app)
    supervisor_start = wait_dm(app.fake, SUPERVISOR, f"Groep *{number}*")
    assert "Anne de Vries" in supervisor_start["text"]
    # The supervisor cannot also be a participant.
    app.slack.command(SUPERVISOR, f"aanmelden {number}")
    refused(
        app,
        "guided.error.supervisor_joins",
        number=number,
        name=f"Begeleide intervisie {ORGANISATION}",
    )

    join_all(app, number)
    with Session(app.engine) as session:
        group = session.scalars(select(Group).where(Group.number == number)).one()
        assert (group.kind, group.max_members) == (GroupKind.GUIDED, 8)
        assert group.contact_person.slack_user_id == REQUESTER
        assert group.supervisor is not None and group.supervisor.slack_user_id == SUPERVISOR

    plan_meetings(app, number)
    (first_ics,) = [f for f in files_for(app.fake, "UBRAM002") if "20260915" in f.filename]
    # RFC 5545 folds long lines: unfold before reading the summary.
    assert "bijeenkomst 1 van 4" in first_ics.content.decode().replace("\r\n ", "")
    notices = [m for m in app.fake.calls_to("files.completeUploadExternal")]
    assert any("bijeenkomst 4 van 4" in str(c.body.get("initial_comment")) for c in notices)

    # Two days before the first meeting everyone, the supervisor too, is reminded of it.
    app.clock.set(datetime(2026, 9, 13, 12, 0, tzinfo=UTC))
    dispatch_reminders(app.runtime.deps)
    for user in (REQUESTER, SUPERVISOR):
        reminder = wait_dm(app.fake, user, "Herinnering")
        assert "bijeenkomst 1 van 4" in reminder["text"]

    # Closing before anything is registered is refused.
    reply = traject_reply(app, SUPERVISOR, number)
    press(app.slack, app.fake, SUPERVISOR, ActionId.CLOSE, message=reply)
    refused(app, "guided.error.nothing_registered")

    app.clock.set(datetime(2026, 10, 28, 11, 0, tzinfo=UTC))
    # The nudge to register goes to the supervisor, who registers in a guided group.
    dispatch_reminders(app.runtime.deps)
    dm_with_button(app.fake, SUPERVISOR, AttendanceAction.OPEN_REGISTRATION)
    anne = [str(m) for m in app.fake.messages(REQUESTER)]
    assert not [m for m in anne if AttendanceAction.OPEN_REGISTRATION in m]
    register_all(app, number)
    # She led every meeting, but holds no deelnamebewijs and no hours.
    assert not [f for f in files_for(app.fake, SUPERVISOR) if f.filename.endswith(".pdf")]
    with Session(app.engine) as session:
        attended = session.scalars(
            select(Attendance).where(Attendance.person_id == person_ids(app.engine)[SUPERVISOR])
        ).all()
        assert attended == []
    third = [f for f in files_for(app.fake, "UANNE001") if f.filename.endswith(".pdf")]
    assert any("bijeenkomst 3 van 4" in pdf_text(f.content) for f in third)

    # Only the supervisor closes; she sees the threshold and who is below it first.
    tid = trajectory(app.engine).id
    app.slack.click(
        REQUESTER,
        action_id=ActionId.CLOSE,
        value=str(tid),
        message={"ts": "1.0", "channel": "D" + REQUESTER, "blocks": []},
    )
    refused(app, "guided.error.not_supervisor")
    reply = traject_reply(app, SUPERVISOR, number)
    press(app.slack, app.fake, SUPERVISOR, ActionId.CLOSE, message=reply)
    view = wait_view(app.fake, SUPERVISOR, CallbackId.CLOSE, seen=0)
    assert_valid_view(view)
    close_text = json.dumps(view, ensure_ascii=False)
    assert "75%" in close_text and "Daan van der Berg: 2 van 4 (50%)" in close_text
    result = app.slack.submit(SUPERVISOR, view, {ActionId.POINTS: "2"})
    assert result.status == 200 and not result.body, result.text

    app.fake.wait_for("files.completeUploadExternal", count=4 * 6 + 17 + 4, timeout=30)
    for user in (REQUESTER, "UBRAM002", "UZOE0003", "UENG0012"):
        (certificate,) = [
            f
            for f in files_for(app.fake, user)
            if "begeleide" in f.filename or "guided" in f.filename
        ]
        content = pdf_text(certificate.content)
        assert PEOPLE[user]["real_name"] in content
        assert "Marieke Dijkstra" in content and "12345" in content
        # The holder's member number, labelled as on every deelnamebewijs (those who joined
        # as members; the requester started the trajectory without one).
        if user != REQUESTER:
            lang = "en" if user == "UENG0012" else "nl"
            member_label = t_plain(lang, "registers.member_number")
            assert f"{member_label} LVV-{user[-3:]}" in " ".join(content.split()), content
        answer = http_request(
            app.runtime.port,
            "GET",
            f"/verify/{code_of(content)}",
            headers={"Accept": "application/json"},
        ).json
        assert answer["status"] == "valid" and answer["kind"] == "completion"
        assert answer["meetings_total"] == 4
    english = [f for f in files_for(app.fake, "UENG0012") if "guided" in f.filename]
    assert english and "Certificate of guided intervisie" in pdf_text(english[0].content)
    (zoe,) = [f for f in files_for(app.fake, "UZOE0003") if "begeleide" in f.filename]
    zoe_text = pdf_text(zoe.content)
    attended = tn_plain("nl", "completion.pdf.attended_value", 4, attended=3)
    assert attended in zoe_text and "6 uur" in zoe_text and "2 punten" in zoe_text
    page = http_request(app.runtime.port, "GET", f"/verify/{code_of(zoe_text)}")
    assert page.status == 200 and "Certificaat begeleide intervisie" in page.text
    assert not [f for f in files_for(app.fake, "UDAAN004") if "begeleide" in f.filename]
    explanation = tn(
        "nl",
        "guided.withheld.dm",
        4,
        attended=2,
        required=3,
        name=ORGANISATION,
        number=number,
        supervisor_name="Marieke Dijkstra",
    )
    wait_dm(app.fake, "UDAAN004", explanation)
    with Session(app.engine) as session:
        kinds = session.execute(
            select(Certificate.kind, func.count()).group_by(Certificate.kind)
        ).all()
        assert dict(kinds) == {CertificateKind.PARTICIPATION: 17, CertificateKind.COMPLETION: 4}
    assert trajectory(app.engine).status is TrajectoryStatus.COMPLETED

    # A second close is refused, and changes nothing.
    press(app.slack, app.fake, SUPERVISOR, ActionId.CLOSE, message=reply)
    refused(app, "guided.error.already_closed")

    # The report: only the supervisor drafts it; every participant agrees.
    app.slack.click(
        REQUESTER,
        action_id=ActionId.REPORT,
        value=str(tid),
        message={"ts": "1.0", "channel": "D" + REQUESTER, "blocks": []},
    )
    refused(app, "guided.error.not_supervisor")
    view = press_for_modal(app.slack, app.fake, SUPERVISOR, ActionId.REPORT, CallbackId.REPORT)
    report_text = json.dumps(view, ensure_ascii=False)
    assert t("nl", "report.modal.no_case_content") in report_text
    assert "85%" in report_text  # 17 of 20 registered places: an aggregate, no names
    assert "Daan" not in report_text
    result = app.slack.submit(
        SUPERVISOR,
        view,
        {
            ActionId.AIM: "De groep leert zelfstandig intervisie te houden.",
            ActionId.WORKING_METHOD: "Vier bijeenkomsten met de incidentmethode.",
            ActionId.OUTCOME: "De groep werkt nu zelf met de incidentmethode.",
            ActionId.RECOMMENDATIONS: "Twee keer per jaar een opfrisbijeenkomst.",
            ActionId.DEADLINE: "04-11-2026",
        },
    )
    assert result.status == 200 and not result.body, result.text
    for agreed, user in enumerate(PARTICIPANTS, start=1):
        draft = dm_with_button(app.fake, user, ActionId.REPORT_AGREE)
        assert "De groep leert zelfstandig intervisie te houden." in json.dumps(
            draft, ensure_ascii=False
        )
        press(app.slack, app.fake, user, ActionId.REPORT_AGREE, message=draft)
        heard = tn(
            "nl",
            "report.answered.agreed",
            len(PARTICIPANTS),
            name=PEOPLE[user]["real_name"],
            agreed=agreed,
        )
        wait_dm(app.fake, SUPERVISOR, heard)
    pdf = wait_until(
        lambda: [f for f in files_for(app.fake, SUPERVISOR) if f.filename.startswith("rapportage")],
        timeout=15,
        what="the report PDF",
    )[0]
    assert pdf.filename == f"rapportage-begeleide-intervisie-{number}.pdf"
    content = pdf_text(pdf.content)
    assert ORGANISATION in content and "85%" in content
    assert "De groep werkt nu zelf met de incidentmethode." in content
    for user in JOINERS:
        assert PEOPLE[user]["real_name"] not in content
    wait_dm(app.fake, "UBRAM002", "definitief")

    # The group continues on its own: same number and members, 5–10 from now on.
    press(app.slack, app.fake, REQUESTER, ActionId.CONTINUE)
    wait_dm(
        app.fake,
        SUPERVISOR,
        t(
            "nl",
            "guided.continued.supervisor",
            number=number,
            name=f"Begeleide intervisie {ORGANISATION}",
        ),
    )
    member_dm = tn(
        "nl",
        "guided.continued.member",
        5,
        number=number,
        name=f"Begeleide intervisie {ORGANISATION}",
        status=t_plain("nl", "group.status.active"),
    )
    wait_dm(app.fake, "UZOE0003", member_dm)
    with Session(app.engine) as session:
        group = session.scalars(select(Group).where(Group.number == number)).one()
        assert (group.kind, group.supervisor_id, group.max_members) == (GroupKind.PEER, None, 10)
    app.slack.command(SUPERVISOR, f"plan {number} 10-11-2026 14:00 2u")
    refused(app, "group.not_manager", number=number)
    assert trajectory(app.engine).continued_at is not None
    assert app.clock.now() - NOW > timedelta(days=30)


def counts(engine: Engine) -> dict[str, int]:
    """Rows in the tables a refusal must leave alone."""
    with Session(engine) as session:
        return {
            model.__tablename__: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Trajectory, Group, Registration, Delivery, AuditEvent)
        }


def forged(view: JSON, action_id: str, value: str) -> JSON:
    """The view with one more option in a select: what a forged payload could send."""
    copy = json.loads(json.dumps(view))
    for block in copy["blocks"]:
        element = block.get("element") or {}
        if element.get("action_id") == action_id:
            element["options"].append(
                {"text": {"type": "plain_text", "text": value}, "value": value}
            )
    return copy


def test_bad_input_gets_a_clear_message_and_writes_nothing(app: GuidedApp) -> None:
    app.fake.add_user("UROBOT014", real_name="Planbot", is_bot=True)
    app.fake.add_user("UGONE0015", real_name="Oud-collega", deleted=True)
    nothing = counts(app.engine)
    for supervisor, key in (
        (REQUESTER, "guided.error.supervisor_self"),
        ("UNOBODY99", "guided.error.supervisor_unknown"),
        ("UGONE0015", "guided.error.supervisor_unknown"),
        ("UROBOT014", "guided.error.supervisor_bot"),
    ):
        result = request(app.slack, app.fake, values={ActionId.SUPERVISOR: supervisor})
        assert result.json["errors"] == {"supervisor": t_plain("nl", key)}, supervisor
    blank = request(app.slack, app.fake, values={ActionId.ORGANISATION: " \u200b "})
    assert blank.json["errors"] == {"organisation": t_plain("nl", "input.name_empty")}
    english = request(
        app.slack, app.fake, requester="UENG0012", values={ActionId.SUPERVISOR: "UENG0012"}
    )
    assert english.json["errors"] == {"supervisor": t_plain("en", "guided.error.supervisor_self")}
    assert counts(app.engine) == nothing

    assert request(app.slack, app.fake).json["response_action"] == "update"
    again = request(app.slack, app.fake)
    assert again.json["errors"] == {"supervisor": t_plain("nl", "guided.error.request_open")}
    asked = counts(app.engine)
    view = press_for_modal(app.slack, app.fake, SUPERVISOR, ActionId.ACCEPT, CallbackId.ACCEPT)
    for values, errors in (
        (
            {ActionId.INTAKE_DATE: "31-08-2026", ActionId.INTAKE_TIME: "14:00"},
            {"intake_date": t_plain("nl", "guided.error.intake_past")},
        ),
        (
            {ActionId.INTAKE_DATE: "31-02-2026", ActionId.INTAKE_TIME: "25:00"},
            {
                "intake_date": t_plain("nl", "meeting.error.date_nonexistent", value="31-02-2026"),
                "intake_time": t_plain("nl", "meeting.error.time_nonexistent", value="25:00"),
            },
        ),
    ):
        result = app.slack.submit(SUPERVISOR, view, {**values, ActionId.REGISTER_NUMBER: "12345"})
        assert result.json["errors"] == errors
    wrong_number = app.slack.submit(
        SUPERVISOR,
        view,
        {
            ActionId.INTAKE_DATE: "08-09-2026",
            ActionId.INTAKE_TIME: "14:00",
            ActionId.REGISTER_NUMBER: "12",
        },
    )
    assert list(wrong_number.json["errors"]) == ["register_number"]
    assert counts(app.engine) == asked

    assert accept(app.slack, app.fake, day="08-09-2026").status == 200
    app.slack.click(
        SUPERVISOR,
        action_id=ActionId.ACCEPT,
        value=str(trajectory(app.engine).id),
        message={"ts": "1.0", "channel": "D" + SUPERVISOR, "blocks": []},
    )
    refused(app, "guided.error.already_answered")
    accepted = counts(app.engine)

    view = press_for_modal(app.slack, app.fake, SUPERVISOR, ActionId.START, CallbackId.START)
    view = forged(forged(view, ActionId.MEETINGS, "9"), ActionId.MAX_MEMBERS, "9")
    for values, errors in (
        (
            {ActionId.MEETINGS: "9"},
            {"meetings": tn_plain("nl", "guided.error.meetings", 8, low=3)},
        ),
        (
            {ActionId.MEETINGS: "4", ActionId.MAX_MEMBERS: "9"},
            {"max_members": tn_plain("nl", "guided.error.participants", 8, low=4)},
        ),
        (
            {ActionId.MEETINGS: "4", ActionId.PRICE: "drie euro"},
            {"price": t_plain("nl", "guided.error.price", given="drie euro")},
        ),
        (
            {ActionId.MEETINGS: "4", ActionId.READER_URL: "ftp://reader.example"},
            {"reader": t_plain("nl", "guided.error.reader")},
        ),
    ):
        result = app.slack.submit(SUPERVISOR, view, values)
        assert result.json["errors"] == errors, values
    assert counts(app.engine) == accepted


def test_stop_early_a_remark_and_finalising_after_the_deadline(app: GuidedApp) -> None:
    number = set_up_trajectory(app)
    ask_to_join(app.slack, app.fake, "UBRAM002", number)
    approve(app.slack, app.fake, REQUESTER, PEOPLE["UBRAM002"]["real_name"])
    wait_dm(app.fake, "UBRAM002", "Welkom")

    # 'Mijn trajecten' on the supervisor's App Home, with her buttons.
    before = len(app.fake.calls_to("views.publish"))
    app.slack.open_home(SUPERVISOR)
    app.fake.wait_for("views.publish", count=before + 1)
    home = json.dumps(app.fake.home_views[SUPERVISOR], ensure_ascii=False)
    assert t("nl", "guided.home.title") in home and ActionId.STOP in home
    assert tn("nl", "guided.card.held", 4, held=0) in home

    # Stopped early, with a reason everyone reads; no completion certificates.
    reply = traject_reply(app, SUPERVISOR, number)
    seen = len(app.fake.opened_views(SUPERVISOR))
    press(app.slack, app.fake, SUPERVISOR, ActionId.STOP, message=reply)
    view = wait_view(app.fake, SUPERVISOR, CallbackId.STOP)
    assert len(app.fake.opened_views(SUPERVISOR)) == seen + 1
    empty = app.slack.submit(SUPERVISOR, view, {ActionId.REASON: "  "})
    assert empty.json["errors"] == {"reason": t_plain("nl", "guided.error.reason_required")}
    app.slack.submit(SUPERVISOR, view, {ActionId.REASON: "De organisatie gaat reorganiseren."})
    for user in (REQUESTER, "UBRAM002", SUPERVISOR):
        wait_dm(app.fake, user, "De organisatie gaat reorganiseren.")
    assert trajectory(app.engine).status is TrajectoryStatus.STOPPED
    press(app.slack, app.fake, SUPERVISOR, ActionId.CLOSE, message=reply)
    refused(app, "guided.error.already_closed")

    # The report anyway: Bram has a remark; finalising waits for the deadline.
    reply = traject_reply(app, SUPERVISOR, number)
    seen = len(app.fake.opened_views(SUPERVISOR))
    press(app.slack, app.fake, SUPERVISOR, ActionId.REPORT, message=reply)
    view = wait_view(app.fake, SUPERVISOR, CallbackId.REPORT)
    texts = {
        ActionId.AIM: "Kennismaken met intervisie.",
        ActionId.WORKING_METHOD: "Nog geen bijeenkomsten gehouden.",
        ActionId.OUTCOME: "Het traject is gestopt voor de eerste bijeenkomst.",
    }
    late = app.slack.submit(SUPERVISOR, view, {**texts, ActionId.DEADLINE: "01-09-2026"})
    assert late.json["errors"] == {"deadline": tn_plain("nl", "report.error.deadline", 60)}
    ok = app.slack.submit(SUPERVISOR, view, {**texts, ActionId.DEADLINE: "08-09-2026"})
    assert ok.status == 200 and not ok.body, ok.text
    remark_view = press_for_modal(
        app.slack, app.fake, "UBRAM002", ActionId.REPORT_REMARK, CallbackId.REMARK
    )
    blank = app.slack.submit("UBRAM002", remark_view, {ActionId.REMARK: ""})
    assert blank.json["errors"] == {"remark": t_plain("nl", "report.error.remark_required")}
    app.slack.submit("UBRAM002", remark_view, {ActionId.REMARK: "Noem ook de planning."})
    wait_dm(app.fake, SUPERVISOR, "Noem ook de planning.")
    wait_dm(
        app.fake, "UBRAM002", t("nl", "report.dm.you_remarked", remark_text="Noem ook de planning.")
    )
    # Answering the same draft again (a replayed click) is refused.
    draft = dm_with_button(app.fake, REQUESTER, ActionId.REPORT_AGREE)
    press(app.slack, app.fake, "UBRAM002", ActionId.REPORT_AGREE, message=draft)
    refused(app, "report.error.already_answered")

    reply = traject_reply(app, SUPERVISOR, number)
    press(app.slack, app.fake, SUPERVISOR, ActionId.REPORT_FINALISE, message=reply)
    refused(app, "report.error.before_deadline", deadline="08-09-2026")
    app.clock.set(datetime(2026, 9, 9, 8, 0, tzinfo=UTC))
    press(app.slack, app.fake, SUPERVISOR, ActionId.REPORT_FINALISE, message=reply)
    pdf = wait_until(
        lambda: [f for f in files_for(app.fake, SUPERVISOR) if f.filename.startswith("rapportage")],
        timeout=15,
        what="the report PDF",
    )[0]
    # Final after the deadline: one remark, nobody agreed, and the report says so.
    final = tn_plain("nl", "report.pdf.agreed", 2, agreed=0, date="09-09-2026")
    assert final in " ".join(pdf_text(pdf.content).split())
