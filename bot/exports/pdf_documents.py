"""What the PDFs show: the deelnamebewijs and overview snapshots, and their file names per language.

New fields carry defaults, so a caller that fills only the original ones still gets a valid
document (the label texts then come from the catalogue, optional lines are left out).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from bot.i18n import Lang, t_plain, tn_plain
from bot.i18n import hours_text as _hours_text
from storage.models import Role


@dataclass(frozen=True, kw_only=True)
class CertificateDocument:
    """Everything a deelnamebewijs shows (a snapshot; times already in the local time zone)."""

    lang: Lang
    number: str
    holder_name: str
    registration_number: str | None
    group_number: int
    group_name: str
    meeting_date: date
    start_time: str
    end_time: str
    net_minutes: int
    role: Role | None
    contact_person_name: str
    issued_at: datetime
    issued_on: date
    verification_code: str
    verification_url: str
    # The association that issues it (e.g. the LVV); "" prints the app's name as issuer.
    issuer_name: str = ""
    # What `registration_number` is ("Lidnummer LVV", "BIG-nummer"); "" prints the generic label.
    registration_label: str = ""
    # A second number in a professional register, with its own label ("BIG-nummer", "SKJ-nummer").
    register_label: str = ""
    register_number: str = ""
    method_name: str = ""
    # Guided groups: the trajectory's name and this meeting's place in it (3 of 6).
    trajectory_name: str = ""
    trajectory_meeting: int | None = None
    trajectory_meetings: int | None = None
    # Accreditation of the activity by a register: its name, the activity id and the points.
    accreditation_register: str = ""
    activity_id: str = ""
    activity_points: float | None = None
    # Who registered the attendance, and when: the digital counterpart of a signature.
    # "" / None fall back to the contact person and the issue date.
    registered_by_name: str = ""
    registered_on: date | None = None


@dataclass(frozen=True, kw_only=True)
class OverviewMeeting:
    """One counted meeting in the recertification overview."""

    meeting_date: date
    group_number: int
    net_minutes: int
    role: Role | None
    certificate_number: str


@dataclass(frozen=True, kw_only=True)
class OverviewYear:
    """Totals of one period-year in the overview; `signal` is a YearSignal value."""

    start: date
    end_inclusive: date
    minutes: int
    counted_minutes: int
    signal: str


@dataclass(frozen=True, kw_only=True)
class OverviewDocument:
    """The recertification overview of one member for one certification period."""

    lang: Lang
    holder_name: str
    registration_number: str | None
    period_start: date
    period_end_inclusive: date
    meetings: tuple[OverviewMeeting, ...]
    years: tuple[OverviewYear, ...]
    total_minutes: int
    counted_minutes: int
    required_minutes: int
    created_at: datetime
    issuer_name: str = ""
    registration_label: str = ""
    # The overview's own code and /verify URL; "" leaves the verification block out.
    verification_code: str = ""
    verification_url: str = ""


def _slug(text: str) -> str:
    """ASCII, lower case, hyphens: safe in every file system and mail client."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _years(start: date, end_inclusive: date) -> str:
    return (
        f"{start.year}-{end_inclusive.year}"
        if start.year != end_inclusive.year
        else str(start.year)
    )


def certificate_filename(doc: CertificateDocument) -> str:
    """The deelnamebewijs's file name in its language: deelnamebewijs-iv-2026-000123.pdf."""
    stem = t_plain(doc.lang, "document.file.certificate", number=doc.number)
    return f"{_slug(stem)}.pdf"


def overview_filename(doc: OverviewDocument) -> str:
    """The overview's file name in its language: overzicht-hercertificering-2025-2028.pdf."""
    stem = t_plain(
        doc.lang, "document.file.overview", years=_years(doc.period_start, doc.period_end_inclusive)
    )
    return f"{_slug(stem)}.pdf"


def dossier_filename(doc: OverviewDocument) -> str:
    """The dossier's (overview + certificates) file name: dossier-hercertificering-2025-2028.pdf."""
    stem = t_plain(
        doc.lang, "document.file.dossier", years=_years(doc.period_start, doc.period_end_inclusive)
    )
    return f"{_slug(stem)}.pdf"


def hours_text(lang: Lang, minutes: int) -> str:
    """Net time with its unit: "2,5 uur", "1 hour", "2.5 hours" (the catalogue's plural forms,
    chosen by plural_key for the number as shown)."""
    return _hours_text(lang, minutes)


def points_text(lang: Lang, points: float) -> str:
    """Accreditation points with their unit: "1 punt", "1,5 punten", "2 points"."""
    shown = f"{points:.2f}".rstrip("0").rstrip(".")
    if lang == "nl":
        shown = shown.replace(".", ",")
    return tn_plain(lang, "document.points", shown)
