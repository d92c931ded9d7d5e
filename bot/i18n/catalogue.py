"""Catalogue: the secretariat's professions and registers (`/intervisie admin beroepen`).
(Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "catalogue.title": (
        "*Beroepen en registers in deze werkruimte*",
        "*Professions and registers in this workspace*",
    ),
    "catalogue.registers": ("*Registers:* {names}", "*Registers:* {names}"),
    "catalogue.professions": ("*Beroepen:* {names}", "*Professions:* {names}"),
    "catalogue.added": ("*Toegevoegd door het secretariaat*", "*Added by the secretariat*"),
    "catalogue.none_added": (
        "Het secretariaat heeft nog niets toegevoegd.",
        "The secretariat has not added anything yet.",
    ),
    "catalogue.added_register": ("Register: {name} (`{code}`)", "Register: {name} (`{code}`)"),
    "catalogue.added_profession": ("Beroep: {name} (`{code}`)", "Profession: {name} (`{code}`)"),
    "catalogue.add_register": ("Register toevoegen", "Add register"),
    "catalogue.add_profession": ("Beroep toevoegen", "Add profession"),
    "catalogue.remove": ("Verwijderen", "Remove"),
    "catalogue.removed": ("`{code}` is verwijderd.", "`{code}` has been removed."),
    "catalogue.in_use": (
        "`{code}` is nog in gebruik (in profielen, beroepen of accreditaties) en blijft staan.",
        "`{code}` is still in use (in profiles, professions or accreditations) and stays.",
    ),
    "catalogue.not_found": (
        "Dit onderdeel bestaat niet (meer).",
        "This entry does not exist (any more).",
    ),
    "catalogue.too_many": (
        "Er kunnen hoogstens {limit} van deze soort worden toegevoegd.",
        "At most {limit} of this kind can be added.",
    ),
    "catalogue.saved_register": ("Register {name} is opgeslagen.", "Register {name} was saved."),
    "catalogue.saved_profession": ("Beroep {name} is opgeslagen.", "Profession {name} was saved."),
    "catalogue.cancel": ("Annuleren", "Cancel"),
    "catalogue.save": ("Opslaan", "Save"),
    "catalogue.whole_number": ("Vul een heel getal in.", "Enter a whole number."),
    # The register form.
    "catalogue.register.title": ("Register toevoegen", "Add register"),
    "catalogue.register.name": ("Naam van het register", "Name of the register"),
    "catalogue.register.short_name": ("Korte naam (in lijsten)", "Short name (in lists)"),
    "catalogue.register.short_name_hint": (
        "Een register met dezelfde korte naam als een ingebouwd register vervangt dat, "
        "bijvoorbeeld om een voorvoegsel te verbeteren.",
        "A register with the short name of a built-in one replaces it, for instance to correct "
        "a prefix.",
    ),
    "catalogue.register.label_nl": ("Naam van het nummer", "Name of the number"),
    "catalogue.register.label_nl_hint": (
        "Zoals het op het deelnamebewijs komt, bijvoorbeeld Registratienummer Registerplein.",
        "As the Dutch certificate prints it, for example Registratienummer Registerplein.",
    ),
    "catalogue.register.label_en": (
        "Naam van het nummer in het Engels",
        "Name of the number in English",
    ),
    "catalogue.register.presence": ("Hoe het register presentie ontvangt", "How it takes presence"),
    "catalogue.presence.pe_online": (
        "Via PE-online (lijst met nummers)",
        "Through PE-online (list of numbers)",
    ),
    "catalogue.presence.gaia": ("Via GAIA (KNMG)", "Through GAIA (KNMG)"),
    "catalogue.presence.own_portal": (
        "Op de eigen site van het register",
        "On the register's own site",
    ),
    "catalogue.presence.none": ("Het register houdt geen uren bij", "The register keeps no hours"),
    "catalogue.register.charset": ("Tekens in het nummer", "Characters in the number"),
    "catalogue.charset.digits": ("Alleen cijfers", "Digits only"),
    "catalogue.charset.alphanumeric": ("Letters en cijfers", "Letters and digits"),
    "catalogue.register.min_length": ("Minimale lengte", "Minimum length"),
    "catalogue.register.max_length": ("Maximale lengte", "Maximum length"),
    "catalogue.register.example": ("Voorbeeldnummer", "Example number"),
    "catalogue.register.example_hint": (
        "Een verzonnen nummer van de juiste vorm; het staat in foutmeldingen.",
        "A made-up number of the right shape; error messages show it.",
    ),
    "catalogue.register.paste_prefix": ("Voorvoegsel in PE-online", "Prefix in PE-online"),
    "catalogue.register.paste_prefix_hint": (
        "Bijvoorbeeld BIG- ; laat leeg als het register de nummers zonder voorvoegsel wil.",
        "For example BIG- ; leave empty if the register takes numbers without a prefix.",
    ),
    "catalogue.register.cycle_years": (
        "Herregistratie elke … jaar",
        "Re-registration every … years",
    ),
    "catalogue.register.target_hours": ("Uren per herregistratie", "Hours per re-registration"),
    "catalogue.register.norm_hint": (
        "Zonder beide geldt de regel van de vereniging: 32 uur in 4 jaar.",
        "Without both, the association's rule applies: 32 hours in 4 years.",
    ),
    # The profession form.
    "catalogue.profession.title": ("Beroep toevoegen", "Add profession"),
    "catalogue.profession.name_nl": ("Naam van het beroep", "Name of the profession"),
    "catalogue.profession.name_en": (
        "Naam van het beroep in het Engels",
        "Name of the profession in English",
    ),
    "catalogue.profession.registers": (
        "Registers die bij dit beroep horen",
        "Registers that go with this profession",
    ),
    "catalogue.profession.wants_hours": ("Uren en deelnamebewijs", "Hours and certificate"),
    "catalogue.profession.hours_yes": (
        "Ja, krijgt deelnamebewijzen",
        "Yes, gets certificates",
    ),
    "catalogue.profession.hours_no": (
        "Nee, doet mee zonder uren (zoals cliënten)",
        "No, takes part without hours (like clients)",
    ),
}
