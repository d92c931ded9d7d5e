"""Acks that reach Slack the moment a listener calls ack(), not at Bolt's next 10 ms poll.

Bolt (process_before_response=False) runs each listener on the listener pool and lets the request
thread poll `ack.response` every 10 ms until the listener has acked. Under load the poll wakes
late and competes for the interpreter with the listeners, so acks queue up behind work that was
meant to come after them (bench/README.md, ack latency). PromptAck makes that poll wait on an
event instead: the request thread answers Slack as soon as ack() has been called.
"""

from __future__ import annotations

import threading
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_bolt.response import BoltResponse

# How long one read of `response` in the request thread waits for the listener's ack; Bolt reads
# it again after its own 10 ms sleep, until its ack timeout.
WAIT_PER_READ_SECONDS = 0.25


class PromptAck(Ack):
    """An Ack whose `response`, read by the thread that is waiting for it, waits for ack()."""

    def __init__(self) -> None:
        self._answered = threading.Event()
        self._waiter = threading.get_ident()
        self._response: BoltResponse | None = None
        super().__init__()  # type: ignore[no-untyped-call]

    @property
    def response(self) -> BoltResponse | None:
        """The ack's response; the request thread waits (briefly) for it instead of polling."""
        value = self._response
        if value is None and threading.get_ident() == self._waiter:
            self._answered.wait(WAIT_PER_READ_SECONDS)
            value = self._response
        return value

    @response.setter
    def response(self, value: BoltResponse | None) -> None:
        self._response = value
        if value is not None:
            self._answered.set()


def prompt_ack_middleware(context: BoltContext, next: Any) -> None:
    """Give the request a PromptAck before any listener sees its `ack`."""
    current = context.get("ack")
    if current is None or (not isinstance(current, PromptAck) and current.response is None):
        context["ack"] = PromptAck()
    next()
