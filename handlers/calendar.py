"""The calendar in Slack: `/intervisie agenda` (upcoming meetings and the personal feed link),
`/intervisie agenda reset` (a new link, the old one stops working), and the App Home "Agenda"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from slack_bolt import App
from slack_sdk.models.blocks import Block
from sqlalchemy.orm import Session

from bot.deps import Deps
from bot.i18n import t
from bot.services import meetings as svc
from bot.services.meeting_text import short_when
from handlers.context import Viewer
from handlers.ui.blocks import divider
from handlers.ui.meetings_ui import build_agenda_blocks, build_agenda_message, build_notice

if TYPE_CHECKING:
    from handlers.commands import CommandCall

_RESET = frozenset({"reset", "nieuw", "new"})
HOME_UPCOMING_MAX = 5


def register(app: App) -> None:
    """Nothing to listen for: the agenda is a subcommand and a home section."""
    del app


def agenda_command(call: CommandCall) -> None:
    """`/intervisie agenda [reset]`."""
    viewer, deps = call.viewer, call.deps
    reset = bool(call.args) and call.args[0].lower() in _RESET
    with deps.uow() as session:
        if reset:
            token = svc.reset_calendar_token(session, person_id=viewer.person_id, now=deps.now())
        else:
            token = svc.ensure_calendar_token(session, person_id=viewer.person_id)
        lines = _upcoming_lines(session, deps, viewer)
    url = svc.feed_url(deps.settings.public_url, kind="member", token=token)
    reply = build_agenda_message(lang=viewer.lang, lines=lines, feed_url=url)
    if reset:
        notice = build_notice(t(viewer.lang, "agenda.reset_done"))
        reply = {"text": notice["text"], "blocks": notice["blocks"] + reply["blocks"]}
    call.respond(**reply, response_type="ephemeral")


def home_section(deps: Deps, viewer: Viewer) -> list[Block]:
    """App Home "Agenda": upcoming meetings and the feed link, for people in at least one group."""
    with deps.uow() as session:
        if not svc.has_groups(session, person_id=viewer.person_id):
            return []
        token = svc.ensure_calendar_token(session, person_id=viewer.person_id)
        lines = _upcoming_lines(session, deps, viewer)
    url = svc.feed_url(deps.settings.public_url, kind="member", token=token)
    return [divider(), *build_agenda_blocks(lang=viewer.lang, lines=lines, feed_url=url)]


def _upcoming_lines(session: Session, deps: Deps, viewer: Viewer) -> list[str]:
    meetings = svc.upcoming_for_person(
        session, person_id=viewer.person_id, now=deps.now(), limit=HOME_UPCOMING_MAX
    )
    return [
        t(
            viewer.lang,
            "agenda.item",
            when=short_when(m, viewer.lang, viewer.tz),
            number=m.group.number,
            name=m.group.name,
        )
        for m in meetings
    ]
