"""Catalogue: the group's page and its life (edit, remove a member, the deputy, end and reopen, the
signed verslag). Each entry is (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.cmd.group": (
        "`/intervisie groep 1234` — de pagina van je groep: deelnemers, bijeenkomsten en "
        "verslagen; voor de contactpersoon ook wijzigen, een deelnemer verwijderen, de "
        "plaatsvervanger en beëindigen",
        "`/intervisie group 1234` — your group's page: participants, meetings and reports; for "
        "the contact person also edit, remove a participant, the deputy and end the group",
    ),
    # Rights and refusals
    "life.not_lead": (
        "Alleen de contactpersoon van groep {number} of het secretariaat kan dit doen.",
        "Only the contact person of group {number} or the secretariat can do this.",
    ),
    "life.ended": (
        "Groep {number} ({name}) is beëindigd: er worden geen bijeenkomsten meer gepland en "
        "geen aanmeldingen meer aangenomen. Alleen het secretariaat kan de groep heropenen.",
        "Group {number} ({name}) has ended: no more meetings are planned and no requests are "
        "taken. Only the secretariat can reopen the group.",
    ),
    "life.page.not_member": (
        "De pagina van groep {number} is alleen voor de deelnemers. Zoek een groep met "
        "`/intervisie groepen`.",
        "The page of group {number} is for its participants only. Find a group with "
        "`/intervisie groups`.",
    ),
    "life.person_not_found": (
        "Deze persoon kennen we niet in deze werkruimte.",
        "This person is not known in this workspace.",
    ),
    "life.remove.contact_person": (
        "De contactpersoon kan niet uit groep {number} worden verwijderd. Stopt de "
        "contactpersoon? Dan wijzigt het secretariaat eerst de contactpersoon.",
        "The contact person cannot be removed from group {number}. Is the contact person "
        "stopping? Then the secretariat changes the contact person first.",
    ),
    "life.remove.not_member": (
        "{who} is geen deelnemer van groep {number}; er is niets veranderd.",
        "{who} is not a participant of group {number}; nothing was changed.",
    ),
    "life.remove.nobody": (
        "Groep {number} heeft geen deelnemers die je kunt verwijderen: de contactpersoon blijft.",
        "Group {number} has no participants you can remove: the contact person stays.",
    ),
    "life.remove.member_needed": ("Kies wie je verwijdert.", "Choose whom to remove."),
    "life.remove.reason_needed": ("Kies een reden.", "Choose a reason."),
    "life.remove.confirm_needed": (
        "Vink aan dat je deze deelnemer echt wilt verwijderen.",
        "Tick the box to confirm you want to remove this participant.",
    ),
    "life.deputy.none": (
        "Groep {number} heeft geen plaatsvervanger; er is niets veranderd.",
        "Group {number} has no deputy; nothing was changed.",
    ),
    "life.deputy.is_contact": (
        "De contactpersoon kan niet ook plaatsvervanger zijn. Kies een andere deelnemer van "
        "groep {number}.",
        "The contact person cannot also be the deputy. Choose another participant of group "
        "{number}.",
    ),
    "life.deputy.not_member": (
        "{who} is geen deelnemer van groep {number}. De plaatsvervanger is altijd een "
        "deelnemer van de groep.",
        "{who} is not a participant of group {number}. The deputy is always a participant of "
        "the group.",
    ),
    "life.deputy.already": (
        "{who} is al plaatsvervanger van groep {number}.",
        "{who} already is the deputy of group {number}.",
    ),
    "life.end.already": (
        "Groep {number} is al beëindigd; er is niets veranderd.",
        "Group {number} has already ended; nothing was changed.",
    ),
    "life.reopen.not_ended": (
        "Groep {number} is niet beëindigd; heropenen is niet nodig.",
        "Group {number} has not ended; there is nothing to reopen.",
    ),
    "life.verslag.not_present": (
        "Alleen wie bij de bijeenkomst aanwezig was, bevestigt het verslag.",
        "Only those present at the meeting confirm its report.",
    ),
    # The page
    "life.page.header": ("Groep {number} · {name}", "Group {number} · {name}"),
    "life.page.cut": (
        "Niet alles past op deze pagina; de rest vind je met de andere opdrachten.",
        "Not everything fits on this page; find the rest with the other commands.",
    ),
    "life.page.description": ("_{description}_", "_{description}_"),
    "life.page.facts": ("{region} · {form} · {kind}", "{region} · {form} · {kind}"),
    "life.page.status": ("*Status:* {status}", "*Status:* {status}"),
    "life.page.members.one": (
        "{count} deelnemer (maximaal {max})",
        "{count} participant (at most {max})",
    ),
    "life.page.members.other": (
        "{count} deelnemers (maximaal {max})",
        "{count} participants (at most {max})",
    ),
    "life.page.people": (
        "*Contactpersoon:* {contact}\n*Plaatsvervanger:* {deputy}",
        "*Contact person:* {contact}\n*Deputy:* {deputy}",
    ),
    "life.page.no_deputy": ("geen", "none"),
    "life.page.open": ("Open voor aanmeldingen.", "Open for requests."),
    "life.page.closed": ("Gesloten voor aanmeldingen.", "Closed for requests."),
    "life.page.ended": (
        "⏹ Beëindigd op {date}. De groep blijft in je overzicht en je deelnamebewijzen blijven "
        "geldig.",
        "⏹ Ended on {date}. The group stays in your overview and your certificates stay valid.",
    ),
    "life.page.members_title": ("*Deelnemers*", "*Participants*"),
    "life.page.requests_title": ("*Aanmeldingen*", "*Requests*"),
    "life.page.request_line": (
        "*{requester}* · aangemeld op {date} · {membership}",
        "*{requester}* · asked on {date} · {membership}",
    ),
    "life.page.requests_more.one": (
        "… en nog {count} aanmelding",
        "… and {count} more request",
    ),
    "life.page.requests_more.other": (
        "… en nog {count} aanmeldingen",
        "… and {count} more requests",
    ),
    "life.page.meetings_title": ("*Geplande bijeenkomsten*", "*Planned meetings*"),
    "life.page.no_meetings": ("Er zijn geen bijeenkomsten gepland.", "No meetings are planned."),
    "life.page.meeting_line": ("• {when}", "• {when}"),
    "life.page.feed": (
        "<{url}|Agenda-feed van de groep>: abonneer je erop in je agenda-app, dan staan "
        "wijzigingen er vanzelf in.",
        "<{url}|The group's calendar feed>: subscribe to it in your calendar app and changes "
        "appear there by themselves.",
    ),
    "life.page.verslag_title": ("*Verslag getekend*", "*Report signed*"),
    "life.page.verslag_off": (
        "Deze groep vraagt niet na of het verslag is getekend.",
        "This group does not ask whether the report was signed.",
    ),
    "life.page.verslag_none": (
        "Nog geen bijeenkomsten met geregistreerde aanwezigheid.",
        "No meetings with registered attendance yet.",
    ),
    "life.page.verslag_line": ("• {date}: {confirmed_text}", "• {date}: {confirmed_text}"),
    "life.page.verslag_count.one": (
        "{confirmed} van {count} aanwezige bevestigd",
        "{confirmed} of {count} present confirmed",
    ),
    "life.page.verslag_count.other": (
        "{confirmed} van {count} aanwezigen bevestigd",
        "{confirmed} of {count} present confirmed",
    ),
    "life.page.approved": (
        "De aanmelding van {requester} is geaccordeerd.",
        "{requester}'s request has been approved.",
    ),
    "life.members.one": ("{count} deelnemer", "{count} participant"),
    "life.members.other": ("{count} deelnemers", "{count} participants"),
    # Buttons
    "life.button.edit": ("Groep wijzigen", "Edit group"),
    "life.button.remove": ("Deelnemer verwijderen", "Remove a participant"),
    "life.button.deputy": ("Plaatsvervanger", "Deputy"),
    "life.button.end": ("Groep beëindigen", "End the group"),
    "life.button.reopen": ("Groep heropenen", "Reopen the group"),
    "life.end.confirm_title": ("Groep beëindigen?", "End the group?"),
    "life.end.confirm_text": (
        "Groep {number} plant daarna geen bijeenkomsten meer en neemt geen aanmeldingen aan; "
        "geplande bijeenkomsten worden geannuleerd. Deelnamebewijzen blijven geldig. Het "
        "secretariaat kan de groep heropenen.",
        "Group {number} will then plan no meetings and take no requests; planned meetings are "
        "cancelled. Certificates stay valid. The secretariat can reopen the group.",
    ),
    "life.end.confirm_yes": ("Beëindigen", "End"),
    "life.end.done": (
        "Groep {number} is beëindigd. De deelnemers hebben bericht gekregen.",
        "Group {number} has ended. The participants have been told.",
    ),
    "life.reopen.done": (
        "Groep {number} is heropend. De deelnemers hebben bericht gekregen.",
        "Group {number} has been reopened. The participants have been told.",
    ),
    "life.info.title": ("Groepspagina", "Group page"),
    # Edit modal
    "life.edit.title": ("Groep wijzigen", "Edit group"),
    "life.edit.submit": ("Opslaan", "Save"),
    "life.edit.intro": (
        "Je wijzigt groep *{number}*. Deelnemers krijgen bericht van een nieuwe naam, vorm of "
        "regio.",
        "You are editing group *{number}*. Participants are told of a new name, form or region.",
    ),
    "life.edit.open_hint": (
        "Sluit je de groep voor aanmeldingen, dan vervallen de aanmeldingen die nog wachten; "
        "de aanvragers krijgen bericht.",
        "If you close the group for requests, the requests still waiting lapse; the requesters "
        "are told.",
    ),
    "life.edit.verslag": (
        "Deelnemers vragen of ze het verslag hebben getekend?",
        "Ask participants whether they signed the report?",
    ),
    "life.edit.verslag_hint": (
        "Na elke registratie krijgen de aanwezigen een bericht met één knop. Alleen dát ze "
        "hebben getekend wordt vastgelegd, nooit het verslag zelf.",
        "After each registration those present get a message with one button. Only that they "
        "signed is recorded, never the report itself.",
    ),
    "life.edit.done": ("Groep {number} is bijgewerkt.", "Group {number} has been updated."),
    "life.edit.unchanged": ("Er is niets gewijzigd.", "Nothing was changed."),
    "life.edit.lapsed.one": (
        "{count} aanmelding is vervallen; de aanvrager heeft bericht gekregen.",
        "{count} request lapsed; the requester has been told.",
    ),
    "life.edit.lapsed.other": (
        "{count} aanmeldingen zijn vervallen; de aanvragers hebben bericht gekregen.",
        "{count} requests lapsed; the requesters have been told.",
    ),
    "life.edit.told.one": (
        "{count} deelnemer heeft bericht gekregen van de wijziging.",
        "{count} participant has been told of the change.",
    ),
    "life.edit.told.other": (
        "{count} deelnemers hebben bericht gekregen van de wijziging.",
        "{count} participants have been told of the change.",
    ),
    # Remove modal
    "life.remove.title": ("Deelnemer verwijderen", "Remove participant"),
    "life.remove.submit": ("Verwijderen", "Remove"),
    "life.remove.intro": (
        "Je haalt een deelnemer uit groep *{number}* ({name}). Diegene krijgt daarover een "
        "bericht en houdt de deelnamebewijzen en uren.",
        "You are removing a participant from group *{number}* ({name}). They are told, and they "
        "keep their certificates and hours.",
    ),
    "life.remove.member": ("Deelnemer", "Participant"),
    "life.remove.reason": ("Reden", "Reason"),
    "life.remove.reason_hint": (
        "De deelnemer ziet deze reden. Er wordt alleen de categorie vastgelegd.",
        "The participant sees this reason. Only the category is recorded.",
    ),
    "life.remove.confirm": ("Bevestiging", "Confirmation"),
    "life.remove.confirm_option": (
        "Ja, verwijder deze deelnemer uit de groep",
        "Yes, remove this participant from the group",
    ),
    "life.remove.done": (
        "{who} is uit groep {number} verwijderd en heeft bericht gekregen. De groep heeft nu "
        "{members} ({status}).",
        "{who} has been removed from group {number} and has been told. The group now has "
        "{members} ({status}).",
    ),
    "life.reason.left_job": (
        "Gestopt in de functie (bijvoorbeeld van baan gewisseld)",
        "No longer in the role (for example a new job)",
    ),
    "life.reason.own_request": ("Op eigen verzoek", "At their own request"),
    "life.reason.absent": (
        "Komt niet meer naar de bijeenkomsten",
        "No longer comes to the meetings",
    ),
    "life.reason.agreements": (
        "Houdt zich niet aan de afspraken van de groep",
        "Does not keep to the group's agreements",
    ),
    "life.reason.other_reason": ("Andere reden", "Another reason"),
    # Deputy modal
    "life.deputy.title": ("Plaatsvervanger", "Deputy"),
    "life.deputy.intro": (
        "De plaatsvervangend contactpersoon van groep *{number}* ({name}) kan bijeenkomsten "
        "plannen, de aanwezigheid registreren en aanmeldingen beoordelen. Het wijzigen van de "
        "contactpersoon blijft bij het secretariaat.",
        "The deputy contact person of group *{number}* ({name}) can plan meetings, register "
        "attendance and decide requests. Changing the contact person stays with the secretariat.",
    ),
    "life.deputy.label": ("Plaatsvervangend contactpersoon", "Deputy contact person"),
    "life.deputy.hint": (
        "Kies een deelnemer van de groep. Laat het veld leeg als er geen plaatsvervanger is.",
        "Choose a participant of the group. Leave it empty for no deputy.",
    ),
    "life.deputy.done": (
        "{who} is nu plaatsvervanger van groep {number} en heeft bericht gekregen.",
        "{who} is now the deputy of group {number} and has been told.",
    ),
    "life.deputy.cleared": (
        "Groep {number} heeft geen plaatsvervanger meer.",
        "Group {number} no longer has a deputy.",
    ),
    # DMs
    "life.dm.edited": ("Groep *{number}* is gewijzigd:", "Group *{number}* has changed:"),
    "life.dm.edited.name": ("• nieuwe naam: *{value}*", "• new name: *{value}*"),
    "life.dm.edited.form": ("• vorm: {value}", "• form: {value}"),
    "life.dm.edited.region": ("• regio: {value}", "• region: {value}"),
    "life.dm.removed": (
        "{who} heeft je uit intervisiegroep *{number}* ({name}) verwijderd. Reden: {reason}.\n"
        "Je deelnamebewijzen en uren blijven van jou; je vindt ze onder *Mijn intervisie*. De "
        "bijeenkomsten van de groep verdwijnen uit je agenda-feed. Heb je ze zelf in je agenda "
        "gezet, haal ze daar dan weg.",
        "{who} has removed you from intervisie group *{number}* ({name}). Reason: {reason}.\n"
        "Your certificates and hours remain yours; find them under *Mijn intervisie*. The "
        "group's meetings disappear from your calendar feed. If you added them to your calendar "
        "yourself, remove them there.",
    ),
    "life.dm.removed_contact": (
        "{who} heeft *{member_name}* uit groep *{number}* verwijderd (reden: {reason}). De groep "
        "heeft nu {members} ({status}).",
        "{who} has removed *{member_name}* from group *{number}* (reason: {reason}). The group "
        "now has {members} ({status}).",
    ),
    "life.dm.deputy_new": (
        "Je bent nu plaatsvervangend contactpersoon van groep *{number}* ({name}). Je kunt "
        "bijeenkomsten plannen (`/intervisie plan {number}`), de aanwezigheid registreren "
        "(`/intervisie registreer {number}`) en aanmeldingen beoordelen; nieuwe aanmeldingen "
        "krijg je voortaan ook zelf.",
        "You are now the deputy contact person of group *{number}* ({name}). You can plan "
        "meetings (`/intervisie plan {number}`), register attendance (`/intervisie register "
        "{number}`) and decide requests; from now on you also get new requests yourself.",
    ),
    "life.dm.deputy_old": (
        "Je bent niet langer plaatsvervangend contactpersoon van groep *{number}* ({name}); je "
        "blijft deelnemer.",
        "You are no longer the deputy contact person of group *{number}* ({name}); you remain a "
        "participant.",
    ),
    "life.dm.deputy_contact": (
        "De plaatsvervanger van groep *{number}* ({name}) is nu {who}.",
        "The deputy of group *{number}* ({name}) is now {who}.",
    ),
    "life.dm.deputy_none": (
        "Groep *{number}* ({name}) heeft geen plaatsvervanger meer.",
        "Group *{number}* ({name}) no longer has a deputy.",
    ),
    "life.dm.ended": (
        "Intervisiegroep *{number}* ({name}) is beëindigd door {who}. Er worden geen "
        "bijeenkomsten meer gepland. De groep blijft in je overzicht en je deelnamebewijzen "
        "blijven geldig.",
        "Intervisie group *{number}* ({name}) has been ended by {who}. No more meetings will be "
        "planned. The group stays in your overview and your certificates stay valid.",
    ),
    "life.dm.reopened": (
        "Intervisiegroep *{number}* ({name}) is heropend door het secretariaat. Er kunnen weer "
        "bijeenkomsten worden gepland.",
        "Intervisie group *{number}* ({name}) has been reopened by the secretariat. Meetings can "
        "be planned again.",
    ),
    "life.dm.request_ended.closed": (
        "Groep *{number}* ({name}) neemt geen aanmeldingen meer aan, daarom is je aanmelding "
        "vervallen. Zoek een andere groep met `/intervisie groepen`.",
        "Group *{number}* ({name}) no longer takes requests, so your request has lapsed. Find "
        "another group with `/intervisie groups`.",
    ),
    "life.dm.request_ended.ended": (
        "Groep *{number}* ({name}) is beëindigd, daarom is je aanmelding vervallen. Zoek een "
        "andere groep met `/intervisie groepen`.",
        "Group *{number}* ({name}) has ended, so your request has lapsed. Find another group "
        "with `/intervisie groups`.",
    ),
    "life.request.lapsed.closed": (
        "⏹ Vervallen op {date}: de groep is gesloten voor aanmeldingen.",
        "⏹ Lapsed on {date}: the group closed for requests.",
    ),
    "life.request.lapsed.ended": (
        "⏹ Vervallen op {date}: de groep is beëindigd.",
        "⏹ Lapsed on {date}: the group has ended.",
    ),
    # The signed verslag
    "life.verslag.ask": (
        "Heb je het verslag van {date} getekend?",
        "Did you sign the report of {date}?",
    ),
    "life.verslag.note": (
        "Groep {number} · {name}. Het verslag bewaar je zelf; Intervisie legt alleen vast dát "
        "je het hebt getekend.",
        "Group {number} · {name}. You keep the report yourself; Intervisie only records that you "
        "signed it.",
    ),
    "life.verslag.button": ("Ja, getekend", "Yes, signed"),
    "life.verslag.confirmed": (
        "✅ Bevestigd op {date} om {time}.",
        "✅ Confirmed on {date} at {time}.",
    ),
}
