"""Catalogue: groups. Each entry is (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "group.not_found": (
        "Er is geen intervisiegroep met nummer {number}. Controleer het nummer bij de "
        "contactpersoon, of zoek met `/intervisie groepen`.",
        "There is no intervisie group with number {number}. Check the number with the contact "
        "person, or search with `/intervisie groups`.",
    ),
    "group.not_found_by_id": (
        "Deze intervisiegroep bestaat niet (meer).",
        "This intervisie group does not exist (any more).",
    ),
    "group.not_manager": (
        "Alleen de contactpersoon van groep {number} (of het secretariaat) kan dit doen.",
        "Only the contact person of group {number} (or the secretariat) can do this.",
    ),
}
