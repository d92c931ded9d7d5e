"""Deleting a workspace's data after the grace period that follows an uninstall: every row of
every table that belongs to the workspace, found through its team id or, for tables without
one, through the foreign keys that lead to a table that has one. Tables added later are covered
the same way, as long as their rows are linked to the workspace."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from sqlalchemy import ColumnElement, Table, delete, false, select, update
from sqlalchemy.orm import Session

from storage.models import Base, Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Scope:
    """How a table's rows are tied to a workspace: a team id column, or a foreign key column
    pointing at a table that is tied to it (one step; that table has its own scope)."""

    column: str
    parent: Table | None


def _scope_of(table: Table, seen: frozenset[str] = frozenset()) -> _Scope | None:
    if "team_id" in table.c:
        return _Scope("team_id", None)
    candidates = []
    for fk in table.foreign_keys:
        parent = fk.column.table
        if parent.name == table.name or parent.name in seen:
            continue
        if _scope_of(parent, seen | {table.name}) is None:
            continue
        # A required link says the row belongs to the parent; an optional one only may.
        candidates.append((fk.parent.nullable, fk.parent.name, parent))
    if not candidates:
        return None
    _, column, parent = min(candidates, key=lambda c: (c[0], c[1]))
    return _Scope(column, parent)


@cache
def _scopes() -> tuple[tuple[Table, _Scope], ...]:
    """Every table tied to a workspace, children before parents (the order rows are deleted)."""
    found = []
    for table in reversed(Base.metadata.sorted_tables):
        scope = _scope_of(table)
        if scope is not None:
            found.append((table, scope))
    return tuple(found)


def workspace_tables() -> list[str]:
    """The tables whose rows belong to a workspace (and are deleted with it), by name."""
    return [table.name for table, _scope in _scopes()]


def _in_workspace(table: Table, team_id: str) -> ColumnElement[bool]:
    scope = _scope_of(table)
    if scope is None:
        return false()
    if scope.parent is None:
        return table.c.team_id == team_id
    parent = scope.parent
    fk = next(f for f in table.c[scope.column].foreign_keys if f.column.table is parent)
    return table.c[scope.column].in_(select(fk.column).where(_in_workspace(parent, team_id)))


def delete_workspace_data(session: Session, *, team_id: str) -> int:
    """Delete every row of the workspace in every table (the workspace row last); returns how
    many rows were deleted."""
    total = 0
    for table, _scope in _scopes():
        where = _in_workspace(table, team_id)
        # Rows that point at rows of their own table (a superseded certificate at its
        # successor) are unlinked first, so the delete never trips over its own rows.
        for fk in table.foreign_keys:
            if fk.column.table is table and fk.parent.nullable:
                session.execute(update(table).where(where).values({fk.parent.name: None}))
        result = session.execute(delete(table).where(where))
        total += int(getattr(result, "rowcount", 0) or 0)
    return total


def workspaces_due_for_deletion(session: Session, *, now: datetime, grace: timedelta) -> list[str]:
    """Workspaces uninstalled longer ago than the grace period (and not installed again)."""
    return list(
        session.scalars(
            select(Workspace.team_id).where(
                ~Workspace.active, Workspace.deactivated_at <= now - grace
            )
        )
    )


def purge_workspace(session: Session, *, team_id: str, now: datetime, grace: timedelta) -> int:
    """Delete the workspace's data if it is still due (re-checked under a row lock, so a second
    process or an install meanwhile wins); returns rows deleted, 0 when no longer due."""
    due = session.scalars(
        select(Workspace.team_id)
        .where(
            Workspace.team_id == team_id,
            ~Workspace.active,
            Workspace.deactivated_at <= now - grace,
        )
        .with_for_update()
    ).one_or_none()
    if due is None:
        return 0
    deleted = delete_workspace_data(session, team_id=team_id)
    log.info(
        "deleted the data of workspace %s (%d rows), %s after its uninstall",
        team_id,
        deleted,
        grace,
    )
    return deleted
