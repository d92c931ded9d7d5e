"""Tests that the fake Slack server and the Block Kit checker behave like Slack for slack_sdk."""

from __future__ import annotations

import json
import threading
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.webhook import WebhookClient

from bot.devtools.blockkit import assert_valid_message, assert_valid_view, check_message, check_view
from bot.devtools.fake_slack import FakeSlack

JSON = dict[str, Any]


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    """A running fake with one registered user."""
    with FakeSlack() as server:
        server.add_user("U1", real_name="An Jansen")
        yield server


@pytest.fixture
def client(fake: FakeSlack) -> WebClient:
    """A real slack_sdk client talking to the fake."""
    return WebClient(base_url=fake.base_url, token="xoxb-test", timeout=5)


def pt(text: str) -> JSON:
    """A plain_text object."""
    return {"type": "plain_text", "text": text}


def section(text: str = "Hallo", **extra: Any) -> JSON:
    """A section block with mrkdwn text."""
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}, **extra}


def button(text: str = "Go", action_id: str = "go", **extra: Any) -> JSON:
    """A button element."""
    return {"type": "button", "text": pt(text), "action_id": action_id, **extra}


def option(text: str = "A", value: str = "a") -> JSON:
    """An option object."""
    return {"text": pt(text), "value": value}


def modal(blocks: list[JSON], **extra: Any) -> JSON:
    """A modal view with a valid title and close button."""
    return {
        "type": "modal",
        "title": pt("Intervisie"),
        "close": pt("Sluiten"),
        "blocks": blocks,
        **extra,
    }


def text_input(**element: Any) -> JSON:
    """An input block wrapping a plain_text_input."""
    return {
        "type": "input",
        "block_id": "notes",
        "label": pt("Notities"),
        "element": {"type": "plain_text_input", "action_id": "notes", **element},
    }


def msg(*blocks: JSON) -> list[str]:
    """Check a message with fallback text and these blocks."""
    return check_message(text="fallback", blocks=list(blocks))


def view_of(*blocks: JSON, **extra: Any) -> list[str]:
    """Check a modal with a submit button and these blocks."""
    return check_view(modal(list(blocks), **{"submit": pt("Opslaan"), **extra}))


def actions(*elements: JSON) -> JSON:
    """An actions block."""
    return {"type": "actions", "elements": list(elements)}


def select(options: list[JSON] | None = None, **extra: Any) -> JSON:
    """A section with a static_select accessory."""
    accessory = {"type": "static_select", "action_id": "pick", "placeholder": pt("Kies"), **extra}
    if options is not None:
        accessory["options"] = options
    return section(accessory=accessory)


def confirm(**overrides: str) -> JSON:
    """A button with a confirmation dialog."""
    texts = {"title": "Zeker?", "text": "Echt doen?", "confirm": "Ja", "deny": "Nee", **overrides}
    return actions(button(confirm={k: pt(v) for k, v in texts.items()}))


def choices(kind: str, count: int) -> JSON:
    """An input block with a radio_buttons or checkboxes element."""
    opts = [option(f"Optie {i}", f"v{i}") for i in range(count)]
    return {
        "type": "input",
        "label": pt("Kies"),
        "element": {"type": kind, "action_id": "choice", "options": opts},
    }


# ---------------------------------------------------------------------------- Web API basics


def test_auth_test_and_token_recording(fake: FakeSlack, client: WebClient) -> None:
    """auth.test answers the bot identity and the call records the bearer token."""
    response = client.auth_test()
    assert (response["team_id"], response["user_id"], response["bot_id"]) == ("T1", "UBOT", "BBOT")
    (call,) = fake.calls_to("auth.test")
    assert call.token == "xoxb-test"
    assert call.status == 200


def test_missing_token_is_not_authed(fake: FakeSlack) -> None:
    """Slack refuses calls without a token."""
    with pytest.raises(SlackApiError) as err:
        WebClient(base_url=fake.base_url).auth_test()
    assert err.value.response["error"] == "not_authed"


def test_unknown_method(client: WebClient) -> None:
    """Methods the fake does not implement say so instead of pretending success."""
    with pytest.raises(SlackApiError) as err:
        client.api_call("bookmarks.add")
    assert err.value.response["error"] == "unknown_method"


def test_users_info_with_locale(client: WebClient) -> None:
    """users.info returns the registered user; locale only when asked for."""
    user = client.users_info(user="U1", include_locale=True)["user"]
    assert user["locale"] == "nl-NL"
    assert user["tz"] == "Europe/Amsterdam"
    assert user["tz_offset"] in (3600, 7200)
    assert user["profile"]["real_name"] == "An Jansen"
    assert "locale" not in client.users_info(user="U1")["user"]
    with pytest.raises(SlackApiError) as err:
        client.users_info(user="U404")
    assert err.value.response["error"] == "user_not_found"


def test_dm_post_update_history(fake: FakeSlack, client: WebClient) -> None:
    """A DM can be opened, posted to, updated, and found again in the history."""
    channel = client.conversations_open(users="U1")["channel"]["id"]
    assert channel == "DU1"
    meta = {"event_type": "intervisie_invite", "event_payload": {"session": 7}}
    first = client.chat_postMessage(channel="U1", text="Uitnodiging", metadata=meta)
    assert first["channel"] == channel
    second = client.chat_postMessage(channel=channel, text="Herinnering", blocks=[section()])
    assert float(second["ts"]) > float(first["ts"])

    client.chat_update(channel=channel, ts=first["ts"], text="Uitnodiging (gewijzigd)")
    stored = fake.messages("U1")
    assert [m["text"] for m in stored] == ["Uitnodiging (gewijzigd)", "Herinnering"]
    assert stored[0]["updated"] == 1
    assert stored[0]["metadata"] == meta
    assert stored[1]["blocks"] == [section()]

    history = client.conversations_history(channel=channel, include_all_metadata=True)
    assert [m["ts"] for m in history["messages"]] == [second["ts"], first["ts"]]
    assert history["messages"][1]["metadata"] == meta
    plain = client.conversations_history(channel=channel, limit=1)
    assert "metadata" not in plain["messages"][0]
    assert plain["has_more"] is True
    newer = client.conversations_history(channel=channel, oldest=first["ts"])
    assert [m["ts"] for m in newer["messages"]] == [second["ts"]]


def test_update_and_delete_need_the_dm_id(fake: FakeSlack, client: WebClient) -> None:
    """chat.update/delete want the conversation id, not a user id, and a known ts."""
    posted = client.chat_postMessage(channel="U1", text="Hoi")
    attempts: tuple[Callable[[], object], ...] = (
        lambda: client.chat_update(channel="U1", ts=posted["ts"], text="x"),
        lambda: client.chat_delete(channel="U1", ts=posted["ts"]),
    )
    for call in attempts:
        with pytest.raises(SlackApiError) as err:
            call()
        assert err.value.response["error"] == "channel_not_found"
    with pytest.raises(SlackApiError) as err:
        client.chat_update(channel="DU1", ts="1.000000", text="x")
    assert err.value.response["error"] == "message_not_found"
    client.chat_delete(channel="DU1", ts=posted["ts"])
    assert fake.messages("DU1") == []


@pytest.mark.filterwarnings("ignore:The top-level `text` argument is missing:UserWarning")
def test_post_message_argument_errors(fake: FakeSlack, client: WebClient) -> None:
    """chat.postMessage needs a channel and some content."""
    with pytest.raises(SlackApiError) as err:
        client.chat_postMessage(channel="DU1")
    assert err.value.response["error"] == "no_text"
    with pytest.raises(SlackApiError) as err:
        client.api_call("chat.postMessage", json={"text": "x"})
    assert err.value.response["error"] == "channel_not_found"
    assert fake.violations == []


def test_form_encoded_blocks_are_decoded(fake: FakeSlack, client: WebClient) -> None:
    """Form bodies carry blocks as a JSON string; the fake stores them as objects."""
    data = {"channel": "C1", "text": "t", "blocks": json.dumps([section()])}
    client.api_call("chat.postMessage", data=data)
    (call,) = fake.calls_to("chat.postMessage")
    assert call.headers["Content-Type"].startswith("application/x-www-form-urlencoded")
    assert call.body["blocks"] == [section()]
    assert fake.messages("C1")[0]["blocks"] == [section()]


def test_post_ephemeral(fake: FakeSlack, client: WebClient) -> None:
    """Ephemeral messages are kept per user."""
    response = client.chat_postEphemeral(channel="C1", user="U1", text="Alleen voor jou")
    (stored,) = fake.ephemerals("U1")
    assert stored["message_ts"] == response["message_ts"]
    assert stored["text"] == "Alleen voor jou"


def test_invalid_blocks_are_rejected_and_recorded(fake: FakeSlack, client: WebClient) -> None:
    """A header over 150 characters fails like Slack and lands in violations."""
    with pytest.raises(SlackApiError) as err:
        client.chat_postMessage(
            channel="U1", text="t", blocks=[{"type": "header", "text": pt("x" * 151)}]
        )
    assert err.value.response["error"] == "invalid_blocks"
    assert any("151 characters" in e for e in err.value.response["errors"])
    assert len(fake.violations) == 1
    assert fake.violations[0].startswith("chat.postMessage:")
    assert fake.messages("U1") == []


# ---------------------------------------------------------------------------- views


def test_views_open_fresh_trigger(fake: FakeSlack, client: WebClient) -> None:
    """A fresh trigger opens the modal and remembers whose it is."""
    trigger = fake.new_trigger_id("U1")
    view = client.views_open(trigger_id=trigger, view=modal([section()], callback_id="cb"))["view"]
    assert view["id"].startswith("V")
    assert view["hash"]
    assert view["callback_id"] == "cb"
    assert fake.views[view["id"]]["title"] == pt("Intervisie")
    assert [v["id"] for v in fake.opened_views("U1")] == [view["id"]]
    assert fake.opened_views("U2") == []


def test_views_open_reused_trigger(fake: FakeSlack, client: WebClient) -> None:
    """A trigger works once."""
    trigger = fake.new_trigger_id("U1")
    client.views_open(trigger_id=trigger, view=modal([section()]))
    with pytest.raises(SlackApiError) as err:
        client.views_open(trigger_id=trigger, view=modal([section()]))
    assert err.value.response["error"] == "expired_trigger_id"
    assert len(fake.opened_views()) == 1


def test_views_open_expired_trigger(fake: FakeSlack, client: WebClient) -> None:
    """A trigger older than TRIGGER_TTL is expired."""
    fake.TRIGGER_TTL = 0.05
    trigger = fake.new_trigger_id("U1")
    time.sleep(0.1)
    with pytest.raises(SlackApiError) as err:
        client.views_open(trigger_id=trigger, view=modal([section()]))
    assert err.value.response["error"] == "expired_trigger_id"
    assert fake.opened_views() == []


def test_views_open_unknown_trigger(client: WebClient) -> None:
    """A trigger the fake never minted is invalid."""
    with pytest.raises(SlackApiError) as err:
        client.views_open(trigger_id="123.456.abc", view=modal([section()]))
    assert err.value.response["error"] == "invalid_trigger_id"


@pytest.mark.parametrize(
    "view",
    [
        pytest.param(modal([section()], title=pt("x" * 30)), id="title-30-chars"),
        pytest.param(modal([text_input()]), id="input-without-submit"),
    ],
)
def test_invalid_view_is_rejected(fake: FakeSlack, client: WebClient, view: JSON) -> None:
    """Slack answers invalid_arguments for a bad view; the fake also records a violation."""
    trigger = fake.new_trigger_id("U1")
    with pytest.raises(SlackApiError) as err:
        client.views_open(trigger_id=trigger, view=view)
    assert err.value.response["error"] == "invalid_arguments"
    assert err.value.response["response_metadata"]["messages"]
    assert len(fake.violations) == 1
    assert fake.violations[0].startswith("views.open:")
    # The rejected payload did not burn the trigger.
    client.views_open(trigger_id=trigger, view=modal([section()]))


def test_views_push_and_update(fake: FakeSlack, client: WebClient) -> None:
    """views.push stacks on the open modal; views.update honours hash and external_id."""
    root = client.views_open(trigger_id=fake.new_trigger_id("U1"), view=modal([section()]))["view"]
    pushed = client.views_push(
        trigger_id=fake.new_trigger_id("U1"), view=modal([section("Stap 2")], external_id="ext-1")
    )["view"]
    assert pushed["root_view_id"] == root["id"]
    assert pushed["previous_view_id"] == root["id"]

    with pytest.raises(SlackApiError) as err:
        client.views_update(view_id=root["id"], hash="stale", view=modal([section("Nieuw")]))
    assert err.value.response["error"] == "hash_conflict"
    updated = client.views_update(
        view_id=root["id"], hash=root["hash"], view=modal([section("Nieuw")])
    )["view"]
    assert updated["id"] == root["id"]
    assert updated["hash"] != root["hash"]
    assert fake.views[root["id"]]["blocks"] == [section("Nieuw")]

    by_external = client.views_update(external_id="ext-1", view=modal([section("Stap 3")]))
    assert by_external["view"]["id"] == pushed["id"]
    with pytest.raises(SlackApiError) as err:
        client.views_update(view_id="V404", view=modal([section()]))
    assert err.value.response["error"] == "not_found"


def test_views_publish(fake: FakeSlack, client: WebClient) -> None:
    """views.publish stores the latest home tab per user, keeping its view id."""
    home = {"type": "home", "blocks": [section("Welkom")]}
    first = client.views_publish(user_id="U1", view=home)["view"]
    second = client.views_publish(user_id="U1", view={**home, "blocks": [section("Bijgewerkt")]})
    assert second["view"]["id"] == first["id"]
    assert fake.home_views["U1"]["blocks"] == [section("Bijgewerkt")]
    with pytest.raises(SlackApiError) as err:
        client.views_publish(user_id="U1", view=modal([section()]))
    assert err.value.response["error"] == "invalid_arguments"
    assert len(fake.violations) == 1


# ---------------------------------------------------------------------------- files


def test_files_upload_v2_stores_bytes_and_channel(fake: FakeSlack, client: WebClient) -> None:
    """files_upload_v2 goes through all three steps and the bytes arrive intact."""
    data = bytes(range(256)) * 3 + b"\r\n--boundary\r\n"
    response = client.files_upload_v2(
        content=data, filename="verslag.pdf", title="Verslag", channel="DU1", initial_comment="Hier"
    )
    assert response["file"]["title"] == "Verslag"
    (uploaded,) = fake.uploaded_files()
    assert uploaded.content == data
    assert (uploaded.filename, uploaded.title) == ("verslag.pdf", "Verslag")
    assert (uploaded.channel, uploaded.initial_comment, uploaded.completed) == ("DU1", "Hier", True)
    assert [c.method for c in fake.calls] == [
        "files.getUploadURLExternal",
        "upload",
        "files.completeUploadExternal",
    ]


def test_multipart_upload_is_understood(fake: FakeSlack, client: WebClient) -> None:
    """Uploads sent as multipart form-data store the file part, not the envelope."""
    data = b"\x00\x01binary\r\n\xff"
    target = client.files_getUploadURLExternal(filename="a.bin", length=len(data))
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="filename"\r\n\r\na.bin\r\n'
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="file"; filename="a.bin"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    request = urllib.request.Request(
        target["upload_url"],
        data=body,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    with urllib.request.urlopen(request, timeout=5) as reply:
        assert reply.read() == f"OK - {len(data)}".encode()
    assert fake.uploaded_files()[0].content == data


def test_complete_upload_requires_uploaded_file(fake: FakeSlack, client: WebClient) -> None:
    """Completing an unknown or never-uploaded file id fails with file_not_found."""
    target = client.files_getUploadURLExternal(filename="a.txt", length=3)
    for file_id in (target["file_id"], "F404"):
        with pytest.raises(SlackApiError) as err:
            client.files_completeUploadExternal(files=[{"id": file_id, "title": "a"}])
        assert err.value.response["error"] == "file_not_found"
    assert fake.uploaded_files()[0].completed is False


def test_upload_step_failure_is_an_http_error(fake: FakeSlack, client: WebClient) -> None:
    """slack_sdk lets a failed upload POST escape as urllib's HTTPError, not SlackApiError."""
    fake.fail_next("upload", status=500)
    with pytest.raises(urllib.error.HTTPError) as err:
        client.files_upload_v2(content=b"abc", filename="a.txt", channel="DU1")
    assert err.value.code == 500
    assert fake.calls_to("files.completeUploadExternal", ok_only=False) == []
    assert fake.uploaded_files()[0].content == b""


# ---------------------------------------------------------------------------- response_url


def test_response_url_post_is_recorded(fake: FakeSlack) -> None:
    """Posts to a response_url are recorded as response_url calls with their JSON body."""
    url = fake.new_response_url()
    reply = WebhookClient(url).send(text="Gelukt", replace_original=True)
    assert (reply.status_code, reply.body) == (200, "ok")
    (call,) = fake.wait_for("response_url")
    assert call.body == {"text": "Gelukt", "replace_original": True}
    assert call.path.endswith(url.rsplit("/", 1)[1])


def test_response_url_with_invalid_blocks(fake: FakeSlack) -> None:
    """Invalid blocks posted to a response_url are refused and recorded."""
    url = fake.new_response_url()
    reply = WebhookClient(url).send(text="t", blocks=[section("x" * 3001)])
    assert (reply.status_code, reply.body) == (400, "invalid_blocks")
    assert fake.calls_to("response_url") == []
    assert len(fake.violations) == 1


def test_unknown_response_url(fake: FakeSlack) -> None:
    """A response_url the fake never minted answers 404."""
    reply = WebhookClient(fake.url + "response/nope").send(text="t")
    assert reply.status_code == 404


# ---------------------------------------------------------------------------- fault injection


def test_fail_next_429_raises_with_retry_after(fake: FakeSlack, client: WebClient) -> None:
    """A rate limited call raises SlackApiError with status 429 and Retry-After, no effect."""
    fake.fail_next("chat.postMessage", retry_after=7)
    with pytest.raises(SlackApiError) as err:
        client.chat_postMessage(channel="U1", text="Hoi")
    assert err.value.response.status_code == 429
    assert err.value.response.headers["Retry-After"] == "7"
    assert err.value.response["error"] == "ratelimited"
    assert fake.messages("U1") == []
    (call,) = fake.calls_to("chat.postMessage", ok_only=False)
    assert call.status == 429
    client.chat_postMessage(channel="U1", text="Hoi")
    assert len(fake.messages("U1")) == 1


def test_rate_limit_retry_handler_recovers(fake: FakeSlack, client: WebClient) -> None:
    """slack_sdk's RateLimitErrorRetryHandler retries after the 429 and succeeds."""
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=1))
    fake.fail_next("chat.postMessage", retry_after=0)
    response = client.chat_postMessage(channel="U1", text="Hoi")
    assert response.status_code == 200
    statuses = [c.status for c in fake.calls_to("chat.postMessage", ok_only=False)]
    assert statuses == [429, 200]
    assert len(fake.messages("U1")) == 1


def test_fail_next_500_and_error(fake: FakeSlack, client: WebClient) -> None:
    """Server errors and API errors can be injected; only the targeted method fails."""
    fake.fail_next("users.info", status=500)
    fake.fail_next("chat.postMessage", error="channel_not_found")
    client.auth_test()
    with pytest.raises(SlackApiError) as err:
        client.users_info(user="U1")
    assert err.value.response.status_code == 500
    with pytest.raises(SlackApiError) as err:
        client.chat_postMessage(channel="U1", text="Hoi")
    assert (err.value.response.status_code, err.value.response["error"]) == (
        200,
        "channel_not_found",
    )
    assert fake.messages("U1") == []
    client.users_info(user="U1")


def test_faults_queue_in_order(fake: FakeSlack, client: WebClient) -> None:
    """Queued faults are consumed first-come for the methods they target."""
    fake.fail_next("auth.test", status=503)
    fake.fail_next(count=2, status=502)
    statuses = []
    attempts: tuple[Callable[[], object], ...] = (
        lambda: client.users_info(user="U1"),
        client.auth_test,
        client.auth_test,
    )
    for call in attempts:
        with pytest.raises(SlackApiError) as err:
            call()
        statuses.append(err.value.response.status_code)
    assert statuses == [502, 503, 502]
    client.auth_test()


def test_fail_randomly_is_deterministic(fake: FakeSlack, client: WebClient) -> None:
    """A seed gives the same failure pattern; failed calls have no effect."""

    def run() -> list[int]:
        outcome = []
        for i in range(40):
            try:
                client.chat_postMessage(channel="C1", text=str(i))
                outcome.append(200)
            except SlackApiError as err:
                outcome.append(err.response.status_code)
        return outcome

    fake.fail_randomly(rate_429=0.3, rate_500=0.2, seed=42)
    first = run()
    assert 0 < first.count(200) < 40
    assert {429, 500} <= set(first)
    assert len(fake.messages("C1")) == first.count(200)
    fake.reset()
    fake.fail_randomly(rate_429=0.3, rate_500=0.2, seed=42)
    assert run() == first
    fake.stop_failing()
    client.chat_postMessage(channel="C1", text="ok")


def test_fail_randomly_respects_methods(fake: FakeSlack, client: WebClient) -> None:
    """Random failures can be limited to some methods."""
    fake.fail_randomly(rate_500=1.0, methods={"chat.postMessage"})
    client.auth_test()
    with pytest.raises(SlackApiError):
        client.chat_postMessage(channel="C1", text="x")


def test_delay_next_times_out_then_takes_effect(fake: FakeSlack) -> None:
    """A delayed call times the client out but still takes effect afterwards."""
    slow_client = WebClient(base_url=fake.base_url, token="xoxb-test", timeout=1)
    slow_client.retry_handlers.clear()  # the default handler would resend on the timeout
    fake.delay_next("chat.postMessage", seconds=1.5)
    with pytest.raises((TimeoutError, urllib.error.URLError)):
        slow_client.chat_postMessage(channel="U1", text="Traag")
    fake.wait_for("chat.postMessage", timeout=5)
    assert [m["text"] for m in fake.messages("U1")] == ["Traag"]


# ---------------------------------------------------------------------------- recording


def test_wait_for_blocks_until_calls_arrive(fake: FakeSlack, client: WebClient) -> None:
    """wait_for returns once enough matching calls exist."""

    def later() -> None:
        time.sleep(0.2)
        client.chat_postMessage(channel="C1", text="een")
        client.chat_postMessage(channel="C2", text="twee")

    worker = threading.Thread(target=later)
    worker.start()
    calls = fake.wait_for(
        "chat.postMessage", count=1, predicate=lambda c: c.body.get("channel") == "C2"
    )
    worker.join()
    assert calls[0].body["text"] == "twee"


def test_wait_for_timeout_lists_methods(fake: FakeSlack, client: WebClient) -> None:
    """wait_for fails with the calls it did see."""
    client.auth_test()
    with pytest.raises(AssertionError, match=r"auth\.test\(200\)"):
        fake.wait_for("chat.postMessage", timeout=0.2)


def test_reset_keeps_users(fake: FakeSlack, client: WebClient) -> None:
    """reset() forgets calls, messages and faults but keeps registered users."""
    client.chat_postMessage(channel="U1", text="Hoi")
    fake.fail_next("users.info")
    fake.reset()
    assert fake.calls == []
    assert fake.messages("U1") == []
    assert client.users_info(user="U1")["user"]["id"] == "U1"


def test_start_stop_without_context_manager() -> None:
    """start()/stop() work without the context manager and free the port."""
    server = FakeSlack().start()
    try:
        assert WebClient(base_url=server.base_url, token="x").auth_test()["ok"]
    finally:
        server.stop()
    with pytest.raises(RuntimeError):
        _ = server.url


# ---------------------------------------------------------------------------- Block Kit checker

Builder = Callable[[int], list[str]]

# (builder taking a size, size that passes, size that fails, fragment of the expected problem)
LIMIT_CASES: list[tuple[str, Builder, int, int, str]] = [
    # message level
    ("message-blocks", lambda n: msg(*[section() for _ in range(n)]), 50, 51, "51 blocks"),
    (
        "message-text",
        lambda n: check_message(text="x" * n, blocks=None),
        40_000,
        40_001,
        "text: 40001",
    ),
    (
        "fallback-text",
        lambda n: check_message(text="x" * n or None, blocks=[section()]),
        1,
        0,
        "fallback",
    ),
    # parsing
    ("unknown-block", lambda n: msg({"type": "divider" if n else "fancy"}), 1, 0, "unknown block"),
    ("sdk-parse", lambda n: msg(section() if n else {"type": "section"}), 1, 0, "slack_sdk"),
    # view level
    (
        "view-type",
        lambda n: check_view({**modal([section()]), "type": "modal" if n else "dialog"}),
        1,
        0,
        "view.type",
    ),
    ("view-blocks", lambda n: view_of(*[section() for _ in range(n)]), 100, 101, "101 blocks"),
    ("modal-title", lambda n: view_of(section(), title=pt("x" * n)), 24, 25, "view.title.text"),
    ("modal-title-empty", lambda n: view_of(section(), title=pt("x" * n)), 1, 0, "view.title"),
    ("modal-submit", lambda n: view_of(section(), submit=pt("x" * n)), 24, 25, "view.submit.text"),
    ("modal-close", lambda n: view_of(section(), close=pt("x" * n)), 24, 25, "view.close.text"),
    (
        "input-needs-submit",
        lambda n: check_view(modal([text_input()], **({"submit": pt("Ok")} if n else {}))),
        1,
        0,
        "view.submit",
    ),
    (
        "private-metadata",
        lambda n: view_of(section(), private_metadata="x" * n),
        3000,
        3001,
        "private_metadata",
    ),
    ("callback-id", lambda n: view_of(section(), callback_id="x" * n), 255, 256, "callback_id"),
    ("external-id", lambda n: view_of(section(), external_id="x" * n), 255, 256, "external_id"),
    # every block
    ("block-id", lambda n: msg(section(block_id="x" * n)), 255, 256, "blocks[0].block_id"),
    (
        "block-id-unique",
        lambda n: msg(section(block_id="a"), section(block_id="b" if n else "a")),
        1,
        0,
        "duplicate block_id",
    ),
    # section, header, context, actions
    ("section-text", lambda n: msg(section("x" * n)), 3000, 3001, "blocks[0].text.text"),
    (
        "section-fields",
        lambda n: msg({"type": "section", "fields": [pt("f")] * n}),
        10,
        11,
        "fields: 11 items",
    ),
    (
        "section-field-text",
        lambda n: msg({"type": "section", "fields": [pt("x" * n)]}),
        2000,
        2001,
        "fields[0].text",
    ),
    ("header-text", lambda n: msg({"type": "header", "text": pt("x" * n)}), 150, 151, "text.text"),
    ("header-empty", lambda n: msg({"type": "header", "text": pt("x" * n)}), 1, 0, "non-empty"),
    (
        "context-elements",
        lambda n: msg({"type": "context", "elements": [{"type": "mrkdwn", "text": "c"}] * n}),
        10,
        11,
        "elements: 11 items",
    ),
    (
        "actions-elements",
        lambda n: msg(actions(*[button(action_id=f"b{i}") for i in range(n)])),
        25,
        26,
        "elements: 26 items",
    ),
    ("action-id", lambda n: msg(actions(button(action_id="x" * n))), 255, 256, "action_id"),
    (
        "action-id-unique",
        lambda n: msg(actions(button(action_id="a"), button(action_id="b" if n else "a"))),
        1,
        0,
        "duplicate action_id",
    ),
    # buttons
    ("button-text", lambda n: msg(actions(button("x" * n))), 75, 76, "elements[0].text.text"),
    ("button-text-empty", lambda n: msg(actions(button("x" * n))), 1, 0, "non-empty"),
    ("button-value", lambda n: msg(actions(button(value="x" * n))), 2000, 2001, "value"),
    (
        "button-url",
        lambda n: msg(actions(button(url="https://e.nl/" + "x" * (n - 13)))),
        3000,
        3001,
        "url",
    ),
    # options and selects
    ("option-text", lambda n: msg(select([option("x" * n)])), 75, 76, "options[0].text.text"),
    ("option-text-empty", lambda n: msg(select([option("x" * n)])), 1, 0, "non-empty"),
    ("option-value", lambda n: msg(select([option(value="x" * n)])), 150, 151, "options[0].value"),
    (
        "select-options",
        lambda n: msg(select([option(str(i), str(i)) for i in range(n)])),
        100,
        101,
        "options: 101 items",
    ),
    (
        "select-option-groups",
        lambda n: msg(
            select(option_groups=[{"label": pt(f"g{i}"), "options": [option()]} for i in range(n)])
        ),
        100,
        101,
        "option_groups: 101 items",
    ),
    (
        "initial-option",
        lambda n: msg(select([option()], initial_option=option(value="x" * n))),
        150,
        151,
        "initial_option.value",
    ),
    ("radio-options", lambda n: view_of(choices("radio_buttons", n)), 10, 11, "options: 11 items"),
    ("checkbox-options", lambda n: view_of(choices("checkboxes", n)), 10, 11, "options: 11 items"),
    (
        "overflow-options",
        lambda n: msg(actions({"type": "overflow", "action_id": "o", "options": [option()] * n})),
        5,
        6,
        "options: 6 items",
    ),
    # inputs
    (
        "input-label",
        lambda n: view_of({**text_input(), "label": pt("x" * n)}),
        2000,
        2001,
        "label.text",
    ),
    ("input-label-empty", lambda n: view_of({**text_input(), "label": pt("x" * n)}), 1, 0, "label"),
    (
        "input-hint",
        lambda n: view_of({**text_input(), "hint": pt("x" * n)}),
        2000,
        2001,
        "hint.text",
    ),
    ("max-length", lambda n: view_of(text_input(max_length=n)), 3000, 3001, "max_length"),
    ("min-length", lambda n: view_of(text_input(min_length=n)), 3000, 3001, "min_length"),
    (
        "placeholder",
        lambda n: view_of(text_input(placeholder=pt("x" * n))),
        150,
        151,
        "placeholder.text",
    ),
    (
        "nested-select-in-input",
        lambda n: view_of(
            {
                "type": "input",
                "label": pt("Kies"),
                "element": {
                    "type": "static_select",
                    "action_id": "s",
                    "options": [option(value="x" * n)],
                },
            }
        ),
        150,
        151,
        "element.options[0].value",
    ),
    # confirmation dialogs
    ("confirm-title", lambda n: msg(confirm(title="x" * n)), 100, 101, "confirm.title.text"),
    ("confirm-text", lambda n: msg(confirm(text="x" * n)), 300, 301, "confirm.text.text"),
    ("confirm-confirm", lambda n: msg(confirm(confirm="x" * n)), 30, 31, "confirm.confirm.text"),
    ("confirm-deny", lambda n: msg(confirm(deny="x" * n)), 30, 31, "confirm.deny.text"),
]


@pytest.mark.parametrize(
    ("build", "good", "bad", "fragment"),
    [pytest.param(*case[1:], id=case[0]) for case in LIMIT_CASES],
)
def test_blockkit_limits(build: Builder, good: int, bad: int, fragment: str) -> None:
    """Each limit passes at its boundary and fails just past it, naming the culprit."""
    assert build(good) == []
    problems = build(bad)
    assert any(fragment in p for p in problems), problems


def test_same_action_id_in_different_blocks_is_fine() -> None:
    """action_id only needs to be unique within its block."""
    assert msg(actions(button(action_id="a")), actions(button(action_id="a"))) == []


def test_rich_text_passes_through() -> None:
    """Rich text blocks are accepted without limit checks on their inner elements."""
    rich = {
        "type": "rich_text",
        "elements": [{"type": "rich_text_section", "elements": [{"type": "text", "text": "hi"}]}],
    }
    assert msg(rich) == []


def test_home_view_needs_no_title() -> None:
    """Home tabs have no title/submit requirements."""
    assert check_view({"type": "home", "blocks": [text_input()]}) == []


def test_assert_helpers() -> None:
    """The assert_* helpers raise with every problem listed and pass valid payloads."""
    assert_valid_message(text="t", blocks=[section()])
    assert_valid_view(modal([section()]))
    with pytest.raises(AssertionError, match="fallback") as err:
        assert_valid_message(text=None, blocks=[{"type": "header", "text": pt("x" * 151)}])
    assert "151 characters" in str(err.value)
    with pytest.raises(AssertionError, match=r"view\.title\.text"):
        assert_valid_view(modal([section()], title=pt("x" * 25)))
