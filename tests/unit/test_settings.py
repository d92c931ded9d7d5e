"""Settings are validated once at start-up; a bad or missing variable is named in the message."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.settings import SettingsError, from_env

BASE = {"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}


def test_defaults() -> None:
    s = from_env(BASE)
    assert s.slack_api_url == "https://slack.com/api/"
    assert s.database_url == "sqlite:///intervisie.db"
    assert s.port == 3000
    assert s.public_url == "http://localhost:3000"
    assert s.socket_mode is False
    assert s.default_timezone == "Europe/Amsterdam"
    assert s.admins == frozenset()
    assert (s.page_rate_per_second, s.page_rate_burst, s.trusted_proxies) == (1.0, 30, 0)


def test_page_limits_and_proxies() -> None:
    s = from_env(
        {
            **BASE,
            "INTERVISIE_PAGE_RATE_PER_SECOND": "0.5",
            "INTERVISIE_PAGE_RATE_BURST": "10",
            "INTERVISIE_TRUSTED_PROXIES": "2",
        }
    )
    assert (s.page_rate_per_second, s.page_rate_burst, s.trusted_proxies) == (0.5, 10, 2)


def test_everything_set() -> None:
    s = from_env(
        {
            **BASE,
            "SLACK_APP_TOKEN": "xapp-1",
            "SLACK_API_URL": "https://slack-gov.com/api",
            "DATABASE_URL": "postgres://u:p@db/intervisie",
            "PORT": "8080",
            "PUBLIC_URL": "https://intervisie.example.org/",
            "INTERVISIE_ADMINS": "U01ABC, U02DEF",
        }
    )
    assert s.socket_mode
    assert s.slack_api_url == "https://slack-gov.com/api/"
    assert s.database_url == "postgresql+psycopg://u:p@db/intervisie"
    assert s.port == 8080
    assert s.public_url == "https://intervisie.example.org"
    assert s.admins == {"U01ABC", "U02DEF"}


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxp-user"}, "SLACK_BOT_TOKEN"),
        ({"SLACK_BOT_TOKEN": "xoxb-1"}, "SLACK_SIGNING_SECRET"),
        ({**BASE, "SLACK_APP_TOKEN": "xoxb-2"}, "SLACK_APP_TOKEN"),
        ({**BASE, "PORT": "http"}, "PORT"),
        ({**BASE, "PORT": "70000"}, "PORT"),
        ({**BASE, "SLACK_API_URL": "slack.com/api"}, "SLACK_API_URL"),
        ({**BASE, "PUBLIC_URL": "ftp://x"}, "PUBLIC_URL"),
        ({**BASE, "DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
        ({**BASE, "INTERVISIE_ADMINS": "anne"}, "INTERVISIE_ADMINS"),
        ({**BASE, "INTERVISIE_TIMEZONE": "Mars/Olympus"}, "INTERVISIE_TIMEZONE"),
        ({**BASE, "INTERVISIE_PDF_FONT": "/nonexistent.ttf"}, "INTERVISIE_PDF_FONT"),
        ({**BASE, "LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
        ({**BASE, "DATABASE_URL": "sqlite:///"}, "DATABASE_URL"),
        ({**BASE, "DATABASE_URL": "sqlite://"}, "DATABASE_URL"),
        ({**BASE, "DATABASE_URL": "sqlite:///:memory:"}, "DATABASE_URL"),
        ({**BASE, "INTERVISIE_PAGE_RATE_PER_SECOND": "0"}, "INTERVISIE_PAGE_RATE_PER_SECOND"),
        ({**BASE, "INTERVISIE_PAGE_RATE_BURST": "lots"}, "INTERVISIE_PAGE_RATE_BURST"),
        ({**BASE, "INTERVISIE_TRUSTED_PROXIES": "-1"}, "INTERVISIE_TRUSTED_PROXIES"),
    ],
)
def test_bad_settings_name_the_variable(env: dict[str, str], named: str) -> None:
    with pytest.raises(SettingsError, match=named):
        from_env(env)


def test_socket_mode_needs_no_signing_secret() -> None:
    assert from_env({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}).socket_mode


def test_entry_point_reports_a_configuration_error_and_exits_2() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot"],
        env={"PATH": "/usr/bin:/bin", "SLACK_BOT_TOKEN": ""},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "SLACK_BOT_TOKEN is not set" in result.stderr
