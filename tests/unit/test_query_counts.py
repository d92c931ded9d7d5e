"""The number of SQL statements of the App Home, the directory, the recertification meter and the
calendar feeds does not grow with the data (no N+1): small data, counted with a
before_cursor_execute listener. Timings are bench/scale.py's business, not asserted here."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bench._common import StatementCounter
from bot.actor import Actor as Viewer
from bot.clock import ManualClock
from bot.deps import Deps
from bot.server import build_deps
from bot.services import calendar as meeting_service
from bot.services import groups as group_service
from bot.services import hours as certificate_service
from bot.settings import Settings
from handlers.home import SECTIONS
from storage.models import (
    Certificate,
    CertificateKind,
    CertificateStatus,
    Enrollment,
    EnrollmentStatus,
    Group,
    GroupForm,
    GroupKind,
    Meeting,
    MeetingStatus,
    Person,
    Role,
    Workspace,
)

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
CREATED = datetime(2025, 1, 1, tzinfo=UTC)


@pytest.fixture
def deps(settings: Settings, clean_db: Engine) -> Iterator[Deps]:
    """The app's dependencies on the (emptied) test database; nothing is started."""
    built = build_deps(settings, clock=ManualClock(NOW))
    yield built
    built.engine.dispose()


class Seeder:
    """Model rows for one workspace, inserted directly (fixture data)."""

    def __init__(self, engine: Engine, team_id: str) -> None:
        self.engine = engine
        self.team_id = team_id
        self.serial = 0
        with Session(engine) as session, session.begin():
            session.add(Workspace(team_id=team_id, created_at=CREATED, active=True))

    def _next(self) -> int:
        self.serial += 1
        return self.serial

    def person(self) -> int:
        n = self._next()
        with Session(self.engine) as session, session.begin():
            person = Person(
                team_id=self.team_id,
                slack_user_id=f"U{self.team_id}{n:06d}",
                full_name=f"Lid {n}",
                display_name=f"Lid {n}",
                locale="nl-NL",
                tz="Europe/Amsterdam",
                calendar_token=f"{self.team_id}-person-{n}",
                certification_period_start=date(2026, 1, 1),
                created_at=CREATED,
            )
            session.add(person)
            session.flush()
            return person.id

    def groups(
        self, count: int, *, contact_id: int, members: list[int], meetings: int
    ) -> list[int]:
        """`count` groups led by contact_id, with these approved members and future meetings."""
        ids = []
        with Session(self.engine) as session, session.begin():
            for _ in range(count):
                n = self._next()
                group = Group(
                    team_id=self.team_id,
                    number=1000 + n,
                    name=f"Groep {n}",
                    region="Utrecht",
                    form=GroupForm.PHYSICAL,
                    kind=GroupKind.PEER,
                    max_members=10,
                    contact_person_id=contact_id,
                    calendar_token=f"{self.team_id}-group-{n}-{secrets.token_hex(4)}",
                    created_at=CREATED,
                )
                session.add(group)
                session.flush()
                for person_id in {contact_id, *members}:
                    session.add(
                        Enrollment(
                            group_id=group.id,
                            person_id=person_id,
                            status=EnrollmentStatus.APPROVED,
                            requested_at=CREATED,
                            decided_at=CREATED,
                        )
                    )
                for k in range(meetings):
                    session.add(
                        Meeting(
                            group_id=group.id,
                            uid=f"{group.id}-{k}@count.test",
                            starts_at=NOW + timedelta(days=7 * (k + 1) - 10, hours=n % 5),
                            duration_minutes=120,
                            status=MeetingStatus.PLANNED,
                            created_at=CREATED,
                            updated_at=CREATED,
                        )
                    )
                ids.append(group.id)
        return ids

    def certificates(self, person_id: int, group_id: int, count: int) -> None:
        """`count` valid participation certificates, one a week back from now."""
        with Session(self.engine) as session, session.begin():
            for k in range(count):
                n = self._next()
                starts = NOW - timedelta(days=3 + 7 * k)
                session.add(
                    Certificate(
                        team_id=self.team_id,
                        number=f"IV-{self.team_id}-{n}",
                        verification_code=f"{self.team_id}-code-{n}",
                        kind=CertificateKind.PARTICIPATION,
                        status=CertificateStatus.VALID,
                        person_id=person_id,
                        group_id=group_id,
                        holder_name="Lid",
                        group_number=1000,
                        group_name="Groep",
                        contact_person_name="Contact",
                        meeting_starts_at=starts,
                        net_minutes=120,
                        role=Role.PARTICIPANT,
                        issued_at=starts + timedelta(hours=3),
                    )
                )


def count_statements(deps: Deps, fn: Callable[[], Any]) -> int:
    """Statements sent by fn, after one warm-up call."""
    fn()
    counter = StatementCounter(deps.engine)
    with counter.counting():
        fn()
    return counter.count


def viewer(person_id: int, team_id: str) -> Viewer:
    """The person as a viewer of the App Home."""
    return Viewer(
        team_id=team_id,
        user_id=f"U{person_id}",
        person_id=person_id,
        name="Lid",
        lang="nl",
        tz=ZoneInfo("Europe/Amsterdam"),
        is_secretariat=False,
    )


def home_blocks(deps: Deps, who: Viewer) -> list[Any]:
    """Every App Home section, as publish_home builds them (in one unit of work)."""
    with deps.uow():
        return [block for section in SECTIONS for block in section(deps, who)]


def test_app_home_issues_as_many_statements_for_2_groups_as_for_20(deps: Deps) -> None:
    seed = Seeder(deps.engine, "T1")
    few, many, lead = seed.person(), seed.person(), seed.person()
    few_groups = seed.groups(2, contact_id=lead, members=[few], meetings=3)
    many_groups = seed.groups(20, contact_id=lead, members=[many], meetings=3)
    seed.certificates(few, few_groups[0], 2)
    seed.certificates(many, many_groups[0], 20)

    small = count_statements(deps, lambda: home_blocks(deps, viewer(few, "T1")))
    large = count_statements(deps, lambda: home_blocks(deps, viewer(many, "T1")))
    leader = count_statements(deps, lambda: home_blocks(deps, viewer(lead, "T1")))

    assert small == large == leader
    # One read for the page; about two statements per section (groups, "Mijn trajecten", the
    # agenda, the roles planned, the meter, "Mijn profiel", the certificates).
    assert large <= 16


def test_directory_issues_as_many_statements_for_10_groups_as_for_100(deps: Deps) -> None:
    small_team, large_team = Seeder(deps.engine, "T1"), Seeder(deps.engine, "T2")
    small_team.groups(10, contact_id=small_team.person(), members=[], meetings=0)
    large_team.groups(100, contact_id=large_team.person(), members=[], meetings=0)

    def page(team: str, number: int, query: str = "") -> Any:
        with deps.uow() as session:
            return group_service.directory(session, team_id=team, query=query, page=number)

    small = count_statements(deps, lambda: page("T1", 0))
    large = count_statements(deps, lambda: page("T2", 0))
    deep = count_statements(deps, lambda: page("T2", 9))
    search = count_statements(deps, lambda: page("T2", 0, "groep"))

    assert small == large == deep == search


def test_meter_issues_as_many_statements_for_5_certificates_as_for_50(deps: Deps) -> None:
    seed = Seeder(deps.engine, "T1")
    few, many = seed.person(), seed.person()
    (group_id,) = seed.groups(1, contact_id=few, members=[many], meetings=0)
    seed.certificates(few, group_id, 5)
    seed.certificates(many, group_id, 50)

    def meter(person_id: int) -> Any:
        with deps.uow() as session:
            person = session.get_one(Person, person_id)
            return certificate_service.hours_meter(
                session, person=person, today=NOW.date(), settings=deps.settings
            )

    assert count_statements(deps, lambda: meter(few)) == count_statements(deps, lambda: meter(many))


def test_group_feed_issues_as_many_statements_for_3_meetings_as_for_30(deps: Deps) -> None:
    seed = Seeder(deps.engine, "T1")
    lead = seed.person()
    (small_group,) = seed.groups(1, contact_id=lead, members=[], meetings=3)
    (large_group,) = seed.groups(1, contact_id=lead, members=[], meetings=30)
    with Session(deps.engine) as session:
        tokens = {g.id: g.calendar_token for g in session.query(Group)}

    def feed(group_id: int) -> bytes | None:
        with deps.uow() as session:
            return meeting_service.group_feed(
                session, token=tokens[group_id], now=NOW, tz_name="Europe/Amsterdam"
            )

    assert feed(large_group) is not None
    assert count_statements(deps, lambda: feed(small_group)) == count_statements(
        deps, lambda: feed(large_group)
    )


def test_member_feed_issues_as_many_statements_for_2_groups_as_for_20(deps: Deps) -> None:
    seed = Seeder(deps.engine, "T1")
    few, many, lead = seed.person(), seed.person(), seed.person()
    seed.groups(2, contact_id=lead, members=[few], meetings=2)
    seed.groups(20, contact_id=lead, members=[many], meetings=2)

    def feed(person_id: int) -> bytes | None:
        with deps.uow() as session:
            token = session.get_one(Person, person_id).calendar_token
            assert token is not None
            return meeting_service.member_feed(
                session, token=token, now=NOW, tz_name="Europe/Amsterdam"
            )

    assert count_statements(deps, lambda: feed(few)) == count_statements(deps, lambda: feed(many))
