"""Catalogue: admin (the secretariat). Each entry is (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.cmd.admin": (
        "`/intervisie admin …` — voor het secretariaat: contactpersoon, lidmaatschap, betaald, "
        "groepen, bezorging",
        "`/intervisie admin …` — for the secretariat: contact person, membership, fee paid, groups, "
        "deliveries",
    ),
    "admin.only_secretariat": (
        "Dit kan alleen het secretariaat. Heb je een wijziging nodig (bijvoorbeeld een nieuwe "
        "contactpersoon)? Vraag het secretariaat.",
        "Only the secretariat can do this. Need a change (a new contact person, for example)? "
        "Ask the secretariat.",
    ),
    "admin.usage": (
        "*Secretariaat*\n"
        "• `/intervisie admin contactpersoon 1234 @persoon` — nieuwe contactpersoon\n"
        "• `/intervisie admin lidmaatschap @persoon lid|deelnemer [lidnummer]`\n"
        "• `/intervisie admin betaald @persoon 2026 [deelnemer|werkgever] [dd-mm-jjjj]` — "
        "deelnemersbijdrage betaald\n"
        "• `/intervisie admin onbetaald [2026]` — wie de bijdrage nog niet betaalde\n"
        "• `/intervisie admin groepen [pagina]` — alle groepen\n"
        "• `/intervisie admin bezorging` — berichten en bestanden die niet aankwamen\n"
        "• `/intervisie admin methodes` — methodes aan- en uitzetten, eigen methode toevoegen\n"
        "• `/intervisie admin beroepen` — beroepen en registers, toevoegen of verwijderen\n"
        "• `/intervisie admin presentielijst KNOV 01-01-2026 31-12-2026` — presentielijst per "
        "register over een periode",
        "*Secretariat*\n"
        "• `/intervisie admin contactpersoon 1234 @person` — new contact person\n"
        "• `/intervisie admin lidmaatschap @person lid|deelnemer [member number]`\n"
        "• `/intervisie admin betaald @person 2026 [deelnemer|werkgever] [dd-mm-yyyy]` — "
        "participant fee paid (by the participant or the employer)\n"
        "• `/intervisie admin onbetaald [2026]` — who has not paid the fee yet\n"
        "• `/intervisie admin groepen [page]` — all groups\n"
        "• `/intervisie admin bezorging` — messages and files that did not arrive\n"
        "• `/intervisie admin methodes` — switch methods on and off, add your own method\n"
        "• `/intervisie admin beroepen` — professions and registers, add or remove\n"
        "• `/intervisie admin presentielijst KNOV 01-01-2026 31-12-2026` — presence list per "
        "register over a period",
    ),
    "admin.bad_user": (
        "Noem de persoon met @, bijvoorbeeld `@Anne de Vries`.",
        "Mention the person with @, for example `@Anne de Vries`.",
    ),
    "admin.contact.not_member": (
        "De nieuwe contactpersoon moet deelnemer zijn van groep {number}.",
        "The new contact person must be a participant of group {number}.",
    ),
    "admin.contact.already": (
        "Deze persoon is al contactpersoon van groep {number}.",
        "This person is already the contact person of group {number}.",
    ),
    "admin.contact.done": (
        "{new} is nu contactpersoon van groep *{number}* ({name}), in plaats van {old}.",
        "{new} is now the contact person of group *{number}* ({name}), instead of {old}.",
    ),
    "admin.contact.dm_new": (
        "Het secretariaat heeft je contactpersoon gemaakt van groep *{number}* ({name}). Jij "
        "accordeert voortaan aanmeldingen en plant de bijeenkomsten.",
        "The secretariat has made you the contact person of group *{number}* ({name}). From now "
        "on you approve requests and plan the meetings.",
    ),
    "admin.contact.dm_old": (
        "Het secretariaat heeft {new} contactpersoon gemaakt van groep *{number}* ({name}). Jij "
        "bent dat niet meer; je blijft deelnemer.",
        "The secretariat has made {new} the contact person of group *{number}* ({name}). You "
        "are no longer the contact person; you remain a participant.",
    ),
    "admin.membership.bad_type": (
        "_{given}_ is geen lidmaatschap: kies `lid` (lid van de vereniging) of `deelnemer` "
        "(intervisiedeelnemer zonder lidmaatschap).",
        "_{given}_ is not a membership type: choose `lid` (member of the association) or "
        "`deelnemer` (intervisie participant without membership).",
    ),
    "admin.membership.number_required": (
        "Geef bij `lid` ook het lidnummer, bijvoorbeeld "
        "`/intervisie admin lidmaatschap @persoon lid 12345`.",
        "With `lid` give the member number too, for example "
        "`/intervisie admin lidmaatschap @person lid 12345`.",
    ),
    "admin.membership.done": (
        "Lidmaatschap van {who} is nu: {membership}.",
        "{who}'s membership is now: {membership}.",
    ),
    "admin.fee.bad_year": (
        "_{given}_ is geen jaartal; typ bijvoorbeeld 2026.",
        "_{given}_ is not a year; type for example 2026.",
    ),
    "admin.fee.already": (
        "De bijdrage voor {year} stond al als betaald genoteerd; er is niets veranderd.",
        "The fee for {year} was already recorded as paid; nothing was changed.",
    ),
    "admin.fee.done": (
        "Genoteerd: {who} heeft de deelnemersbijdrage voor {year} betaald.",
        "Recorded: {who} has paid the participant fee for {year}.",
    ),
    "admin.groups.title": ("Alle groepen ({total})", "All groups ({total})"),
    "admin.groups.line": (
        "*{number} · {name}* — {members}/{max} · _{status}_ · {open} · contactpersoon {contact}",
        "*{number} · {name}* — {members}/{max} · _{status}_ · {open} · contact person {contact}",
    ),
    "admin.groups.open": ("open", "open"),
    "admin.groups.closed": ("gesloten", "closed"),
    "admin.groups.empty": ("Er zijn nog geen groepen.", "There are no groups yet."),
    "admin.deliveries.title": ("Mislukte bezorgingen ({total})", "Failed deliveries ({total})"),
    "admin.deliveries.empty": (
        "Er zijn geen mislukte bezorgingen: alle berichten en bestanden zijn aangekomen of "
        "staan nog in de wachtrij.",
        "There are no failed deliveries: every message and file arrived or is still queued.",
    ),
    "admin.deliveries.line_user": (
        "*{what}* voor <@{user}>\nMislukt op {when}: `{error}`",
        "*{what}* for <@{user}>\nFailed on {when}: `{error}`",
    ),
    "admin.deliveries.line_channel": (
        "*{what}* in {channel}\nMislukt op {when}: `{error}`",
        "*{what}* in {channel}\nFailed on {when}: `{error}`",
    ),
    "admin.deliveries.kind.message": ("Bericht", "Message"),
    "admin.deliveries.kind.update": ("Berichtwijziging", "Message update"),
    "admin.deliveries.kind.file": ("Bestand {filename}", "File {filename}"),
    "admin.deliveries.retry": ("Opnieuw proberen", "Try again"),
    "admin.deliveries.more.one": (
        "En nog {count} eerder mislukte bezorging.",
        "And {count} earlier failed delivery.",
    ),
    "admin.deliveries.more.other": (
        "En nog {count} eerder mislukte bezorgingen.",
        "And {count} earlier failed deliveries.",
    ),
    "admin.deliveries.retried": (
        "Opnieuw in de wachtrij: {what}. De app probeert het nu opnieuw; lukt het weer niet, dan "
        "staat het weer in `/intervisie admin bezorging`.",
        "Queued again: {what}. The app is trying now; if it fails again, it shows up in "
        "`/intervisie admin bezorging` again.",
    ),
    "admin.deliveries.not_failed": (
        "Deze bezorging staat al in de wachtrij of is al aangekomen; er is niets veranderd.",
        "This delivery is already queued or has arrived; nothing was changed.",
    ),
    "admin.deliveries.not_found": (
        "Deze bezorging bestaat niet (meer).",
        "This delivery does not exist (any more).",
    ),
    "admin.groups.page": (
        "Pagina {page} van {pages}; volgende: `/intervisie admin groepen {next}`",
        "Page {page} of {pages}; next: `/intervisie admin groepen {next}`",
    ),
}
