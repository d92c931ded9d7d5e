"""Issue 6, requests: anything not signed by Slack just now (wrong or replayed signature, stale or
future timestamp, missing headers, a body that is not UTF-8) is refused and nothing else happens;
calendar feeds answer every unknown token with the same bare 404, /verify every unknown code with
one explanatory 404 page, and their tokens carry at least 128 bits, so they cannot be enumerated."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import logging
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
from bot.web import ClientLimiter, Environ, Response, Router, route
from storage.models import Group, Person, ProcessedEvent
from tests.support.app import RuntimeFactory
from tests.support.groups import create_group
from tests.support.people import SIGNING_SECRET

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
    """Malformed bodies: bytes that are not UTF-8 get a 400 before anything reads them, when
    they are signed; unsigned (the signature is over the bytes as sent) they are a 401."""
    body = b"command=%2Fintervisie&text=\xff\xfe"
    headers = _signed_headers(body, content_type="application/x-www-form-urlencoded")
    assert _raw(runtime, body, headers).status == 400
    # Signed over the text as Latin-1 re-encoded to UTF-8: not the bytes that were sent.
    headers["X-Slack-Signature"] = sign(
        SIGNING_SECRET, headers["X-Slack-Request-Timestamp"], body.decode("latin-1")
    )
    assert _raw(runtime, body, headers).status == 401
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


# ----------------------------------------------------------------- malformed bodies (issue 17)

# Bodies that Bolt cannot turn into a payload. Unsigned they are refused like any unsigned
# request; correctly signed they are a client error. Neither may ever be a 500.
MALFORMED = [
    ("payload not JSON", b"payload=not-json", "application/x-www-form-urlencoded"),
    ("payload a JSON list", b"payload=%5B%5D", "application/x-www-form-urlencoded"),
    ("payload JSON null", b"payload=null", "application/x-www-form-urlencoded"),
    ("a form sent as JSON", b"command=%2Fintervisie&text=help", "application/json"),
    ("JSON that is a list", b"[1, 2]", "application/json"),
    ("JSON with no type", b'{"team_id": "T1"}', "application/json"),
    ("an empty body", b"", "application/x-www-form-urlencoded"),
]


def _signed_headers(
    body: bytes, *, content_type: str, timestamp: str | None = None
) -> dict[str, str]:
    ts = timestamp or str(int(time.time()))
    return {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": sign_bytes(SIGNING_SECRET, ts, body),
    }


def sign_bytes(secret: str, timestamp: str, body: bytes) -> str:
    """Slack's v0 signature over the exact bytes sent."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


@pytest.mark.parametrize(("what", "body", "content_type"), MALFORMED)
def test_malformed_bodies_without_a_valid_signature_are_401(
    runtime: Runtime,
    fake_slack: FakeSlack,
    db_engine: Engine,
    what: str,
    body: bytes,
    content_type: str,
) -> None:
    """The signature is checked on the raw bytes before anything parses the body: an unsigned
    malformed body is a plain 401, never a 500."""
    headers = _signed_headers(body, content_type=content_type)
    headers["X-Slack-Signature"] = sign_bytes(
        "not-the-secret", headers["X-Slack-Request-Timestamp"], body
    )
    assert _raw(runtime, body, headers).status == 401, what
    del headers["X-Slack-Signature"]
    assert _raw(runtime, body, headers).status == 401, what
    _nothing_happened(fake_slack, db_engine)


@pytest.mark.parametrize(("what", "body", "content_type"), MALFORMED)
def test_correctly_signed_garbage_is_400(
    runtime: Runtime,
    fake_slack: FakeSlack,
    db_engine: Engine,
    what: str,
    body: bytes,
    content_type: str,
) -> None:
    """Correctly signed but not a Slack payload: the client's fault (400), not the app's (500)."""
    result = _raw(runtime, body, _signed_headers(body, content_type=content_type))
    assert result.status == 400, what
    _nothing_happened(fake_slack, db_engine)


@pytest.mark.parametrize(
    ("what", "timestamp"),
    [
        ("400 digits", "1" * 400),
        ("20 digits", "9" * 20),
        ("Arabic-Indic digits", "١٧٠٠٠٠٠٠٠٠"),
        ("negative", "-1"),
        ("with a fraction", "1700000000.5"),
    ],
)
def test_a_malformed_timestamp_is_just_unsigned(
    runtime: Runtime, fake_slack: FakeSlack, db_engine: Engine, what: str, timestamp: str
) -> None:
    """A timestamp that is not a sane number of ASCII digits is a 401, even when the signature
    was made over it: it cannot be within five minutes of now."""
    body = urlencode({**HELP, "response_url": fake_slack.new_response_url()}).encode()
    headers = _signed_headers(body, content_type="application/x-www-form-urlencoded")
    headers["X-Slack-Request-Timestamp"] = timestamp
    headers["X-Slack-Signature"] = sign_bytes(SIGNING_SECRET, timestamp, body)
    # http.client refuses non-latin-1 header values: send the UTF-8 bytes as latin-1 text.
    headers = {k: v.encode().decode("latin-1") for k, v in headers.items()}
    assert _raw(runtime, body, headers).status == 401, what
    _nothing_happened(fake_slack, db_engine)


def test_a_refused_request_logs_one_line_and_never_its_body(
    runtime: Runtime, fake_slack: FakeSlack, db_engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    """Refused requests are logged as one line with the reason; the body (user ids, response
    URLs) never reaches the log, and there is no traceback."""
    caplog.set_level(logging.DEBUG)
    marker = "UMARKER42"
    for body, content_type in [
        (urlencode({**HELP, "user_id": marker}).encode(), "application/x-www-form-urlencoded"),
        (f"payload=not-json-{marker}".encode(), "application/x-www-form-urlencoded"),
        (f"payload=%5B%22{marker}%22%5D".encode(), "application/x-www-form-urlencoded"),
    ]:
        caplog.clear()
        headers = _signed_headers(body, content_type=content_type)
        headers["X-Slack-Signature"] = "v0=" + "0" * 64
        assert _raw(runtime, body, headers).status == 401
        time.sleep(0.1)
        texts = [r.getMessage() for r in caplog.records]
        assert not any(marker in text for text in texts), texts
        assert not any(r.exc_info for r in caplog.records)
        refusals = [r for r in caplog.records if r.name == "bot.app.http"]
        assert len(refusals) == 1, texts
        assert "\n" not in refusals[0].getMessage()
    _nothing_happened(fake_slack, db_engine)


def test_garbage_signed_correctly_is_not_logged_with_its_body(
    runtime: Runtime, caplog: pytest.LogCaptureFixture
) -> None:
    """A correctly signed body that is not a payload: 400, one line, no body, no traceback."""
    caplog.set_level(logging.DEBUG)
    body = b"payload=%7B%22SECRETVALUE%22"
    assert (
        _raw(
            runtime, body, _signed_headers(body, content_type="application/x-www-form-urlencoded")
        ).status
        == 400
    )
    assert not any("SECRETVALUE" in r.getMessage() for r in caplog.records)
    assert not any(r.exc_info for r in caplog.records)


def test_bolts_own_refusal_log_never_carries_the_body(caplog: pytest.LogCaptureFixture) -> None:
    """If Bolt's own signature check refuses a request, its INFO line names no body (Bolt writes
    the whole body there; the runtime installs a filter that keeps only the reason)."""
    from slack_bolt.middleware.request_verification import RequestVerification
    from slack_bolt.request import BoltRequest
    from slack_bolt.response import BoltResponse

    from bot.app.http import quiet_bolt_refusals

    quiet_bolt_refusals()
    caplog.set_level(logging.DEBUG)
    body = urlencode({**HELP, "user_id": "UMARKER42"})
    ts = str(int(time.time()))
    request = BoltRequest(
        body=body,
        headers={
            "content-type": "application/x-www-form-urlencoded",
            "x-slack-request-timestamp": ts,
            "x-slack-signature": sign("not-the-secret", ts, body),
        },
    )
    middleware = RequestVerification(SIGNING_SECRET, base_logger=logging.getLogger("bolt"))
    answer = middleware.process(
        req=request, resp=BoltResponse(status=404), next=lambda: BoltResponse(status=200)
    )
    assert answer.status == 401
    texts = [r.getMessage() for r in caplog.records]
    assert any("Invalid request signature" in text for text in texts), texts
    assert not any("UMARKER42" in text for text in texts), texts


# ------------------------------------------------------------ rate limit and frames (issue 17)


def _verify_path() -> str:
    return f"/verify/{new_verification_code()}"


def test_verify_and_feeds_are_rate_limited_per_client(make_runtime: RuntimeFactory) -> None:
    """Trying codes by the hundred: after the burst, a client gets 429 with Retry-After on
    /verify and on the feeds (one budget per client), while /healthz still answers."""
    runtime = make_runtime(page_rate_per_second=0.2, page_rate_burst=5)
    answers = [_get(runtime, _verify_path()).status for _ in range(5)]
    assert answers == [404] * 5
    refused = _get(runtime, _verify_path())
    assert refused.status == 429
    assert int(refused.headers["retry-after"]) >= 1
    assert _get(runtime, f"/ical/group/{new_calendar_token()}.ics").status == 429
    assert _get(runtime, "/healthz").status == 200


def test_x_forwarded_for_counts_only_behind_a_trusted_proxy(make_runtime: RuntimeFactory) -> None:
    """Anyone can send X-Forwarded-For: it is ignored unless INTERVISIE_TRUSTED_PROXIES says a
    proxy adds it, and then only the address the proxy saw counts (the rightmost entry)."""
    direct = make_runtime(page_rate_per_second=0.2, page_rate_burst=2)
    spoofed = [
        http_request(
            direct.port, "GET", _verify_path(), headers={"X-Forwarded-For": f"203.0.113.{n}"}
        ).status
        for n in range(3)
    ]
    assert spoofed == [404, 404, 429]

    proxied = make_runtime(page_rate_per_second=0.2, page_rate_burst=2, trusted_proxies=1)

    def via_proxy(chain: str) -> int:
        return http_request(
            proxied.port, "GET", _verify_path(), headers={"X-Forwarded-For": chain}
        ).status

    assert [via_proxy("198.51.100.7") for _ in range(3)] == [404, 404, 429]
    # Another client behind the same proxy has its own budget; a forged left entry changes nothing.
    assert via_proxy("198.51.100.8") == 404
    assert via_proxy("10.0.0.1, 198.51.100.7") == 429


def test_pages_may_not_be_framed(runtime: Runtime) -> None:
    """Clickjacking: every page of the app forbids framing, in both headers browsers read; a
    page's own Content-Security-Policy keeps its rules and gains frame-ancestors."""
    for path in (_verify_path(), f"/ical/member/{new_calendar_token()}.ics", "/healthz", "/x"):
        answer = _get(runtime, path)
        assert answer.headers["x-frame-options"] == "DENY", path
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"], path


def test_a_page_keeps_its_own_policy_and_gains_frame_ancestors() -> None:
    """The router merges frame-ancestors into a route's own Content-Security-Policy."""
    policy = "default-src 'none'; style-src 'unsafe-inline'"

    def page(_environ: Environ, _match: re.Match[str]) -> Response:
        return Response(200, b"<p>hi</p>", headers=[("Content-Security-Policy", policy)])

    seen: list[list[tuple[str, str]]] = []
    Router([route("GET", "/page", page)])(
        {"PATH_INFO": "/page", "REQUEST_METHOD": "GET"}, lambda _s, h: seen.append(h)
    )
    policies = [v for k, v in seen[0] if k == "Content-Security-Policy"]
    assert policies == [f"{policy}; frame-ancestors 'none'"]


def test_the_limiter_counts_ipv6_per_64_and_forgets_the_oldest_clients() -> None:
    """One host usually holds a whole IPv6 /64: counted as one client. Memory stays bounded."""
    now = [0.0]
    limiter = ClientLimiter(per_second=1, burst=1, max_clients=2, monotonic=lambda: now[0])

    def key(address: str) -> str:
        return limiter.client_of({"REMOTE_ADDR": address})

    assert key("2001:db8:1:2::1") == key("2001:db8:1:2:ffff::9")
    assert key("2001:db8:1:3::1") != key("2001:db8:1:2::1")
    assert key("::ffff:192.0.2.1") == key("192.0.2.1") == "192.0.2.1"
    assert limiter.take("a") == 0.0
    assert limiter.take("a") == pytest.approx(1.0)
    limiter.take("b")
    limiter.take("c")  # "a" is forgotten: a fresh bucket next time
    assert limiter.take("a") == 0.0
    now[0] += 1.0
    assert limiter.take("c") == 0.0
