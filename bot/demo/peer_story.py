"""The peer-group story: a group is created, filled, meets, and its members get their proofs."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.demo.hours_story import step_dossier, step_home, step_overview, step_verify
from bot.demo.naming import local_time, when_text
from bot.demo.people import ANNE, BRAM, DAAN, EMMA, FEMKE, GERT, SECRETARIAT, ZOE, Colleague
from bot.demo.story import Step, Story, counted
from bot.demo.world import (
    JSON,
    DemoError,
    World,
    button_in,
    dm_with,
)
from bot.devtools.slack_sim import http_request
from bot.i18n import t_plain
from bot.jobs import dispatch_reminders
from handlers.ui.association_ui import ActionId as AssociationAction
from handlers.ui.association_ui import BlockId as AssociationBlock
from handlers.ui.association_ui import CallbackId as AssociationCallback
from handlers.ui.attendance_ui import ActionId as AttendanceAction
from handlers.ui.attendance_ui import CallbackId as AttendanceCallback
from handlers.ui.groups_ids import ActionId as GroupAction
from handlers.ui.groups_ids import CallbackId as GroupCallback
from handlers.ui.meetings_ui import ActionId as MeetingAction
from handlers.ui.meetings_ui import CallbackId as MeetingCallback
from storage.models import Group

APPLICANTS = (BRAM, ZOE, DAAN, EMMA, FEMKE, GERT)
APPROVED = (BRAM, ZOE, DAAN, EMMA)
REJECTED = GERT
GROUP_NAME = "Vertrouwenspersonen Utrecht"
SHORT_NAME = "LVV"
ASSOCIATION = {
    AssociationBlock.NAME: "Landelijke Vereniging van Vertrouwenspersonen",
    AssociationBlock.SHORT_NAME: SHORT_NAME,
    AssociationBlock.MEMBER_NUMBER_LABEL: "Lidnummer LVV",
}
REJECT_REASON = "We zijn met vijf compleet; probeer groep Amersfoort eens."
ROLES = {
    ANNE: "facilitator",
    BRAM: "presenter",
    ZOE: "participant",
    DAAN: "participant",
    EMMA: "absent",
    FEMKE: "participant",
}


def step_association(story: Story) -> None:
    """The secretariat gives the app the association's name, once: messages and certificates
    name it from then on."""
    world = story.world
    home = world.open_home(SECRETARIAT)
    view = world.press_in_home(
        SECRETARIAT,
        home,
        action_id=AssociationAction.EDIT_IDENTITY,
        callback_id=AssociationCallback.IDENTITY,
    )
    world.submit(
        SECRETARIAT,
        view,
        {(block, AssociationAction.INPUT): value for block, value in ASSOCIATION.items()},
        shown={
            t_plain("nl", f"association.{block.value}"): value
            for block, value in ASSOCIATION.items()
        },
        expect=lambda: ASSOCIATION[AssociationBlock.NAME] in str(world.fake.home_views),
        what="the association's name on the secretariat's App Home",
    )


def step_create_group(story: Story) -> None:
    """Anne, vertrouwenspersoon, starts a group with `/intervisie nieuw`."""
    world = story.world
    view = world.open_form(ANNE, "nieuw", GroupCallback.CREATE_GROUP)
    world.submit(
        ANNE,
        view,
        {GroupAction.NAME: GROUP_NAME, GroupAction.REGION: "Utrecht"},
        shown={"Naam": GROUP_NAME, "Regio": "Utrecht"},
        expect=lambda: world.dm_with(ANNE, "groepsnummer *"),
        what="the new group's number in Anne's DM",
    )
    dm = world.dm_with(ANNE, "groepsnummer *")
    assert dm is not None
    story.number = int(str(dm["text"]).split("groepsnummer *")[1].split("*")[0])
    story.artefacts.group_number = story.number


def step_join(story: Story) -> None:
    """Six colleagues ask to join; each fills in the membership form once."""
    world = story.world
    for index, who in enumerate(APPLICANTS):
        view = world.open_form(who, f"aanmelden {story.number}", GroupCallback.MEMBERSHIP)
        values: JSON
        if index == 1:
            values = {GroupAction.MEMBERSHIP_TYPE: "participant"}
            without = t_plain("nl", "association.without.named", short_name=SHORT_NAME)
            shown = {"Lidmaatschap": t_plain("nl", "membership.participant", without_text=without)}
        else:
            number = f"LVV-{1000 + 37 * index}"
            values = {GroupAction.MEMBERSHIP_TYPE: "member", GroupAction.MEMBER_NUMBER: number}
            member = t_plain("nl", "association.member_option.named", short_name=SHORT_NAME)
            label = ASSOCIATION[AssociationBlock.MEMBER_NUMBER_LABEL]
            shown = {"Lidmaatschap": member, label: number}
        world.submit(
            who,
            view,
            values,
            shown=shown,
            expect=dm_with(world, ANNE, who.name),
            what=f"Anne's DM about {who.first}'s request",
        )


def step_approve(story: Story) -> None:
    """Anne approves four requests with the button in her DM."""
    for who in APPROVED:
        _approve(story.world, who)


def _approve(world: World, who: Colleague) -> None:
    """Anne presses Approve on the request in her DM; the member gets the welcome."""
    message = world.dm_with(ANNE, who.name)
    assert message is not None
    button = button_in(message, GroupAction.APPROVE)
    world.out.write(f"  (het verzoek van {who.first} in {ANNE.possessive} berichten)")
    world.click(
        ANNE,
        button["text"]["text"],
        action_id=GroupAction.APPROVE,
        value=button.get("value"),
        message=message,
        expect=dm_with(world, who, "Welkom"),
        what=f"the welcome DM to {who.first}",
    )


def step_reject(story: Story) -> None:
    """Anne rejects one request, with a reason; one request stays open."""
    world = story.world
    message = world.dm_with(ANNE, REJECTED.name)
    assert message is not None
    world.out.write(f"  (het verzoek van {REJECTED.first} in {ANNE.possessive} berichten)")
    view = world.press_for_form(
        ANNE,
        message,
        action_id=GroupAction.REJECT,
        callback_id=GroupCallback.REJECT,
        what="the reject modal",
    )
    world.submit(
        ANNE,
        view,
        {GroupAction.REJECT_REASON: REJECT_REASON},
        shown={"Reden": REJECT_REASON},
        expect=lambda: world.dm_with(REJECTED, "afgewezen"),
        what=f"the rejection DM to {REJECTED.first}",
    )
    story.out.write(
        f"  ({FEMKE.possessive} aanvraag blijft openstaan: Anne beslist later; de groep is met"
        " vijf deelnemers actief.)"
    )


def step_plan(story: Story) -> None:
    """Anne plans the first meeting in the plan modal."""
    world = story.world
    view = world.open_form(ANNE, "plan", MeetingCallback.MEETING)
    day = story.meeting_day.strftime("%d-%m-%Y")
    world.submit(
        ANNE,
        view,
        {
            MeetingAction.DATE: day,
            MeetingAction.START: "09:30",
            MeetingAction.DURATION: "120",
            MeetingAction.PLACE: "Utrecht, Oudegracht 245",
            MeetingAction.THEME: "Grenzen stellen",
        },
        shown={
            "Datum": day,
            "Begintijd": "09:30",
            "Duur": "2 uur",
            "Plaats": "Utrecht, Oudegracht 245",
            "Thema": "Grenzen stellen",
        },
        expect=lambda: all(world.files_of(p, ".ics") for p in (ANNE, *APPROVED)),
        what="the .ics invitations",
    )


def step_change(story: Story) -> None:
    """Anne moves the meeting to the afternoon and makes it half an hour longer."""
    world = story.world
    before = world.replies()
    world.command(
        ANNE,
        f"bijeenkomsten {story.number}",
        expect=lambda: world.reply_with("meeting_edit", after=before),
        what="the list of meetings",
    )
    listing = world.reply_with("meeting_edit", after=before)
    assert listing is not None
    message = {"ts": "1700000000.000100", "channel": "C0DEMO", **listing}
    view = world.press_for_form(
        ANNE,
        message,
        action_id=MeetingAction.EDIT,
        callback_id=MeetingCallback.MEETING,
        what="the change modal",
    )
    world.submit(
        ANNE,
        view,
        {MeetingAction.START: "13:30", MeetingAction.DURATION: "150"},
        shown={"Begintijd": "13:30", "Duur": "2,5 uur"},
        expect=lambda: all(len(world.files_of(p, ".ics")) >= 2 for p in (ANNE, *APPROVED)),
        what="the changed .ics files",
    )


def step_late_approval(story: Story) -> None:
    """Anne approves Femke after all: her welcome names the meeting already planned."""
    _approve(story.world, FEMKE)


def step_reminder(story: Story) -> None:
    """Two days before the meeting the reminder falls due."""
    world = story.world
    starts = local_time(story.meeting_day, 13, 30)
    world.clock.set(starts - timedelta(days=2))
    story.out.write(
        f"⏱ De klok springt naar {when_text(world.clock.now())}: twee dagen voor de bijeenkomst."
    )
    sent = dispatch_reminders(world.runtime.deps)
    story.out.write(
        f"  De planner van de app verstuurt {counted(sent, 'herinnering', 'herinneringen')}."
    )
    world.wait_until(
        lambda: all(world.dm_with(p, "Herinnering") for p in (ANNE, *APPROVED)), "the reminders"
    )
    world.settle()
    world.show_new(None)


def step_after(story: Story) -> None:
    """The meeting is over; Anne is asked to register attendance."""
    world = story.world
    ends = local_time(story.meeting_day, 16, 0)
    world.clock.set(ends + timedelta(minutes=10))
    story.out.write(
        f"⏱ De klok springt naar {when_text(world.clock.now())}: de bijeenkomst is voorbij."
    )
    dispatch_reminders(world.runtime.deps)
    world.wait_until(lambda: world.dm_with(ANNE, "registreer"), "the nudge to register")
    world.settle()
    world.show_new(None)


def step_register(story: Story) -> None:
    """Anne registers who was there, with roles, from the button in the reminder to do so."""
    world = story.world
    nudge = world.dm_with(ANNE, AttendanceAction.OPEN_REGISTRATION)
    if nudge is None:
        raise DemoError("the nudge to register has no button")
    world.out.write(f"  (het bericht van zojuist in {ANNE.possessive} berichten)")
    view = world.press_for_form(
        ANNE,
        nudge,
        action_id=AttendanceAction.OPEN_REGISTRATION,
        callback_id=AttendanceCallback.REGISTER,
        what="the registration modal",
    )
    values: JSON = {}
    shown: dict[str, str] = {}
    by_name = {p.name: p for p in ROLES}
    for block in view.get("blocks") or []:
        element = block.get("element") or {}
        action_id = str(element.get("action_id", ""))
        if not action_id.startswith(AttendanceAction.MEMBER_ROLE):
            continue
        person = by_name.get(block["label"]["text"])
        if person is None:
            continue
        values[action_id] = ROLES[person]
        shown[person.name] = t_plain("nl", f"role.{ROLES[person]}")
    world.submit(
        ANNE,
        view,
        values,
        shown=shown,
        expect=lambda: all(
            world.files_of(p, ".pdf") for p, role in ROLES.items() if role != "absent"
        ),
        what="the certificates",
    )


def step_certificates(story: Story) -> None:
    """The certificates are in the DMs; they are saved to the output folder."""
    world = story.world
    folder = story.output / "certificates"
    folder.mkdir(parents=True, exist_ok=True)
    for person, role in ROLES.items():
        if role == "absent":
            story.out.write(f"  {person.first} was afwezig en krijgt geen deelnamebewijs.")
            continue
        for upload in world.files_of(person, ".pdf"):
            path = folder / upload.filename
            path.write_bytes(upload.content)
            story.artefacts.certificates.append(path)
            story.out.write(f"  {person.first}: {upload.filename} → {path}")


def step_feed(story: Story) -> None:
    """A calendar app subscribes to the group's feed."""
    world = story.world
    deps = world.runtime.deps
    with deps.uow() as session:
        token = session.scalars(
            select(Group.calendar_token).where(Group.number == story.number)
        ).one()
    url = f"{deps.settings.public_url}/ical/group/{token}.ics"
    story.artefacts.feed_url = url
    story.out.write(f"▶ Een agenda-app haalt de groepsagenda op: {url}")
    result = http_request(world.runtime.port, "GET", f"/ical/group/{token}.ics")
    if result.status != 200:
        raise DemoError(f"the group feed answered {result.status}")
    path = story.output / f"groep-{story.number}.ics"
    path.write_bytes(result.body)
    story.artefacts.feed = path
    events = result.text.count("BEGIN:VEVENT")
    summary = next(
        (line.split(":", 1)[1] for line in result.text.splitlines() if line.startswith("SUMMARY")),
        "",
    )
    story.out.write(
        f"  {counted(events, 'afspraak', 'afspraken')}: {summary!r}; opgeslagen als {path}"
    )


STEPS: tuple[Step, ...] = (
    Step("Het secretariaat zet de naam van de vereniging in de app", step_association),
    Step("Anne maakt een intervisiegroep aan", step_create_group),
    Step("Zes collega's melden zich aan", step_join),
    Step("Anne accordeert vier aanvragen", step_approve),
    Step("Anne wijst één aanvraag af", step_reject),
    Step("Anne plant een bijeenkomst", step_plan),
    Step("Anne verzet de bijeenkomst", step_change),
    Step("Anne accordeert Femke alsnog: haar welkom noemt de bijeenkomst", step_late_approval),
    Step("Twee dagen ervoor: de herinnering", step_reminder),
    Step("Na afloop: Anne wordt gevraagd de aanwezigheid te registreren", step_after),
    Step("Anne registreert de aanwezigheid met rollen", step_register),
    Step("De deelnamebewijzen komen binnen", step_certificates),
    Step("Een deelnamebewijs wordt gecontroleerd", step_verify),
    Step("Zoë bekijkt haar uren op de App Home", step_home),
    Step("Zoë vraagt haar overzicht voor de hercertificering", step_overview),
    Step("Zoë vraagt haar dossier: overzicht en bewijzen in één pdf", step_dossier),
    Step("De agenda-feed van de groep", step_feed),
)
