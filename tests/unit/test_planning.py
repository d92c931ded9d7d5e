"""The services behind methods, planned roles and reflection, on a real database: the rotation's
order, the workspace's methods (switched off, custom, older free text), the quick form's words,
and when reflection prompts are owed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.errors import InvalidInput, NotAllowed
from bot.i18n import Lang
from bot.methods import find_method
from bot.services import method_catalogue, planned_roles, reflections, role_suggestions
from bot.services.method_catalogue import CustomMethodDraft
from storage.models import Delivery, Group, GroupKind, Meeting, Person, Role
from tests.support.attendance import SEVEN, SeededGroup, add_meeting, seed_group
from tests.support.people import TEAM
from tests.support.planning import seed_history

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
ANNE, BRAM, ZOE, DAAN, EMMA, FEMKE, GERT = SEVEN


@pytest.fixture
def group(clean_db: Engine) -> SeededGroup:
    """Group 1001 with seven approved members, Anne its contact person."""
    return seed_group(clean_db)


@pytest.fixture
def session(clean_db: Engine) -> Iterator[Session]:
    """A session on the test database (changes are rolled back at the end)."""
    with Session(clean_db) as opened:
        yield opened
        opened.rollback()


def _actor(group: SeededGroup, user: str, *, secretariat: bool = False) -> Actor:
    return Actor(
        team_id=TEAM,
        user_id=user,
        person_id=group.people[user],
        name=user,
        lang="nl",
        tz=AMS,
        is_secretariat=secretariat,
    )


def _order(session: Session, group: SeededGroup, role: Role, day: date) -> list[str]:
    by_id = {pid: user for user, pid in group.people.items()}
    row = session.get_one(Group, group.group_id)
    members = list(session.scalars(select(Person).where(Person.id.in_(group.people.values()))))
    found = role_suggestions.suggestions(session, group=row, members=members, day=day, tz=AMS)
    return [by_id[c.person_id] for c in found.by_role[role]]


def test_the_rotation_puts_who_has_not_had_the_role_this_period_first(
    group: SeededGroup, session: Session, clean_db: Engine
) -> None:
    ids = group.people
    seed_history(
        clean_db,
        group_id=group.group_id,
        held=[
            (date(2025, 3, 1), {Role.PRESENTER: ids[ZOE]}),
            (date(2025, 9, 1), {Role.PRESENTER: ids[ANNE]}),
            (date(2026, 2, 1), {Role.PRESENTER: ids[BRAM], Role.FACILITATOR: ids[DAAN]}),
            (date(2026, 4, 1), {Role.PRESENTER: ids[EMMA]}),
        ],
    )
    # Never presenter (by name), then longest ago, then those who had it this year.
    assert _order(session, group, Role.PRESENTER, date(2026, 6, 1)) == [
        DAAN,
        FEMKE,
        GERT,
        ZOE,
        ANNE,
        BRAM,
        EMMA,
    ]
    # A role planned for another meeting counts too: Daan is not suggested twice in a row.
    session.rollback()  # SQLite: let the fixture writer in
    upcoming = add_meeting(
        clean_db, group_id=group.group_id, starts_at=datetime(2026, 6, 10, 17, tzinfo=UTC)
    )
    planned_roles.assign(
        session,
        actor=_actor(group, ANNE),
        meeting_id=upcoming,
        presenter_id=ids[DAAN],
        facilitator_id=None,
        now=NOW,
    )
    order = _order(session, group, Role.PRESENTER, date(2026, 6, 1))
    assert order[0] == FEMKE and order[-1] == DAAN


def test_a_half_year_period_starts_counting_again_in_july(
    group: SeededGroup, session: Session, clean_db: Engine
) -> None:
    ids = group.people
    seed_history(
        clean_db,
        group_id=group.group_id,
        held=[(date(2026, 2, 1), {Role.FACILITATOR: ids[ANNE]})],
    )

    def anne(day: date) -> tuple[int, date, date]:
        found = role_suggestions.suggestions(
            session,
            group=session.get_one(Group, group.group_id),
            members=[session.get_one(Person, ids[ANNE])],
            day=day,
            tz=AMS,
        )
        [candidate] = found.by_role[Role.FACILITATOR]
        assert candidate.last == date(2026, 2, 1)
        return candidate.count, found.start, found.end

    assert anne(date(2026, 8, 1)) == (1, date(2026, 1, 1), date(2027, 1, 1))
    role_suggestions.set_rotation_period(
        session, actor=_actor(group, ANNE), number=group.number, months=6, now=NOW
    )
    # From July a new half year begins: Anne has not facilitated in it yet.
    assert anne(date(2026, 8, 1)) == (0, date(2026, 7, 1), date(2027, 1, 1))
    assert anne(date(2026, 3, 1)) == (1, date(2026, 1, 1), date(2026, 7, 1))
    with pytest.raises(NotAllowed):
        role_suggestions.set_rotation_period(
            session, actor=_actor(group, BRAM), number=group.number, months=12, now=NOW
        )


@pytest.mark.parametrize(
    ("typed", "months"),
    [("jaar", 12), ("halfjaar", 6), ("kwartaal", 3), ("6", 6), ("6m", 6), ("24mnd", 24)],
)
def test_rotation_period_words(typed: str, months: int) -> None:
    assert role_suggestions.parse_rotation_months(typed) == months


@pytest.mark.parametrize("typed", ["5", "0", "100", "week", "", "６"])
def test_rotation_period_refusals(typed: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        role_suggestions.parse_rotation_months(typed)
    assert refused.value.key == "roles.period.invalid"


def test_the_facilitator_suggestion_is_never_the_suggested_presenter(
    group: SeededGroup, session: Session
) -> None:
    row = session.get_one(Group, group.group_id)
    members = list(session.scalars(select(Person).where(Person.id.in_(group.people.values()))))
    found = role_suggestions.suggestions(
        session, group=row, members=members, day=date(2026, 6, 1), tz=AMS
    )
    presenter, facilitator = found.suggested(Role.PRESENTER), found.suggested(Role.FACILITATOR)
    assert presenter is not None and facilitator is not None
    assert found.by_role[Role.FACILITATOR][0] == presenter  # nobody had any role yet
    assert facilitator != presenter


def test_workspace_methods_switched_off_custom_and_older_free_text(
    group: SeededGroup, session: Session
) -> None:
    admin = _actor(group, ANNE, secretariat=True)
    offered = [m.key for m in method_catalogue.offered(session, team_id=TEAM)]
    assert offered[:2] == ["incident", "five-steps"] and "own" in offered
    method_catalogue.set_enabled(session, actor=admin, key="balint", enabled=False, now=NOW)
    assert "balint" not in [m.key for m in method_catalogue.offered(session, team_id=TEAM)]
    # A meeting that has it keeps it; older free text is kept and shown as typed.
    assert method_catalogue.choose(session, team_id=TEAM, value="balint", current="balint") == (
        "balint"
    )
    assert method_catalogue.label(session, team_id=TEAM, value="Balint", lang="en") == "Balint"
    assert method_catalogue.label(session, team_id=TEAM, value="balint", lang="en") == (
        "Balint method"
    )
    with pytest.raises(InvalidInput):
        method_catalogue.choose(session, team_id=TEAM, value="balint", current="")
    with pytest.raises(InvalidInput):
        method_catalogue.set_enabled(session, actor=admin, key="own", enabled=False, now=NOW)
    with pytest.raises(NotAllowed):
        method_catalogue.set_enabled(
            session, actor=_actor(group, BRAM), key="incident", enabled=False, now=NOW
        )

    draft = CustomMethodDraft(
        name_nl="Incident", purpose_nl="Een eigen variant.", steps="20 | Vertellen | Kort"
    )
    own = method_catalogue.add_custom(session, actor=admin, draft=draft, now=NOW)
    again = method_catalogue.add_custom(session, actor=admin, draft=draft, now=NOW)
    # Keys never collide with the catalogue's or each other's.
    assert (own.key, again.key) == ("incident-2", "incident-3")
    assert own.minutes == 20 and own.name.en == "Incident" and own.custom
    session.flush()
    session.expire_all()
    session.info.clear()
    assert {"incident-2", "incident-3"} <= {
        m.key for m in method_catalogue.offered(session, team_id=TEAM)
    }


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("incident", "incident"),
        ("Incidentmethode", "incident"),
        ("balint", "balint"),
        ("vijfstappen", "five-steps"),
        ("five-steps", "five-steps"),
        ("methode:roddel", "gossip"),
        ("Utrecht", None),
    ],
)
def test_quick_form_words(group: SeededGroup, session: Session, word: str, key: str | None) -> None:
    found = method_catalogue.match_word(session, team_id=TEAM, word=word)
    assert (found.key if found else None) == key


def test_an_explicit_unknown_method_is_refused(group: SeededGroup, session: Session) -> None:
    with pytest.raises(InvalidInput) as refused:
        method_catalogue.match_word(session, team_id=TEAM, word="methode:utrecht")
    assert refused.value.key == "method.error.unknown"


@pytest.mark.parametrize(
    ("steps", "number"), [("10 | a", 1), ("x | a | b", 1), ("5 | a | b\n| b | c", 2)]
)
def test_a_badly_written_step_names_its_line(
    group: SeededGroup, session: Session, steps: str, number: int
) -> None:
    draft = CustomMethodDraft(name_nl="Eigen", purpose_nl="Doel.", steps=steps)
    with pytest.raises(InvalidInput) as refused:
        method_catalogue.add_custom(
            session, actor=_actor(group, ANNE, secretariat=True), draft=draft, now=NOW
        )
    assert (refused.value.key, refused.value.params) == (
        "method.error.step_line",
        {"number": number},
    )


def _prompts_owed(session: Session) -> list[int]:
    rows = session.scalars(select(Delivery).where(Delivery.dedupe_key.like("reflection_prompt:%")))
    return sorted(int(row.payload["person_id"]) for row in rows)


def test_reflection_prompts_follow_the_group_setting_the_opt_out_and_the_window(
    group: SeededGroup, session: Session, clean_db: Engine
) -> None:
    ids = group.people
    started = datetime(2026, 5, 28, 17, tzinfo=UTC)
    meeting = session.get_one(
        Meeting, add_meeting(clean_db, group_id=group.group_id, starts_at=started)
    )
    row = session.get_one(Group, group.group_id)
    present = [session.get_one(Person, ids[u]) for u in (ANNE, BRAM, ZOE)]
    # A peer group without the setting: nobody is asked.
    assert (
        reflections.owe_prompts(session, meeting=meeting, group=row, present=present, now=NOW) == 0
    )
    reflections.set_group_prompts(
        session, actor=_actor(group, ANNE), number=group.number, enabled=True, now=NOW
    )
    reflections.set_own_prompts(session, actor=_actor(group, ZOE), enabled=False, now=NOW)
    assert (
        reflections.owe_prompts(session, meeting=meeting, group=row, present=present, now=NOW) == 2
    )
    session.flush()
    assert _prompts_owed(session) == sorted([ids[ANNE], ids[BRAM]])
    # A correction asks nobody twice; a registration long after the meeting asks nobody.
    reflections.owe_prompts(session, meeting=meeting, group=row, present=present, now=NOW)
    session.flush()
    assert len(_prompts_owed(session)) == 2
    late = NOW + reflections.PROMPT_WINDOW + timedelta(days=1)
    assert (
        reflections.owe_prompts(session, meeting=meeting, group=row, present=present, now=late) == 0
    )

    # Guided groups always ask; their contact person cannot turn it off.
    row.kind, row.reflection_prompts = GroupKind.GUIDED, False
    assert reflections.prompts_on(row)
    with pytest.raises(Exception) as refused:
        reflections.set_group_prompts(
            session, actor=_actor(group, ANNE), number=group.number, enabled=False, now=NOW
        )
    assert getattr(refused.value, "key", "") == "reflection.guided_always"


def test_only_who_attended_can_record_a_reflection(
    group: SeededGroup, session: Session, clean_db: Engine
) -> None:
    [meeting_id] = seed_history(
        clean_db,
        group_id=group.group_id,
        held=[(date(2026, 5, 28), {Role.PRESENTER: group.people[BRAM]})],
    )
    with pytest.raises(NotAllowed):
        reflections.record_reflection(
            session, actor=_actor(group, ZOE), meeting_id=meeting_id, now=NOW
        )
    reflections.record_reflection(
        session, actor=_actor(group, BRAM), meeting_id=meeting_id, now=NOW
    )
    reflections.record_reflection(
        session, actor=_actor(group, BRAM), meeting_id=meeting_id, now=NOW + timedelta(hours=1)
    )
    assert reflections.reflection_counts(session, meeting_ids=[meeting_id]) == {meeting_id: 1}
    assert (
        reflections.reflected_at(session, person_id=group.people[BRAM], meeting_id=meeting_id)
        == NOW
    )
    assert reflections.reflection_counts(session, meeting_ids=[]) == {}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_word_shown_for_each_method_plans_that_method(
    group: SeededGroup, session: Session, lang: Lang
) -> None:
    for method in method_catalogue.offered(session, team_id=TEAM):
        word = method_catalogue.quick_word(method, lang=lang)
        found = method_catalogue.match_word(session, team_id=TEAM, word=word)
        assert found is not None and found.key == method.key, word
    assert method_catalogue.quick_word(find_method("five-steps"), lang="nl") == "vijfstappen"
