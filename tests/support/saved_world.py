"""Build a suite's world through the front door once, then start every further test from a copy.

The authorization matrix alone has over a hundred cases, each on the same world of two groups,
members, meetings and certificates; building it through Slack's front door takes seconds. The
first test of a suite builds it as before; what it left behind (every row of every table, and
what the fake Slack holds: messages, views, files) is saved, and each later test of the suite
gets both back before its app starts. The app under test is a fresh process-like Runtime each
time, so nothing it keeps in memory carries over.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import Engine, Integer, select, text

from bot.clock import ManualClock
from bot.devtools.fake_slack import FakeSlack, FakeState
from bot.devtools.slack_sim import SlackSim
from bot.server import Runtime
from storage.models import Base
from tests.support.app import RuntimeFactory
from tests.support.people import SIGNING_SECRET, TEAM
from tests.support.privacy import World, build_world

# Fields of World that belong to one test's app, not to the saved scene.
_PER_TEST = frozenset({"slack", "fake", "runtime", "engine", "waiting"})


@dataclass(frozen=True)
class SavedWorld:
    """A built world: its table rows, the fake's state, and the World's ids."""

    rows: dict[str, list[dict[str, Any]]]
    fake: FakeState
    ids: dict[str, Any]


_SAVED: dict[str, SavedWorld] = {}


def restore_if_saved(key: str, *, engine: Engine, fake: FakeSlack) -> bool:
    """Before the app starts: put the saved world `key` back, if a previous test built it."""
    saved = _SAVED.get(key)
    if saved is None:
        return False
    _insert_rows(engine, saved.rows)
    fake.restore_state(saved.fake)
    return True


def shared_world(
    key: str,
    *,
    slack: SlackSim,
    runtime: Runtime,
    engine: Engine,
    build: Callable[[], World],
) -> World:
    """The world `key`: rebuilt from the saved copy (restored by restore_if_saved), or built
    with `build` and saved for the next test."""
    saved = _SAVED.get(key)
    if saved is not None:
        return World(slack=slack, fake=slack.fake, runtime=runtime, engine=engine, **saved.ids)
    world = build()
    runtime.outbox.wait_idle()
    ids = {f.name: getattr(world, f.name) for f in fields(World) if f.name not in _PER_TEST}
    _SAVED[key] = SavedWorld(rows=_rows(engine), fake=slack.fake.saved_state(), ids=ids)
    return world


def _rows(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    with engine.connect() as conn:
        return {
            table.name: [dict(row) for row in conn.execute(select(table)).mappings()]
            for table in Base.metadata.sorted_tables
        }


def _insert_rows(engine: Engine, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Insert the saved rows into the emptied tables; on PostgreSQL move each id sequence past
    the highest id, so the test's own inserts do not collide with the copied rows."""
    with engine.begin() as conn:
        for table in Base.metadata.sorted_tables:
            if rows[table.name]:
                conn.execute(table.insert(), rows[table.name])
        if conn.dialect.name != "postgresql":
            return
        for table in Base.metadata.sorted_tables:
            keys = list(table.primary_key.columns)
            if len(keys) != 1 or not isinstance(keys[0].type, Integer):
                continue
            name = keys[0].name
            sequence = conn.execute(
                text("SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": f'"{table.name}"', "column": name},
            ).scalar_one()
            if sequence is not None:
                conn.execute(
                    text(
                        f'SELECT setval(:sequence, (SELECT COALESCE(MAX("{name}"), 0) + 1 '
                        f'FROM "{table.name}"), false)'
                    ),
                    {"sequence": sequence},
                )


def start_app(
    key: str,
    *,
    request: pytest.FixtureRequest,
    start: Callable[[], Runtime],
    fake: FakeSlack,
    engine: Engine,
) -> Runtime:
    """An `app` fixture's body: the saved world `key` put back when the test asks for `world`,
    then the app started by `start`."""
    if "world" in request.fixturenames:
        restore_if_saved(key, engine=engine, fake=fake)
    return start()


def front_door_world(key: str, *, runtime: Runtime, fake: FakeSlack, engine: Engine) -> World:
    """A `world` fixture's body: tests.support.privacy's world, built once per suite `key`."""
    sim = SlackSim(port=runtime.port, signing_secret=SIGNING_SECRET, fake=fake, team_id=TEAM)
    return shared_world(
        key,
        slack=sim,
        runtime=runtime,
        engine=engine,
        build=lambda: build_world(sim, fake, runtime, engine),
    )


def front_door_fixtures(now: datetime) -> tuple[Any, Any, Any]:
    """A suite's `clock`, `app` and `world` fixtures (assign them to those names in the test
    module): the app on a manual clock at `now`, and tests.support.privacy's world, built once per
    test module and put back before the app starts in each later test that asks for it."""

    @pytest.fixture
    def clock() -> ManualClock:
        """The app's clock."""
        return ManualClock(now)

    @pytest.fixture
    def app(
        make_runtime: RuntimeFactory,
        clock: ManualClock,
        fake_slack: FakeSlack,
        db_engine: Engine,
        request: pytest.FixtureRequest,
    ) -> Runtime:
        """The app on the manual clock (with the saved world put back first, when the test has
        one)."""
        return start_app(
            request.module.__name__,
            request=request,
            start=lambda: make_runtime(clock=clock),
            fake=fake_slack,
            engine=db_engine,
        )

    @pytest.fixture
    def world(
        app: Runtime, fake_slack: FakeSlack, db_engine: Engine, request: pytest.FixtureRequest
    ) -> Iterator[World]:
        """Two groups with members, meetings and certificates, built through the front door."""
        yield front_door_world(
            request.module.__name__, runtime=app, fake=fake_slack, engine=db_engine
        )

    return clock, app, world
