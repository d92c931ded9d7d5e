"""Token buckets that keep the outbox within Slack's rate limits, per workspace and API method.

Slack limits each app per workspace and per method (chat.postMessage: about one message per second
per channel with short bursts, and a workspace-wide "special" tier of several hundred a minute). A
fan-out of reminders would otherwise hit 429s and come back after Retry-After; the bucket spaces the
calls so Slack never has to say no. Only the outbox's client is limited: acks and modals are
answers to a user who is waiting and are few.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable

# (method, calls per second, burst): the default keeps chat.postMessage at 300 a minute.
RateLimit = tuple[str, float, int]
DEFAULT_RATE_LIMITS: tuple[RateLimit, ...] = (("chat.postMessage", 5.0, 50),)


class TokenBucket:
    """`rate` tokens a second, at most `burst` saved up; acquire() waits for a token."""

    def __init__(
        self,
        rate: float,
        burst: int,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("a token bucket needs a positive rate and a burst of at least 1")
        self.rate = rate
        self.burst = burst
        self._monotonic = monotonic
        self._sleep = sleep
        self._tokens = float(burst)
        self._updated = monotonic()
        self._lock = threading.Lock()

    def _refill(self, now: float) -> None:
        self._tokens = min(self.burst, self._tokens + (now - self._updated) * self.rate)
        self._updated = now

    def try_take(self) -> float:
        """Take a token if one is there and return 0.0; else return the seconds until one is."""
        with self._lock:
            self._refill(self._monotonic())
            if self._tokens >= 1:
                self._tokens -= 1
                return 0.0
            return (1 - self._tokens) / self.rate

    def acquire(self) -> float:
        """Wait until a token is available and take it; returns the seconds waited."""
        waited = 0.0
        while True:
            wait = self.try_take()
            if wait == 0.0:
                return waited
            self._sleep(wait)
            waited += wait


class RateLimiter:
    """One bucket per (workspace, method) for the methods that have a limit."""

    def __init__(self, limits: Iterable[RateLimit]) -> None:
        self._limits = {method: (rate, burst) for method, rate, burst in limits}
        self._buckets: dict[tuple[str, str], TokenBucket] = {}
        self._lock = threading.Lock()

    def acquire(self, workspace: str, method: str) -> float:
        """Wait for the method's bucket in this workspace (no wait for unlimited methods)."""
        limit = self._limits.get(method)
        if limit is None:
            return 0.0
        key = (workspace, method)
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = TokenBucket(*limit)
        return bucket.acquire()
