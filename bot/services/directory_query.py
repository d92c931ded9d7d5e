"""The directory's one statement: the groups open for requests that match what was typed, counted,
and one page of them with each group's member count. Built once per shape and database, then run
with parameters: building and caching a statement of this size cost more than running it."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import ColumnElement, Select, String, bindparam, func, or_, select, true
from sqlalchemy.orm import Session

from storage.models import Enrollment, EnrollmentStatus, Group

# (dialect, searching, the words are a number) → the statement.
_STATEMENTS: dict[tuple[str, bool, bool], Select[Any]] = {}
_LOCK = threading.Lock()


def _statement(dialect: str, *, searching: bool, number: bool) -> Select[Any]:
    conditions = [
        Group.team_id == bindparam("team_id"),
        Group.archived_at.is_(None),
        Group.open_for_requests.is_(True),
        # An ended group is gone from the directory (its members still see it).
        Group.ended_at.is_(None),
    ]
    if searching:
        if dialect == "postgresql":
            # ILIKE, served by the trigram index ix_group_search_trgm. The pattern goes into the
            # SQL as a literal, not a parameter: once psycopg prepares a statement (its fifth
            # run on a connection), PostgreSQL may switch to a generic plan, which cannot see
            # that '%Zeist%' is selective and walks all the workspace's groups in number order
            # (bench/README.md: under a millisecond with the index, 270 ms without).
            pattern = bindparam("pattern", type_=String, literal_execute=True)
            match: list[ColumnElement[bool]] = [
                Group.name.ilike(pattern, escape="\\"),
                Group.region.ilike(pattern, escape="\\"),
            ]
        else:
            # SQLite: LOWER(…) LIKE, a scan (it has no such index).
            pattern = bindparam("pattern", type_=String)
            match = [
                func.lower(Group.name).like(pattern, escape="\\"),
                func.lower(Group.region).like(pattern, escape="\\"),
            ]
        if number:
            match.append(Group.number == bindparam("number"))
        conditions.append(or_(*match))
    # The hits are found once (a CTE used twice, which PostgreSQL materialises), counted, and
    # one page of them joined to its groups. The outer joins keep the count when the page is
    # past the end: then its one row has no group.
    hits = select(Group.id, Group.number).where(*conditions).cte("hits")
    total = select(func.count().label("n")).select_from(hits).subquery("total")
    shown = (
        select(hits.c.id, hits.c.number)
        .order_by(hits.c.number)
        .offset(bindparam("offset"))
        .limit(bindparam("limit"))
        .subquery("shown")
    )
    members = (
        select(func.count(Enrollment.id))
        .where(Enrollment.group_id == Group.id, Enrollment.status == EnrollmentStatus.APPROVED)
        .correlate(Group)
        .scalar_subquery()
    )
    return (
        select(total.c.n, Group, members)
        .select_from(total)
        .outerjoin(shown, true())
        .outerjoin(Group, Group.id == shown.c.id)
        .order_by(shown.c.number)
    )


def directory_rows(
    session: Session, *, team_id: str, words: str, offset: int, limit: int
) -> tuple[int, list[tuple[Group, int]]]:
    """How many open groups match `words` (name or region contains them, case-insensitively
    and literally: a % or _ is no wildcard; or the number when they are digits), and the groups
    from `offset` on, by number, with their approved members."""
    dialect = session.get_bind().dialect.name
    key = (dialect, bool(words), words.isdigit())
    with _LOCK:
        statement = _STATEMENTS.get(key)
        if statement is None:
            statement = _STATEMENTS[key] = _statement(dialect, searching=key[1], number=key[2])
    params: dict[str, Any] = {"team_id": team_id, "offset": offset, "limit": limit}
    if words:
        escaped = words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params["pattern"] = f"%{escaped if dialect == 'postgresql' else escaped.lower()}%"
        if key[2]:
            params["number"] = int(words)
    rows = session.execute(statement, params).all()
    total = int(rows[0][0]) if rows else 0
    return total, [(group, int(count)) for _, group, count in rows if group is not None]
