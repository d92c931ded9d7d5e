"""Alembic environment: runs migrations on the connection or URL handed in by storage.migrate."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from alembic import context
from sqlalchemy import Connection

from storage.db import make_engine
from storage.models import Base

config = context.config
target_metadata = Base.metadata


def _for_this_database(dialect: str) -> Callable[..., bool]:
    """Leave out of the comparison what the models create on another database only (an index
    with `.ddl_if(dialect="postgresql")`, such as the directory's trigram index)."""

    def include(obj: Any, _name: str | None, type_: str, reflected: bool, _other: Any) -> bool:
        condition = getattr(obj, "_ddl_if", None)
        if type_ == "index" and not reflected and condition is not None and condition.dialect:
            return bool(condition.dialect == dialect)
        return True

    return include


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        include_object=_for_this_database(connection.dialect.name),
        # SQLite cannot ALTER most things; batch mode rebuilds tables instead.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    """Use the caller's connection when given (tests, start-up), else DATABASE_URL."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    url = config.get_main_option("sqlalchemy.url") or os.environ.get(
        "DATABASE_URL", "sqlite:///intervisie.db"
    )
    engine = make_engine(url)
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline (SQL script) migrations are not supported; run against a database.")
run_migrations_online()
