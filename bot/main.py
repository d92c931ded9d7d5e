"""Entry point (`intervisie-bot`, `python -m bot`): read settings, migrate, run until SIGTERM."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from types import FrameType

from bot.settings import SettingsError, from_env

log = logging.getLogger(__name__)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="intervisie-bot",
        description="Intervisie: peer-supervision groups in Slack. Configured by environment "
        "variables (see README.md).",
    )
    sub = parser.add_subparsers(dest="command")
    sub.add_parser(
        "serve",
        help="run the app (the default): HTTP mode, or Socket Mode when SLACK_APP_TOKEN is set",
    )
    sub.add_parser("migrate", help="apply pending database migrations and exit")
    sub.add_parser("check", help="validate the settings and the database connection, then exit")
    demo = sub.add_parser(
        "demo",
        help="try the app without a Slack workspace: play a story against a local stand-in for Slack",
        description="Try the app without a Slack workspace. Starts the app on a free loopback "
        "port against a local stand-in for Slack's Web API (the development sandbox in "
        "bot/devtools: no network, no Slack settings needed) and a fresh "
        "SQLite file, then plays a story through the real signed endpoint: a contact person creates "
        "a group, six colleagues ask to join, four are approved and one rejected, a meeting is "
        "planned and changed, the reminder falls due, attendance is registered with roles, the "
        "certificates arrive and one is verified, and the App Home shows the hours. Prints what "
        "each person saw (in Dutch) and writes the transcript, every certificate PDF, the "
        "recertification overview and the group's .ics feed to the output folder. To go on to a "
        "real workspace, create the Slack app from manifest.yml and set SLACK_BOT_TOKEN and "
        "SLACK_SIGNING_SECRET (README.md, 'Creating the Slack app'), then run `intervisie-bot`.",
    )
    demo.add_argument(
        "--output",
        metavar="DIR",
        default="demo-output",
        help="folder for the transcript, PDFs, .ics feed and the demo database "
        "(default: ./demo-output; earlier demo files there are replaced)",
    )
    demo.add_argument(
        "--keep-running",
        action="store_true",
        help="keep the demo server running afterwards, to open the verify page and the feed "
        "(Ctrl-C stops it)",
    )
    demo.add_argument(
        "--quiet", action="store_true", help="do not print the transcript (it is still written)"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args = _parser().parse_args(argv)
    if args.command == "demo":
        return _demo(args)
    try:
        settings = from_env()
    except SettingsError as exc:
        sys.stderr.write(f"intervisie-bot: configuration error: {exc}\n")
        return 2
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.command == "migrate":
        from storage.db import make_engine
        from storage.migrate import upgrade_to_head

        upgrade_to_head(make_engine(settings.database_url))
        return 0
    if args.command == "check":
        from storage.db import make_engine, ping

        if not ping(make_engine(settings.database_url)):
            sys.stderr.write("intervisie-bot: the database at DATABASE_URL does not answer\n")
            return 1
        sys.stdout.write("configuration ok\n")
        return 0
    return _serve(settings)


def _demo(args: argparse.Namespace) -> int:
    """The sandbox demo: builds its own settings, so no Slack settings are needed."""
    from pathlib import Path

    from bot.demo import run

    logging.basicConfig(level="WARNING", format="%(levelname)s %(name)s: %(message)s")
    try:
        return run(Path(args.output), keep_running=args.keep_running, quiet=args.quiet)
    except SettingsError as exc:
        sys.stderr.write(f"intervisie-bot demo: {exc}\n")
        return 2


def _serve(settings: object) -> int:
    from bot.server import MigrationsPending, Runtime
    from bot.settings import Settings

    assert isinstance(settings, Settings)
    try:
        runtime = Runtime(settings)
    except MigrationsPending as exc:
        sys.stderr.write(f"intervisie-bot: {exc}\n")
        return 2

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        log.info("received %s, shutting down", signal.Signals(signum).name)
        # Stop on a separate thread: the signal arrives on the main thread, which is waiting.
        import threading

        threading.Thread(target=runtime.stop, name="shutdown").start()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    runtime.start()
    runtime.wait()
    return 0
