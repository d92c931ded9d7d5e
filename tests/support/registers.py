"""Scenario helpers for professions, registrations and accreditation, through Slack's front door
(commands, modal submits, clicks), and small reads of what the database and the fake Slack hold."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.devtools.fake_slack import FakeSlack, UploadedFile
from bot.devtools.slack_sim import HttpResult, SlackSim
from handlers.ui.registers_ids import ActionId, CallbackId, number_action_id
from storage.models import Person, PersonProfession, Registration
from tests.support.groups import count_views, wait_view
from tests.support.people import TEAM
from tests.support.wait import wait_until

JSON = dict[str, Any]


def profile_values(professions: list[str], numbers: dict[str, str], **extra: Any) -> dict[str, Any]:
    """The profile modal's inputs by action id: profession keys and a number per register key."""
    values: dict[str, Any] = {ActionId.PROFESSIONS: professions}
    values.update({number_action_id(key): number for key, number in numbers.items()})
    values.update(extra)
    return values


def open_profile(slack: SlackSim, fake: FakeSlack, user: str) -> JSON:
    """`/intervisie profiel`: the profile modal as opened for the user."""
    seen = count_views(fake, user, CallbackId.PROFILE)
    slack.command(user, "profiel")
    return wait_view(fake, user, CallbackId.PROFILE, seen=seen)


def submit_profile(
    slack: SlackSim, user: str, view: JSON, professions: list[str], numbers: dict[str, str]
) -> HttpResult:
    """Fill in and submit a profile modal."""
    return slack.submit(user, view, profile_values(professions, numbers))


def updated_view(result: HttpResult, callback_id: str) -> JSON:
    """The view a modal submit turned into (response_action update), checked by callback id."""
    body = result.json
    assert body and body.get("response_action") == "update", result.text
    view: JSON = body["view"]
    assert view.get("callback_id") == callback_id, view.get("callback_id")
    return view


def stored_profile(engine: Engine, user: str) -> tuple[set[str], dict[str, str]]:
    """(profession keys, register key -> number) stored for a scenario user."""
    with Session(engine) as session:
        person = session.scalars(
            select(Person).where(Person.team_id == TEAM, Person.slack_user_id == user)
        ).one()
        professions = set(
            session.scalars(
                select(PersonProfession.profession_key).where(
                    PersonProfession.person_id == person.id
                )
            )
        )
        numbers = {
            r.register_key: r.number
            for r in session.scalars(
                select(Registration).where(Registration.person_id == person.id)
            )
        }
    return professions, numbers


def files_named(fake: FakeSlack, user: str, suffix: str, *, count: int) -> list[UploadedFile]:
    """Wait until the user's DM holds `count` completed files ending in `suffix`."""

    def found() -> list[UploadedFile] | None:
        hits = [
            f
            for f in fake.uploaded_files()
            if f.completed and f.channel == "D" + user and f.filename.endswith(suffix)
        ]
        return hits if len(hits) >= count else None

    result: list[UploadedFile] = wait_until(
        found, timeout=30, what=f"{count} {suffix} file(s) for {user}"
    )
    return result
