"""Catalogue: "ik kan niet" — notices of absence, the minimum present and substitutes. Each entry
is (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.cmd.absent": (
        "`/intervisie afwezig 1234` — laat weten dat je niet kunt bij een bijeenkomst (of meteen "
        "voor één datum: `/intervisie afwezig 1234 30-11-2026`)",
        "`/intervisie absent 1234` — say you cannot come to a meeting (or straight for one date: "
        "`/intervisie absent 1234 30-11-2026`)",
    ),
    "absence.reason.work": ("werk", "work"),
    "absence.reason.private": ("privé", "personal"),
    "absence.reason.holiday": ("vakantie", "holiday"),
    "absence.reason.other_reason": ("anders", "other"),
    "absence.note": ("kan niet", "cannot come"),
    "absence.note_reason": ("kan niet ({reason})", "cannot come ({reason})"),
    "absence.button.open": ("Ik kan niet", "I can't come"),
    "absence.button.withdraw": ("Ik kan toch", "I can come after all"),
    "absence.button.move": ("Bijeenkomst wijzigen", "Change the meeting"),
    "absence.you_are_absent": (
        "Je hebt laten weten dat je niet kunt.",
        "You said you cannot come.",
    ),
    "absence.listed_absent": ("_je kunt niet_", "_you cannot come_"),
    "absence.list.title": (
        "*Komende bijeenkomsten van groep {number} {name}*",
        "*Coming meetings of group {number} {name}*",
    ),
    "absence.list.empty": (
        "Groep {number} heeft geen geplande bijeenkomsten.",
        "Group {number} has no meetings planned.",
    ),
    "absence.modal.title": ("Ik kan niet", "I can't come"),
    "absence.modal.submit": ("Doorgeven", "Send"),
    "absence.modal.close": ("Annuleren", "Cancel"),
    "absence.modal.intro": (
        "Je laat de contactpersoon weten dat je niet kunt bij de bijeenkomst van groep {number} "
        "{name} op {when}.",
        "You let the contact person know that you cannot come to the meeting of group {number} "
        "{name} on {when}.",
    ),
    "absence.modal.reason": ("Reden", "Reason"),
    "absence.modal.reason_hint": (
        "Alleen een categorie, geen toelichting: de reden zegt nooit iets over een casus of "
        "cliënt.",
        "A category only, no explanation: the reason never says anything about a case or client.",
    ),
    "absence.done": (
        "Doorgegeven: je kunt niet bij de bijeenkomst van {when} (groep {number}). De "
        "contactpersoon weet het.",
        "Sent: you cannot come to the meeting of {when} (group {number}). The contact person "
        "knows.",
    ),
    "absence.substitute.member": (
        "Volgens jullie afspraken regel je zelf een vervanger.",
        "As agreed, you arrange a substitute yourself.",
    ),
    "absence.substitute.contact": (
        "Volgens jullie afspraken regelt de contactpersoon een vervanger.",
        "As agreed, the contact person arranges a substitute.",
    ),
    "absence.withdrawn": (
        "Fijn dat je er op {when} toch bij bent. De contactpersoon weet het.",
        "Glad you can come on {when} after all. The contact person knows.",
    ),
    "absence.hint": (
        "Kun je niet? Typ `/intervisie afwezig {number}`.",
        "Can't come? Type `/intervisie absent {number}`.",
    ),
    # Refusals
    "absence.past": (
        "Deze bijeenkomst is al begonnen of voorbij. Laten weten dat je niet kunt, gaat alleen "
        "vooraf.",
        "This meeting has already started or is over. You can only say you cannot come beforehand.",
    ),
    "absence.cancelled": ("Deze bijeenkomst is geannuleerd.", "This meeting has been cancelled."),
    "absence.none": (
        "Je had niet laten weten dat je niet kon.",
        "You had not said you could not come.",
    ),
    "absence.not_member": (
        "Je bent geen lid van groep {number}.",
        "You are not a member of group {number}.",
    ),
    "absence.no_meeting_on": (
        "Groep {number} heeft op {date} geen geplande bijeenkomst.",
        "Group {number} has no meeting planned on {date}.",
    ),
    # DMs
    "absence.dm.contact": (
        "{name} kan niet bij de bijeenkomst van groep {number} op {when}.",
        "{name} cannot come to the meeting of group {number} on {when}.",
    ),
    "absence.dm.contact_reason": (
        "{name} kan niet bij de bijeenkomst van groep {number} op {when} (reden: {reason}).",
        "{name} cannot come to the meeting of group {number} on {when} (reason: {reason}).",
    ),
    "absence.dm.available.one": (
        "Kunnen komen: {available} van {count} lid.",
        "Able to come: {available} of {count} member.",
    ),
    "absence.dm.available.other": (
        "Kunnen komen: {available} van de {count} leden.",
        "Able to come: {available} of {count} members.",
    ),
    "absence.dm.you_arrange": (
        "Volgens jullie afspraken regel jij een vervanger.",
        "As agreed, you arrange a substitute.",
    ),
    "absence.dm.member_arranges": (
        "Volgens jullie afspraken regelt {name} zelf een vervanger.",
        "As agreed, {name} arranges a substitute.",
    ),
    "absence.dm.withdrawn": (
        "{name} kan toch komen naar de bijeenkomst van groep {number} op {when}.",
        "{name} can come to the meeting of group {number} on {when} after all.",
    ),
    "absence.dm.quorum.one": (
        "Let op: bij de bijeenkomst van groep {number} op {when} kan nog maar {count} lid komen, "
        "minder dan jullie minimum van {minimum}. Verzet de bijeenkomst nu het nog kan.",
        "Note: only {count} member can come to the meeting of group {number} on {when}, fewer "
        "than your minimum of {minimum}. Move the meeting while there is time.",
    ),
    "absence.dm.quorum.other": (
        "Let op: bij de bijeenkomst van groep {number} op {when} kunnen nog maar {count} leden "
        "komen, minder dan jullie minimum van {minimum}. Verzet de bijeenkomst nu het nog kan.",
        "Note: only {count} members can come to the meeting of group {number} on {when}, fewer "
        "than your minimum of {minimum}. Move the meeting while there is time.",
    ),
    "absence.dm.substitute": (
        "Je kunt niet bij de bijeenkomst van groep {number} op {when}. Volgens jullie afspraken "
        "regel je zelf een vervanger; laat {contact} weten wie er komt.",
        "You cannot come to the meeting of group {number} on {when}. As agreed, you arrange a "
        "substitute yourself; let {contact} know who is coming.",
    ),
    "absence.reminder.contact": (
        "Kunnen niet: {names}. Kunnen komen: {available} van {members}.",
        "Cannot come: {names}. Able to come: {available} of {members}.",
    ),
}
