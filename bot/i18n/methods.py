"""Catalogue: labels of the method card and time plan, refusals of custom methods. (Dutch, English)

The methods themselves (names, steps) and the reflection questions live in bot/data/*.yaml.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "method.card.title": ("*{name}* · {minutes} min", "*{name}* · {minutes} min"),
    "method.card.purpose": ("*Doel* {text}", "*Purpose* {text}"),
    "method.card.fits": ("*Wanneer* {text}", "*When it fits* {text}"),
    "method.card.roles": ("*Rollen* {roles}", "*Roles* {roles}"),
    "method.card.steps": ("*Stappen*", "*Steps*"),
    "method.card.step": (
        "{number}. *{title}* ({minutes} min) — {what}",
        "{number}. *{title}* ({minutes} min) — {what}",
    ),
    "method.card.no_steps": (
        "Geen vaste stappen: spreek vooraf af hoe jullie de tijd verdelen.",
        "No fixed steps: agree beforehand how you divide the time.",
    ),
    "method.card.rules": ("*Vragen, geen adviezen*", "*Questions, not advice*"),
    "method.experience.beginner": ("Geschikt voor beginnende groepen", "Suits new groups"),
    "method.experience.any": (
        "Voor beginnende en ervaren groepen",
        "For new and experienced groups",
    ),
    "method.experience.experienced": ("Voor ervaren groepen", "For experienced groups"),
    "method.size.range": ("groepsgrootte {low}–{high}", "group size {low}–{high}"),
    "method.size.from": ("groepsgrootte vanaf {low}", "group size from {low}"),
    "method.size.up_to": ("groepsgrootte tot en met {high}", "group size up to {high}"),
    "method.plan.title": (
        "*Tijdsplan: {name}* · {minutes} min",
        "*Time plan: {name}* · {minutes} min",
    ),
    "method.plan.too_short": (
        ":warning: Deze methode vraagt minstens {minimum} min; de tijden hieronder zijn krap. "
        "Kies eventueel een kortere methode.",
        ":warning: This method needs at least {minimum} min; the times below are tight. "
        "Consider a shorter method.",
    ),
    "method.plan.step": (
        "`{start}` *{title}* ({minutes} min) — {what}",
        "`{start}` *{title}* ({minutes} min) — {what}",
    ),
    "method.preparation.title": ("*Voorbereiding als inbrenger*", "*Preparing as presenter*"),
    "method.error.unknown": ("Deze methode ken ik niet.", "I don't know this method."),
    "method.error.shape": (
        "De gegevens van deze methode zijn onvolledig of hebben een onverwachte vorm.",
        "The details of this method are incomplete or have an unexpected form.",
    ),
    "method.error.key": (
        "Gebruik voor de code 2 tot 32 kleine letters, cijfers of streepjes, te beginnen met "
        "een letter.",
        "Use 2 to 32 lower-case letters, digits or hyphens for the code, starting with a letter.",
    ),
    "method.error.key_taken": (
        "De code {code} is al in gebruik voor een andere methode.",
        "The code {code} is already used by another method.",
    ),
    "method.error.text_missing": ("Vul dit in.", "Please fill this in."),
    "method.error.text_too_long.one": (
        "Dit is te lang (maximaal {count} teken).",
        "This is too long (at most {count} character).",
    ),
    "method.error.text_too_long.other": (
        "Dit is te lang (maximaal {count} tekens).",
        "This is too long (at most {count} characters).",
    ),
    "method.error.minutes": (
        "Geef de duur in hele minuten, groter dan 0 en hoogstens {maximum}.",
        "Give the duration in whole minutes, more than 0 and at most {maximum}.",
    ),
    "method.error.min_minutes": (
        "De minimale duur ligt tussen 1 minuut en de voorgestelde duur.",
        "The minimum duration lies between 1 minute and the suggested duration.",
    ),
    "method.error.step_minutes": (
        "Geef bij stap {number} de duur in hele minuten, groter dan 0.",
        "Give the duration of step {number} in whole minutes, more than 0.",
    ),
    "method.error.steps_exceed": (
        "De stappen duren samen {steps} min, langer dan de voorgestelde {minutes} min.",
        "Together the steps take {steps} min, longer than the suggested {minutes} min.",
    ),
    "method.error.too_many_steps.one": (
        "Een methode heeft hoogstens {count} stap.",
        "A method has at most {count} step.",
    ),
    "method.error.too_many_steps.other": (
        "Een methode heeft hoogstens {count} stappen.",
        "A method has at most {count} steps.",
    ),
    "method.error.unknown_role": (
        "Deze rol ken ik niet: {role}.",
        "I don't know this role: {role}.",
    ),
    "method.error.experience": (
        "Kies bij ervaring: beginnend, elke groep of ervaren.",
        "For experience choose: new, any group or experienced.",
    ),
    "method.error.group_size": (
        "Geef een groepsgrootte tussen {low} en {high}, met het minimum niet boven het maximum.",
        "Give a group size between {low} and {high}, with the minimum not above the maximum.",
    ),
    "method.error.card_too_long": (
        "Deze methode is te lang om in Slack te tonen: maak de teksten korter.",
        "This method is too long to show in Slack: make the texts shorter.",
    ),
    "method.error.meeting_too_short": (
        "Deze bijeenkomst is te kort om alle stappen van de methode een plek te geven.",
        "This meeting is too short to give every step of the method a place.",
    ),
}
