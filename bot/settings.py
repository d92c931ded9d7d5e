"""Settings: read from the environment once at start-up, validated, then passed down as one object."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot import rules
from bot.ratelimit import DEFAULT_RATE_LIMITS, RateLimit
from bot.settings_oauth import (
    DEFAULT_INSTALL_PATH,
    DEFAULT_REDIRECT_URI_PATH,
    DEFAULT_SCOPES,
    OAuthSettingError,
    authorization_url,
    bot_token_setting,
    oauth_settings,
)
from bot.settings_values import (
    DEFAULT_BOLD_FONT_CANDIDATES as DEFAULT_BOLD_FONT_CANDIDATES,
)
from bot.settings_values import (
    DEFAULT_FALLBACK_FONT_CANDIDATES as DEFAULT_FALLBACK_FONT_CANDIDATES,
)
from bot.settings_values import (
    DEFAULT_FONT_CANDIDATES as DEFAULT_FONT_CANDIDATES,
)
from bot.settings_values import (
    SettingsError as SettingsError,
)
from bot.settings_values import (
    _check_sqlite_url,
    _float,
    _int,
    _rate_limits,
    _url,
)
from bot.settings_values import (
    find_bold_font as find_bold_font,
)
from bot.settings_values import (
    find_fallback_fonts as find_fallback_fonts,
)
from bot.settings_values import (
    find_font as find_font,
)

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DEFAULT_DATABASE_URL = "sqlite:///intervisie.db"
DEFAULT_TIMEZONE = "Europe/Amsterdam"
_SLACK_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
# After app_uninstalled / tokens_revoked, a workspace's data is kept this long, then deleted.
DEFAULT_UNINSTALL_GRACE_DAYS = 30


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Everything the app is configured with; built once by `from_env` or directly in tests."""

    # One workspace (the embedded default): its bot token. Empty when the app is distributed.
    slack_bot_token: str = ""
    slack_signing_secret: str = ""
    # Distribution over OAuth, by Bolt's setting names (bot/settings_oauth.py).
    slack_client_id: str = ""
    slack_client_secret: str = ""
    slack_scopes: tuple[str, ...] = DEFAULT_SCOPES
    slack_user_scopes: tuple[str, ...] = ()
    slack_redirect_uri: str | None = None
    slack_install_path: str = DEFAULT_INSTALL_PATH
    slack_redirect_uri_path: str = DEFAULT_REDIRECT_URI_PATH
    # Where "Add to Slack" sends the installer; derived from SLACK_API_URL when empty.
    slack_authorization_url: str = ""
    # An install link's life; how long before its expiry a rotating token is refreshed.
    oauth_state_expiration_seconds: int = 600
    token_rotation_expiration_minutes: int = 120
    uninstall_grace_days: int = DEFAULT_UNINSTALL_GRACE_DAYS
    slack_app_token: str | None = None
    slack_api_url: str = DEFAULT_SLACK_API_URL
    database_url: str = DEFAULT_DATABASE_URL
    host: str = "0.0.0.0"
    port: int = 3000
    public_url: str = "http://localhost:3000"
    admins: frozenset[str] = field(default_factory=frozenset)
    default_timezone: str = DEFAULT_TIMEZONE
    # Bolt runs listeners on this pool and every listener acks first, so the pool must outnumber
    # the requests in flight or acks wait behind earlier listeners' work (bench/README.md: 16
    # threads gave 5× the floor at 10 clients, 64 under 2×). Idle threads cost little.
    listener_threads: int = 64
    http_threads: int = 16
    # HTTP mode on PostgreSQL: this many worker processes behind one socket (bot/prefork.py), each
    # with its own HTTP threads, listener pool, outbox and scheduler. Built directly (tests), one
    # process; from the environment, INTERVISIE_WORKERS or the number of cores.
    workers: int = 1
    max_request_bytes: int = 1024 * 1024
    pdf_font_path: str = ""
    pdf_font_bold_path: str = ""
    # Fonts tried, in order, for characters the main font lacks (emoji, Chinese); see find_fallback_fonts.
    pdf_fallback_font_paths: tuple[str, ...] = ()
    delivery_max_attempts: int = 10
    delivery_poll_seconds: float = 2.0
    # Outbox retry backoff: base * 2^(attempt-1) seconds with jitter (tests lower it).
    delivery_backoff_base_seconds: float = 2.0
    # How long a claimed delivery is held before another worker may take it over (after a crash).
    # A crash delays at most what was in hand by this long: held rows are renewed every quarter.
    delivery_lease_seconds: float = 20.0
    scheduler_poll_seconds: float = 30.0
    # The outbox's token buckets per workspace: (Slack method, calls per second, burst).
    slack_rate_limits: tuple[RateLimit, ...] = DEFAULT_RATE_LIMITS
    # Outbox sender threads: more hide Slack's latency in a fan-out (the rate limits still hold),
    # but then two DMs to the same person may arrive in either order. One keeps the order.
    outbox_workers: int = 1
    min_hours_per_year: int = rules.DEFAULT_MIN_HOURS_PER_YEAR
    max_counted_hours_per_year: int = rules.DEFAULT_MAX_COUNTED_HOURS_PER_YEAR
    retention_years: int = rules.DEFAULT_RETENTION_YEARS
    # Guided trajectories: the share of the meetings held (per cent) a participant attends to
    # get the certificaat begeleide intervisie.
    guided_attendance_percent: int = rules.DEFAULT_GUIDED_ATTENDANCE_PERCENT
    # The public pages (/verify, calendar feeds), per client address: requests a second and the
    # burst a client may save up. A person checks a few certificates, a calendar client fetches
    # a feed an hour; a script trying codes by the hundred is slowed to a crawl.
    page_rate_per_second: float = 1.0
    page_rate_burst: int = 30
    # How many reverse proxies in front of the app append to X-Forwarded-For. 0: clients connect
    # directly and the header, which anyone can send, is ignored.
    trusted_proxies: int = 0
    log_level: str = "INFO"
    run_migrations: bool = True

    @property
    def distributed(self) -> bool:
        """Installed over OAuth into any number of workspaces (else one workspace, one token)."""
        return bool(self.slack_client_id)

    @property
    def authorization_url(self) -> str:
        """Slack's "Add to Slack" page: the setting, else beside SLACK_API_URL (GovSlack, tests)."""
        return authorization_url(self.slack_api_url, configured=self.slack_authorization_url)

    @property
    def socket_mode(self) -> bool:
        """Socket Mode when an app-level token is configured, HTTP mode otherwise."""
        return bool(self.slack_app_token)

    @property
    def timezone(self) -> ZoneInfo:
        """The default time zone for display and typed input (Europe/Amsterdam)."""
        return ZoneInfo(self.default_timezone)


def available_cores() -> int:
    """The CPU cores this process may run on (its affinity, else the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def from_env(env: Mapping[str, str] | None = None) -> Settings:
    """Build and validate settings from environment variables; raise SettingsError naming the bad one."""
    env = os.environ if env is None else env
    try:
        # Distributed (OAuth), or one workspace with SLACK_BOT_TOKEN: one of the two.
        oauth = oauth_settings(env)
        bot_token = bot_token_setting(env, distributed=bool(oauth))
    except OAuthSettingError as exc:
        raise SettingsError(str(exc)) from None
    app_token = env.get("SLACK_APP_TOKEN", "").strip() or None
    if app_token is not None and not app_token.startswith("xapp-"):
        raise SettingsError("SLACK_APP_TOKEN must be an app-level token starting with 'xapp-'")
    # HTTP mode verifies every request with the signing secret; Socket Mode does not need it.
    signing_secret = env.get("SLACK_SIGNING_SECRET", "").strip()
    if app_token is None and not signing_secret:
        raise SettingsError("SLACK_SIGNING_SECRET is not set (needed in HTTP mode)")

    api_url = _url("SLACK_API_URL", env.get("SLACK_API_URL", "").strip() or DEFAULT_SLACK_API_URL)
    if not api_url.endswith("/"):
        api_url += "/"

    database_url = env.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL
    if database_url.startswith("postgres://"):
        # Heroku-style URLs; SQLAlchemy wants the dialect and our driver is psycopg 3.
        database_url = "postgresql+psycopg://" + database_url[len("postgres://") :]
    elif database_url.startswith("postgresql://"):
        database_url = "postgresql+psycopg://" + database_url[len("postgresql://") :]
    if not database_url.startswith(("sqlite:", "postgresql+psycopg:")):
        raise SettingsError(
            f"DATABASE_URL must be a sqlite:/// or postgresql:// URL, got {database_url.split(':')[0]!r}"
        )
    if database_url.startswith("sqlite:"):
        _check_sqlite_url(database_url)

    port = _int(env, "PORT", 3000, low=0, high=65535)
    public_url = _url(
        "PUBLIC_URL", env.get("PUBLIC_URL", "").strip() or f"http://localhost:{port}"
    ).rstrip("/")

    admins_raw = env.get("INTERVISIE_ADMINS", "")
    admins = frozenset(a for a in re.split(r"[\s,;]+", admins_raw.strip()) if a)
    bad = sorted(a for a in admins if not _SLACK_USER_ID.match(a))
    if bad:
        raise SettingsError(
            f"INTERVISIE_ADMINS must list Slack user ids like U0123ABCD, got {', '.join(bad)}"
        )

    tz_name = env.get("INTERVISIE_TIMEZONE", "").strip() or DEFAULT_TIMEZONE
    try:
        ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(f"INTERVISIE_TIMEZONE is not a known time zone: {tz_name!r}") from None

    log_level = env.get("LOG_LEVEL", "INFO").strip().upper() or "INFO"
    if log_level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
        raise SettingsError(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {log_level!r}")

    font = env.get("INTERVISIE_PDF_FONT", "").strip()
    font_bold = env.get("INTERVISIE_PDF_FONT_BOLD", "").strip()
    settings = Settings(
        **oauth,
        slack_bot_token=bot_token,
        slack_signing_secret=signing_secret,
        slack_app_token=app_token,
        slack_api_url=api_url,
        database_url=database_url,
        host=env.get("HOST", "").strip() or "0.0.0.0",
        port=port,
        public_url=public_url,
        admins=admins,
        default_timezone=tz_name,
        listener_threads=_int(env, "INTERVISIE_LISTENER_THREADS", 64, low=2, high=512),
        http_threads=_int(env, "INTERVISIE_HTTP_THREADS", 16, low=2, high=512),
        workers=_int(env, "INTERVISIE_WORKERS", available_cores(), low=1, high=64),
        pdf_font_path=find_font(font),
        pdf_font_bold_path=find_bold_font(font_bold, regular_configured=font),
        pdf_fallback_font_paths=find_fallback_fonts(env.get("INTERVISIE_PDF_FALLBACK_FONTS", "")),
        delivery_max_attempts=_int(env, "INTERVISIE_DELIVERY_MAX_ATTEMPTS", 10, low=1, high=100),
        slack_rate_limits=_rate_limits(env),
        outbox_workers=_int(env, "INTERVISIE_OUTBOX_WORKERS", 1, low=1, high=32),
        delivery_backoff_base_seconds=_float(
            env, "INTERVISIE_DELIVERY_BACKOFF_BASE_SECONDS", 2.0, low=0.01, high=600
        ),
        delivery_lease_seconds=_float(
            env, "INTERVISIE_DELIVERY_LEASE_SECONDS", 20.0, low=4, high=3600
        ),
        min_hours_per_year=_int(
            env, "INTERVISIE_MIN_HOURS_PER_YEAR", rules.DEFAULT_MIN_HOURS_PER_YEAR, low=0, high=32
        ),
        max_counted_hours_per_year=_int(
            env,
            "INTERVISIE_MAX_COUNTED_HOURS_PER_YEAR",
            rules.DEFAULT_MAX_COUNTED_HOURS_PER_YEAR,
            low=1,
            high=32,
        ),
        retention_years=_int(
            env,
            "INTERVISIE_RETENTION_YEARS",
            rules.DEFAULT_RETENTION_YEARS,
            low=rules.RETENTION_YEARS_MIN,
            high=50,
        ),
        guided_attendance_percent=_int(
            env,
            "INTERVISIE_GUIDED_ATTENDANCE_PERCENT",
            rules.DEFAULT_GUIDED_ATTENDANCE_PERCENT,
            low=1,
            high=100,
        ),
        page_rate_per_second=_float(
            env, "INTERVISIE_PAGE_RATE_PER_SECOND", 1.0, low=0.01, high=1000
        ),
        page_rate_burst=_int(env, "INTERVISIE_PAGE_RATE_BURST", 30, low=1, high=10_000),
        trusted_proxies=_int(env, "INTERVISIE_TRUSTED_PROXIES", 0, low=0, high=5),
        uninstall_grace_days=_int(
            env,
            "INTERVISIE_UNINSTALL_GRACE_DAYS",
            DEFAULT_UNINSTALL_GRACE_DAYS,
            low=1,
            high=365,
        ),
        log_level=log_level,
        run_migrations=env.get("INTERVISIE_MIGRATE_ON_START", "1").strip().lower()
        not in {"0", "false", "no"},
    )
    return settings
