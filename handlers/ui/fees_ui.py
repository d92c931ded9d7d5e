"""Block Kit for the non-member fee: the secretariat's unpaid list of a year and the form that
records one payment (who paid, on which day)."""

from __future__ import annotations

from datetime import date
from typing import Any

from slack_sdk.models.blocks import Block, InputBlock, PlainTextInputElement, RadioButtonsElement
from slack_sdk.models.views import View

from bot.i18n import Lang, format_date, t, t_plain, tn
from bot.services.people import display_name
from handlers.ui import metadata
from handlers.ui.association_ui import (
    FIELD_LABEL_MAX,
    MODAL_TITLE_MAX,
    ActionId,
    BlockId,
    CallbackId,
)
from handlers.ui.blocks import button, context, option, plain, section
from storage.models import FeePayer, Person


def build_unpaid_modal(
    *, lang: Lang, year: int, people: list[Person], limit: int, recorded: str = ""
) -> dict[str, Any]:
    """The unpaid list of a year, each with "Betaling vastleggen"; `recorded` confirms the
    payment just recorded."""
    blocks: list[Block] = []
    if recorded:
        blocks.append(context(recorded))
    if people:
        blocks.append(section(tn(lang, "fee.unpaid.intro", len(people), year=year)))
    else:
        blocks.append(section(t(lang, "fee.unpaid.none", year=year)))
    for person in people[:limit]:
        blocks.append(
            section(
                f"*{display_name(person)}*",
                accessory=button(
                    t_plain(lang, "fee.mark"),
                    action_id=ActionId.MARK_PAID,
                    value=f"{person.id}",
                ),
            )
        )
    if len(people) > limit:
        blocks.append(context(tn(lang, "fee.unpaid.more", len(people) - limit)))
    return View(
        type="modal",
        callback_id=CallbackId.UNPAID,
        title=plain(t_plain(lang, "fee.unpaid.title"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "fee.unpaid.close"), MODAL_TITLE_MAX),
        private_metadata=metadata.FEE_YEAR.encode(metadata.FeeYearRef(year)),
        blocks=blocks,
    ).to_dict()


def build_payment_modal(
    *, lang: Lang, person: Person, year: int, fee: str, today: date
) -> dict[str, Any]:
    """Record one payment: who paid (the participant or the employer) and on which day."""
    payers = [
        option(t_plain(lang, f"fee.paid_by.{payer.value}"), payer.value) for payer in FeePayer
    ]
    blocks: list[Block] = [
        section(t(lang, "fee.mark.intro", name=display_name(person), year=year, fee=fee)),
        InputBlock(
            block_id=BlockId.PAID_BY,
            label=plain(t_plain(lang, "fee.paid_by"), FIELD_LABEL_MAX),
            element=RadioButtonsElement(
                action_id=ActionId.PAID_BY, options=payers, initial_option=payers[0]
            ),
        ),
        InputBlock(
            block_id=BlockId.PAID_ON,
            label=plain(t_plain(lang, "fee.paid_on"), FIELD_LABEL_MAX),
            element=PlainTextInputElement(
                action_id=ActionId.PAID_ON, initial_value=format_date(today), max_length=10
            ),
        ),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.PAYMENT,
        title=plain(t_plain(lang, "fee.mark.title"), MODAL_TITLE_MAX),
        submit=plain(t_plain(lang, "association.save"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "association.cancel"), MODAL_TITLE_MAX),
        private_metadata=metadata.FEE_PAYMENT.encode(metadata.FeePaymentRef(person.id, year)),
        blocks=blocks,
    ).to_dict()
