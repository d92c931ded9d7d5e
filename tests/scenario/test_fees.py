"""The non-member fee (seeds/001): owed per participant and year, paid by the participant or the
employer (seeds/004) with the day; the secretariat's unpaid list shows exactly the unpaid
non-members of the year and records payments; the participant reads the payment instructions in
the welcome and at the start of each new year; the contact person sees a quiet marker; the CSV
export says it; and whether an unpaid fee blocks a request is the association's choice."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.clock import ManualClock
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim
from bot.i18n import t, t_plain, tn
from bot.jobs import send_fee_notices
from bot.server import Runtime
from handlers.ui.association_ui import ActionId, BlockId, CallbackId
from handlers.ui.attendance_ui import CallbackId as AttendanceCallbackId
from handlers.ui.attendance_ui import member_action_id
from storage.models import FeePayer, FeePayment, Person
from tests.scenario.test_association import home, open_form, submit_form
from tests.support.app import RuntimeFactory
from tests.support.attendance import files_for
from tests.support.groups import (
    approve,
    ask_to_join,
    count_views,
    create_group,
    dms_containing,
    wait_dm,
    wait_response,
    wait_view,
)
from tests.support.people import ADMIN, PEOPLE, SIGNING_SECRET, TEAM
from tests.support.privacy import snapshot
from tests.support.wait import wait_until

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
ANNE, BRAM, ZOE, DAAN, EMMA, FEMKE, GERT = (
    "UANNE001",
    "UBRAM002",
    "UZOE0003",
    "UDAAN004",
    "UEMMA005",
    "UFEMK006",
    "UGERT007",
)
PARTICIPANTS = (ZOE, DAAN, FEMKE)
INSTRUCTIONS = "Maak het bedrag over op NL00BANK0123456789 onder vermelding van je naam."
JSON = dict[str, Any]


@pytest.fixture
def clock() -> ManualClock:
    """The app's clock: 20-11-2026."""
    return ManualClock(NOW)


@pytest.fixture
def app(make_runtime: RuntimeFactory, clock: ManualClock) -> Runtime:
    """The app on the manual clock."""
    return make_runtime(clock=clock)


@pytest.fixture
def slack(app: Runtime, fake_slack: FakeSlack) -> SlackSim:
    """Slack's side."""
    return SlackSim(port=app.port, signing_secret=SIGNING_SECRET, fake=fake_slack, team_id=TEAM)


def name(user: str) -> str:
    """A scenario person's name."""
    return PEOPLE[user]["real_name"]


@pytest.fixture
def group(slack: SlackSim, fake_slack: FakeSlack) -> int:
    """The fee and its instructions set; a group with three participants without membership
    (Zoë, Daan, Femke) and a member (Emma); Gert is a participant in no group."""
    form = open_form(slack, fake_slack, ADMIN, ActionId.EDIT_FEE, CallbackId.FEE)
    assert (
        submit_form(slack, ADMIN, form, {BlockId.FEE: "75", BlockId.INSTRUCTIONS: INSTRUCTIONS})
        == {}
    )
    number = create_group(slack, fake_slack, ANNE, name="Noord")
    for user in (*PARTICIPANTS, EMMA):
        membership = "member" if user == EMMA else "participant"
        ask_to_join(slack, fake_slack, user, number, membership=membership)
        approve(slack, fake_slack, ANNE, name(user))
        wait_dm(fake_slack, user, "Welkom")
    slack.command(ADMIN, f"admin lidmaatschap <@{GERT}> deelnemer")
    wait_response(fake_slack, "Gert Smit")
    return number


def unpaid_names(view: JSON) -> list[str]:
    """The names listed (each with a "Betaling vastleggen" button) in the unpaid list."""
    return [
        block["text"]["text"].strip("*")
        for block in view["blocks"]
        if (block.get("accessory") or {}).get("action_id") == ActionId.MARK_PAID
    ]


def test_the_unpaid_list_shows_exactly_the_unpaid_non_members_of_the_year(
    app: Runtime, slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine, group: int
) -> None:
    # The welcome tells a participant the fee and how to pay; a member is not asked to pay.
    welcome = wait_dm(fake_slack, ZOE, "Welkom")
    assert INSTRUCTIONS in str(welcome["blocks"])
    assert "€ 75,- excl. btw per jaar" in str(welcome["blocks"])
    assert INSTRUCTIONS not in str(wait_dm(fake_slack, EMMA, "Welkom")["blocks"])
    # The contact person's request DM carries the quiet marker for an open fee.
    marker = t_plain("nl", "fee.marker", year=2026)
    assert marker in str(wait_dm(fake_slack, ANNE, name(ZOE))["blocks"])
    assert marker not in str(wait_dm(fake_slack, ANNE, name(EMMA))["blocks"])

    # Daan's employer paid in January; a member pays nothing.
    slack.command(ADMIN, f"admin betaald <@{DAAN}> 2026 werkgever 15-01-2026")
    wait_response(fake_slack, "voor 2026 betaald")
    slack.command(ADMIN, f"admin betaald <@{EMMA}> 2026")
    wait_response(fake_slack, t("nl", "fee.not_participant", name=name(EMMA)))
    with Session(db_engine) as session:
        payment = session.scalars(select(FeePayment)).one()
    assert (payment.paid_by, payment.paid_on) == (FeePayer.EMPLOYER, date(2026, 1, 15))

    # The list of 2026: exactly Zoë and Femke, sorted by name.
    seen = count_views(fake_slack, ADMIN, CallbackId.UNPAID)
    slack.click(ADMIN, action_id=ActionId.UNPAID, value="2026", view=home(slack, fake_slack, ADMIN))
    unpaid = wait_view(fake_slack, ADMIN, CallbackId.UNPAID, seen=seen)
    assert unpaid_names(unpaid) == sorted([name(ZOE), name(FEMKE)])
    assert tn("nl", "fee.unpaid.intro", 2, year=2026) in str(unpaid)

    # Zoë's payment is recorded from the list: the list then shows only Femke.
    zoe_id = next(
        b["accessory"]["value"] for b in unpaid["blocks"] if name(ZOE) in str(b.get("text"))
    )
    slack.click(ADMIN, action_id=ActionId.MARK_PAID, value=zoe_id, view=unpaid)
    form = wait_view(fake_slack, ADMIN, CallbackId.PAYMENT)
    # Someone outside the secretariat replaying the form is refused, and nothing is written.
    home(slack, fake_slack, BRAM)  # his first contact (a person row) comes before the snapshot
    before = snapshot(db_engine)
    refused = slack.submit(BRAM, form, {ActionId.PAID_BY: "participant"})
    assert refused.json["response_action"] == "errors"
    assert snapshot(db_engine) == before
    bad_day = slack.submit(ADMIN, form, {ActionId.PAID_ON: "31-02-2026"})
    assert BlockId.PAID_ON in bad_day.json["errors"]
    done = slack.submit(
        ADMIN, form, {ActionId.PAID_BY: "participant", ActionId.PAID_ON: "20-11-2026"}
    )
    assert done.json["response_action"] == "update"
    assert unpaid_names(done.json["view"]) == [name(FEMKE)]
    assert t("nl", "fee.unpaid.recorded", name=name(ZOE), year=2026) in str(done.json["view"])
    # The same list by command, for another year: nobody was a member in 2025.
    seen = count_views(fake_slack, ADMIN, CallbackId.UNPAID)
    slack.command(ADMIN, "admin onbetaald 2025")
    earlier = wait_view(fake_slack, ADMIN, CallbackId.UNPAID, seen=seen)
    assert unpaid_names(earlier) == []
    assert t("nl", "fee.unpaid.none", year=2025) in str(earlier)

    # The secretariat's CSV says it per certificate: paid (when, by whom), open, or nothing.
    with Session(db_engine) as session:
        ids = {p.slack_user_id: p.id for p in session.scalars(select(Person))}
    slack.command(ANNE, f"plan {group} 10-11-2026 19:00 2u")
    register = wait_view(fake_slack, ANNE, AttendanceCallbackId.REGISTER)
    roles = {member_action_id(ids[u]): "participant" for u in (ZOE, DAAN, FEMKE, EMMA)}
    roles[member_action_id(ids[ANNE])] = "facilitator"
    roles[member_action_id(ids[ZOE])] = "presenter"
    registered = slack.submit(ANNE, register, roles)
    assert registered.json["response_action"] == "update", registered.text
    wait_until(lambda: files_for(fake_slack, EMMA), what="the certificates")
    slack.command(ADMIN, "admin export 01-11-2026 30-11-2026")
    export = wait_until(
        lambda: [f for f in files_for(fake_slack, ADMIN) if f.filename.endswith(".csv")],
        what="the CSV",
    )[0]
    rows = list(csv.DictReader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    fees = {row["naam"]: row["bijdrage"] for row in rows}
    assert fees[name(ZOE)] == "betaald 20-11-2026 (deelnemer)"
    assert fees[name(DAAN)] == "betaald 15-01-2026 (werkgever)"
    assert fees[name(FEMKE)] == "open"
    assert fees[name(EMMA)] == ""


def test_the_new_year_brings_the_payment_instructions_once(
    app: Runtime, slack: SlackSim, fake_slack: FakeSlack, clock: ManualClock, group: int
) -> None:
    due = t("nl", "fee.due", year=2027, fee="75", without_text="zonder lidmaatschap")
    # Not before the new year.
    assert send_fee_notices(app.deps) == 0
    clock.set(datetime(2027, 1, 2, 9, 0, tzinfo=UTC))
    assert send_fee_notices(app.deps) == len(PARTICIPANTS)
    app.outbox.wait_idle()
    for user in PARTICIPANTS:
        notice = wait_dm(fake_slack, user, due)
        assert INSTRUCTIONS in str(notice["blocks"])
    # Not to a member, nor to a participant in no group; and only once.
    assert dms_containing(fake_slack, EMMA, due) == []
    assert dms_containing(fake_slack, GERT, due) == []
    send_fee_notices(app.deps)
    app.outbox.wait_idle()
    assert all(len(dms_containing(fake_slack, u, due)) == 1 for u in PARTICIPANTS)
    # Out of January, nothing is sent.
    clock.set(datetime(2027, 3, 1, 9, 0, tzinfo=UTC))
    assert send_fee_notices(app.deps) == 0


def test_an_unpaid_fee_blocks_a_request_only_when_the_association_says_so(
    app: Runtime, slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine, group: int
) -> None:
    other = create_group(slack, fake_slack, BRAM, name="Zuid")
    # By default an open fee blocks nothing.
    ask_to_join(slack, fake_slack, ZOE, other)
    wait_dm(fake_slack, BRAM, name(ZOE))
    form = open_form(slack, fake_slack, ADMIN, ActionId.EDIT_FEE, CallbackId.FEE)
    result = slack.submit(ADMIN, form, {ActionId.BLOCKS: ["yes"]})
    assert result.status == 200 and not result.body, result.text
    slack.command(FEMKE, f"aanmelden {other}")
    wait_response(fake_slack, t("nl", "fee.blocks_request", year=2026))
    # Once the payment is recorded, she may ask.
    slack.command(ADMIN, f"admin betaald <@{FEMKE}> 2026")
    wait_response(fake_slack, "Femke Visser heeft")
    ask_to_join(slack, fake_slack, FEMKE, other)
    wait_dm(fake_slack, BRAM, name(FEMKE))
