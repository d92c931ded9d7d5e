"""Catalogue: privacy (AVG export and deletion) and the secretariat's CSV export. (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.cmd.mydata": (
        "`/intervisie mijn-gegevens` — je gegevens als bestand in een DM; "
        "`/intervisie mijn-gegevens verwijder` — je gegevens verwijderen",
        "`/intervisie mydata` — your data as a file in a DM; "
        "`/intervisie mydata delete` — delete your data",
    ),
    "privacy.usage": (
        "Gebruik `/intervisie mijn-gegevens` (je gegevens ontvangen) of "
        "`/intervisie mijn-gegevens verwijder` (je gegevens verwijderen).",
        "Use `/intervisie mydata` (receive your data) or `/intervisie mydata delete` "
        "(delete your data).",
    ),
    "privacy.not_found": (
        "Er zijn geen gegevens (meer) van je bekend.",
        "No data about you is known (any more).",
    ),
    "privacy.export.queued.one": (
        "Je ontvangt zo in een DM een bestand met alles wat de app over je bewaart, en je "
        "geldige deelnamebewijzen ({count} bestand in totaal).",
        "You will shortly receive a DM with a file of everything the app stores about you, "
        "plus your valid certificates ({count} file in all).",
    ),
    "privacy.export.queued.other": (
        "Je ontvangt zo in een DM een bestand met alles wat de app over je bewaart, en je "
        "geldige deelnamebewijzen ({count} bestanden in totaal).",
        "You will shortly receive a DM with a file of everything the app stores about you, "
        "plus your valid certificates ({count} files in all).",
    ),
    "privacy.export.title": ("Mijn gegevens (Intervisie)", "My data (Intervisie)"),
    "privacy.export.comment": (
        "Alles wat de Intervisie-app over je bewaart (AVG inzage). Alleen metagegevens: wie, "
        "wanneer, hoe lang, welke rol.",
        "Everything the Intervisie app stores about you (GDPR access). Metadata only: who, "
        "when, how long, which role.",
    ),
    "privacy.delete.ask": (
        "*Je gegevens verwijderen?*\nJe naam, Slack-id, lid- en registratienummer en je "
        "agendalink worden gewist; lopende aanmeldingen en lidmaatschappen van groepen "
        "eindigen. Aanwezigheid blijft anoniem bewaard voor de administratie van de groep. Je "
        "deelnamebewijzen blijven controleerbaar, maar /verify toont je naam niet meer. "
        "Bewaar je bewijzen eerst (`/intervisie mijn-gegevens`). Dit kan niet ongedaan worden.",
        "*Delete your data?*\nYour name, Slack id, member and registration numbers and your "
        "calendar link are erased; pending requests and group memberships end. Attendance stays, "
        "anonymously, for the group's records. Your certificates can still be verified, but "
        "/verify no longer shows your name. Keep your certificates first (`/intervisie mydata`). "
        "This cannot be undone.",
    ),
    "privacy.delete.button": ("Verwijder mijn gegevens", "Delete my data"),
    "privacy.delete.keep_button": ("Niet verwijderen", "Keep my data"),
    "privacy.delete.confirm_title": ("Zeker weten?", "Are you sure?"),
    "privacy.delete.confirm_text": (
        "Je gegevens worden nu definitief verwijderd.",
        "Your data will now be deleted for good.",
    ),
    "privacy.delete.confirm_ok": ("Ja, verwijder", "Yes, delete"),
    "privacy.delete.confirm_deny": ("Terug", "Back"),
    "privacy.delete.done": (
        "Je gegevens zijn verwijderd. Gebruik je de app later weer, dan begin je opnieuw.",
        "Your data has been deleted. If you use the app again later, you start afresh.",
    ),
    "privacy.delete.kept": ("Er is niets verwijderd.", "Nothing was deleted."),
    "privacy.delete.contact_person": (
        "Je bent contactpersoon van groep {numbers}. Vraag eerst het secretariaat een nieuwe "
        "contactpersoon aan te wijzen; daarna kun je je gegevens verwijderen.",
        "You are the contact person of group {numbers}. Ask the secretariat to appoint a new "
        "contact person first; then you can delete your data.",
    ),
    "export.usage": (
        "Gebruik `/intervisie admin export 01-01-2026 31-12-2026` (van – tot en met).",
        "Use `/intervisie admin export 01-01-2026 31-12-2026` (from – to, inclusive).",
    ),
    "export.period_reversed": (
        "De einddatum ligt vóór de begindatum.",
        "The end date is before the start date.",
    ),
    "export.period_too_long": (
        "Kies een periode van hoogstens vijf jaar.",
        "Choose a period of at most five years.",
    ),
    "export.queued": (
        "Je ontvangt de uren en deelnamebewijzen van {start} t/m {end} zo als CSV in een DM.",
        "You will shortly receive the hours and certificates of {start} to {end} as a CSV in a DM.",
    ),
    "export.file.title": ("Uren en deelnamebewijzen", "Hours and certificates"),
    "export.file.comment": (
        "Uren en deelnamebewijzen van {start} t/m {end}.",
        "Hours and certificates from {start} to {end}.",
    ),
}
