"""Catalogue: registration numbers, registers and professions, and the secretariat's definitions of
them. (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # A person typing their number in "Mijn profiel".
    "registers.number.empty": (
        "Vul je {label} in.",
        "Enter your {label}.",
    ),
    "registers.number.invalid": (
        "Dit is geen geldig {label}. Zo ziet een {label} eruit: {example}.",
        "This is not a valid {label}. For example: {example}.",
    ),
    "registers.unknown": (
        "Dit register kent de app in deze werkruimte niet. Kies een register uit de lijst.",
        "The app does not know this register in this workspace. Choose one from the list.",
    ),
    "professions.unknown": (
        "Dit beroep kent de app in deze werkruimte niet. Kies een beroep uit de lijst.",
        "The app does not know this profession in this workspace. Choose one from the list.",
    ),
    # The secretariat defining a register or profession (and the bundled data files).
    "define.required": ("Vul dit veld in.", "Fill in this field."),
    "define.too_long.one": (
        "Dit is te lang (maximaal {count} teken).",
        "This is too long (at most {count} character).",
    ),
    "define.too_long.other": (
        "Dit is te lang (maximaal {count} tekens).",
        "This is too long (at most {count} characters).",
    ),
    "define.range": (
        "Kies een getal van {low} tot en met {high}.",
        "Choose a number from {low} up to and including {high}.",
    ),
    "define.key": (
        "De code {code} kan niet: gebruik 2 tot 32 kleine letters, cijfers of _, "
        "te beginnen met een letter.",
        "The code {code} cannot be used: use 2 to 32 lower-case letters, digits or _, "
        "starting with a letter.",
    ),
    "define.duplicate": (
        "De code {code} komt twee keer voor.",
        "The code {code} appears twice.",
    ),
    "define.choice": (
        "Kies bij {name} een van de mogelijkheden uit de lijst.",
        "For {name}, choose one of the options in the list.",
    ),
    "define.wrong_type": (
        "Bij {name} staat een waarde van de verkeerde soort.",
        "The value for {name} is of the wrong kind.",
    ),
    "define.unknown_field": (
        "Het veld {name} bestaat niet. Controleer de spelling.",
        "There is no field {name}. Check the spelling.",
    ),
    "registers.define.prefix": (
        "Een voorvoegsel bestaat alleen uit letters en cijfers (en de scheidingstekens van "
        "het register).",
        "A prefix consists of letters and digits only (and the register's separators).",
    ),
    "registers.define.separators": (
        "Scheidingstekens zijn hoogstens vijf leestekens, zoals een punt of een streepje; "
        "geen letters of cijfers.",
        "Separators are at most five punctuation marks, such as a dot or a hyphen; "
        "no letters or digits.",
    ),
    "registers.define.example": (
        "Het voorbeeld {example} past niet bij de vorm die je voor dit nummer hebt opgegeven.",
        "The example {example} does not fit the shape you gave for this number.",
    ),
    "professions.define.unknown_register": (
        "Het register {code} kent de app in deze werkruimte niet.",
        "The app does not know the register {code} in this workspace.",
    ),
}
