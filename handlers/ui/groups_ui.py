"""Block Kit builders for groups, the directory, enrollment requests and the secretariat."""

from __future__ import annotations

import json
import math
from datetime import datetime, tzinfo
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    InputBlock,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    RadioButtonsElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot import rules
from bot.i18n import Lang, format_date, format_time, t, t_plain
from bot.services.groups import DIRECTORY_PAGE_SIZE, DirectoryPage, GroupSummary, MyGroups
from bot.services.people import display_name
from handlers.ui.blocks import (
    VIEW_BLOCKS_MAX,
    actions,
    button,
    clip,
    context,
    divider,
    header,
    message,
    section,
)
from handlers.ui.groups_ids import ActionId, BlockId, CallbackId
from storage.models import Group, GroupForm, GroupKind, MembershipType, Person

MODAL_TITLE_MAX = 24
PRIVATE_METADATA_MAX = 3000
# The home section lists this many groups; more are summarised in one line.
HOME_GROUPS_MAX = 10


def _plain(text: str, limit: int = 75) -> PlainTextObject:
    return PlainTextObject(text=clip(text, limit), emoji=True)


def _option(text: str, value: str) -> Option:
    return Option(text=_plain(text), value=value)


def fee_text() -> str:
    """The yearly non-member fee as the Dutch portal writes it (75)."""
    return str(rules.NON_MEMBER_FEE_EUR_PER_YEAR.normalize())


def status_text(lang: Lang, summary: GroupSummary) -> str:
    """'in oprichting' / 'actief' / 'vol'."""
    return t_plain(lang, f"group.status.{summary.status.value}")


def membership_text(lang: Lang, person: Person) -> str:
    """The requester's membership as the contact person sees it."""
    if person.membership_type is MembershipType.MEMBER:
        return t_plain(lang, "membership.label.member", number=person.member_number or "?")
    if person.membership_type is MembershipType.PARTICIPANT:
        return t_plain(lang, "membership.label.participant", fee=fee_text())
    return t_plain(lang, "membership.label.unknown")


# --------------------------------------------------------------------------------- create group


def build_create_group_modal(*, lang: Lang) -> dict[str, Any]:
    """The modal a member fills in to start a group."""
    forms = [_option(t_plain(lang, f"group.form.{f.value}"), f.value) for f in GroupForm]
    kinds = [_option(t_plain(lang, f"group.kind.{k.value}"), k.value) for k in GroupKind]
    sizes = [
        _option(str(n), str(n))
        for n in range(rules.GUIDED_GROUP_MIN_MEMBERS, rules.PEER_GROUP_MAX_MEMBERS + 1)
    ]
    yes_no = [_option(t_plain(lang, "group.yes"), "yes"), _option(t_plain(lang, "group.no"), "no")]
    blocks: list[Block] = [
        section(t(lang, "group.create.intro")),
        InputBlock(
            block_id=BlockId.NAME,
            label=_plain(t_plain(lang, "group.create.name"), 2000),
            element=PlainTextInputElement(action_id=ActionId.NAME, max_length=120),
        ),
        InputBlock(
            block_id=BlockId.DESCRIPTION,
            label=_plain(t_plain(lang, "group.create.description"), 2000),
            element=PlainTextInputElement(
                action_id=ActionId.DESCRIPTION, multiline=True, max_length=500
            ),
            optional=True,
        ),
        InputBlock(
            block_id=BlockId.REGION,
            label=_plain(t_plain(lang, "group.create.region"), 2000),
            element=PlainTextInputElement(action_id=ActionId.REGION, max_length=120),
            optional=True,
        ),
        InputBlock(
            block_id=BlockId.FORM,
            label=_plain(t_plain(lang, "group.create.form"), 2000),
            element=StaticSelectElement(
                action_id=ActionId.FORM, options=forms, initial_option=forms[0]
            ),
        ),
        InputBlock(
            block_id=BlockId.KIND,
            label=_plain(t_plain(lang, "group.create.kind"), 2000),
            element=RadioButtonsElement(
                action_id=ActionId.KIND, options=kinds, initial_option=kinds[0]
            ),
        ),
        InputBlock(
            block_id=BlockId.SUPERVISOR,
            label=_plain(t_plain(lang, "group.create.supervisor"), 2000),
            element=PlainTextInputElement(action_id=ActionId.SUPERVISOR, max_length=200),
            optional=True,
        ),
        InputBlock(
            block_id=BlockId.MAX_MEMBERS,
            label=_plain(t_plain(lang, "group.create.max_members"), 2000),
            hint=_plain(t_plain(lang, "group.create.max_members_hint"), 2000),
            element=StaticSelectElement(
                action_id=ActionId.MAX_MEMBERS, options=sizes, initial_option=sizes[-1]
            ),
        ),
        InputBlock(
            block_id=BlockId.OPEN,
            label=_plain(t_plain(lang, "group.create.open"), 2000),
            element=RadioButtonsElement(
                action_id=ActionId.OPEN, options=yes_no, initial_option=yes_no[0]
            ),
        ),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.CREATE_GROUP,
        title=_plain(t_plain(lang, "group.create.title"), MODAL_TITLE_MAX),
        submit=_plain(t_plain(lang, "group.create.submit"), MODAL_TITLE_MAX),
        close=_plain(t_plain(lang, "group.create.cancel"), MODAL_TITLE_MAX),
        blocks=blocks,
    ).to_dict()


def build_group_created_dm(*, lang: Lang, group: Group, minimum: int) -> dict[str, Any]:
    """The DM to the creator: the number, and 'geef dit nummer door aan de deelnemers'."""
    text = t(lang, "group.created.dm", name=group.name, number=group.number, minimum=minimum)
    return message(text, [section(text)])


# --------------------------------------------------------------------------------- directory


def _group_line(lang: Lang, summary: GroupSummary) -> str:
    group = summary.group
    return t(
        lang,
        "directory.line",
        number=group.number,
        name=clip(group.name, 120),
        region=clip(group.region, 120) or t_plain(lang, "directory.no_region"),
        form=t_plain(lang, f"group.form.{group.form.value}"),
        kind=t_plain(lang, f"group.kind.{group.kind.value}"),
        members=summary.members,
        seats=summary.seats_left,
        status=status_text(lang, summary),
    )


def _pages(total: int) -> int:
    return max(1, math.ceil(total / DIRECTORY_PAGE_SIZE))


def build_directory_message(*, lang: Lang, page: DirectoryPage, query: str) -> dict[str, Any]:
    """One page of open groups, each with an 'Aanmelden' button, and paging buttons.

    At most DIRECTORY_PAGE_SIZE groups (one block each) plus four: far below 50 blocks.
    """
    blocks: list[Block] = [header(t_plain(lang, "directory.title"))]
    intro = t(lang, "directory.intro", total=page.total)
    if query:
        intro += "\n" + t(lang, "directory.filtered", query=query[:100])
    if not page.items:
        empty = (
            t(lang, "directory.empty_filtered", query=query[:100])
            if query
            else t(lang, "directory.empty")
        )
        blocks.append(section(empty))
        return message(empty, blocks)
    blocks.append(section(intro))
    for summary in page.items:
        join = None
        if summary.seats_left > 0:
            join = button(
                t_plain(lang, "directory.join"),
                action_id=ActionId.DIRECTORY_JOIN,
                value=str(summary.group.number),
                style="primary",
            )
        blocks.append(section(_group_line(lang, summary), accessory=join))
    paging = []
    if page.page > 0:
        paging.append(
            button(
                t_plain(lang, "directory.previous"),
                action_id=ActionId.DIRECTORY_PREV,
                value=json.dumps({"q": query[:100], "p": page.page - 1}),
            )
        )
    if page.has_next:
        paging.append(
            button(
                t_plain(lang, "directory.next"),
                action_id=ActionId.DIRECTORY_NEXT,
                value=json.dumps({"q": query[:100], "p": page.page + 1}),
            )
        )
    blocks.append(context(t(lang, "directory.page", page=page.page + 1, pages=_pages(page.total))))
    if paging:
        blocks.append(actions(*paging, block_id=BlockId.PAGING))
    return message(intro, blocks)


# --------------------------------------------------------------------------------- enrollment


def build_membership_modal(*, lang: Lang, group: Group) -> dict[str, Any]:
    """First request ever: LVV member (with number) or participant paying the yearly fee."""
    types = [
        _option(t_plain(lang, "membership.member"), MembershipType.MEMBER.value),
        _option(t_plain(lang, "membership.participant"), MembershipType.PARTICIPANT.value),
    ]
    blocks: list[Block] = [
        section(t(lang, "membership.intro", number=group.number, name=group.name)),
        InputBlock(
            block_id=BlockId.MEMBERSHIP_TYPE,
            label=_plain(t_plain(lang, "membership.type"), 2000),
            element=RadioButtonsElement(action_id=ActionId.MEMBERSHIP_TYPE, options=types),
        ),
        InputBlock(
            block_id=BlockId.MEMBER_NUMBER,
            label=_plain(t_plain(lang, "membership.member_number"), 2000),
            element=PlainTextInputElement(action_id=ActionId.MEMBER_NUMBER, max_length=40),
            optional=True,
        ),
        context(t(lang, "membership.fee", fee=fee_text())),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.MEMBERSHIP,
        title=_plain(t_plain(lang, "membership.title"), MODAL_TITLE_MAX),
        submit=_plain(t_plain(lang, "membership.submit"), MODAL_TITLE_MAX),
        close=_plain(t_plain(lang, "group.create.cancel"), MODAL_TITLE_MAX),
        private_metadata=json.dumps({"group": group.id}),
        blocks=blocks,
    ).to_dict()


def build_request_dm(
    *, lang: Lang, enrollment_id: int, requester: Person, group: Group, members: int
) -> dict[str, Any]:
    """The contact person's DM: who asks, their membership, and Accorderen / Afwijzen."""
    text = t(
        lang,
        "request.dm",
        requester=display_name(requester),
        number=group.number,
        name=group.name,
        membership=membership_text(lang, requester),
        members=members,
        max=group.max_members,
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
) -> dict[str, Any]:
    """The contact person's request DM after the decision: no buttons, who decided and when."""
    text = t(
        lang,
        "request.dm",
        requester=display_name(requester),
        number=group.number,
        name=group.name,
        membership=membership_text(lang, requester),
        members=summary.members,
        max=group.max_members,
    )
    params: dict[str, Any] = {
        "who": display_name(decided_by),
        "date": format_date(at, tz=tz),
        "time": format_time(at, tz=tz),
    }
    if approved:
        line = t(
            lang,
            "request.approved_line",
            members=summary.members,
            status=status_text(lang, summary),
            **params,
        )
    else:
        line = t(lang, "request.rejected_line", **params)
    return message(line, [section(text), context(line)])


def build_reject_modal(
    *, lang: Lang, enrollment_id: int, requester: Person, group: Group, channel: str, ts: str
) -> dict[str, Any]:
    """Ask for an optional reason; the message to update travels in private_metadata (ids)."""
    metadata = json.dumps({"e": enrollment_id, "c": channel, "ts": ts})
    blocks: list[Block] = [
        section(t(lang, "reject.intro", requester=display_name(requester), number=group.number)),
        InputBlock(
            block_id=BlockId.REASON,
            label=_plain(t_plain(lang, "reject.reason"), 2000),
            hint=_plain(t_plain(lang, "reject.reason_hint"), 2000),
            element=PlainTextInputElement(
                action_id=ActionId.REJECT_REASON, multiline=True, max_length=500
            ),
            optional=True,
        ),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.REJECT,
        title=_plain(t_plain(lang, "reject.title"), MODAL_TITLE_MAX),
        submit=_plain(t_plain(lang, "reject.submit"), MODAL_TITLE_MAX),
        close=_plain(t_plain(lang, "group.create.cancel"), MODAL_TITLE_MAX),
        private_metadata=metadata[:PRIVATE_METADATA_MAX],
        blocks=blocks,
    ).to_dict()


def build_decision_dm(
    *, lang: Lang, approved: bool, group: Group, contact: Person, reason: str | None
) -> dict[str, Any]:
    """The requester's DM: welcome with next steps, or the rejection with its reason."""
    if approved:
        text = t(
            lang,
            "decision.welcome",
            number=group.number,
            name=group.name,
            contact=display_name(contact),
        )
        return message(text, [section(text)])
    text = t(lang, "decision.rejected", number=group.number, name=group.name)
    parts = [text]
    if reason:
        parts.append(t(lang, "decision.reason", reason=reason))
    parts.append(t(lang, "decision.other_groups"))
    body = "\n".join(parts)
    return message(text, [section(body)])


def build_leave_confirm(*, lang: Lang, group: Group) -> dict[str, Any]:
    """The ephemeral 'are you sure?' with a confirm and a cancel button."""
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
    return message(text, [section(text), buttons])


def build_info_modal(*, lang: Lang, text: str) -> dict[str, Any]:
    """A modal without inputs that only tells something (e.g. "aanvraag verstuurd")."""
    return View(
        type="modal",
        title=_plain(t_plain(lang, "membership.title"), MODAL_TITLE_MAX),
        close=_plain(t_plain(lang, "info.close"), MODAL_TITLE_MAX),
        blocks=[section(text)],
    ).to_dict()


def build_text(text: str) -> dict[str, Any]:
    """A one-section message."""
    return message(text, [section(text)])


# --------------------------------------------------------------------------------- home


def build_home_section(*, lang: Lang, mine: MyGroups) -> list[Block]:
    """'Mijn groepen': groups the viewer is in (marked when they lead), pending requests."""
    lines: list[str] = []
    for summary in mine.member_of:
        group = summary.group
        lines.append(
            t(
                lang,
                "home.groups.line",
                number=group.number,
                name=clip(group.name, 80),
                members=summary.members,
                max=group.max_members,
                status=status_text(lang, summary),
                lead=t(lang, "home.groups.lead") if group.id in mine.lead_ids else "",
            )
        )
    for group in mine.pending:
        lines.append(t(lang, "home.groups.pending", number=group.number, name=clip(group.name, 80)))
    if not lines:
        return [
            divider(),
            section(t(lang, "home.groups.title") + "\n" + t(lang, "home.groups.none")),
        ]
    shown = lines[:HOME_GROUPS_MAX]
    if len(lines) > HOME_GROUPS_MAX:
        shown.append(t(lang, "home.groups.more", count=len(lines) - HOME_GROUPS_MAX))
    return [divider(), section(t(lang, "home.groups.title") + "\n" + "\n".join(shown))]


# --------------------------------------------------------------------------------- secretariat


def build_admin_groups(
    *, lang: Lang, page: DirectoryPage, contacts: dict[int, str]
) -> dict[str, Any]:
    """The secretariat's list of all groups (one page, one section per group)."""
    title = t(lang, "admin.groups.title", total=page.total)
    if not page.items:
        text = t(lang, "admin.groups.empty")
        return message(text, [section(text)])
    blocks: list[Block] = [section(title)]
    for summary in page.items:
        group = summary.group
        blocks.append(
            section(
                t(
                    lang,
                    "admin.groups.line",
                    number=group.number,
                    name=clip(group.name, 120),
                    members=summary.members,
                    max=group.max_members,
                    status=status_text(lang, summary),
                    open=t_plain(
                        lang,
                        "admin.groups.open" if group.open_for_requests else "admin.groups.closed",
                    ),
                    contact=contacts.get(group.contact_person_id, "?"),
                )
            )
        )
    if page.has_next:
        blocks.append(
            context(
                t(
                    lang,
                    "admin.groups.page",
                    page=page.page + 1,
                    pages=_pages(page.total),
                    next=page.page + 2,
                )
            )
        )
    assert len(blocks) < VIEW_BLOCKS_MAX
    return message(title, blocks)
