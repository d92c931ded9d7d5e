"""Socket Mode: the real app with SLACK_APP_TOKEN set connects to the sandbox's Socket Mode server
through apps.connections.open, and a slash command, a button and a modal submit round-trip as
envelopes and acks; /healthz stays on HTTP, /slack/events is not served; the app reconnects when
asked, and stops quickly, acking what it has in hand first and leaving no threads behind."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from slack_sdk import WebClient
from sqlalchemy import Engine, func, select
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from bot.clock import ManualClock
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import HttpResult, SlackSim, http_request
from bot.devtools.socket_mode import Ack, AckTimeout, SocketModeServer, SocketModeSim
from bot.i18n import t, t_plain
from bot.server import Runtime
from bot.settings import Settings
from handlers.ui.groups_ids import ActionId, BlockId, CallbackId
from storage.models import Enrollment, EnrollmentStatus, Group
from tests.support.app import RuntimeFactory
from tests.support.groups import create_group, wait_dm, wait_response, wait_view
from tests.support.people import SIGNING_SECRET, TEAM
from tests.support.wait import wait_until

APP_TOKEN = "xapp-1-A0INTERVISIE-1-test"
ANNE, BRAM = "UANNE001", "UBRAM002"


@pytest.fixture
def socket_runtime(socket_mode: SocketModeServer, make_runtime: RuntimeFactory) -> Runtime:
    """The app in Socket Mode, connected (stopped before the Socket Mode server)."""
    runtime = make_runtime(slack_app_token=APP_TOKEN)
    socket_mode.wait_connected()
    return runtime


@pytest.fixture
def sim(socket_runtime: Runtime, socket_mode: SocketModeServer, fake_slack: FakeSlack) -> SlackSim:
    """Slack's side, delivering every action over the app's WebSocket connection."""
    return SocketModeSim(server=socket_mode, fake=fake_slack, team_id=TEAM)


def test_the_app_opens_its_connection_with_the_app_level_token(
    socket_runtime: Runtime, socket_mode: SocketModeServer, fake_slack: FakeSlack
) -> None:
    opened = fake_slack.calls_to("apps.connections.open")
    assert [call.token for call in opened] == [APP_TOKEN]
    assert socket_mode.connections == 1


def test_help_round_trips_and_the_answer_reaches_the_response_url(
    sim: SlackSim, fake_slack: FakeSlack
) -> None:
    result = sim.command(ANNE, "help")
    assert result.status == 200
    assert result.elapsed < 1.0
    call = fake_slack.wait_for("response_url")[0]
    assert call.body["response_type"] == "ephemeral"
    assert t("nl", "help.title") in str(call.body["blocks"])


def test_create_modal_refuses_a_blank_name_in_the_ack_then_creates_the_group(
    sim: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    sim.command(ANNE, "nieuw")
    view = wait_view(fake_slack, ANNE, CallbackId.CREATE_GROUP)

    blank = sim.submit(ANNE, view, {ActionId.NAME: "   ", ActionId.REGION: "Utrecht"})
    assert blank.status == 200
    assert blank.json == {
        "response_action": "errors",
        "errors": {BlockId.NAME: t_plain("nl", "group.create.name_required")},
    }
    with db_engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Group)).scalar() == 0

    valid = sim.submit(ANNE, view, {ActionId.NAME: "Utrecht Noord", ActionId.REGION: "Utrecht"})
    assert valid.status == 200 and not valid.body  # a plain ack closes the modal
    dm = wait_dm(fake_slack, ANNE, "*Utrecht Noord*")
    with db_engine.connect() as conn:
        number = conn.execute(select(Group.number).where(Group.name == "Utrecht Noord")).scalar()
    assert number is not None
    assert f"/intervisie aanmelden {number}" in dm["text"]


def test_the_directory_button_opens_the_join_modal_and_the_request_reaches_the_contact(
    sim: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    number = create_group(sim, fake_slack, ANNE, name="Amersfoort")
    sim.command(BRAM, "groepen")
    wait_response(fake_slack, "Amersfoort")
    listing = fake_slack.calls_to("response_url")[-1].body
    button = next(
        block["accessory"]
        for block in listing["blocks"]
        if (block.get("accessory") or {}).get("action_id") == ActionId.DIRECTORY_JOIN
    )
    assert button["value"] == str(number)

    clicked = sim.click(
        BRAM,
        action_id=ActionId.DIRECTORY_JOIN,
        value=button["value"],
        block_id="directory",
        message={"ts": "1700000000.000100", "channel": "C0GENERAL", "blocks": listing["blocks"]},
    )
    assert clicked.status == 200 and not clicked.body
    modal = wait_view(fake_slack, BRAM, CallbackId.MEMBERSHIP)
    submitted = sim.submit(BRAM, modal, {ActionId.MEMBERSHIP_TYPE: "participant"})
    # The ack's payload turns the modal into the confirmation.
    assert submitted.json["response_action"] == "update"
    sent = t("nl", "enroll.sent", number=number, name="Amersfoort")
    assert sent in str(submitted.json["view"]["blocks"])
    wait_dm(fake_slack, ANNE, "Bram Jansen")
    with db_engine.connect() as conn:
        statuses = conn.execute(select(Enrollment.status)).scalars().all()
    assert sorted(s.value for s in statuses) == sorted(
        [EnrollmentStatus.APPROVED.value, EnrollmentStatus.PENDING.value]
    )


def test_an_event_round_trips(sim: SlackSim, fake_slack: FakeSlack) -> None:
    opened = sim.open_home(ANNE)
    assert opened.status == 200 and not opened.body
    fake_slack.wait_for("views.publish", predicate=lambda call: call.body.get("user_id") == ANNE)


def test_healthz_is_served_and_the_events_endpoint_is_not(
    socket_runtime: Runtime, fake_slack: FakeSlack
) -> None:
    health = http_request(socket_runtime.port, "GET", "/healthz")
    assert (health.status, health.text) == (200, "ok")
    # A correctly signed request still finds no endpoint: in Socket Mode, Slack sends nothing by HTTP.
    http = SlackSim(port=socket_runtime.port, signing_secret=SIGNING_SECRET, fake=fake_slack)
    refused = http.post_form({"command": "/intervisie", "text": "help", "user_id": ANNE})
    assert refused.status == 404


def test_the_app_reconnects_when_slack_asks_and_keeps_answering(
    sim: SlackSim, socket_mode: SocketModeServer, fake_slack: FakeSlack
) -> None:
    socket_mode.disconnect("refresh_requested")
    socket_mode.wait_connected(count=2)
    # slack_sdk closes the old connection once its reader's 3 s receive timeout has passed.
    wait_until(lambda: socket_mode.connections == 1, timeout=10, what="the old connection to close")
    assert len(fake_slack.calls_to("apps.connections.open")) == 2
    assert sim.command(ANNE, "help").status == 200
    fake_slack.wait_for("response_url")


def test_the_app_stops_quickly_and_leaves_no_threads(
    settings: Settings, clean_db: Engine, socket_mode: SocketModeServer
) -> None:
    before = set(threading.enumerate())
    runtime = Runtime(replace(settings, slack_app_token=APP_TOKEN))
    runtime.start()
    try:
        socket_mode.wait_connected()
        sim = SocketModeSim(server=socket_mode, fake=socket_mode.fake, team_id=TEAM)
        assert sim.command(ANNE, "help").status == 200
        socket_mode.fake.wait_for("response_url")
    finally:
        started = time.monotonic()
        runtime.stop(timeout=5)
        stopped_in = time.monotonic() - started
    assert stopped_in < 2.0  # the built-in client alone waits out a 3 s receive timeout
    assert _threads_left(before) == []


def test_stopping_acks_the_envelope_in_hand_and_finishes_its_work(
    socket_mode: SocketModeServer,
    make_runtime: RuntimeFactory,
    fake_slack: FakeSlack,
    db_engine: Engine,
) -> None:
    clock = ManualClock(datetime.now(UTC))
    runtime = make_runtime(clock=clock, slack_app_token=APP_TOKEN)
    socket_mode.wait_connected()
    sim = SocketModeSim(server=socket_mode, fake=fake_slack, team_id=TEAM)
    sim.command(ANNE, "nieuw")
    view = wait_view(fake_slack, ANNE, CallbackId.CREATE_GROUP)
    # An hour on, Anne's cached profile is stale: her submit waits for users.info before its ack.
    clock.advance(timedelta(hours=2))
    fake_slack.delay_next("users.info", seconds=2.0)
    acks: list[HttpResult] = []
    values = {ActionId.NAME: "Laatste", ActionId.REGION: "Utrecht"}
    submitting = threading.Thread(target=lambda: acks.append(sim.submit(ANNE, view, values)))
    submitting.start()
    time.sleep(0.8)  # the envelope is in the app's hands; its ack is still more than a second away
    runtime.stop(timeout=5)
    submitting.join(timeout=15)
    assert [(ack.status, ack.body) for ack in acks] == [(200, b"")]
    with db_engine.connect() as conn:
        assert conn.execute(select(Group.name)).scalars().all() == ["Laatste"]


def _threads_left(before: set[threading.Thread], *, timeout: float = 5.0) -> list[str]:
    """Names of threads started since `before` that are still alive after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        left = sorted(t.name for t in threading.enumerate() if t not in before and t.is_alive())
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.05)


# ----------------------------------------------------------------- the sandbox's server itself


def test_a_ticket_opens_one_connection_and_starts_with_hello(
    socket_mode: SocketModeServer, fake_slack: FakeSlack
) -> None:
    url = _open_url(fake_slack, APP_TOKEN)
    assert url.startswith(f"ws://127.0.0.1:{socket_mode.port}/link/?ticket=")
    with connect(url) as ws:
        hello = json.loads(ws.recv(timeout=5))
        assert hello["type"] == "hello"
        assert hello["connection_info"] == {"app_id": socket_mode.app_id}
    with pytest.raises(InvalidStatus) as refused, connect(url):
        pass
    assert refused.value.response.status_code == 401


def test_a_bot_token_gets_no_connection(
    socket_mode: SocketModeServer, fake_slack: FakeSlack
) -> None:
    url = _open_url(fake_slack, "xoxb-test-token")
    with pytest.raises(InvalidStatus) as refused, connect(url):
        pass
    assert refused.value.response.status_code == 401
    assert fake_slack.violations == [
        "apps.connections.open: called with a token that is not app-level (xapp-)"
    ]
    fake_slack.violations.clear()


def test_an_envelope_without_ack_times_out_and_the_ack_carries_the_payload(
    socket_mode: SocketModeServer, fake_slack: FakeSlack
) -> None:
    with connect(_open_url(fake_slack, APP_TOKEN)) as ws:
        json.loads(ws.recv(timeout=5))  # hello
        with pytest.raises(AckTimeout):
            socket_mode.slash_command({"command": "/intervisie", "text": "help"}, timeout=0.2)
        envelope = json.loads(ws.recv(timeout=5))
        assert (envelope["type"], envelope["accepts_response_payload"]) == ("slash_commands", True)
        assert envelope["payload"] == {"command": "/intervisie", "text": "help"}

        answered: list[Ack] = []
        worker = threading.Thread(
            target=lambda: answered.append(
                socket_mode.interactive({"type": "view_submission", "view": {}}, timeout=5)
            )
        )
        worker.start()
        submission = json.loads(ws.recv(timeout=5))
        assert submission["accepts_response_payload"] is True
        reply = {"response_action": "errors", "errors": {"name": "x"}}
        ws.send(json.dumps({"envelope_id": submission["envelope_id"], "payload": reply}))
        worker.join(timeout=5)
    assert [ack.payload for ack in answered] == [reply]


def _open_url(fake: FakeSlack, token: str) -> str:
    """Call apps.connections.open on the fake as slack_sdk does (token in the header)."""
    return str(WebClient(base_url=fake.base_url).apps_connections_open(app_token=token)["url"])
