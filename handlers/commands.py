"""The `/intervisie` slash command: ack at once, then route the first word to its area."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.deps import Deps
from handlers import admin as admin_area
from handlers import attendance as attendance_area
from handlers import calendar as calendar_area
from handlers import certificates as certificates_area
from handlers import enrollment as enrollment_area
from handlers import groups as groups_area
from handlers import help as help_area
from handlers import meetings as meetings_area
from handlers import privacy as privacy_area
from handlers.context import Viewer, deps_of, viewer_for

log = logging.getLogger(__name__)

COMMAND = "/intervisie"


@dataclass(frozen=True, kw_only=True)
class CommandCall:
    """One `/intervisie …` invocation, parsed: who, which words, and how to answer."""

    deps: Deps
    viewer: Viewer
    args: list[str]
    text: str
    trigger_id: str
    respond: Respond
    client: WebClient
    channel_id: str


@dataclass(frozen=True)
class Subcommand:
    """A subcommand: its words (Dutch first, English alias), what runs, and its help line."""

    names: tuple[str, ...]
    run: Callable[[CommandCall], None]
    help_key: str


# The order here is the order of the help text.
SUBCOMMANDS: tuple[Subcommand, ...] = (
    Subcommand(("help", "hulp"), help_area.show_help, "help.cmd.help"),
    Subcommand(("nieuw", "create"), groups_area.create_command, "help.cmd.create"),
    Subcommand(("groepen", "groups"), groups_area.directory_command, "help.cmd.groups"),
    Subcommand(("aanmelden", "join"), enrollment_area.join_command, "help.cmd.join"),
    Subcommand(("afmelden", "leave"), enrollment_area.leave_command, "help.cmd.leave"),
    Subcommand(("admin",), admin_area.admin_command, "help.cmd.admin"),
    Subcommand(("plan", "bijeenkomst", "meeting"), meetings_area.plan_command, "help.cmd.plan"),
    Subcommand(("bijeenkomsten", "meetings"), meetings_area.list_command, "help.cmd.meetings"),
    Subcommand(("agenda", "calendar"), calendar_area.agenda_command, "help.cmd.agenda"),
    Subcommand(
        ("herinneringen", "reminders"), meetings_area.reminders_command, "help.cmd.reminders"
    ),
    Subcommand(("registreer", "register"), attendance_area.register_command, "help.cmd.register"),
    Subcommand(("rollen", "roles"), attendance_area.roles_command, "help.cmd.roles"),
    Subcommand(("uren", "hours"), certificates_area.hours_command, "help.cmd.hours"),
    Subcommand(
        ("bewijzen", "certificates"),
        certificates_area.certificates_command,
        "help.cmd.certificates",
    ),
    Subcommand(("mijn-gegevens", "mydata"), privacy_area.mydata_command, "help.cmd.mydata"),
)

ROUTES: dict[str, Subcommand] = {name: sub for sub in SUBCOMMANDS for name in sub.names}


def register(app: App) -> None:
    """Listen for `/intervisie`."""
    app.command(COMMAND)(on_command)


def on_command(
    ack: Ack, command: dict[str, Any], context: BoltContext, respond: Respond, client: WebClient
) -> None:
    """Ack within Slack's 3 seconds with nothing, then answer through the response_url."""
    ack()
    deps = deps_of(context)
    words = (command.get("text") or "").split()
    viewer = viewer_for(deps, team_id=command["team_id"], user_id=command["user_id"])
    call = CommandCall(
        deps=deps,
        viewer=viewer,
        args=words[1:],
        text=command.get("text") or "",
        trigger_id=command.get("trigger_id", ""),
        respond=respond,
        client=client,
        channel_id=command.get("channel_id", ""),
    )
    if not words:
        help_area.show_help(call)
        return
    sub = ROUTES.get(words[0].lower())
    if sub is None:
        help_area.show_help(call, unknown=words[0])
        return
    sub.run(call)


def help_lines(viewer: Viewer) -> list[str]:
    """One line per subcommand, in the viewer's language."""
    from bot.i18n import t

    return [t(viewer.lang, sub.help_key) for sub in SUBCOMMANDS]
