"""Catalogue: the deelnamebewijs, the hours overview, the dossier and the /verify page.

Each entry is (Dutch, English). Keys ending in .one / .other are the plural forms of one text,
chosen by Babel's plural rules for the number shown.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- file names (without .pdf; made ASCII and lower case when used) -------------------------------
    "document.file.certificate": (
        "deelnamebewijs-{number}",
        "certificate-of-participation-{number}",
    ),
    "document.file.overview": (
        "overzicht-hercertificering-{years}",
        "recertification-overview-{years}",
    ),
    "document.file.dossier": ("dossier-hercertificering-{years}", "recertification-file-{years}"),
    # -- document properties (what a PDF reader shows under File > Properties) ------------------------
    "document.subject.certificate": (
        "Deelnamebewijs {number} voor {name}: intervisie op {date}",
        "Certificate of participation {number} for {name}: intervisie on {date}",
    ),
    "document.subject.overview": (
        "Intervisie-uren van {name} in de certificeringsperiode {start} – {end}",
        "Intervisie hours of {name} in the certification period {start} – {end}",
    ),
    "document.subject.dossier": (
        "Dossier voor de hercertificering van {name}: het overzicht van {start} – {end} en elk "
        "deelnamebewijs in die periode",
        "File for the recertification of {name}: the overview of {start} – {end} and every "
        "certificate of participation in that period",
    ),
    "document.dossier.title": ("Dossier hercertificering", "Recertification file"),
    "dossier.file.title": ("Dossier hercertificering", "Recertification file"),
    "dossier.file.comment": (
        "Je dossier voor de hercertificering: het overzicht van je intervisie-uren en daarachter "
        "elk deelnamebewijs uit de periode. Upload het in één keer bij de certificerende "
        "instelling.",
        "Your recertification file: the overview of your intervisie hours followed by every "
        "certificate of participation in the period. Upload it in one go to the certifying body.",
    ),
    # -- every page ------------------------------------------------------------------------------------
    "document.page": ("pagina {page} van {pages}", "page {page} of {pages}"),
    "document.points.one": ("{count} punt", "{count} point"),
    "document.points.other": ("{count} punten", "{count} points"),
    # -- the deelnamebewijs ----------------------------------------------------------------------------
    "document.label.method": ("Methode", "Method"),
    "document.label.trajectory": ("Traject", "Trajectory"),
    "document.trajectory.meeting": (
        "{name} — bijeenkomst {meeting} van {meetings}",
        "{name} — meeting {meeting} of {meetings}",
    ),
    "document.label.accreditation": ("Geaccrediteerd door", "Accredited by"),
    "document.label.activity": ("Activiteitnummer", "Activity number"),
    "document.label.points": ("Punten", "Points"),
    "document.issuer.heading": ("Uitgegeven door", "Issued by"),
    "document.issuer.registered": (
        "Geregistreerd door {name} op {date} via Intervisie.",
        "Registered by {name} on {date} via Intervisie.",
    ),
    "document.verify.heading": ("Echtheid controleren", "Check that it is genuine"),
    "document.verify.open": ("Scan de QR-code of open", "Scan the QR code or open"),
    "document.verify.qr": (
        "QR-code met de link naar de verificatiepagina: {url}",
        "QR code with the link to the verification page: {url}",
    ),
    "document.certificate.footer": (
        "Dit bewijs is digitaal geregistreerd en daarom niet met de hand ondertekend. De "
        "verificatiepagina laat zien of het geldig is, vervangen is door een correctie of is "
        "ingetrokken. Van de bijeenkomst zelf wordt geen inhoud bewaard.",
        "This certificate was registered digitally and is therefore not signed by hand. The "
        "verification page shows whether it is valid, superseded by a correction or revoked. "
        "No content of the meeting itself is stored.",
    ),
    # -- refusals --------------------------------------------------------------------------------------
    "document.error.unprintable": (
        "Het teken „{char}” ({codepoint}) kan niet op een deelnamebewijs worden gedrukt. Pas de "
        "naam aan waarin het staat (je naam in Slack of de naam van de groep), of vraag het "
        "secretariaat om hulp.",
        "The character “{char}” ({codepoint}) cannot be printed on a certificate. Change the name "
        "that contains it (your name in Slack or the group's name), or ask the secretariat for "
        "help.",
    ),
    # -- the /verify page ------------------------------------------------------------------------------
    "verify.caption": ("Gegevens van het deelnamebewijs", "Details of the certificate"),
    "verify.intro": (
        "Vergelijk deze gegevens met het deelnamebewijs dat u is voorgelegd. Om de privacy van "
        "de deelnemer te beschermen staan alleen de voorletters en de achternaam hier.",
        "Compare these details with the certificate shown to you. To protect the participant's "
        "privacy only the initials and the surname are shown here.",
    ),
    "verify.number": ("Bewijsnummer", "Certificate number"),
    "verify.group_full": ("Intervisiegroep", "Intervisie group"),
    "verify.time": ("Tijd", "Time"),
    "verify.role": ("Rol", "Role"),
    # -- the /verify page of a recertification overview ----------------------------------------------
    "verify.overview.title": (
        "Verificatie overzicht hercertificering",
        "Recertification overview verification",
    ),
    "verify.overview.intro": (
        "Vergelijk deze gegevens met het overzicht van intervisie-uren dat u is voorgelegd. Het "
        "overzicht is geldig zolang elk deelnamebewijs dat het meetelt geldig is. Om de privacy "
        "van de deelnemer te beschermen staan alleen de voorletters en de achternaam hier.",
        "Compare these details with the overview of intervisie hours you were given. The "
        "overview is valid as long as every certificate it counts is valid. To protect the "
        "participant's privacy only the initials and the surname are shown here.",
    ),
    "verify.overview.caption": ("Gegevens van het overzicht", "Details of the overview"),
    "verify.overview.period": ("Certificeringsperiode", "Certification period"),
    "verify.overview.counted": ("Uren die meetellen", "Hours counted"),
    "verify.overview.total": ("Uren in totaal", "Hours in all"),
    "verify.overview.required": ("Uren nodig", "Hours required"),
    "verify.overview.meetings": ("Bijeenkomsten", "Meetings"),
    "verify.overview.as_of": ("Opgesteld op", "Drawn up on"),
    "verify.overview.status.valid": ("Geldig", "Valid"),
    "verify.overview.status.changed": (
        "Gewijzigd: een deelnamebewijs op dit overzicht is sindsdien gecorrigeerd of ingetrokken; "
        "vraag de deelnemer om een nieuw overzicht",
        "Changed: a certificate on this overview has since been corrected or revoked; ask the "
        "participant for a new overview",
    ),
    "verify.unknown.title": ("Document niet gevonden", "Document not found"),
    "verify.unknown.intro": (
        "Bij deze code hoort geen deelnamebewijs en geen overzicht van uren. Controleer het "
        "volgende:",
        "No certificate and no overview of hours matches this code. Please check the following:",
    ),
    "verify.unknown.typo": (
        "Is de code zonder tikfouten overgenomen? Let op hoofdletters en kleine letters, en op "
        "tekens die op elkaar lijken, zoals O en 0 of l en I.",
        "Was the code copied without typing errors? Mind capitals and small letters, and "
        "characters that look alike, such as O and 0 or l and I.",
    ),
    "verify.unknown.full": (
        "Is de volledige code van het document gebruikt, tot en met het laatste teken? "
        "Een link die over twee regels is afgebroken, mist soms het laatste stuk.",
        "Was the full code from the document used, up to the last character? A link broken "
        "over two lines sometimes loses its last part.",
    ),
    "verify.unknown.qr": (
        "Scan bij twijfel de QR-code op het document: die bevat de hele link.",
        "If in doubt, scan the QR code on the document: it holds the whole link.",
    ),
    "verify.unknown.contact": (
        "Klopt het dan nog niet, vraag de houder van het document dan om contact op te nemen met "
        "het secretariaat van de vereniging.",
        "If it still does not match, ask the holder of the document to contact the "
        "association's secretariat.",
    ),
}
