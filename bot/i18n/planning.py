"""Catalogue: choosing a method, roles planned ahead, the rotation's suggestion, reflection prompts
and the secretariat's methods. Each entry is (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- help lines ------------------------------------------------------------------------------
    "help.cmd.methods": (
        "`/intervisie methodes [naam]` — de intervisiemethodes en hun stappen (het secretariaat "
        "beheert ze met `/intervisie admin methodes`)",
        "`/intervisie methods [name]` — the intervision methods and their steps (the secretariat "
        "manages them with `/intervisie admin methodes`)",
    ),
    "help.cmd.reflection": (
        "`/intervisie reflectie aan|uit` — reflectievragen na een bijeenkomst, voor jezelf; "
        "`/intervisie reflectie 1234 aan|uit` voor een groep (contactpersoon)",
        "`/intervisie reflection on|off` — reflection questions after a meeting, for yourself; "
        "`/intervisie reflection 1234 on|off` for a group (contact person)",
    ),
    # -- the method in the plan modal ---------------------------------------------------------------
    "plan.method.label": ("Methode", "Method"),
    "plan.method.hint": (
        "De werkvorm van deze bijeenkomst. Alle methodes met hun stappen: /intervisie methodes",
        "The method of this meeting. All methods and their steps: /intervisie methods",
    ),
    "plan.method.none": ("Nog geen methode gekozen", "No method chosen yet"),
    "plan.method.unset": ("nog niet gekozen", "not chosen yet"),
    # -- roles planned ahead -----------------------------------------------------------------------
    "plan.nobody": ("Nog niemand", "Nobody yet"),
    "plan.label.presenter": ("Inbrenger", "Presenter"),
    "plan.label.facilitator": ("Facilitator", "Facilitator"),
    "plan.hint.presenter": (
        "Brengt een werkervaring in en krijgt een bericht over de voorbereiding.",
        "Brings a work experience and gets a message on how to prepare.",
    ),
    "plan.hint.facilitator": (
        "Leidt het gesprek en krijgt de stappen van de methode als tijdsplan.",
        "Leads the conversation and gets the method's steps as a time plan.",
    ),
    "plan.candidate": ("{name} — {hint}", "{name} — {hint}"),
    "plan.candidate.suggested": ("{name} — {hint} (voorstel)", "{name} — {hint} (suggested)"),
    "plan.candidate.never": ("nog nooit", "never yet"),
    "plan.candidate.before": (
        "deze periode nog niet, laatst {date}",
        "not yet this period, last {date}",
    ),
    "plan.candidate.had.one": (
        "{count} keer deze periode, laatst {date}",
        "{count} time this period, last {date}",
    ),
    "plan.candidate.had.other": (
        "{count} keer deze periode, laatst {date}",
        "{count} times this period, last {date}",
    ),
    "plan.suggest": (
        "Voorstel volgens de rolwisseling ({start} – {end}): inbrenger *{presenter}*, "
        "facilitator *{facilitator}*. Het is een voorstel: je kiest zelf.",
        "Suggestion from the role rotation ({start} – {end}): presenter *{presenter}*, "
        "facilitator *{facilitator}*. It is only a suggestion: the choice is yours.",
    ),
    "plan.suggest.nobody": ("niemand", "nobody"),
    "plan.warn.title": (
        ":warning: *Let op* (je kunt toch opslaan):",
        ":warning: *Please check* (you can still save):",
    ),
    "plan.warn.same_person": (
        "Dezelfde persoon is inbrenger én facilitator. Meestal zijn dat twee verschillende leden.",
        "The same person is presenter and facilitator. Usually these are two different members.",
    ),
    # The count is the meeting's length; the method's minimum is in the same unit.
    "plan.warn.method_too_long.one": (
        "De bijeenkomst duurt {count} minuut; de gekozen methode vraagt er minstens {minimum}.",
        "The meeting lasts {count} minute; the method chosen needs at least {minimum}.",
    ),
    "plan.warn.method_too_long.other": (
        "De bijeenkomst duurt {count} minuten; de gekozen methode vraagt er minstens {minimum}.",
        "The meeting lasts {count} minutes; the method chosen needs at least {minimum}.",
    ),
    "plan.warn.confirm_label": ("Toch opslaan?", "Save anyway?"),
    "plan.warn.confirm": ("Ja, sla het zo op", "Yes, save it like this"),
    "plan.roles.in_list": (
        "Inbrenger en facilitator plan je met de knop *Rollen* in `/intervisie bijeenkomsten`.",
        "You plan the presenter and the facilitator with the *Roles* button in "
        "`/intervisie meetings`.",
    ),
    "plan.roles.title": ("Rollen plannen", "Plan roles"),
    "plan.roles.submit": ("Opslaan", "Save"),
    "plan.roles.close": ("Annuleren", "Cancel"),
    "plan.roles.done_close": ("Sluiten", "Close"),
    "plan.roles.intro": (
        "*Groep {number} — {name}*\nBijeenkomst van {when}\nMethode: {method}",
        "*Group {number} — {name}*\nMeeting of {when}\nMethod: {method}",
    ),
    "plan.roles.footer": (
        "Wie een rol krijgt, ontvangt een bericht: de inbrenger over de voorbereiding, de "
        "facilitator het tijdsplan. Na de bijeenkomst staan de rollen al ingevuld in de "
        "registratie.",
        "Whoever gets a role receives a message: the presenter on preparing, the facilitator "
        "the time plan. After the meeting the roles are already filled in in the registration.",
    ),
    "plan.roles.saved": (
        "Rollen opgeslagen voor {when}: {roles}. Wie een nieuwe rol heeft, krijgt een bericht.",
        "Roles saved for {when}: {roles}. Whoever has a new role gets a message.",
    ),
    "plan.button.roles": ("Rollen", "Roles"),
    "plan.role.presenter": ("inbrenger", "presenter"),
    "plan.role.facilitator": ("facilitator", "facilitator"),
    "plan.role_item.presenter": ("inbrenger {name}", "presenter {name}"),
    "plan.role_item.facilitator": ("facilitator {name}", "facilitator {name}"),
    "plan.line.method": ("Methode: {method}", "Method: {method}"),
    "plan.line.roles": ("Rollen: {roles}", "Roles: {roles}"),
    "plan.list_method": (" · {method}", " · {method}"),
    "plan.home.title": ("*Jouw rollen*", "*Your roles*"),
    "plan.home.item": (
        "• {when} — groep {number}: {role}{method}",
        "• {when} — group {number}: {role}{method}",
    ),
    "plan.home.method": (" ({method})", " ({method})"),
    # -- the assignees' DMs ----------------------------------------------------------------------
    "plan.dm.presenter": (
        "De contactpersoon heeft je als inbrenger ingepland: intervisiegroep {number} {name}, "
        "{when}.",
        "The contact person has planned you as the presenter: intervisie group {number} "
        "{name}, {when}.",
    ),
    "plan.dm.presenter_changed": (
        "De bijeenkomst waarbij je inbrenger bent, is gewijzigd: intervisiegroep {number} "
        "{name}, {when}.",
        "The meeting at which you are the presenter has changed: intervisie group {number} "
        "{name}, {when}.",
    ),
    "plan.dm.facilitator": (
        "Je bent facilitator bij de bijeenkomst van intervisiegroep {number} {name} op {when}. "
        "Met het tijdsplan hieronder bewaak je de stappen en de tijd.",
        "You are the facilitator at the meeting of intervisie group {number} {name} on {when}. "
        "The time plan below helps you keep to the steps and the time.",
    ),
    "plan.dm.facilitator_changed": (
        "De bijeenkomst waarbij je facilitator bent, is gewijzigd: intervisiegroep {number} "
        "{name}, {when}. Dit is het tijdsplan zoals het nu is.",
        "The meeting at which you are the facilitator has changed: intervisie group {number} "
        "{name}, {when}. This is the time plan as it is now.",
    ),
    "plan.dm.no_method": (
        "Er is nog geen methode gekozen. Spreek er een af met de groep; de methodes en hun "
        "stappen vind je met `/intervisie methodes`.",
        "No method has been chosen yet. Agree on one with the group; you find the methods and "
        "their steps with `/intervisie methods`.",
    ),
    "plan.dm.released": (
        "Je bent niet meer ingepland als {role} bij de bijeenkomst van intervisiegroep {number} "
        "{name} op {when}: de contactpersoon heeft de rollen anders verdeeld.",
        "You are no longer planned as {role} at the meeting of intervisie group {number} {name} "
        "on {when}: the contact person divided the roles differently.",
    ),
    # -- `/intervisie rollen` ------------------------------------------------------------------------
    "roles.members_only": (
        "Alleen de leden van groep {number}, de contactpersoon en het secretariaat zien de "
        "rolwisseling.",
        "Only the members of group {number}, the contact person and the secretariat see the "
        "role rotation.",
    ),
    "roles.error.not_member": (
        "Kies iemand die lid is van deze groep.",
        "Choose someone who is a member of this group.",
    ),
    "roles.error.registered": (
        "Van deze bijeenkomst is de aanwezigheid al geregistreerd; de rollen staan in de "
        "registratie.",
        "Attendance of this meeting has been registered; the roles are in the registration.",
    ),
    "roles.period.invalid": (
        "Kies als periode een aantal maanden: {choices} (of jaar, halfjaar, kwartaal).",
        "Choose a number of months as the period: {choices} (or year, halfyear, quarter).",
    ),
    "roles.period.usage": (
        "Typ de periode erbij, bijvoorbeeld `/intervisie rollen {number} periode 6` (maanden) "
        "of `periode jaar`.",
        "Add the period, for example `/intervisie roles {number} period 6` (months) or "
        "`period year`.",
    ),
    "roles.period.done": (
        ":white_check_mark: De rolwisseling van groep {number} loopt nu per {period}, geteld "
        "vanaf januari.",
        ":white_check_mark: The role rotation of group {number} now runs per {period}, counted "
        "from January.",
    ),
    "roles.months.one": ("{count} maand", "{count} month"),
    "roles.months.other": ("{count} maanden", "{count} months"),
    "roles.upcoming.title": ("*Ingepland*", "*Planned*"),
    "roles.upcoming.item": ("• {when}: {roles}", "• {when}: {roles}"),
    "roles.upcoming.none": ("nog geen rollen ingepland", "no roles planned yet"),
    "roles.manage_hint": (
        "Rollen plannen: knop *Rollen* in `/intervisie bijeenkomsten {number}`. De periode is "
        "nu {period}; wijzigen met `/intervisie rollen {number} periode 6` (in maanden: "
        "{choices}).",
        "Plan roles: the *Roles* button in `/intervisie meetings {number}`. The period is now "
        "{period}; change it with `/intervisie roles {number} period 6` (in months: {choices}).",
    ),
    # -- reflection ----------------------------------------------------------------------------------
    "reflection.dm.title": (
        "*Reflectie op de bijeenkomst van {date}* (groep {number} {name})",
        "*Reflection on the meeting of {date}* (group {number} {name})",
    ),
    "reflection.question": ("• _{dimension}_ — {text}", "• _{dimension}_ — {text}"),
    "reflection.button.done": ("Reflectie gemaakt", "Reflection done"),
    "reflection.button.off": ("Geen reflectievragen meer", "No more reflection questions"),
    "reflection.footer": (
        "Schrijf je antwoorden niet in Slack: ze zijn voor jezelf. De knop legt alleen vast dát "
        "je hebt gereflecteerd.",
        "Do not write your answers in Slack: they are for yourself. The button only records that "
        "you reflected.",
    ),
    "reflection.dm.done": (
        ":white_check_mark: Reflectie gemaakt op {date} om {time} (bijeenkomst van {meeting}, "
        "groep {number}). Vastgelegd is alleen dát je reflecteerde, niet wat.",
        ":white_check_mark: Reflection done on {date} at {time} (meeting of {meeting}, group "
        "{number}). Only the fact that you reflected is recorded, not what.",
    ),
    "reflection.not_attended": (
        "Je kunt alleen een reflectie vastleggen bij een bijeenkomst waarbij je aanwezig was.",
        "You can only record a reflection for a meeting you attended.",
    ),
    "reflection.own.on": (
        "Je krijgt na een bijeenkomst reflectievragen, als je groep die gebruikt. Uitzetten: "
        "`/intervisie reflectie uit`.",
        "You get reflection questions after a meeting, if your group uses them. Turn them off: "
        "`/intervisie reflection off`.",
    ),
    "reflection.own.off": (
        "Je krijgt geen reflectievragen meer. Weer aanzetten: `/intervisie reflectie aan`.",
        "You no longer get reflection questions. Turn them on again: `/intervisie reflection on`.",
    ),
    "reflection.group.on": (
        "De leden van groep {number} krijgen na elke bijeenkomst reflectievragen. Uitzetten: "
        "`/intervisie reflectie {number} uit`.",
        "Members of group {number} get reflection questions after every meeting. Turn them "
        "off: `/intervisie reflection {number} off`.",
    ),
    "reflection.group.off": (
        "De leden van groep {number} krijgen geen reflectievragen. Aanzetten: "
        "`/intervisie reflectie {number} aan`.",
        "Members of group {number} get no reflection questions. Turn them on: "
        "`/intervisie reflection {number} on`.",
    ),
    "reflection.guided_always": (
        "Bij begeleide intervisie krijgen de deelnemers altijd reflectievragen; ieder kan ze "
        "wel voor zichzelf uitzetten.",
        "In guided intervision participants always get reflection questions; each of them can "
        "turn them off for themselves.",
    ),
    "reflection.usage": (
        "Typ `/intervisie reflectie aan` of `uit` voor jezelf, of "
        "`/intervisie reflectie 1234 aan` of `uit` voor een groep.",
        "Type `/intervisie reflection on` or `off` for yourself, or "
        "`/intervisie reflection 1234 on` or `off` for a group.",
    ),
    # -- methods for members and the secretariat -------------------------------------------------------
    "methods.list.title": ("*Intervisiemethodes*", "*Intervision methods*"),
    "methods.list.item": (
        "• *{name}* ({minutes} min, snel plannen met `{word}`) — {purpose}",
        "• *{name}* ({minutes} min, quick planning with `{word}`) — {purpose}",
    ),
    "methods.list.footer": (
        "Een methode met al haar stappen: `/intervisie methodes incident`. Snel plannen met een "
        "methode: `/intervisie plan 1234 30-11-2026 19:00 2u incident`.",
        "A method with all its steps: `/intervisie methods incident`. Plan quickly with a "
        "method: `/intervisie plan 1234 30-11-2026 19:00 2h incident`.",
    ),
    "methods.admin.title": (
        "*Methodes voor de groepen*\nWat uit staat, kunnen groepen niet meer kiezen; geplande "
        "bijeenkomsten houden hun methode.",
        "*Methods for the groups*\nWhat is off, groups can no longer choose; planned meetings "
        "keep their method.",
    ),
    "methods.admin.item": (
        "*{name}* — {state}{origin}\n{purpose}",
        "*{name}* — {state}{origin}\n{purpose}",
    ),
    "methods.admin.on": ("aan", "on"),
    "methods.admin.off": ("uit", "off"),
    "methods.admin.own": ("eigen methode", "own method"),
    "methods.admin.enable": ("Aanzetten", "Switch on"),
    "methods.admin.disable": ("Uitzetten", "Switch off"),
    "methods.admin.add": ("Eigen methode toevoegen", "Add your own method"),
    "methods.admin.footer": (
        "Eigen werkvorm staat altijd aan: een groep kan altijd een bijeenkomst plannen.",
        "Own method is always on: a group can always plan a meeting.",
    ),
    "methods.admin.enabled": (
        "*{name}* staat aan: groepen kunnen deze methode weer kiezen.",
        "*{name}* is on: groups can choose this method again.",
    ),
    "methods.admin.disabled": (
        "*{name}* staat uit: groepen zien deze methode niet meer bij het plannen.",
        "*{name}* is off: groups no longer see this method when planning.",
    ),
    "methods.admin.own_stays": (
        "Eigen werkvorm blijft altijd aan.",
        "Own method always stays on.",
    ),
    "methods.add.title": ("Eigen methode", "Own method"),
    "methods.add.submit": ("Toevoegen", "Add"),
    "methods.add.close": ("Annuleren", "Cancel"),
    "methods.add.done_close": ("Sluiten", "Close"),
    "methods.add.intro": (
        "Een methode voor alle groepen van de vereniging. De Engelse velden mag je leeg laten: "
        "Engelstalige leden zien dan de Nederlandse tekst. Beschrijf de werkvorm, nooit een "
        "casus.",
        "A method for every group of the association. You may leave the English fields empty: "
        "English-speaking members then see the Dutch text. Describe the method, never a case.",
    ),
    "methods.add.name_nl": ("Naam", "Name (Dutch)"),
    "methods.add.name_en": ("Naam in het Engels", "Name in English"),
    "methods.add.purpose_nl": ("Doel", "Purpose (Dutch)"),
    "methods.add.purpose_en": ("Doel in het Engels", "Purpose in English"),
    "methods.add.fits": ("Wanneer past deze methode", "When this method fits"),
    "methods.add.steps": ("Stappen", "Steps"),
    "methods.add.steps_hint": (
        "Eén stap per regel: minuten | titel | wat er gebeurt. Bijvoorbeeld: 10 | Situatie "
        "schetsen | De inbrenger vertelt kort wat er gebeurde",
        "One step per line: minutes | title | what happens. For example: 10 | Sketch the "
        "situation | The presenter briefly tells what happened",
    ),
    "methods.add.minutes": ("Duur in minuten", "Duration in minutes"),
    "methods.add.minutes_hint": (
        "Leeg laten: de stappen bij elkaar opgeteld.",
        "Leave empty: the steps added up.",
    ),
    "methods.add.done": (
        "*{name}* is toegevoegd. Groepen kunnen deze methode nu kiezen; snel plannen met `{word}`.",
        "*{name}* has been added. Groups can choose this method now; plan quickly with `{word}`.",
    ),
    "method.error.step_line": (
        "Regel {number} is geen stap: schrijf minuten | titel | wat er gebeurt.",
        "Line {number} is not a step: write minutes | title | what happens.",
    ),
}
