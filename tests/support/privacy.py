"""A small world for the authorization, bad-input and privacy suites, built through Slack's front
door only: two groups created in the modal, members who asked and were approved, a pending request,
two past meetings (one registered, so certificates exist) and a future one; plus a snapshot of
every table to prove that a refusal wrote nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from bot.devtools.fake_slack import FakeSlack, UploadedFile
from bot.devtools.slack_sim import SlackSim
from bot.server import Runtime
from handlers.ui.attendance_ui import CallbackId as AttendanceCallbackId
from handlers.ui.attendance_ui import member_action_id
from handlers.ui.groups_ids import ActionId as GroupActionId
from storage.models import Base, Certificate, Group, Meeting, Person
from tests.support.groups import (
    ask_to_join,
    button_value,
    create_group,
    fill_group,
    wait_dm,
)
from tests.support.wait import wait_until

JSON = dict[str, Any]
# The afternoon of 20-11-2026 (Amsterdam): two meetings earlier this month, one in December.
NOW = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)

ACTORS: dict[str, str] = {
    "stranger": "UHANS008",
    "pending": "UEMMA005",
    "member": "UBRAM002",
    "other_contact": "UKARL011",
    "contact": "UANNE001",
    "secretariat": "UADMIN01",
}
CONTACT = ACTORS["contact"]
MEMBER = ACTORS["member"]
SECOND_MEMBER = "UZOE0003"


@dataclass
class World:
    """What the scenario set up: group numbers and ids, meetings, the request DM, a certificate."""

    slack: SlackSim
    fake: FakeSlack
    runtime: Runtime
    engine: Engine
    number: int
    group_id: int
    other_number: int
    registered_meeting_id: int
    waiting_meeting_id: int
    future_meeting_id: int
    request_message: JSON
    member_certificate_id: int
    person_ids: dict[str, int] = field(default_factory=dict)
    # Set by a test: whether a check should wait for an effect (allowed) or look once (refused).
    waiting: bool = True


def person_ids(engine: Engine) -> dict[str, int]:
    """slack user id → person id."""
    with Session(engine) as session:
        return {p.slack_user_id: p.id for p in session.scalars(select(Person))}


def _responses(fake: FakeSlack) -> int:
    return len(fake.calls_to("response_url"))


def wait_response_after(fake: FakeSlack, seen: int, *, timeout: float = 5.0) -> JSON:
    """The first response_url message after the `seen` ones already there."""
    calls = wait_until(
        lambda: fake.calls_to("response_url")[seen:], timeout=timeout, what="a response"
    )
    body: JSON = calls[0].body
    return body


def build_world(slack: SlackSim, fake: FakeSlack, runtime: Runtime, engine: Engine) -> World:
    """Set the scene through commands, clicks and modal submits."""
    for user in ACTORS.values():
        seen = _responses(fake)
        # First contact: the person row and the personal calendar link exist from here on.
        slack.command(user, "agenda")
        wait_response_after(fake, seen)
    number = create_group(slack, fake, CONTACT, name="Noord")
    other = create_group(slack, fake, ACTORS["other_contact"], name="Zuid")
    fill_group(slack, fake, number, [MEMBER, SECOND_MEMBER])
    ask_to_join(slack, fake, ACTORS["pending"], number)
    request = wait_dm(fake, CONTACT, "Emma Bakker")
    ids = person_ids(engine)

    # A past meeting, registered at once: Anne facilitates, Bram presents, Zoë takes part.
    slack.command(CONTACT, f"plan {number} 10-11-2026 19:00 2u")
    view = _wait_register_modal(fake, CONTACT, seen=0)
    result = slack.submit(
        CONTACT,
        view,
        {
            member_action_id(ids[CONTACT]): "facilitator",
            member_action_id(ids[MEMBER]): "presenter",
            member_action_id(ids[SECOND_MEMBER]): "participant",
        },
    )
    assert result.status == 200, result.text
    wait_until(lambda: len(completed_files(fake, MEMBER)) >= 1, what="Bram's certificate")
    # A second past meeting waits for its registration; a third is in December.
    slack.command(CONTACT, f"plan {number} 12-11-2026 19:00 2u")
    _wait_register_modal(fake, CONTACT, seen=1)
    seen = _responses(fake)
    slack.command(CONTACT, f"plan {number} 30-12-2026 09:00 2u")
    wait_response_after(fake, seen)
    runtime.outbox.wait_idle()
    with Session(engine) as session:
        group = session.scalars(select(Group).where(Group.number == number)).one()
        meetings = session.scalars(
            select(Meeting).where(Meeting.group_id == group.id).order_by(Meeting.starts_at)
        ).all()
        certificate = session.scalars(
            select(Certificate).where(Certificate.person_id == ids[MEMBER])
        ).one()
        return World(
            slack=slack,
            fake=fake,
            runtime=runtime,
            engine=engine,
            number=number,
            group_id=group.id,
            other_number=other,
            registered_meeting_id=meetings[0].id,
            waiting_meeting_id=meetings[1].id,
            future_meeting_id=meetings[2].id,
            request_message=request,
            member_certificate_id=certificate.id,
            person_ids=ids,
        )


def approve_value(world: World) -> str:
    """The Accorderen button's value on the contact person's request DM."""
    return button_value(world.request_message, GroupActionId.APPROVE)


def _wait_register_modal(fake: FakeSlack, user: str, *, seen: int) -> JSON:
    def found() -> JSON | None:
        views = [
            v
            for v in fake.opened_views(user)
            if v.get("callback_id") == AttendanceCallbackId.REGISTER
        ]
        return views[seen] if len(views) > seen else None

    view: JSON = wait_until(found, what=f"registration modal for {user}")
    return view


def completed_files(fake: FakeSlack, user: str) -> list[UploadedFile]:
    """Files completed in a user's DM."""
    return [f for f in fake.uploaded_files() if f.completed and f.channel == "D" + user]


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order: compared before and after a refused action."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            found = conn.execute(select(table)).all()
            rows[table.name] = sorted((tuple(r) for r in found), key=repr)
    return rows


def row_counts(engine: Engine) -> dict[str, int]:
    """Rows per table."""
    with engine.connect() as conn:
        return {
            t.name: int(conn.execute(text(f"SELECT COUNT(*) FROM {t.name}")).scalar_one())
            for t in Base.metadata.sorted_tables
        }


Check = Callable[[World], bool]
