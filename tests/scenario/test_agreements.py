"""The agreements card through Slack's front door: the contact person fills it in, every member
confirms with Akkoord, a change asks everyone again (and an Akkoord on the old version is refused),
the card names who has not confirmed, and a new member finds the card in the welcome DM."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.i18n import Lang, t, tn
from handlers.ui.agreements_ids import ActionId, agreements_block
from storage.models import AgreementConfirmation, AuditEvent, GroupAgreements
from tests.support.agreements import (
    AGREEMENTS,
    CONTACT,
    OTHERS,
    AgreeApp,
    agree_app,
    buttons,
    click,
    dms_with,
    fill_agreements,
    name,
    responses,
    wait_dm,
    wait_response,
)
from tests.support.groups import approve, ask_to_join
from tests.support.wait import wait_until

__all__ = ["agree_app"]  # the fixture, imported so pytest finds it

GROUP_NAME = "Vertrouwenspersonen 1234"
ENGLISH = "UENG0012"


def _lang(user: str) -> Lang:
    return "en" if user == ENGLISH else "nl"


def _ask(user: str, version: int) -> str:
    key = "agreements.dm.new" if version == 1 else "agreements.dm.changed"
    return t(_lang(user), key, number=1234, name=GROUP_NAME, version=version)


def _confirm_all(app: AgreeApp, *, version: int) -> None:
    for user in OTHERS:
        dm = wait_dm(app.fake, user, _ask(user, version))
        click(app, user, dm, ActionId.AGREEMENTS_CONFIRM, f"{app.group.id}:{version}")


def _card(app: AgreeApp) -> str:
    before = len(responses(app.fake))
    app.slack.command(CONTACT, "afspraken 1234")
    wait_until(lambda: len(responses(app.fake)) > before, what="the card")
    return responses(app.fake)[-1]


def test_filled_confirmed_by_all_changed_and_confirmed_again(
    agree_app: AgreeApp, db_engine: Engine
) -> None:
    app = agree_app
    result = fill_agreements(app)
    assert result.json["response_action"] == "update"
    assert "versie 1" in str(result.json["view"])

    # Every other member gets the card with Akkoord; the goal and the app's own part are on it.
    for user in OTHERS:
        dm = wait_dm(app.fake, user, t(_lang(user), "agreements.card.app_records"))
        assert buttons(dm, ActionId.AGREEMENTS_CONFIRM) == [f"{app.group.id}:1"]
        assert AGREEMENTS["goal"] in str(dm["blocks"])
    assert (
        dms_with(app.fake, CONTACT, _ask(CONTACT, 1)) == []
    )  # the one who saved it counts as agreed

    card = _card(app)
    assert tn("nl", "agreements.card.confirmed", 1, total=6, version=1) in card
    assert name("UBRAM002") in card and "Nog niet akkoord" in card

    _confirm_all(app, version=1)
    all_v1 = t("nl", "agreements.dm.all_confirmed", number=1234, name=GROUP_NAME, version=1)
    wait_dm(app.fake, CONTACT, all_v1)
    app.idle()
    # Each DM is redrawn without its button, saying when it was confirmed.
    for user in OTHERS:
        [dm] = dms_with(app.fake, user, t(_lang(user), "agreements.card.app_records"))
        assert buttons(dm, ActionId.AGREEMENTS_CONFIRM) == []
        assert "versie 1" in str(dm) or "version 1" in str(dm)
    assert tn("nl", "agreements.card.confirmed", 6, total=6, version=1) in _card(app)

    # A change asks everyone again; the card shows who has not yet confirmed it.
    fill_agreements(app, goal="Van elkaar leren hoe je een melding zorgvuldig afhandelt.")
    wait_dm(app.fake, "UBRAM002", _ask("UBRAM002", 2))
    card = _card(app)
    assert tn("nl", "agreements.card.confirmed", 1, total=6, version=2) in card
    assert name("UZOE0003") in card
    # An Akkoord on the first version (an old DM, or a forged click) is refused, nothing stored.
    old = dms_with(app.fake, "UBRAM002", t("nl", "agreements.card.app_records"))[0]
    app.slack.click(
        "UBRAM002", action_id=ActionId.AGREEMENTS_CONFIRM, value=f"{app.group.id}:1", message=old
    )
    wait_response(app.fake, t("nl", "agreements.outdated", number=1234)[:40])

    _confirm_all(app, version=2)
    all_v2 = t("nl", "agreements.dm.all_confirmed", number=1234, name=GROUP_NAME, version=2)
    wait_dm(app.fake, CONTACT, all_v2)
    assert tn("nl", "agreements.card.confirmed", 6, total=6, version=2) in _card(app)
    with Session(db_engine) as session:
        versions = session.scalars(select(AgreementConfirmation.version)).all()
        audit = session.scalars(
            select(AuditEvent.details).where(AuditEvent.action == "agreements_changed")
        ).all()
    assert sorted(versions) == [2] * 6
    # The audit log names the fields that changed, never what they say.
    assert audit[-1] == {"version": 2, "fields": ["goal"]}


def test_a_new_member_finds_the_card_in_the_welcome_dm(agree_app: AgreeApp) -> None:
    app = agree_app
    fill_agreements(app)
    ask_to_join(app.slack, app.fake, "UFEMK006", 1234)
    approve(app.slack, app.fake, CONTACT, name("UFEMK006"))
    welcome = wait_dm(app.fake, "UFEMK006", t("nl", "agreements.welcome", number=1234))
    assert "Welkom" in str(welcome)
    assert AGREEMENTS["goal"] in str(welcome["blocks"])
    click(app, "UFEMK006", welcome, ActionId.AGREEMENTS_CONFIRM, f"{app.group.id}:1")
    wait_response(app.fake, t("nl", "agreements.confirmed_ok", number=1234))
    assert name("UFEMK006") not in _card(app).split("Nog niet akkoord")[-1]


def test_bad_input_is_shown_on_its_field_and_nothing_is_saved(
    agree_app: AgreeApp, db_engine: Engine
) -> None:
    app = agree_app
    result = fill_agreements(app, goal="   ")
    assert result.json["response_action"] == "errors"
    assert result.json["errors"] == {
        agreements_block("goal"): t("nl", "agreements.error.goal_required")
    }
    # A member cannot open the modal or save: only the contact person (or the secretariat).
    app.slack.click(
        "UBRAM002",
        action_id=ActionId.AGREEMENTS_EDIT,
        value=str(app.group.id),
        message={"ts": "1.0", "channel": "DUBRAM002"},
    )
    wait_response(app.fake, t("nl", "group.not_manager", number=1234))
    with Session(db_engine) as session:
        assert session.scalars(select(GroupAgreements)).all() == []
