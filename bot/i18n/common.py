"""Catalogue: help, App Home welcome and general errors. Each entry is (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "app.name": ("Intervisie", "Intervisie"),
    "help.title": (
        "*Intervisie in Slack* — dit kun je typen:",
        "*Intervisie in Slack* — here is what you can type:",
    ),
    "help.unknown": (
        "Ik ken `/intervisie {sub}` niet.",
        "I don't know `/intervisie {sub}`.",
    ),
    "help.footer": (
        "Datums typ je als dd-mm-jjjj (30-11-2026), tijden als uu:mm (09:00). "
        "Je gegevens en bewijzen vind je onder *Mijn intervisie* (het tabblad Home van deze app).",
        "Type dates as dd-mm-yyyy (30-11-2026) and times as hh:mm (09:00). "
        "Your details and certificates are under *Mijn intervisie* (this app's Home tab).",
    ),
    "help.cmd.help": ("`/intervisie help` — deze hulp", "`/intervisie help` — this help"),
    "home.title": ("Mijn intervisie", "My intervisie"),
    "home.welcome": (
        "Welkom bij *Intervisie*, {name}. Hier vind je je intervisiegroepen, geplande "
        "bijeenkomsten, je deelnamebewijzen en je uren voor de hercertificering.",
        "Welcome to *Intervisie*, {name}. Here you find your intervisie groups, planned "
        "meetings, your certificates of participation and your hours for recertification.",
    ),
    "home.start": (
        "*Zo begin je*\n• Zoek een groep: `/intervisie groepen`\n"
        "• Meld je aan met het groepsnummer: `/intervisie aanmelden 1234`\n"
        "• Of start zelf een groep: `/intervisie nieuw`",
        "*Getting started*\n• Find a group: `/intervisie groups`\n"
        "• Ask to join with the group number: `/intervisie join 1234`\n"
        "• Or start a group yourself: `/intervisie create`",
    ),
    "home.privacy": (
        "Intervisie bewaart alleen wie, wanneer, hoe lang en in welke rol — nooit de inhoud van "
        "een casus. Het verslag bewaren de deelnemers zelf.",
        "Intervisie stores only who, when, how long and in which role — never the content of a "
        "case. Participants keep the meeting report themselves.",
    ),
    "error.unexpected": (
        "Er ging iets mis aan onze kant (referentie `{ref}`). Probeer het zo nog eens; "
        "blijft het misgaan, noem dan deze referentie aan het secretariaat.",
        "Something went wrong on our side (reference `{ref}`). Please try again shortly; "
        "if it keeps failing, give this reference to the secretariat.",
    ),
    "error.not_allowed": ("Dat mag je niet doen.", "You are not allowed to do that."),
    "error.bad_form": (
        "Dit formulier of deze knop is niet (meer) geldig. Open het opnieuw vanuit het bericht "
        "of met `/intervisie`.",
        "This form or button is no longer valid. Open it again from the message or with "
        "`/intervisie`.",
    ),
    "group.number_needed": (
        "Typ het groepsnummer erbij, bijvoorbeeld `/intervisie {sub} 1234`.",
        "Add the group number, for example `/intervisie {sub} 1234`.",
    ),
    "group.which": (
        "Over welke groep gaat het? Typ het groepsnummer: {commands}",
        "Which group do you mean? Type the group number: {commands}",
    ),
    # Net time with its unit, chosen by Babel's plural rules for the number shown ("1,5 uur").
    "hours.amount.one": ("{count} uur", "{count} hour"),
    "hours.amount.other": ("{count} uur", "{count} hours"),
    # A number of years with its unit ("1 jaar", "2 years").
    "years.amount.one": ("{count} jaar", "{count} year"),
    "years.amount.other": ("{count} jaar", "{count} years"),
    "notify.unknown_kind": (
        "Dit bericht kan niet meer worden gemaakt ({kind}).",
        "This message can no longer be made ({kind}).",
    ),
}
