"""Catalogue: the end of a guided trajectory (closing, stopping, the certificate or the
explanation, going on as a peer group) and every refusal of the guided area. (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- closing -------------------------------------------------------------------------------
    "guided.close.button": ("Afronden", "Complete"),
    "guided.close.title": ("Traject afronden", "Complete trajectory"),
    "guided.close.submit": ("Afronden", "Complete"),
    # The count is the meetings held.
    "guided.close.intro.one": (
        "Groep {number} ({name}): {count} bijeenkomst gehouden. Een certificaat krijgt wie "
        "er minstens {percent}% heeft bijgewoond (naar boven afgerond: {required} van de {count}).",
        "Group {number} ({name}): {count} meeting held. A certificate goes to everyone who "
        "attended at least {percent}% of it (rounded up: {required} of the {count}).",
    ),
    "guided.close.intro.other": (
        "Groep {number} ({name}): {count} bijeenkomsten gehouden. Een certificaat krijgt wie "
        "er minstens {percent}% heeft bijgewoond (naar boven afgerond: {required} van de {count}).",
        "Group {number} ({name}): {count} meetings held. A certificate goes to everyone who "
        "attended at least {percent}% of them (rounded up: {required} of the {count}).",
    ),
    "guided.close.line_ok": (
        "✓ {name}: {attended} van {held} ({percent}%) — certificaat",
        "✓ {name}: {attended} of {held} ({percent}%) — certificate",
    ),
    "guided.close.line_below": (
        "✗ {name}: {attended} van {held} ({percent}%) — onder de drempel",
        "✗ {name}: {attended} of {held} ({percent}%) — below the threshold",
    ),
    "guided.close.nobody": ("De groep heeft geen deelnemers.", "The group has no participants."),
    "guided.close.override": (
        "Toch een certificaat toekennen aan",
        "Award a certificate after all to",
    ),
    "guided.close.override_hint": (
        "Bijvoorbeeld bij gemiste bijeenkomsten die zijn ingehaald.",
        "For example when missed meetings were made up for.",
    ),
    "guided.close.after": (
        "Na het afronden krijgt elke deelnemer een bericht: het certificaat, of wat er is "
        "bijgewoond en waarom er geen certificaat is. Afronden kan maar één keer.",
        "After completing, every participant gets a message: the certificate, or what they "
        "attended and why there is no certificate. You can complete only once.",
    ),
    "guided.closed.supervisor": (
        "Het traject van groep {number} ({name}) is afgerond en de certificaten zijn "
        "verstuurd. Stel nu de rapportage voor de opdrachtgever op; de deelnemers lezen hem "
        "eerst mee.",
        "The trajectory of group {number} ({name}) is complete and the certificates have been "
        "sent. Now draft the report for the client; the participants read it first.",
    ),
    "guided.closed.contact": (
        "Het begeleide traject van groep {number} ({name}) is afgerond. Wil de groep "
        "zelfstandig verder als intervisiegroep? Dan blijven nummer, deelnemers en "
        "geschiedenis hetzelfde; daarna geldt de regel van vijf tot tien deelnemers.",
        "The guided trajectory of group {number} ({name}) is complete. Does the group want to "
        "go on by itself as a peer group? Number, members and history stay the same; from then "
        "on the rule of five to ten members applies.",
    ),
    # The count is the meetings held; {attended} of them the participant attended.
    "guided.withheld.dm.one": (
        "Het begeleide traject {name} (groep {number}) is afgerond. Je was bij {attended} van "
        "de {count} bijeenkomst; het certificaat begeleide intervisie vereist er minstens "
        "{required}, daarom ontvang je het niet. Je deelnamebewijzen van de bijeenkomsten die je "
        "bijwoonde blijven gelden. Vragen? Neem contact op met {supervisor_name}.",
        "The guided trajectory {name} (group {number}) is complete. You attended {attended} of "
        "the {count} meeting; the certificate of guided intervisie needs at least {required}, so "
        "you do not receive it. Your certificates of participation for the meetings you attended "
        "still count. Questions? Contact {supervisor_name}.",
    ),
    "guided.withheld.dm.other": (
        "Het begeleide traject {name} (groep {number}) is afgerond. Je was bij {attended} van "
        "de {count} bijeenkomsten; het certificaat begeleide intervisie vereist er minstens "
        "{required}, daarom ontvang je het niet. Je deelnamebewijzen van de bijeenkomsten die je "
        "bijwoonde blijven gelden. Vragen? Neem contact op met {supervisor_name}.",
        "The guided trajectory {name} (group {number}) is complete. You attended {attended} of "
        "the {count} meetings; the certificate of guided intervisie needs at least {required}, "
        "so you do not receive it. Your certificates of participation for the meetings you "
        "attended still count. Questions? Contact {supervisor_name}.",
    ),
    # -- stopping ------------------------------------------------------------------------------
    "guided.stop.button": ("Stoppen", "Stop"),
    "guided.stop.title": ("Traject stoppen", "Stop trajectory"),
    "guided.stop.submit": ("Traject stoppen", "Stop trajectory"),
    "guided.stop.intro": (
        "Stop het traject van groep {number} voortijdig. Er komen geen certificaten begeleide "
        "intervisie; de deelnamebewijzen van de gehouden bijeenkomsten blijven gelden. Iedereen "
        "in de groep leest je reden.",
        "Stop the trajectory of group {number} early. No certificates of guided intervisie are "
        "issued; the certificates of participation of the meetings held stay valid. Everyone in "
        "the group reads your reason.",
    ),
    "guided.stopped.dm": (
        "Het begeleide traject van groep {number} ({name}) is voortijdig gestopt door "
        "{supervisor_name}.\nReden: {reason}\nDe deelnamebewijzen van de gehouden bijeenkomsten "
        "blijven gelden.",
        "The guided trajectory of group {number} ({name}) was stopped early by {supervisor_name}.\n"
        "Reason: {reason}\nThe certificates of participation of the meetings held stay valid.",
    ),
    # -- going on as a peer group ----------------------------------------------------------------
    "guided.continue.button": ("Zelfstandig verder", "Continue on our own"),
    "guided.continue.done": (
        "Groep {number} ({name}) gaat zelfstandig verder als intervisiegroep.",
        "Group {number} ({name}) goes on by itself as a peer group.",
    ),
    # The count is the group's members now.
    "guided.continued.member.one": (
        "Groep {number} ({name}) gaat zelfstandig verder als intervisiegroep, zonder "
        "begeleider. Nummer, deelnemers en geschiedenis blijven hetzelfde; vanaf nu geldt de "
        "regel van vijf tot tien deelnemers. Met {count} deelnemer is de groep nu {status}.",
        "Group {number} ({name}) goes on by itself as a peer group, without a supervisor. "
        "Number, members and history stay the same; from now on the rule of five to ten members "
        "applies. With {count} member the group is now {status}.",
    ),
    "guided.continued.member.other": (
        "Groep {number} ({name}) gaat zelfstandig verder als intervisiegroep, zonder "
        "begeleider. Nummer, deelnemers en geschiedenis blijven hetzelfde; vanaf nu geldt de "
        "regel van vijf tot tien deelnemers. Met {count} deelnemers is de groep nu {status}.",
        "Group {number} ({name}) goes on by itself as a peer group, without a supervisor. "
        "Number, members and history stay the same; from now on the rule of five to ten members "
        "applies. With {count} members the group is now {status}.",
    ),
    "guided.continued.supervisor": (
        "Groep {number} ({name}) gaat zelfstandig verder; je bent geen begeleider van de groep "
        "meer. Dank voor het traject!",
        "Group {number} ({name}) goes on by itself; you are no longer its supervisor. Thank you "
        "for the trajectory!",
    ),
    # -- refusals --------------------------------------------------------------------------------
    "guided.error.supervisor_self": (
        "Je kunt jezelf niet als begeleider vragen. Kies een andere collega.",
        "You cannot ask yourself as supervisor. Choose another colleague.",
    ),
    "guided.error.supervisor_unknown": (
        "Deze persoon is niet (meer) te vinden in deze Slack-werkruimte. Kies iemand uit de lijst.",
        "This person cannot be found in this Slack workspace (any more). Choose someone from "
        "the list.",
    ),
    "guided.error.supervisor_bot": (
        "Een app kan geen begeleider zijn. Kies een persoon.",
        "An app cannot be a supervisor. Choose a person.",
    ),
    "guided.error.supervisor_joins": (
        "Je bent de begeleider van groep {number} ({name}) en kunt er niet ook deelnemer van zijn.",
        "You are the supervisor of group {number} ({name}) and cannot also be a participant.",
    ),
    "guided.error.request_open": (
        "Je hebt deze begeleider al een verzoek gestuurd dat nog open staat.",
        "You already sent this supervisor a request that is still open.",
    ),
    # The count is the maximum.
    "guided.error.participants.one": (
        "Een begeleide groep heeft {low} tot {count} deelnemer.",
        "A guided group has {low} to {count} participant.",
    ),
    "guided.error.participants.other": (
        "Een begeleide groep heeft {low} tot {count} deelnemers.",
        "A guided group has {low} to {count} participants.",
    ),
    "guided.error.meetings.one": (
        "Een traject heeft minimaal {low} en maximaal {count} bijeenkomst.",
        "A trajectory has at least {low} and at most {count} meeting.",
    ),
    "guided.error.meetings.other": (
        "Een traject heeft minimaal {low} en maximaal {count} bijeenkomsten.",
        "A trajectory has at least {low} and at most {count} meetings.",
    ),
    "guided.error.price": (
        "„{given}” is geen prijs. Typ een bedrag in euro, bijvoorbeeld 350 of 350,00.",
        "“{given}” is not a price. Type an amount in euros, for example 350 or 350.00.",
    ),
    "guided.error.points": (
        "„{given}” is geen aantal punten. Typ bijvoorbeeld 4 of 2,5.",
        "“{given}” is not a number of points. Type for example 4 or 2.5.",
    ),
    "guided.error.reader": (
        "Typ een volledige link die begint met https://.",
        "Type a full link starting with https://.",
    ),
    "guided.error.reason_required": ("Vul een reden in.", "Please give a reason."),
    "guided.error.intake_past": (
        "Dit moment is al voorbij. Kies een datum en tijd in de toekomst.",
        "This moment has passed. Choose a date and time in the future.",
    ),
    "guided.error.not_found": (
        "Dit traject bestaat niet (meer).",
        "This trajectory does not exist (any more).",
    ),
    "guided.error.not_supervisor": (
        "Alleen de begeleider van dit traject kan dit doen.",
        "Only the supervisor of this trajectory can do this.",
    ),
    "guided.error.not_contact": (
        "Alleen de contactpersoon van groep {number} (of het secretariaat) kan dit doen.",
        "Only the contact person of group {number} (or the secretariat) can do this.",
    ),
    "guided.error.already_answered": (
        "Dit verzoek is al beantwoord.",
        "This request has already been answered.",
    ),
    "guided.error.accept_first": (
        "Accepteer het verzoek eerst en voer het verkennende gesprek.",
        "Accept the request first and hold the exploratory conversation.",
    ),
    "guided.error.already_started": (
        "Dit traject is al gestart.",
        "This trajectory has already started.",
    ),
    "guided.error.not_running": (
        "Dit traject loopt niet (meer).",
        "This trajectory is not running (any more).",
    ),
    "guided.error.already_closed": (
        "Dit traject is al afgerond of gestopt.",
        "This trajectory has already been completed or stopped.",
    ),
    "guided.error.nothing_registered": (
        "Er is nog geen bijeenkomst geregistreerd. Registreer eerst de aanwezigheid met "
        "`/intervisie registreer`.",
        "No meeting has been registered yet. Register attendance first with "
        "`/intervisie register`.",
    ),
    "guided.error.unregistered.one": (
        "Van {count} bijeenkomst die al voorbij is, is de aanwezigheid nog niet geregistreerd. "
        "Doe dat eerst met `/intervisie registreer`.",
        "{count} meeting that is over has no attendance registered yet. Do that first with "
        "`/intervisie register`.",
    ),
    "guided.error.unregistered.other": (
        "Van {count} bijeenkomsten die al voorbij zijn, is de aanwezigheid nog niet "
        "geregistreerd. Doe dat eerst met `/intervisie registreer`.",
        "{count} meetings that are over have no attendance registered yet. Do that first with "
        "`/intervisie register`.",
    ),
    # The count is the agreed meetings; {held} of them were held and registered.
    "guided.error.not_all_held.one": (
        "Gehouden en geregistreerd: {held} van de {count} afgesproken bijeenkomst. Rond af "
        "als die is geweest, of stop het traject voortijdig.",
        "Held and registered: {held} of the {count} agreed meeting. Complete when it took "
        "place, or stop the trajectory early.",
    ),
    "guided.error.not_all_held.other": (
        "Gehouden en geregistreerd: {held} van de {count} afgesproken bijeenkomsten. Rond af "
        "als ze allemaal zijn geweest, of stop het traject voortijdig.",
        "Held and registered: {held} of the {count} agreed meetings. Complete when all of them "
        "took place, or stop the trajectory early.",
    ),
    "guided.error.already_continued": (
        "Groep {number} gaat al zelfstandig verder.",
        "Group {number} already goes on by itself.",
    ),
    "guided.error.continue_running": (
        "Groep {number} kan zelfstandig verder zodra het traject is afgerond of gestopt.",
        "Group {number} can go on by itself once the trajectory is completed or stopped.",
    ),
    "guided.error.continue_handover": (
        "De begeleider is nog contactpersoon van groep {number}. Vraag het secretariaat eerst "
        "een deelnemer contactpersoon te maken.",
        "The supervisor is still the contact person of group {number}. Ask the secretariat to "
        "make a participant contact person first.",
    ),
}
