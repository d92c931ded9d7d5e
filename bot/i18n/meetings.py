"""Catalogue: meetings, calendar feeds and reminders. Each entry is (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # Help lines
    "help.cmd.plan": (
        "`/intervisie plan 1234` — plan een bijeenkomst met methode en rollen (of snel: "
        "`/intervisie plan 1234 30-11-2026 09:00 2u incident [locatie]`; de methode komt na "
        "de duur, zie `/intervisie methodes`)",
        "`/intervisie plan 1234` — plan a meeting with its method and roles (or quickly: "
        "`/intervisie plan 1234 30-11-2026 09:00 2h incident [location]`; the method comes "
        "after the duration, see `/intervisie methods`)",
    ),
    "help.cmd.meetings": (
        "`/intervisie bijeenkomsten 1234` — geplande bijeenkomsten: wijzigen of annuleren",
        "`/intervisie meetings 1234` — planned meetings: change or cancel",
    ),
    "help.cmd.agenda": (
        "`/intervisie agenda` — je komende bijeenkomsten en je agenda-link "
        "(`/intervisie agenda reset` voor een nieuwe link)",
        "`/intervisie agenda` — your upcoming meetings and calendar link "
        "(`/intervisie agenda reset` for a new link)",
    ),
    "help.cmd.reminders": (
        "`/intervisie herinneringen 1234 48u 2u` — wanneer leden een herinnering krijgen",
        "`/intervisie reminders 1234 48h 2h` — when members get a reminder",
    ),
    # Input errors (inline in the modal, or as a reply to the quick form)
    "meeting.error.date_format": (
        "Typ de datum als dd-mm-jjjj, bijvoorbeeld 30-11-2026.",
        "Type the date as dd-mm-yyyy, for example 30-11-2026.",
    ),
    "meeting.error.date_nonexistent": (
        "De datum {value} bestaat niet. Controleer dag en maand.",
        "The date {value} does not exist. Check the day and month.",
    ),
    "meeting.error.time_format": (
        "Typ de begintijd als uu:mm, bijvoorbeeld 09:00.",
        "Type the start time as hh:mm, for example 09:00.",
    ),
    "meeting.error.time_nonexistent": (
        "De tijd {value} bestaat niet: uren gaan van 00 tot 23, minuten van 00 tot 59.",
        "The time {value} does not exist: hours run from 00 to 23, minutes from 00 to 59.",
    ),
    "meeting.error.time_skipped": (
        "{time} bestaat niet op {date}: die nacht gaat de klok een uur vooruit. "
        "Kies een andere tijd.",
        "{time} does not exist on {date}: the clocks go forward an hour that night. "
        "Choose another time.",
    ),
    "meeting.error.duration_format": (
        "Typ de duur als 2u, 1,5u of 90m.",
        "Type the duration as 2h, 1.5h or 90m.",
    ),
    "meeting.error.duration_zero": (
        "Een bijeenkomst duurt langer dan nul minuten.",
        "A meeting lasts longer than zero minutes.",
    ),
    "meeting.error.duration_too_long.one": (
        "Een bijeenkomst duurt hoogstens {count} uur.",
        "A meeting lasts at most {count} hour.",
    ),
    "meeting.error.duration_too_long.other": (
        "Een bijeenkomst duurt hoogstens {count} uur.",
        "A meeting lasts at most {count} hours.",
    ),
    "meeting.error.duration_step": (
        "Kies de duur in halve uren (1,5u, 2u, 2,5u …).",
        "Choose the duration in half hours (1.5h, 2h, 2.5h …).",
    ),
    "meeting.error.group_required": ("Kies een groep.", "Choose a group."),
    "meeting.quick_usage": (
        "Zo plan je snel: `/intervisie plan 1234 30-11-2026 09:00 2u [methode] [locatie]`. "
        "Of typ `/intervisie plan 1234` voor het formulier.",
        "Plan quickly like this: `/intervisie plan 1234 30-11-2026 09:00 2h [method] "
        "[location]`. Or type `/intervisie plan 1234` for the form.",
    ),
    "meeting.group_number_usage": (
        "Typ het groepsnummer erbij, bijvoorbeeld `/intervisie {sub} 1234`.",
        "Add the group number, for example `/intervisie {sub} 1234`.",
    ),
    "meeting.no_groups": (
        "Je bent geen contactpersoon van een intervisiegroep. Alleen de contactpersoon plant "
        "bijeenkomsten; je komende bijeenkomsten zie je met `/intervisie agenda`.",
        "You are not the contact person of an intervisie group. Only the contact person plans "
        "meetings; see your upcoming meetings with `/intervisie agenda`.",
    ),
    "meeting.not_found": (
        "Deze bijeenkomst bestaat niet (meer).",
        "This meeting does not exist (any more).",
    ),
    "meeting.already_cancelled": (
        "Deze bijeenkomst is al geannuleerd.",
        "This meeting has already been cancelled.",
    ),
    "meeting.already_registered": (
        "Van deze bijeenkomst is de aanwezigheid al geregistreerd; wijzigen kan via de registratie.",
        "Attendance of this meeting has been registered; change it through the registration.",
    ),
    # Modal
    "meeting.modal.title_new": ("Nieuwe bijeenkomst", "New meeting"),
    "meeting.modal.title_edit": ("Bijeenkomst wijzigen", "Change meeting"),
    "meeting.modal.submit": ("Opslaan", "Save"),
    "meeting.modal.close": ("Annuleren", "Cancel"),
    "meeting.modal.group": ("Groep", "Group"),
    "meeting.modal.group_option": ("{number} {name}", "{number} {name}"),
    "meeting.modal.date": ("Datum (dd-mm-jjjj)", "Date (dd-mm-yyyy)"),
    "meeting.modal.date_hint": (
        "Een datum in het verleden mag ook: dan registreer je daarna meteen de aanwezigheid.",
        "A date in the past is fine too: you then register attendance right away.",
    ),
    "meeting.modal.start": ("Begintijd (uu:mm)", "Start time (hh:mm)"),
    "meeting.modal.duration": ("Duur", "Duration"),
    "meeting.modal.place": ("Locatie of online link", "Location or online link"),
    "meeting.modal.theme": ("Thema", "Theme"),
    "meeting.modal.theme_hint": (
        "Alleen een algemeen thema, nooit de inhoud van een casus: die blijft in de groep.",
        "A general theme only, never the content of a case: that stays within the group.",
    ),
    # Messages to members and the contact person
    "meeting.where": (" — {place}", " — {place}"),
    "meeting.short_when": ("{date} {time} ({duration})", "{date} {time} ({duration})"),
    "meeting.dm.planned": (
        "Nieuwe bijeenkomst van intervisiegroep {number} {name}: {when}",
        "New meeting of intervisie group {number} {name}: {when}",
    ),
    "meeting.dm.changed": (
        "Gewijzigd: de bijeenkomst van intervisiegroep {number} {name} is nu {when}",
        "Changed: the meeting of intervisie group {number} {name} is now {when}",
    ),
    "meeting.dm.cancelled": (
        "Geannuleerd: de bijeenkomst van intervisiegroep {number} {name} op {when} gaat niet door",
        "Cancelled: the meeting of intervisie group {number} {name} on {when} will not take place",
    ),
    "meeting.ics_title": ("Bijeenkomst groep {number} {date}", "Meeting group {number} {date}"),
    "meeting.ics_summary": (
        "Intervisie {name} (groep {number})",
        "Intervisie {name} (group {number})",
    ),
    "meeting.ics_theme": ("Thema: {theme}", "Theme: {theme}"),
    "meeting.ics_method": ("Methode: {method}", "Method: {method}"),
    "meeting.planned_ok": (
        "Bijeenkomst gepland: {when}. De leden krijgen een bericht met een agendabestand.",
        "Meeting planned: {when}. Members get a message with a calendar file.",
    ),
    "meeting.changed_ok": (
        "Bijeenkomst gewijzigd: {when}. De leden krijgen een bericht.",
        "Meeting changed: {when}. Members are told.",
    ),
    "meeting.unchanged": ("Er is niets gewijzigd.", "Nothing was changed."),
    "meeting.cancelled_ok": (
        "Bijeenkomst van {when} geannuleerd. De leden krijgen een bericht.",
        "Meeting of {when} cancelled. Members are told.",
    ),
    "meeting.past_register": (
        "Bijeenkomst met terugwerkende kracht toegevoegd: {when}. Registreer de aanwezigheid "
        "met `/intervisie registreer`.",
        "Meeting added retroactively: {when}. Register attendance with `/intervisie registreer`.",
    ),
    # List of planned meetings
    "meeting.list.title": (
        "*Geplande bijeenkomsten van groep {number} {name}*",
        "*Planned meetings of group {number} {name}*",
    ),
    "meeting.list.empty": (
        "Er zijn geen geplande bijeenkomsten. Plan er een met `/intervisie plan {number}`.",
        "There are no planned meetings. Plan one with `/intervisie plan {number}`.",
    ),
    "meeting.list.awaiting": (
        " · _aanwezigheid nog niet geregistreerd_",
        " · _attendance not yet registered_",
    ),
    "meeting.list.feed": (
        "Agenda-feed van de groep: <{url}|abonneren>",
        "The group's calendar feed: <{url}|subscribe>",
    ),
    "meeting.button.edit": ("Wijzigen", "Change"),
    # Cancelling a meeting, told apart from "Annuleren" that closes a form.
    "meeting.button.cancel": ("Bijeenkomst annuleren", "Cancel meeting"),
    "meeting.confirm.title": ("Bijeenkomst annuleren?", "Cancel the meeting?"),
    "meeting.confirm.text": (
        "De bijeenkomst van {when} wordt geannuleerd; alle leden krijgen bericht.",
        "The meeting of {when} is cancelled; every member is told.",
    ),
    "meeting.confirm.yes": ("Ja, annuleren", "Yes, cancel it"),
    "meeting.confirm.no": ("Terug", "Back"),
    # Calendar
    "agenda.title": ("*Agenda*", "*Calendar*"),
    "agenda.feed_name": ("Intervisie", "Intervisie"),
    "agenda.feed": (
        "Je persoonlijke agenda-link (alle groepen): <{url}|abonneren>\n`{url}`\n"
        "Voeg hem toe in je agenda-app als abonnement; wijzigingen komen vanzelf door. "
        "Deel de link niet: wie hem heeft, ziet je bijeenkomsten. "
        "Een nieuwe link: `/intervisie agenda reset`.",
        "Your personal calendar link (all groups): <{url}|subscribe>\n`{url}`\n"
        "Add it to your calendar app as a subscription; changes come through by themselves. "
        "Do not share it: whoever has it sees your meetings. "
        "A new link: `/intervisie agenda reset`.",
    ),
    "agenda.reset_done": (
        "Je hebt een nieuwe agenda-link. De oude werkt niet meer; abonneer je opnieuw.",
        "You have a new calendar link. The old one no longer works; subscribe again.",
    ),
    "agenda.upcoming": ("*Komende bijeenkomsten*", "*Upcoming meetings*"),
    "agenda.upcoming_none": ("Geen komende bijeenkomsten.", "No upcoming meetings."),
    "agenda.item": ("• {when} — groep {number} {name}", "• {when} — group {number} {name}"),
    # Reminder settings
    "reminders.current": (
        "Leden van groep {number} krijgen een herinnering {leads} voor elke bijeenkomst. "
        "Wijzigen: `/intervisie herinneringen {number} 48u 2u` (of `geen`).",
        "Members of group {number} get a reminder {leads} before each meeting. "
        "Change: `/intervisie reminders {number} 48h 2h` (or `none`).",
    ),
    "reminders.none": (
        "Leden van groep {number} krijgen geen herinneringen. Aanzetten: "
        "`/intervisie herinneringen {number} 48u 2u`.",
        "Members of group {number} get no reminders. Turn them on: "
        "`/intervisie reminders {number} 48h 2h`.",
    ),
    "reminders.and": (" en ", " and "),
    "reminders.error.lead_format": (
        "Ik begrijp de tijd {value} niet. Typ bijvoorbeeld 48u, 2u, 2d of 90m.",
        "I don't understand the time {value}. Type for example 48h, 2h, 2d or 90m.",
    ),
    "reminders.error.lead_range": (
        "Een herinnering komt tussen 15 minuten en 14 dagen van tevoren ({value} kan niet).",
        "A reminder comes between 15 minutes and 14 days ahead ({value} is not possible).",
    ),
    "reminders.error.too_many.one": (
        "Kies hoogstens {count} herinnering.",
        "Choose at most {count} reminder.",
    ),
    "reminders.error.too_many.other": (
        "Kies hoogstens {count} herinneringen.",
        "Choose at most {count} reminders.",
    ),
    "reminder.dm.before": (
        "Herinnering: intervisiegroep {number} {name} komt samen op {when}",
        "Reminder: intervisie group {number} {name} meets on {when}",
    ),
    "reminder.dm.register": (
        "De bijeenkomst van intervisiegroep {number} {name} op {when} is voorbij, maar de "
        "aanwezigheid is nog niet geregistreerd. Doe dat met `/intervisie registreer`, dan "
        "krijgen de deelnemers hun deelnamebewijs.",
        "The meeting of intervisie group {number} {name} on {when} is over, but attendance has "
        "not been registered yet. Do so with `/intervisie registreer` so participants get their "
        "certificate.",
    ),
}
