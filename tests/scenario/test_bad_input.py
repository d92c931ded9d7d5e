"""Malformed and hostile input (corpus: tests/data/bad_input.json) never breaks the app: every
command and modal answers 200 with a clear message (ephemeral, or inline `response_action:
errors`), nothing is half-written (row counts unchanged on refusal), mrkdwn and mentions typed into
names, descriptions and reasons are escaped in every payload Slack receives, and forged or foreign
`private_metadata` is refused."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.devtools.fake_slack import FakeSlack
from handlers.ui.attendance_ui import CallbackId as AttendanceCallbackId
from handlers.ui.attendance_ui import member_action_id
from handlers.ui.groups_ids import ActionId as GroupActionId
from handlers.ui.groups_ids import CallbackId as GroupCallbackId
from tests.support.groups import wait_view
from tests.support.privacy import (
    CONTACT,
    MEMBER,
    NOW,
    World,
    row_counts,
    wait_response_after,
)
from tests.support.saved_world import front_door_fixtures
from tests.support.wait import wait_until

CORPUS: dict[str, Any] = json.loads(
    (Path(__file__).parent.parent / "data" / "bad_input.json").read_text(encoding="utf-8")
)
RAW_MARKUP = ("<!channel>", "<@U123>", "<https://evil.example|klik>", "<!here>")


# The app on a manual clock at NOW, and the shared world built through the front door.
clock, app, world = front_door_fixtures(NOW)


def _mrkdwn_texts(value: Any, *, top: bool = True) -> Iterator[str]:
    """Every string Slack renders as mrkdwn: a message's `text` and mrkdwn text objects.

    plain_text objects (labels, options, titles) show characters as they are, so they need no
    escaping and are skipped.
    """
    if isinstance(value, dict):
        if value.get("type") == "mrkdwn" and isinstance(value.get("text"), str):
            yield value["text"]
        if top and isinstance(value.get("text"), str):
            yield value["text"]
        for key, item in value.items():
            if key != "text" or not isinstance(item, str):
                yield from _mrkdwn_texts(item, top=False)
    elif isinstance(value, list):
        for item in value:
            yield from _mrkdwn_texts(item, top=False)


def _no_raw_markup(fake: FakeSlack) -> None:
    """No mrkdwn the fake Slack received carries live markup typed by a user."""
    for call in fake.calls:
        for text in _mrkdwn_texts(call.body):
            for raw in RAW_MARKUP:
                assert raw not in text, f"{raw} reached {call.method} unescaped: {text[:200]}"


def test_every_bad_command_gets_a_clear_answer_and_writes_nothing(world: World) -> None:
    for text in CORPUS["commands"]:
        user = "UADMIN01" if text.startswith("admin") else MEMBER
        counts = row_counts(world.engine)
        seen = len(world.fake.calls_to("response_url"))
        result = world.slack.command(user, text)
        assert result.status == 200, text[:60]
        reply = wait_response_after(world.fake, seen)
        assert reply.get("text"), text[:60]
        assert reply.get("response_type", "ephemeral") == "ephemeral"
        world.runtime.outbox.wait_idle()
        assert row_counts(world.engine) == counts, f"{text[:60]!r} wrote something"
    _no_raw_markup(world.fake)


@pytest.mark.parametrize("hostile", CORPUS["hostile_texts"])
def test_hostile_group_name_and_description_are_escaped_everywhere(
    world: World, hostile: str
) -> None:
    user = "UHANS008"
    world.slack.command(user, "nieuw")
    view = wait_view(world.fake, user, GroupCallbackId.CREATE_GROUP)
    result = world.slack.submit(
        user,
        view,
        {
            GroupActionId.NAME: f"Groep {hostile}",
            GroupActionId.DESCRIPTION: f"Over {hostile}",
            GroupActionId.REGION: hostile,
        },
    )
    assert result.status == 200
    if result.body:
        # Refused inline (a NUL byte, say): a message per field, and no group.
        assert result.json["response_action"] == "errors"
        return
    wait_until(lambda: world.fake.messages("D" + user), what="the creator's DM")
    seen = len(world.fake.calls_to("response_url"))
    world.slack.command(MEMBER, "groepen")
    wait_response_after(world.fake, seen)
    world.runtime.outbox.wait_idle()
    _no_raw_markup(world.fake)


@pytest.mark.parametrize(
    "name", ["", " ", "x" * CORPUS["huge_length"], "\u0000", "\u200b\u200d", "\u202e"]
)
def test_empty_and_huge_group_names_get_inline_errors(world: World, name: str) -> None:
    user = "UHANS008"
    world.slack.command(user, "nieuw")
    view = wait_view(world.fake, user, GroupCallbackId.CREATE_GROUP)
    counts = row_counts(world.engine)
    result = world.slack.submit(
        user, view, {GroupActionId.NAME: name, GroupActionId.DESCRIPTION: "y" * 10000}
    )
    assert result.status == 200
    assert result.json["response_action"] == "errors"
    assert row_counts(world.engine) == counts


def _registration_modal(world: World) -> dict[str, Any]:
    world.slack.command(CONTACT, f"registreer {world.number}")
    found: dict[str, Any] = wait_until(
        lambda: [
            v
            for v in world.fake.opened_views(CONTACT)
            if v.get("callback_id") == AttendanceCallbackId.REGISTER
        ][2:],
        what="the registration modal",
    )[-1]
    return found


@pytest.mark.parametrize(
    "metadata",
    ['{"meeting": 999999}', "{not json", "", '{"meeting": "1; DROP TABLE person"}', "[]", "null"],
)
def test_forged_private_metadata_is_refused(world: World, metadata: str) -> None:
    view = dict(_registration_modal(world))
    view["private_metadata"] = metadata
    counts = row_counts(world.engine)
    ids = world.person_ids
    result = world.slack.submit(CONTACT, view, {member_action_id(ids[CONTACT]): "facilitator"})
    assert result.status == 200
    assert result.json["response_action"] == "errors"
    assert row_counts(world.engine) == counts


def test_a_modal_for_the_registered_meeting_cannot_be_submitted_by_a_member(world: World) -> None:
    """A view_submission for a view the user never opened (the contact person's modal)."""
    view = _registration_modal(world)
    counts = row_counts(world.engine)
    ids = world.person_ids
    result = world.slack.submit(MEMBER, view, {member_action_id(ids[MEMBER]): "facilitator"})
    assert result.status == 200 and result.json["response_action"] == "errors"
    assert row_counts(world.engine) == counts
