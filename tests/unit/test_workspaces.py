"""A workspace's whole life on a real database: deactivated at the uninstall (deliveries
cancelled, revoked tokens dropped, data kept), activated again by an install, and after the grace
period deleted from every table, with nothing of another workspace touched."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import Session

from bot.services import certificates
from bot.services.workspace_purge import (
    delete_workspace_data,
    purge_workspace,
    workspace_tables,
    workspaces_due_for_deletion,
)
from bot.services.workspaces import (
    activate_workspace,
    deactivate_workspace,
    forget_expired_install_links,
)
from storage.db import make_session_factory, unit_of_work
from storage.models import (
    Association,
    Attendance,
    AuditEvent,
    Base,
    Delivery,
    DeliveryStatus,
    FeePayer,
    FeePayment,
    Group,
    Meeting,
    Person,
    ProcessedEvent,
    Registration,
    Reminder,
    ReminderKind,
    ReminderStatus,
    Role,
    SecretariatMember,
    Workspace,
)
from storage.models.oauth import slack_bots, slack_installations, slack_oauth_states
from tests.support.attendance import add_meeting, seed_group
from tests.support.privacy import row_counts, snapshot

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
GRACE = timedelta(days=30)
MEMBERS = ("UANNE001", "UBRAM002", "UZOE0003")


def seed_workspace(engine: Engine, team_id: str) -> None:
    """A workspace with a row in every table the app has: group, meeting, attendance, a
    certificate superseded by another, the association, its secretariat, a fee payment, a
    registration, audit, outbox, processed events and slack_sdk's installation rows."""
    seeded = seed_group(engine, members=MEMBERS, team_id=team_id)
    meeting_id = add_meeting(engine, group_id=seeded.group_id, starts_at=NOW - timedelta(days=3))
    anne, bram = seeded.people["UANNE001"], seeded.people["UBRAM002"]
    with unit_of_work(make_session_factory(engine)) as session:
        meeting = session.get_one(Meeting, meeting_id)
        group = session.get_one(Group, seeded.group_id)
        person = session.get_one(Person, bram)
        attendance = Attendance(
            meeting_id=meeting_id,
            person_id=bram,
            present=True,
            role=Role.PRESENTER,
            net_minutes=120,
            registered_at=NOW,
            registered_by_id=anne,
        )
        session.add(attendance)
        session.flush()
        first = certificates.issue(
            session, attendance=attendance, meeting=meeting, group=group, person=person, now=NOW
        )
        second = certificates.issue(
            session, attendance=attendance, meeting=meeting, group=group, person=person, now=NOW
        )
        certificates.supersede(first, new=second, now=NOW)
        certificates.owe_certificate(session, certificate=second, person=person, now=NOW)
        session.add_all(
            [
                Association(
                    team_id=team_id,
                    name=f"Vereniging {team_id}",
                    fee_eur=Decimal("75"),
                    peer_min_members=5,
                    peer_max_members=10,
                    guided_min_members=4,
                    guided_max_members=8,
                    required_hours=32,
                    period_years=4,
                    min_hours_per_year=8,
                    max_counted_hours_per_year=16,
                    retention_years=5,
                    updated_at=NOW,
                    updated_by_id=anne,
                ),
                SecretariatMember(team_id=team_id, person_id=anne, added_at=NOW, added_by_id=anne),
                FeePayment(
                    person_id=bram,
                    year=2026,
                    recorded_by_id=anne,
                    recorded_at=NOW,
                    paid_by=FeePayer.EMPLOYER,
                    paid_on=date(2026, 1, 15),
                ),
                Registration(
                    person_id=bram, register_key="lvv", number="123", created_at=NOW, updated_at=NOW
                ),
                AuditEvent(team_id=team_id, at=NOW, action="test", actor_id=anne, subject_id=bram),
                ProcessedEvent(event_id=f"Ev-{team_id}", team_id=team_id, received_at=NOW),
                Reminder(
                    meeting_id=meeting_id,
                    kind=ReminderKind.BEFORE_MEETING,
                    offset_minutes=120,
                    due_at=NOW,
                    status=ReminderStatus.PENDING,
                ),
            ]
        )
        for table in (slack_installations, slack_bots):
            values = {
                "client_id": "1111.2222",
                "app_id": "A1",
                "team_id": team_id,
                "bot_token": f"xoxb-{team_id}",
                "is_enterprise_install": False,
                "installed_at": NOW.replace(tzinfo=None),
            }
            if table is slack_installations:
                values["user_id"] = "UINSTALLER"
            session.execute(insert(table).values(**values))


def _team_rows(engine: Engine, team_id: str) -> dict[str, list[tuple[object, ...]]]:
    """The rows of tables with a team id column, of one workspace."""
    return {
        name: [r for r in rows if team_id in r]
        for name, rows in snapshot(engine).items()
        if "team_id" in Base.metadata.tables[name].c
    }


def test_every_table_belongs_to_a_workspace_except_the_oauth_states() -> None:
    # A new table that is not tied to a workspace (a team id, or a foreign key leading to one)
    # would outlive the workspace's deletion: tie it, or name it here as shared by all.
    shared = {"slack_oauth_states"}
    assert set(workspace_tables()) == {t.name for t in Base.metadata.sorted_tables} - shared


def test_deleting_a_workspace_removes_every_row_of_it_and_nothing_else(clean_db: Engine) -> None:
    seed_workspace(clean_db, "T1")
    only_t1 = row_counts(clean_db)
    t1 = snapshot(clean_db)
    seed_workspace(clean_db, "T2")
    with_t2 = row_counts(clean_db)
    # Each seeded table of a workspace has rows of both (the deletion is generic: it follows
    # every table tied to a workspace, seeded here or not).
    seeded = [n for n in workspace_tables() if only_t1[n]]
    assert len(seeded) >= 15
    assert {n: with_t2[n] for n in seeded} == {n: 2 * only_t1[n] for n in seeded}
    with unit_of_work(make_session_factory(clean_db)) as session:
        deleted = delete_workspace_data(session, team_id="T2")
    assert deleted == sum(with_t2.values()) - sum(only_t1.values())
    assert row_counts(clean_db) == only_t1
    assert snapshot(clean_db) == t1


def test_uninstall_keeps_the_data_for_the_grace_period_then_deletes_it(clean_db: Engine) -> None:
    seed_workspace(clean_db, "T1")
    seed_workspace(clean_db, "T2")
    factory = make_session_factory(clean_db)
    with unit_of_work(factory) as session:
        cancelled = deactivate_workspace(session, team_id="T2", now=NOW)
    assert cancelled == 1
    with Session(clean_db) as session:
        assert session.get_one(Workspace, "T2").active is False
        statuses = session.scalars(select(Delivery.status).where(Delivery.team_id == "T2")).all()
        tokens = session.execute(select(slack_bots.c.team_id)).scalars().all()
    assert statuses == [DeliveryStatus.CANCELLED]
    assert tokens == ["T1"]
    kept = _team_rows(clean_db, "T2")
    t1 = _team_rows(clean_db, "T1")
    with unit_of_work(factory) as session:
        assert (
            workspaces_due_for_deletion(
                session, now=NOW + GRACE - timedelta(minutes=1), grace=GRACE
            )
            == []
        )
        assert (
            purge_workspace(
                session, team_id="T2", now=NOW + GRACE - timedelta(minutes=1), grace=GRACE
            )
            == 0
        )
    assert _team_rows(clean_db, "T2") == kept
    later = NOW + GRACE
    with unit_of_work(factory) as session:
        assert workspaces_due_for_deletion(session, now=later, grace=GRACE) == ["T2"]
        assert purge_workspace(session, team_id="T2", now=later, grace=GRACE) > 0
    assert all(rows == [] for rows in _team_rows(clean_db, "T2").values())
    assert _team_rows(clean_db, "T1") == t1


def test_an_install_during_the_grace_period_keeps_everything(clean_db: Engine) -> None:
    seed_workspace(clean_db, "T2")
    factory = make_session_factory(clean_db)
    with unit_of_work(factory) as session:
        deactivate_workspace(session, team_id="T2", now=NOW)
    with unit_of_work(factory) as session:
        activate_workspace(
            session, team_id="T2", name="Tweede", installer="UADMIN01", now=NOW + timedelta(days=3)
        )
    with unit_of_work(factory) as session:
        assert purge_workspace(session, team_id="T2", now=NOW + 2 * GRACE, grace=GRACE) == 0
        workspace = session.get_one(Workspace, "T2")
        assert (workspace.active, workspace.deactivated_at, workspace.name) == (
            True,
            None,
            "Tweede",
        )
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions[-2:] == ["app_uninstalled", "app_installed"]


def test_install_links_that_expired_unused_are_dropped(clean_db: Engine) -> None:
    naive = NOW.replace(tzinfo=None)
    with unit_of_work(make_session_factory(clean_db)) as session:
        session.execute(
            insert(slack_oauth_states),
            [
                {"state": "old", "expire_at": naive - timedelta(minutes=1)},
                {"state": "fresh", "expire_at": naive + timedelta(minutes=9)},
            ],
        )
    with unit_of_work(make_session_factory(clean_db)) as session:
        assert forget_expired_install_links(session, now=NOW) == 1
        left = session.execute(select(slack_oauth_states.c.state)).scalars().all()
    assert left == ["fresh"]
