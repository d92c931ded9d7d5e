"""The guided story: Karin asks Marieke, an LVSC supervisor, for guided intervision for her team;
a trajectory of three meetings runs, Marieke closes it (three certificates, one explanation),
the group agrees to the report for the municipality, and the group goes on by itself."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import select

from bot.demo.naming import when_text
from bot.demo.people import KARIN, LOTTE, MARIEKE, MOHAMED, NINA, Colleague
from bot.demo.world import (
    JSON,
    Artefacts,
    DemoError,
    World,
    button_in,
    dm_with,
    html_text,
)
from bot.devtools.slack_sim import http_request
from handlers.ui.attendance_ui import ActionId as AttendanceAction
from handlers.ui.attendance_ui import CallbackId as AttendanceCallback
from handlers.ui.groups_ids import ActionId as GroupAction
from handlers.ui.groups_ids import CallbackId as GroupCallback
from handlers.ui.guided_ids import ActionId as GuidedAction
from handlers.ui.guided_ids import CallbackId as GuidedCallback
from storage.models import Certificate, CertificateKind, Meeting

ORGANISATION = "Gemeente Zeist, team Wijkzorg"
JOINERS = (LOTTE, MOHAMED, NINA)
PARTICIPANTS = (KARIN, *JOINERS)
READER = "https://intervisie.example/reader-intervisie.pdf"
WISHES = "Leren elkaar vragen te stellen in plaats van advies te geven."
LABELS = {"facilitator": "Facilitator", "presenter": "Inbrenger", "participant": "Deelnemer"}
# Per meeting, in date order: Nina is there only the first time.
ROLES = (
    {KARIN: "facilitator", LOTTE: "presenter", MOHAMED: "participant", NINA: "participant"},
    {KARIN: "participant", LOTTE: "facilitator", MOHAMED: "presenter", NINA: "absent"},
    {KARIN: "presenter", LOTTE: "participant", MOHAMED: "facilitator", NINA: "absent"},
)


@dataclass
class GuidedStory:
    """The state the guided steps pass on to each other."""

    world: World
    output: Path
    artefacts: Artefacts
    number: int = 0

    def day(self, days: int) -> date:
        """A weekday at least `days` after the story's present (nobody meets on Sundays)."""
        found = (self.world.clock.now() + timedelta(days=days)).date()
        return found + timedelta(days=max(0, 7 - found.weekday()) if found.weekday() > 4 else 0)


def _files(world: World, had: dict[Colleague, int], suffix: str) -> Callable[[], bool]:
    """A check: each person has more files ending in `suffix` than they had."""
    return lambda: all(len(world.files_of(p, suffix)) > n for p, n in had.items())


def _dm(world: World, who: Colleague, needle: str) -> JSON:
    """The latest DM to `who` containing `needle` (a text or a button's action id)."""
    found = world.dm_with(who, needle)
    if found is None:
        raise DemoError(f"{who.first} has no DM with {needle!r}")
    return found


def _jump(story: GuidedStory, to: datetime, why: str) -> None:
    story.world.clock.set(to)
    story.world.out.write(f"⏱ De klok springt naar {when_text(to)}: {why}")


def step_request(story: GuidedStory) -> None:
    """Karin asks Marieke for an exploratory conversation."""
    world = story.world
    view = world.open_form(KARIN, "begeleiding", GuidedCallback.REQUEST)
    world.submit(
        KARIN,
        view,
        {
            GuidedAction.SUPERVISOR: MARIEKE.user_id,
            GuidedAction.ORGANISATION: ORGANISATION,
            GuidedAction.CLIENT_CONTACT: "Petra de Wit (hr), p.dewit@zeist.example",
            GuidedAction.PARTICIPANTS: "4",
            GuidedAction.WISHES: WISHES,
        },
        shown={"Begeleider": MARIEKE.name, "Opdrachtgever": ORGANISATION, "Wensen": WISHES},
        expect=dm_with(world, MARIEKE, ORGANISATION),
        what="the request in Marieke's DM",
    )


def step_accept(story: GuidedStory) -> None:
    """Marieke accepts and proposes a date for the exploratory conversation."""
    world = story.world
    view = world.press_for_form(
        MARIEKE,
        _dm(world, MARIEKE, GuidedAction.ACCEPT),
        action_id=GuidedAction.ACCEPT,
        callback_id=GuidedCallback.ACCEPT,
        what="the accept modal",
    )
    day = story.day(3).strftime("%d-%m-%Y")
    world.submit(
        MARIEKE,
        view,
        {
            GuidedAction.INTAKE_DATE: day,
            GuidedAction.INTAKE_TIME: "10:00",
            GuidedAction.REGISTER: "lvsc",
            GuidedAction.REGISTER_NUMBER: "LVSC-20417",
        },
        shown={"Datum": day, "Tijd": "10:00", "Register": "LVSC", "Nummer": "LVSC-20417"},
        expect=dm_with(world, KARIN, "verkennend gesprek"),
        what="the answer in Karin's DM",
    )


def step_start(story: GuidedStory) -> None:
    """After the conversation and the quote, Marieke starts the trajectory."""
    world = story.world
    _jump(story, world.clock.now() + timedelta(days=5), "het gesprek was goed, de offerte akkoord.")
    world.out.write("  (het verzoek van Karin in Mariekes berichten, inmiddels bijgewerkt)")
    view = world.press_for_form(
        MARIEKE,
        _dm(world, MARIEKE, GuidedAction.START),
        action_id=GuidedAction.START,
        callback_id=GuidedCallback.START,
        what="the start modal",
    )
    quote = story.day(0).strftime("%d-%m-%Y")
    world.submit(
        MARIEKE,
        view,
        {
            GuidedAction.MEETINGS: "3",
            GuidedAction.MAX_MEMBERS: "6",
            GuidedAction.QUOTE_DATE: quote,
            GuidedAction.PRICE: "395",
            GuidedAction.READER_URL: READER,
        },
        shown={
            "Bijeenkomsten": "3",
            "Maximaal aantal deelnemers": "6",
            "Offerte akkoord op": quote,
            "Prijs per deelnemer": "395",
            "Reader": READER,
        },
        expect=dm_with(world, KARIN, "groepsnummer is *"),
        what="the group number in Karin's DM",
    )
    dm = _dm(world, KARIN, "groepsnummer is *")
    story.number = int(str(dm["text"]).split("groepsnummer is *")[1].split("*")[0])


def step_join(story: GuidedStory) -> None:
    """Three colleagues of Karin join; she approves them, and each gets the reader."""
    world = story.world
    for index, who in enumerate(JOINERS):
        view = world.open_form(who, f"aanmelden {story.number}", GroupCallback.MEMBERSHIP)
        number = f"LVV-{2200 + 13 * index}"
        world.submit(
            who,
            view,
            {GroupAction.MEMBERSHIP_TYPE: "member", GroupAction.MEMBER_NUMBER: number},
            shown={"Lidmaatschap": "LVV-lid", "Lidnummer": number},
            expect=dm_with(world, KARIN, who.name),
            what=f"Karin's DM about {who.first}'s request",
        )
        message = _dm(world, KARIN, who.name)
        button = button_in(message, GroupAction.APPROVE)
        world.click(
            KARIN,
            button["text"]["text"],
            action_id=GroupAction.APPROVE,
            value=button.get("value"),
            message=message,
            expect=dm_with(world, who, READER),
            what=f"the welcome with the reader for {who.first}",
        )


def step_plan(story: GuidedStory) -> None:
    """Marieke plans the three meetings with the quick command."""
    world = story.world
    for count, days in enumerate((7, 21, 35), start=1):
        day = story.day(days).strftime("%d-%m-%Y")
        world.command(
            MARIEKE,
            f"plan {story.number} {day} 13:30 2,5u Zeist, Slotlaan 1",
            expect=_files(world, {p: count - 1 for p in (MARIEKE, *PARTICIPANTS)}, ".ics"),
            what=f"the invitations for meeting {count}",
        )


def step_register(story: GuidedStory) -> None:
    """After the third meeting Marieke registers all three; she leads, she is not certified."""
    world = story.world
    deps = world.runtime.deps
    with deps.uow() as session:
        meetings = list(session.scalars(select(Meeting).order_by(Meeting.starts_at)))[-3:]
        order = [m.id for m in meetings]
        last_end = meetings[-1].starts_at + timedelta(minutes=meetings[-1].duration_minutes)
    _jump(story, last_end + timedelta(hours=2), "de derde bijeenkomst is voorbij.")
    by_name = {p.name: p for p in PARTICIPANTS}
    for _ in order:
        view = world.open_form(MARIEKE, f"registreer {story.number}", AttendanceCallback.REGISTER)
        roles = ROLES[order.index(int(json.loads(view["private_metadata"])["meeting_id"]))]
        values: JSON = {}
        shown: dict[str, str] = {}
        for block in view.get("blocks") or []:
            element = block.get("element") or {}
            action_id = str(element.get("action_id", ""))
            person = by_name.get((block.get("label") or {}).get("text", ""))
            if person is None or not action_id.startswith(AttendanceAction.MEMBER_ROLE):
                continue
            values[action_id] = roles[person]
            shown[person.name] = LABELS.get(roles[person], "Afwezig")
        present = [p for p, role in roles.items() if role != "absent"]
        before = {p: len(world.files_of(p, ".pdf")) for p in present}
        world.submit(
            MARIEKE,
            view,
            values,
            shown=shown,
            expect=_files(world, before, ".pdf"),
            what="the certificates of participation",
        )


def step_close(story: GuidedStory) -> None:
    """Marieke closes the trajectory: she sees the threshold and awards reflection points."""
    world = story.world
    before = world.replies()
    world.command(
        MARIEKE,
        f"traject {story.number}",
        expect=lambda: world.reply_with(GuidedAction.CLOSE, after=before),
        what="the trajectory overview",
    )
    reply = world.reply_with(GuidedAction.CLOSE, after=before)
    assert reply is not None
    message = {"ts": "1700000000.000200", "channel": "C0DEMO", **reply}
    view = world.press_for_form(
        MARIEKE,
        message,
        action_id=GuidedAction.CLOSE,
        callback_id=GuidedCallback.CLOSE,
        what="the close modal",
    )
    world.submit(
        MARIEKE,
        view,
        {GuidedAction.POINTS: "3"},
        shown={"Reflectiepunten": "3"},
        expect=lambda: (
            all(
                any("certificaat" in f.filename for f in world.files_of(p, ".pdf"))
                for p in (KARIN, LOTTE, MOHAMED)
            )
            and world.dm_with(NINA, "afgerond")
        ),
        what="the completion certificates and Nina's explanation",
    )


def step_certificates(story: GuidedStory) -> None:
    """The certificates are saved next to the others; one is checked on /verify."""
    world = story.world
    folder = story.output / "certificates"
    folder.mkdir(parents=True, exist_ok=True)
    for person in PARTICIPANTS:
        uploads = [f for f in world.files_of(person, ".pdf") if "certificaat" in f.filename]
        if not uploads:
            story.world.out.write(f"  {person.first} bleef onder de drempel: geen certificaat.")
            continue
        path = folder / uploads[-1].filename
        path.write_bytes(uploads[-1].content)
        story.artefacts.completion_certificates.append(path)
        story.world.out.write(f"  {person.first}: {path.name} → {path}")
    deps = world.runtime.deps
    with deps.uow() as session:
        code = session.scalars(
            select(Certificate.verification_code).where(
                Certificate.holder_name == LOTTE.name,
                Certificate.kind == CertificateKind.COMPLETION,
            )
        ).first()
    if code is None:
        raise DemoError("Lotte has no completion certificate")
    story.world.out.write(f"▶ Lottes werkgever opent {deps.settings.public_url}/verify/{code}")
    page = http_request(world.runtime.port, "GET", f"/verify/{code}")
    if page.status != 200:
        raise DemoError(f"/verify answered {page.status}")
    story.world.out.write("  De pagina toont:")
    story.world.out.box(html_text(page.text))


def step_report(story: GuidedStory) -> None:
    """Marieke drafts the report for the municipality; all four agree; she gets the PDF."""
    world = story.world
    message = _dm(world, MARIEKE, GuidedAction.REPORT)
    world.out.write("  (het bericht over de afronding in Mariekes berichten)")
    view = world.press_for_form(
        MARIEKE,
        message,
        action_id=GuidedAction.REPORT,
        callback_id=GuidedCallback.REPORT,
        what="the report modal",
    )
    deadline = story.day(7).strftime("%d-%m-%Y")
    texts: JSON = {
        GuidedAction.AIM: "Het team leert zelfstandig intervisie te houden.",
        GuidedAction.WORKING_METHOD: "Drie bijeenkomsten met de incidentmethode en de "
        "Balintmethode, telkens met een facilitator en een inbrenger uit de groep.",
        GuidedAction.OUTCOME: "Het team stelt verdiepende vragen in plaats van advies te geven "
        "en bereidt een bijeenkomst zelf voor.",
        GuidedAction.RECOMMENDATIONS: "Zes keer per jaar zelfstandig verder; na een jaar één "
        "begeleide bijeenkomst als opfrisser.",
        GuidedAction.DEADLINE: deadline,
    }
    world.submit(
        MARIEKE,
        view,
        texts,
        shown={"Doel": texts[GuidedAction.AIM], "Reageren kan tot en met": deadline},
        expect=lambda: all(world.dm_with(p, GuidedAction.REPORT_AGREE) for p in PARTICIPANTS),
        what="the draft report in every participant's DM",
    )
    for person in PARTICIPANTS:
        draft = _dm(world, person, GuidedAction.REPORT_AGREE)
        world.out.write(f"  (de rapportage in de berichten van {person.first})")
        world.click(
            person,
            "Akkoord",
            action_id=GuidedAction.REPORT_AGREE,
            value=button_in(draft, GuidedAction.REPORT_AGREE).get("value"),
            message=draft,
            expect=dm_with(world, MARIEKE, f"{person.name} gaat akkoord"),
            what=f"{person.first}'s answer",
        )
    world.wait_until(lambda: world.files_of(MARIEKE, ".pdf"), "the report PDF")
    upload = world.files_of(MARIEKE, ".pdf")[-1]
    path = story.output / upload.filename
    path.write_bytes(upload.content)
    story.artefacts.report = path
    world.out.write(f"  Opgeslagen als {path}")


def step_continue(story: GuidedStory) -> None:
    """Karin lets the group go on as a peer group, with the same number."""
    world = story.world
    message = _dm(world, KARIN, GuidedAction.CONTINUE)
    world.out.write("  (het bericht over de afronding in Karins berichten)")
    world.click(
        KARIN,
        "Zelfstandig verder",
        action_id=GuidedAction.CONTINUE,
        value=button_in(message, GuidedAction.CONTINUE).get("value"),
        message=message,
        expect=dm_with(world, MARIEKE, "geen begeleider van de groep meer"),
        what="the news for Marieke",
    )


@dataclass(frozen=True)
class GuidedStep:
    """One scene of the guided story: its Dutch title and what happens."""

    title: str
    run: Callable[[GuidedStory], None]


GUIDED_STEPS: tuple[GuidedStep, ...] = (
    GuidedStep("Karin vraagt Marieke om begeleiding", step_request),
    GuidedStep("Marieke accepteert en stelt een verkennend gesprek voor", step_accept),
    GuidedStep("Na het gesprek en de offerte start Marieke het traject", step_start),
    GuidedStep("Drie collega's melden zich aan en krijgen de reader", step_join),
    GuidedStep("Marieke plant de drie bijeenkomsten", step_plan),
    GuidedStep("Marieke registreert de bijeenkomsten", step_register),
    GuidedStep("Marieke rondt het traject af", step_close),
    GuidedStep("De certificaten begeleide intervisie", step_certificates),
    GuidedStep("De rapportage voor de gemeente", step_report),
    GuidedStep("De groep gaat zelfstandig verder", step_continue),
)
