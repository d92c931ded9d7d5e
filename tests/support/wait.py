"""Waiting for what happens after the ack (DMs, files, outbox rows): the one wait_until."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def wait_until(
    check: Callable[[], Any],
    *,
    # Generous: on a loaded 2-core CI machine an outbox round can take seconds; a passing
    # check returns at once, so only a failure waits this long.
    timeout: float = 10.0,
    what: str = "condition",
    explain: Callable[[], object] | None = None,
) -> Any:
    """Poll `check()` until it returns something truthy, and return that; after `timeout`
    seconds fail, naming `what` (and what `explain()` says about the state, if given)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            detail = f"; {explain()}" if explain is not None else ""
            raise AssertionError(f"timed out waiting for {what}{detail}")
        time.sleep(0.02)
