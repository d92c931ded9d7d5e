"""Scale: fill a database with many people, groups and attendance rows, then time the App Home, the
directory, the recertification meter and the calendar feeds against a single indexed lookup.

    python -m bench.scale                                  # SQLite temp file, 10k people
    python -m bench.scale --scale 0.01                     # quick
    python -m bench.scale --database-url postgresql+psycopg://…/intervisie_bench   # 100k people

At --scale 1, PostgreSQL gets 100,000 people, 10,000 groups and about 1,000,000 attendance rows
(and as many certificates); SQLite a tenth of that. Rows are written with COPY (PostgreSQL) or
executemany (SQLite). Statement counts come from a before_cursor_execute listener.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, create_engine, event, func, select, text
from sqlalchemy.engine import make_url

from bench._common import SqlTimer, StatementCounter, machine, median, ms, out, percentile, ratio
from bot.actor import Actor
from bot.clock import ManualClock
from bot.deps import Deps
from bot.server import build_deps
from bot.services import access
from bot.services import calendar as meeting_service
from bot.services import groups as group_service
from bot.services import hours as certificate_service
from bot.settings import Settings, find_font
from handlers.home import SECTIONS
from handlers.ui.home_ui import build_home_view
from storage.db import make_engine
from storage.migrate import upgrade_to_head
from storage.models import Base, Person

TEAM = "T1"
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
CREATED = datetime(2024, 1, 1, tzinfo=UTC)
MEMBERS_PER_GROUP = 8
HERO_GROUPS = 10
HERO_CERTIFICATES = 200
FULL_PEOPLE = 100_000
FULL_GROUPS = 10_000
FULL_ATTENDANCE = 1_000_000
# The directory workspace: 100,000 groups named after made-up places, so that a search for one
# place finds a few hundred groups, as a search for a town would.
DIRECTORY_TEAM = "T2"
FULL_DIRECTORY_GROUPS = 100_000
PLACES = [
    a + b
    for a in ("Ber", "Dal", "Elst", "Gro", "Haar", "Kap", "Lin", "Mol", "Oos", "Ruw", "Sto", "Wes")
    for b in (
        "beek",
        "dam",
        "dorp",
        "hem",
        "hout",
        "kerk",
        "lo",
        "meer",
        "oord",
        "rijp",
        "veen",
        "wijk",
    )
]
# A place (about 1 in 144 groups) and one group's name within it.
SEARCHED_PLACE = "Molveen"
SEARCHED_NAME = "Molveen 417"
PROVINCES = ("Drenthe", "Flevoland", "Friesland", "Gelderland", "Groningen", "Limburg")


@dataclass(frozen=True)
class Sizes:
    """How many rows of each kind the generator writes."""

    people: int
    groups: int
    meetings_per_group: int
    # Groups of a second workspace (DIRECTORY_TEAM) that only the directory is measured on.
    directory_groups: int = 0

    @property
    def attendance(self) -> int:
        """Attendance rows: every member of every meeting."""
        return self.groups * self.meetings_per_group * MEMBERS_PER_GROUP


def sizes_for(scale: float, *, sqlite: bool) -> Sizes:
    """The row counts for a scale; SQLite gets a tenth."""
    factor = scale * (0.1 if sqlite else 1.0)
    people = max(HERO_GROUPS * MEMBERS_PER_GROUP * 3, int(FULL_PEOPLE * factor))
    groups = max(HERO_GROUPS + 2, int(FULL_GROUPS * factor))
    per_group = max(2, round(FULL_ATTENDANCE * factor / (groups * MEMBERS_PER_GROUP)))
    return Sizes(
        people=people,
        groups=groups,
        meetings_per_group=per_group,
        directory_groups=max(len(PLACES), int(FULL_DIRECTORY_GROUPS * factor)),
    )


# ------------------------------------------------------------------------------------- generator


def _member(group_index: int, j: int, people: int) -> int:
    """Person id of the j-th member of group `group_index` (0-based); person 1 is the hero."""
    return 2 + (group_index * MEMBERS_PER_GROUP + j) % (people - 1)


def rows_workspace(sizes: Sizes) -> Iterable[tuple[Any, ...]]:
    yield (TEAM, "Bench", True, 1000 + FULL_GROUPS, CREATED, None)
    yield (DIRECTORY_TEAM, "Directory", True, 1000 + sizes.directory_groups, CREATED, None)


def directory_number(index: int) -> int:
    """The public number of the index-th group of the directory workspace."""
    return 1001 + index


def rows_directory_groups(sizes: Sizes) -> Iterable[tuple[Any, ...]]:
    """The directory workspace's groups (no members: only the directory reads them)."""
    for di in range(sizes.directory_groups):
        gid = sizes.groups + di + 1
        place = PLACES[(di * 7) % len(PLACES)]
        yield (
            gid,
            DIRECTORY_TEAM,
            directory_number(di),
            f"Intervisie {place} {di // len(PLACES) + 1}",
            "",
            PROVINCES[di % len(PROVINCES)],
            "physical",
            "peer",
            10,
            True,
            2,
            12,
            "[2880, 120]",
            f"directory-token-{gid}",
            CREATED,
        )


def rows_person(n: int) -> Iterable[tuple[Any, ...]]:
    for pid in range(1, n + 1):
        name = "Hero Member" if pid == 1 else f"Lid {pid:06d}"
        yield (
            pid,
            TEAM,
            f"U{pid:08d}",
            name,
            name,
            "nl-NL",
            "Europe/Amsterdam",
            "member",
            f"REG{pid:06d}",
            date(2025, 1, 1) if pid == 1 else None,
            "herotoken" if pid == 1 else None,
            CREATED,
        )


def rows_group(sizes: Sizes) -> Iterable[tuple[Any, ...]]:
    for gi in range(sizes.groups):
        yield (
            gi + 1,
            TEAM,
            1001 + gi,
            f"Intervisiegroep {gi + 1}",
            "",
            f"Regio {gi % 12}",
            "physical",
            "peer",
            10,
            gi % 5 != 0,
            _member(gi, 0, sizes.people),
            12,
            "[2880, 120]",
            f"group-token-{gi + 1}",
            CREATED,
        )


def rows_enrollment(sizes: Sizes) -> Iterable[tuple[Any, ...]]:
    eid = 0
    for gi in range(sizes.groups):
        for j in range(MEMBERS_PER_GROUP):
            eid += 1
            yield (eid, gi + 1, _member(gi, j, sizes.people), "approved", CREATED, CREATED)
        # A pending request from someone of the next block, so queues exist everywhere.
        eid += 1
        yield (eid, gi + 1, _member(gi + 1, 3, sizes.people), "pending", CREATED, None)
        if gi < HERO_GROUPS:
            eid += 1
            yield (eid, gi + 1, 1, "approved", CREATED, CREATED)


def _meeting_start(gi: int, k: int, per_group: int) -> datetime:
    # Spread over two years back and three months ahead.
    span = timedelta(days=810)
    return NOW - timedelta(days=720) + span * k / per_group + timedelta(hours=gi % 48)


def rows_meeting(sizes: Sizes) -> Iterable[tuple[Any, ...]]:
    mid = 0
    for gi in range(sizes.groups):
        for k in range(sizes.meetings_per_group):
            mid += 1
            start = _meeting_start(gi, k, sizes.meetings_per_group)
            past = start < NOW
            yield (
                mid,
                gi + 1,
                f"m{mid}@bench",
                start,
                120,
                "Utrecht",
                "",
                "",
                "",
                "planned",
                0,
                CREATED,
                CREATED,
                start + timedelta(hours=3) if past else None,
            )


def rows_attendance_and_certificates(
    sizes: Sizes,
) -> tuple[Iterable[tuple[Any, ...]], Iterable[tuple[Any, ...]]]:
    """Two generators over the same walk; certificates for present members of past meetings."""

    def walk() -> Iterable[tuple[int, int, int, bool, str, datetime]]:
        aid = 0
        mid = 0
        for gi in range(sizes.groups):
            for k in range(sizes.meetings_per_group):
                mid += 1
                start = _meeting_start(gi, k, sizes.meetings_per_group)
                if start >= NOW:
                    continue
                for j in range(MEMBERS_PER_GROUP):
                    aid += 1
                    present = (aid * 7) % 10 != 0
                    role = ("facilitator", "presenter", "participant")[min(j, 2)]
                    yield aid, mid, _member(gi, j, sizes.people), present, role, start

    def attendance() -> Iterable[tuple[Any, ...]]:
        for aid, mid, pid, present, role, start in walk():
            yield (
                aid,
                mid,
                pid,
                present,
                role if present else None,
                120 if present else 0,
                start + timedelta(hours=3),
            )

    def certificates() -> Iterable[tuple[Any, ...]]:
        cid = 0
        for aid, mid, pid, present, role, start in walk():
            if not present:
                continue
            cid += 1
            gi = (mid - 1) // sizes.meetings_per_group
            yield _certificate(cid, pid, gi + 1, mid, aid, role, start, sizes)
        # The hero: 200 certificates over two years in their ten groups.
        for n in range(HERO_CERTIFICATES):
            cid += 1
            start = NOW - timedelta(days=700) + timedelta(days=700) * n / HERO_CERTIFICATES
            yield _certificate(cid, 1, 1 + n % HERO_GROUPS, None, None, "participant", start, sizes)

    return attendance(), certificates()


def _certificate(
    cid: int,
    pid: int,
    group_id: int,
    meeting_id: int | None,
    attendance_id: int | None,
    role: str,
    start: datetime,
    sizes: Sizes,
) -> tuple[Any, ...]:
    return (
        cid,
        TEAM,
        f"IV-{cid:09d}",
        f"code{cid:028d}",
        "participation",
        "valid",
        pid,
        group_id,
        meeting_id,
        attendance_id,
        "Hero Member" if pid == 1 else f"Lid {pid:06d}",
        f"REG{pid:06d}",
        1000 + group_id,
        f"Intervisiegroep {group_id}",
        "Contact",
        start,
        120,
        role,
        start + timedelta(hours=3),
    )


COLUMNS: dict[str, Sequence[str]] = {
    "workspace": ("team_id", "name", "active", "last_group_number", "created_at", "deactivated_at"),
    "person": (
        "id",
        "team_id",
        "slack_user_id",
        "full_name",
        "display_name",
        "locale",
        "tz",
        "membership_type",
        "member_number",
        "certification_period_start",
        "calendar_token",
        "created_at",
    ),
    "intervision_group": (
        "id",
        "team_id",
        "number",
        "name",
        "description",
        "region",
        "form",
        "kind",
        "max_members",
        "open_for_requests",
        "contact_person_id",
        "rotation_period_months",
        "reminder_lead_minutes",
        "calendar_token",
        "created_at",
    ),
    "enrollment": ("id", "group_id", "person_id", "status", "requested_at", "decided_at"),
    "meeting": (
        "id",
        "group_id",
        "uid",
        "starts_at",
        "duration_minutes",
        "location",
        "online_url",
        "theme",
        "method",
        "status",
        "sequence",
        "created_at",
        "updated_at",
        "attendance_registered_at",
    ),
    "attendance": (
        "id",
        "meeting_id",
        "person_id",
        "present",
        "role",
        "net_minutes",
        "registered_at",
    ),
    "certificate": (
        "id",
        "team_id",
        "number",
        "verification_code",
        "kind",
        "status",
        "person_id",
        "group_id",
        "meeting_id",
        "attendance_id",
        "holder_name",
        "member_number",
        "group_number",
        "group_name",
        "contact_person_name",
        "meeting_starts_at",
        "net_minutes",
        "role",
        "issued_at",
    ),
}
SERIAL_TABLES = (
    "person",
    "intervision_group",
    "enrollment",
    "meeting",
    "attendance",
    "certificate",
)


def _batches(rows: Iterable[tuple[Any, ...]], size: int) -> Iterable[list[tuple[Any, ...]]]:
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write(engine: Engine, table: str, rows: Iterable[tuple[Any, ...]]) -> int:
    """Bulk-write rows: COPY on PostgreSQL, executemany through SQLAlchemy Core on SQLite."""
    columns = COLUMNS[table]
    count = 0
    if engine.dialect.name == "postgresql":
        raw = engine.raw_connection()
        try:
            cursor = raw.cursor()
            sql = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
            with cursor.copy(sql) as copy:  # type: ignore[attr-defined]
                for row in rows:
                    copy.write_row(row)
                    count += 1
            raw.commit()
        finally:
            raw.close()
        return count
    model_table = Base.metadata.tables[table]
    with engine.begin() as conn:
        for batch in _batches(rows, 5000):
            conn.execute(model_table.insert(), [dict(zip(columns, r, strict=True)) for r in batch])
            count += len(batch)
    return count


def ensure_database(url: str) -> None:
    """Create the PostgreSQL database of the URL when it does not exist yet."""
    parsed = make_url(url)
    if not parsed.drivername.startswith("postgresql"):
        return
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            exists = conn.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": parsed.database}
            )
            if not exists:
                conn.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    finally:
        admin.dispose()


def generate(engine: Engine, sizes: Sizes) -> float:
    """Empty the database, migrate it and fill it; returns the seconds it took."""
    started = time.perf_counter()
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    upgrade_to_head(engine)
    attendance, certificates = rows_attendance_and_certificates(sizes)
    plan: list[tuple[str, Iterable[tuple[Any, ...]]]] = [
        ("workspace", rows_workspace(sizes)),
        ("person", rows_person(sizes.people)),
        ("intervision_group", rows_group(sizes)),
        ("intervision_group", rows_directory_groups(sizes)),
        ("enrollment", rows_enrollment(sizes)),
        ("meeting", rows_meeting(sizes)),
        ("attendance", attendance),
        ("certificate", certificates),
    ]
    for table, rows in plan:
        t0 = time.perf_counter()
        n = _write(engine, table, rows)
        out(f"  {table:<18} {n:>9,} rows in {time.perf_counter() - t0:6.1f} s")
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            for table in SERIAL_TABLES:
                # The table names are this module's constants, not input.
                sql = f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"  # noqa: S608
                conn.execute(text(sql))
        with engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("ANALYZE"))
    else:
        with engine.begin() as conn:
            conn.execute(text("ANALYZE"))
    return time.perf_counter() - started


# ------------------------------------------------------------------------------------- queries


def bench_settings(url: str) -> Settings:
    """Settings for in-process use (no HTTP, no Slack calls are made by the timed code)."""
    return Settings(
        slack_bot_token="xoxb-bench",
        slack_signing_secret="bench",
        slack_api_url="http://127.0.0.1:9/api/",
        database_url=url,
        host="127.0.0.1",
        port=0,
        public_url="http://intervisie.bench",
        pdf_font_path=find_font(""),
    )


def hero_viewer(deps: Deps) -> Actor:
    """The member with ten groups and two hundred certificates."""
    return Actor(
        team_id=TEAM,
        user_id="U00000001",
        person_id=1,
        name="Hero Member",
        lang="nl",
        tz=ZoneInfo("Europe/Amsterdam"),
        is_secretariat=False,
    )


def scenarios(deps: Deps, sizes: Sizes) -> dict[str, Callable[[], Any]]:
    """The measured operations, each as the handlers run it (own unit of work)."""
    viewer = hero_viewer(deps)
    today = NOW.date()
    last_page = max(0, (sizes.groups * 4 // 5) // group_service.DIRECTORY_PAGE_SIZE - 1)

    def floor() -> Any:
        with deps.uow() as session:
            return session.get(Person, 1)

    def home() -> Any:
        parts = []
        for section in SECTIONS:
            parts.extend(section(deps, viewer))
        return build_home_view(lang=viewer.lang, name=viewer.name, sections=parts)

    def directory_first() -> Any:
        with deps.uow() as session:
            return group_service.directory(session, team_id=TEAM)

    def directory_last() -> Any:
        with deps.uow() as session:
            return group_service.directory(session, team_id=TEAM, page=last_page)

    def directory_search() -> Any:
        with deps.uow() as session:
            return group_service.directory(session, team_id=TEAM, query="regio 7")

    searched_number = directory_number(sizes.directory_groups // 2)

    def number_lookup() -> Any:
        with deps.uow() as session:
            return access.group_by_number(session, team_id=DIRECTORY_TEAM, number=searched_number)

    def directory_large_search() -> Any:
        with deps.uow() as session:
            return group_service.directory(session, team_id=DIRECTORY_TEAM, query=SEARCHED_NAME)

    def directory_place_search() -> Any:
        with deps.uow() as session:
            return group_service.directory(session, team_id=DIRECTORY_TEAM, query=SEARCHED_PLACE)

    def meter() -> Any:
        with deps.uow() as session:
            person = session.get_one(Person, 1)
            return certificate_service.hours_meter(
                session, person=person, today=today, settings=deps.settings
            )

    def group_feed() -> Any:
        with deps.uow() as session:
            return meeting_service.group_feed(
                session, token="group-token-1", now=NOW, tz_name="Europe/Amsterdam"
            )

    def member_feed() -> Any:
        with deps.uow() as session:
            return meeting_service.member_feed(
                session, token="herotoken", now=NOW, tz_name="Europe/Amsterdam"
            )

    return {
        "floor: person by primary key": floor,
        "App Home (10 groups, 200 certificates)": home,
        "directory, first page": directory_first,
        "directory, last page": directory_last,
        "directory, search": directory_search,
        f"group by number ({sizes.directory_groups:,} groups)": number_lookup,
        f"directory search ({sizes.directory_groups:,} groups)": directory_large_search,
        f"  same, a place ({sizes.directory_groups // len(PLACES):,} hits)": directory_place_search,
        "recertification meter": meter,
        "group calendar feed": group_feed,
        "member calendar feed (10 groups)": member_feed,
    }


def measure(deps: Deps, sizes: Sizes, *, seconds: float) -> None:
    """Round-robin over the scenarios until `seconds` are spent; print medians, p95 and ratios."""
    ops = scenarios(deps, sizes)
    counter = StatementCounter(deps.engine)
    counts: dict[str, int] = {}
    for name, fn in ops.items():
        fn()  # warm caches (statement cache, the ORM's compiled queries)
        with counter.counting():
            fn()
        counts[name] = counter.count
    times: dict[str, list[float]] = {name: [] for name in ops}
    sql: dict[str, list[float]] = {name: [] for name in ops}
    timer = SqlTimer(deps.engine)
    timer.attach()
    deadline = time.monotonic() + seconds
    rounds = 0
    while time.monotonic() < deadline or rounds < 3:
        for name, fn in ops.items():
            timer.total = 0.0
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
            sql[name].append(timer.total)
        rounds += 1
    timer.detach()
    floor_name = next(iter(ops))
    floor_median = median(times[floor_name])
    out(f"\n{rounds} rounds, each operation in its own transaction, interleaved")
    out(
        f"{'operation':<40} {'stmts':>5} {'median':>10} {'p95':>10} {'× floor':>8}"
        f" {'in SQL':>10} {'SQL × floor':>11}"
    )
    floor_sql = median(sql[floor_name])
    for name in ops:
        values = times[name]
        out(
            f"{name:<40} {counts[name]:>5} {ms(median(values)):>10} "
            f"{ms(percentile(values, 95)):>10} {ratio(median(values), floor_median):>8}"
            f" {ms(median(sql[name])):>10} {ratio(median(sql[name]), floor_sql):>11}"
        )
    lookup, search = (
        name for name in ops if name.startswith(("group by number", "directory search"))
    )
    out(
        f"\n{search} = {ratio(median(times[search]), median(times[lookup]))} "
        f"{lookup} (median; target at most 2×)"
    )
    out(f"search plan: {search_plan(deps, ops[search])}")
    broad = next(name for name in ops if name.startswith("  same, a place"))
    out(
        f"a place ({SEARCHED_PLACE!r}) = {ratio(median(times[broad]), median(times[lookup]))} "
        f"the lookup: every hit is counted and the page sorted"
    )


def search_plan(deps: Deps, search: Callable[[], Any]) -> str:
    """Which index the directory search's count uses (EXPLAIN on PostgreSQL, the query plan on
    SQLite), from the statements it really sends."""
    sent: list[tuple[str, Any]] = []

    def capture(*args: Any) -> None:
        sent.append((str(args[2]), args[3]))

    event.listen(deps.engine, "before_cursor_execute", capture)
    try:
        search()
    finally:
        event.remove(deps.engine, "before_cursor_execute", capture)
    statement, parameters = next((s, p) for s, p in sent if "count(" in s.lower())
    prefix = "EXPLAIN " if deps.engine.dialect.name == "postgresql" else "EXPLAIN QUERY PLAN "
    with deps.engine.connect() as conn:
        rows = conn.exec_driver_sql(prefix + statement, parameters).all()
    lines = [str(row[-1]).strip() for row in rows]
    return " | ".join(
        line for line in lines if "Scan" in line or "SCAN" in line or "SEARCH" in line
    )


def main(argv: list[str] | None = None) -> None:
    """Generate (unless --reuse) and measure."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--database-url", default="", help="default: a SQLite temp file")
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = the full sizes")
    parser.add_argument("--seconds", type=float, default=15.0, help="time spent measuring")
    parser.add_argument(
        "--reuse", action="store_true", help="measure the data already there (no generation)"
    )
    args = parser.parse_args(argv)
    tmp: tempfile.TemporaryDirectory[str] | None = None
    url = args.database_url
    if not url:
        tmp = tempfile.TemporaryDirectory(prefix="intervisie-scale-")
        url = f"sqlite:///{Path(tmp.name) / 'scale.db'}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    ensure_database(url)
    engine = make_engine(url)
    sizes = sizes_for(args.scale, sqlite=engine.dialect.name == "sqlite")
    out(f"machine: {machine()}")
    out(f"database: {engine.dialect.name}, scale {args.scale}")
    if args.reuse:
        with engine.connect() as conn:
            people = int(conn.scalar(select(func.count()).select_from(Person)) or 0)
        out(f"reusing the data there ({people:,} people)")
    else:
        out(
            f"generating {sizes.people:,} people, {sizes.groups:,} groups, "
            f"~{sizes.attendance:,} meeting seats ({sizes.meetings_per_group} meetings per group)"
        )
        took = generate(engine, sizes)
        out(f"generated in {took:.1f} s")
    engine.dispose()
    deps = build_deps(bench_settings(url), clock=ManualClock(NOW))
    try:
        measure(deps, sizes, seconds=args.seconds)
    finally:
        deps.engine.dispose()
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    main()
