"""Seed data for the meetings area (a group with approved members, inserted as rows because the
group/enrollment flows belong to another area) and helpers to read what the fake Slack received."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.clock import ManualClock
from bot.devtools.fake_slack import FakeSlack, UploadedFile
from bot.devtools.slack_sim import SlackSim
from bot.server import Runtime
from storage.models import (
    Enrollment,
    EnrollmentStatus,
    Group,
    GroupForm,
    GroupKind,
    Meeting,
    Person,
    Workspace,
)
from tests.support.people import PEOPLE, SIGNING_SECRET, TEAM
from tests.support.wait import wait_until

JSON = dict[str, Any]
CONTACT = "UANNE001"
MEMBERS = ("UANNE001", "UBRAM002", "UZOE0003", "UDAAN004", "UENG0012")
OUTSIDER = "UKARL011"
# Before the DST change of 29-03-2026, so meetings on both sides of it are in the future.
START = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)


@dataclass(frozen=True)
class SeededGroup:
    """A group inserted for a test: its ids and feed token."""

    id: int
    number: int
    calendar_token: str
    person_ids: dict[str, int]


def seed_group(
    engine: Engine,
    *,
    number: int = 1234,
    contact: str = CONTACT,
    members: tuple[str, ...] = MEMBERS,
    leads: list[int] | None = None,
    now: datetime = START,
) -> SeededGroup:
    """A peer group with `contact` as contact person and every one of `members` approved."""
    with Session(engine) as session, session.begin():
        if session.get(Workspace, TEAM) is None:
            session.add(Workspace(team_id=TEAM, created_at=now, last_group_number=number))
            session.flush()
        ids: dict[str, int] = {}
        for user_id in {contact, *members}:
            person = session.scalars(
                select(Person).where(Person.team_id == TEAM, Person.slack_user_id == user_id)
            ).one_or_none()
            if person is None:
                attrs = PEOPLE[user_id]
                person = Person(
                    team_id=TEAM,
                    slack_user_id=user_id,
                    full_name=attrs["real_name"],
                    locale=attrs.get("locale", "nl-NL"),
                    tz=attrs.get("tz", "Europe/Amsterdam"),
                    created_at=now,
                )
                session.add(person)
                session.flush()
            ids[user_id] = person.id
        group = Group(
            team_id=TEAM,
            number=number,
            name=f"Vertrouwenspersonen {number}",
            form=GroupForm.PHYSICAL,
            kind=GroupKind.PEER,
            max_members=10,
            contact_person_id=ids[contact],
            reminder_lead_minutes=leads if leads is not None else [2880, 120],
            calendar_token=secrets.token_urlsafe(32),
            created_at=now,
        )
        session.add(group)
        session.flush()
        for user_id in members:
            session.add(
                Enrollment(
                    group_id=group.id,
                    person_id=ids[user_id],
                    status=EnrollmentStatus.APPROVED,
                    requested_at=now,
                    decided_at=now,
                )
            )
        return SeededGroup(group.id, number, group.calendar_token, ids)


def meetings_of(engine: Engine, group_id: int) -> list[Meeting]:
    """The group's meetings, oldest first."""
    with Session(engine) as session:
        return list(
            session.scalars(
                select(Meeting).where(Meeting.group_id == group_id).order_by(Meeting.starts_at)
            )
        )


def ics_files(fake: FakeSlack, user: str) -> list[UploadedFile]:
    """Completed .ics uploads in the user's DM, oldest first."""
    return [
        f
        for f in fake.uploaded_files()
        if f.completed and f.channel == "D" + user and f.filename.endswith(".ics")
    ]


def wait_ics(fake: FakeSlack, users: tuple[str, ...], *, count: int = 1) -> dict[str, UploadedFile]:
    """Wait until each user has `count` .ics uploads; the latest of each."""
    wait_until(
        lambda: all(len(ics_files(fake, u)) >= count for u in users),
        what=f"{count} .ics upload(s) for {users}",
    )
    return {u: ics_files(fake, u)[-1] for u in users}


def latest_view(fake: FakeSlack, user: str, callback_id: str) -> JSON:
    """The most recent modal with this callback id opened for the user."""

    def found() -> JSON | None:
        views = [v for v in fake.opened_views(user) if v.get("callback_id") == callback_id]
        return views[-1] if views else None

    result: JSON = wait_until(found, what=f"modal {callback_id} for {user}")
    return result


@dataclass
class MeetingApp:
    """A running app on a manual clock, with Slack's side and the seeded group."""

    runtime: Runtime
    slack: SlackSim
    clock: ManualClock
    group: SeededGroup


@pytest.fixture
def meeting_app(
    make_runtime: Callable[..., Runtime], fake_slack: FakeSlack, clean_db: Engine
) -> Iterator[MeetingApp]:
    """The app at START (20-03-2026 10:00 in Amsterdam) with group 1234 seeded."""
    clock = ManualClock(START)
    group = seed_group(clean_db)
    runtime = make_runtime(clock=clock)
    slack = SlackSim(
        port=runtime.port, signing_secret=SIGNING_SECRET, fake=fake_slack, team_id=TEAM
    )
    yield MeetingApp(runtime=runtime, slack=slack, clock=clock, group=group)
