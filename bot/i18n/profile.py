"""Catalogue: "Mijn profiel" (profession, registrations, member number), hours per register and
multidisciplinary groups in the directory. (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.cmd.profile": (
        "`/intervisie profiel` — je beroep, je registraties (BIG, SKJ, KNOV, …) en je lidnummer",
        "`/intervisie profile` — your profession, your registrations (BIG, SKJ, KNOV, …) and "
        "your member number",
    ),
    # The association's own number, apart from numbers in professional registers.
    # The member number's label when the association set none (it sets its own in the app).
    "registers.member_number": ("Lidnummer", "Member number"),
    "registers.duplicate": (
        "Dit register staat er twee keer in. Vul per register één nummer in.",
        "This register appears twice. Fill in one number per register.",
    ),
    "registers.number_taken": (
        "Dit {label} staat in deze werkruimte al op naam van iemand anders. Kijk het nummer na; "
        "klopt het toch, neem dan contact op met het secretariaat.",
        "This {label} is already recorded for someone else in this workspace. Check the number; "
        "if it is right, please contact the secretariat.",
    ),
    # The profile modal.
    "profile.title": ("Mijn profiel", "My profile"),
    "profile.submit": ("Opslaan", "Save"),
    "profile.cancel": ("Annuleren", "Cancel"),
    "profile.intro": (
        "Vul je beroep in en de registers waarin je staat. Je registratienummers zien alleen "
        "jijzelf, de contactpersoon of begeleider van je groep en het secretariaat. Ze komen op "
        "je deelnamebewijzen en op de presentielijst voor je register.",
        "Fill in your profession and the registers you are in. Only you, your group's contact "
        "person or supervisor and the secretariat see your registration numbers. They go on "
        "your certificates and on the presence list for your register.",
    ),
    "profile.multi_intro": (
        "*Groep {number} is multidisciplinair.* Vul je beroep en je registraties in, dan staat "
        "op elk deelnamebewijs jouw eigen register en nummer. We vragen dit één keer; aanpassen "
        "kan altijd met `/intervisie profiel`.",
        "*Group {number} is multidisciplinary.* Fill in your profession and registrations, so "
        "that every certificate names your own register and number. We ask this once; you can "
        "change it at any time with `/intervisie profile`.",
    ),
    "profile.professions": ("Beroep", "Profession"),
    "profile.professions_placeholder": ("Kies je beroep", "Choose your profession"),
    "profile.professions_hint": (
        "Eén of meer beroepen. Cliënten en ervaringsdeskundigen doen mee zonder uren en "
        "zonder deelnamebewijs.",
        "One or more professions. Clients and experts by experience take part without hours "
        "and without a certificate.",
    ),
    "profile.member_number_hint": (
        "Je nummer als lid van de vereniging; dit is geen nummer in een beroepsregister.",
        "Your number as a member of the association; not a number in a professional register.",
    ),
    "profile.registrations": (
        "*Registraties*\nVul alleen de registers in waarin je staat en laat de rest leeg. Een "
        "leeg veld verwijdert een eerder ingevuld nummer.",
        "*Registrations*\nFill in only the registers you are in and leave the rest empty. An "
        "empty field removes a number filled in before.",
    ),
    "profile.number_label": ("{register} – {label}", "{register} – {label}"),
    "profile.number_hint": ("Bijvoorbeeld {example}.", "For example {example}."),
    "profile.too_many.one": (
        "Kies hoogstens {count} beroep.",
        "Choose at most {count} profession.",
    ),
    "profile.too_many.other": (
        "Kies hoogstens {count} beroepen.",
        "Choose at most {count} professions.",
    ),
    # "Mijn profiel" on the App Home.
    "profile.home.title": ("*Mijn profiel*", "*My profile*"),
    "profile.home.professions": ("Beroep: {names}", "Profession: {names}"),
    "profile.home.no_professions": (
        "Beroep: nog niet ingevuld",
        "Profession: not filled in yet",
    ),
    "profile.home.number": ("{label} ({register}): {number}", "{label} ({register}): {number}"),
    "profile.home.member_number": ("{label}: {number}", "{label}: {number}"),
    "profile.home.no_registrations": (
        "Nog geen registratie in een beroepsregister.",
        "No registration in a professional register yet.",
    ),
    "profile.home.private": (
        "Je nummers staan hier alleen voor jou. Je groep ziet alleen hoeveel leden elk beroep "
        "hebben, niet wie.",
        "Your numbers are shown here to you only. Your group sees only how many members have "
        "each profession, not who.",
    ),
    "profile.edit": ("Profiel bewerken", "Edit profile"),
    "profile.home.hours_title": ("*Uren per register*", "*Hours per register*"),
    # The count is the target: "*12 van 40 uur*", "*1.5 of 40 hours*".
    "profile.home.hours_line.one": (
        "{register}: *{hours} van {count} uur* ({start} – {end}){norm}",
        "{register}: *{hours} of {count} hour* ({start} – {end}){norm}",
    ),
    "profile.home.hours_line.other": (
        "{register}: *{hours} van {count} uur* ({start} – {end}){norm}",
        "{register}: *{hours} of {count} hours* ({start} – {end}){norm}",
    ),
    "profile.home.hours_default": (
        " · regel van de vereniging",
        " · the association's rule",
    ),
    # Multidisciplinary groups: the create modal and the directory.
    "group.create.composition": ("Samenstelling", "Composition"),
    "group.create.multidisciplinary": (
        "Multidisciplinair: meerdere beroepen, eventueel met cliënten",
        "Multidisciplinary: several professions, possibly with clients",
    ),
    "directory.professions": (
        "Multidisciplinair · {professions}",
        "Multidisciplinary · {professions}",
    ),
    # Counts of participants per profession, never names: "Verloskundige (2 deelnemers)".
    "directory.profession_count.one": (
        "{name} ({count} deelnemer)",
        "{name} ({count} participant)",
    ),
    "directory.profession_count.other": (
        "{name} ({count} deelnemers)",
        "{name} ({count} participants)",
    ),
    "directory.profession_unknown": ("beroep nog niet ingevuld", "profession not filled in yet"),
    "directory.no_professions": ("nog geen beroepen bekend", "no professions known yet"),
}
