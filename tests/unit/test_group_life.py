"""The group's life in its services, on a real database: every refusal (a non-member or the contact
person as deputy, removing the contact person or a non-member, ending twice, reopening without
being the secretariat, a bad edit) writes nothing; a deputy who leaves, becomes contact person or
deletes their data is no longer deputy; what was owed to a removed member about future meetings
is withdrawn; verslag confirmations follow retention; the group's page costs as many statements
for a big group as for a small one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bench._common import StatementCounter
from bot.actor import Actor
from bot.clock import ManualClock
from bot.deps import Deps
from bot.errors import Conflict, DomainError, InvalidFields, NotAllowed
from bot.notify import owe
from bot.server import build_deps
from bot.services.admin import change_contact_person
from bot.services.enrollment import leave
from bot.services.group_edit import GroupEdit, edit_group
from bot.services.group_end import end_group, reopen_group
from bot.services.group_members import RemovalReason, remove_member, set_deputy
from bot.services.group_page import page_by_number
from bot.services.privacy import delete_my_data, purge_before
from bot.services.reminders import MeetingReminder, claim_and_owe
from bot.settings import Settings
from handlers.group_page import render_page
from storage.models import (
    AuditEvent,
    Delivery,
    DeliveryStatus,
    Enrollment,
    EnrollmentStatus,
    Group,
    GroupForm,
    Person,
    Reminder,
    ReminderKind,
    ReminderStatus,
    VerslagConfirmation,
)
from tests.support.attendance import add_meeting, person, seed_group
from tests.support.privacy import snapshot

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ANNE, BRAM, ZOE, HANS = "UANNE001", "UBRAM002", "UZOE0003", "UHANS008"


@pytest.fixture
def deps(settings: Settings, clean_db: Engine) -> Iterator[Deps]:
    """The app's dependencies on the emptied test database; nothing is started."""
    built = build_deps(settings, clock=ManualClock(NOW))
    yield built
    built.engine.dispose()


@pytest.fixture
def noord(deps: Deps) -> dict[str, int]:
    """Group 1001 of Anne (contact person) with Bram and Zoë; Hans is known but no member.
    Returns person ids by Slack user id, and the group's id under "group"."""
    seeded = seed_group(deps.engine, members=(ANNE, BRAM, ZOE))
    with Session(deps.engine) as session, session.begin():
        hans = person(session, HANS).id
    return {**seeded.people, HANS: hans, "group": seeded.group_id}


def actor(person_id: int, user_id: str, *, secretariat: bool = False) -> Actor:
    """Someone acting in workspace T1."""
    return Actor(
        team_id="T1",
        user_id=user_id,
        person_id=person_id,
        name=user_id,
        lang="nl",
        tz=AMSTERDAM,
        is_secretariat=secretariat,
    )


def refused(deps: Deps, do: Callable[[Session], Any]) -> DomainError:
    """Run `do` in a unit of work; it must be refused, and no row of any table may change."""
    before = snapshot(deps.engine)
    with pytest.raises(DomainError) as caught, deps.uow() as session:
        do(session)
    assert snapshot(deps.engine) == before
    return caught.value


def deputy_of(deps: Deps, group_id: int) -> int | None:
    """The group's deputy now."""
    with Session(deps.engine) as session:
        return session.get_one(Group, group_id).deputy_id


def name(deps: Deps, ids: dict[str, int], user: str) -> None:
    """Anne names `user` the deputy."""
    with deps.uow() as session:
        set_deputy(
            session,
            actor=actor(ids[ANNE], ANNE),
            group_id=ids["group"],
            person_id=ids[user],
            now=NOW,
        )


def test_deputy_refusals_write_nothing(deps: Deps, noord: dict[str, int]) -> None:
    anne, group_id = actor(noord[ANNE], ANNE), noord["group"]

    def make(who: int | None, by: Actor = anne) -> Callable[[Session], Any]:
        return lambda s: set_deputy(s, actor=by, group_id=group_id, person_id=who, now=NOW)

    assert refused(deps, make(noord[HANS])).key == "life.deputy.not_member"
    assert refused(deps, make(noord[ANNE])).key == "life.deputy.is_contact"
    assert refused(deps, make(None)).key == "life.deputy.none"
    bram = actor(noord[BRAM], BRAM)
    assert isinstance(refused(deps, make(noord[ZOE], by=bram)), NotAllowed)
    name(deps, noord, ZOE)
    assert refused(deps, make(noord[ZOE])).key == "life.deputy.already"
    # The deputy names no deputy: that stays with the contact person and the secretariat.
    zoe = actor(noord[ZOE], ZOE)
    assert refused(deps, make(noord[BRAM], by=zoe)).key == "life.not_lead"


def test_a_deputy_who_leaves_is_no_longer_deputy(deps: Deps, noord: dict[str, int]) -> None:
    name(deps, noord, ZOE)
    with deps.uow() as session:
        leave(session, actor=actor(noord[ZOE], ZOE), group_id=noord["group"], now=NOW)
    assert deputy_of(deps, noord["group"]) is None
    with Session(deps.engine) as session:
        dropped = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "deputy_dropped")
        ).one()
        assert dropped.subject_id == noord[ZOE]


def test_a_deputy_made_contact_person_is_no_longer_deputy(
    deps: Deps, noord: dict[str, int]
) -> None:
    name(deps, noord, ZOE)
    with deps.uow() as session:
        zoe = session.get_one(Person, noord[ZOE])
        change_contact_person(
            session,
            actor=actor(noord[HANS], "UADMIN01", secretariat=True),
            number=1001,
            new_person=zoe,
            now=NOW,
        )
    assert deputy_of(deps, noord["group"]) is None


def test_a_deputy_who_deletes_their_data_is_no_longer_deputy(
    deps: Deps, noord: dict[str, int]
) -> None:
    name(deps, noord, ZOE)
    with deps.uow() as session:
        delete_my_data(session, actor=actor(noord[ZOE], ZOE), now=NOW)
    assert deputy_of(deps, noord["group"]) is None


def test_removal_refusals_write_nothing(deps: Deps, noord: dict[str, int]) -> None:
    anne, group_id = actor(noord[ANNE], ANNE), noord["group"]

    def remove(who: int, by: Actor = anne) -> Callable[[Session], Any]:
        return lambda s: remove_member(
            s, actor=by, group_id=group_id, person_id=who, reason=RemovalReason.OTHER, now=NOW
        )

    assert refused(deps, remove(noord[ANNE])).key == "life.remove.contact_person"
    assert refused(deps, remove(noord[HANS])).key == "life.remove.not_member"
    assert refused(deps, remove(noord[ZOE], by=actor(noord[BRAM], BRAM))).key == "life.not_lead"
    name(deps, noord, ZOE)
    assert refused(deps, remove(noord[BRAM], by=actor(noord[ZOE], ZOE))).key == "life.not_lead"


def test_what_was_owed_about_future_meetings_is_withdrawn_from_a_removed_member_only(
    deps: Deps, noord: dict[str, int]
) -> None:
    future = add_meeting(deps.engine, group_id=noord["group"], starts_at=NOW + timedelta(days=3))
    past = add_meeting(deps.engine, group_id=noord["group"], starts_at=NOW - timedelta(days=3))
    with deps.uow() as session:
        for user in (BRAM, ZOE):
            for meeting_id in (future, past):
                owe(
                    session,
                    intent=MeetingReminder(meeting_id=meeting_id, reminder_id=1),
                    to=session.get_one(Person, noord[user]),
                    now=NOW,
                )
    with deps.uow() as session:
        remove_member(
            session,
            actor=actor(noord[ANNE], ANNE),
            group_id=noord["group"],
            person_id=noord[BRAM],
            reason=RemovalReason.OWN_REQUEST,
            now=NOW,
        )
    with Session(deps.engine) as session:
        status = {
            (d.recipient, d.payload["args"]["meeting_id"]): d.status
            for d in session.scalars(select(Delivery).where(Delivery.dedupe_key.like("meeting_%")))
        }
    assert status == {
        (BRAM, future): DeliveryStatus.CANCELLED,
        (BRAM, past): DeliveryStatus.PENDING,
        (ZOE, future): DeliveryStatus.PENDING,
        (ZOE, past): DeliveryStatus.PENDING,
    }


def test_ending_twice_and_reopening_without_the_secretariat_are_refused(
    deps: Deps, noord: dict[str, int]
) -> None:
    anne, group_id = actor(noord[ANNE], ANNE), noord["group"]
    secretariat = actor(noord[HANS], "UADMIN01", secretariat=True)
    assert refused(deps, lambda s: reopen_group(s, actor=secretariat, group_id=group_id, now=NOW))
    with deps.uow() as session:
        end_group(session, actor=anne, group_id=group_id, now=NOW)
    again = refused(deps, lambda s: end_group(s, actor=anne, group_id=group_id, now=NOW))
    assert isinstance(again, Conflict) and again.key == "life.end.already"
    not_yours = refused(deps, lambda s: reopen_group(s, actor=anne, group_id=group_id, now=NOW))
    assert not_yours.key == "admin.only_secretariat"
    # While ended, nothing about its membership changes.
    ended = refused(
        deps, lambda s: set_deputy(s, actor=anne, group_id=group_id, person_id=noord[ZOE], now=NOW)
    )
    assert ended.key == "life.ended"
    with deps.uow() as session:
        reopen_group(session, actor=secretariat, group_id=group_id, now=NOW)
    with Session(deps.engine) as session:
        assert session.get_one(Group, group_id).ended_at is None


def test_a_bad_edit_names_every_bad_field_and_writes_nothing(
    deps: Deps, noord: dict[str, int]
) -> None:
    edit = GroupEdit(
        name="\u200b",
        description="",
        region="x" * 121,
        form=GroupForm.ONLINE,
        open_for_requests=False,
        verslag_check=False,
    )
    error = refused(
        deps,
        lambda s: edit_group(
            s, actor=actor(noord[ANNE], ANNE), group_id=noord["group"], edit=edit, now=NOW
        ),
    )
    assert isinstance(error, InvalidFields)
    assert {f: p.key for f, p in error.problems.items()} == {
        "name": "group.create.name_required",
        "region": "group.create.too_long",
    }


def test_verslag_confirmations_follow_retention(deps: Deps, noord: dict[str, int]) -> None:
    old = add_meeting(deps.engine, group_id=noord["group"], starts_at=NOW - timedelta(days=2000))
    recent = add_meeting(deps.engine, group_id=noord["group"], starts_at=NOW - timedelta(days=7))
    with Session(deps.engine) as session, session.begin():
        for meeting_id in (old, recent):
            session.add(
                VerslagConfirmation(meeting_id=meeting_id, person_id=noord[BRAM], confirmed_at=NOW)
            )
    with deps.uow() as session:
        assert purge_before(session, now=NOW, years=5) >= 1
    with Session(deps.engine) as session:
        left = session.scalars(select(VerslagConfirmation.meeting_id)).all()
    assert left == [recent]


def _page_statements(deps: Deps, viewer: Actor, number: int) -> int:
    def build() -> None:
        with deps.uow() as session:
            page = page_by_number(
                session, actor=viewer, number=number, now=NOW, settings=deps.settings
            )
            render_page(page)

    build()
    counter = StatementCounter(deps.engine)
    with counter.counting():
        build()
    return counter.count


def test_the_group_page_costs_as_many_statements_for_a_big_group_as_for_a_small_one(
    deps: Deps,
) -> None:
    small = seed_group(deps.engine, members=(ANNE, BRAM), number=1001)
    big_members = (ANNE, BRAM, ZOE, "UDAAN004", "UEMMA005", "UFEMK006", "UGERT007")
    big = seed_group(deps.engine, members=big_members, number=1002, name="Zuid")
    for seeded in (small, big):
        for day in range(1, 4 if seeded is small else 12):
            add_meeting(deps.engine, group_id=seeded.group_id, starts_at=NOW + timedelta(days=day))
    with Session(deps.engine) as session, session.begin():
        for user in ("UHANS008", "UINGE009", "UJOOS010"):
            session.add(
                Enrollment(
                    group_id=big.group_id,
                    person_id=person(session, user).id,
                    status=EnrollmentStatus.PENDING,
                    requested_at=NOW,
                )
            )
    anne = actor(small.people[ANNE], ANNE)
    assert _page_statements(deps, anne, 1001) == _page_statements(deps, anne, 1002)


def test_the_deputy_is_nudged_to_register_attendance_too(deps: Deps, noord: dict[str, int]) -> None:
    meeting_id = add_meeting(
        deps.engine, group_id=noord["group"], starts_at=NOW - timedelta(hours=3)
    )
    with Session(deps.engine) as session, session.begin():
        nudge = Reminder(
            meeting_id=meeting_id,
            kind=ReminderKind.REGISTER_ATTENDANCE,
            offset_minutes=0,
            due_at=NOW - timedelta(hours=1),
            status=ReminderStatus.PENDING,
        )
        session.add(nudge)
        session.flush()
        nudge_id = nudge.id
    name(deps, noord, ZOE)
    with deps.uow() as session:
        assert claim_and_owe(session, reminder_id=nudge_id, now=NOW) == 2
    with Session(deps.engine) as session:
        nudged = session.scalars(
            select(Delivery.recipient).where(Delivery.dedupe_key.like("attendance_nudge:%"))
        ).all()
    assert sorted(nudged) == [ANNE, ZOE]
