"""Fixture data for the attendance area: people, a group with approved members and meetings,
inserted as model rows (the group and meeting flows belong to other areas)."""

from __future__ import annotations

import io
import secrets
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from pypdf import PdfReader
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.devtools.fake_slack import FakeSlack, UploadedFile
from storage.models import (
    Enrollment,
    EnrollmentStatus,
    Group,
    GroupForm,
    GroupKind,
    Meeting,
    MeetingStatus,
    Person,
    Workspace,
)
from tests.support.people import PEOPLE, TEAM

SEVEN = ("UANNE001", "UBRAM002", "UZOE0003", "UDAAN004", "UEMMA005", "UFEMK006", "UGERT007")
CREATED = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class SeededGroup:
    """Ids of a seeded group: the group, its number and the person id of each Slack user."""

    group_id: int
    number: int
    people: dict[str, int]


def person(session: Session, user_id: str, *, team_id: str = TEAM) -> Person:
    """The person for a scenario user, created with the name the fake Slack knows."""
    found = session.scalars(
        select(Person).where(Person.team_id == team_id, Person.slack_user_id == user_id)
    ).one_or_none()
    if found is not None:
        return found
    attrs = PEOPLE.get(user_id, {"real_name": user_id})
    found = Person(
        team_id=team_id,
        slack_user_id=user_id,
        full_name=attrs["real_name"],
        display_name=attrs["real_name"],
        locale=attrs.get("locale", "nl-NL"),
        tz=attrs.get("tz", "Europe/Amsterdam"),
        created_at=CREATED,
    )
    session.add(found)
    session.flush()
    return found


def seed_group(
    engine: Engine,
    *,
    members: Sequence[str] = SEVEN,
    number: int = 1001,
    name: str = "Vertrouwenspersonen Noord",
    team_id: str = TEAM,
    rotation_months: int = 12,
) -> SeededGroup:
    """A peer group whose contact person is the first of `members`, all of them approved."""
    with Session(engine) as session, session.begin():
        if session.get(Workspace, team_id) is None:
            session.add(Workspace(team_id=team_id, created_at=CREATED, active=True))
            session.flush()
        people = {user: person(session, user, team_id=team_id) for user in members}
        group = Group(
            team_id=team_id,
            number=number,
            name=name,
            form=GroupForm.PHYSICAL,
            kind=GroupKind.PEER,
            max_members=10,
            contact_person_id=people[members[0]].id,
            rotation_period_months=rotation_months,
            calendar_token=secrets.token_urlsafe(16),
            created_at=CREATED,
        )
        session.add(group)
        session.flush()
        for p in people.values():
            session.add(
                Enrollment(
                    group_id=group.id,
                    person_id=p.id,
                    status=EnrollmentStatus.APPROVED,
                    requested_at=CREATED,
                    decided_at=CREATED,
                )
            )
        return SeededGroup(group.id, group.number, {u: p.id for u, p in people.items()})


def add_meeting(
    engine: Engine, *, group_id: int, starts_at: datetime, duration_minutes: int = 120
) -> int:
    """A planned meeting of the group; returns its id."""
    with Session(engine) as session, session.begin():
        meeting = Meeting(
            group_id=group_id,
            uid=f"{uuid.uuid4()}@intervisie.test",
            starts_at=starts_at,
            duration_minutes=duration_minutes,
            status=MeetingStatus.PLANNED,
            created_at=CREATED,
            updated_at=CREATED,
        )
        session.add(meeting)
        session.flush()
        return meeting.id


def pdf_text(content: bytes) -> str:
    """All text of a PDF, as pypdf reads it back."""
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


def files_for(fake: FakeSlack, user_id: str) -> list[UploadedFile]:
    """Completed uploads in a user's DM."""
    return [f for f in fake.uploaded_files() if f.completed and f.channel == "D" + user_id]
