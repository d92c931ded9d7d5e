"""The secretariat's CSV export of hours and certificates for a period: a pure function rows → bytes.

Excel opens it directly: UTF-8 with a byte-order mark, semicolons (the Dutch list separator), and
cells that start like a formula are prefixed with a quote so a group name like `=HYPERLINK(…)` stays
text (CSV injection).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

COLUMNS = (
    "certificaatnummer",
    "status",
    "naam",
    "registratienummer",
    "lidmaatschap",
    "groepsnummer",
    "groepsnaam",
    "datum",
    "begintijd",
    "netto_uren",
    "rol",
    "uitgegeven_op",
    "register",
    "lidnummer",
    # Participants without membership: their fee for the meeting's year ("open", or "betaald"
    # with the day and who paid); empty for members.
    "bijdrage",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, kw_only=True)
class ExportRow:
    """One certificate with the hours it proves, as the secretariat's export lists it."""

    number: str
    status: str
    name: str
    # The number in a professional register (`register`); the member number is its own column.
    registration_number: str
    membership: str
    group_number: int
    group_name: str
    date: str
    start: str
    net_hours: str
    role: str
    issued: str
    register: str = ""
    member_number: str = ""
    fee: str = ""


def safe_cell(value: str) -> str:
    """Neutralise spreadsheet formulas and NUL bytes in user-typed text."""
    value = value.replace("\x00", "")
    return "'" + value if value.startswith(_FORMULA_START) else value


def build_csv(rows: Sequence[ExportRow]) -> bytes:
    """The CSV file: a header line, then one line per certificate."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow(
            [
                safe_cell(r.number),
                r.status,
                safe_cell(r.name),
                safe_cell(r.registration_number),
                r.membership,
                r.group_number,
                safe_cell(r.group_name),
                r.date,
                r.start,
                r.net_hours,
                r.role,
                r.issued,
                safe_cell(r.register),
                safe_cell(r.member_number),
                r.fee,
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")
