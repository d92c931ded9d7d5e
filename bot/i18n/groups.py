"""Catalogue: groups, the directory and enrollment. Each entry is (Dutch, English)."""

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
        "Alleen de contactpersoon van groep {number}, de plaatsvervanger of het secretariaat kan "
        "dit doen.",
        "Only the contact person of group {number}, their deputy or the secretariat can do this.",
    ),
    # Help lines
    "help.cmd.create": (
        "`/intervisie nieuw` — start een intervisiegroep",
        "`/intervisie create` — start an intervisie group",
    ),
    "help.cmd.groups": (
        "`/intervisie groepen [zoekwoord]` — groepen die nieuwe deelnemers zoeken",
        "`/intervisie groups [search]` — groups looking for participants",
    ),
    "help.cmd.join": (
        "`/intervisie aanmelden 1234` — meld je aan bij groep 1234",
        "`/intervisie join 1234` — ask to join group 1234",
    ),
    "help.cmd.leave": (
        "`/intervisie verlaten 1234` — verlaat groep 1234",
        "`/intervisie leave 1234` — leave group 1234",
    ),
    # Group kinds, forms, status
    "group.kind.peer": ("Intervisiegroep", "Peer intervisie group"),
    "group.kind.guided": ("Begeleide intervisie", "Guided intervisie"),
    "group.form.physical": ("Fysiek", "In person"),
    "group.form.online": ("Online", "Online"),
    "group.form.hybrid": ("Hybride", "Hybrid"),
    "group.status.forming": ("in oprichting", "forming"),
    "group.status.active": ("actief", "active"),
    "group.status.full": ("vol", "full"),
    "group.status.ended": ("beëindigd", "ended"),
    "group.yes": ("Ja", "Yes"),
    "group.no": ("Nee", "No"),
    # Create modal
    "group.create.title": ("Nieuwe groep", "New group"),
    "group.create.submit": ("Aanmaken", "Create"),
    "group.create.cancel": ("Annuleren", "Cancel"),
    "group.create.intro": (
        "Start een intervisiegroep. Je wordt zelf contactpersoon en eerste deelnemer (bij "
        "begeleide intervisie: begeleider); de groep krijgt meteen een groepsnummer.",
        "Start an intervisie group. You become its contact person and first participant (for "
        "guided intervisie: its supervisor); the group gets its number at once.",
    ),
    "group.create.name": ("Naam van de groep", "Group name"),
    "group.create.description": ("Korte omschrijving", "Short description"),
    "group.create.region": ("Regio of plaats", "Region or place"),
    "group.create.form": ("Vorm", "Form"),
    "group.create.kind": ("Soort", "Kind"),
    "group.create.supervisor": (
        "Begeleider (alleen bij begeleide intervisie)",
        "Supervisor (guided intervisie only)",
    ),
    "group.create.max_members": ("Maximaal aantal deelnemers", "Maximum number of participants"),
    "group.create.max_members_hint": (
        "Intervisiegroep: 5 tot en met 10 (inclusief jezelf); begeleide intervisie: 4 tot en met "
        "8 deelnemers, de begeleider telt niet mee.",
        "Peer group: 5 to 10 (including yourself); guided intervisie: 4 to 8 participants, not "
        "counting the supervisor.",
    ),
    "group.create.open": ("Open voor aanmeldingen", "Open for requests"),
    "group.create.name_required": ("Geef de groep een naam.", "Give the group a name."),
    "group.create.too_long.one": (
        "Dit is te lang (maximaal {count} teken).",
        "This is too long (at most {count} character).",
    ),
    "group.create.too_long.other": (
        "Dit is te lang (maximaal {count} tekens).",
        "This is too long (at most {count} characters).",
    ),
    "group.create.supervisor_required": (
        "Een begeleide intervisiegroep heeft een begeleider: vul de naam in.",
        "A guided intervisie group has a supervisor: fill in the name.",
    ),
    "group.create.size_out_of_bounds.one": (
        "Voor deze soort groep kies je tussen {low} en {count} deelnemer.",
        "For this kind of group choose between {low} and {count} participant.",
    ),
    "group.create.size_out_of_bounds.other": (
        "Voor deze soort groep kies je tussen {low} en {count} deelnemers.",
        "For this kind of group choose between {low} and {count} participants.",
    ),
    "group.created.dm": (
        "Je intervisiegroep *{name}* is aangemaakt met groepsnummer *{number}*.\n"
        "Geef dit nummer door aan de deelnemers: zij melden zich aan met "
        "`/intervisie aanmelden {number}`. Jij krijgt dan een bericht om hun aanmelding te "
        "accorderen of af te wijzen. De groep staat nu in het overzicht (`/intervisie groepen`).",
        "Your intervisie group *{name}* has been created with group number *{number}*.\n"
        "Pass this number on to the participants: they ask to join with "
        "`/intervisie join {number}`. You then get a message to approve or reject their request. "
        "The group is now in the directory (`/intervisie groups`).",
    ),
    "group.created.minimum.one": (
        "Vanaf {count} deelnemer kan de groep van start.",
        "From {count} participant the group is complete enough to start.",
    ),
    "group.created.minimum.other": (
        "Vanaf {count} deelnemers kan de groep van start.",
        "From {count} participants the group is complete enough to start.",
    ),
    # The size of a group, where a sentence needs it as a phrase.
    "group.members.one": ("{count} deelnemer", "{count} participant"),
    "group.members.other": ("{count} deelnemers", "{count} participants"),
    "info.close": ("Sluiten", "Close"),
    # Directory
    "directory.title": ("Intervisiegroepen", "Intervisie groups"),
    "directory.intro": (
        "Groepen die aanmeldingen ontvangen ({total}). Meld je aan met de knop of met "
        "`/intervisie aanmelden <nummer>`.",
        "Groups open for requests ({total}). Ask to join with the button or with "
        "`/intervisie join <number>`.",
    ),
    "directory.filtered": ("Zoekwoord: _{query}_", "Search: _{query}_"),
    "directory.empty": (
        "Er zijn (nog) geen groepen die aanmeldingen ontvangen. Start er zelf een met "
        "`/intervisie nieuw`.",
        "There are no groups open for requests (yet). Start one with `/intervisie create`.",
    ),
    "directory.empty_filtered": (
        "Geen groepen gevonden voor _{query}_. Probeer een ander zoekwoord of "
        "`/intervisie groepen` zonder zoekwoord.",
        "No groups found for _{query}_. Try another search or `/intervisie groups` without one.",
    ),
    "directory.line": (
        "*{number} · {name}*\n{region} · {form} · {kind}\n{members_text}, {seats_text} · "
        "_{status}_",
        "*{number} · {name}*\n{region} · {form} · {kind}\n{members_text}, {seats_text} · "
        "_{status}_",
    ),
    "directory.seats.one": ("nog {count} plaats", "{count} seat left"),
    "directory.seats.other": ("nog {count} plaatsen", "{count} seats left"),
    "directory.no_region": ("geen regio", "no region"),
    "directory.join": ("Aanmelden", "Ask to join"),
    "directory.next": ("Volgende", "Next"),
    "directory.previous": ("Vorige", "Previous"),
    "directory.page": ("Pagina {page} van {pages}", "Page {page} of {pages}"),
}
