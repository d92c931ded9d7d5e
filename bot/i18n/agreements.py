"""Catalogue: the group's agreements (afspraken) and the goal in reminders. Each entry is
(Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.cmd.agreements": (
        "`/intervisie afspraken 1234` — de afspraken van de groep: lezen en akkoord geven, of als "
        "contactpersoon invullen en wijzigen",
        "`/intervisie agreements 1234` — the group's agreements: read and agree, or as contact "
        "person fill in and change",
    ),
    # The card
    "agreements.card.title": (
        "Afspraken — groep {number} {name}",
        "Agreements — group {number} {name}",
    ),
    "agreements.card.fallback": ("Afspraken van de groep", "The group's agreements"),
    "agreements.card.empty": (
        "Groep {number} heeft nog geen afspraken vastgelegd.",
        "Group {number} has not recorded any agreements yet.",
    ),
    "agreements.card.goal": ("*Doel:* {value}", "*Goal:* {value}"),
    "agreements.card.success": ("*Geslaagd als:* {value}", "*A success when:* {value}"),
    "agreements.card.attendance.one": (
        "*Aanwezigheid:* minstens {count} bijeenkomst per jaar",
        "*Attendance:* at least {count} meeting a year",
    ),
    "agreements.card.attendance.other": (
        "*Aanwezigheid:* minstens {count} bijeenkomsten per jaar",
        "*Attendance:* at least {count} meetings a year",
    ),
    "agreements.card.substitutes.not_allowed": (
        "*Vervanging:* we werken zonder vervangers",
        "*Substitutes:* we do not use substitutes",
    ),
    "agreements.card.substitutes.member_arranges": (
        "*Vervanging:* wie niet kan, regelt zelf een vervanger",
        "*Substitutes:* whoever cannot come arranges a substitute",
    ),
    "agreements.card.substitutes.contact_arranges": (
        "*Vervanging:* de contactpersoon regelt een vervanger",
        "*Substitutes:* the contact person arranges a substitute",
    ),
    "agreements.card.per_year.one": (
        "*Hoe vaak:* {count} keer per jaar",
        "*How often:* {count} time a year",
    ),
    "agreements.card.per_year.other": (
        "*Hoe vaak:* {count} keer per jaar",
        "*How often:* {count} times a year",
    ),
    "agreements.card.length": ("*Duur:* {value}", "*Length:* {value}"),
    "agreements.card.rhythm": ("*Vast ritme:* {value}", "*Fixed rhythm:* {value}"),
    "agreements.card.times": ("*Dagen en tijden:* {value}", "*Days and times:* {value}"),
    "agreements.card.form": ("*Vorm:* {value}", "*Format:* {value}"),
    "agreements.card.location": ("*Locatie:* {value}", "*Location:* {value}"),
    "agreements.card.chair": ("*Voorzitter:* {value}", "*Chair:* {value}"),
    "agreements.card.costs": ("*Kosten:* {value}", "*Costs:* {value}"),
    "agreements.card.min_present.one": (
        "*Minimaal aanwezig:* {count} lid; kunnen er minder komen, dan verzetten we de bijeenkomst",
        "*Minimum present:* {count} member; if fewer can come, we move the meeting",
    ),
    "agreements.card.min_present.other": (
        "*Minimaal aanwezig:* {count} leden; kunnen er minder komen, dan verzetten we de "
        "bijeenkomst",
        "*Minimum present:* {count} members; if fewer can come, we move the meeting",
    ),
    "agreements.card.input": ("*Inbreng:* {value}", "*Input:* {value}"),
    "agreements.card.preparer": ("*Voorbereiding door:* {value}", "*Prepared by:* {value}"),
    "agreements.card.recording": (
        "*Vastleggen en delen:* {value}",
        "*Recorded and shared:* {value}",
    ),
    "agreements.card.app_records": (
        "_Deze app legt alleen vast wie er was, wanneer, hoe lang en in welke rol; nooit de inhoud "
        "van een casus. Het verslag bewaren jullie zelf._",
        "_This app records only who attended, when, for how long and in which role; never the "
        "content of a case. You keep the meeting report yourselves._",
    ),
    "agreements.card.confirmed.one": (
        "Versie {version} · akkoord: {count} van {total}",
        "Version {version} · agreed: {count} of {total}",
    ),
    "agreements.card.confirmed.other": (
        "Versie {version} · akkoord: {count} van {total}",
        "Version {version} · agreed: {count} of {total}",
    ),
    "agreements.card.missing": ("Nog niet akkoord: {names}", "Not yet agreed: {names}"),
    "agreements.hours.one": ("{count} uur", "{count} hour"),
    "agreements.hours.other": ("{count} uur", "{count} hours"),
    "agreements.chair.internal": ("iemand uit de groep", "a member of the group"),
    "agreements.chair.external": ("een externe voorzitter", "an external chair"),
    "agreements.preparer.presenter": ("de inbrenger", "the case presenter"),
    "agreements.preparer.facilitator": ("de facilitator", "the facilitator"),
    "agreements.preparer.contact_person": ("de contactpersoon", "the contact person"),
    "agreements.preparer.everyone": ("iedereen om de beurt", "everyone in turn"),
    "agreements.substitutes.not_allowed": ("Geen vervangers", "No substitutes"),
    "agreements.substitutes.member_arranges": (
        "Vervanger mag; wie niet kan, regelt die",
        "Substitute allowed; whoever cannot come arranges one",
    ),
    "agreements.substitutes.contact_arranges": (
        "Vervanger mag; de contactpersoon regelt die",
        "Substitute allowed; the contact person arranges one",
    ),
    "agreements.button.confirm": ("Akkoord", "Agree"),
    "agreements.button.edit": ("Afspraken wijzigen", "Change the agreements"),
    "agreements.button.fill": ("Afspraken invullen", "Fill in the agreements"),
    # The modal
    "agreements.modal.title": ("Afspraken", "Agreements"),
    "agreements.modal.submit": ("Opslaan", "Save"),
    "agreements.modal.close": ("Annuleren", "Cancel"),
    "agreements.modal.done": ("Sluiten", "Close"),
    "agreements.modal.none": ("Niet afgesproken", "Not agreed"),
    "agreements.modal.intro": (
        "Leg vast wat jullie in de eerste bijeenkomst hebben afgesproken. Alleen het doel is "
        "verplicht. Na het opslaan vraagt de app elk lid om akkoord, en na een wijziging opnieuw.",
        "Record what you agreed at the first meeting. Only the goal is required. After saving, "
        "the app asks every member to agree, and again after every change.",
    ),
    "agreements.modal.goal": (
        "Doel: wat moet de intervisie opleveren?",
        "Goal: what should the intervision bring?",
    ),
    "agreements.modal.goal_hint": (
        "Dit doel staat in elke herinnering aan een bijeenkomst.",
        "This goal is repeated in every meeting reminder.",
    ),
    "agreements.modal.success": (
        "Wanneer vinden we het geslaagd?",
        "When do we call it a success?",
    ),
    "agreements.modal.attendance_min_meetings": (
        "Aanwezigheid: minstens zoveel bijeenkomsten per jaar",
        "Attendance: at least this many meetings a year",
    ),
    "agreements.modal.substitutes": (
        "Vervanging als iemand niet kan",
        "Substitutes when someone cannot come",
    ),
    "agreements.modal.meetings_per_year": (
        "Hoe vaak komen we samen (per jaar)?",
        "How often do we meet (per year)?",
    ),
    "agreements.modal.meeting_minutes": (
        "Hoe lang duurt een bijeenkomst?",
        "How long is a meeting?",
    ),
    "agreements.modal.rhythm": ("Vast ritme", "Fixed rhythm"),
    "agreements.modal.rhythm_hint": (
        "Bijvoorbeeld: elke laatste vrijdagmiddag van de maand. Met `/intervisie reeks` plan je "
        "zo'n ritme in één keer.",
        "For example: every last Friday afternoon of the month. `/intervisie series` plans such a "
        "rhythm in one go.",
    ),
    "agreements.modal.preferred_times": (
        "Welke dagen en tijden passen?",
        "Which days and times suit?",
    ),
    "agreements.modal.form": ("Fysiek, online of hybride", "In person, online or hybrid"),
    "agreements.modal.location": ("Locatie", "Location"),
    "agreements.modal.input_text": (
        "Inbreng: welke inhoud gebruiken we en hoe komen we eraan?",
        "Input: what content do we use and where does it come from?",
    ),
    "agreements.modal.input_preparer": (
        "Wie bereidt de inbreng voor?",
        "Who prepares the input?",
    ),
    "agreements.modal.recording": (
        "Wat leggen we vast en met wie delen we dat?",
        "What do we record and with whom do we share it?",
    ),
    "agreements.modal.recording_hint": (
        "De app zelf bewaart alleen wie er was, wanneer, hoe lang en in welke rol.",
        "The app itself stores only who attended, when, for how long and in which role.",
    ),
    "agreements.modal.chair": ("Voorzitter", "Chair"),
    "agreements.modal.cost_split": (
        "Hoe verdelen we de kosten?",
        "How do we split the costs?",
    ),
    "agreements.modal.min_present": (
        "Minimaal aantal aanwezigen",
        "Minimum number present",
    ),
    "agreements.modal.min_present_hint": (
        "Kunnen er minder leden komen, dan krijgt de contactpersoon bericht om de bijeenkomst te "
        "verzetten.",
        "If fewer members can come, the contact person is told to move the meeting.",
    ),
    "agreements.error.goal_required": (
        "Vul het doel van de groep in.",
        "Fill in the group's goal.",
    ),
    "agreements.error.per_year": (
        "Kies een aantal van 1 tot en met {max}.",
        "Choose a number from 1 to {max}.",
    ),
    "agreements.error.min_present": (
        "Kies een aantal van 1 tot en met {max}.",
        "Choose a number from 1 to {max}.",
    ),
    "agreements.saved.one": (
        "De afspraken van groep {number} zijn opgeslagen (versie {version}). Nog {count} lid moet "
        "akkoord geven; de app vraagt het in een privébericht.",
        "The agreements of group {number} are saved (version {version}). {count} member still "
        "has to agree; the app asks by direct message.",
    ),
    "agreements.saved.other": (
        "De afspraken van groep {number} zijn opgeslagen (versie {version}). Nog {count} leden "
        "moeten akkoord geven; de app vraagt het hun in een privébericht.",
        "The agreements of group {number} are saved (version {version}). {count} members still "
        "have to agree; the app asks them by direct message.",
    ),
    "agreements.saved_all": (
        "De afspraken van groep {number} zijn opgeslagen (versie {version}).",
        "The agreements of group {number} are saved (version {version}).",
    ),
    "agreements.confirmed_ok": (
        "Je bent akkoord met de afspraken van groep {number}. Dank je wel!",
        "You agreed to the agreements of group {number}. Thank you!",
    ),
    # DMs
    "agreements.dm.new": (
        "Groep {number} {name} heeft de afspraken vastgelegd. Lees ze en geef akkoord:",
        "Group {number} {name} has recorded its agreements. Please read them and agree:",
    ),
    "agreements.dm.changed": (
        "De afspraken van groep {number} {name} zijn gewijzigd (versie {version}). Lees ze "
        "opnieuw en geef akkoord:",
        "The agreements of group {number} {name} have changed (version {version}). Please read "
        "them again and agree:",
    ),
    "agreements.dm.confirmed": (
        "Je gaf op {date} akkoord op versie {version} van de afspraken van groep {number}.",
        "On {date} you agreed to version {version} of the agreements of group {number}.",
    ),
    "agreements.dm.all_confirmed": (
        "Alle leden van groep {number} {name} zijn akkoord met de afspraken (versie {version}).",
        "Every member of group {number} {name} has agreed to the agreements (version {version}).",
    ),
    "agreements.welcome": (
        "Dit zijn de afspraken van groep {number}. Lees ze en geef akkoord:",
        "These are the agreements of group {number}. Please read them and agree:",
    ),
    "agreements.reminder.goal": ("*Pak het doel erbij:* {goal}", "*Keep the goal in mind:* {goal}"),
    # Refusals
    "agreements.none": (
        "Groep {number} heeft nog geen afspraken.",
        "Group {number} has no agreements yet.",
    ),
    "agreements.not_member": (
        "Je bent geen lid van groep {number}.",
        "You are not a member of group {number}.",
    ),
    "agreements.outdated": (
        "De afspraken van groep {number} zijn inmiddels gewijzigd. Lees de nieuwe versie met "
        "`/intervisie afspraken {number}` en geef daar akkoord.",
        "The agreements of group {number} have changed since. Read the new version with "
        "`/intervisie agreements {number}` and agree there.",
    ),
}
