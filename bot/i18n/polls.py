"""Catalogue: choosing a date together (the datumprikker). Each entry is (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.cmd.poll": (
        "`/intervisie prik 1234` — kies samen een datum: stel 2 tot 8 momenten voor en laat de "
        "leden per moment ja, misschien of nee zeggen",
        "`/intervisie poll 1234` — choose a date together: propose 2 to 8 moments and let the "
        "members say yes, maybe or no to each",
    ),
    "poll.title": ("Datumprikker — groep {number} {name}", "Date poll — group {number} {name}"),
    "poll.deadline_at": ("{date} {time}", "{date} {time}"),
    "poll.status.open": (
        "Welke momenten passen jou? Reageren kan tot {deadline}; je kunt je antwoord wijzigen.",
        "Which moments suit you? You can answer until {deadline} and change your answer.",
    ),
    "poll.status.closed": (
        "De datumprikker is gesloten. De contactpersoon kiest een moment.",
        "The poll has closed. The contact person picks a moment.",
    ),
    "poll.status.decided": (
        "*Gekozen:* {when}. De uitnodiging met het agenda-bestand komt in een apart bericht.",
        "*Chosen:* {when}. The invitation with the calendar file comes in a separate message.",
    ),
    "poll.status.cancelled": (
        "Deze datumprikker is ingetrokken.",
        "This poll has been withdrawn.",
    ),
    "poll.tally": (
        "Ja {yes} · Misschien {maybe} · Nee {no}",
        "Yes {yes} · Maybe {maybe} · No {no}",
    ),
    "poll.yours": ("Jouw antwoord: *{answer}*", "Your answer: *{answer}*"),
    "poll.chosen_mark": ("✅ Dit moment is gekozen.", "✅ This moment was chosen."),
    "poll.answer.yes": ("Ja", "Yes"),
    "poll.answer.maybe": ("Misschien", "Maybe"),
    "poll.answer.no": ("Nee", "No"),
    "poll.button.pick": ("Kies dit moment", "Pick this moment"),
    "poll.button.cancel": ("Datumprikker intrekken", "Withdraw the poll"),
    "poll.confirm.title": ("Datumprikker intrekken?", "Withdraw the poll?"),
    "poll.confirm.text": (
        "Niemand kan nog reageren en er wordt geen moment gekozen.",
        "Nobody can answer any more and no moment is picked.",
    ),
    "poll.confirm.yes": ("Intrekken", "Withdraw"),
    "poll.confirm.no": ("Terug", "Back"),
    "poll.cancelled_ok": (
        "De datumprikker van groep {number} is ingetrokken.",
        "The date poll of group {number} has been withdrawn.",
    ),
    # The count is the group's members; {answered} of them have answered.
    "poll.answered.one": (
        "Gereageerd: {answered} van {count} lid.",
        "Answered: {answered} of {count} member.",
    ),
    "poll.answered.other": (
        "Gereageerd: {answered} van de {count} leden.",
        "Answered: {answered} of {count} members.",
    ),
    "poll.waiting": ("Nog niet gereageerd: {names}", "Not answered yet: {names}"),
    # The modal
    "poll.modal.title": ("Datumprikker", "Date poll"),
    "poll.modal.submit": ("Versturen", "Send"),
    "poll.modal.close": ("Annuleren", "Cancel"),
    "poll.modal.intro": (
        "Stel een paar momenten voor. Elk lid krijgt ze in een privébericht en zegt per moment ja, "
        "misschien of nee. Daarna kies jij het moment; de bijeenkomst wordt dan gepland zoals "
        "altijd, met uitnodiging en herinneringen.",
        "Propose a few moments. Every member gets them by direct message and says yes, maybe or "
        "no to each. Then you pick the moment; the meeting is planned as always, with invitation "
        "and reminders.",
    ),
    "poll.modal.slots": ("Momenten", "Moments"),
    "poll.modal.slots_hint.one": (
        "Eén moment per regel: datum en begintijd, bijvoorbeeld 30-11-2026 14:00. {min} tot "
        "{count} moment.",
        "One moment per line: date and start time, for example 30-11-2026 14:00. {min} to "
        "{count} moment.",
    ),
    "poll.modal.slots_hint.other": (
        "Eén moment per regel: datum en begintijd, bijvoorbeeld 30-11-2026 14:00. {min} tot "
        "{count} momenten.",
        "One moment per line: date and start time, for example 30-11-2026 14:00. {min} to "
        "{count} moments.",
    ),
    "poll.modal.duration": ("Duur van de bijeenkomst", "Length of the meeting"),
    "poll.modal.place": ("Locatie of link", "Location or link"),
    "poll.modal.deadline": ("Reageren kan tot en met", "Answers accepted until"),
    "poll.modal.deadline_hint.one": (
        "Een datum (dd-mm-jjjj). Leeg: {count} dag, maar uiterlijk tot een dag vóór het eerste "
        "moment. Een dag voor de sluiting krijgt wie nog niet reageerde een herinnering.",
        "A date (dd-mm-yyyy). Empty: {count} day, but at the latest until a day before the first "
        "moment. A day before it closes, whoever has not answered gets a reminder.",
    ),
    "poll.modal.deadline_hint.other": (
        "Een datum (dd-mm-jjjj). Leeg: {count} dagen, maar uiterlijk tot een dag vóór het eerste "
        "moment. Een dag voor de sluiting krijgt wie nog niet reageerde een herinnering.",
        "A date (dd-mm-yyyy). Empty: {count} days, but at the latest until a day before the "
        "first moment. A day before it closes, whoever has not answered gets a reminder.",
    ),
    "poll.sent.one": (
        "De datumprikker is verstuurd naar {count} lid. Reageren kan tot {deadline}.",
        "The poll was sent to {count} member. Answers are accepted until {deadline}.",
    ),
    "poll.sent.other": (
        "De datumprikker is verstuurd naar {count} leden. Reageren kan tot {deadline}.",
        "The poll was sent to {count} members. Answers are accepted until {deadline}.",
    ),
    "poll.picked": (
        "Gepland: {when} (groep {number}). De leden krijgen de uitnodiging met het agenda-bestand.",
        "Planned: {when} (group {number}). The members get the invitation with the calendar file.",
    ),
    # DMs
    "poll.dm.reminder": (
        "Je hebt nog niet gereageerd op de datumprikker van groep {number} {name}. Dat kan tot "
        "{deadline}, in het eerdere bericht van deze app.",
        "You have not answered the date poll of group {number} {name} yet. You can until "
        "{deadline}, in this app's earlier message.",
    ),
    "poll.dm.closed.one": (
        "De datumprikker van groep {number} is gesloten; {answered} van {count} lid reageerde. "
        "Kies een moment:",
        "The date poll of group {number} has closed; {answered} of {count} member answered. Pick "
        "a moment:",
    ),
    "poll.dm.closed.other": (
        "De datumprikker van groep {number} is gesloten; {answered} van de {count} leden "
        "reageerden. Kies een moment:",
        "The date poll of group {number} has closed; {answered} of {count} members answered. "
        "Pick a moment:",
    ),
    # Refusals
    "poll.error.line": ("Regel {line}: {problem}", "Line {line}: {problem}"),
    "poll.error.line_past": (
        "Regel {line}: {value} is al voorbij. Kies een moment in de toekomst.",
        "Line {line}: {value} has already passed. Choose a moment in the future.",
    ),
    "poll.error.past": (
        "Alle momenten moeten in de toekomst liggen.",
        "Every moment must lie in the future.",
    ),
    "poll.error.duplicate": (
        "Hetzelfde moment staat er twee keer in.",
        "The same moment is listed twice.",
    ),
    "poll.error.too_few.one": (
        "Stel minstens {count} moment voor: met één moment valt er niets te kiezen. Plan de "
        "bijeenkomst dan met `/intervisie plan`.",
        "Propose at least {count} moment: with one there is nothing to choose. Plan the meeting "
        "with `/intervisie plan` instead.",
    ),
    "poll.error.too_few.other": (
        "Stel minstens {count} momenten voor: met één moment valt er niets te kiezen. Plan de "
        "bijeenkomst dan met `/intervisie plan`.",
        "Propose at least {count} moments: with one there is nothing to choose. Plan the meeting "
        "with `/intervisie plan` instead.",
    ),
    "poll.error.too_many.one": (
        "Stel hoogstens {count} moment voor.",
        "Propose at most {count} moment.",
    ),
    "poll.error.too_many.other": (
        "Stel hoogstens {count} momenten voor.",
        "Propose at most {count} moments.",
    ),
    "poll.error.too_soon": (
        "Het eerste moment is te dichtbij om nog samen te kiezen (dat vraagt minstens een dag). "
        "Kies latere momenten, of plan de bijeenkomst met `/intervisie plan`.",
        "The first moment is too close to choose together (that needs at least a day). Choose "
        "later moments, or plan the meeting with `/intervisie plan`.",
    ),
    "poll.error.deadline_past": (
        "Die datum is al voorbij.",
        "That date has already passed.",
    ),
    "poll.error.deadline_after_slot": (
        "Laat de datumprikker sluiten vóór het eerste moment.",
        "Let the poll close before the first moment.",
    ),
    "poll.closed": (
        "Deze datumprikker is gesloten; reageren kan niet meer.",
        "This poll has closed; answers are no longer accepted.",
    ),
    "poll.decided": (
        "Voor deze datumprikker is al een moment gekozen.",
        "A moment has already been picked for this poll.",
    ),
    "poll.cancelled": ("Deze datumprikker is ingetrokken.", "This poll has been withdrawn."),
    "poll.slot_past": (
        "Dit moment is al voorbij; kies een ander moment.",
        "This moment has passed; pick another one.",
    ),
    "poll.not_found": (
        "Deze datumprikker bestaat niet (meer).",
        "This poll does not exist (any more).",
    ),
    "poll.not_member": (
        "Je bent geen lid van groep {number}.",
        "You are not a member of group {number}.",
    ),
}
