"""Catalogue: joining a group, the membership question, the request to the contact person, the
decision, leaving. Each entry is (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
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
        "Geef eerst aan of je lid bent van de vereniging of intervisiedeelnemer zonder "
        "lidmaatschap.",
        "First say whether you are a member of the association or a participant without "
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
        "Ben je {member}?",
        "This is your first request to join an intervisie group (group *{number}*, {name}). "
        "Are you {member}?",
    ),
    "membership.type": ("Lidmaatschap", "Membership"),
    "membership.participant": (
        "Intervisiedeelnemer {without_text}",
        "Intervisie participant {without_text}",
    ),
    "membership.fee": (
        "Als intervisiedeelnemer {without_text} betaal je *€ {fee},- excl. btw per jaar*.",
        "As an intervisie participant {without_text} you pay *€{fee} excl. VAT per year*.",
    ),
    "membership.member_number_hint": ("Alleen voor leden.", "Members only."),
    "enroll.member_number_required": (
        "Vul je lidnummer in.",
        "Fill in your member number.",
    ),
    "enroll.member_number_too_long": (
        "Dit lidnummer is te lang.",
        "This member number is too long.",
    ),
    "membership.label.member": (
        "{member_option} (lidnummer {number})",
        "{member_option} (number {number})",
    ),
    "membership.label.participant": (
        "intervisiedeelnemer {without_text} (€ {fee},- excl. btw per jaar)",
        "intervisie participant {without_text} (€{fee} excl. VAT per year)",
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
    "decision.no_meetings.guided": (
        "Er is nog geen bijeenkomst gepland. Zodra {supervisor_name} (begeleider) er een plant, "
        "krijg je een bericht met een agendabestand.",
        "No meeting has been planned yet. As soon as {supervisor_name} (supervisor) plans one, "
        "you get a message with a calendar file.",
    ),
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
