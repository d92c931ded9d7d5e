"""Engine, session factory and unit of work; SQLite is tuned so concurrent writers queue, not fail."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

SessionFactory = sessionmaker[Session]
PG_CONNECT_TIMEOUT_SECONDS = 10
# SQLite file: connections kept open, and how many more may be opened (and closed) in a burst
# (Bolt's listener pool is larger; SQLite serialises the writers anyway).
SQLITE_POOL_SIZE = 16
SQLITE_POOL_OVERFLOW = 64


def make_engine(url: str, *, pool_size: int = 10, echo: bool = False) -> Engine:
    """An engine for the URL: PostgreSQL with a pre-pinged pool, SQLite in WAL with write locks."""
    if url.startswith("sqlite"):
        database = make_url(url).database
        in_memory = not database or database == ":memory:" or database.startswith("file::memory:")
        engine = create_engine(
            url,
            echo=echo,
            # A file keeps its connections in a pool: opening one costs ~2 ms of CPU (SQLite
            # reads and parses the whole schema on a connection's first statement), which was
            # most of a short transaction (bench/README.md). A pooled connection is checked out
            # by one thread at a time; pysqlite's own thread check is off for that reason.
            # In memory, every connection is its own database: one per checkout, as before.
            **(
                {"poolclass": NullPool}
                if in_memory
                else {"pool_size": SQLITE_POOL_SIZE, "max_overflow": SQLITE_POOL_OVERFLOW}
            ),
            connect_args={"check_same_thread": False, "timeout": 30},
        )
        _configure_sqlite(engine)
        _keep_wal_open(engine)
        return engine
    return create_engine(
        url,
        echo=echo,
        pool_size=pool_size,
        max_overflow=pool_size * 2,
        pool_pre_ping=True,
        # An unreachable server fails a connection in seconds instead of the OS's minutes.
        connect_args={"connect_timeout": PG_CONNECT_TIMEOUT_SECONDS},
    )


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide when transactions begin (see _on_begin).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # BEGIN IMMEDIATE takes the write lock up front: two transactions that read-then-write
        # (approve the last seat, claim a reminder) queue behind each other instead of one of
        # them failing with "database is locked" halfway.
        conn.exec_driver_sql("BEGIN IMMEDIATE")


def _keep_wal_open(engine: Engine) -> None:
    """Hold one idle connection to a SQLite file for the engine's life.

    When the last connection to a WAL database closes, SQLite checkpoints the WAL into the
    database file, syncs and deletes it, and the next connection creates it again (bench/README.md,
    fan-out); the pool keeps connections open too, but only once they have been used. An idle
    connection that never begins a transaction keeps the WAL open and locks nothing, and opening it
    here makes an unusable file fail at start.
    """
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file::memory:"):
        return
    keeper = engine.raw_connection()

    @event.listens_for(engine, "engine_disposed")
    def _close_keeper(_engine: Engine) -> None:
        keeper.close()


def make_session_factory(engine: Engine) -> SessionFactory:
    """Sessions that keep loaded values after commit, so a handler can render what it wrote."""
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def unit_of_work(factory: SessionFactory) -> Iterator[Session]:
    """One transaction: commit on success, roll back on any exception; services never commit."""
    with factory.begin() as session:
        yield session


def ping(engine: Engine) -> bool:
    """True when the database answers a trivial query (for /healthz)."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception:
        return False
    return True


@contextmanager
def exclusive(engine: Engine, name: str) -> Iterator[bool]:
    """Whether this process may do `name` now: True unless another process holds it.

    PostgreSQL: a session advisory lock, tried without waiting on a connection of its own and
    held for the block; it goes when the block ends, or with the connection when the process
    dies. SQLite serves one process: always True.
    """
    if engine.dialect.name != "postgresql":
        yield True
        return
    key = zlib.crc32(f"intervisie:{name}".encode()) - 2**31  # a signed 32-bit advisory key
    with engine.connect() as conn:
        got = bool(conn.scalar(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}))
        conn.commit()
        try:
            yield got
        finally:
            if got:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
                conn.commit()
