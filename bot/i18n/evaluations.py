"""Catalogue: the evaluation after every meeting, shown only as aggregates. Each entry is (Dutch,
English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.cmd.evaluation": (
        "`/intervisie evaluatie 1234` — hoe de bijeenkomsten gewaardeerd worden (alleen totalen, "
        "vanaf drie antwoorden)",
        "`/intervisie evaluation 1234` — how the meetings are rated (totals only, from three "
        "answers on)",
    ),
    "evaluation.dm.pulse": (
        "Hoe was de bijeenkomst van groep {number} {name} op {when}? Invullen kost een halve "
        "minuut.",
        "How was the meeting of group {number} {name} on {when}? It takes half a minute.",
    ),
    "evaluation.privacy.one": (
        "Anoniem: de groep ziet alleen totalen, en pas vanaf {count} antwoord.",
        "Anonymous: the group sees totals only, and only from {count} answer on.",
    ),
    "evaluation.privacy.other": (
        "Anoniem: de groep ziet alleen totalen, en pas vanaf {count} antwoorden.",
        "Anonymous: the group sees totals only, and only from {count} answers on.",
    ),
    "evaluation.thanks": ("Dank je wel voor je evaluatie.", "Thank you for your evaluation."),
    "evaluation.button.open": ("Evaluatie invullen", "Fill in the evaluation"),
    # The form
    "evaluation.modal.title": ("Evaluatie", "Evaluation"),
    "evaluation.modal.submit": ("Versturen", "Send"),
    "evaluation.modal.close": ("Annuleren", "Cancel"),
    "evaluation.modal.intro": (
        "Bijeenkomst van groep {number} {name}, {when}.",
        "Meeting of group {number} {name}, {when}.",
    ),
    "evaluation.modal.score": ("Was de bijeenkomst geslaagd?", "Was the meeting a success?"),
    "evaluation.score.1": ("1 – niet geslaagd", "1 – not a success"),
    "evaluation.score.2": ("2", "2"),
    "evaluation.score.3": ("3", "3"),
    "evaluation.score.4": ("4", "4"),
    "evaluation.score.5": ("5 – zeer geslaagd", "5 – a great success"),
    "evaluation.modal.goal": (
        "Heeft de bijeenkomst bijgedragen aan ons doel?",
        "Did the meeting serve our goal?",
    ),
    "evaluation.goal.yes": ("Ja", "Yes"),
    "evaluation.goal.partly": ("Deels", "Partly"),
    "evaluation.goal.no": ("Nee", "No"),
    "evaluation.modal.brought": ("Wat heeft het gebracht?", "What did it bring?"),
    "evaluation.brought.for_me": ("Voor mij", "For me"),
    "evaluation.brought.for_clients": ("Voor cliënten", "For clients"),
    "evaluation.brought.for_practice": ("Voor de praktijk", "For the practice"),
    "evaluation.brought.for_organisation": ("Voor de organisatie", "For the organisation"),
    "evaluation.modal.remark": ("Wat kan beter?", "What could be better?"),
    "evaluation.modal.remark_hint.one": (
        "Eén regel, zonder namen en zonder inhoud van een casus. De groep ziet deze regel "
        "anoniem, en pas als er minstens {count} antwoord is.",
        "One line, without names and without anything about a case. The group sees this line "
        "anonymously, and only once there is at least {count} answer.",
    ),
    "evaluation.modal.remark_hint.other": (
        "Eén regel, zonder namen en zonder inhoud van een casus. De groep ziet deze regel "
        "anoniem, en pas als er minstens {count} antwoorden zijn.",
        "One line, without names and without anything about a case. The group sees this line "
        "anonymously, and only once there are at least {count} answers.",
    ),
    "evaluation.error.score": (
        "Kies een cijfer van 1 tot en met 5.",
        "Choose a score from 1 to 5.",
    ),
    "evaluation.error.goal": ("Kies ja, deels of nee.", "Choose yes, partly or no."),
    # Refusals
    "evaluation.not_present": (
        "Je was niet aanwezig bij deze bijeenkomst, dus je kunt haar niet evalueren.",
        "You did not attend this meeting, so you cannot evaluate it.",
    ),
    "evaluation.already": (
        "Je hebt deze bijeenkomst al geëvalueerd.",
        "You have already evaluated this meeting.",
    ),
    "evaluation.too_late": (
        "De evaluatie van deze bijeenkomst is gesloten.",
        "The evaluation of this meeting has closed.",
    ),
    "evaluation.not_member": (
        "Je bent geen lid van groep {number}.",
        "You are not a member of group {number}.",
    ),
    # Aggregates
    "evaluation.summary.head.one": (
        "*Evaluatie vorige bijeenkomst ({date}):* geslaagd gemiddeld {average_text} van 5 ({count} "
        "antwoord)",
        "*Evaluation of the previous meeting ({date}):* success {average_text} out of 5 on average "
        "({count} answer)",
    ),
    "evaluation.summary.head.other": (
        "*Evaluatie vorige bijeenkomst ({date}):* geslaagd gemiddeld {average_text} van 5 ({count} "
        "antwoorden)",
        "*Evaluation of the previous meeting ({date}):* success {average_text} out of 5 on average "
        "({count} answers)",
    ),
    "evaluation.summary.goal": (
        "Bijgedragen aan het doel: ja {yes}, deels {partly}, nee {no}",
        "Served the goal: yes {yes}, partly {partly}, no {no}",
    ),
    "evaluation.summary.brought": ("Gebracht: {brought}", "Brought: {brought}"),
    # A tally like the goal's line ("voor mij 3"): how many answers ticked the option.
    "evaluation.brought_count.for_me": ("voor mij {ticked}", "for me {ticked}"),
    "evaluation.brought_count.for_clients": ("cliënten {ticked}", "clients {ticked}"),
    "evaluation.brought_count.for_practice": ("de praktijk {ticked}", "the practice {ticked}"),
    "evaluation.brought_count.for_organisation": (
        "de organisatie {ticked}",
        "the organisation {ticked}",
    ),
    "evaluation.trend.title": ("*Evaluaties*", "*Evaluations*"),
    "evaluation.trend.empty.one": (
        "Nog geen resultaten: een bijeenkomst verschijnt hier zodra minstens {count} aanwezige de "
        "evaluatie heeft ingevuld.",
        "No results yet: a meeting appears here once at least {count} person present has filled "
        "in the evaluation.",
    ),
    "evaluation.trend.empty.other": (
        "Nog geen resultaten: een bijeenkomst verschijnt hier zodra minstens {count} aanwezigen "
        "de evaluatie hebben ingevuld.",
        "No results yet: a meeting appears here once at least {count} of those present have "
        "filled in the evaluation.",
    ),
    "evaluation.trend.line.one": (
        "{date}: geslaagd {average_text} van 5 · doel gediend: {yes} × ja · {count} antwoord",
        "{date}: success {average_text} out of 5 · served the goal: {yes} × yes · {count} answer",
    ),
    "evaluation.trend.line.other": (
        "{date}: geslaagd {average_text} van 5 · doel gediend: {yes} × ja · {count} antwoorden",
        "{date}: success {average_text} out of 5 · served the goal: {yes} × yes · {count} answers",
    ),
    "evaluation.trend.remarks": (
        "*Wat kan beter* (bijeenkomst van {date}, anoniem):",
        "*What could be better* (meeting of {date}, anonymous):",
    ),
    "evaluation.trend.footer.one": (
        "Alleen totalen, en alleen van bijeenkomsten met minstens {count} antwoord; nooit wat "
        "één persoon antwoordde.",
        "Totals only, and only of meetings with at least {count} answer; never what one person "
        "answered.",
    ),
    "evaluation.trend.footer.other": (
        "Alleen totalen, en alleen van bijeenkomsten met minstens {count} antwoorden; nooit wat "
        "één persoon antwoordde.",
        "Totals only, and only of meetings with at least {count} answers; never what one person "
        "answered.",
    ),
    "evaluation.page.title": (
        "*Evaluatie — groep {number} {name}*",
        "*Evaluation — group {number} {name}*",
    ),
    "evaluation.page.pending": (
        "Je evaluatie van de bijeenkomst van {date} staat nog open.",
        "Your evaluation of the meeting of {date} is still open.",
    ),
}
