"""The group's page, `/intervisie groep 1234`: the group as its members see it, with buttons for
those who may change it. The page is a list of sections, each a function of one GroupPage (as
the App Home is, handlers/home.py); adding a section is one line in SECTIONS. The buttons that
redraw the page in place (end, reopen, approve a request) live here too."""

from __future__ import annotations

import logging
from collections.abc import Callable

from slack_bolt import App
from slack_sdk.models.blocks import Block

from bot.errors import InvalidInput
from bot.i18n import t
from bot.notify import Message
from bot.parsing import parse_group_number
from bot.services.access import approved_members
from bot.services.association import association_for
from bot.services.calendar import feed_url
from bot.services.catalogues import for_team
from bot.services.enrollment import decide
from bot.services.group_end import end_group, reopen_group
from bot.services.group_page import GroupPage, page_by_id, page_by_number
from bot.services.groups import my_groups
from bot.services.membership_story import upcoming_meetings
from bot.services.multidisciplinary import professions_present
from bot.services.pending import pending_requests
from bot.services.people import display_name
from bot.services.verslag import recent_confirmations
from handlers.agreements import card_blocks
from handlers.context import CommandCall, Interaction, on_action
from handlers.evaluations import trend_blocks
from handlers.ui.accreditation_ui import profession_summary
from handlers.ui.blocks import context
from handlers.ui.group_life_ids import ActionId
from handlers.ui.group_page_ui import (
    action_blocks,
    build_page,
    meetings_blocks,
    members_blocks,
    overview_blocks,
    requests_blocks,
    verslag_blocks,
)
from storage.models import Enrollment

log = logging.getLogger(__name__)


def overview_section(page: GroupPage) -> list[Block]:
    """Name, number, form, region, status, members count, contact person and deputy."""
    return overview_blocks(lang=page.actor.lang, page=page, tz=page.actor.tz)


def members_section(page: GroupPage) -> list[Block]:
    """Who is in the group."""
    members = approved_members(page.session, group_id=page.group.id)
    return members_blocks(lang=page.actor.lang, members=members)


def requests_section(page: GroupPage) -> list[Block]:
    """Requests waiting for a decision, for those who decide them."""
    if not page.manages or page.ended:
        return []
    requests = pending_requests(page.session, group_id=page.group.id)
    association = association_for(page.session, team_id=page.group.team_id, settings=page.settings)
    return requests_blocks(
        lang=page.actor.lang, requests=requests, tz=page.actor.tz, association=association
    )


def meetings_section(page: GroupPage) -> list[Block]:
    """Upcoming meetings and the group's calendar feed."""
    meetings = upcoming_meetings(page.session, group_id=page.group.id, now=page.now)
    url = feed_url(page.public_url, kind="group", token=page.group.calendar_token)
    return meetings_blocks(lang=page.actor.lang, meetings=meetings, feed_url=url, tz=page.actor.tz)


def verslag_section(page: GroupPage) -> list[Block]:
    """Who confirmed having signed the verslag of the latest registered meetings."""
    items = recent_confirmations(page.session, group_id=page.group.id)
    return verslag_blocks(
        lang=page.actor.lang, enabled=page.group.verslag_check, items=items, tz=page.actor.tz
    )


def actions_section(page: GroupPage) -> list[Block]:
    """The buttons the viewer may use."""
    return action_blocks(lang=page.actor.lang, page=page)


def professions_section(page: GroupPage) -> list[Block]:
    """A multidisciplinary group shows the professions present, as counts (never names)."""
    if not page.group.multidisciplinary:
        return []
    cats = for_team(page.session, team_id=page.group.team_id)
    counts = professions_present(page.session, group_ids=[page.group.id], cats=cats)
    return [context(profession_summary(page.actor.lang, counts.get(page.group.id, [])))]


def agreements_section(page: GroupPage) -> list[Block]:
    """The group's agreements card, with Akkoord for a member who has not confirmed it yet."""
    return card_blocks(
        page.session, group=page.group, lang=page.actor.lang, viewer_id=page.actor.person_id
    )


def evaluation_section(page: GroupPage) -> list[Block]:
    """How the meetings were evaluated, as aggregates from the third answer on."""
    return trend_blocks(
        page.session, group_id=page.group.id, lang=page.actor.lang, tz=page.actor.tz
    )


# Each area contributes a part of the group's page: GroupPage -> blocks. Order = page order.
GroupSection = Callable[[GroupPage], list[Block]]
SECTIONS: tuple[GroupSection, ...] = (
    overview_section,
    professions_section,
    members_section,
    requests_section,
    meetings_section,
    agreements_section,
    evaluation_section,
    verslag_section,
    actions_section,
)


def render_page(page: GroupPage, *, notice: str | None = None) -> Message:
    """Every section of the page, in order, as one message."""
    blocks: list[Block] = []
    for part in SECTIONS:
        blocks.extend(part(page))
    return build_page(lang=page.actor.lang, page=page, sections=blocks, notice=notice)


def register(app: App) -> None:
    """Listen for the page's buttons that redraw it in place."""
    on_action(app, ActionId.END, on_end)
    on_action(app, ActionId.REOPEN, on_reopen)
    on_action(app, ActionId.PAGE_APPROVE, on_page_approve)


def _own_group_number(call: CommandCall) -> int:
    """The number typed, or the only group the actor is a member of."""
    if call.args:
        return parse_group_number(call.args[0])
    with call.deps.uow() as session:
        numbers = [
            s.group.number for s in my_groups(session, person_id=call.actor.person_id).member_of
        ]
    if len(numbers) == 1:
        return numbers[0]
    if not numbers:
        raise InvalidInput("group.number_needed", sub="groep")
    raise InvalidInput(
        "group.which", commands=", ".join(f"`/intervisie groep {n}`" for n in numbers)
    )


def group_command(call: CommandCall) -> None:
    """`/intervisie groep [1234]`: the group's page, for its members and the secretariat."""
    number = _own_group_number(call)
    deps = call.deps
    with deps.uow() as session:
        page = page_by_number(
            session,
            actor=call.actor,
            number=number,
            now=deps.now(),
            settings=deps.settings,
        )
        reply = render_page(page)
    call.say(reply)


def redraw(call: Interaction, *, group_id: int, notice: str) -> None:
    """Show the page again in place of the one whose button was pressed, under a notice."""
    deps = call.deps
    with deps.uow() as session:
        page = page_by_id(
            session,
            actor=call.actor,
            group_id=group_id,
            now=deps.now(),
            settings=deps.settings,
        )
        reply = render_page(page, notice=notice)
    call.say(reply, replace=True)


def on_end(call: Interaction) -> None:
    """Groep beëindigen (after Slack's confirm dialog)."""
    with call.deps.uow() as session:
        group = end_group(session, actor=call.actor, group_id=call.value_id, now=call.deps.now())
        group_id, notice = group.id, t(call.actor.lang, "life.end.done", number=group.number)
    log.info("group %s ended by person %s", group_id, call.actor.person_id)
    redraw(call, group_id=group_id, notice=notice)


def on_reopen(call: Interaction) -> None:
    """Groep heropenen (the secretariat)."""
    with call.deps.uow() as session:
        group = reopen_group(session, actor=call.actor, group_id=call.value_id, now=call.deps.now())
        group_id, notice = group.id, t(call.actor.lang, "life.reopen.done", number=group.number)
    log.info("group %s reopened by person %s", group_id, call.actor.person_id)
    redraw(call, group_id=group_id, notice=notice)


def on_page_approve(call: Interaction) -> None:
    """Accorderen from the page (contact person, deputy or secretariat); the page is redrawn."""
    with call.deps.uow() as session:
        enrollment: Enrollment = decide(
            session,
            actor=call.actor,
            enrollment_id=call.value_id,
            approve=True,
            reason=None,
            now=call.deps.now(),
        )
        group_id = enrollment.group_id
        notice = t(call.actor.lang, "life.page.approved", requester=display_name(enrollment.person))
    log.info(
        "enrollment %s approved from the group page by %s", call.value_id, call.actor.person_id
    )
    redraw(call, group_id=group_id, notice=notice)
