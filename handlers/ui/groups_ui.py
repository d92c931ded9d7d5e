"""Block Kit builders for groups, the directory, enrollment requests and the secretariat."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    CheckboxesElement,
    InputBlock,
    PlainTextInputElement,
    RadioButtonsElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot import rules
from bot.i18n import Lang, t, t_plain, tn, tn_plain
from bot.notify import Message
from bot.services.association import AssociationSettings, terms
from bot.services.groups import DIRECTORY_PAGE_SIZE, DirectoryPage, GroupSummary, MyGroups
from handlers.ui.blocks import (
    VIEW_BLOCKS_MAX,
    actions,
    button,
    clip,
    context,
    divider,
    header,
    message,
    option,
    plain,
    section,
)
from handlers.ui.groups_ids import ActionId, BlockId, CallbackId
from storage.models import Group, GroupForm, GroupKind, MembershipType, Person

MODAL_TITLE_MAX = 24
PRIVATE_METADATA_MAX = 3000
# The home section lists this many groups; more are summarised in one line.
HOME_GROUPS_MAX = 10


def fee_text(association: AssociationSettings) -> str:
    """The association's yearly non-member fee as the Dutch portal writes it (75)."""
    return association.fee_text()


def status_text(lang: Lang, summary: GroupSummary) -> str:
    """'in oprichting' / 'actief' / 'vol'."""
    return t_plain(lang, f"group.status.{summary.status.value}")


def membership_text(
    lang: Lang,
    person: Person,
    *,
    association: AssociationSettings,
    unpaid_year: int | None = None,
) -> str:
    """The requester's membership as the contact person sees it; `unpaid_year` adds the quiet
    marker of a fee not (yet) paid for that year."""
    if person.membership_type is MembershipType.MEMBER:
        return t_plain(
            lang,
            "membership.label.member",
            number=person.member_number or "?",
            member_option=terms(lang, association)["member_option"],
        )
    if person.membership_type is MembershipType.PARTICIPANT:
        text = t_plain(
            lang,
            "membership.label.participant",
            fee=fee_text(association),
            without_text=terms(lang, association)["without"],
        )
        if unpaid_year is not None:
            text += t_plain(lang, "fee.marker", year=unpaid_year)
        return text
    return t_plain(lang, "membership.label.unknown")


# --------------------------------------------------------------------------------- create group


def build_create_group_modal(
    *, lang: Lang, association: AssociationSettings | None = None
) -> dict[str, Any]:
    """The modal a member fills in to start a group (sizes by the association's rules)."""
    forms = [option(t_plain(lang, f"group.form.{f.value}"), f.value) for f in GroupForm]
    kinds = [option(t_plain(lang, f"group.kind.{k.value}"), k.value) for k in GroupKind]
    low, high = rules.GUIDED_GROUP_MIN_MEMBERS, rules.PEER_GROUP_MAX_MEMBERS
    if association is not None:
        low = min(association.peer_min_members, association.guided_min_members)
        high = max(association.peer_max_members, association.guided_max_members)
    # A static select holds at most 100 options.
    sizes = [option(str(n), str(n)) for n in range(low, min(high, low + 99) + 1)]
    yes_no = [option(t_plain(lang, "group.yes"), "yes"), option(t_plain(lang, "group.no"), "no")]
    blocks: list[Block] = [
        section(t(lang, "group.create.intro")),
        InputBlock(
            block_id=BlockId.NAME,
            label=plain(t_plain(lang, "group.create.name"), 2000),
            element=PlainTextInputElement(action_id=ActionId.NAME, max_length=120),
        ),
        InputBlock(
            block_id=BlockId.DESCRIPTION,
            label=plain(t_plain(lang, "group.create.description"), 2000),
            element=PlainTextInputElement(
                action_id=ActionId.DESCRIPTION, multiline=True, max_length=500
            ),
            optional=True,
        ),
        InputBlock(
            block_id=BlockId.REGION,
            label=plain(t_plain(lang, "group.create.region"), 2000),
            element=PlainTextInputElement(action_id=ActionId.REGION, max_length=120),
            optional=True,
        ),
        InputBlock(
            block_id=BlockId.FORM,
            label=plain(t_plain(lang, "group.create.form"), 2000),
            element=StaticSelectElement(
                action_id=ActionId.FORM, options=forms, initial_option=forms[0]
            ),
        ),
        InputBlock(
            block_id=BlockId.KIND,
            label=plain(t_plain(lang, "group.create.kind"), 2000),
            element=RadioButtonsElement(
                action_id=ActionId.KIND, options=kinds, initial_option=kinds[0]
            ),
        ),
        InputBlock(
            block_id=BlockId.MULTIDISCIPLINARY,
            label=plain(t_plain(lang, "group.create.composition"), 2000),
            element=CheckboxesElement(
                action_id=ActionId.MULTIDISCIPLINARY,
                options=[option(t_plain(lang, "group.create.multidisciplinary"), "yes")],
            ),
            optional=True,
        ),
        # Guided: the creator is the supervisor and records the trajectory in the next step.
        context(t(lang, "guided.create.hint")),
        InputBlock(
            block_id=BlockId.MAX_MEMBERS,
            label=plain(t_plain(lang, "group.create.max_members"), 2000),
            hint=plain(t_plain(lang, "group.create.max_members_hint"), 2000),
            element=StaticSelectElement(
                action_id=ActionId.MAX_MEMBERS, options=sizes, initial_option=sizes[-1]
            ),
        ),
        InputBlock(
            block_id=BlockId.OPEN,
            label=plain(t_plain(lang, "group.create.open"), 2000),
            element=RadioButtonsElement(
                action_id=ActionId.OPEN, options=yes_no, initial_option=yes_no[0]
            ),
        ),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.CREATE_GROUP,
        title=plain(t_plain(lang, "group.create.title"), MODAL_TITLE_MAX),
        submit=plain(t_plain(lang, "group.create.submit"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "group.create.cancel"), MODAL_TITLE_MAX),
        blocks=blocks,
    ).to_dict()


def build_group_created_dm(*, lang: Lang, group: Group, minimum: int) -> Message:
    """The DM to the creator: the number, and 'geef dit nummer door aan de deelnemers'."""
    text = " ".join(
        (
            t(lang, "group.created.dm", name=group.name, number=group.number),
            tn(lang, "group.created.minimum", minimum),
        )
    )
    return message(text, [section(text)])


# --------------------------------------------------------------------------------- directory


def _group_line(lang: Lang, summary: GroupSummary, professions: str | None = None) -> str:
    group = summary.group
    line = t(
        lang,
        "directory.line",
        number=group.number,
        name=clip(group.name, 120),
        region=clip(group.region, 120) or t_plain(lang, "directory.no_region"),
        form=t_plain(lang, f"group.form.{group.form.value}"),
        kind=t_plain(lang, f"group.kind.{group.kind.value}"),
        members_text=tn_plain(lang, "group.members", summary.members),
        seats_text=tn_plain(lang, "directory.seats", summary.seats_left),
        status=status_text(lang, summary),
    )
    if professions is not None:
        # Multidisciplinary groups: the professions present, as counts (never names).
        line += "\n" + t(lang, "directory.professions", professions=professions)
    return line


def _pages(total: int) -> int:
    return max(1, math.ceil(total / DIRECTORY_PAGE_SIZE))


def build_directory_message(
    *,
    lang: Lang,
    page: DirectoryPage,
    query: str,
    professions: Mapping[int, str] | None = None,
) -> Message:
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
        line = _group_line(lang, summary, (professions or {}).get(summary.group.id))
        blocks.append(section(line, accessory=join))
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


# --------------------------------------------------------------------------------- home


def build_home_section(*, lang: Lang, mine: MyGroups) -> list[Block]:
    """'Mijn groepen': groups the viewer is in (marked when they lead), pending requests."""
    lines: list[str] = []
    for summary in mine.member_of:
        group = summary.group
        lines.append(
            tn(
                lang,
                "home.groups.line",
                group.max_members,
                number=group.number,
                name=clip(group.name, 80),
                members=summary.members,
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
        shown.append(tn(lang, "home.groups.more", len(lines) - HOME_GROUPS_MAX))
    return [divider(), section(t(lang, "home.groups.title") + "\n" + "\n".join(shown))]


# --------------------------------------------------------------------------------- secretariat


def build_admin_groups(*, lang: Lang, page: DirectoryPage, contacts: dict[int, str]) -> Message:
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
