"""Catalogue: groups, the directory and enrollment. Each entry is (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "group.not_found": (
        "Er is geen intervisiegroep met nummer {number}. Controleer het nummer bij de "
        "contactpersoon, of zoek met `/intervisie groepen`.",
        "There is no intervisie group with number {number}. Check the number with the contact "
        "person, or search with `/intervisie groups`.",
    ),
    "group.not_found_by_id": (
        "Deze intervisiegroep bestaat niet (meer).",
        "This intervisie group does not exist (any more).",
    ),
    "group.not_manager": (
        "Alleen de contactpersoon van groep {number} (of het secretariaat) kan dit doen.",
        "Only the contact person of group {number} (or the secretariat) can do this.",
    ),
    # Help lines
    "help.cmd.create": (
        "`/intervisie nieuw` — start een intervisiegroep",
        "`/intervisie create` — start an intervisie group",
    ),
    "help.cmd.groups": (
        "`/intervisie groepen [zoekwoord]` — groepen die nieuwe deelnemers zoeken",
        "`/intervisie groups [search]` — groups looking for participants",
    ),
    "help.cmd.join": (
        "`/intervisie aanmelden 1234` — meld je aan bij groep 1234",
        "`/intervisie join 1234` — ask to join group 1234",
    ),
    "help.cmd.leave": (
        "`/intervisie verlaten 1234` — verlaat groep 1234",
        "`/intervisie leave 1234` — leave group 1234",
    ),
    # Group kinds, forms, status
    "group.kind.peer": ("Intervisiegroep", "Peer intervisie group"),
    "group.kind.guided": ("Begeleide intervisie", "Guided intervisie"),
    "group.form.physical": ("Fysiek", "In person"),
    "group.form.online": ("Online", "Online"),
    "group.form.hybrid": ("Hybride", "Hybrid"),
    "group.status.forming": ("in oprichting", "forming"),
    "group.status.active": ("actief", "active"),
    "group.status.full": ("vol", "full"),
    "group.yes": ("Ja", "Yes"),
    "group.no": ("Nee", "No"),
    # Create modal
    "group.create.title": ("Nieuwe groep", "New group"),
    "group.create.submit": ("Aanmaken", "Create"),
    "group.create.cancel": ("Annuleren", "Cancel"),
    "group.create.intro": (
        "Start een intervisiegroep. Je wordt zelf contactpersoon en eerste deelnemer; de groep "
        "krijgt meteen een groepsnummer.",
        "Start an intervisie group. You become its contact person and first participant; the "
        "group gets its number at once.",
    ),
    "group.create.name": ("Naam van de groep", "Group name"),
    "group.create.description": ("Korte omschrijving", "Short description"),
    "group.create.region": ("Regio of plaats", "Region or place"),
    "group.create.form": ("Vorm", "Form"),
    "group.create.kind": ("Soort", "Kind"),
    "group.create.supervisor": (
        "Begeleider (alleen bij begeleide intervisie)",
        "Supervisor (guided intervisie only)",
    ),
    "group.create.max_members": ("Maximaal aantal deelnemers", "Maximum number of participants"),
    "group.create.max_members_hint": (
        "Intervisiegroep: 5 tot 10, begeleide intervisie: 4 tot 8 (inclusief jezelf).",
        "Peer group: 5 to 10, guided intervisie: 4 to 8 (including yourself).",
    ),
    "group.create.open": ("Open voor aanmeldingen", "Open for requests"),
    "group.create.name_required": ("Geef de groep een naam.", "Give the group a name."),
    "group.create.too_long.one": (
        "Dit is te lang (maximaal {count} teken).",
        "This is too long (at most {count} character).",
    ),
    "group.create.too_long.other": (
        "Dit is te lang (maximaal {count} tekens).",
        "This is too long (at most {count} characters).",
    ),
    "group.create.supervisor_required": (
        "Een begeleide intervisiegroep heeft een begeleider: vul de naam in.",
        "A guided intervisie group has a supervisor: fill in the name.",
    ),
    "group.create.size_out_of_bounds.one": (
        "Voor deze soort groep kies je tussen {low} en {count} deelnemer.",
        "For this kind of group choose between {low} and {count} participant.",
    ),
    "group.create.size_out_of_bounds.other": (
        "Voor deze soort groep kies je tussen {low} en {count} deelnemers.",
        "For this kind of group choose between {low} and {count} participants.",
    ),
    "group.created.dm": (
        "Je intervisiegroep *{name}* is aangemaakt met groepsnummer *{number}*.\n"
        "Geef dit nummer door aan de deelnemers: zij melden zich aan met "
        "`/intervisie aanmelden {number}`. Jij krijgt dan een bericht om hun aanmelding te "
        "accorderen of af te wijzen. De groep staat nu in het overzicht (`/intervisie groepen`).",
        "Your intervisie group *{name}* has been created with group number *{number}*.\n"
        "Pass this number on to the participants: they ask to join with "
        "`/intervisie join {number}`. You then get a message to approve or reject their request. "
        "The group is now in the directory (`/intervisie groups`).",
    ),
    "group.created.minimum.one": (
        "Vanaf {count} deelnemer is de groep compleet genoeg om te starten.",
        "From {count} participant the group is complete enough to start.",
    ),
    "group.created.minimum.other": (
        "Vanaf {count} deelnemers is de groep compleet genoeg om te starten.",
        "From {count} participants the group is complete enough to start.",
    ),
    # The size of a group, where a sentence needs it as a phrase.
    "group.members.one": ("{count} deelnemer", "{count} participant"),
    "group.members.other": ("{count} deelnemers", "{count} participants"),
    "info.close": ("Sluiten", "Close"),
    # Directory
    "directory.title": ("Intervisiegroepen", "Intervisie groups"),
    "directory.intro": (
        "Groepen die aanmeldingen ontvangen ({total}). Meld je aan met de knop of met "
        "`/intervisie aanmelden <nummer>`.",
        "Groups open for requests ({total}). Ask to join with the button or with "
        "`/intervisie join <number>`.",
    ),
    "directory.filtered": ("Zoekwoord: _{query}_", "Search: _{query}_"),
    "directory.empty": (
        "Er zijn (nog) geen groepen die aanmeldingen ontvangen. Start er zelf een met "
        "`/intervisie nieuw`.",
        "There are no groups open for requests (yet). Start one with `/intervisie create`.",
    ),
    "directory.empty_filtered": (
        "Geen groepen gevonden voor _{query}_. Probeer een ander zoekwoord of "
        "`/intervisie groepen` zonder zoekwoord.",
        "No groups found for _{query}_. Try another search or `/intervisie groups` without one.",
    ),
    "directory.line": (
        "*{number} · {name}*\n{region} · {form} · {kind}\n{members_text}, {seats_text} · "
        "_{status}_",
        "*{number} · {name}*\n{region} · {form} · {kind}\n{members_text}, {seats_text} · "
        "_{status}_",
    ),
    "directory.seats.one": ("nog {count} plaats", "{count} seat left"),
    "directory.seats.other": ("nog {count} plaatsen", "{count} seats left"),
    "directory.no_region": ("geen regio", "no region"),
    "directory.join": ("Aanmelden", "Ask to join"),
    "directory.next": ("Volgende", "Next"),
    "directory.previous": ("Vorige", "Previous"),
    "directory.page": ("Pagina {page} van {pages}", "Page {page} of {pages}"),
    # Join
    "enroll.number_missing": (
        "Geef het groepsnummer mee, bijvoorbeeld `/intervisie aanmelden 1234`.",
        "Give the group number, for example `/intervisie join 1234`.",
    ),
    "enroll.number_invalid": (
        "_{given}_ is geen groepsnummer. Een groepsnummer bestaat uit cijfers, bijvoorbeeld 1234.",
        "_{given}_ is not a group number. A group number is digits only, for example 1234.",
    ),
    "enroll.already_member": (
        "Je bent al deelnemer van groep {number} ({name}).",
        "You are already a participant of group {number} ({name}).",
    ),
    "enroll.already_pending": (
        "Je hebt je al aangemeld bij groep {number} ({name}); de contactpersoon beslist nog.",
        "You have already asked to join group {number} ({name}); the contact person has not "
        "decided yet.",
    ),
    "enroll.closed": (
        "Groep {number} ({name}) neemt op dit moment geen aanmeldingen aan.",
        "Group {number} ({name}) is not taking requests at the moment.",
    ),
    "enroll.full.one": (
        "Groep {number} ({name}) is vol: er is al {count} deelnemer. Zoek een andere groep met "
        "`/intervisie groepen`.",
        "Group {number} ({name}) is full: it already has {count} participant. Find another group "
        "with `/intervisie groups`.",
    ),
    "enroll.full.other": (
        "Groep {number} ({name}) is vol: er zijn al {count} deelnemers. Zoek een andere groep met "
        "`/intervisie groepen`.",
        "Group {number} ({name}) is full: it already has {count} participants. Find another group "
        "with `/intervisie groups`.",
    ),
    "enroll.full_on_approve.one": (
        "Groep {number} is vol ({count} deelnemer): deze aanmelding kan niet meer worden "
        "geaccordeerd. Wijs haar af, of wacht tot iemand de groep verlaat.",
        "Group {number} is full ({count} participant): this request can no longer be approved. "
        "Reject it, or wait until someone leaves the group.",
    ),
    "enroll.full_on_approve.other": (
        "Groep {number} is vol ({count} deelnemers): deze aanmelding kan niet meer worden "
        "geaccordeerd. Wijs haar af, of wacht tot iemand de groep verlaat.",
        "Group {number} is full ({count} participants): this request can no longer be approved. "
        "Reject it, or wait until someone leaves the group.",
    ),
    "enroll.membership_unknown": (
        "Geef eerst aan of je LVV-lid bent of intervisiedeelnemer zonder LVV-lidmaatschap.",
        "First say whether you are an LVV member or an intervisie participant without LVV "
        "membership.",
    ),
    "enroll.request_not_found": (
        "Deze aanmelding bestaat niet (meer).",
        "This request does not exist (any more).",
    ),
    "enroll.already_decided": (
        "Over deze aanmelding is al beslist; er is niets veranderd.",
        "This request has already been decided; nothing was changed.",
    ),
    "enroll.sent": (
        "Je aanvraag voor groep *{number}* ({name}) is verstuurd. De contactpersoon beslist; "
        "je krijgt daarover een bericht.",
        "Your request to join group *{number}* ({name}) has been sent. The contact person "
        "decides; you'll get a message.",
    ),
    # Membership modal
    "membership.title": ("Je lidmaatschap", "Your membership"),
    "membership.submit": ("Aanmelden", "Ask to join"),
    "membership.intro": (
        "Je meldt je voor het eerst aan bij een intervisiegroep (groep *{number}*, {name}). "
        "Ben je lid van de LVV?",
        "This is your first request to join an intervisie group (group *{number}*, {name}). "
        "Are you an LVV member?",
    ),
    "membership.type": ("Lidmaatschap", "Membership"),
    "membership.member": ("LVV-lid", "LVV member"),
    "membership.participant": (
        "Intervisiedeelnemer zonder LVV-lidmaatschap",
        "Intervisie participant without LVV membership",
    ),
    "membership.fee": (
        "Als intervisiedeelnemer zonder LVV-lidmaatschap betaal je *€ {fee},- excl. btw per jaar*.",
        "As an intervisie participant without LVV membership you pay *€{fee} excl. VAT per year*.",
    ),
    "membership.member_number": ("Lidnummer (voor LVV-leden)", "Member number (LVV members)"),
    "enroll.member_number_required": (
        "Vul je LVV-lidnummer in.",
        "Fill in your LVV member number.",
    ),
    "enroll.member_number_too_long": (
        "Dit lidnummer is te lang.",
        "This member number is too long.",
    ),
    "membership.label.member": ("LVV-lid (lidnummer {number})", "LVV member (number {number})"),
    "membership.label.participant": (
        "intervisiedeelnemer zonder LVV-lidmaatschap (€ {fee},- excl. btw per jaar)",
        "intervisie participant without LVV membership (€{fee} excl. VAT per year)",
    ),
    "membership.label.unknown": ("lidmaatschap onbekend", "membership unknown"),
    # Request DM to the contact person
    "request.dm": (
        "*{requester}* wil deelnemen aan groep *{number}* ({name}).\nLidmaatschap: {membership}",
        "*{requester}* asks to join group *{number}* ({name}).\nMembership: {membership}",
    ),
    "request.size.one": (
        "De groep heeft nu {members} van maximaal {count} deelnemer.",
        "The group now has {members} of at most {count} participant.",
    ),
    "request.size.other": (
        "De groep heeft nu {members} van maximaal {count} deelnemers.",
        "The group now has {members} of at most {count} participants.",
    ),
    "request.approve": ("Accorderen", "Approve"),
    "request.reject": ("Afwijzen", "Reject"),
    "request.approved_line.one": (
        "✅ Geaccordeerd door {who} op {date} om {time}. De groep heeft nu {count} deelnemer "
        "({status}).",
        "✅ Approved by {who} on {date} at {time}. The group now has {count} participant "
        "({status}).",
    ),
    "request.approved_line.other": (
        "✅ Geaccordeerd door {who} op {date} om {time}. De groep heeft nu {count} deelnemers "
        "({status}).",
        "✅ Approved by {who} on {date} at {time}. The group now has {count} participants "
        "({status}).",
    ),
    "request.rejected_line": (
        "❌ Afgewezen door {who} op {date} om {time}.",
        "❌ Rejected by {who} on {date} at {time}.",
    ),
    "request.decided_ack": (
        "Je besluit over de aanmelding van {requester} is vastgelegd.",
        "Your decision on {requester}'s request has been recorded.",
    ),
    # Reject modal
    "reject.title": ("Aanmelding afwijzen", "Reject request"),
    "reject.submit": ("Afwijzen", "Reject"),
    "reject.intro": (
        "Je wijst de aanmelding van *{requester}* voor groep *{number}* af.",
        "You are rejecting *{requester}*'s request for group *{number}*.",
    ),
    "reject.reason": ("Reden", "Reason"),
    "reject.reason_hint": (
        "De aanvrager ziet deze reden. Schrijf geen inhoud van casussen.",
        "The requester sees this reason. Do not write any case content.",
    ),
    # Decision DMs to the requester
    "decision.welcome": (
        "Welkom! Je aanmelding voor intervisiegroep *{number}* ({name}) is geaccordeerd. "
        "De contactpersoon is {contact}.",
        "Welcome! Your request to join intervisie group *{number}* ({name}) has been approved. "
        "The contact person is {contact}.",
    ),
    "decision.meetings": ("*Gepland*", "*Planned*"),
    "decision.no_meetings": (
        "Er is nog geen bijeenkomst gepland. Zodra {contact} er een plant, krijg je een bericht "
        "met een agendabestand.",
        "No meeting has been planned yet. As soon as {contact} plans one, you get a message with "
        "a calendar file.",
    ),
    "decision.calendar": (
        "Zet de bijeenkomsten van al je groepen in je agenda met je persoonlijke agenda-link: "
        "<{url}|abonneren>. Wijzigingen komen dan vanzelf door. Deel de link niet: wie hem "
        "heeft, ziet je bijeenkomsten.",
        "Put the meetings of all your groups in your calendar with your personal calendar link: "
        "<{url}|subscribe>. Changes then come through by themselves. Do not share the link: "
        "whoever has it sees your meetings.",
    ),
    "decision.next_steps": (
        "Je krijgt vooraf een herinnering en na afloop een deelnamebewijs. Je groepen en "
        "bijeenkomsten staan onder *Mijn intervisie* (het tabblad Home van deze app).",
        "You get a reminder beforehand and a certificate of participation afterwards. Your groups "
        "and meetings are under *Mijn intervisie* (this app's Home tab).",
    ),
    "decision.rejected": (
        "Je aanmelding voor intervisiegroep *{number}* ({name}) is helaas afgewezen.",
        "Unfortunately your request to join intervisie group *{number}* ({name}) was rejected.",
    ),
    "decision.reason": ("Reden: {reason}", "Reason: {reason}"),
    "decision.other_groups": (
        "Zoek een andere groep met `/intervisie groepen`.",
        "Find another group with `/intervisie groups`.",
    ),
    # Leave
    "leave.not_member": (
        "Je bent geen deelnemer van groep {number}, dus je hoeft de groep niet te verlaten.",
        "You are not a participant of group {number}, so there is nothing to leave.",
    ),
    "leave.contact_person": (
        "Je bent contactpersoon van groep {number} en kunt de groep pas verlaten als er een "
        "opvolger is. Vraag het secretariaat om de contactpersoon te wijzigen.",
        "You are the contact person of group {number} and can only leave once there is a "
        "successor. Ask the secretariat to change the contact person.",
    ),
    "leave.confirm": (
        "Weet je zeker dat je groep *{number}* ({name}) wilt verlaten?",
        "Are you sure you want to leave group *{number}* ({name})?",
    ),
    # `/intervisie afmelden` still leaves a group for now; it will mean "I can't come" later.
    "leave.old_word": (
        "Let op: `/intervisie afmelden` gaat binnenkort betekenen dat je niet bij een bijeenkomst "
        "kunt zijn. Een groep verlaten doe je voortaan met `/intervisie verlaten {number}`.",
        "Note: `/intervisie afmelden` will soon mean that you cannot come to a meeting. To leave "
        "a group, use `/intervisie leave {number}` from now on.",
    ),
    "leave.yes": ("Ja, groep verlaten", "Yes, leave"),
    "leave.no": ("Nee, blijven", "No, stay"),
    "leave.cancelled": (
        "Je blijft deelnemer van groep {number}.",
        "You remain a participant of group {number}.",
    ),
    "leave.done": (
        "Je hebt groep *{number}* ({name}) verlaten.",
        "You have left group *{number}* ({name}).",
    ),
    "leave.notify_contact.one": (
        "*{who}* heeft groep *{number}* ({name}) verlaten. De groep heeft nu {count} deelnemer "
        "({status}).",
        "*{who}* has left group *{number}* ({name}). The group now has {count} participant "
        "({status}).",
    ),
    "leave.notify_contact.other": (
        "*{who}* heeft groep *{number}* ({name}) verlaten. De groep heeft nu {count} deelnemers "
        "({status}).",
        "*{who}* has left group *{number}* ({name}). The group now has {count} participants "
        "({status}).",
    ),
    # Home
    "home.groups.title": ("*Mijn groepen*", "*My groups*"),
    "home.groups.line.one": (
        "• *{number}* {name} — {members}/{count} deelnemer, _{status}_{lead}",
        "• *{number}* {name} — {members}/{count} participant, _{status}_{lead}",
    ),
    "home.groups.line.other": (
        "• *{number}* {name} — {members}/{count} deelnemers, _{status}_{lead}",
        "• *{number}* {name} — {members}/{count} participants, _{status}_{lead}",
    ),
    "home.groups.lead": (" · jij bent contactpersoon", " · you are the contact person"),
    "home.groups.pending": (
        "• *{number}* {name} — aanmelding wacht op de contactpersoon",
        "• *{number}* {name} — request waiting for the contact person",
    ),
    "home.groups.none": (
        "Je zit nog niet in een groep. Zoek er een met `/intervisie groepen` of start er een met "
        "`/intervisie nieuw`.",
        "You are not in a group yet. Find one with `/intervisie groups` or start one with "
        "`/intervisie create`.",
    ),
    "home.groups.more.one": ("… en nog {count} groep", "… and {count} more group"),
    "home.groups.more.other": ("… en nog {count} groepen", "… and {count} more groups"),
}
