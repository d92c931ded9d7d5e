"""Which threads come first: the HTTP threads that answer Slack within its 3 seconds run at the
process's priority; the threads that work after the answer (Bolt's listener pool, the outbox, the
scheduler's jobs) lower their own (Linux niceness is per thread), so that under load an ack does
not wait behind work that was meant to come after it (bench/README.md, ack latency)."""

from __future__ import annotations

import contextlib
import os
import threading

# How much lower than the HTTP threads background threads are scheduled (Linux nice, 0..19).
BACKGROUND_NICENESS = 10


def background_priority() -> None:
    """Lower the calling thread's CPU priority (once; it cannot be raised again without
    privileges). A no-op where threads have no priority of their own."""
    with contextlib.suppress(AttributeError, OSError):
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICENESS)
