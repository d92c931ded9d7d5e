"""PromptAck: the request thread that waits for a listener's ack gets it as soon as it is given,
and every other reader sees the plain value; through the app, commands and clicks are still
acked (the scenario tests cover that end to end)."""

from __future__ import annotations

import threading

from slack_bolt.response import BoltResponse

from bot.app import PromptAck
from bot.devtools.slack_sim import SlackSim


def test_the_waiting_thread_gets_the_ack_given_by_another_thread() -> None:
    ack = PromptAck()
    reading = threading.Event()

    def listener() -> None:
        reading.wait(5)
        ack(text="ok")

    thread = threading.Thread(target=listener)
    thread.start()
    reading.set()
    response = ack.response  # waits for the listener instead of answering None at once
    thread.join()

    assert isinstance(response, BoltResponse)
    assert response.status == 200


def test_other_threads_read_the_plain_value() -> None:
    ack = PromptAck()
    seen: list[object] = []
    thread = threading.Thread(target=lambda: seen.append(ack.response))
    thread.start()
    thread.join()
    assert seen == [None]

    ack()
    assert ack.response is not None


def test_a_command_is_acked_through_the_app(slack: SlackSim) -> None:
    result = slack.command("UANNE001", "help")

    assert result.status == 200
