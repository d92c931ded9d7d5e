"""Catalogue: the certificaat begeleide intervisie (PDF, DM, /verify) and the rapportage for the
opdrachtgever (modal, draft, answers, PDF). Each entry is (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the certificaat begeleide intervisie ----------------------------------------------------
    "completion.file": (
        "certificaat-begeleide-intervisie-{number}",
        "certificate-guided-intervisie-{number}",
    ),
    "completion.file.title": (
        "Certificaat begeleide intervisie {number}",
        "Certificate of guided intervisie {number}",
    ),
    # The count is the trajectory's meetings; {attended} of them the participant attended.
    "completion.file.comment.one": (
        "Je certificaat begeleide intervisie voor het traject {name}: {attended} van {count} "
        "bijeenkomst, {hours_text}. Bewaar het en voeg het toe aan je dossier.",
        "Your certificate of guided intervisie for the trajectory {name}: {attended} of {count} "
        "meeting, {hours_text}. Keep it and add it to your file.",
    ),
    "completion.file.comment.other": (
        "Je certificaat begeleide intervisie voor het traject {name}: {attended} van {count} "
        "bijeenkomsten, {hours_text}. Bewaar het en voeg het toe aan je dossier.",
        "Your certificate of guided intervisie for the trajectory {name}: {attended} of {count} "
        "meetings, {hours_text}. Keep it and add it to your file.",
    ),
    "completion.pdf.title": (
        "Certificaat begeleide intervisie",
        "Certificate of guided intervisie",
    ),
    "completion.pdf.subtitle": (
        "Afgerond traject van begeleide intervisie onder leiding van een geregistreerd supervisor",
        "Completed trajectory of guided intervisie led by a registered supervisor",
    ),
    "completion.pdf.declares": (
        "Hierbij wordt verklaard dat",
        "This is to certify that",
    ),
    "completion.pdf.completed": (
        "het begeleide intervisietraject heeft afgerond:",
        "has completed the guided intervisie trajectory:",
    ),
    "completion.pdf.client": ("Opdrachtgever", "Client"),
    "completion.pdf.supervisor": ("Begeleider", "Supervisor"),
    "completion.pdf.supervisor_line": ("{name} ({label} {number})", "{name} ({label} {number})"),
    "completion.pdf.attended": ("Bijgewoond", "Attended"),
    "completion.pdf.attended_value.one": (
        "{attended} van {count} bijeenkomst",
        "{attended} of {count} meeting",
    ),
    "completion.pdf.attended_value.other": (
        "{attended} van {count} bijeenkomsten",
        "{attended} of {count} meetings",
    ),
    "completion.pdf.points": ("Reflectiepunten", "Reflection points"),
    "completion.pdf.signed": (
        "Afgerond en toegekend door {name} op {date} via Intervisie.",
        "Completed and awarded by {name} on {date} via Intervisie.",
    ),
    "completion.pdf.footer": (
        "Dit certificaat is digitaal toegekend en daarom niet met de hand ondertekend. De "
        "verificatiepagina laat zien of het geldig is. Van de bijeenkomsten zelf wordt geen "
        "inhoud bewaard.",
        "This certificate was awarded digitally and is therefore not signed by hand. The "
        "verification page shows whether it is valid. No content of the meetings themselves is "
        "stored.",
    ),
    "completion.pdf.subject": (
        "Certificaat begeleide intervisie {number} voor {name}: traject {trajectory}",
        "Certificate of guided intervisie {number} for {name}: trajectory {trajectory}",
    ),
    "verify.kind": ("Soort bewijs", "Kind of certificate"),
    "verify.completion.title": ("Verificatie certificaat", "Certificate verification"),
    "verify.completion.caption": ("Gegevens van het certificaat", "Details of the certificate"),
    "verify.completion.intro": (
        "Vergelijk deze gegevens met het certificaat begeleide intervisie dat u is voorgelegd. "
        "Om de privacy van de houder te beschermen staan alleen de voorletters en de achternaam "
        "hier.",
        "Compare these details with the certificate of guided intervisie you were given. To "
        "protect the holder's privacy only the initials and the surname are shown here.",
    ),
    # -- the report: supervisor ------------------------------------------------------------------
    "report.button.write": ("Rapportage opstellen", "Draft the report"),
    "report.button.revise": ("Rapportage aanpassen", "Revise the report"),
    "report.button.finalise": ("Definitief maken", "Make final"),
    "report.modal.title": ("Rapportage", "Report"),
    "report.modal.submit": ("Naar de groep", "Send to the group"),
    "report.modal.intro": (
        "Een beknopte rapportage voor de opdrachtgever ({organisation_name}), in overleg met de "
        "groep: elke deelnemer leest hem en geeft akkoord of maakt een opmerking.",
        "A short report for the client ({organisation_name}), agreed with the group: every "
        "participant reads it and agrees or makes a remark.",
    ),
    "report.modal.no_case_content": (
        ":lock: *Geen casusinhoud.* Beschrijf het traject en de groep, nooit wat er over "
        "personen of situaties is ingebracht. Aanwezigheid staat er alleen als totalen in.",
        ":lock: *No case content.* Describe the trajectory and the group, never what was "
        "brought in about people or situations. Attendance appears only as totals.",
    ),
    # The count is the agreed meetings; {held} of them were held.
    "report.facts.meetings.one": (
        "{held} van {count} bijeenkomst gehouden · deelnemers: {participants} · "
        "gemiddelde aanwezigheid {average}%",
        "{held} of {count} meeting held · participants: {participants} · average "
        "attendance {average}%",
    ),
    "report.facts.meetings.other": (
        "{held} van {count} bijeenkomsten gehouden · deelnemers: {participants} · "
        "gemiddelde aanwezigheid {average}%",
        "{held} of {count} meetings held · participants: {participants} · average "
        "attendance {average}%",
    ),
    "report.facts.period": (" · periode {start} – {end}", " · period {start} – {end}"),
    "report.field.aim": ("Doel", "Aim"),
    "report.field.method": ("Werkwijze", "Way of working"),
    "report.field.method_hint": (
        "Vooraf ingevuld met de methoden die in de bijeenkomsten zijn geoefend.",
        "Filled in beforehand with the methods practised in the meetings.",
    ),
    "report.field.outcome": ("Opbrengst", "Outcome"),
    "report.field.recommendations": ("Aanbevelingen", "Recommendations"),
    "report.field.deadline": ("Reageren kan tot en met", "Answers until"),
    "report.field.deadline_hint": (
        "dd-mm-jjjj. Geeft niet iedereen akkoord, dan kun je de rapportage daarna zelf "
        "definitief maken.",
        "dd-mm-yyyy. If not everyone agrees, you can make the report final yourself after "
        "this date.",
    ),
    "report.prefill.method": (
        "In de bijeenkomsten is geoefend met: {methods}.",
        "The meetings practised: {methods}.",
    ),
    # The count is the participants; {agreed} of them agreed so far.
    "report.answered.agreed.one": (
        "{name} gaat akkoord met de rapportage ({agreed} van {count} deelnemer akkoord).",
        "{name} agrees to the report ({agreed} of {count} participant agreed).",
    ),
    "report.answered.agreed.other": (
        "{name} gaat akkoord met de rapportage ({agreed} van de {count} deelnemers akkoord).",
        "{name} agrees to the report ({agreed} of the {count} participants agreed).",
    ),
    "report.answered.remark.one": (
        "{name} heeft een opmerking bij de rapportage ({agreed} van {count} deelnemer "
        "akkoord):\n> {remark_text}\nBespreek het samen; pas de rapportage zo nodig aan, dan "
        "leest iedereen hem opnieuw.",
        "{name} has a remark on the report ({agreed} of {count} participant agreed):\n"
        "> {remark_text}\nTalk it over; revise the report if needed, and everyone reads it "
        "again.",
    ),
    "report.answered.remark.other": (
        "{name} heeft een opmerking bij de rapportage ({agreed} van de {count} deelnemers "
        "akkoord):\n> {remark_text}\nBespreek het samen; pas de rapportage zo nodig aan, dan "
        "leest iedereen hem opnieuw.",
        "{name} has a remark on the report ({agreed} of the {count} participants agreed):\n"
        "> {remark_text}\nTalk it over; revise the report if needed, and everyone reads it "
        "again.",
    ),
    "report.answered.all": (
        "Iedereen is akkoord: de rapportage is definitief. Je krijgt de pdf zo in een bericht.",
        "Everyone agreed: the report is final. You will get the PDF in a message shortly.",
    ),
    "report.finalised": (
        "De rapportage is definitief; de pdf komt in een bericht.",
        "The report is final; the PDF comes in a message.",
    ),
    "report.file.title": ("Rapportage begeleide intervisie", "Report on guided intervisie"),
    "report.file.comment": (
        "De definitieve rapportage voor {organisation_name}, in overleg met de groep opgesteld. "
        "Je kunt hem doorsturen naar de opdrachtgever.",
        "The final report for {organisation_name}, agreed with the group. You can forward it to "
        "the client.",
    ),
    "report.file": (
        "rapportage-begeleide-intervisie-{number}",
        "report-guided-intervisie-{number}",
    ),
    # -- the report: participants ----------------------------------------------------------------
    "report.dm.header": ("Rapportage voor de opdrachtgever", "Report for the client"),
    "report.dm.intro": (
        "{supervisor_name} heeft de rapportage voor {organisation_name} opgesteld en vraagt je "
        "die mee te lezen. Akkoord? Of wil je iets bespreken? Reageren kan tot en met "
        "{deadline}.",
        "{supervisor_name} drafted the report for {organisation_name} and asks you to read it. "
        "Do you agree, or is there something to talk over? Answers until {deadline}.",
    ),
    "report.button.agree": ("Akkoord", "Agree"),
    "report.button.remark": ("Opmerking", "Remark"),
    "report.dm.you_agreed": ("Je bent akkoord gegaan.", "You agreed."),
    "report.dm.you_remarked": (
        "Je opmerking is naar de begeleider gestuurd: {remark_text}",
        "Your remark went to the supervisor: {remark_text}",
    ),
    "report.remark.title": ("Opmerking", "Remark"),
    "report.remark.submit": ("Versturen", "Send"),
    "report.remark.intro": (
        "Wat wil je met de begeleider bespreken over de rapportage?",
        "What would you like to talk over with the supervisor about the report?",
    ),
    "report.field.remark": ("Je opmerking", "Your remark"),
    "report.finalised.dm": (
        "De rapportage voor {organisation_name} is definitief. {supervisor_name} stuurt hem naar "
        "de opdrachtgever.",
        "The report for {organisation_name} is final. {supervisor_name} sends it to the client.",
    ),
    # -- the report PDF --------------------------------------------------------------------------
    "report.pdf.title": ("Rapportage begeleide intervisie", "Report on guided intervisie"),
    "report.pdf.subtitle": (
        "Beknopte rapportage voor de opdrachtgever, in overleg met de groep opgesteld",
        "Short report for the client, agreed with the group",
    ),
    "report.pdf.subject": (
        "Rapportage begeleide intervisie voor {client}",
        "Report on guided intervisie for {client}",
    ),
    "report.pdf.client": ("Opdrachtgever", "Client"),
    "report.pdf.client_contact": ("Contact", "Contact"),
    "report.pdf.aim": ("Doel", "Aim"),
    "report.pdf.method": ("Werkwijze", "Way of working"),
    "report.pdf.attendance": ("Deelname", "Attendance"),
    "report.pdf.held": ("Gehouden", "Held"),
    "report.pdf.held_value.one": (
        "{held} van {count} afgesproken bijeenkomst",
        "{held} of {count} agreed meeting",
    ),
    "report.pdf.held_value.other": (
        "{held} van {count} afgesproken bijeenkomsten",
        "{held} of {count} agreed meetings",
    ),
    "report.pdf.participants": ("Deelnemers", "Participants"),
    "report.pdf.average": ("Gemiddelde aanwezigheid", "Average attendance"),
    "report.pdf.percent": ("{percent}%", "{percent}%"),
    "report.pdf.aggregates": (
        "Alleen totalen: wie welke bijeenkomst miste, staat niet in deze rapportage.",
        "Totals only: who missed which meeting is not part of this report.",
    ),
    "report.pdf.outcome": ("Opbrengst", "Outcome"),
    "report.pdf.recommendations": ("Aanbevelingen", "Recommendations"),
    # The count is the participants; {agreed} of them agreed.
    "report.pdf.agreed.one": (
        "Definitief op {date}, met akkoord van {agreed} van {count} deelnemer. Van de "
        "bijeenkomsten zelf is geen inhoud bewaard.",
        "Final on {date}, agreed by {agreed} of {count} participant. No content of the "
        "meetings themselves is stored.",
    ),
    "report.pdf.agreed.other": (
        "Definitief op {date}, met akkoord van {agreed} van de {count} deelnemers. Van de "
        "bijeenkomsten zelf is geen inhoud bewaard.",
        "Final on {date}, agreed by {agreed} of the {count} participants. No content of the "
        "meetings themselves is stored.",
    ),
    # -- refusals --------------------------------------------------------------------------------
    "report.error.not_closed": (
        "De rapportage stel je op nadat het traject is afgerond of gestopt.",
        "You draft the report after the trajectory is completed or stopped.",
    ),
    "report.error.final": (
        "De rapportage is al definitief.",
        "The report is already final.",
    ),
    "report.error.required": ("Vul dit veld in.", "Fill in this field."),
    "report.error.deadline.one": (
        "Kies een datum na vandaag en binnen {count} dag.",
        "Choose a date after today and within {count} day.",
    ),
    "report.error.deadline.other": (
        "Kies een datum na vandaag en binnen {count} dagen.",
        "Choose a date after today and within {count} days.",
    ),
    "report.error.no_participants": (
        "De groep heeft geen deelnemers om de rapportage mee te lezen.",
        "The group has no participants to read the report.",
    ),
    "report.error.not_found": (
        "Deze rapportage bestaat niet (meer).",
        "This report does not exist (any more).",
    ),
    "report.error.not_participant": (
        "Alleen deelnemers van de groep reageren op de rapportage.",
        "Only participants of the group answer the report.",
    ),
    "report.error.old_round": (
        "De begeleider heeft de rapportage intussen aangepast; reageer op de nieuwe versie in "
        "je berichten.",
        "The supervisor has revised the report since; answer the new version in your messages.",
    ),
    "report.error.already_answered": (
        "Je hebt al op deze versie van de rapportage gereageerd.",
        "You already answered this version of the report.",
    ),
    "report.error.remark_required": (
        "Schrijf kort wat je wilt bespreken.",
        "Write briefly what you would like to talk over.",
    ),
    "report.error.before_deadline": (
        "Nog niet iedereen is akkoord. Definitief maken kan na de reactietermijn ({deadline}), "
        "of zodra iedereen akkoord is.",
        "Not everyone agreed yet. You can make it final after the answer period ({deadline}), "
        "or as soon as everyone agrees.",
    ),
}
