"""Block Kit for the association's settings: the secretariat's part of the App Home, its four
forms (association, fee, rules, secretariat), the unpaid list and recording a payment; with their
listener ids. Block ids of the forms are the service's field names, so a refusal lands inline on
the field it is about."""

from __future__ import annotations

import enum
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    CheckboxesElement,
    InputBlock,
    PlainTextInputElement,
    UserMultiSelectElement,
)
from slack_sdk.models.views import View

from bot.i18n import Lang, hours_text, t, t_plain, tn, tn_plain
from bot.services.association import AssociationSettings
from handlers.ui.blocks import actions, button, context, divider, header, option, plain, section
from storage.models import Person

MODAL_TITLE_MAX = 24
FIELD_LABEL_MAX = 2000


class ActionId(enum.StrEnum):
    """Buttons of the secretariat's part of the App Home and of the unpaid list."""

    EDIT_IDENTITY = "association_edit_identity"
    EDIT_FEE = "association_edit_fee"
    EDIT_RULES = "association_edit_rules"
    EDIT_SECRETARIAT = "association_edit_secretariat"
    UNPAID = "fee_unpaid_list"
    MARK_PAID = "fee_mark_paid"
    # Inputs (one per block; read back by block id)
    INPUT = "value"
    PAID_BY = "fee_paid_by"
    PAID_ON = "fee_paid_on"
    MEMBERS = "secretariat_members"
    ADMINS = "secretariat_admins"
    BLOCKS = "fee_blocks"


class CallbackId(enum.StrEnum):
    """The forms."""

    IDENTITY = "association_identity"
    FEE = "association_fee"
    RULES = "association_rules"
    SECRETARIAT = "association_secretariat"
    UNPAID = "fee_unpaid"
    PAYMENT = "fee_payment"


class BlockId(enum.StrEnum):
    """Blocks read back (the service's field names) or shown."""

    NAME = "name"
    SHORT_NAME = "short_name"
    MEMBER_NUMBER_LABEL = "member_number_label"
    GUIDE_URL = "guide_url"
    MEMBERSHIP_URL = "membership_url"
    FEE = "fee_eur"
    INSTRUCTIONS = "payment_instructions"
    FEE_BLOCKS = "fee_blocks_requests"
    MEMBERS = "members"
    ADMINS = "admins_are_secretariat"
    PAID_BY = "paid_by"
    PAID_ON = "paid_on"
    HOME = "association_home"


RULE_FIELDS = (
    "peer_min_members",
    "peer_max_members",
    "guided_min_members",
    "guided_max_members",
    "required_hours",
    "period_years",
    "min_hours_per_year",
    "max_counted_hours_per_year",
    "retention_years",
)


def _modal(
    *, lang: Lang, callback_id: str, title_key: str, blocks: list[Block], private_metadata: str = ""
) -> dict[str, Any]:
    return View(
        type="modal",
        callback_id=callback_id,
        title=plain(t_plain(lang, title_key), MODAL_TITLE_MAX),
        submit=plain(t_plain(lang, "association.save"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "association.cancel"), MODAL_TITLE_MAX),
        private_metadata=private_metadata,
        blocks=blocks,
    ).to_dict()


def _text_input(
    lang: Lang,
    *,
    block_id: str,
    label_key: str,
    value: str,
    max_length: int,
    hint_key: str | None = None,
    optional: bool = True,
    multiline: bool = False,
) -> InputBlock:
    return InputBlock(
        block_id=block_id,
        label=plain(t_plain(lang, label_key), FIELD_LABEL_MAX),
        hint=plain(t_plain(lang, hint_key), FIELD_LABEL_MAX) if hint_key else None,
        element=PlainTextInputElement(
            action_id=ActionId.INPUT,
            initial_value=value or None,
            max_length=max_length,
            multiline=multiline,
        ),
        optional=optional,
    )


# -- the App Home ----------------------------------------------------------------------------------


def build_home_section(
    *,
    lang: Lang,
    association: AssociationSettings,
    members: list[Person],
    year: int,
    grace_days: int,
) -> list[Block]:
    """The secretariat's part of the App Home: the association at a glance and its buttons."""
    blocks: list[Block] = [divider(), header(t_plain(lang, "association.home.title"))]
    if association.name or association.short_name:
        name = association.issuer
        blocks.append(
            section(t(lang, "association.home.summary", name=name, fee=association.fee_text()))
        )
    else:
        blocks.append(section(t(lang, "association.home.unnamed")))
    rules = " · ".join(
        [
            tn(
                lang,
                "association.home.rules.peer",
                association.peer_max_members,
                low=association.peer_min_members,
            ),
            tn(
                lang,
                "association.home.rules.guided",
                association.guided_max_members,
                low=association.guided_min_members,
            ),
            t(
                lang,
                "association.home.rules.recertification",
                hours_text=hours_text(lang, association.required_hours * 60),
                years_text=tn_plain(lang, "years.amount", association.period_years),
            ),
            t(
                lang,
                "association.home.rules.retention",
                years_text=tn_plain(lang, "years.amount", association.retention_years),
            ),
        ]
    )
    who = [t_plain(lang, "association.home.admins")] if association.admins_are_secretariat else []
    who.extend(f"<@{p.slack_user_id}>" for p in members)
    who_text = ", ".join(who) if who else t_plain(lang, "association.home.bootstrap")
    blocks.append(
        context(rules + "\n" + t_plain(lang, "association.home.secretariat", who=who_text))
    )
    blocks.append(
        actions(
            button(t_plain(lang, "association.edit.identity"), action_id=ActionId.EDIT_IDENTITY),
            button(t_plain(lang, "association.edit.fee"), action_id=ActionId.EDIT_FEE),
            button(t_plain(lang, "association.edit.rules"), action_id=ActionId.EDIT_RULES),
            button(
                t_plain(lang, "association.edit.secretariat"), action_id=ActionId.EDIT_SECRETARIAT
            ),
            button(
                t_plain(lang, "fee.unpaid.button", year=year),
                action_id=ActionId.UNPAID,
                value=str(year),
            ),
            block_id=BlockId.HOME,
        )
    )
    blocks.append(context(tn(lang, "association.home.uninstall", grace_days)))
    return blocks


# -- the forms -------------------------------------------------------------------------------------


def build_identity_modal(*, lang: Lang, association: AssociationSettings) -> dict[str, Any]:
    """Name, short name, the member number's label and the two links."""
    a = association
    blocks: list[Block] = [
        _text_input(
            lang,
            block_id=BlockId.NAME,
            label_key="association.name",
            hint_key="association.name.hint",
            value=a.name,
            max_length=200,
        ),
        _text_input(
            lang,
            block_id=BlockId.SHORT_NAME,
            label_key="association.short_name",
            hint_key="association.short_name.hint",
            value=a.short_name,
            max_length=40,
        ),
        _text_input(
            lang,
            block_id=BlockId.MEMBER_NUMBER_LABEL,
            label_key="association.member_number_label",
            hint_key="association.member_number_label.hint",
            value=a.member_number_label,
            max_length=60,
        ),
        _text_input(
            lang,
            block_id=BlockId.GUIDE_URL,
            label_key="association.guide_url",
            value=a.guide_url,
            max_length=300,
        ),
        _text_input(
            lang,
            block_id=BlockId.MEMBERSHIP_URL,
            label_key="association.membership_url",
            value=a.membership_url,
            max_length=300,
        ),
    ]
    return _modal(
        lang=lang,
        callback_id=CallbackId.IDENTITY,
        title_key="association.identity.title",
        blocks=blocks,
    )


def build_fee_modal(*, lang: Lang, association: AssociationSettings) -> dict[str, Any]:
    """The fee per year, the payment instructions, and whether an unpaid fee blocks requests."""
    blocking = option(t_plain(lang, "association.fee_blocks.option"), "yes")
    blocks: list[Block] = [
        _text_input(
            lang,
            block_id=BlockId.FEE,
            label_key="association.fee_eur",
            hint_key="association.fee_eur.hint",
            value=association.fee_text(),
            max_length=12,
            optional=False,
        ),
        _text_input(
            lang,
            block_id=BlockId.INSTRUCTIONS,
            label_key="association.payment_instructions",
            hint_key="association.payment_instructions.hint",
            value=association.payment_instructions,
            max_length=1000,
            multiline=True,
        ),
        InputBlock(
            block_id=BlockId.FEE_BLOCKS,
            label=plain(t_plain(lang, "association.fee_blocks"), FIELD_LABEL_MAX),
            element=CheckboxesElement(
                action_id=ActionId.BLOCKS,
                options=[blocking],
                initial_options=[blocking] if association.fee_blocks_requests else None,
            ),
            optional=True,
        ),
    ]
    return _modal(
        lang=lang, callback_id=CallbackId.FEE, title_key="association.fee.title", blocks=blocks
    )


def build_rules_modal(*, lang: Lang, association: AssociationSettings) -> dict[str, Any]:
    """Group sizes, hours and the retention period, each a whole number."""
    blocks: list[Block] = [section(t(lang, "association.rules.intro"))]
    for name in RULE_FIELDS:
        blocks.append(
            _text_input(
                lang,
                block_id=name,
                label_key=f"association.{name}",
                value=str(getattr(association, name)),
                max_length=4,
                optional=False,
            )
        )
    return _modal(
        lang=lang, callback_id=CallbackId.RULES, title_key="association.rules.title", blocks=blocks
    )


def build_secretariat_modal(
    *, lang: Lang, association: AssociationSettings, members: list[Person]
) -> dict[str, Any]:
    """Who else belongs to the secretariat, and whether the workspace's admins do."""
    admins = option(t_plain(lang, "association.secretariat.admins.option"), "yes")
    blocks: list[Block] = [
        InputBlock(
            block_id=BlockId.MEMBERS,
            label=plain(t_plain(lang, "association.secretariat.members"), FIELD_LABEL_MAX),
            element=UserMultiSelectElement(
                action_id=ActionId.MEMBERS,
                initial_users=[p.slack_user_id for p in members] or None,
            ),
            optional=True,
        ),
        InputBlock(
            block_id=BlockId.ADMINS,
            label=plain(t_plain(lang, "association.secretariat.admins"), FIELD_LABEL_MAX),
            element=CheckboxesElement(
                action_id=ActionId.ADMINS,
                options=[admins],
                initial_options=[admins] if association.admins_are_secretariat else None,
            ),
            optional=True,
        ),
    ]
    return _modal(
        lang=lang,
        callback_id=CallbackId.SECRETARIAT,
        title_key="association.secretariat.title",
        blocks=blocks,
    )
