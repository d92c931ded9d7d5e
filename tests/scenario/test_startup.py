"""Starting up as a new user would (issue 17): `intervisie-bot check` checks what `serve` needs
(the token with auth.test at SLACK_API_URL, the database, its schema revision), and every way a
start can fail (a wrong or revoked token, no network, an unreachable PostgreSQL, an unwritable
SQLite path, `sqlite:///`) ends in one line that names the setting, with exit code 2."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import http_request
from bot.settings import Settings
from bot.startup import StartupError, check_socket_mode
from storage.db import make_engine
from storage.migrate import head_revision, upgrade_to_head
from tests.support.people import SIGNING_SECRET

# The secret the bot token stands for in these runs; it must never show in what is printed.
TOKEN = "xoxb-startup-test-0123456789"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _closed_url() -> str:
    """A loopback URL where nothing listens: what "no network" looks like, quickly."""
    return f"http://127.0.0.1:{_free_port()}/api/"


def _env(fake: FakeSlack, database_url: str, **extra: str) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "SLACK_BOT_TOKEN": TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": fake.base_url,
        "DATABASE_URL": database_url,
        "HOST": "127.0.0.1",
        "PORT": "0",
        **extra,
    }


def _run(command: str, env: dict[str, str], repo_root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", command],
        cwd=repo_root,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )


def _one_line_exit_2(result: subprocess.CompletedProcess[str], *, names: str) -> str:
    """The start failed the way a person can act on: exit 2, one line, the setting named."""
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert names in lines[0], lines[0]
    assert TOKEN not in result.stderr + result.stdout
    return lines[0]


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A migrated SQLite file of this test's own."""
    url = f"sqlite:///{tmp_path / 'startup.db'}"
    engine = make_engine(url)
    upgrade_to_head(engine)
    engine.dispose()
    return url


COMMANDS = ["check", "serve"]


def test_check_reports_what_serve_needs(
    fake_slack: FakeSlack, database_url: str, repo_root: Path
) -> None:
    """With everything in order: the bot's identity from auth.test, the database, the schema."""
    result = _run("check", _env(fake_slack, database_url), repo_root)
    assert result.returncode == 0, result.stderr
    assert [c.method for c in fake_slack.calls] == ["auth.test"]
    assert fake_slack.calls[0].token == TOKEN
    assert "slack: ok, the bot is @intervisie in Test (T1)" in result.stdout
    assert "database: ok" in result.stdout
    assert f"schema: up to date (revision {head_revision()})" in result.stdout
    assert result.stdout.rstrip().endswith("configuration ok")


def test_check_says_an_empty_database_will_be_migrated(
    fake_slack: FakeSlack, tmp_path: Path, repo_root: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    result = _run("check", _env(fake_slack, url), repo_root)
    assert result.returncode == 0, result.stderr
    assert "schema: at revision empty" in result.stdout
    assert "migrates it on start" in result.stdout
    line = _one_line_exit_2(
        _run("check", _env(fake_slack, url, INTERVISIE_MIGRATE_ON_START="0"), repo_root),
        names="INTERVISIE_MIGRATE_ON_START",
    )
    assert "intervisie-bot migrate" in line


@pytest.mark.parametrize("command", COMMANDS)
def test_a_database_at_an_unknown_revision(
    fake_slack: FakeSlack, sqlite_url: str, repo_root: Path, command: str
) -> None:
    """A database a newer version migrated: refused, not half-used."""
    engine = make_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00dfeedbeef'"))
    engine.dispose()
    line = _one_line_exit_2(
        _run(command, _env(fake_slack, sqlite_url), repo_root), names="DATABASE_URL"
    )
    assert "f00dfeedbeef" in line


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("error", ["invalid_auth", "token_revoked", "account_inactive"])
def test_a_wrong_or_revoked_token(
    fake_slack: FakeSlack, sqlite_url: str, repo_root: Path, command: str, error: str
) -> None:
    fake_slack.fail_next("auth.test", error=error)
    line = _one_line_exit_2(
        _run(command, _env(fake_slack, sqlite_url), repo_root), names="SLACK_BOT_TOKEN"
    )
    assert error in line
    assert "OAuth & Permissions" in line


@pytest.mark.parametrize("command", COMMANDS)
def test_slack_unreachable(
    fake_slack: FakeSlack, sqlite_url: str, repo_root: Path, command: str
) -> None:
    env = _env(fake_slack, sqlite_url, SLACK_API_URL=_closed_url())
    line = _one_line_exit_2(_run(command, env, repo_root), names="SLACK_API_URL")
    assert "cannot reach Slack" in line


@pytest.mark.parametrize("command", COMMANDS)
def test_postgresql_unreachable(fake_slack: FakeSlack, repo_root: Path, command: str) -> None:
    url = f"postgresql://intervisie:pw-not-shown@127.0.0.1:{_free_port()}/intervisie"
    line = _one_line_exit_2(_run(command, _env(fake_slack, url), repo_root), names="DATABASE_URL")
    assert "pw-not-shown" not in line
    assert "PostgreSQL" in line


@pytest.mark.parametrize("command", COMMANDS)
def test_sqlite_path_that_cannot_be_written(
    fake_slack: FakeSlack, tmp_path: Path, repo_root: Path, command: str
) -> None:
    """A folder that does not exist, and a "folder" that is a file (root can write anywhere
    else, so permissions alone would not show it)."""
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder")
    for path in (tmp_path / "missing" / "app.db", a_file / "app.db"):
        line = _one_line_exit_2(
            _run(command, _env(fake_slack, f"sqlite:///{path}"), repo_root), names="DATABASE_URL"
        )
        assert str(path) in line
        assert "writable" in line


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("url", ["sqlite:///", "sqlite://", "sqlite:///:memory:"])
def test_sqlite_without_a_file_is_refused(
    fake_slack: FakeSlack, repo_root: Path, command: str, url: str
) -> None:
    """Every connection to an in-memory database is a new, empty one: never "healthy"."""
    _one_line_exit_2(_run(command, _env(fake_slack, url), repo_root), names="DATABASE_URL")


def test_serve_starts_without_misleading_warnings_and_stops_on_sigterm(
    fake_slack: FakeSlack, tmp_path: Path, repo_root: Path
) -> None:
    """A good start says nothing about a token that "will be unused" (Bolt's warning when it
    finds SLACK_BOT_TOKEN in the environment beside the client the app passes), and no
    traceback."""
    port = _free_port()
    log_file = tmp_path / "serve.log"
    env = _env(
        fake_slack, f"sqlite:///{tmp_path / 'serve.db'}", PORT=str(port), INTERVISIE_WORKERS="4"
    )
    with log_file.open("w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "serve"],
            cwd=repo_root,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if http_request(port, "GET", "/healthz").status == 200:
                    break
            except OSError:
                pass
            assert proc.poll() is None, log_file.read_text()
            assert time.monotonic() < deadline, "the app did not come up"
            time.sleep(0.1)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    output = log_file.read_text()
    assert "HTTP server on" in output
    # SQLite stays one process, whatever INTERVISIE_WORKERS says, and the start says so.
    assert "one process: SQLite serves a single process" in output
    assert "will be unused" not in output
    assert "Traceback" not in output
    assert TOKEN not in output


def test_socket_mode_checks_the_app_level_token(fake_slack: FakeSlack, settings: Settings) -> None:
    """In Socket Mode, serve also needs SLACK_APP_TOKEN to open a connection: checked with the
    call Socket Mode makes (apps.connections.open), refused in one line naming the setting."""
    socket_settings = replace(settings, slack_app_token="xapp-startup-test")
    check_socket_mode(socket_settings)
    opened = fake_slack.calls_to("apps.connections.open")
    assert [c.token for c in opened] == ["xapp-startup-test"]
    fake_slack.fail_next("apps.connections.open", error="invalid_auth")
    with pytest.raises(StartupError, match="SLACK_APP_TOKEN") as caught:
        check_socket_mode(socket_settings)
    assert "\n" not in str(caught.value)


def test_migrate_on_a_database_from_a_newer_version_ends_in_one_line(
    fake_slack: FakeSlack, sqlite_url: str, repo_root: Path
) -> None:
    engine = make_engine(sqlite_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'f00dfeedbeef'"))
    engine.dispose()
    line = _one_line_exit_2(
        _run("migrate", _env(fake_slack, sqlite_url, LOG_LEVEL="WARNING"), repo_root),
        names="DATABASE_URL",
    )
    assert "f00dfeedbeef" in line


def _distributed_env(fake: FakeSlack, database_url: str, **extra: str) -> dict[str, str]:
    oauth = {"SLACK_CLIENT_ID": "1111.2222", "SLACK_CLIENT_SECRET": "cs-1", **extra}
    env = _env(fake, database_url, **oauth)
    del env["SLACK_BOT_TOKEN"]
    return env


def test_check_when_distributed_asks_slack_about_the_client_id_and_secret(
    fake_slack: FakeSlack, sqlite_url: str, repo_root: Path
) -> None:
    """Distributed: no bot token to test; Slack is asked whether it knows the client id and
    secret (a code nobody was given: invalid_code means yes), at SLACK_API_URL."""
    fake_slack.add_oauth_app("1111.2222", "cs-1")
    result = _run("check", _distributed_env(fake_slack, sqlite_url), repo_root)
    assert result.returncode == 0, result.stderr
    assert [c.method for c in fake_slack.calls] == ["oauth.v2.access"]
    assert "SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are accepted" in result.stdout
    assert "/slack/install" in result.stdout
    wrong = _distributed_env(fake_slack, sqlite_url, SLACK_CLIENT_SECRET="cs-wrong")
    line = _one_line_exit_2(_run("check", wrong, repo_root), names="SLACK_CLIENT_SECRET")
    assert "bad_client_secret" in line and "cs-wrong" not in line
