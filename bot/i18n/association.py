"""Catalogue: the association's settings (the secretariat's part of the App Home and its forms),
the non-member fee, and installing the app. Each entry is (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # How texts name the association: with its short name when it has one, else in general.
    "association.member.named": ("{short_name}-lid", "a member of {short_name}"),
    "association.member.generic": ("lid van de vereniging", "a member of the association"),
    "association.member_option.named": ("{short_name}-lid", "{short_name} member"),
    "association.member_option.generic": ("Lid van de vereniging", "Member of the association"),
    "association.without.named": (
        "zonder {short_name}-lidmaatschap",
        "without {short_name} membership",
    ),
    "association.without.generic": ("zonder lidmaatschap", "without membership"),
    "association.member_number.default": ("Lidnummer", "Member number"),
    "association.guide_link": (
        "De intervisiegids van {name}: {url}",
        "The intervision guide of {name}: {url}",
    ),
    "association.guide_link.generic": ("De intervisiegids: {url}", "The intervision guide: {url}"),
    "association.membership_link": ("Lid worden? {url}", "Want to become a member? {url}"),
    # The secretariat's part of the App Home
    "association.home.title": ("Secretariaat", "Secretariat"),
    "association.home.summary": (
        "*{name}* · bijdrage voor deelnemers zonder lidmaatschap: € {fee},- excl. btw per jaar",
        "*{name}* · fee for participants without membership: €{fee} excl. VAT per year",
    ),
    "association.home.unnamed": (
        "De vereniging heeft nog geen naam in de app: berichten en deelnamebewijzen noemen "
        "daarom geen vereniging. Stel hem in onder *Vereniging*.",
        "The association has no name in the app yet, so messages and certificates name none. "
        "Set it under *Association*.",
    ),
    # The rules at a glance, joined with " · ": each part has its own count.
    "association.home.rules.peer.one": (
        "Intervisiegroep {low}–{count} deelnemer",
        "Peer group {low}–{count} participant",
    ),
    "association.home.rules.peer.other": (
        "Intervisiegroep {low}–{count} deelnemers",
        "Peer group {low}–{count} participants",
    ),
    "association.home.rules.guided.one": (
        "begeleide intervisie {low}–{count} deelnemer",
        "guided intervisie {low}–{count} participant",
    ),
    "association.home.rules.guided.other": (
        "begeleide intervisie {low}–{count} deelnemers",
        "guided intervisie {low}–{count} participants",
    ),
    "association.home.rules.recertification": (
        "hercertificering {hours_text} in {years_text}",
        "recertification {hours_text} in {years_text}",
    ),
    "association.home.rules.retention": (
        "bewaartermijn {years_text}",
        "kept for {years_text}",
    ),
    "association.home.secretariat": ("Secretariaat: {who}", "Secretariat: {who}"),
    "association.home.admins": (
        "de eigenaren en beheerders van de werkruimte",
        "the owners and admins of the workspace",
    ),
    "association.home.bootstrap": (
        "alleen wie in INTERVISIE_ADMINS staat",
        "only the people in INTERVISIE_ADMINS",
    ),
    "association.home.uninstall.one": (
        "Wordt de app uit deze werkruimte verwijderd, dan bewaart Intervisie de gegevens nog "
        "{count} dag en wist ze daarna. Exporteer ze vooraf met `/intervisie admin export "
        "<van> <tot>`; wie de app in die tijd opnieuw installeert, vindt alles terug.",
        "If the app is removed from this workspace, Intervisie keeps its data for {count} more "
        "day and then deletes it. Export it first with `/intervisie admin export <from> <to>`; "
        "install the app again within that time and everything is back.",
    ),
    "association.home.uninstall.other": (
        "Wordt de app uit deze werkruimte verwijderd, dan bewaart Intervisie de gegevens nog "
        "{count} dagen en wist ze daarna. Exporteer ze vooraf met `/intervisie admin export "
        "<van> <tot>`; wie de app in die tijd opnieuw installeert, vindt alles terug.",
        "If the app is removed from this workspace, Intervisie keeps its data for {count} more "
        "days and then deletes it. Export it first with `/intervisie admin export <from> <to>`; "
        "install the app again within that time and everything is back.",
    ),
    "association.edit.identity": ("Vereniging", "Association"),
    "association.edit.fee": ("Bijdrage", "Fee"),
    "association.edit.rules": ("Regels", "Rules"),
    "association.edit.secretariat": ("Secretariaat", "Secretariat"),
    # The forms
    "association.save": ("Opslaan", "Save"),
    "association.cancel": ("Annuleren", "Cancel"),
    "association.identity.title": ("Vereniging", "Association"),
    "association.name": ("Naam van de vereniging", "Name of the association"),
    "association.name.hint": (
        "Zoals hij op de deelnamebewijzen komt, bijvoorbeeld Landelijke Vereniging van "
        "Vertrouwenspersonen.",
        "As certificates print it, for example Landelijke Vereniging van Vertrouwenspersonen.",
    ),
    "association.short_name": ("Korte naam", "Short name"),
    "association.short_name.hint": (
        "Voor woorden als ‘LVV-lid’ en ‘zonder LVV-lidmaatschap’ in de berichten.",
        "For phrases such as ‘LVV member’ and ‘without LVV membership’ in messages.",
    ),
    "association.member_number_label": ("Naam van het lidnummer", "Name of the member number"),
    "association.member_number_label.hint": (
        "Zoals het op het deelnamebewijs staat, bijvoorbeeld ‘Lidnummer LVV’.",
        "As the certificate prints it, for example ‘LVV member number’.",
    ),
    "association.guide_url": ("Link naar de intervisiegids", "Link to the intervision guide"),
    "association.membership_url": ("Link om lid te worden", "Link to become a member"),
    "association.fee.title": ("Bijdrage niet-leden", "Non-member fee"),
    "association.fee_eur": (
        "Bijdrage per jaar in euro, exclusief btw",
        "Fee per year in euros, excluding VAT",
    ),
    "association.fee_eur.hint": (
        "Voor intervisiedeelnemers zonder lidmaatschap, bijvoorbeeld 75 of 75,00.",
        "For intervisie participants without membership, for example 75 or 75.00.",
    ),
    "association.payment_instructions": ("Betaalinstructies", "Payment instructions"),
    "association.payment_instructions.hint": (
        "Deelnemers zonder lidmaatschap lezen dit in hun welkomstbericht en aan het begin van elk "
        "jaar: rekeningnummer, kenmerk, en of de werkgever de factuur kan krijgen.",
        "Participants without membership read this in their welcome and at the start of each "
        "year: account number, reference, and whether the employer can get the invoice.",
    ),
    "association.fee_blocks": ("Een onbetaalde bijdrage", "An unpaid fee"),
    "association.fee_blocks.option": (
        "houdt nieuwe aanmeldingen voor een groep tegen",
        "stops new requests to join a group",
    ),
    "association.rules.title": ("Regels", "Rules"),
    "association.peer_min_members": (
        "Intervisiegroep: minimaal aantal deelnemers",
        "Peer group: minimum number of participants",
    ),
    "association.peer_max_members": (
        "Intervisiegroep: maximaal aantal deelnemers",
        "Peer group: maximum number of participants",
    ),
    "association.guided_min_members": (
        "Begeleide intervisie: minimaal aantal deelnemers",
        "Guided intervisie: minimum number of participants",
    ),
    "association.guided_max_members": (
        "Begeleide intervisie: maximaal aantal deelnemers",
        "Guided intervisie: maximum number of participants",
    ),
    "association.required_hours": (
        "Uren intervisie voor de hercertificering",
        "Hours of intervisie needed for recertification",
    ),
    "association.period_years": (
        "Hercertificeringsperiode in jaren",
        "Recertification period in years",
    ),
    "association.min_hours_per_year": (
        "Waarschuwen onder dit aantal uren per jaar",
        "Warn below this many hours a year",
    ),
    "association.max_counted_hours_per_year": (
        "Uren per jaar die hoogstens meetellen",
        "Most hours that count in one year",
    ),
    "association.retention_years": ("Bewaartermijn in jaren", "Retention period in years"),
    "association.rules.intro": (
        "Deelnemersaantallen tellen de contactpersoon mee. Nieuwe groepen volgen deze regels "
        "meteen.",
        "Participant numbers include the contact person. New groups follow these rules at once.",
    ),
    "association.secretariat.title": ("Secretariaat", "Secretariat"),
    "association.secretariat.members": ("Ook in het secretariaat", "Also in the secretariat"),
    "association.secretariat.admins": ("Eigenaren en beheerders", "Owners and admins"),
    "association.secretariat.admins.option": (
        "De eigenaren en beheerders van de werkruimte horen bij het secretariaat",
        "The owners and admins of the workspace belong to the secretariat",
    ),
    # Refusals (inline, plain text)
    "association.fee_negative": (
        "Een bijdrage kan niet negatief zijn.",
        "A fee cannot be negative.",
    ),
    "association.fee_invalid": (
        "‘{given}’ is geen bedrag. Schrijf bijvoorbeeld 75 of 75,00.",
        "‘{given}’ is not an amount. Write for example 75 or 75.00.",
    ),
    "association.fee_too_high": (
        "Dat is meer dan € {high},- per jaar. Controleer het bedrag.",
        "The yearly fee can be at most €{high}. Check the amount.",
    ),
    "association.number_range": (
        "Vul een heel getal in van {low} tot en met {high}.",
        "Fill in a whole number from {low} to {high}.",
    ),
    "association.too_long.one": (
        "Dit is te lang (maximaal {count} teken).",
        "This is too long (at most {count} character).",
    ),
    "association.too_long.other": (
        "Dit is te lang (maximaal {count} tekens).",
        "This is too long (at most {count} characters).",
    ),
    "association.bad_link": (
        "Vul een volledige link in, die begint met https://.",
        "Fill in a complete link, starting with https://.",
    ),
    "association.min_above_max": (
        "Het minimum is groter dan het maximum ({high}).",
        "The minimum is larger than the maximum ({high}).",
    ),
    "association.max_below_min": (
        "Het maximum is kleiner dan het minimum ({low}).",
        "The maximum is smaller than the minimum ({low}).",
    ),
    "association.retention_below_period.one": (
        "De bewaartermijn is minstens de hercertificeringsperiode ({count} jaar).",
        "The retention period is at least the recertification period ({count} year).",
    ),
    "association.retention_below_period.other": (
        "De bewaartermijn is minstens de hercertificeringsperiode ({count} jaar).",
        "The retention period is at least the recertification period ({count} years).",
    ),
    "association.secretariat_too_many.one": (
        "Kies hoogstens {count} persoon; eigenaren en beheerders tellen niet mee.",
        "Choose at most {count} person; owners and admins do not count.",
    ),
    "association.secretariat_too_many.other": (
        "Kies hoogstens {count} personen; eigenaren en beheerders tellen niet mee.",
        "Choose at most {count} people; owners and admins do not count.",
    ),
    "association.secretariat_unknown": (
        "Kies alleen mensen uit deze werkruimte.",
        "Choose only people of this workspace.",
    ),
    # The non-member fee
    "fee.unpaid.button": ("Onbetaald {year}", "Unpaid {year}"),
    "fee.unpaid.title": ("Onbetaalde bijdragen", "Unpaid fees"),
    "fee.unpaid.intro.one": (
        "*{count}* deelnemer zonder lidmaatschap heeft de bijdrage voor {year} nog niet betaald.",
        "*{count}* participant without membership has not paid the fee for {year} yet.",
    ),
    "fee.unpaid.intro.other": (
        "*{count}* deelnemers zonder lidmaatschap hebben de bijdrage voor {year} nog niet betaald.",
        "*{count}* participants without membership have not paid the fee for {year} yet.",
    ),
    "fee.unpaid.none": (
        "Er staat voor {year} geen bijdrage open.",
        "No fee for {year} is outstanding.",
    ),
    "fee.unpaid.more.one": (
        "… en nog {count} deelnemer. De export (`/intervisie admin export`) noemt iedereen.",
        "… and {count} more participant. The export (`/intervisie admin export`) lists everyone.",
    ),
    "fee.unpaid.more.other": (
        "… en nog {count} deelnemers. De export (`/intervisie admin export`) noemt iedereen.",
        "… and {count} more participants. The export (`/intervisie admin export`) lists everyone.",
    ),
    "fee.unpaid.recorded": (
        "✅ De betaling van {name} voor {year} is vastgelegd.",
        "✅ {name}'s payment for {year} has been recorded.",
    ),
    "fee.unpaid.close": ("Sluiten", "Close"),
    "fee.mark": ("Betaling vastleggen", "Record payment"),
    "fee.mark.title": ("Betaling vastleggen", "Record payment"),
    "fee.mark.intro": (
        "*{name}* — bijdrage {year}: € {fee},- excl. btw",
        "*{name}* — fee for {year}: €{fee} excl. VAT",
    ),
    "fee.paid_by": ("Betaald door", "Paid by"),
    "fee.paid_by.participant": ("de deelnemer", "the participant"),
    "fee.paid_by.employer": ("de werkgever", "the employer"),
    "fee.paid_on": ("Betaald op (dd-mm-jjjj)", "Paid on (dd-mm-yyyy)"),
    "fee.person_not_found": (
        "Deze deelnemer is niet (meer) bekend.",
        "This participant is not known (any more).",
    ),
    "fee.not_participant": (
        "{name} is lid en betaalt geen bijdrage.",
        "{name} is a member and pays no fee.",
    ),
    "fee.bad_payer": (
        "‘{given}’: typ deelnemer of werkgever.",
        "‘{given}’: type deelnemer (participant) or werkgever (employer).",
    ),
    "fee.blocks_request": (
        "Je bijdrage voor {year} staat nog open. Zodra het secretariaat je betaling heeft "
        "verwerkt, kun je je aanmelden.",
        "Your fee for {year} is still outstanding. Once the secretariat has processed your "
        "payment, you can ask to join.",
    ),
    "fee.marker": (" · bijdrage {year} open", " · fee {year} unpaid"),
    "fee.welcome": (
        "Als intervisiedeelnemer {without_text} betaal je € {fee},- excl. btw per jaar.",
        "As an intervisie participant {without_text} you pay €{fee} excl. VAT per year.",
    ),
    "fee.due": (
        "Een nieuw jaar: als intervisiedeelnemer {without_text} betaal je voor {year} "
        "€ {fee},- excl. btw.",
        "A new year: as an intervisie participant {without_text} you pay €{fee} excl. VAT "
        "for {year}.",
    ),
    "fee.no_instructions": (
        "Het secretariaat laat je weten hoe je betaalt.",
        "The secretariat will let you know how to pay.",
    ),
    "fee.usage": (
        "Typ `/intervisie admin onbetaald 2026`, of laat het jaar weg voor dit jaar.",
        "Type `/intervisie admin onbetaald 2026`, or leave out the year for this year.",
    ),
    # Installing the app
    "install.not_installed": (
        ":warning: Intervisie is niet (meer) geïnstalleerd in deze werkruimte. Vraag een "
        "beheerder de app opnieuw toe te voegen.",
        ":warning: Intervisie is not (or no longer) installed in this workspace. Ask an admin "
        "to add the app again.",
    ),
}
