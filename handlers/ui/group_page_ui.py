"""Block Kit for the group's page: the message that holds the sections, and the blocks of the
sections this area contributes (the group, its people, requests, meetings, verslag, buttons)."""

from __future__ import annotations

from datetime import tzinfo

from slack_sdk.models.blocks import Block, ConfirmObject, PlainTextObject

from bot.i18n import Lang, format_date, t, t_plain, tn
from bot.notify import Message
from bot.services.association import AssociationSettings
from bot.services.group_page import GroupPage
from bot.services.meeting_text import short_when, where
from bot.services.people import display_name
from bot.services.verslag import MeetingVerslag
from handlers.ui.blocks import (
    MESSAGE_BLOCKS_MAX,
    actions,
    button,
    clip,
    context,
    divider,
    header,
    message,
    section,
)
from handlers.ui.group_life_ids import ActionId, BlockId
from handlers.ui.groups_ids import ActionId as GroupActionId
from handlers.ui.groups_ui import membership_text, status_text
from storage.models import Enrollment, Meeting, Person

# Lists on the page stay short: the page is one message of at most 50 blocks, and other areas
# add sections of their own.
REQUESTS_SHOWN = 5
MEETINGS_SHOWN = 5
NAMES_SHOWN = 30


def build_page(
    *, lang: Lang, page: GroupPage, sections: list[Block], notice: str | None
) -> Message:
    """The page: an optional notice (what a button just did) above the sections, within Slack's
    50 blocks (a section list that would pass it is cut, with a line that says so)."""
    group = page.group
    title = t_plain(lang, "life.page.header", number=group.number, name=group.name)
    blocks: list[Block] = [header(title)]
    if notice:
        blocks.append(section(notice))
    room = MESSAGE_BLOCKS_MAX - len(blocks)
    if len(sections) > room:
        sections = [*sections[: room - 1], context(t(lang, "life.page.cut"))]
    blocks.extend(sections)
    return message(notice or title, blocks)


def overview_blocks(*, lang: Lang, page: GroupPage, tz: tzinfo) -> list[Block]:
    """Name, number, form, region, status, members, contact person and deputy, open or not."""
    group, summary = page.group, page.summary
    deputy = page.deputy
    lines = []
    if group.description:
        lines.append(t(lang, "life.page.description", description=clip(group.description, 500)))
    lines.append(
        t(
            lang,
            "life.page.facts",
            region=clip(group.region, 120) or t_plain(lang, "directory.no_region"),
            form=t_plain(lang, f"group.form.{group.form.value}"),
            kind=t_plain(lang, f"group.kind.{group.kind.value}"),
        )
    )
    lines.append(
        t(lang, "life.page.status", status=status_text(lang, summary))
        + " · "
        + tn(lang, "life.page.members", summary.members, max=group.max_members)
    )
    lines.append(
        t(
            lang,
            "life.page.people",
            contact=display_name(group.contact_person),
            deputy=display_name(deputy) if deputy else t_plain(lang, "life.page.no_deputy"),
        )
    )
    if page.ended and group.ended_at is not None:
        lines.append(t(lang, "life.page.ended", date=format_date(group.ended_at, tz=tz)))
    else:
        lines.append(t(lang, "life.page.open" if group.open_for_requests else "life.page.closed"))
    return [section("\n".join(lines))]


def members_blocks(*, lang: Lang, members: list[Person]) -> list[Block]:
    """The members by name (the page is for members, who meet each other anyway)."""
    names = ", ".join(clip(display_name(p), 80) for p in members[:NAMES_SHOWN])
    if len(members) > NAMES_SHOWN:
        names += " " + t(lang, "home.groups.more", count=len(members) - NAMES_SHOWN)
    return [section(t(lang, "life.page.members_title") + "\n" + names)]


def requests_blocks(
    *, lang: Lang, requests: list[Enrollment], tz: tzinfo, association: AssociationSettings
) -> list[Block]:
    """Requests waiting for a decision, each with Accorderen and Afwijzen (managers only)."""
    if not requests:
        return []
    blocks: list[Block] = [section(t(lang, "life.page.requests_title"))]
    for enrollment in requests[:REQUESTS_SHOWN]:
        line = t(
            lang,
            "life.page.request_line",
            requester=display_name(enrollment.person),
            date=format_date(enrollment.requested_at, tz=tz),
            membership=membership_text(lang, enrollment.person, association=association),
        )
        blocks.append(section(line))
        blocks.append(
            actions(
                button(
                    t_plain(lang, "request.approve"),
                    action_id=ActionId.PAGE_APPROVE,
                    value=str(enrollment.id),
                    style="primary",
                ),
                button(
                    t_plain(lang, "request.reject"),
                    action_id=GroupActionId.REJECT,
                    value=str(enrollment.id),
                    style="danger",
                ),
            )
        )
    if len(requests) > REQUESTS_SHOWN:
        blocks.append(context(tn(lang, "life.page.requests_more", len(requests) - REQUESTS_SHOWN)))
    return blocks


def meetings_blocks(
    *, lang: Lang, meetings: list[Meeting], feed_url: str, tz: tzinfo
) -> list[Block]:
    """Planned meetings still to come and the group's calendar feed."""
    if meetings:
        lines = [
            t(lang, "life.page.meeting_line", when=short_when(m, lang, tz)) + where(m, lang)
            for m in meetings[:MEETINGS_SHOWN]
        ]
        body = "\n".join(lines)
    else:
        body = t(lang, "life.page.no_meetings")
    return [
        section(t(lang, "life.page.meetings_title") + "\n" + body),
        context(t(lang, "life.page.feed", url=feed_url)),
    ]


def verslag_blocks(
    *, lang: Lang, enabled: bool, items: list[MeetingVerslag], tz: tzinfo
) -> list[Block]:
    """Who confirmed having signed the verslag of the latest registered meetings (never its text)."""
    title = t(lang, "life.page.verslag_title")
    if not enabled:
        return [section(title + "\n" + t(lang, "life.page.verslag_off"))]
    if not items:
        return [section(title + "\n" + t(lang, "life.page.verslag_none"))]
    lines = []
    for item in items:
        confirmed = [p for p in item.present if p.id in item.confirmed]
        confirmed_text = tn(
            lang, "life.page.verslag_count", len(item.present), confirmed=len(confirmed)
        )
        names = ", ".join(clip(display_name(p), 60) for p in confirmed)
        lines.append(
            t(
                lang,
                "life.page.verslag_line",
                date=format_date(item.meeting.starts_at, tz=tz),
                confirmed_text=confirmed_text,
            )
            + (f" — {names}" if names else "")
        )
    return [section(title + "\n" + "\n".join(lines))]


def action_blocks(*, lang: Lang, page: GroupPage) -> list[Block]:
    """The buttons the viewer may use: edit, remove, deputy, end (leads); reopen (secretariat)."""
    group = page.group
    value = str(group.id)
    if page.ended:
        if not page.actor.is_secretariat:
            return []
        reopen = button(t_plain(lang, "life.button.reopen"), action_id=ActionId.REOPEN, value=value)
        return [actions(reopen, block_id=BlockId.PAGE_ACTIONS)]
    if not page.leads:
        return []
    end = button(
        t_plain(lang, "life.button.end"), action_id=ActionId.END, value=value, style="danger"
    )
    end.confirm = ConfirmObject(
        title=PlainTextObject(text=clip(t_plain(lang, "life.end.confirm_title"), 100)),
        text=PlainTextObject(
            text=clip(t_plain(lang, "life.end.confirm_text", number=group.number), 300)
        ),
        confirm=PlainTextObject(text=clip(t_plain(lang, "life.end.confirm_yes"), 30)),
        deny=PlainTextObject(text=clip(t_plain(lang, "group.create.cancel"), 30)),
        style="danger",
    )
    return [
        divider(),
        actions(
            button(t_plain(lang, "life.button.edit"), action_id=ActionId.EDIT, value=value),
            button(t_plain(lang, "life.button.remove"), action_id=ActionId.REMOVE, value=value),
            button(t_plain(lang, "life.button.deputy"), action_id=ActionId.DEPUTY, value=value),
            end,
            block_id=BlockId.PAGE_ACTIONS,
        ),
    ]
