"""Catalogue: attendance, roles, certificates, verification and recertification. (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- help lines ------------------------------------------------------------------------------
    "help.cmd.register": (
        "`/intervisie registreer 1234` — aanwezigheid en rollen van de laatste bijeenkomst "
        "invoeren (contactpersoon)",
        "`/intervisie register 1234` — enter attendance and roles of the latest meeting "
        "(contact person)",
    ),
    "help.cmd.hours": (
        "`/intervisie uren` — je uren voor de hercertificering; `uren start 01-01-2025` zet het "
        "begin van je periode (anders: dit kalenderjaar en de drie ervoor); `uren pdf` stuurt een "
        "overzicht, `uren dossier` het overzicht met al je deelnamebewijzen in één pdf",
        "`/intervisie hours` — your hours for recertification; `hours start 01-01-2025` sets the "
        "start of your period (otherwise: this calendar year and the three before); `hours pdf` "
        "sends an overview, `hours file` the overview with all your certificates in one PDF",
    ),
    "help.cmd.certificates": (
        "`/intervisie bewijzen` — je deelnamebewijzen, opnieuw te versturen",
        "`/intervisie certificates` — your certificates of participation, to send again",
    ),
    "help.cmd.roles": (
        "`/intervisie rollen 1234` — de rolwisseling van je groep: wie was al inbrenger en "
        "facilitator, wie is ingepland en wie is de volgende (`rollen 1234 periode 6` zet de "
        "periode, contactpersoon)",
        "`/intervisie roles 1234` — your group's role rotation: who has been presenter and "
        "facilitator, who is planned and who is next (`roles 1234 period 6` sets the period, "
        "contact person)",
    ),
    # -- roles -------------------------------------------------------------------------------------
    "role.absent": ("Afwezig", "Absent"),
    "role.participant": ("Deelnemer", "Participant"),
    "role.facilitator": ("Facilitator", "Facilitator"),
    "role.presenter": ("Inbrenger", "Presenter"),
    # The same roles inside a sentence or a list, where Dutch writes them in lower case.
    "role.in_text.participant": ("deelnemer", "participant"),
    "role.in_text.facilitator": ("facilitator", "facilitator"),
    "role.in_text.presenter": ("inbrenger", "presenter"),
    # -- registration ------------------------------------------------------------------------------
    "attendance.modal.title": ("Deelnameregistratie", "Attendance"),
    "attendance.modal.submit": ("Invoeren", "Submit"),
    "attendance.modal.close": ("Annuleren", "Cancel"),
    "attendance.modal.intro": (
        "*Groep {number} — {name}*\nBijeenkomst van {date}, {start}–{end}.\nKies per lid "
        "afwezig of de rol. Elk aanwezig lid krijgt een deelnamebewijs in een DM.",
        "*Group {number} — {name}*\nMeeting of {date}, {start}–{end}.\nChoose absent or the "
        "role for each member. Every member present gets a certificate in a DM.",
    ),
    "attendance.modal.correction": (
        ":pencil2: Deze bijeenkomst is al geregistreerd op {date}. Wat je nu invoert vervangt "
        "de registratie: wie iets verandert krijgt een nieuw bewijs, het oude vervalt.",
        ":pencil2: This meeting was registered on {date}. What you enter now replaces it: who "
        "changes gets a new certificate and the old one is superseded.",
    ),
    "attendance.modal.duration": ("Netto duur", "Net duration"),
    "attendance.modal.duration_hint": (
        "De tijd die echt aan intervisie is besteed (telt voor de hercertificering).",
        "The time actually spent on intervisie (counts towards recertification).",
    ),
    "attendance.modal.rotation": (
        "*Rolwisseling {start} – {end}*\nNog geen inbrenger: {presenters}\n"
        "Nog geen facilitator: {facilitators}",
        "*Role rotation {start} – {end}*\nNot yet presenter: {presenters}\n"
        "Not yet facilitator: {facilitators}",
    ),
    "attendance.modal.nobody": ("iedereen is al aan de beurt geweest", "everyone has had a turn"),
    "attendance.warn.title": (
        ":warning: *Controleer de rollen* (je kunt toch invoeren):",
        ":warning: *Check the roles* (you can still submit):",
    ),
    "attendance.warn.no_facilitator": ("Er is geen facilitator.", "There is no facilitator."),
    "attendance.warn.no_presenter": ("Er is geen inbrenger.", "There is no presenter."),
    "attendance.warn.many_facilitators": (
        "Er is meer dan één facilitator.",
        "There is more than one facilitator.",
    ),
    "attendance.warn.many_presenters": (
        "Er is meer dan één inbrenger.",
        "There is more than one presenter.",
    ),
    "attendance.warn.confirm_label": ("Bevestigen", "Confirm"),
    "attendance.warn.confirm": (
        "Klopt zo, toch invoeren",
        "This is right, submit anyway",
    ),
    "attendance.done.title": ("Ingevoerd", "Submitted"),
    "attendance.done.text": (
        ":white_check_mark: De aanwezigheid van {date} in groep {number} is ingevoerd. Aanwezig: "
        "{present}, afwezig: {absent}. Nieuwe deelnamebewijzen: {issued}; vervangen: "
        "{superseded}; ingetrokken: {revoked}. De bewijzen gaan nu per DM naar de leden.",
        ":white_check_mark: Attendance of {date} in group {number} is saved. Present: {present}, "
        "absent: {absent}. New certificates: {issued}; superseded: {superseded}; revoked: "
        "{revoked}. The certificates are on their way to the members by DM.",
    ),
    "attendance.button.register": ("Aanwezigheid invoeren", "Register attendance"),
    "attendance.pick.text": (
        "Geen bijeenkomst van groep {number} wacht nog op registratie. Kies een bijeenkomst om "
        "de registratie te corrigeren:",
        "No meeting of group {number} is waiting for registration. Choose a meeting to correct "
        "its registration:",
    ),
    "attendance.pick.item": (
        "{date} {start} — {state}",
        "{date} {start} — {state}",
    ),
    "attendance.pick.registered": ("geregistreerd", "registered"),
    "attendance.pick.open": ("nog niet geregistreerd", "not yet registered"),
    "attendance.which_group": (
        "Van welke groep? Typ het groepsnummer: {commands}",
        "Which group? Type the group number: {commands}",
    ),
    "attendance.no_group": (
        "Noem het groepsnummer, bijvoorbeeld `/intervisie registreer 1234`.",
        "Give the group number, for example `/intervisie register 1234`.",
    ),
    "attendance.no_past_meetings": (
        "Groep {number} heeft nog geen bijeenkomst die al begonnen is. Plan er een (ook met "
        "terugwerkende kracht) en registreer dan de aanwezigheid.",
        "Group {number} has no meeting that has started yet. Plan one (also in the past) and "
        "then register attendance.",
    ),
    "attendance.not_manager": (
        "Alleen de contactpersoon van groep {number}, de plaatsvervanger of het secretariaat kan "
        "de aanwezigheid invoeren.",
        "Only the contact person of group {number}, their deputy or the secretariat can register "
        "attendance.",
    ),
    "attendance.meeting_not_found": (
        "Deze bijeenkomst bestaat niet (meer).",
        "This meeting does not exist (any more).",
    ),
    "attendance.meeting_cancelled": (
        "Deze bijeenkomst is geannuleerd; er valt geen aanwezigheid te registreren.",
        "This meeting was cancelled; there is no attendance to register.",
    ),
    "attendance.meeting_in_future": (
        "Deze bijeenkomst is nog niet begonnen. Registreer de aanwezigheid na afloop.",
        "This meeting has not started yet. Register attendance afterwards.",
    ),
    "attendance.not_a_member": (
        "Iemand in de lijst is geen lid (meer) van de groep. Open de registratie opnieuw.",
        "Someone in the list is no longer a member of the group. Open the registration again.",
    ),
    "attendance.bad_duration": (
        "Kies een duur tussen een half uur en 8 uur.",
        "Choose a duration between half an hour and 8 hours.",
    ),
    "attendance.group_usage": (
        "Typ een groepsnummer, bijvoorbeeld `/intervisie {sub} 1234`.",
        "Type a group number, for example `/intervisie {sub} 1234`.",
    ),
    "attendance.dm.revoked": (
        "Je deelnamebewijs {number} voor de bijeenkomst van {date} (groep {group}) is "
        "ingetrokken: de contactpersoon heeft je als afwezig geregistreerd. Klopt dat niet, "
        "neem dan contact op met de contactpersoon.",
        "Your certificate {number} for the meeting of {date} (group {group}) has been revoked: "
        "the contact person registered you as absent. If that is not right, please contact the "
        "contact person.",
    ),
    # -- roles rotation ------------------------------------------------------------------------------
    "roles.title": (
        "*Rolwisseling groep {number} — {name}* ({start} – {end})",
        "*Role rotation group {number} — {name}* ({start} – {end})",
    ),
    "roles.line": (
        "• {name}: inbrenger {presenter} · facilitator {facilitator}",
        "• {name}: presenter {presenter} · facilitator {facilitator}",
    ),
    "roles.yes": (":white_check_mark: {times}×", ":white_check_mark: {times}×"),
    "roles.no": (":x: nog niet", ":x: not yet"),
    "roles.footer": (
        "In een periode is iedereen minstens één keer inbrenger en één keer facilitator.",
        "In a period everyone is at least once presenter and once facilitator.",
    ),
    "roles.no_members": ("Deze groep heeft nog geen leden.", "This group has no members yet."),
    # -- certificates ----------------------------------------------------------------------------------
    "certificate.file.title": ("Deelnamebewijs {number}", "Certificate {number}"),
    "certificate.file.comment": (
        "Je deelnamebewijs voor de intervisiebijeenkomst van {date} (groep {group}, {duration}, "
        "{role}). Bewaar het en upload het in je dossier bij de certificerende instelling.",
        "Your certificate for the intervisie meeting of {date} (group {group}, {duration}, "
        "{role}). Keep it and upload it to your file with the certifying body.",
    ),
    "certificate.file.comment_new": (
        "Je deelnamebewijs is gecorrigeerd; dit is het nieuwe bewijs voor {date} (groep {group}, "
        "{duration}, {role}). Het vorige bewijs is vervallen.",
        "Your certificate was corrected; this is the new one for {date} (group {group}, "
        "{duration}, {role}). The previous certificate is superseded.",
    ),
    "certificate.not_found": (
        "Dit deelnamebewijs bestaat niet.",
        "This certificate does not exist.",
    ),
    "certificate.not_yours": (
        "Je kunt alleen je eigen deelnamebewijzen opvragen.",
        "You can only fetch your own certificates.",
    ),
    "certificate.resent": (
        "Deelnamebewijs {number} komt zo in je DM.",
        "Certificate {number} is on its way to your DM.",
    ),
    "certificates.title": ("*Mijn deelnamebewijzen*", "*My certificates*"),
    "certificates.none": (
        "Je hebt nog geen deelnamebewijzen. Na elke bijeenkomst die je contactpersoon registreert, "
        "krijg je er een in je DM.",
        "You have no certificates yet. After every meeting your contact person registers, you "
        "get one in your DM.",
    ),
    "certificates.item": (
        "*{date}* · groep {group} · {duration} · {role}\n`{number}` {status}",
        "*{date}* · group {group} · {duration} · {role}\n`{number}` {status}",
    ),
    "certificates.more.one": ("En nog {count} ouder bewijs.", "And {count} older certificate."),
    "certificates.more.other": (
        "En nog {count} oudere bewijzen.",
        "And {count} older certificates.",
    ),
    "certificates.button.resend": ("Opnieuw sturen", "Send again"),
    "certificate.status.valid": ("(geldig)", "(valid)"),
    "certificate.status.superseded": ("(vervangen)", "(superseded)"),
    "certificate.status.revoked": ("(ingetrokken)", "(revoked)"),
    # -- recertification meter ---------------------------------------------------------------------------
    "hours.title": (
        "*Hercertificering* — periode {start} – {end}",
        "*Recertification* — period {start} – {end}",
    ),
    "hours.default_period": (
        "Je hebt nog geen begindatum van je certificeringsperiode ingesteld; we tellen dit "
        "kalenderjaar en de drie jaar daarvoor. Stel je eigen begin in met "
        "`/intervisie uren start dd-mm-jjjj`.",
        "You have not set the start date of your certification period; we count this calendar "
        "year and the three before it. Set your own start with `/intervisie hours start "
        "dd-mm-yyyy`.",
    ),
    "hours.total.one": ("*{counted} van {count} uur*", "*{counted} of {count} hour*"),
    "hours.total.other": ("*{counted} van {count} uur*", "*{counted} of {count} hours*"),
    # Shown only when hours above a year's maximum make the total differ from what counts.
    "hours.total_all.one": (" (in totaal {count} uur)", " ({count} hour in all)"),
    "hours.total_all.other": (" (in totaal {count} uur)", " ({count} hours in all)"),
    "hours.done": (
        " :tada: genoeg uren voor de hercertificering",
        " :tada: enough hours for recertification",
    ),
    # One line per period-year: the dates, the hours and what the meter notes about them.
    "hours.year.line": (
        "{start} – {end}: {hours_text}{note}",
        "{start} – {end}: {hours_text}{note}",
    ),
    "hours.year.under.one": (
        " :warning: minder dan {count} uur dit jaar",
        " :warning: less than {count} hour this year",
    ),
    "hours.year.under.other": (
        " :warning: minder dan {count} uur dit jaar",
        " :warning: less than {count} hours this year",
    ),
    "hours.year.under_past.one": (
        " :warning: minder dan {count} uur in {year}",
        " :warning: less than {count} hour in {year}",
    ),
    "hours.year.under_past.other": (
        " :warning: minder dan {count} uur in {year}",
        " :warning: less than {count} hours in {year}",
    ),
    "hours.year.under_span.one": (
        " :warning: minder dan {count} uur in dat periodejaar",
        " :warning: less than {count} hour in that period year",
    ),
    "hours.year.under_span.other": (
        " :warning: minder dan {count} uur in dat periodejaar",
        " :warning: less than {count} hours in that period year",
    ),
    "hours.year.earlier": (" (vóór je aanmelding)", " (before you joined)"),
    "hours.year.over.one": (
        " :information_source: {excess_text} boven de {count} uur telt mogelijk niet mee",
        " :information_source: {excess_text} above {count} hour may not count",
    ),
    "hours.year.over.other": (
        " :information_source: {excess_text} boven de {count} uur telt mogelijk niet mee",
        " :information_source: {excess_text} above {count} hours may not count",
    ),
    "hours.year.future": (
        "{start} – {end}: nog niet begonnen",
        "{start} – {end}: not started yet",
    ),
    "hours.roles": ("Rollen deze periode: {roles}", "Roles this period: {roles}"),
    "hours.roles_none": ("nog geen", "none yet"),
    "hours.button.start": ("Begin periode instellen", "Set period start"),
    "hours.button.pdf": ("Overzicht als pdf", "Overview as PDF"),
    "hours.button.dossier": ("Dossier als pdf", "File as PDF"),
    "hours.start_set": (
        "De begindatum van je certificeringsperiode is nu {date}.",
        "The start date of your certification period is now {date}.",
    ),
    "hours.bad_date": (
        "Typ de datum als dd-mm-jjjj, bijvoorbeeld 01-01-2025.",
        "Type the date as dd-mm-yyyy, for example 01-01-2025.",
    ),
    "hours.date_in_future": (
        "De begindatum mag niet in de toekomst liggen.",
        "The start date cannot be in the future.",
    ),
    "hours.overview_sent": (
        "Je overzicht voor de hercertificering komt zo in je DM.",
        "Your recertification overview is on its way to your DM.",
    ),
    "hours.dossier_sent": (
        "Je dossier voor de hercertificering komt zo in je DM: het overzicht en daarachter elk "
        "deelnamebewijs uit de periode, in één pdf.",
        "Your recertification file is on its way to your DM: the overview followed by every "
        "certificate of the period, in one PDF.",
    ),
    "hours.modal.title": ("Certificeringsperiode", "Certification period"),
    "hours.modal.submit": ("Opslaan", "Save"),
    "hours.modal.close": ("Sluiten", "Close"),
    "hours.modal.label": ("Begindatum (dd-mm-jjjj)", "Start date (dd-mm-yyyy)"),
    "overview.file.title": ("Overzicht hercertificering", "Recertification overview"),
    "overview.file.comment": (
        "Je overzicht van de intervisie-uren in je certificeringsperiode, om te uploaden bij de "
        "certificerende instelling.",
        "Your overview of intervisie hours in your certification period, to upload to the "
        "certifying body.",
    ),
    # -- PDF ----------------------------------------------------------------------------------------------
    "pdf.certificate.title": ("Deelnamebewijs intervisie", "Certificate of participation"),
    "pdf.certificate.subtitle": (
        "Bewijs van deelname aan een intervisiebijeenkomst",
        "Proof of participation in an intervisie meeting",
    ),
    "pdf.certificate.declares": (
        "Hierbij wordt verklaard dat",
        "This is to certify that",
    ),
    "pdf.certificate.took_part": (
        "heeft deelgenomen aan de intervisiebijeenkomst:",
        "took part in the intervisie meeting:",
    ),
    "pdf.certificate.footer": (
        "Dit bewijs is uitgegeven door de contactpersoon van de intervisiegroep. Controleer de "
        "echtheid met de verificatiecode op het adres hierboven. Er wordt geen inhoud van de "
        "bijeenkomst bewaard.",
        "This certificate was issued by the contact person of the intervisie group. Check it is "
        "genuine with the verification code at the address above. No content of the meeting is "
        "stored.",
    ),
    "pdf.label.registration": ("Registratienummer", "Registration number"),
    "pdf.label.group": ("Intervisiegroep", "Intervisie group"),
    "pdf.label.group_short": ("Groep", "Group"),
    "pdf.label.date": ("Datum", "Date"),
    "pdf.label.time": ("Tijd", "Time"),
    "pdf.label.hours": ("Netto uren", "Net hours"),
    "pdf.label.role": ("Rol", "Role"),
    "pdf.label.contact": ("Contactpersoon", "Contact person"),
    "pdf.label.issued": ("Datum van uitgifte", "Date of issue"),
    "pdf.label.number": ("Bewijsnummer", "Certificate number"),
    "pdf.label.code": ("Verificatiecode", "Verification code"),
    "pdf.label.url": ("Controleer op", "Verify at"),
    "pdf.label.period": ("Periode", "Period"),
    "pdf.label.total": ("Uren", "Hours"),
    "pdf.verify.title": ("Verificatie", "Verification"),
    "pdf.overview.title": ("Overzicht hercertificering", "Recertification overview"),
    "pdf.overview.total": (
        "{total_text} in totaal, waarvan {counted_text} meetelt (nodig: {required_text})",
        "{total_text} in total; counted: {counted_text} (required: {required_text})",
    ),
    "pdf.overview.years": ("Uren per periodejaar", "Hours per period year"),
    "pdf.overview.meetings": ("Bijeenkomsten", "Meetings"),
    "pdf.overview.none": ("Geen bijeenkomsten in deze periode.", "No meetings in this period."),
    "pdf.overview.year.ok": ("{hours_text}", "{hours_text}"),
    "pdf.overview.year.under": (
        "{hours_text} — minder dan het minimum per jaar",
        "{hours_text} — below the yearly minimum",
    ),
    "pdf.overview.year.over": (
        "{hours_text} — boven het maximum per jaar; {counted_text} telt mee",
        "{hours_text} — above the yearly maximum; {counted_text} counted",
    ),
    "pdf.overview.year.future": ("nog niet begonnen", "not started yet"),
    # A year that ended before the member joined: the hours, without a judgement.
    "pdf.overview.year.earlier": (
        "{hours_text} — vóór de aanmelding bij intervisie",
        "{hours_text} — before joining intervisie",
    ),
    # -- verification page ----------------------------------------------------------------------------------
    "verify.title": ("Verificatie deelnamebewijs", "Certificate verification"),
    "verify.name": ("Naam", "Name"),
    "verify.date": ("Datum", "Date"),
    "verify.hours": ("Uren", "Hours"),
    "verify.group": ("Groepsnummer", "Group number"),
    "verify.status": ("Status", "Status"),
    "verify.status.valid": ("Geldig", "Valid"),
    "verify.status.superseded": (
        "Vervangen door een gecorrigeerd bewijs",
        "Superseded by a corrected certificate",
    ),
    "verify.status.revoked": ("Ingetrokken", "Revoked"),
}
