"""The app runs: signed requests are acked fast and answered in the user's language; unsigned or
stale ones are refused and change nothing; the App Home is published; /healthz tells the truth."""

from __future__ import annotations

import socket
import time
from dataclasses import replace

from sqlalchemy import Engine, func, select

from bot.devtools.blockkit import assert_valid_view
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim, http_request
from bot.server import Runtime, build_deps, healthz_route
from bot.settings import Settings
from bot.web import Router
from storage.models import Person
from tests.support.texts import said, texts_in


def _response_texts(fake: FakeSlack) -> list[str]:
    calls = fake.wait_for("response_url")
    return [str(c.body.get("text", "")) + str(c.body.get("blocks", "")) for c in calls]


def test_help_in_dutch_is_acked_fast_and_reaches_the_user(
    slack: SlackSim, fake_slack: FakeSlack
) -> None:
    result = slack.command("UANNE001", "help")
    assert result.status == 200
    assert result.elapsed < 1.0
    call = fake_slack.wait_for("response_url")[0]
    assert call.body["response_type"] == "ephemeral"
    text = texts_in(call.body["blocks"])
    assert said("help.title") in text
    assert said("help.cmd.help") in text


def test_help_in_english_for_an_english_slack_locale(
    slack: SlackSim, fake_slack: FakeSlack
) -> None:
    slack.command("UENG0012", "help")
    text = texts_in(fake_slack.wait_for("response_url")[0].body["blocks"])
    assert said("help.title", "en") in text
    assert said("help.title") not in text


def test_no_subcommand_and_unknown_subcommand_show_help(
    slack: SlackSim, fake_slack: FakeSlack
) -> None:
    slack.command("UANNE001", "")
    slack.command("UANNE001", "vliegen")
    calls = fake_slack.wait_for("response_url", count=2)
    texts = sorted(texts_in(c.body["blocks"]) for c in calls)
    assert any(said("help.unknown", sub="vliegen") in t for t in texts)
    assert all(said("help.title") in t for t in texts)


def test_unknown_subcommand_with_markup_is_escaped(slack: SlackSim, fake_slack: FakeSlack) -> None:
    slack.command("UANNE001", "<!channel>")
    text = str(fake_slack.wait_for("response_url")[0].body["blocks"])
    assert "<!channel>" not in text
    assert "&lt;!channel&gt;" in text


def test_first_contact_records_the_person_with_locale(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    slack.command("UENG0012", "help")
    fake_slack.wait_for("response_url")
    with db_engine.connect() as conn:
        row = conn.execute(
            select(Person.full_name, Person.locale, Person.tz).where(
                Person.slack_user_id == "UENG0012"
            )
        ).one()
    assert tuple(row) == ("Emily Clarke", "en-GB", "Europe/London")


def test_wrong_signature_is_refused_and_changes_nothing(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    result = slack.post_form(
        {"command": "/intervisie", "text": "help", "user_id": "UANNE001", "team_id": "T1"},
        signature="v0=" + "0" * 64,
    )
    assert result.status == 401
    time.sleep(0.3)
    assert fake_slack.calls_to("response_url") == []
    with db_engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Person)).scalar() == 0


def test_stale_timestamp_is_refused(slack: SlackSim, fake_slack: FakeSlack) -> None:
    stale = int(time.time()) - 6 * 60
    result = slack.post_form(
        {"command": "/intervisie", "text": "help", "user_id": "UANNE001", "team_id": "T1"},
        timestamp=stale,
    )
    assert result.status == 401
    time.sleep(0.3)
    assert fake_slack.calls_to("response_url") == []


def test_missing_signature_headers_are_refused(runtime: Runtime) -> None:
    result = http_request(
        runtime.port,
        "POST",
        "/slack/events",
        body=b"command=%2Fintervisie&text=help",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert result.status == 401


def test_oversized_body_is_refused_before_it_is_read(runtime: Runtime) -> None:
    # Announce a body over the limit: the server must answer 413 without waiting to read it.
    size = runtime.settings.max_request_bytes + 1
    with socket.create_connection(("127.0.0.1", runtime.port), timeout=10) as sock:
        sock.sendall(
            b"POST /slack/events HTTP/1.1\r\nHost: x\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            + f"Content-Length: {size}\r\n\r\n".encode()
            + b"x" * 1024
        )
        status_line = sock.recv(200).split(b"\r\n", 1)[0]
    assert status_line.split()[1] == b"413"


def test_app_home_opened_publishes_a_valid_home_view(
    slack: SlackSim, fake_slack: FakeSlack
) -> None:
    result = slack.open_home("UANNE001")
    assert result.status == 200
    call = fake_slack.wait_for("views.publish")[0]
    assert call.body["user_id"] == "UANNE001"
    view = call.body["view"]
    assert_valid_view(view)
    assert view["type"] == "home"
    assert said("home.title") in texts_in(view)
    assert said("home.welcome", name="Anne de Vries") in texts_in(view)


def test_app_home_in_english(slack: SlackSim, fake_slack: FakeSlack) -> None:
    slack.open_home("UENG0012")
    view = fake_slack.wait_for("views.publish")[0].body["view"]
    assert said("home.welcome", "en", name="Emily Clarke") in texts_in(view)


def test_healthz_reports_the_database(runtime: Runtime) -> None:
    assert http_request(runtime.port, "GET", "/healthz").text == "ok"


def test_healthz_is_503_when_the_database_does_not_answer(settings: Settings) -> None:
    # Nothing listens on port 1: the engine is built (lazily) but every connection fails.
    deps = build_deps(
        replace(settings, database_url="postgresql+psycopg://nobody@127.0.0.1:1/none")
    )
    status: list[str] = []
    body = Router([healthz_route(deps)])(
        {"PATH_INFO": "/healthz", "REQUEST_METHOD": "GET"},
        lambda s, _h: status.append(s),
    )
    assert status == ["503 Service Unavailable"]
    assert body == [b"database unreachable"]


def test_unknown_path_is_404(runtime: Runtime) -> None:
    assert http_request(runtime.port, "GET", "/nope").status == 404
