"""A fan-out of meeting reminders (issue 19): the outbox renders a batch of reminders for many
meetings with one prefetch per batch (Renderers.register's prefetch), so the statements do not
grow with the number of meetings, and every DM reads exactly as it does when it is rendered
alone, without the prefetch: the goal, the previous evaluation, who cannot come, the planned
roles, the place in a trajectory and the "Ik kan niet" button, in the recipient's language.

The first DM to someone goes to their user id, so the fan-out needs no conversations.open."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bench._common import StatementCounter
from bot.actor import zone_of
from bot.clock import ManualClock
from bot.delivery import Outbox
from bot.deps import Deps
from bot.devtools.fake_slack import FakeSlack
from bot.i18n import lang_for
from bot.jobs import dispatch_reminders
from bot.notify import RenderContext
from bot.server import build_deps
from bot.settings import Settings
from bot.slack_api import make_web_client, same_client
from handlers.notices import install
from storage.models import (
    Absence,
    AbsenceReason,
    Delivery,
    DeliveryStatus,
    Enrollment,
    EnrollmentStatus,
    EvaluationResponse,
    GoalServed,
    Group,
    GroupAgreements,
    GroupForm,
    GroupKind,
    Meeting,
    MeetingStatus,
    Person,
    PlannedRole,
    Reminder,
    ReminderKind,
    ReminderStatus,
    Role,
    SubstitutePolicy,
    Trajectory,
    TrajectoryStatus,
    Workspace,
)
from tests.support.notes import person

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
CREATED = datetime(2026, 1, 1, tzinfo=UTC)
TEAM = "T1"


@pytest.fixture
def deps(settings: Settings, clean_db: Engine) -> Iterator[Deps]:
    """The app's dependencies with every renderer installed; nothing is started."""
    built = build_deps(settings, clock=ManualClock(NOW))
    install(built.renderers)
    with Session(clean_db) as session, session.begin():
        session.add(Workspace(team_id=TEAM, created_at=CREATED, active=True))
    yield built
    built.engine.dispose()


def _outbox(deps: Deps, settings: Settings) -> Outbox:
    return Outbox(
        session_factory=deps.session_factory,
        clients=same_client(make_web_client(settings, timeout=5)),
        clock=ManualClock(NOW),
        renderers=deps.renderers,
        settings=settings,
    )


class World:
    """Groups with a meeting in two hours each and its reminder due now (rows, as fixture data)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.serial = 0

    def people(self, count: int, *, english: int = -1) -> list[int]:
        ids = []
        with Session(self.engine) as session, session.begin():
            for _ in range(count):
                self.serial += 1
                user = f"UFAN{self.serial:05d}"
                someone = person(session, user_id=user, now=CREATED)
                someone.full_name = f"Lid {self.serial}"
                someone.locale = "en-GB" if len(ids) == english else "nl-NL"
                ids.append(someone.id)
        return ids

    def group(self, members: list[int], *, guided: bool = False) -> tuple[int, int]:
        """A group of these members (the first is its contact person) and its next meeting."""
        with Session(self.engine) as session, session.begin():
            self.serial += 1
            group = Group(
                team_id=TEAM,
                number=2000 + self.serial,
                name=f"Groep {self.serial}",
                form=GroupForm.ONLINE,
                kind=GroupKind.GUIDED if guided else GroupKind.PEER,
                max_members=10,
                contact_person_id=members[0],
                calendar_token=secrets.token_urlsafe(16),
                created_at=CREATED,
            )
            session.add(group)
            session.flush()
            session.add_all(
                Enrollment(
                    group_id=group.id,
                    person_id=member,
                    status=EnrollmentStatus.APPROVED,
                    requested_at=CREATED,
                    decided_at=CREATED,
                )
                for member in members
            )
            meeting = Meeting(
                group_id=group.id,
                uid=f"fan-{group.id}@test",
                starts_at=NOW + timedelta(hours=2),
                duration_minutes=120,
                status=MeetingStatus.PLANNED,
                created_at=CREATED,
                updated_at=CREATED,
            )
            session.add(meeting)
            session.flush()
            session.add(
                Reminder(
                    meeting_id=meeting.id,
                    kind=ReminderKind.BEFORE_MEETING,
                    offset_minutes=120,
                    due_at=NOW - timedelta(minutes=1),
                    status=ReminderStatus.PENDING,
                )
            )
            return group.id, meeting.id

    def everything_about(self, group_id: int, meeting_id: int, members: list[int]) -> None:
        """A goal, an evaluated earlier meeting, planned roles and an absence."""
        with Session(self.engine) as session, session.begin():
            session.add(
                GroupAgreements(
                    group_id=group_id,
                    goal="Elkaar scherp houden op afwegingen",
                    substitutes=SubstitutePolicy.NOT_ALLOWED,
                    created_at=CREATED,
                    updated_at=CREATED,
                )
            )
            earlier = Meeting(
                group_id=group_id,
                uid=f"fan-earlier-{group_id}@test",
                starts_at=NOW - timedelta(days=28),
                duration_minutes=120,
                status=MeetingStatus.PLANNED,
                attendance_registered_at=NOW - timedelta(days=27),
                created_at=CREATED,
                updated_at=CREATED,
            )
            session.add(earlier)
            session.flush()
            session.add_all(
                EvaluationResponse(
                    id=secrets.token_hex(8),
                    meeting_id=earlier.id,
                    score=score,
                    goal=GoalServed.YES,
                    for_me=True,
                )
                for score in (7, 8, 9)
            )
            session.add_all(
                [
                    PlannedRole(
                        meeting_id=meeting_id,
                        role=Role.PRESENTER,
                        person_id=members[1],
                        assigned_at=CREATED,
                    ),
                    PlannedRole(
                        meeting_id=meeting_id,
                        role=Role.FACILITATOR,
                        person_id=members[2],
                        assigned_at=CREATED,
                    ),
                    Absence(
                        meeting_id=meeting_id,
                        person_id=members[3],
                        reason=AbsenceReason.HOLIDAY,
                        notified_at=CREATED,
                    ),
                ]
            )

    def trajectory(self, group_id: int, supervisor: int) -> None:
        """A running trajectory of six agreed meetings for the group."""
        with Session(self.engine) as session, session.begin():
            session.add(
                Trajectory(
                    team_id=TEAM,
                    status=TrajectoryStatus.RUNNING,
                    supervisor_id=supervisor,
                    group_id=group_id,
                    client_name="Gemeente Zeist",
                    agreed_meetings=6,
                    requested_at=CREATED,
                    decided_at=CREATED,
                    started_at=CREATED,
                )
            )


def _statements_of_the_batch(deps: Deps, outbox: Outbox) -> tuple[int, list[str]]:
    """Owe the due reminders, then send one outbox batch; the batch's queries. (Its writes are
    left out: sent rows are recorded every 0.25 s, so a slow machine records them in more
    statements.)"""
    assert dispatch_reminders(deps) > 0
    counter = StatementCounter(deps.engine)
    with counter.counting():
        outbox.run_once()
    queries = [s for s in counter.statements if s.lstrip().upper().startswith("SELECT")]
    return len(queries), queries


def _add_groups(world: World, count: int) -> None:
    for _ in range(count):
        world.group(world.people(5))


def test_a_batch_of_reminders_issues_as_many_statements_for_8_meetings_as_for_2(
    deps: Deps, settings: Settings, fake_slack: FakeSlack, clean_db: Engine
) -> None:
    outbox = _outbox(deps, settings)
    world = World(clean_db)
    _add_groups(world, 2)
    two, _ = _statements_of_the_batch(deps, outbox)
    _add_groups(world, 8)
    eight, statements = _statements_of_the_batch(deps, outbox)
    with Session(clean_db) as session:
        sent = session.scalars(select(Delivery.status)).all()
    assert sent == [DeliveryStatus.SENT] * (5 * 10)
    # The claim, the recipients and the prefetch's lookups: as many for eight meetings as for
    # two (rendered one by one, each meeting took eight queries of its own).
    assert eight == two, statements
    assert fake_slack.calls_to("conversations.open") == []


def test_every_reminder_of_a_batch_reads_as_it_does_rendered_alone(
    deps: Deps, settings: Settings, fake_slack: FakeSlack, clean_db: Engine
) -> None:
    world = World(clean_db)
    full = world.people(6, english=2)
    group_id, meeting_id = world.group(full)
    world.everything_about(group_id, meeting_id, full)
    supervisor = world.people(1)[0]
    guided = world.people(4, english=1)
    guided_group, _meeting = world.group(guided, guided=True)
    world.trajectory(guided_group, supervisor)
    for _ in range(3):
        world.group(world.people(3))
    outbox = _outbox(deps, settings)
    _statements_of_the_batch(deps, outbox)

    texts = []
    with deps.uow() as session:
        rows = session.scalars(select(Delivery).order_by(Delivery.id)).all()
        assert len(rows) >= 6 + 4 + 3 * 3
        assert {row.status for row in rows} == {DeliveryStatus.SENT}
        for row in rows:
            posted = _posted(fake_slack, row.recipient)
            alone = _render_alone(deps, settings, session, row.payload)
            assert posted == alone, row.recipient
            texts.append(str(posted))
    # The batch carried every part of a reminder somewhere: not a comparison of empty DMs.
    for part in ("Elkaar scherp houden", "Gemeente Zeist", "Lid 2", "Lid 3", "Lid 4", "7"):
        assert any(part in text for text in texts), part


def _posted(fake_slack: FakeSlack, user: str) -> dict[str, Any]:
    (message,) = fake_slack.messages(user)
    return {"text": message["text"], "blocks": message["blocks"] or []}


def _render_alone(
    deps: Deps, settings: Settings, session: Session, payload: dict[str, Any]
) -> dict[str, Any]:
    """The DM as the outbox renders it alone: a memo of its own and no prefetch."""
    recipient = session.get(Person, int(payload["person_id"]))
    assert recipient is not None
    intent, renderer = deps.renderers.decode(payload)
    context = RenderContext(
        session=session,
        recipient=recipient,
        lang=lang_for(recipient.locale),
        tz=zone_of(recipient.tz, default=settings.timezone),
        settings=settings,
        now=NOW,
        memo={},
    )
    rendered = renderer(context, intent)
    return {"text": rendered["text"], "blocks": rendered["blocks"]}
