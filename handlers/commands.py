"""The `/intervisie` slash command: ack at once, then route the first word to its area."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.i18n import t
from handlers import absences as absences_area
from handlers import accreditation as accreditation_area
from handlers import admin as admin_area
from handlers import agreements as agreements_area
from handlers import attendance as attendance_area
from handlers import calendar as calendar_area
from handlers import certificates as certificates_area
from handlers import date_polls as date_polls_area
from handlers import enrollment as enrollment_area
from handlers import evaluations as evaluations_area
from handlers import group_page as group_page_area
from handlers import groups as groups_area
from handlers import guided as guided_area
from handlers import guided_intake as guided_intake_area
from handlers import meetings as meetings_area
from handlers import methods as methods_area
from handlers import planning as planning_area
from handlers import privacy as privacy_area
from handlers import profile_edit as profile_area
from handlers import series as series_area
from handlers.context import CommandCall, interaction_of
from handlers.ui.help_ui import build_help_message

log = logging.getLogger(__name__)

COMMAND = "/intervisie"


@dataclass(frozen=True)
class Subcommand:
    """A subcommand: its words (Dutch first, English alias), what runs, and its help line."""

    names: tuple[str, ...]
    run: Callable[[CommandCall], None]
    # "" keeps a word out of the help (an old word that still works for a while).
    help_key: str


# The order here is the order of the help text.
SUBCOMMANDS: tuple[Subcommand, ...] = (
    Subcommand(("help", "hulp"), lambda call: show_help(call), "help.cmd.help"),
    Subcommand(("nieuw", "create"), groups_area.create_command, "help.cmd.create"),
    Subcommand(("groepen", "groups"), groups_area.directory_command, "help.cmd.groups"),
    Subcommand(("groep", "group"), group_page_area.group_command, "help.cmd.group"),
    Subcommand(("aanmelden", "join"), enrollment_area.join_command, "help.cmd.join"),
    Subcommand(("verlaten", "leave"), enrollment_area.leave_command, "help.cmd.leave"),
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
    Subcommand(
        ("afspraken", "agreements"), agreements_area.agreements_command, "help.cmd.agreements"
    ),
    Subcommand(("prik", "datumprikker", "poll"), date_polls_area.poll_command, "help.cmd.poll"),
    Subcommand(("reeks", "series"), series_area.series_command, "help.cmd.series"),
    Subcommand(("afwezig", "absent"), absences_area.absent_command, "help.cmd.absent"),
    Subcommand(
        ("evaluatie", "evaluation"), evaluations_area.evaluation_command, "help.cmd.evaluation"
    ),
    Subcommand(
        ("begeleiding", "guidance"), guided_intake_area.guidance_command, "help.cmd.guidance"
    ),
    Subcommand(("traject", "trajectory"), guided_area.trajectory_command, "help.cmd.trajectory"),
    Subcommand(("methodes", "methods"), methods_area.methods_command, "help.cmd.methods"),
    Subcommand(
        ("reflectie", "reflection"), planning_area.reflection_command, "help.cmd.reflection"
    ),
    Subcommand(("profiel", "profile"), profile_area.profile_command, "help.cmd.profile"),
    Subcommand(
        ("accreditatie", "accreditation"),
        accreditation_area.accreditation_command,
        "help.cmd.accreditation",
    ),
    Subcommand(
        ("presentielijst", "presence"), accreditation_area.presence_command, "help.cmd.presence"
    ),
    # Leaving was `afmelden`; it will mean "ik kan niet" (absence) once the hint period ends.
    Subcommand(("afmelden",), enrollment_area.afmelden_command, ""),
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
    words = (command.get("text") or "").split()
    base = interaction_of(body=command, context=context, client=client, respond=respond)
    call = CommandCall(
        deps=base.deps,
        actor=base.actor,
        body=base.body,
        client=base.client,
        respond=base.respond,
        args=words[1:],
    )
    if not words:
        show_help(call)
        return
    sub = ROUTES.get(words[0].lower())
    if sub is None:
        show_help(call, unknown=words[0])
        return
    sub.run(call)


def show_help(call: CommandCall, *, unknown: str | None = None) -> None:
    """`/intervisie help` (and no or an unknown subcommand): every subcommand, in the user's
    language."""
    lines = [t(call.actor.lang, sub.help_key) for sub in SUBCOMMANDS if sub.help_key]
    call.say(build_help_message(lang=call.actor.lang, lines=lines, unknown=unknown))
