"""Certificates and the recertification meter through Slack: six meetings over two years give the
right totals per period-year and the right signals in `/intervisie uren`, the App Home and the
overview PDF; the period start is set by command or by the modal."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.clock import ManualClock
from bot.devtools.blockkit import assert_valid_view
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim
from bot.i18n import hours_text, t_plain
from bot.server import Runtime
from handlers.ui.attendance_ui import ActionId, BlockId
from storage.models import AuditEvent, Certificate, Person
from tests.support.app import RuntimeFactory
from tests.support.attendance import SeededGroup, add_meeting, files_for, pdf_text, seed_group
from tests.support.people import SIGNING_SECRET, TEAM
from tests.support.texts import said, texts_in

NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
FIVE = ("UANNE001", "UBRAM002", "UZOE0003", "UDAAN004", "UEMMA005")
# (start in UTC, net minutes): three short meetings in 2025, three long ones in 2026.
MEETINGS = (
    (datetime(2025, 2, 3, 8, tzinfo=UTC), 120),
    (datetime(2025, 6, 2, 7, tzinfo=UTC), 120),
    (datetime(2025, 10, 6, 7, tzinfo=UTC), 120),
    (datetime(2026, 2, 2, 8, tzinfo=UTC), 360),
    (datetime(2026, 6, 1, 7, tzinfo=UTC), 360),
    (datetime(2026, 10, 5, 7, tzinfo=UTC), 360),
)


@pytest.fixture
def app(make_runtime: RuntimeFactory) -> Runtime:
    """The app on a manual clock."""
    return make_runtime(clock=ManualClock(NOW))


@pytest.fixture
def sim(app: Runtime, fake_slack: FakeSlack) -> SlackSim:
    """Slack's side."""
    return SlackSim(port=app.port, signing_secret=SIGNING_SECRET, fake=fake_slack, team_id=TEAM)


@pytest.fixture
def registered(sim: SlackSim, fake_slack: FakeSlack, db_engine: Engine) -> SeededGroup:
    """Six meetings registered by the contact person, each through the modal."""
    group = seed_group(db_engine, members=FIVE)
    for starts_at, minutes in MEETINGS:
        add_meeting(
            db_engine, group_id=group.group_id, starts_at=starts_at, duration_minutes=minutes
        )
    roles = {
        "UANNE001": "facilitator",
        "UBRAM002": "presenter",
        "UZOE0003": "participant",
        "UDAAN004": "participant",
        "UEMMA005": "absent",
    }
    # Each command opens the latest past meeting still waiting: newest first.
    for count, (_, minutes) in enumerate(reversed(MEETINGS), start=1):
        sim.command("UANNE001", "registreer 1001")
        fake_slack.wait_for("views.open", count=count)
        view = fake_slack.opened_views("UANNE001")[-1]
        values = {f"{ActionId.MEMBER_ROLE}:{group.people[u]}": r for u, r in roles.items()}
        values[ActionId.DURATION] = str(minutes)
        result = sim.submit("UANNE001", view, values)
        assert result.json["response_action"] == "update", result.json
        # One registration after the other, as a contact person does them: this meeting's four
        # certificates are out before the next command.
        fake_slack.wait_for("files.completeUploadExternal", count=count * 4, timeout=30)
    return group


def _ephemeral(fake: FakeSlack, needle: str) -> str:
    call = fake.wait_for("response_url", predicate=lambda c: needle in texts_in(c.body))[-1]
    return texts_in(call.body)


def _year(start: str, end: str, minutes: int, note: str = "") -> str:
    return "• " + said(
        "hours.year.line", start=start, end=end, hours_text=hours_text("nl", minutes), note=note
    )


def test_six_meetings_over_two_years_in_the_meter_home_and_overview(
    sim: SlackSim, fake_slack: FakeSlack, registered: SeededGroup, db_engine: Engine, app: Runtime
) -> None:
    # Without a start date: this calendar year and the three before.
    sim.command("UDAAN004", "uren")
    text = _ephemeral(fake_slack, said("hours.title", start="01-01-2023", end="31-12-2026"))
    assert said("hours.default_period") in text

    sim.command("UDAAN004", "uren start 01-01-2025")
    _ephemeral(fake_slack, said("hours.start_set", date="01-01-2025"))
    with Session(db_engine) as session:
        daan = session.get_one(Person, registered.people["UDAAN004"])
        assert daan.certification_period_start is not None
        assert session.scalars(
            select(AuditEvent).where(AuditEvent.action == "certification_period_set")
        ).one()

    sim.command("UDAAN004", "hours")
    text = _ephemeral(fake_slack, said("hours.title", start="01-01-2025", end="31-12-2028"))
    # 22 of the 24 hours count: 2026 has 2 above the yearly 16.
    total = said("hours.total", count="32", counted="22") + said("hours.total_all", count="24")
    assert total in text
    # 2025 is over, so its warning names the year.
    under = said("hours.year.under_past", count=8, year=2025)
    assert _year("01-01-2025", "31-12-2025", 360, under) in text
    over = said("hours.year.over", count=16, excess_text=hours_text("nl", 120))
    assert _year("01-01-2026", "31-12-2026", 1080, over) in text
    assert "• " + said("hours.year.future", start="01-01-2027", end="31-12-2027") in text
    roles = said("hours.roles", roles=t_plain("nl", "role.in_text.participant"))
    assert roles in text

    sim.open_home("UDAAN004")
    home = fake_slack.wait_for("views.publish")[-1].body["view"]
    assert_valid_view(home)
    home_text = texts_in(home)
    assert total in home_text and under in home_text
    assert home_text.count(t_plain("nl", "certificates.button.resend")) == 6

    sim.command("UDAAN004", "uren pdf")
    _ephemeral(fake_slack, said("hours.overview_sent"))
    comment = t_plain("nl", "overview.file.comment")
    fake_slack.wait_for(
        "files.completeUploadExternal",
        predicate=lambda c: (
            c.body.get("channel_id") == "DUDAAN004" and c.body.get("initial_comment") == comment
        ),
        timeout=20,
    )
    title = t_plain("nl", "overview.file.title")
    overview = [f for f in files_for(fake_slack, "UDAAN004") if f.title == title]
    assert len(overview) == 1
    content = " ".join(pdf_text(overview[0].content).split())
    assert "Daan van der Berg" in content
    for key, params in (
        (
            "pdf.overview.total",
            {
                "total_text": hours_text("nl", 24 * 60),
                "counted_text": hours_text("nl", 22 * 60),
                "required_text": hours_text("nl", 32 * 60),
            },
        ),
        ("pdf.overview.year.under", {"hours_text": hours_text("nl", 360)}),
        (
            "pdf.overview.year.over",
            {"hours_text": hours_text("nl", 1080), "counted_text": hours_text("nl", 960)},
        ),
    ):
        assert t_plain("nl", key, **params) in content, key
    with Session(db_engine) as session:
        numbers = session.scalars(
            select(Certificate.number).where(Certificate.person_id == registered.people["UDAAN004"])
        ).all()
    assert len(numbers) == 6
    for number in numbers:
        assert number in content

    # An absent member got no certificates and sees an empty list.
    sim.command("UEMMA005", "bewijzen")
    assert said("certificates.none") in _ephemeral(fake_slack, said("certificates.title"))


def test_period_start_through_the_home_button_and_a_bad_date(
    sim: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    seed_group(db_engine, members=FIVE)
    sim.command("UDAAN004", "uren start 31-02-2025")
    _ephemeral(fake_slack, said("hours.bad_date"))

    sim.open_home("UDAAN004")
    home = fake_slack.wait_for("views.publish")[-1].body["view"]
    sim.click("UDAAN004", action_id=ActionId.SET_PERIOD_START, view=home)
    fake_slack.wait_for("views.open")
    modal = fake_slack.opened_views("UDAAN004")[-1]
    assert_valid_view(modal)
    future = sim.submit("UDAAN004", modal, {ActionId.PERIOD_START_INPUT: "01-01-2027"})
    assert future.json["response_action"] == "errors"
    assert future.json["errors"] == {BlockId.PERIOD_START: t_plain("nl", "hours.date_in_future")}
    ok = sim.submit("UDAAN004", modal, {ActionId.PERIOD_START_INPUT: "15-03-2024"})
    assert ok.status == 200 and not ok.body
    republished = fake_slack.wait_for("views.publish", count=2)[-1].body["view"]
    assert said("hours.title", start="15-03-2024", end="14-03-2028") in texts_in(republished)
