"""The directory's search (bot/services/directory_query.py) on a real database: name or region
contains the words, in any case, taken literally (% and _ are no wildcards), or the group's
number; hits counted, one page each with its members; the same answers on SQLite (LIKE) and
PostgreSQL (ILIKE through the trigram index)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from bot.services.groups import DIRECTORY_PAGE_SIZE, directory
from storage.db import make_session_factory, unit_of_work
from storage.models import (
    Enrollment,
    EnrollmentStatus,
    Group,
    GroupForm,
    GroupKind,
    Person,
    Workspace,
)

CREATED = datetime(2026, 1, 1, tzinfo=UTC)
GROUPS = [
    # (number, name, region, open for requests)
    (1001, "Zeister Bossen", "Utrecht", True),
    (1002, "Intervisie ZEIST-Oost", "Utrecht", True),
    (1003, "Vertrouwenspersonen 100% online", "Noord-Holland", True),
    (1004, "Groep_A", "Zeeland", True),
    (1005, "GroepXA", "Gelderland", True),
    (1006, "Zeist gesloten", "Utrecht", False),
    (1101, "Nummer elf-nul-een", "Drenthe", True),
]


@pytest.fixture
def engine(clean_db: Engine) -> Iterator[Engine]:
    """The test database with GROUPS in workspace T1 (and one other workspace's group)."""
    with Session(clean_db) as session, session.begin():
        session.add_all(
            [
                Workspace(team_id="T1", created_at=CREATED, active=True),
                Workspace(team_id="T9", created_at=CREATED, active=True),
            ]
        )
        session.flush()
        contact = Person(team_id="T1", slack_user_id="U1", full_name="C", created_at=CREATED)
        session.add(contact)
        session.flush()
        for number, name, region, open_ in [*GROUPS, (1001, "Zeist elders", "Utrecht", True)]:
            team = "T9" if name == "Zeist elders" else "T1"
            group = Group(
                team_id=team,
                number=number,
                name=name,
                region=region,
                form=GroupForm.ONLINE,
                kind=GroupKind.PEER,
                max_members=10,
                open_for_requests=open_,
                contact_person_id=contact.id,
                calendar_token=f"{team}-{number}",
                created_at=CREATED,
            )
            session.add(group)
            session.flush()
            if number == 1002:
                session.add(
                    Enrollment(
                        group_id=group.id,
                        person_id=contact.id,
                        status=EnrollmentStatus.APPROVED,
                        requested_at=CREATED,
                        decided_at=CREATED,
                    )
                )
    yield clean_db


def _search(engine: Engine, query: str, page: int = 0) -> tuple[int, list[int]]:
    factory = make_session_factory(engine)
    with unit_of_work(factory) as session:
        found = directory(session, team_id="T1", query=query, page=page)
    return found.total, [item.group.number for item in found.items]


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ("zeist", [1001, 1002]),  # name, any case; the closed group and the other team's not
        ("ZEIST", [1001, 1002]),
        ("  utrecht ", [1001, 1002]),  # region, spaces around ignored
        ("100%", [1003]),  # % is a percent sign, not "anything"
        ("p_a", [1004]),  # _ is an underscore, not "any one character" (GroepXA stays out)
        ("1101", [1101]),  # a number finds the group with that number
        ("100", [1003]),  # a number also matches text ("100% online"), never number 1001
        ("nergens", []),
    ],
)
def test_search_matches_literally_in_name_region_or_number(
    engine: Engine, query: str, numbers: list[int]
) -> None:
    assert _search(engine, query) == (len(numbers), numbers)


def test_without_words_every_open_group_by_number_with_its_members(engine: Engine) -> None:
    factory = make_session_factory(engine)
    with unit_of_work(factory) as session:
        found = directory(session, team_id="T1")
    assert [i.group.number for i in found.items] == [1001, 1002, 1003, 1004, 1005, 1101]
    assert {i.group.number: i.members for i in found.items}[1002] == 1
    assert {i.group.number: i.members for i in found.items}[1001] == 0
    assert found.total == 6 and not found.has_next


def test_pages_and_a_page_past_the_end_still_count_the_hits(engine: Engine) -> None:
    factory = make_session_factory(engine)
    with unit_of_work(factory) as session:
        for n in range(DIRECTORY_PAGE_SIZE):
            session.add(
                Group(
                    team_id="T1",
                    number=2000 + n,
                    name=f"Zeist extra {n}",
                    region="",
                    form=GroupForm.ONLINE,
                    kind=GroupKind.PEER,
                    max_members=10,
                    contact_person_id=session.scalars(text("SELECT id FROM person")).one(),
                    calendar_token=f"extra-{n}",
                    created_at=CREATED,
                )
            )
    hits = 2 + DIRECTORY_PAGE_SIZE
    total, first = _search(engine, "zeist")
    assert total == hits and first == [1001, 1002, *range(2000, 2000 + DIRECTORY_PAGE_SIZE - 2)]
    assert _search(engine, "zeist", page=1) == (hits, [2000 + DIRECTORY_PAGE_SIZE - 2, 2009])
    assert _search(engine, "zeist", page=5) == (hits, [])


@pytest.mark.postgres_only
def test_on_postgresql_the_search_uses_the_trigram_index(engine: Engine) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    with engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))  # a handful of rows: force the choice
        plan = "\n".join(
            str(row[0])
            for row in conn.execute(
                text(
                    "EXPLAIN SELECT id FROM intervision_group "
                    "WHERE name ILIKE '%zeist%' OR region ILIKE '%zeist%'"
                )
            )
        )
    assert "ix_group_search_trgm" in plan
