"""Certificates and the recertification meter through Slack: six meetings over two years give the
right totals per period-year and the right signals in `/intervisie uren`, the App Home and the
overview PDF; the period start is set by command or by the modal."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.clock import ManualClock
from bot.devtools.blockkit import assert_valid_view
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim
from bot.server import Runtime
from handlers.ui.attendance_ui import ActionId
from storage.models import AuditEvent, Certificate, Person
from tests.support.app import RuntimeFactory
from tests.support.attendance import SeededGroup, add_meeting, files_for, pdf_text, seed_group
from tests.support.people import SIGNING_SECRET, TEAM

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
    fake_slack.wait_for("files.completeUploadExternal", count=6 * 4, timeout=30)
    return group


def _ephemeral(fake: FakeSlack, needle: str) -> str:
    call = fake.wait_for(
        "response_url", predicate=lambda c: needle in json.dumps(c.body, ensure_ascii=False)
    )[-1]
    return json.dumps(call.body, ensure_ascii=False)


def test_six_meetings_over_two_years_in_the_meter_home_and_overview(
    sim: SlackSim, fake_slack: FakeSlack, registered: SeededGroup, db_engine: Engine, app: Runtime
) -> None:
    # Without a start date: this calendar year and the three before.
    sim.command("UDAAN004", "uren")
    text = _ephemeral(fake_slack, "Hercertificering")
    assert "01-01-2023 – 31-12-2026" in text
    assert "nog geen begindatum" in text

    sim.command("UDAAN004", "uren start 01-01-2025")
    assert "01-01-2025" in _ephemeral(fake_slack, "begindatum van je certificeringsperiode is nu")
    with Session(db_engine) as session:
        daan = session.get_one(Person, registered.people["UDAAN004"])
        assert daan.certification_period_start is not None
        assert session.scalars(
            select(AuditEvent).where(AuditEvent.action == "certification_period_set")
        ).one()

    sim.command("UDAAN004", "hours")
    text = _ephemeral(fake_slack, "01-01-2025 – 31-12-2028")
    assert "*22 van 32 uur* (totaal 24 uur)" in text
    assert "01-01-2025 – 31-12-2025: 6 uur :warning: minder dan 8 uur dit jaar" in text
    assert "01-01-2026 – 31-12-2026: 18 uur :information_source: 2 uur boven 16" in text
    assert "01-01-2027 – 31-12-2027: nog niet begonnen" in text
    assert "Rollen deze periode: Deelnemer" in text

    sim.open_home("UDAAN004")
    home = fake_slack.wait_for("views.publish")[-1].body["view"]
    assert_valid_view(home)
    home_text = json.dumps(home, ensure_ascii=False)
    assert "*22 van 32 uur*" in home_text
    assert "minder dan 8 uur" in home_text
    assert home_text.count("Opnieuw sturen") == 6

    sim.command("UDAAN004", "uren pdf")
    _ephemeral(fake_slack, "overzicht voor de hercertificering")
    fake_slack.wait_for(
        "files.completeUploadExternal",
        predicate=lambda c: (
            c.body.get("channel_id") == "DUDAAN004"
            and "overzicht" in str(c.body.get("initial_comment", "")).lower()
        ),
        timeout=20,
    )
    overview = [f for f in files_for(fake_slack, "UDAAN004") if "overzicht" in f.filename]
    assert len(overview) == 1
    content = pdf_text(overview[0].content)
    assert "Daan van der Berg" in content
    assert "24 uur in totaal, waarvan 22 meetellen" in content
    assert "6 uur — minder dan het minimum per jaar" in content
    assert "18 uur — boven het maximum per jaar, 16 uur telt mee" in content
    with Session(db_engine) as session:
        numbers = session.scalars(
            select(Certificate.number).where(Certificate.person_id == registered.people["UDAAN004"])
        ).all()
    assert len(numbers) == 6
    for number in numbers:
        assert number in content

    # An absent member got no certificates and sees an empty list.
    sim.command("UEMMA005", "bewijzen")
    assert "nog geen deelnamebewijzen" in _ephemeral(fake_slack, "Mijn deelnamebewijzen")


def test_period_start_through_the_home_button_and_a_bad_date(
    sim: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    seed_group(db_engine, members=FIVE)
    sim.command("UDAAN004", "uren start 31-02-2025")
    assert "dd-mm-jjjj" in _ephemeral(fake_slack, "Typ de datum")

    sim.open_home("UDAAN004")
    home = fake_slack.wait_for("views.publish")[-1].body["view"]
    sim.click("UDAAN004", action_id=ActionId.SET_PERIOD_START, view=home)
    fake_slack.wait_for("views.open")
    modal = fake_slack.opened_views("UDAAN004")[-1]
    assert_valid_view(modal)
    future = sim.submit("UDAAN004", modal, {ActionId.PERIOD_START_INPUT: "01-01-2030"})
    assert future.json["response_action"] == "errors"
    ok = sim.submit("UDAAN004", modal, {ActionId.PERIOD_START_INPUT: "15-03-2024"})
    assert ok.status == 200 and not ok.body
    republished = fake_slack.wait_for("views.publish", count=2)[-1].body["view"]
    assert "15-03-2024 – 14-03-2028" in json.dumps(republished, ensure_ascii=False)
