"""Presence per register: the paste-ready number list PE-online takes in bulk, and a CSV.

What PE-online publishes (pe-online.info, "Presentie invoeren - Deelnemers invoeren"): besides
looking people up one by one, a provider can choose "Importeren", paste a list of registration
numbers (for instance a column copied from Excel) into the field "Te verwerken" and press
"Controleren"; PE-online then shows which numbers it knows. A number's composition differs per
register: digits only for some, letters and digits for others, "BIG-" followed by the 11-digit BIG
number being the example it gives. So the paste list is exactly one number per line, with the
register's paste prefix (bot/data/registers.yaml) and nothing else: no names, no header, no blank
lines, so that every line PE-online reads is a number. A person is listed once even when the rows
span several meetings; PE-online records presence per activity, so contact persons get one list
per meeting.

The CSV is for people and spreadsheets, and follows the secretariat's export
(bot/exports/csv_export.py): UTF-8 with a byte-order mark and semicolons, because Dutch Excel uses
the semicolon as list separator (the comma is the decimal sign: "1,5" hours stays one cell) and
only reads UTF-8 correctly with the mark; text that looks like a formula is neutralised. The
number column holds the prefixed form, which also keeps Excel from reading "BIG-…" as a number.

Participants without a number for the register, or whose stored number no longer fits the
register's format (the secretariat changed it), are never dropped silently: they are returned
apart so the caller can name them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from bot.exports.csv_export import safe_cell
from bot.i18n import format_date, format_hours
from bot.registers import Register

CSV_COLUMNS: Final = ("naam", "register", "registratienummer", "datum", "uren", "punten")


@dataclass(frozen=True, kw_only=True)
class PresenceRow:
    """One participant present at one meeting, with their number in the register exported."""

    name: str
    # The canonical number in this register (as stored); None when the person has none.
    number: str | None
    date: date
    # Net meeting time in minutes: the hours the certificate proves.
    minutes: int
    # Points the register's accreditation grants for this meeting, when there is one.
    points: Decimal | None = None


@dataclass(frozen=True, kw_only=True)
class RegisterExport:
    """What a contact person or the secretariat gets for one register."""

    paste_list: str
    csv: bytes
    # Present, but no number for this register: listed apart, never silently left out.
    without_number: tuple[PresenceRow, ...]
    # A stored number that no longer fits the register's format.
    unreadable: tuple[PresenceRow, ...]


def _ordered(rows: Sequence[PresenceRow]) -> list[PresenceRow]:
    return sorted(rows, key=lambda r: (r.date, r.name.casefold(), r.name, r.number or ""))


def _points(value: Decimal | None) -> str:
    if value is None:
        return ""
    # 1.50 -> "1,5", 2 -> "2": the Dutch way, without trailing zeros.
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


def _split(
    register: Register, rows: Sequence[PresenceRow]
) -> tuple[list[tuple[PresenceRow, str]], list[PresenceRow], list[PresenceRow]]:
    with_number: list[tuple[PresenceRow, str]] = []
    without: list[PresenceRow] = []
    unreadable: list[PresenceRow] = []
    for row in _ordered(rows):
        if not row.number:
            without.append(row)
            continue
        pasted = register.paste_form(row.number)
        if pasted is None:
            unreadable.append(row)
        else:
            with_number.append((row, pasted))
    return with_number, without, unreadable


def paste_list(register: Register, rows: Sequence[PresenceRow]) -> str:
    """One prefixed number per line (each number once), ready to paste into PE-online."""
    with_number, _, _ = _split(register, rows)
    unique = list(dict.fromkeys(pasted for _, pasted in with_number))
    return "".join(f"{line}\n" for line in unique)


def presence_csv(register: Register, rows: Sequence[PresenceRow]) -> bytes:
    """The CSV: a header, then one line per participant with a usable number, per meeting."""
    with_number, _, _ = _split(register, rows)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row, pasted in with_number:
        writer.writerow(
            [
                safe_cell(row.name),
                safe_cell(register.short_name),
                safe_cell(pasted),
                format_date(row.date),
                format_hours(row.minutes, "nl"),
                _points(row.points),
            ]
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def build_register_export(register: Register, rows: Sequence[PresenceRow]) -> RegisterExport:
    """The paste list, the CSV, and the participants who could not be listed, for one register."""
    _, without, unreadable = _split(register, rows)
    return RegisterExport(
        paste_list=paste_list(register, rows),
        csv=presence_csv(register, rows),
        without_number=tuple(without),
        unreadable=tuple(unreadable),
    )
