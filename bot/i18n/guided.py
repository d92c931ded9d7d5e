"""Catalogue: guided intervision — the intake, the trajectory, its end and going on as a peer
group. Each entry is (Dutch, English); keys ending in .one / .other are plural forms."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.cmd.guidance": (
        "`/intervisie begeleiding` — vraag een begeleider om een verkennend gesprek over "
        "begeleide intervisie",
        "`/intervisie guidance` — ask a supervisor for an exploratory conversation about guided "
        "intervisie",
    ),
    "help.cmd.trajectory": (
        "`/intervisie traject [1234]` — hoe je begeleide trajecten ervoor staan",
        "`/intervisie trajectory [1234]` — where your guided trajectories stand",
    ),
    "guided.cancel": ("Annuleren", "Cancel"),
    "guided.close_info": ("Sluiten", "Close"),
    "guided.no_case_content": (
        "Geen casusinhoud: schrijf niets op over personen of situaties uit het werk.",
        "No case content: write nothing about people or situations from work.",
    ),
    "guided.create.hint": (
        "Een _begeleide intervisiegroep_ start de begeleider zelf: kies je Begeleide intervisie, "
        "dan ben jij de begeleider en leg je in de volgende stap het traject vast. Zoek je zelf "
        "een begeleider? Gebruik dan `/intervisie begeleiding`.",
        "_Guided intervisie_ is started by the supervisor: choose Guided intervisie and you "
        "record the trajectory in the next step, as its supervisor. Looking for a supervisor "
        "yourself? Use `/intervisie guidance`.",
    ),
    # -- statuses ------------------------------------------------------------------------------
    "guided.status.requested": ("aangevraagd", "requested"),
    "guided.status.intake": ("verkennend gesprek", "exploratory conversation"),
    "guided.status.declined": ("afgewezen", "declined"),
    "guided.status.running": ("lopend", "running"),
    "guided.status.completed": ("afgerond", "completed"),
    "guided.status.stopped": ("gestopt", "stopped"),
    # -- progress ------------------------------------------------------------------------------
    "guided.progress.meeting": (
        "bijeenkomst {meeting} van {meetings}",
        "meeting {meeting} of {meetings}",
    ),
    "guided.progress.extra": (
        "extra bijeenkomst ({meeting}e)",
        "additional meeting (no. {meeting})",
    ),
    "guided.progress.line": (
        "Begeleid traject {name}: {progress}",
        "Guided trajectory {name}: {progress}",
    ),
    # -- fields ----------------------------------------------------------------------------------
    "guided.field.supervisor": ("Begeleider", "Supervisor"),
    "guided.field.supervisor_hint": (
        "Een geregistreerd (leer)supervisor, bijvoorbeeld bij de LVSC.",
        "A registered supervisor, for example with the LVSC.",
    ),
    "guided.field.organisation": ("Opdrachtgever (organisatie)", "Client (organisation)"),
    "guided.field.organisation_hint": (
        "De organisatie die het traject aanvraagt of betaalt.",
        "The organisation that asks for or pays for the trajectory.",
    ),
    "guided.field.client_contact": (
        "Contact bij de opdrachtgever",
        "Contact at the client",
    ),
    "guided.field.client_contact_hint": (
        "Naam en e-mailadres of telefoonnummer; de opdrachtgever zit meestal niet in Slack.",
        "Name and e-mail address or phone number; the client is usually not in Slack.",
    ),
    "guided.field.participants": ("Verwacht aantal deelnemers", "Expected number of participants"),
    "guided.field.wishes": ("Wensen en vragen", "Wishes and questions"),
    "guided.field.intake_date": ("Datum verkennend gesprek", "Date of the exploratory talk"),
    "guided.field.intake_time": ("Tijd", "Time"),
    "guided.field.date_placeholder": ("dd-mm-jjjj", "dd-mm-yyyy"),
    "guided.field.register": ("Register", "Register"),
    "guided.field.register_number": ("Registratienummer", "Registration number"),
    "guided.field.reason": ("Reden", "Reason"),
    "guided.field.stop_reason": ("Waarom stopt het traject?", "Why does the trajectory stop?"),
    "guided.field.meetings": ("Afgesproken aantal bijeenkomsten", "Agreed number of meetings"),
    # The count is the maximum: "minimaal 3 en maximaal 8 bijeenkomsten".
    "guided.field.meetings_hint.one": (
        "Een traject heeft minimaal {low} en maximaal {count} bijeenkomst.",
        "A trajectory has at least {low} and at most {count} meeting.",
    ),
    "guided.field.meetings_hint.other": (
        "Een traject heeft minimaal {low} en maximaal {count} bijeenkomsten.",
        "A trajectory has at least {low} and at most {count} meetings.",
    ),
    "guided.field.max_members": ("Maximaal aantal deelnemers", "Maximum number of participants"),
    "guided.field.max_members_hint": (
        "Vier tot acht deelnemers; de begeleider telt niet mee.",
        "Four to eight participants; the supervisor does not count.",
    ),
    "guided.field.quote_date": ("Offerte akkoord op", "Quote accepted on"),
    "guided.field.price": ("Prijs per deelnemer in euro", "Price per participant in euros"),
    "guided.field.price_hint": (
        "Voor het verdelen van de kosten, bijvoorbeeld 350 of 350,00.",
        "For sharing the costs, for example 350 or 350.00.",
    ),
    "guided.field.reader": ("Link naar de reader", "Link to the reader"),
    "guided.field.reader_hint": (
        "De theorie van intervisie; elke deelnemer krijgt de link bij het accorderen.",
        "The theory of intervision; every participant gets the link when approved.",
    ),
    "guided.field.points": ("Reflectiepunten", "Reflection points"),
    "guided.field.points_hint": (
        "Alleen als je als geregistreerd supervisor reflectiepunten toekent; ze komen op elk "
        "certificaat.",
        "Only if you award reflection points as a registered supervisor; they appear on every "
        "certificate.",
    ),
    # -- the intake ----------------------------------------------------------------------------
    "guided.request.title": ("Begeleiding aanvragen", "Ask for guidance"),
    "guided.request.submit": ("Versturen", "Send"),
    "guided.request.intro": (
        "Vraag een begeleider om een *verkennend gesprek* over begeleide intervisie: drie tot "
        "acht bijeenkomsten met vier tot acht deelnemers. Na het gesprek volgt een offerte; "
        "na akkoord start het traject en krijgt de groep een nummer.",
        "Ask a supervisor for an *exploratory conversation* about guided intervisie: three to "
        "eight meetings with four to eight participants. A quote follows the conversation; once "
        "accepted, the trajectory starts and the group gets its number.",
    ),
    "guided.request.sent": (
        "Je verzoek is naar {supervisor_name} gestuurd. Je hoort het in een bericht zodra er een "
        "antwoord is.",
        "Your request was sent to {supervisor_name}. You will get a message as soon as there is an "
        "answer.",
    ),
    "guided.request.dm": (
        "*{requester}* vraagt je om een verkennend gesprek over begeleide intervisie voor "
        "*{organisation_name}*.",
        "*{requester}* asks you for an exploratory conversation about guided intervisie for "
        "*{organisation_name}*.",
    ),
    "guided.request.contact": ("Contact: {contact}", "Contact: {contact}"),
    "guided.request.expected.one": (
        "Verwacht: {count} deelnemer",
        "Expected: {count} participant",
    ),
    "guided.request.expected.other": (
        "Verwacht: {count} deelnemers",
        "Expected: {count} participants",
    ),
    "guided.request.wishes": ("Wensen: {wishes}", "Wishes: {wishes}"),
    "guided.request.accept": ("Accepteren", "Accept"),
    "guided.request.decline": ("Afwijzen", "Decline"),
    "guided.request.accepted_note": (
        "Geaccepteerd; verkennend gesprek voorgesteld op {date} om {time}. Is het gesprek "
        "geweest en de offerte akkoord? Start dan het traject.",
        "Accepted; exploratory conversation proposed on {date} at {time}. Once it took place "
        "and the quote was accepted, start the trajectory.",
    ),
    "guided.request.declined_note": ("Afgewezen: {reason}", "Declined: {reason}"),
    "guided.accept.title": ("Verzoek accepteren", "Accept the request"),
    "guided.accept.submit": ("Accepteren", "Accept"),
    "guided.accept.intro": (
        "Stel een datum voor het verkennende gesprek met {requester} ({organisation_name}) voor. "
        "Je registratienummer komt later op de certificaten.",
        "Propose a date for the exploratory conversation with {requester} ({organisation_name}). "
        "Your registration number will appear on the certificates.",
    ),
    "guided.decline.title": ("Verzoek afwijzen", "Decline the request"),
    "guided.decline.submit": ("Afwijzen", "Decline"),
    "guided.decline.intro": (
        "Waarom neem je dit verzoek van {organisation_name} niet aan? De aanvrager leest je reden.",
        "Why do you not take on this request from {organisation_name}? The requester reads your "
        "reason.",
    ),
    "guided.answer.accepted": (
        "{supervisor_name} heeft je verzoek voor *{organisation_name}* geaccepteerd en stelt een "
        "verkennend gesprek voor op *{date} om {time}*. Daarna volgt een offerte; na akkoord "
        "start {supervisor_name} het traject en krijg jij het groepsnummer om door te geven.",
        "{supervisor_name} accepted your request for *{organisation_name}* and proposes an "
        "exploratory conversation on *{date} at {time}*. A quote follows; once accepted, "
        "{supervisor_name} starts the trajectory and you get the group number to pass on.",
    ),
    "guided.answer.declined": (
        "{supervisor_name} neemt je verzoek voor *{organisation_name}* niet aan.\nReden: "
        "{reason}\nJe kunt een andere begeleider vragen met `/intervisie begeleiding`.",
        "{supervisor_name} does not take on your request for *{organisation_name}*.\nReason: "
        "{reason}\nYou can ask another supervisor with `/intervisie guidance`.",
    ),
    # -- the start -----------------------------------------------------------------------------
    "guided.start.button": ("Traject starten", "Start the trajectory"),
    "guided.start.title": ("Traject starten", "Start the trajectory"),
    "guided.start.submit": ("Starten", "Start"),
    "guided.start.default_name": (
        "Begeleide intervisie {organisation_name}",
        "Guided intervisie {organisation_name}",
    ),
    "guided.start.intro_intake": (
        "Leg de afspraken vast. De groep krijgt meteen een nummer; *{requester}* wordt "
        "contactpersoon en geeft het nummer door aan de deelnemers.",
        "Record the agreement. The group gets its number at once; *{requester}* becomes contact "
        "person and passes the number on to the participants.",
    ),
    "guided.start.intro_direct": (
        "Je start een begeleid traject als begeleider. De groep krijgt meteen een nummer; jij "
        "bent contactpersoon tot het secretariaat dat aan een deelnemer overdraagt.",
        "You start a guided trajectory as its supervisor. The group gets its number at once; "
        "you are its contact person until the secretariat hands that over to a participant.",
    ),
    "guided.start.supervisor_note": (
        "Als begeleider ben je geen deelnemer: je telt niet mee in de vier tot acht, je krijgt "
        "geen deelnamebewijs en geen uren voor bijeenkomsten die je leidt.",
        "As supervisor you are not a participant: you do not count among the four to eight, "
        "and you get no certificate and no hours for meetings you lead.",
    ),
    "guided.started.contact.one": (
        "Je groep *{name}* is gestart als begeleide intervisie, met {supervisor_name} als begeleider "
        "en {count} bijeenkomst. Je groepsnummer is *{number}*.\nGeef dit nummer door aan de "
        "deelnemers (maximaal {max}); alleen zijzelf kunnen zich aanmelden met "
        "`/intervisie aanmelden {number}`. Jij accordeert de aanmeldingen.",
        "Your guided intervisie group *{name}* has started, with {supervisor_name} as supervisor "
        "and {count} meeting. Your group number is *{number}*.\nPass this number on to the "
        "participants (at most {max}); only they can ask to join, with "
        "`/intervisie join {number}`. You approve the requests.",
    ),
    "guided.started.contact.other": (
        "Je groep *{name}* is gestart als begeleide intervisie, met {supervisor_name} als begeleider "
        "en {count} bijeenkomsten. Je groepsnummer is *{number}*.\nGeef dit nummer door aan de "
        "deelnemers (maximaal {max}); alleen zijzelf kunnen zich aanmelden met "
        "`/intervisie aanmelden {number}`. Jij accordeert de aanmeldingen.",
        "Your guided intervisie group *{name}* has started, with {supervisor_name} as supervisor "
        "and {count} meetings. Your group number is *{number}*.\nPass this number on to the "
        "participants (at most {max}); only they can ask to join, with "
        "`/intervisie join {number}`. You approve the requests.",
    ),
    "guided.started.price": (
        "Afgesproken prijs per deelnemer: € {price}",
        "Agreed price per participant: € {price}",
    ),
    "guided.started.supervisor.one": (
        "Groep *{number}* ({name}) is gestart als begeleide intervisie. {contact} is "
        "contactpersoon en geeft het nummer door. Plan de {count} bijeenkomst met "
        "`/intervisie plan {number}`; jij registreert ook de aanwezigheid.",
        "Group *{number}* ({name}) has started as guided intervisie. {contact} is "
        "contact person and passes the number on. Plan the {count} meeting with "
        "`/intervisie plan {number}`; you register attendance as well.",
    ),
    "guided.started.supervisor.other": (
        "Groep *{number}* ({name}) is gestart als begeleide intervisie. {contact} is "
        "contactpersoon en geeft het nummer door. Plan de {count} bijeenkomsten met "
        "`/intervisie plan {number}`; jij registreert ook de aanwezigheid.",
        "Group *{number}* ({name}) has started as guided intervisie. {contact} is "
        "contact person and passes the number on. Plan the {count} meetings with "
        "`/intervisie plan {number}`; you register attendance as well.",
    ),
    "guided.started.supervisor_alone.one": (
        "Groep *{number}* ({name}) is gestart als begeleide intervisie. Geef het nummer door "
        "aan de deelnemers (maximaal {max}); zij melden zich aan met "
        "`/intervisie aanmelden {number}` en jij accordeert. Plan de {count} bijeenkomst "
        "met `/intervisie plan {number}`.",
        "Group *{number}* ({name}) has started as guided intervisie. Pass the number on "
        "to the participants (at most {max}); they ask to join with "
        "`/intervisie join {number}` and you approve. Plan the {count} meeting with "
        "`/intervisie plan {number}`.",
    ),
    "guided.started.supervisor_alone.other": (
        "Groep *{number}* ({name}) is gestart als begeleide intervisie. Geef het nummer door "
        "aan de deelnemers (maximaal {max}); zij melden zich aan met "
        "`/intervisie aanmelden {number}` en jij accordeert. Plan de {count} bijeenkomsten "
        "met `/intervisie plan {number}`.",
        "Group *{number}* ({name}) has started as guided intervisie. Pass the number on "
        "to the participants (at most {max}); they ask to join with "
        "`/intervisie join {number}` and you approve. Plan the {count} meetings with "
        "`/intervisie plan {number}`.",
    ),
    "guided.welcome.one": (
        "Dit is een begeleid traject van {count} bijeenkomst met {supervisor_name} als begeleider.",
        "This is a guided trajectory of {count} meeting with {supervisor_name} as supervisor.",
    ),
    "guided.welcome.other": (
        "Dit is een begeleid traject van {count} bijeenkomsten met {supervisor_name} als "
        "begeleider.",
        "This is a guided trajectory of {count} meetings with {supervisor_name} as supervisor.",
    ),
    "guided.welcome.threshold": (
        "Wie minstens {percent}% van de gehouden bijeenkomsten bijwoont, krijgt na afloop het "
        "certificaat begeleide intervisie.",
        "Whoever attends at least {percent}% of the meetings held receives the certificate of "
        "guided intervisie afterwards.",
    ),
    "guided.welcome.reader": (
        "Lees vooraf de <{url}|reader over intervisie>.",
        "Read the <{url}|reader on intervision> beforehand.",
    ),
    "guided.reader.button": ("Reader", "Reader"),
    "guided.reader.title": ("Reader", "Reader"),
    "guided.reader.submit": ("Opslaan", "Save"),
    "guided.reader.intro": (
        "De link naar de reader met de theorie van intervisie. Elke deelnemer krijgt hem in een "
        "bericht, nu en bij het accorderen.",
        "The link to the reader with the theory of intervision. Every participant gets it in a "
        "message, now and when approved.",
    ),
    "guided.reader.dm": (
        "{supervisor_name} deelt de reader voor groep {number} ({name}): <{url}|de theorie van "
        "intervisie>. Lees hem voor de volgende bijeenkomst.",
        "{supervisor_name} shares the reader for group {number} ({name}): <{url}|the theory of "
        "intervision>. Please read it before the next meeting.",
    ),
    "guided.register.supervisor": (
        "{name} is de begeleider: leidt de bijeenkomst en krijgt geen deelnamebewijs.",
        "{name} is the supervisor: leads the meeting and gets no certificate.",
    ),
    # -- 'Mijn trajecten' ----------------------------------------------------------------------
    "guided.home.title": ("*Mijn trajecten*", "*My trajectories*"),
    "guided.home.none": (
        "Je hebt geen begeleide trajecten. Begeleiding aanvragen? `/intervisie begeleiding`.",
        "You have no guided trajectories. To ask for guidance: `/intervisie guidance`.",
    ),
    "guided.card.title": ("*{number}* {name} · {status}", "*{number}* {name} · {status}"),
    "guided.card.title_intake": (
        "*{organisation_name}* · {status}",
        "*{organisation_name}* · {status}",
    ),
    "guided.card.supervisor": ("Begeleider: {name}", "Supervisor: {name}"),
    "guided.card.client": ("Opdrachtgever: {organisation_name}", "Client: {organisation_name}"),
    "guided.card.waiting": ("Wacht op antwoord van de begeleider.", "Waiting for the supervisor."),
    "guided.card.intake": (
        "Verkennend gesprek: {date} om {time}",
        "Exploratory conversation: {date} at {time}",
    ),
    # The count is the agreed number of meetings; {held} of them were held.
    "guided.card.held.one": (
        "{held} van {count} bijeenkomst gehouden",
        "{held} of {count} meeting held",
    ),
    "guided.card.held.other": (
        "{held} van {count} bijeenkomsten gehouden",
        "{held} of {count} meetings held",
    ),
    "guided.card.next": (
        "Volgende: bijeenkomst {meeting} van {meetings}, {date} om {time}",
        "Next: meeting {meeting} of {meetings}, {date} at {time}",
    ),
    "guided.card.reader": (
        "<{url}|Reader: de theorie van intervisie>",
        "<{url}|Reader: the theory of intervision>",
    ),
    # The count is the participants; {answered} of them have answered.
    "guided.card.report_open.one": (
        "Rapportage: {answered} van {count} deelnemer gereageerd (reageren kan tot {deadline})",
        "Report: {answered} of {count} participant answered (answers until {deadline})",
    ),
    "guided.card.report_open.other": (
        "Rapportage: {answered} van {count} deelnemers gereageerd (reageren kan tot {deadline})",
        "Report: {answered} of {count} participants answered (answers until {deadline})",
    ),
    "guided.card.report_final": (
        "Rapportage: definitief, naar de opdrachtgever",
        "Report: final, for the client",
    ),
}
