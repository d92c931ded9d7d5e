"""Scenario helpers for groups and enrollment, all through Slack's front door (commands, clicks,
modal submits), plus small waits on what the fake Slack received."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import HttpResult, SlackSim
from bot.i18n import Lang, lang_for
from handlers.ui.groups_ids import ActionId, CallbackId
from storage.models import Enrollment, EnrollmentStatus, Group, Person
from tests.support.people import PEOPLE
from tests.support.texts import opening, read_back, texts_in
from tests.support.wait import wait_until

JSON = dict[str, Any]


def lang_of(user: str) -> Lang:
    """The language the app speaks to a scenario user (their Slack locale)."""
    return lang_for(PEOPLE.get(user, {}).get("locale"))


def wait_view(fake: FakeSlack, user: str, callback_id: str, *, seen: int = 0) -> JSON:
    """The (seen+1)-th modal with this callback id opened for the user."""

    def found() -> JSON | None:
        views = [v for v in fake.opened_views(user) if v.get("callback_id") == callback_id]
        return views[seen] if len(views) > seen else None

    result: JSON = wait_until(found, what=f"modal {callback_id} for {user}")
    return result


def count_views(fake: FakeSlack, user: str, callback_id: str) -> int:
    """How many modals with this callback id were opened for the user so far."""
    return len([v for v in fake.opened_views(user) if v.get("callback_id") == callback_id])


def _searchable(payload: JSON) -> str:
    """A payload's texts as sent (for catalogue text), then its blocks as a whole (for ids)."""
    return texts_in(payload) + "\n" + str(payload.get("blocks"))


def wait_dm(fake: FakeSlack, user: str, contains: str, *, timeout: float = 5.0) -> JSON:
    """The latest DM to the user whose text or blocks contain `contains`."""

    def found() -> JSON | None:
        hits = [m for m in fake.messages(user) if contains in _searchable(m)]
        return hits[-1] if hits else None

    result: JSON = wait_until(found, timeout=timeout, what=f"DM to {user} with {contains!r}")
    return result


def dms_containing(fake: FakeSlack, user: str, contains: str) -> list[JSON]:
    """Every DM to the user containing the text."""
    return [m for m in fake.messages(user) if contains in _searchable(m)]


def responses(fake: FakeSlack) -> list[str]:
    """Every response_url body (its texts, then its blocks) so far, as strings."""
    return [_searchable(c.body) for c in fake.calls_to("response_url")]


def wait_response(fake: FakeSlack, contains: str, *, timeout: float = 5.0) -> str:
    """The first response_url message containing the text."""
    hit: str = wait_until(
        lambda: next((r for r in responses(fake) if contains in r), None),
        timeout=timeout,
        what=f"response with {contains!r}",
    )
    return hit


def create_group(
    slack: SlackSim,
    fake: FakeSlack,
    user: str = "UANNE001",
    *,
    name: str = "Utrecht Noord",
    values: JSON | None = None,
) -> int:
    """Open the create modal, submit it, and return the group number from the creator's DM."""
    seen = count_views(fake, user, CallbackId.CREATE_GROUP)
    slack.command(user, "nieuw")
    view = wait_view(fake, user, CallbackId.CREATE_GROUP, seen=seen)
    filled: JSON = {ActionId.NAME: name, ActionId.REGION: "Utrecht"}
    filled.update(values or {})
    result = slack.submit(user, view, filled)
    assert result.status == 200 and not result.body, result.text
    dm = wait_dm(fake, user, f"*{name}*")
    text = str(dm["text"])
    return int(read_back("group.created.dm", text, lang_of(user))["number"])


def ask_to_join(
    slack: SlackSim, fake: FakeSlack, user: str, number: int, *, membership: str = "member"
) -> HttpResult | None:
    """`/intervisie aanmelden <nr>`; the first time, fill in the membership modal."""
    seen = count_views(fake, user, CallbackId.MEMBERSHIP)
    before = len(fake.calls_to("response_url"))
    slack.command(user, f"aanmelden {number}")

    def outcome() -> str | None:
        if count_views(fake, user, CallbackId.MEMBERSHIP) > seen:
            return "modal"
        if len(fake.calls_to("response_url")) > before:
            return "response"
        return None

    if wait_until(outcome, what=f"join answer for {user}") == "response":
        return None
    view = wait_view(fake, user, CallbackId.MEMBERSHIP, seen=seen)
    values: JSON = {ActionId.MEMBERSHIP_TYPE: membership}
    if membership == "member":
        values[ActionId.MEMBER_NUMBER] = f"LVV-{user[-3:]}"
    return slack.submit(user, view, values)


def request_message(fake: FakeSlack, contact: str, requester_name: str) -> JSON:
    """The contact person's DM about a request (with Accorderen / Afwijzen)."""
    return wait_dm(fake, contact, requester_name)


def approve(slack: SlackSim, fake: FakeSlack, contact: str, requester_name: str) -> HttpResult:
    """The contact person presses Accorderen on the request DM."""
    msg = request_message(fake, contact, requester_name)
    return slack.click(
        contact, action_id=ActionId.APPROVE, value=_value(msg, ActionId.APPROVE), message=msg
    )


def _value(message: JSON, action_id: str) -> str:
    for block in message.get("blocks") or []:
        for element in block.get("elements") or []:
            if element.get("action_id") == action_id:
                return str(element["value"])
    raise AssertionError(f"no {action_id} button in {message}")


def button_value(message: JSON, action_id: str) -> str:
    """The value of a button in a message."""
    return _value(message, action_id)


def statuses(engine: Engine, number: int) -> dict[str, str]:
    """slack user id → enrollment status for the group."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(Person.slack_user_id, Enrollment.status)
            .join(Enrollment, Enrollment.person_id == Person.id)
            .join(Group, Group.id == Enrollment.group_id)
            .where(Group.number == number)
            .order_by(Enrollment.id)
        ).all()
    return {str(uid): str(getattr(status, "value", status)) for uid, status in rows}


def approved_count(engine: Engine, number: int) -> int:
    """Approved members of the group in the database."""
    with engine.connect() as conn:
        return len(
            conn.execute(
                select(Enrollment.id)
                .join(Group, Group.id == Enrollment.group_id)
                .where(Group.number == number, Enrollment.status == EnrollmentStatus.APPROVED)
            ).all()
        )


def fill_group(
    slack: SlackSim, fake: FakeSlack, number: int, users: list[str], contact: str = "UANNE001"
) -> None:
    """Join and approve each user in turn, through the front door."""
    for user in users:
        ask_to_join(slack, fake, user, number)
        name = PEOPLE[user]["real_name"]
        approve(slack, fake, contact, name)
        wait_dm(fake, user, opening("decision.welcome", lang_of(user)))
