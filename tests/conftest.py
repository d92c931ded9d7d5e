"""Fixtures: a migrated database (SQLite by default, PostgreSQL with TEST_DATABASE_URL), the fake
Slack Web API, and the real app running in HTTP mode on a free loopback port."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, make_url, text

from bot.clock import Clock
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim
from bot.devtools.socket_mode import SocketModeServer
from bot.server import Runtime
from bot.settings import Settings, find_bold_font, find_fallback_fonts, find_font
from storage.db import make_engine
from storage.migrate import upgrade_to_head
from storage.models import Base
from tests.support.app import RuntimeFactory
from tests.support.people import ADMIN, PEOPLE, SIGNING_SECRET, TEAM


def pytest_report_header() -> str:
    """Say which database the run uses."""
    return f"database: {_database_label()}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """On PostgreSQL, run what uses the test database. A test that never asks for it (texts,
    rules, the demo on its own SQLite file, start-up with its own URLs) behaves the same on
    every run, and the SQLite run has already run it."""
    if _database_label() != "PostgreSQL":
        return
    skip = pytest.mark.skip(reason="does not use the test database; the SQLite run covers it")
    for item in items:
        if "database_url" not in getattr(item, "fixturenames", ()):
            item.add_marker(skip)


def _database_label() -> str:
    url = os.environ.get("TEST_DATABASE_URL", "")
    return "PostgreSQL" if url.startswith("postgres") else "SQLite"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A migrated database for the whole run: TEST_DATABASE_URL, else a SQLite file."""
    url = os.environ.get("TEST_DATABASE_URL", "").strip()
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    if not url:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if url.startswith("postgresql") and worker:
        url = _worker_database(url, worker)
    engine = make_engine(url)
    if engine.dialect.name == "postgresql":
        # Start from an empty schema so a run never sees a previous run's tables.
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    upgrade_to_head(engine)
    engine.dispose()
    return url


def _worker_database(url: str, worker: str) -> str:
    """A database of its own for each pytest-xdist worker (tests truncate tables freely)."""
    base = make_url(url)
    name = f"{base.database}_{worker}"
    admin = make_engine(base.render_as_string(hide_password=False))
    with admin.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def db_engine(database_url: str) -> Iterator[Engine]:
    """An engine on the test database, for assertions and cleaning."""
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def _wipe(engine: Engine) -> None:
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            names = ", ".join(t.name for t in Base.metadata.sorted_tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        else:
            for table in reversed(Base.metadata.sorted_tables):
                conn.execute(table.delete())


@pytest.fixture
def clean_db(db_engine: Engine) -> Iterator[Engine]:
    """The test database, emptied before the test."""
    _wipe(db_engine)
    yield db_engine


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    """The fake Slack Web API with the scenario people registered; no payload may be invalid."""
    fake = FakeSlack()
    fake.start()
    for user_id, attrs in PEOPLE.items():
        fake.add_user(
            user_id,
            real_name=attrs["real_name"],
            locale=attrs.get("locale", "nl-NL"),
            tz=attrs.get("tz", "Europe/Amsterdam"),
        )
    yield fake
    fake.stop()
    assert fake.violations == [], "the app sent payloads Slack would reject"


@pytest.fixture
def settings(database_url: str, fake_slack: FakeSlack) -> Settings:
    """Settings for an app under test: HTTP mode on a free port, Slack at the fake."""
    return Settings(
        slack_bot_token="xoxb-test-token",
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.base_url,
        database_url=database_url,
        host="127.0.0.1",
        port=0,
        public_url="http://intervisie.test",
        admins=frozenset({ADMIN}),
        pdf_font_path=find_font(""),
        pdf_font_bold_path=find_bold_font("", regular_configured=""),
        pdf_fallback_font_paths=find_fallback_fonts(""),
        delivery_poll_seconds=0.2,
        scheduler_poll_seconds=3600,
        http_threads=8,
        listener_threads=8,
        # The run's database is migrated once (database_url); each app only checks the revision.
        run_migrations=False,
    )


@pytest.fixture
def make_runtime(settings: Settings, clean_db: Engine) -> Iterator[RuntimeFactory]:
    """Start app processes (several, for multi-process tests); all are stopped afterwards."""
    started: list[Runtime] = []

    def start(*, clock: Clock | None = None, **overrides: Any) -> Runtime:
        runtime = Runtime(replace(settings, **overrides), clock=clock)
        runtime.start()
        started.append(runtime)
        return runtime

    yield start
    for runtime in started:
        runtime.stop(timeout=5)


@pytest.fixture
def runtime(make_runtime: RuntimeFactory) -> Runtime:
    """The app, running."""
    return make_runtime()


@pytest.fixture
def slack(runtime: Runtime, fake_slack: FakeSlack) -> SlackSim:
    """Slack's side: signed requests to the running app."""
    return SlackSim(port=runtime.port, signing_secret=SIGNING_SECRET, fake=fake_slack, team_id=TEAM)


@pytest.fixture
def repo_root() -> Path:
    """The repository's top folder."""
    return Path(__file__).resolve().parent.parent


# ----------------------------------------------------------------- Socket Mode


@pytest.fixture
def socket_mode(fake_slack: FakeSlack) -> Iterator[SocketModeServer]:
    """Slack's Socket Mode side on loopback; the fake's apps.connections.open hands out its URLs.

    Request it before anything that starts the app, so that the app is stopped first.
    """
    with SocketModeServer(fake_slack) as server:
        yield server
