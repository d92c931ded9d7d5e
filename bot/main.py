"""Entry point (`intervisie-bot`, `python -m bot`): read settings, migrate, run until SIGTERM."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from types import FrameType

from bot.settings import Settings, SettingsError, from_env

log = logging.getLogger(__name__)
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


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
    sub.add_parser(
        "check",
        help="check what serve needs, then exit: the settings, the bot token (auth.test at "
        "SLACK_API_URL), the database and its schema revision",
    )
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
    _forget_secrets_in_environment()
    if args.command == "check":
        return _check(settings)
    if args.command == "migrate":
        return _migrate(settings)
    return _serve(settings)


# Settings are read once, above. Bolt also reads SLACK_BOT_TOKEN from the environment on its own
# when it is given a client, and then warns on every start that the token "will be unused"
# (the app always passes its own client, pointed at SLACK_API_URL). Without the variables in
# the environment, no library can pick up a secret behind the settings' back.
# Bolt would likewise build OAuth settings of its own from SLACK_CLIENT_ID / SLACK_CLIENT_SECRET.
_SECRETS = (
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
)


def _forget_secrets_in_environment() -> None:
    for name in _SECRETS:
        os.environ.pop(name, None)


def _fail(message: str) -> int:
    """The one line a failed start ends with; exit code 2."""
    sys.stderr.write(f"intervisie-bot: {message}\n")
    return 2


def _check(settings: Settings) -> int:
    """What serve needs, one line each: Slack accepts the token, the database answers and can be
    written, its schema is known (and up to date or migrated on start)."""
    from bot.startup import (
        StartupError,
        check_oauth,
        check_schema,
        check_slack,
        check_socket_mode,
        open_database,
    )

    try:
        if settings.distributed:
            check_oauth(settings)
            _say(
                f"slack: ok, SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are accepted at "
                f"{settings.slack_api_url}; install at {settings.public_url}"
                f"{settings.slack_install_path}"
            )
        else:
            identity = check_slack(settings)
            _say(
                f"slack: ok, the bot is @{identity.user} in {identity.team} "
                f"({identity.team_id}) at {settings.slack_api_url}"
            )
        if settings.socket_mode:
            check_socket_mode(settings)
            _say("socket mode: ok, SLACK_APP_TOKEN may open a connection")
        engine = open_database(settings.database_url)
        try:
            _say(f"database: ok ({engine.url.render_as_string(hide_password=True)})")
            state = check_schema(engine, migrate_on_start=settings.run_migrations)
        finally:
            engine.dispose()
    except StartupError as exc:
        return _fail(str(exc))
    if state.up_to_date:
        _say(f"schema: up to date (revision {state.head})")
    else:
        _say(
            f"schema: at revision {state.current or 'empty'}, this version needs {state.head}; "
            "`intervisie-bot serve` migrates it on start (or run `intervisie-bot migrate`)"
        )
    _say("configuration ok")
    return 0


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")


def _migrate(settings: Settings) -> int:
    from alembic.util import CommandError
    from sqlalchemy.exc import SQLAlchemyError

    from bot.startup import StartupError, open_database
    from storage.migrate import upgrade_to_head

    logging.basicConfig(level=settings.log_level, format=LOG_FORMAT)
    try:
        engine = open_database(settings.database_url)
    except StartupError as exc:
        return _fail(str(exc))
    try:
        upgrade_to_head(engine)
    except (CommandError, SQLAlchemyError) as exc:
        log.debug("migration failed", exc_info=True)
        return _fail(
            f"migrating the database in DATABASE_URL failed: {_first_line(exc)} "
            "(LOG_LEVEL=DEBUG shows the details)"
        )
    finally:
        engine.dispose()
    return 0


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


def _serve(settings: Settings) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from bot.server import MigrationsPending, Runtime
    from bot.startup import (
        StartupError,
        check_oauth,
        check_schema,
        check_slack,
        check_socket_mode,
        open_database,
    )

    # Checked before logging is set up: a failed start ends in one line, not in a page of log.
    try:
        if settings.distributed:
            check_oauth(settings)
        else:
            check_slack(settings)
        if settings.socket_mode:
            check_socket_mode(settings)
        engine = open_database(settings.database_url)
        try:
            check_schema(engine, migrate_on_start=settings.run_migrations)
        finally:
            engine.dispose()
    except StartupError as exc:
        return _fail(str(exc))
    if _prefork(settings):
        return _serve_prefork(settings)
    logging.basicConfig(level=settings.log_level, format=LOG_FORMAT)
    log.info("%s", _one_process_reason(settings))
    try:
        runtime = Runtime(settings)
    except MigrationsPending as exc:
        return _fail(str(exc))
    except SQLAlchemyError as exc:
        log.debug("start-up failed", exc_info=True)
        return _fail(f"the database in DATABASE_URL failed while starting: {_first_line(exc)}")

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        log.info("received %s, shutting down", signal.Signals(signum).name)
        # Stop on a separate thread: the signal arrives on the main thread, which is waiting.
        import threading

        threading.Thread(target=runtime.stop, name="shutdown").start()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        runtime.start()
    except OSError as exc:
        runtime.stop(timeout=5)
        return _fail(
            f"cannot listen on HOST:PORT ({settings.host}:{settings.port}): "
            f"{_first_line(exc)}; choose another PORT, or stop what uses it"
        )
    runtime.wait()
    return 0


def _prefork(settings: Settings) -> bool:
    """Several processes: HTTP mode on PostgreSQL with INTERVISIE_WORKERS above one."""
    return (
        not settings.socket_mode
        and settings.database_url.startswith("postgresql")
        and settings.workers > 1
    )


def _one_process_reason(settings: Settings) -> str:
    """The start-up line that says why this app runs as one process."""
    if settings.database_url.startswith("sqlite"):
        return "one process: SQLite serves a single process (INTERVISIE_WORKERS needs PostgreSQL)"
    if settings.socket_mode:
        return "one process: Socket Mode keeps one connection to Slack (INTERVISIE_WORKERS is for HTTP mode)"
    return "one process (INTERVISIE_WORKERS=1)"


def _serve_prefork(settings: Settings) -> int:
    """HTTP mode on PostgreSQL: migrate once here, bind the socket, then run gunicorn's workers
    (bot/prefork.py), each with its own Runtime."""
    from alembic.util import CommandError
    from sqlalchemy.exc import SQLAlchemyError

    from bot.prefork import listen, serve_prefork
    from bot.startup import StartupError, open_database
    from storage.migrate import upgrade_to_head

    try:
        engine = open_database(settings.database_url)
    except StartupError as exc:
        return _fail(str(exc))
    try:
        if settings.run_migrations:
            upgrade_to_head(engine)
    except (CommandError, SQLAlchemyError) as exc:
        return _fail(
            f"migrating the database in DATABASE_URL failed: {_first_line(exc)} "
            "(LOG_LEVEL=DEBUG shows the details)"
        )
    finally:
        # The workers make their own engines after the fork; nothing of this one is inherited.
        engine.dispose()
    try:
        listener = listen(settings)
    except OSError as exc:
        return _fail(
            f"cannot listen on HOST:PORT ({settings.host}:{settings.port}): "
            f"{_first_line(exc)}; choose another PORT, or stop what uses it"
        )
    logging.basicConfig(level=settings.log_level, format=LOG_FORMAT)
    # gunicorn ends the parent and each worker with SystemExit (the workers are forks of this
    # call, so nothing here may clean up after it: that would run in every worker too).
    return serve_prefork(settings, listener=listener)


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return (text.splitlines()[0] if text else type(exc).__name__)[:200]
