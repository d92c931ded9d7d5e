"""The rules of intervisie, from PRODUCT.md and the seed texts, as named constants."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Final

# "Als je minimaal 5 en maximaal 10 personen bij elkaar hebt" (seed 000): peer group size,
# counting the contact person.
PEER_GROUP_MIN_MEMBERS: Final = 5
PEER_GROUP_MAX_MEMBERS: Final = 10

# "De begeleide intervisiegroep bestaat uit vier tot acht deelnemers" and "minimaal drie en
# maximaal acht bijeenkomsten" (seed 002).
GUIDED_GROUP_MIN_MEMBERS: Final = 4
GUIDED_GROUP_MAX_MEMBERS: Final = 8
GUIDED_TRAJECTORY_MIN_MEETINGS: Final = 3
GUIDED_TRAJECTORY_MAX_MEETINGS: Final = 8
# "Na afronding van de training ontvangen de deelnemers een certificaat" (seed 002): a
# participant who attended at least this share of the meetings held gets the certificaat
# begeleide intervisie (the default of a setting; the supervisor may award it below).
DEFAULT_GUIDED_ATTENDANCE_PERCENT: Final = 75
# The register a supervisor is usually in ("geregistreerd (leer)supervisor bij de LVSC", seed 004).
DEFAULT_SUPERVISOR_REGISTER: Final = "lvsc"
# Completion certificates are numbered apart from deelnamebewijzen: "IVB-2026-000123".
COMPLETION_NUMBER_PREFIX: Final = "IVB"
# Reflection points a supervisor may award for one trajectory, and a price per participant.
MAX_REFLECTION_POINTS: Final = Decimal("100")
MAX_PRICE_PER_PARTICIPANT: Final = Decimal("10000")
# The participants answer the draft report within this many days at most (the supervisor's
# deadline), and the supervisor's suggestion is a week.
REPORT_DEADLINE_DEFAULT: Final = timedelta(days=7)
REPORT_DEADLINE_MAX: Final = timedelta(days=60)

# "Voor de hercertificering zijn er minimaal 32 uren intervisie nodig" in a four-year period.
RECERTIFICATION_PERIOD_YEARS: Final = 4
RECERTIFICATION_REQUIRED_HOURS: Final = 32
# "In redelijke mate evenredig over de jaren verdeeld": defaults of the two settings that say
# when a period-year is thin (warn) or heavy (hours above may not count).
DEFAULT_MIN_HOURS_PER_YEAR: Final = 8
DEFAULT_MAX_COUNTED_HOURS_PER_YEAR: Final = 16

# "deelname voor 'Intervisiedeelnemer zonder LVV-lidmaatschap' bedraagt € 75,- excl. BTW per jaar"
NON_MEMBER_FEE_EUR_PER_YEAR: Final = Decimal("75")

# The periodic checks: workspaces past their uninstall grace period, the new year's fee notices.
WORKSPACE_PURGE_INTERVAL: Final = timedelta(hours=1)
FEE_NOTICE_INTERVAL: Final = timedelta(hours=6)

# Meetings: the portal offers hours in a drop-down; we offer half hours up to a working day.
DEFAULT_MEETING_DURATION: Final = timedelta(hours=2)
MEETING_DURATION_STEP: Final = timedelta(minutes=30)
MAX_MEETING_DURATION: Final = timedelta(hours=8)

# Reminders before a meeting (a group setting; these are the defaults).
DEFAULT_REMINDER_LEADS: Final = (timedelta(days=2), timedelta(hours=2))

# Deelnamebewijs: public number "IV-2026-000123" (unique per workspace) and an unguessable
# verification code (secrets.token_urlsafe of this many bytes: 192 bits).
CERTIFICATE_NUMBER_PREFIX: Final = "IV"
VERIFICATION_CODE_BYTES: Final = 24

# Role rotation: the default period in which everyone is once inbrenger and once facilitator.
DEFAULT_ROTATION_PERIOD_MONTHS: Final = 12

# Group numbers are short and never reused; the first group of a workspace gets this one.
FIRST_GROUP_NUMBER: Final = 1001

# Attendance nudges to the contact person: when the meeting ends, and once more a day later.
ATTENDANCE_NUDGE_OFFSETS: Final = (timedelta(0), timedelta(days=1))
# Lead times a contact person may set for reminders: a few, between 15 minutes and two weeks.
MIN_REMINDER_LEAD: Final = timedelta(minutes=15)
MAX_REMINDER_LEAD: Final = timedelta(days=14)
MAX_REMINDER_LEADS: Final = 4
# Calendar feeds: how often clients should fetch again (REFRESH-INTERVAL, X-PUBLISHED-TTL), and
# how far back a feed reaches (older meetings drop out, the feed stays small).
CALENDAR_REFRESH_INTERVAL: Final = timedelta(hours=1)
CALENDAR_FEED_HISTORY: Final = timedelta(days=365)
# The list of planned meetings shows meetings waiting for registration this far back.
MEETING_LIST_HISTORY: Final = timedelta(days=60)
MEETING_LIST_MAX: Final = 15

# AVG retention: certificates and attendance older than settings.retention_years are purged daily;
# a misconfigured 0 must never wipe the recertification period, hence a floor.
RETENTION_YEARS_MIN: Final = 1
DEFAULT_RETENTION_YEARS: Final = 5
RETENTION_PURGE_INTERVAL: Final = timedelta(days=1)
# Typed dates (meetings, attendance, export periods): nothing before this date or before the
# retention window (such data would be purged the same night), nothing further ahead than this
# many years. Year 1 or 9999 is a typo, and dates that far out break time zone arithmetic.
EARLIEST_DATE: Final = date(2000, 1, 1)
MAX_YEARS_AHEAD: Final = 2


def allowed_dates(
    *, today: date, retention_years: int = DEFAULT_RETENTION_YEARS
) -> tuple[date, date]:
    """The first and the last date a typed date may name, seen from `today` (both included)."""
    earliest = max(EARLIEST_DATE, _add_years(today, -max(retention_years, RETENTION_YEARS_MIN)))
    return earliest, _add_years(today, MAX_YEARS_AHEAD)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year + years, day=28)


# The secretariat's CSV export covers at most this long a period (one request, one file).
EXPORT_PERIOD_MAX: Final = timedelta(days=366 * 5)
