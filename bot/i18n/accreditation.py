"""Catalogue: accreditation per group and register, the group's professions overview, and the
presence lists per register. (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.cmd.accreditation": (
        "`/intervisie accreditatie 1234` — beroepen en registers in de groep, en de accreditatie "
        "per register (contactpersoon legt die vast)",
        "`/intervisie accreditation 1234` — professions and registers in the group, and the "
        "accreditation per register (recorded by the contact person)",
    ),
    "help.cmd.presence": (
        "`/intervisie presentielijst 1234 [dd-mm-jjjj] [register]` — na de registratie: per "
        "register de lijst om in PE-online te plakken en een CSV, in je DM",
        "`/intervisie presence 1234 [dd-mm-yyyy] [register]` — after registration: per register "
        "the list to paste into PE-online and a CSV, in your DM",
    ),
    # The group's overview.
    "accreditation.overview.title": (
        "*Groep {number} · {name}: beroepen en accreditatie*",
        "*Group {number} · {name}: professions and accreditation*",
    ),
    "accreditation.overview.professions": ("*Beroepen in de groep*", "*Professions in the group*"),
    "accreditation.overview.registers": ("*Registers van de leden*", "*Members' registers*"),
    "accreditation.overview.register_line.one": (
        "{register}: {count} lid",
        "{register}: {count} member",
    ),
    "accreditation.overview.register_line.other": (
        "{register}: {count} leden",
        "{register}: {count} members",
    ),
    "accreditation.overview.no_registers": (
        "Nog niemand heeft een registratie ingevuld (`/intervisie profiel`).",
        "Nobody has filled in a registration yet (`/intervisie profile`).",
    ),
    "accreditation.overview.accreditations": ("*Accreditaties*", "*Accreditations*"),
    "accreditation.overview.none": (
        "Nog geen accreditatie vastgelegd.",
        "No accreditation recorded yet.",
    ),
    "accreditation.overview.line": (
        "{register}: {status}{details}",
        "{register}: {status}{details}",
    ),
    "accreditation.overview.activity": (" · activiteit {activity}", " · activity {activity}"),
    "accreditation.overview.points_meeting.one": (
        " · {count} punt per bijeenkomst",
        " · {count} point per meeting",
    ),
    "accreditation.overview.points_meeting.other": (
        " · {count} punten per bijeenkomst",
        " · {count} points per meeting",
    ),
    "accreditation.overview.points_hour.one": (
        " · {count} punt per uur",
        " · {count} point per hour",
    ),
    "accreditation.overview.points_hour.other": (
        " · {count} punten per uur",
        " · {count} points per hour",
    ),
    "accreditation.overview.presence_hint": (
        "Na een geregistreerde bijeenkomst: `/intervisie presentielijst {number}` stuurt per "
        "register de presentielijst.",
        "After a registered meeting: `/intervisie presence {number}` sends the presence list "
        "per register.",
    ),
    "accreditation.overview.not_member": (
        "Dit overzicht is er voor de leden van groep {number}.",
        "This overview is for the members of group {number}.",
    ),
    "accreditation.record": ("Accreditatie vastleggen", "Record accreditation"),
    # The accreditation modal.
    "accreditation.title": ("Accreditatie", "Accreditation"),
    "accreditation.submit": ("Vastleggen", "Save"),
    "accreditation.cancel": ("Annuleren", "Cancel"),
    "accreditation.intro": (
        "Leg vast wat een register over groep {number} heeft besloten. Alleen een toegekende "
        "accreditatie komt op de deelnamebewijzen, met het activiteitnummer en de punten.",
        "Record what a register decided about group {number}. Only a granted accreditation "
        "goes on the certificates, with the activity id and the points.",
    ),
    "accreditation.register": ("Register", "Register"),
    "accreditation.register_placeholder": ("Kies het register", "Choose the register"),
    "accreditation.status": ("Besluit van het register", "The register's decision"),
    "accreditation.status.requested": ("Aangevraagd", "Applied for"),
    "accreditation.status.granted": ("Toegekend", "Granted"),
    "accreditation.status.refused": ("Afgewezen", "Refused"),
    "accreditation.activity": ("Activiteitnummer", "Activity id"),
    "accreditation.activity_hint": (
        "Het nummer dat het register de activiteit gaf, bijvoorbeeld het ID in PE-online.",
        "The number the register gave the activity, for instance its id in PE-online.",
    ),
    "accreditation.points": ("Punten", "Points"),
    "accreditation.points_hint": ("Bijvoorbeeld 2 of 1,5.", "For example 2 or 1.5."),
    "accreditation.basis": ("De punten gelden", "The points count"),
    "accreditation.basis.meeting": ("per bijeenkomst", "per meeting"),
    "accreditation.basis.hour": ("per uur (netto bijeenkomsttijd)", "per hour (net meeting time)"),
    "accreditation.saved": (
        "Accreditatie van groep {number} vastgelegd: *{register}*, {status}.",
        "Accreditation of group {number} recorded: *{register}*, {status}.",
    ),
    "accreditation.nobody": (
        "Niemand in groep {number} heeft een registratie bij {register}, dus deze accreditatie "
        "zou op geen enkel deelnamebewijs komen. Vraag de leden eerst hun registratie in te "
        "vullen met `/intervisie profiel`.",
        "Nobody in group {number} has a registration with {register}, so this accreditation "
        "would go on no certificate. Ask the members to fill in their registration first with "
        "`/intervisie profile`.",
    ),
    "accreditation.activity_required": (
        "Vul het activiteitnummer in dat het register heeft gegeven.",
        "Fill in the activity id the register gave.",
    ),
    "accreditation.points_required": (
        "Vul het aantal punten in dat het register toekent.",
        "Fill in the number of points the register grants.",
    ),
    "accreditation.points_invalid": (
        "Vul een getal in groter dan 0 en hoogstens 100, met hoogstens twee cijfers achter de "
        "komma, bijvoorbeeld 2 of 1,5.",
        "Enter a number above 0 and at most 100, with at most two decimals, for example 2 or 1.5.",
    ),
    "accreditation.too_long.one": (
        "Dit is te lang (maximaal {count} teken).",
        "This is too long (at most {count} character).",
    ),
    "accreditation.too_long.other": (
        "Dit is te lang (maximaal {count} tekens).",
        "This is too long (at most {count} characters).",
    ),
    # Presence lists per register.
    "presence.queued": (
        "De presentielijsten van de bijeenkomst van {date} (groep {number}) komen zo in je DM, "
        "voor: {registers}.",
        "The presence lists of the meeting of {date} (group {number}) will be in your DM "
        "shortly, for: {registers}.",
    ),
    "presence.queued_period": (
        "De presentielijst voor {register} over {start} – {end} komt zo in je DM.",
        "The presence list for {register} over {start} – {end} will be in your DM shortly.",
    ),
    "presence.no_meeting": (
        "Ik vind geen bijeenkomst van groep {number} met geregistreerde aanwezigheid (op die dag).",
        "I find no meeting of group {number} with registered attendance (on that day).",
    ),
    "presence.not_registered": (
        "De aanwezigheid van die bijeenkomst van groep {number} is nog niet geregistreerd. "
        "Doe dat eerst met `/intervisie registreer {number}`.",
        "The attendance of that meeting of group {number} has not been registered yet. Do "
        "that first with `/intervisie register {number}`.",
    ),
    "presence.no_registers": (
        "Bij deze bijeenkomst van groep {number} was niemand met een registratie in een "
        "register dat presentie bijhoudt. Noem het register erbij, bijvoorbeeld "
        "`/intervisie presentielijst {number} KNOV`.",
        "At this meeting of group {number} nobody was present with a registration in a "
        "register that takes presence. Name the register, for example "
        "`/intervisie presence {number} KNOV`.",
    ),
    "presence.usage": (
        "Gebruik: `/intervisie admin presentielijst <register> <van> <tot>`, bijvoorbeeld "
        "`/intervisie admin presentielijst KNOV 01-01-2026 31-12-2026`.",
        "Usage: `/intervisie admin presentielijst <register> <from> <to>`, for example "
        "`/intervisie admin presentielijst KNOV 01-01-2026 31-12-2026`.",
    ),
    "presence.file.title_txt": (
        "Presentielijst {register} (om te plakken)",
        "Presence list {register} (to paste)",
    ),
    "presence.file.title_csv": (
        "Presentielijst {register} (CSV)",
        "Presence list {register} (CSV)",
    ),
    "presence.file.meeting": (
        "*{register}* · bijeenkomst van {date}, groep {number} · {activity}",
        "*{register}* · meeting of {date}, group {number} · {activity}",
    ),
    "presence.file.period": (
        "*{register}* · alle groepen, {start} – {end}",
        "*{register}* · all groups, {start} – {end}",
    ),
    "presence.file.no_activity": ("geen toegekende accreditatie", "no granted accreditation"),
    "presence.file.activity": ("activiteit {activity}", "activity {activity}"),
    "presence.file.listed.one": ("{count} nummer in de lijst.", "{count} number in the list."),
    "presence.file.listed.other": (
        "{count} nummers in de lijst.",
        "{count} numbers in the list.",
    ),
    "presence.file.paste": (
        "Eén nummer per regel met het voorvoegsel van het register: plak de regels in "
        "PE-online bij Presentie › Importeren en kies Controleren.",
        "One number per line with the register's prefix: paste the lines into PE-online under "
        "Presence › Import and choose Check.",
    ),
    "presence.file.without": (
        "Zonder {label}, dus niet in de lijst: {names}.",
        "Without a {label}, so not in the list: {names}.",
    ),
    "presence.file.unreadable": (
        "Nummer past niet bij de vorm van het register, dus niet in de lijst: {names}. Vraag "
        "hen het na te kijken met `/intervisie profiel`.",
        "Number does not fit the register's format, so not in the list: {names}. Ask them to "
        "check it with `/intervisie profile`.",
    ),
    "presence.file.stem_meeting": (
        "presentielijst {register} groep {number} {date}",
        "presence list {register} group {number} {date}",
    ),
    "presence.file.stem_period": (
        "presentielijst {register} {start} {end}",
        "presence list {register} {start} {end}",
    ),
    "presence.file.more.one": ("en nog {count} ander", "and {count} other"),
    "presence.file.more.other": ("en nog {count} anderen", "and {count} others"),
}
