"""Block Kit builders for enrollment: the membership question, the contact person's request DM
(before and after the decision), the reason for a rejection, the requester's answer, leaving."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import Any

from slack_sdk.models.blocks import Block, InputBlock, PlainTextInputElement, RadioButtonsElement
from slack_sdk.models.views import View

from bot.i18n import Lang, escape_mrkdwn, format_date, format_time, t, t_plain, tn
from bot.notify import Message
from bot.services.association import AssociationSettings, terms
from bot.services.groups import GroupSummary
from bot.services.people import display_name
from handlers.ui import metadata
from handlers.ui.blocks import actions, button, context, message, option, plain, section
from handlers.ui.groups_ids import ActionId, BlockId, CallbackId
from handlers.ui.groups_ui import (
    MODAL_TITLE_MAX,
    fee_text,
    membership_text,
    status_text,
)
from storage.models import Group, MembershipType, Person


def build_membership_modal(
    *, lang: Lang, group: Group, association: AssociationSettings
) -> dict[str, Any]:
    """First request ever: member of the association (with number) or participant paying the
    yearly fee; the association's own name, label and fee."""
    words = terms(lang, association)
    types = [
        option(words["member_option"], MembershipType.MEMBER.value),
        option(
            t_plain(lang, "membership.participant", without_text=words["without"]),
            MembershipType.PARTICIPANT.value,
        ),
    ]
    fee = t(lang, "membership.fee", fee=fee_text(association), without_text=words["without"])
    if association.membership_url:
        fee += "\n" + t(lang, "association.membership_link", url=association.membership_url)
    blocks: list[Block] = [
        section(
            t(
                lang,
                "membership.intro",
                number=group.number,
                name=group.name,
                member=words["member"],
            )
        ),
        InputBlock(
            block_id=BlockId.MEMBERSHIP_TYPE,
            label=plain(t_plain(lang, "membership.type"), 2000),
            element=RadioButtonsElement(action_id=ActionId.MEMBERSHIP_TYPE, options=types),
        ),
        InputBlock(
            block_id=BlockId.MEMBER_NUMBER,
            label=plain(words["label"], 2000),
            element=PlainTextInputElement(action_id=ActionId.MEMBER_NUMBER, max_length=40),
            hint=plain(t_plain(lang, "membership.member_number_hint"), 2000),
            optional=True,
        ),
        context(fee),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.MEMBERSHIP,
        title=plain(t_plain(lang, "membership.title"), MODAL_TITLE_MAX),
        submit=plain(t_plain(lang, "membership.submit"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "group.create.cancel"), MODAL_TITLE_MAX),
        private_metadata=metadata.GROUP.encode(metadata.GroupRef(group.id)),
        blocks=blocks,
    ).to_dict()


def _request_text(
    lang: Lang,
    *,
    requester: Person,
    group: Group,
    association: AssociationSettings,
    unpaid_year: int | None,
) -> str:
    return t(
        lang,
        "request.dm",
        requester=display_name(requester),
        number=group.number,
        name=group.name,
        membership=membership_text(
            lang, requester, association=association, unpaid_year=unpaid_year
        ),
    )


def build_request_dm(
    *,
    lang: Lang,
    enrollment_id: int,
    requester: Person,
    group: Group,
    members: int,
    association: AssociationSettings,
    unpaid_year: int | None = None,
) -> Message:
    """The contact person's DM: who asks, their membership (with a quiet marker when a
    non-member's fee for the year is open), and Accorderen / Afwijzen."""
    size = tn(lang, "request.size", group.max_members, members=members)
    text = (
        _request_text(
            lang,
            requester=requester,
            group=group,
            association=association,
            unpaid_year=unpaid_year,
        )
        + "\n"
        + size
    )
    buttons = actions(
        button(
            t_plain(lang, "request.approve"),
            action_id=ActionId.APPROVE,
            value=str(enrollment_id),
            style="primary",
        ),
        button(
            t_plain(lang, "request.reject"),
            action_id=ActionId.REJECT,
            value=str(enrollment_id),
            style="danger",
        ),
        block_id=BlockId.DECISION,
    )
    return message(text, [section(text), buttons])


def build_decided_request(
    *,
    lang: Lang,
    approved: bool,
    requester: Person,
    group: Group,
    decided_by: Person,
    at: datetime,
    tz: tzinfo,
    summary: GroupSummary,
    association: AssociationSettings,
    unpaid_year: int | None = None,
) -> Message:
    """The contact person's request DM after the decision: no buttons, who decided and when (and,
    once approved, the group's size: the one count in the message, so none is out of date)."""
    text = _request_text(
        lang, requester=requester, group=group, association=association, unpaid_year=unpaid_year
    )
    params: dict[str, Any] = {
        "who": display_name(decided_by),
        "date": format_date(at, tz=tz),
        "time": format_time(at, tz=tz),
    }
    if approved:
        line = tn(
            lang,
            "request.approved_line",
            summary.members,
            status=status_text(lang, summary),
            **params,
        )
    else:
        line = t(lang, "request.rejected_line", **params)
    return message(line, [section(text), context(line)])


def build_reject_modal(
    *, lang: Lang, enrollment_id: int, requester: Person, group: Group
) -> dict[str, Any]:
    """Ask for an optional reason; only the request's id travels in private_metadata."""
    blocks: list[Block] = [
        section(t(lang, "reject.intro", requester=display_name(requester), number=group.number)),
        InputBlock(
            block_id=BlockId.REASON,
            label=plain(t_plain(lang, "reject.reason"), 2000),
            hint=plain(t_plain(lang, "reject.reason_hint"), 2000),
            element=PlainTextInputElement(
                action_id=ActionId.REJECT_REASON, multiline=True, max_length=500
            ),
            optional=True,
        ),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.REJECT,
        title=plain(t_plain(lang, "reject.title"), MODAL_TITLE_MAX),
        submit=plain(t_plain(lang, "reject.submit"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "group.create.cancel"), MODAL_TITLE_MAX),
        private_metadata=metadata.ENROLLMENT.encode(metadata.EnrollmentRef(enrollment_id)),
        blocks=blocks,
    ).to_dict()


def build_welcome_dm(
    *,
    lang: Lang,
    group: Group,
    contact: Person,
    upcoming: list[str],
    calendar_url: str,
    association: AssociationSettings | None = None,
    fee_year: int | None = None,
) -> Message:
    """The new member's welcome: the contact person, the group's next meetings (as lines), the
    personal calendar link, what comes by DM from now on, the association's guide, and for a
    non-member with the year's fee open, the fee and how to pay it."""
    contact_name = display_name(contact)
    text = t(lang, "decision.welcome", number=group.number, name=group.name, contact=contact_name)
    if upcoming:
        meetings = t(lang, "decision.meetings") + "\n" + "\n".join(upcoming)
    else:
        # In a guided group the supervisor plans the meetings, not the contact person.
        planner = group.supervisor
        if planner is not None:
            meetings = t(lang, "decision.no_meetings.guided", supervisor_name=display_name(planner))
        else:
            meetings = t(lang, "decision.no_meetings", contact=contact_name)
    blocks: list[Block] = [
        section(text),
        section(meetings),
        section(t(lang, "decision.calendar", url=calendar_url)),
        context(t(lang, "decision.next_steps")),
    ]
    if association is not None and fee_year is not None:
        blocks.extend(fee_blocks(lang, association=association, key="fee.welcome"))
    if association is not None and association.guide_url:
        blocks.append(context(guide_text(lang, association)))
    return message(text, blocks)


def build_rejection_dm(*, lang: Lang, group: Group, reason: str | None) -> Message:
    """The requester's DM when rejected: the reason, and where to look next."""
    text = t(lang, "decision.rejected", number=group.number, name=group.name)
    parts = [text]
    if reason:
        parts.append(t(lang, "decision.reason", reason=reason))
    parts.append(t(lang, "decision.other_groups"))
    body = "\n".join(parts)
    return message(text, [section(body)])


def guide_text(lang: Lang, association: AssociationSettings) -> str:
    """'De intervisiegids van <naam>: <link>'."""
    if association.name:
        return t(lang, "association.guide_link", name=association.name, url=association.guide_url)
    return t(lang, "association.guide_link.generic", url=association.guide_url)


def fee_blocks(
    lang: Lang, *, association: AssociationSettings, key: str, year: int | None = None
) -> list[Block]:
    """The fee (`key`: the welcome's or the new year's sentence) and the payment instructions."""
    words = terms(lang, association)
    params: dict[str, Any] = {"fee": fee_text(association), "without_text": words["without"]}
    if year is not None:
        params["year"] = year
    instructions = association.payment_instructions or t_plain(lang, "fee.no_instructions")
    return [section(t(lang, key, **params)), section(escape_mrkdwn(instructions))]


def build_leave_confirm(*, lang: Lang, group: Group, old_word: bool = False) -> Message:
    """The ephemeral 'are you sure?' with a confirm and a cancel button (and, when the member
    typed `afmelden`, the hint that leaving is `verlaten` now)."""
    text = t(lang, "leave.confirm", number=group.number, name=group.name)
    buttons = actions(
        button(
            t_plain(lang, "leave.yes"),
            action_id=ActionId.LEAVE_CONFIRM,
            value=str(group.id),
            style="danger",
        ),
        button(t_plain(lang, "leave.no"), action_id=ActionId.LEAVE_CANCEL, value=str(group.number)),
    )
    blocks: list[Block] = [section(text), buttons]
    if old_word:
        blocks.append(context(t(lang, "leave.old_word", number=group.number)))
    return message(text, blocks)


def build_info_modal(*, lang: Lang, text: str) -> dict[str, Any]:
    """A modal without inputs that only tells something (e.g. "aanvraag verstuurd")."""
    return View(
        type="modal",
        title=plain(t_plain(lang, "membership.title"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "info.close"), MODAL_TITLE_MAX),
        blocks=[section(text)],
    ).to_dict()
