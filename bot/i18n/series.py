"""Catalogue: series of meetings on a fixed rhythm. Each entry is (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "help.cmd.series": (
        "`/intervisie reeks 1234` — plan een vast ritme in één keer (bijvoorbeeld elke laatste "
        "vrijdag van de maand, 6 keer) en wijzig of annuleer de rest van een reeks",
        "`/intervisie series 1234` — plan a fixed rhythm in one go (for example every last Friday "
        "of the month, 6 times) and change or cancel the rest of a series",
    ),
    "series.rhythm.monthly_last": (
        "Elke maand de laatste weekdag (bv. laatste vrijdag)",
        "Monthly, the last weekday (e.g. last Friday)",
    ),
    "series.rhythm.monthly_nth": (
        "Elke maand dezelfde week en dag (bv. 2e dinsdag)",
        "Monthly, same week and day (e.g. 2nd Tuesday)",
    ),
    "series.rhythm.weekly": ("Elke week", "Every week"),
    "series.rhythm.weeks.one": ("Om de {count} week", "Every {count} week"),
    "series.rhythm.weeks.other": ("Om de {count} weken", "Every {count} weeks"),
    # The modal
    "series.modal.title": ("Reeks plannen", "Plan a series"),
    "series.modal.submit": ("Plannen", "Plan"),
    "series.modal.close": ("Annuleren", "Cancel"),
    "series.modal.intro": (
        "Plan een vast ritme in één keer. Elke datum wordt een gewone bijeenkomst, die je los kunt "
        "wijzigen of annuleren. De begintijd blijft dezelfde kloktijd, ook als de zomer- of "
        "wintertijd ingaat.",
        "Plan a fixed rhythm in one go. Each date becomes an ordinary meeting that you can change "
        "or cancel on its own. The start stays the same clock time, also when summer or winter "
        "time begins.",
    ),
    "series.modal.first_day": ("Eerste datum", "First date"),
    "series.modal.first_day_hint": (
        "dd-mm-jjjj. Bij een maandelijks ritme bepaalt deze datum de dag: is het de laatste "
        "vrijdag van de maand, dan wordt het elke laatste vrijdag.",
        "dd-mm-yyyy. With a monthly rhythm this date sets the day: if it is the last Friday of "
        "the month, it becomes every last Friday.",
    ),
    "series.modal.start": ("Begintijd", "Start time"),
    "series.modal.duration": ("Duur", "Length"),
    "series.modal.rhythm": ("Ritme", "Rhythm"),
    "series.modal.count": ("Aantal bijeenkomsten", "Number of meetings"),
    "series.modal.count_hint": (
        "Een reeks reikt hoogstens twee jaar vooruit.",
        "A series reaches at most two years ahead.",
    ),
    "series.modal.place": ("Locatie of link", "Location or link"),
    "series.planned.one": (
        "{count} bijeenkomst gepland:\n{dates_text}\nDe leden krijgen de reeks in één "
        "agenda-bestand.",
        "{count} meeting planned:\n{dates_text}\nThe members get the series in one calendar file.",
    ),
    "series.planned.other": (
        "{count} bijeenkomsten gepland:\n{dates_text}\nDe leden krijgen de reeks in één "
        "agenda-bestand.",
        "{count} meetings planned:\n{dates_text}\nThe members get the series in one calendar file.",
    ),
    # Refusals
    "series.error.count.one": (
        "Kies {min} tot {count} bijeenkomst.",
        "Choose {min} to {count} meeting.",
    ),
    "series.error.count.other": (
        "Kies {min} tot {count} bijeenkomsten.",
        "Choose {min} to {count} meetings.",
    ),
    "series.error.not_last": (
        "{date} is niet de laatste van die weekdag in de maand; de laatste is {suggestion}. Begin "
        "daar, of kies een ander ritme.",
        "{date} is not the last of its weekday in the month; the last is {suggestion}. Start "
        "there, or choose another rhythm.",
    ),
    "series.error.fifth_weekday": (
        "{date} is de vijfde van die weekdag in de maand, en die heeft de ene maand wel en de "
        "andere niet. Kies 'de laatste weekdag' als ritme, of een andere eerste datum.",
        "{date} is the fifth of its weekday in the month, which some months have and others do "
        "not. Choose 'the last weekday' as the rhythm, or another first date.",
    ),
    "series.error.too_long": (
        "Deze reeks loopt tot {last}, verder dan twee jaar vooruit (uiterlijk {latest}). Kies "
        "minder bijeenkomsten of een korter ritme.",
        "This series runs until {last}, more than two years ahead (at the latest {latest}). "
        "Choose fewer meetings or a shorter rhythm.",
    ),
    "series.error.past": (
        "De eerste bijeenkomst van de reeks ligt in het verleden. Een reeks plan je vooruit.",
        "The first meeting of the series lies in the past. A series is planned ahead.",
    ),
    "series.not_found": (
        "Deze reeks bestaat niet (meer).",
        "This series does not exist (any more).",
    ),
    "series.nothing_left": (
        "Deze reeks heeft geen bijeenkomsten meer die nog moeten komen.",
        "This series has no meetings left to come.",
    ),
    # The list
    "series.list.title": (
        "*Reeksen van groep {number} {name}*",
        "*Series of group {number} {name}*",
    ),
    "series.list.footer": (
        "Eén bijeenkomst wijzigen of annuleren? Dat doe je met `/intervisie bijeenkomsten`.",
        "Change or cancel a single meeting? Use `/intervisie meetings`.",
    ),
    "series.button.change_rest": ("Rest wijzigen", "Change the rest"),
    "series.button.cancel_rest": ("Rest annuleren", "Cancel the rest"),
    "series.button.new": ("Nieuwe reeks plannen", "Plan a new series"),
    "series.confirm.title": ("Rest annuleren?", "Cancel the rest?"),
    "series.confirm.text.one": (
        "{count} bijeenkomst die nog komt, wordt geannuleerd. De leden krijgen bericht.",
        "{count} meeting still to come will be cancelled. The members are told.",
    ),
    "series.confirm.text.other": (
        "{count} bijeenkomsten die nog komen, worden geannuleerd. De leden krijgen bericht.",
        "{count} meetings still to come will be cancelled. The members are told.",
    ),
    "series.confirm.yes": ("Bijeenkomsten annuleren", "Cancel the meetings"),
    "series.confirm.no": ("Terug", "Back"),
    "series.rest.title": ("Rest wijzigen", "Change the rest"),
    "series.rest.submit": ("Opslaan", "Save"),
    "series.rest.intro": (
        "Nieuwe begintijd, duur en locatie voor de bijeenkomsten die nog komen ({dates_text}). "
        "Elke bijeenkomst houdt haar datum.",
        "A new start time, length and place for the meetings still to come ({dates_text}). Each "
        "meeting keeps its date.",
    ),
    "series.rest.changed.one": (
        "{count} bijeenkomst gewijzigd. De leden krijgen de bijgewerkte agenda.",
        "{count} meeting changed. The members get the updated calendar.",
    ),
    "series.rest.changed.other": (
        "{count} bijeenkomsten gewijzigd. De leden krijgen de bijgewerkte agenda.",
        "{count} meetings changed. The members get the updated calendar.",
    ),
    "series.rest.cancelled.one": (
        "{count} bijeenkomst geannuleerd. De leden krijgen bericht.",
        "{count} meeting cancelled. The members are told.",
    ),
    "series.rest.cancelled.other": (
        "{count} bijeenkomsten geannuleerd. De leden krijgen bericht.",
        "{count} meetings cancelled. The members are told.",
    ),
    # DMs (the comment with the .ics)
    "series.dm.planned.one": (
        "Groep {number} {name} heeft {count} bijeenkomst gepland:\n{dates_text}\nHet bestand zet "
        "haar in je agenda.",
        "Group {number} {name} has planned {count} meeting:\n{dates_text}\nThe file puts it in "
        "your calendar.",
    ),
    "series.dm.planned.other": (
        "Groep {number} {name} heeft een reeks van {count} bijeenkomsten "
        "gepland:\n{dates_text}\nHet bestand zet ze alle in je agenda.",
        "Group {number} {name} has planned a series of {count} meetings:\n{dates_text}\nThe file "
        "puts them all in your calendar.",
    ),
    "series.dm.changed.one": (
        "De bijeenkomsten van groep {number} {name} die nog komen, zijn gewijzigd. Gepland: "
        "{count} bijeenkomst:\n{dates_text}\nHet bestand werkt je agenda bij.",
        "The coming meetings of group {number} {name} have changed. Planned: {count} meeting:\n"
        "{dates_text}\nThe file updates your calendar.",
    ),
    "series.dm.changed.other": (
        "De bijeenkomsten van groep {number} {name} die nog komen, zijn gewijzigd. Gepland: "
        "{count} bijeenkomsten:\n{dates_text}\nHet bestand werkt je agenda bij.",
        "The coming meetings of group {number} {name} have changed. Planned: {count} meetings:\n"
        "{dates_text}\nThe file updates your calendar.",
    ),
    "series.dm.cancelled.one": (
        "De rest van de reeks van groep {number} {name} is geannuleerd. Nog gepland uit deze "
        "reeks: {count} bijeenkomst.\n{dates_text}\nHet bestand haalt de rest uit je agenda.",
        "The rest of the series of group {number} {name} is cancelled. Still planned from this "
        "series: {count} meeting.\n{dates_text}\nThe file removes the rest from your calendar.",
    ),
    "series.dm.cancelled.other": (
        "De rest van de reeks van groep {number} {name} is geannuleerd. Nog gepland uit deze "
        "reeks: {count} bijeenkomsten.\n{dates_text}\nHet bestand haalt de rest uit je agenda.",
        "The rest of the series of group {number} {name} is cancelled. Still planned from this "
        "series: {count} meetings.\n{dates_text}\nThe file removes the rest from your calendar.",
    ),
    "series.ics_title": (
        "Intervisie {number} – reeks vanaf {date}",
        "Intervisie {number} – series from {date}",
    ),
}
