"""The calendar in Slack: `/intervisie agenda` (upcoming meetings and the personal feed link),
`/intervisie agenda reset` (a new link, the old one stops working), and the App Home "Agenda"."""

from __future__ import annotations

from slack_bolt import App
from slack_sdk.models.blocks import Block
from sqlalchemy.orm import Session

from bot.actor import Actor
from bot.deps import Deps
from bot.i18n import t
from bot.services import calendar as cal
from bot.services import meetings as svc
from bot.services.meeting_plan import method_suffix
from bot.services.meeting_text import short_when
from handlers.context import CommandCall
from handlers.ui.blocks import divider, text_message
from handlers.ui.meetings_ui import build_agenda_blocks, build_agenda_message

_RESET = frozenset({"reset", "nieuw", "new"})
HOME_UPCOMING_MAX = 5


def register(app: App) -> None:
    """Nothing to listen for: the agenda is a subcommand and a home section."""
    del app


def agenda_command(call: CommandCall) -> None:
    """`/intervisie agenda [reset]`."""
    actor, deps = call.actor, call.deps
    reset = bool(call.args) and call.args[0].lower() in _RESET
    with deps.uow() as session:
        if reset:
            token = cal.reset_calendar_token(session, person_id=actor.person_id, now=deps.now())
        else:
            token = cal.ensure_calendar_token(session, person_id=actor.person_id)
        lines = _upcoming_lines(session, deps, actor)
    url = cal.feed_url(deps.settings.public_url, kind="member", token=token)
    reply = build_agenda_message(lang=actor.lang, lines=lines, feed_url=url)
    if reset:
        notice = text_message(t(actor.lang, "agenda.reset_done"))
        reply = {"text": notice["text"], "blocks": notice["blocks"] + reply["blocks"]}
    call.say(reply)


def home_section(deps: Deps, actor: Actor) -> list[Block]:
    """App Home "Agenda": upcoming meetings and the feed link, for people in at least one group."""
    with deps.uow() as session:
        if not cal.has_groups(session, person_id=actor.person_id):
            return []
        token = cal.ensure_calendar_token(session, person_id=actor.person_id)
        lines = _upcoming_lines(session, deps, actor)
    url = cal.feed_url(deps.settings.public_url, kind="member", token=token)
    return [divider(), *build_agenda_blocks(lang=actor.lang, lines=lines, feed_url=url)]


def _upcoming_lines(session: Session, deps: Deps, actor: Actor) -> list[str]:
    meetings = svc.upcoming_for_person(
        session, person_id=actor.person_id, now=deps.now(), limit=HOME_UPCOMING_MAX
    )
    return [
        t(
            actor.lang,
            "agenda.item",
            when=short_when(m, actor.lang, actor.tz),
            number=m.group.number,
            name=m.group.name,
        )
        + method_suffix(session, m, actor.lang)
        for m in meetings
    ]
