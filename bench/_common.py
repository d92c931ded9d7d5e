"""Shared helpers of the benchmarks: percentiles, the machine they ran on, and printing.

The benchmarks print with `out()` (ruff bans print() outside of scripts' entry points).
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event


def out(*parts: object) -> None:
    """Write one line to stdout (flushed, so progress shows while a long run goes on)."""
    sys.stdout.write(" ".join(str(p) for p in parts) + "\n")
    sys.stdout.flush()


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    k = (len(ordered) - 1) * q / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def median(values: Sequence[float]) -> float:
    """The median; 0.0 for no values."""
    return statistics.median(values) if values else 0.0


def ms(seconds: float) -> str:
    """Seconds as milliseconds with two decimals."""
    return f"{seconds * 1000:.2f} ms"


def ratio(a: float, b: float) -> str:
    """a / b as '1.23×', or 'n/a' when b is zero."""
    return f"{a / b:.2f}×" if b > 0 else "n/a"


def machine() -> str:
    """nproc, memory and Python version: the machine the figures were measured on."""
    mem = ""
    if shutil.which("free"):
        try:
            lines = subprocess.run(
                ["free", "-h"], capture_output=True, text=True, check=False, timeout=5
            ).stdout.splitlines()
            mem = lines[1].split()[1] if len(lines) > 1 else ""
        except (OSError, subprocess.SubprocessError):
            mem = ""
    return (
        f"nproc={os.cpu_count()} mem={mem or '?'} python={platform.python_version()} "
        f"({platform.machine()}, {platform.system()})"
    )


class StatementCounter:
    """Counts SQL statements sent on an engine (SQLAlchemy before_cursor_execute)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.count = 0
        self.statements: list[str] = []

    def _on_execute(self, *args: Any) -> None:
        self.count += 1
        self.statements.append(str(args[2]))

    @contextmanager
    def counting(self) -> Iterator[StatementCounter]:
        """Count the statements executed inside the block (resets the counter first)."""
        self.count = 0
        self.statements = []
        event.listen(self.engine, "before_cursor_execute", self._on_execute)
        try:
            yield self
        finally:
            event.remove(self.engine, "before_cursor_execute", self._on_execute)


class SqlTimer:
    """Wall time spent between before_ and after_cursor_execute (the database's share)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.total = 0.0
        self._started = 0.0

    def _before(self, *_args: Any) -> None:
        self._started = time.perf_counter()

    def _after(self, *_args: Any) -> None:
        self.total += time.perf_counter() - self._started

    def attach(self) -> None:
        """Start listening."""
        event.listen(self.engine, "before_cursor_execute", self._before)
        event.listen(self.engine, "after_cursor_execute", self._after)

    def detach(self) -> None:
        """Stop listening."""
        event.remove(self.engine, "before_cursor_execute", self._before)
        event.remove(self.engine, "after_cursor_execute", self._after)


def time_calls(fn: Callable[[], Any], *, repeat: int) -> list[float]:
    """Wall time of `repeat` calls of fn, in seconds."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times
