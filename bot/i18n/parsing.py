"""Catalogue: refusals of typed input (numbers, names, dates, times). Each entry is (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "input.number_missing": (
        "Typ een nummer, bijvoorbeeld 1234.",
        "Type a number, for example 1234.",
    ),
    "input.number_invalid": (
        "_{given}_ is geen nummer. Typ alleen cijfers, bijvoorbeeld 1234.",
        "_{given}_ is not a number. Type digits only, for example 1234.",
    ),
    "input.number_not_ascii": (
        "_{given}_ bevat tekens die op cijfers lijken maar het niet zijn, zoals superscript-, "
        "volbreedte- of Arabisch-Indische cijfers. Typ het nummer met de cijfers 0 tot en met 9.",
        "_{given}_ contains characters that look like digits but are not, such as superscript, "
        "full-width or Arabic-Indic digits. Type the number with the digits 0 to 9.",
    ),
    "input.number_too_long": (
        "_{given}_ is te lang voor een nummer. Controleer wat je hebt getypt.",
        "_{given}_ is too long for a number. Check what you typed.",
    ),
    "input.name_empty": (
        "Deze naam bestaat alleen uit spaties of onzichtbare tekens. Typ een naam die je kunt lezen.",
        "This name has only spaces or invisible characters. Type a name that can be read.",
    ),
    "input.too_long.one": (
        "Dit is te lang (maximaal {count} teken).",
        "This is too long (at most {count} character).",
    ),
    "input.too_long.other": (
        "Dit is te lang (maximaal {count} tekens).",
        "This is too long (at most {count} characters).",
    ),
    "input.date_out_of_range": (
        "{value} valt buiten de datums die je kunt kiezen: van {earliest} tot en met {latest}.",
        "{value} is outside the dates you can choose: from {earliest} up to and including "
        "{latest}.",
    ),
    "input.time_doubled": (
        "Op {date} komt {time} twee keer voor: die nacht gaat de klok van zomertijd terug naar "
        "wintertijd. Bedoel je {time} zomertijd ({first_zone}) of een uur later {time} "
        "wintertijd ({second_zone})? Typ dan _{time} zomertijd_ of _{time} wintertijd_, of kies "
        "een tijd buiten dit uur.",
        "On {date}, {time} happens twice: that night the clocks go back from summer time to "
        "winter time. Do you mean {time} summer time ({first_zone}) or, an hour later, {time} "
        "winter time ({second_zone})? Then type _{time} summer_ or _{time} winter_, or choose a "
        "time outside this hour.",
    ),
    "input.time_doubled_offsets": (
        "Op {date} komt {time} twee keer voor: die nacht gaat de klok een uur terug, eerst is het "
        "{time} {first_zone}, daarna {time} {second_zone}. Kies een tijd buiten dit uur.",
        "On {date}, {time} happens twice: that night the clocks go back an hour, first it is "
        "{time} {first_zone}, then {time} {second_zone}. Choose a time outside this hour.",
    ),
}
