"""The outbox stays within Slack's rate limits: token buckets per workspace and method, the fake
Slack answering 429 beyond its limit, and a burst of DMs delivered once each, with one sender or
several, with no 429 when the outbox's bucket matches Slack's limit."""

from __future__ import annotations

from collections import Counter

import pytest

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import http_request
from bot.ratelimit import RateLimiter, TokenBucket
from bot.server import Runtime
from bot.services.people import ensure_workspace
from bot.settings import SettingsError, from_env
from tests.support.app import RuntimeFactory
from tests.support.notes import install, owe_note
from tests.support.people import TEAM


class FakeTime:
    """A monotonic clock that only moves when the bucket sleeps."""

    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_bucket_lets_a_burst_through_then_spaces_calls_at_the_rate() -> None:
    clock = FakeTime()
    bucket = TokenBucket(2.0, 3, monotonic=clock.monotonic, sleep=clock.sleep)

    waits = [bucket.acquire() for _ in range(5)]

    assert waits[:3] == [0.0, 0.0, 0.0]
    assert waits[3] == pytest.approx(0.5)
    assert waits[4] == pytest.approx(0.5)
    assert clock.now == pytest.approx(101.0)


def test_bucket_refills_up_to_the_burst_only() -> None:
    clock = FakeTime()
    bucket = TokenBucket(1.0, 2, monotonic=clock.monotonic, sleep=clock.sleep)
    bucket.acquire()
    bucket.acquire()
    clock.now += 60  # a quiet minute saves up two tokens, not sixty

    assert [bucket.acquire() for _ in range(3)] == [0.0, 0.0, pytest.approx(1.0)]


def test_limiter_keeps_a_bucket_per_workspace_and_ignores_unlimited_methods() -> None:
    limiter = RateLimiter([("chat.postMessage", 1000.0, 1)])

    assert limiter.acquire("xoxb-a", "chat.postMessage") == 0.0
    assert limiter.acquire("xoxb-b", "chat.postMessage") == 0.0  # another workspace's bucket
    assert limiter.acquire("xoxb-a", "chat.postMessage") > 0.0  # this one is empty
    assert all(limiter.acquire("xoxb-a", "users.info") == 0.0 for _ in range(10))


def test_rate_limits_setting_from_the_environment() -> None:
    base = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}
    settings = from_env(
        {**base, "INTERVISIE_SLACK_RATE_LIMITS": "chat.postMessage=2.5/10 chat.update=1/3"}
    )
    assert settings.slack_rate_limits == (("chat.postMessage", 2.5, 10), ("chat.update", 1.0, 3))
    assert from_env(base).slack_rate_limits[0][0] == "chat.postMessage"
    with pytest.raises(SettingsError, match="INTERVISIE_SLACK_RATE_LIMITS"):
        from_env({**base, "INTERVISIE_SLACK_RATE_LIMITS": "chat.postMessage=fast"})


def test_fake_slack_answers_429_with_retry_after_beyond_its_limit(fake_slack: FakeSlack) -> None:
    fake_slack.rate_limit("auth.test", per_second=0.5, burst=2)
    port = int(fake_slack.base_url.split(":")[2].split("/")[0])
    headers = {"Authorization": "Bearer xoxb-test"}

    answers = [http_request(port, "POST", "/api/auth.test", headers=headers) for _ in range(3)]

    assert [a.status for a in answers] == [200, 200, 429]
    assert answers[2].headers["retry-after"] == "2"
    assert answers[2].json["error"] == "ratelimited"


def _owe_dms(runtime: Runtime, count: int) -> None:
    install(runtime.deps.renderers)
    now = runtime.deps.now()
    with runtime.deps.uow() as session:
        ensure_workspace(session, team_id=TEAM, now=now)
        for n in range(count):
            owe_note(session, user_id=f"URATE{n:04d}", text=f"Herinnering {n}", now=now)


def _delivered_once(fake: FakeSlack, count: int) -> None:
    fake.wait_for("chat.postMessage", count=count, timeout=30)
    posted = Counter(str(c.body.get("channel")) for c in fake.calls_to("chat.postMessage"))
    assert len(posted) == count
    assert set(posted.values()) == {1}


@pytest.mark.parametrize("workers", [1, 3])
def test_a_burst_of_dms_stays_within_slacks_limit_and_arrives_once(
    make_runtime: RuntimeFactory, fake_slack: FakeSlack, workers: int
) -> None:
    fake_slack.rate_limit("chat.postMessage", per_second=25, burst=5)
    runtime = make_runtime(
        slack_rate_limits=(("chat.postMessage", 20.0, 5),), outbox_workers=workers
    )

    _owe_dms(runtime, 30)

    _delivered_once(fake_slack, 30)
    refused = [c for c in fake_slack.calls_to("chat.postMessage", ok_only=False) if not c.ok]
    assert refused == []


def test_without_the_bucket_slack_refuses_some_and_the_outbox_retries_them(
    make_runtime: RuntimeFactory, fake_slack: FakeSlack
) -> None:
    fake_slack.rate_limit("chat.postMessage", per_second=2, burst=3)
    runtime = make_runtime(slack_rate_limits=(), delivery_backoff_base_seconds=0.05)

    _owe_dms(runtime, 12)

    _delivered_once(fake_slack, 12)
    statuses = {c.status for c in fake_slack.calls_to("chat.postMessage", ok_only=False)}
    assert 429 in statuses
