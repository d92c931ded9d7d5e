"""Issue 6, requests: anything not signed by Slack just now (wrong or replayed signature, stale or
future timestamp, missing headers, a body that is not UTF-8) is refused and nothing else happens;
calendar feeds answer every unknown token with the same bare 404, /verify every unknown code with
one explanatory 404 page, and their tokens carry at least 128 bits, so they cannot be enumerated."""

from __future__ import annotations

import contextlib
import json
import re
import socket
import time
from urllib.parse import quote, urlencode

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import HttpResult, SlackSim, http_request, sign
from bot.server import Runtime
from bot.services.calendar import new_calendar_token
from bot.services.certificates import new_verification_code
from storage.models import Group, Person, ProcessedEvent
from tests.conftest import SIGNING_SECRET
from tests.groups_fixtures import create_group

# Listeners run after the ack: how long a refused request gets to (wrongly) do something.
SETTLE = 0.4
HELP = {"command": "/intervisie", "text": "help", "user_id": "UANNE001", "team_id": "T1"}


def _nothing_happened(fake: FakeSlack, engine: Engine) -> None:
    time.sleep(SETTLE)
    assert [c.method for c in fake.calls if c.method != "auth.test"] == []
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Person)) == 0
        assert session.scalar(select(func.count()).select_from(ProcessedEvent)) == 0


def _raw(runtime: Runtime, body: bytes, headers: dict[str, str]) -> HttpResult:
    return http_request(runtime.port, "POST", "/slack/events", body=body, headers=headers)


def test_a_replayed_body_with_a_new_timestamp_but_its_old_signature_is_refused(
    runtime: Runtime, slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    """Signature checks: a captured request replayed with a fresh timestamp (to get past the
    5-minute window) no longer matches its signature: 401, nothing done."""
    fields = {**HELP, "response_url": fake_slack.new_response_url()}
    body = urlencode(fields)
    old = int(time.time()) - 10 * 60
    signature = sign(SIGNING_SECRET, str(old), body)
    result = slack.post(
        body,
        content_type="application/x-www-form-urlencoded",
        timestamp=int(time.time()),
        signature=signature,
    )
    assert result.status == 401
    _nothing_happened(fake_slack, db_engine)


@pytest.mark.parametrize(
    ("what", "timestamp", "signature"),
    [
        ("signed with another secret", None, "other"),
        ("timestamp six minutes ahead", 6 * 60, None),
        ("signature not in v0= form", None, "sha256=abc"),
        ("empty signature", None, ""),
        ("timestamp not a number", "soon", None),
    ],
)
def test_badly_signed_commands_are_refused(
    runtime: Runtime,
    fake_slack: FakeSlack,
    db_engine: Engine,
    what: str,
    timestamp: int | str | None,
    signature: str | None,
) -> None:
    """Signature checks: every kind of bad signature or timestamp is a 401 and does nothing."""
    body = urlencode({**HELP, "response_url": fake_slack.new_response_url()})
    ts = str(int(time.time()) + timestamp) if isinstance(timestamp, int) else timestamp
    ts = ts or str(int(time.time()))
    if signature == "other":
        signature = sign("not-the-secret", ts, body)
    elif signature is None:
        signature = sign(SIGNING_SECRET, ts, body)
    result = _raw(
        runtime,
        body.encode(),
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": signature,
        },
    )
    assert result.status in (400, 401), what
    _nothing_happened(fake_slack, db_engine)


def test_a_badly_signed_event_is_refused_and_not_recorded(
    runtime: Runtime, slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    """An Events API request with a wrong signature publishes nothing and records no event id."""
    body = json.dumps(
        {
            "type": "event_callback",
            "team_id": "T1",
            "event_id": "Ev0FORGED001",
            "event": {"type": "app_home_opened", "user": "UANNE001", "tab": "home"},
        }
    )
    result = slack.post(body, content_type="application/json", signature="v0=" + "1" * 64)
    assert result.status == 401
    _nothing_happened(fake_slack, db_engine)


def test_only_the_timestamp_header_missing_is_refused(
    runtime: Runtime, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    """Missing headers: a signature without its timestamp header is a 401."""
    body = urlencode({**HELP, "response_url": fake_slack.new_response_url()})
    ts = str(int(time.time()))
    result = _raw(
        runtime,
        body.encode(),
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Signature": sign(SIGNING_SECRET, ts, body),
        },
    )
    assert result.status == 401
    _nothing_happened(fake_slack, db_engine)


def test_a_body_that_is_not_utf8_is_refused(
    runtime: Runtime, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    """Malformed bodies: bytes that are not UTF-8 get a 400 before anything reads them."""
    body = b"command=%2Fintervisie&text=\xff\xfe"
    ts = str(int(time.time()))
    signature = sign(SIGNING_SECRET, ts, body.decode("latin-1"))
    result = _raw(
        runtime,
        body,
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": signature,
        },
    )
    assert result.status == 400
    _nothing_happened(fake_slack, db_engine)


def test_an_oversized_body_that_is_sent_in_full_is_refused(
    runtime: Runtime, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    """Oversized bodies: a correctly signed request over the size limit is refused (413) and
    nothing happens, even when the client pushes the whole body."""
    body = urlencode({**HELP, "text": "x" * (runtime.settings.max_request_bytes + 10)})
    ts = str(int(time.time()))
    head = (
        "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"X-Slack-Request-Timestamp: {ts}\r\n"
        f"X-Slack-Signature: {sign(SIGNING_SECRET, ts, body)}\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", runtime.port), timeout=10) as sock:
        # The server may answer and close before taking the rest: that is the point.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(head.encode() + body.encode())
        status_line = sock.recv(200).split(b"\r\n", 1)[0]
    assert status_line.split()[1] == b"413", status_line
    _nothing_happened(fake_slack, db_engine)


# ----------------------------------------------------------------------------- feeds and /verify

UNKNOWN_TOKENS = (
    "A" * 43,  # looks like a real token
    new_calendar_token(),  # a real-format token nobody holds
    "short",
    "..%2F..%2Fetc%2Fpasswd",
    "1' OR '1'='1",
    "%00",
)


def _get(runtime: Runtime, path: str, *, json_please: bool = False) -> HttpResult:
    headers = {"Accept": "application/json"} if json_please else {}
    return http_request(runtime.port, "GET", quote(path, safe="/%"), headers=headers)


def test_unknown_feed_and_verify_tokens_all_get_the_same_404(
    runtime: Runtime, slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    """Feeds and /verify leak nothing: every unknown feed token, of any shape, gets exactly the
    same 404 as an unknown path, and every unknown verify code one and the same 404 page (it says
    what to check, issue 18), while the real group token works."""
    create_group(slack, fake_slack, "UANNE001", name="Feeds")
    with Session(db_engine) as session:
        token = session.scalars(select(Group.calendar_token)).one()
    assert _get(runtime, f"/ical/group/{token}.ics").status == 200

    reference = _get(runtime, "/no/such/page")
    assert reference.status == 404
    feeds = []
    verify: dict[bool, set[tuple[int, bytes, str | None]]] = {False: set(), True: set()}
    for unknown in UNKNOWN_TOKENS:
        for json_please in (False, True):
            for path in (f"/ical/group/{unknown}.ics", f"/ical/member/{unknown}.ics"):
                answer = _get(runtime, path, json_please=json_please)
                feeds.append((answer.status, answer.body, answer.headers.get("content-type")))
            answer = _get(runtime, f"/verify/{unknown}", json_please=json_please)
            verify[json_please].add(
                (answer.status, answer.body, answer.headers.get("content-type"))
            )
    assert set(feeds) == {(404, reference.body, reference.headers.get("content-type"))}
    for json_please, answers in verify.items():
        assert len(answers) == 1, json_please  # the same answer for every unknown code
        [(status, _, _)] = answers
        assert status == 404
    # Nothing in a refusal names the token or hints at how close it was.
    bodies = [body for _, body, _ in feeds] + [
        body for answers in verify.values() for _, body, _ in answers
    ]
    assert all(b"token" not in body.lower() for body in bodies)


def test_tokens_and_codes_carry_at_least_128_bits(
    slack: SlackSim, fake_slack: FakeSlack, db_engine: Engine
) -> None:
    """Not enumerable: feed tokens (group, member) and verification codes are URL-safe random
    strings of at least 22 characters (6 bits each: >= 128 bits), and never repeat."""
    urlsafe = re.compile(r"^[A-Za-z0-9_-]+$")
    create_group(slack, fake_slack, "UANNE001", name="Entropie")
    with Session(db_engine) as session:
        group_token = session.scalars(select(Group.calendar_token)).one()
    samples = [group_token, *(new_calendar_token() for _ in range(50))]
    samples += [new_verification_code() for _ in range(50)]
    for token in samples:
        assert urlsafe.match(token), token
        assert len(token) * 6 >= 128, token
    assert len(set(samples)) == len(samples)
