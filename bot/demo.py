"""`intervisie-bot demo`: try the app without a Slack workspace.

The real app runs in HTTP mode on a free loopback port, against the fake Slack Web API of the
development sandbox (bot.devtools), on a fresh SQLite file in the output folder. A story is then
played through the real, signed endpoint, as the people would: a contact person creates a group,
six colleagues ask to join, four are approved and one rejected, a meeting is planned and changed, a
reminder falls due, attendance is registered with roles, certificates arrive and one is verified,
and the App Home shows the hours. What every person saw is written as a transcript; the
certificates, the recertification overview and the group's calendar feed go to the output folder.

Time is a manual clock: the story moves it forward so the reminder is due and the meeting is past.
"""

from __future__ import annotations

import html
import html.parser
import json
import secrets
import signal
import socket
import sys
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any, TextIO
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.clock import ManualClock
from bot.devtools.render import render_message, render_view
from bot.devtools.sandbox import Call, FakeSlack, HttpResult, SlackSim, http_request
from bot.server import Runtime
from bot.services.reminders import dispatch_due_reminders
from bot.settings import Settings, find_font
from handlers.ui.attendance_ui import ActionId as AttendanceAction
from handlers.ui.attendance_ui import CallbackId as AttendanceCallback
from handlers.ui.groups_ids import ActionId as GroupAction
from handlers.ui.groups_ids import CallbackId as GroupCallback
from handlers.ui.meetings_ui import ActionId as MeetingAction
from handlers.ui.meetings_ui import CallbackId as MeetingCallback
from storage.models import Certificate, CertificateStatus, Group

JSON = dict[str, Any]
TEAM = "T0DEMO"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
WAIT = 20.0  # seconds to wait for one effect before the demo gives up
QUIET = 0.15  # a spell without Slack calls after which a step's effects are taken as complete
TRANSCRIPT = "transcript.txt"
DATABASE = "intervisie-demo.db"


@dataclass(frozen=True)
class Colleague:
    """A person of the story: Slack user id, full name, first name."""

    user_id: str
    name: str

    @property
    def first(self) -> str:
        """The first name, as the transcript calls them."""
        return self.name.split()[0]


ANNE = Colleague("U0ANNE001", "Anne de Vries")
BRAM = Colleague("U0BRAM002", "Bram Jansen")
ZOE = Colleague("U0ZOE0003", "Zoë Şahin-Łukasiewicz")
DAAN = Colleague("U0DAAN004", "Daan van der Berg")
EMMA = Colleague("U0EMMA005", "Emma Bakker")
FEMKE = Colleague("U0FEMK006", "Femke Visser")
GERT = Colleague("U0GERT007", "Gert Smit")
SECRETARIAT = Colleague("U0ADMIN01", "Secretariaat LVV")
PEOPLE = (ANNE, BRAM, ZOE, DAAN, EMMA, FEMKE, GERT, SECRETARIAT)
APPLICANTS = (BRAM, ZOE, DAAN, EMMA, FEMKE, GERT)
APPROVED = (BRAM, ZOE, DAAN, EMMA)
REJECTED = GERT
GROUP_NAME = "Vertrouwenspersonen Utrecht"
REJECT_REASON = "We zijn met vijf compleet; probeer groep Amersfoort eens."
ROLES = {
    ANNE: "facilitator",
    BRAM: "presenter",
    ZOE: "participant",
    DAAN: "participant",
    EMMA: "absent",
}


class DemoError(RuntimeError):
    """The story could not go on: something the app should have done did not happen."""


# ----------------------------------------------------------------------------- transcript


class Transcript:
    """The story as text: collected for the file, echoed to `echo` as it is written."""

    def __init__(self, echo: TextIO | None) -> None:
        self.lines: list[str] = []
        self._echo = echo

    def write(self, *lines: str) -> None:
        """Add lines (and echo them)."""
        for line in lines:
            self.lines.append(line)
            if self._echo is not None:
                self._echo.write(line + "\n")
        if self._echo is not None:
            self._echo.flush()

    def box(self, lines: list[str], indent: str = "    ") -> None:
        """Add what someone saw, indented under the line that says who saw it."""
        self.write(*(indent + line if line else indent.rstrip() for line in lines))

    def text(self) -> str:
        """The whole transcript."""
        return "\n".join(self.lines) + "\n"


class _TextOfHtml(html.parser.HTMLParser):
    """The visible text of a small HTML page, one line per block element."""

    _BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "tr", "li", "br", "dt", "dd", "title"})

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"style", "script", "head"}:
            self._skip += 1
        if tag in self._BLOCKS or tag in {"td", "th"}:
            self.parts.append("\n" if tag in self._BLOCKS else "  ")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"style", "script", "head"}:
            self._skip = max(0, self._skip - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)

    def lines(self) -> list[str]:
        text = html.unescape("".join(self.parts))
        return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def html_text(page: str) -> list[str]:
    """The visible lines of an HTML page."""
    parser = _TextOfHtml()
    parser.feed(page)
    return parser.lines()


# ----------------------------------------------------------------------------- the world


@dataclass
class Artefacts:
    """What the story leaves in the output folder, and the links to try afterwards."""

    certificates: list[Path] = field(default_factory=list)
    overview: Path | None = None
    feed: Path | None = None
    transcript: Path | None = None
    verify_url: str = ""
    feed_url: str = ""
    group_number: int = 0


class World:
    """The running app, the fake Slack and Slack's side, with the waits and the transcript."""

    def __init__(
        self, *, runtime: Runtime, fake: FakeSlack, clock: ManualClock, transcript: Transcript
    ) -> None:
        self.runtime = runtime
        self.fake = fake
        self.clock = clock
        self.out = transcript
        self.slack = SlackSim(
            port=runtime.port,
            signing_secret=runtime.settings.slack_signing_secret,
            fake=fake,
            team_id=TEAM,
        )
        self.names = {p.user_id: p.name for p in PEOPLE}
        self._mark = 0

    # -- waiting -------------------------------------------------------------------------------
    def wait_until(self, check: Callable[[], Any], what: str) -> Any:
        """Poll `check()` until it is truthy; DemoError after WAIT seconds."""
        deadline = time.monotonic() + WAIT
        while True:
            value = check()
            if value:
                return value
            if time.monotonic() > deadline:
                raise DemoError(f"waited {WAIT:.0f} s for {what}")
            time.sleep(0.02)

    def settle(self) -> None:
        """Let the outbox send what is owed and Slack's traffic die down."""
        outbox = self.runtime.deps.outbox
        for _ in range(10):
            outbox.wait_idle(timeout=WAIT)
            first = seen = len(self.fake.calls)
            since = time.monotonic()
            while time.monotonic() - since < QUIET:
                time.sleep(0.02)
                now = len(self.fake.calls)
                if now != seen:
                    seen, since = now, time.monotonic()
            if seen == first and outbox.due_count() == 0:
                return

    # -- what people see -----------------------------------------------------------------------
    def name(self, user_id: str) -> str:
        """The first name of a user id (or the id)."""
        full = self.names.get(user_id, user_id)
        return full.split()[0] if full != SECRETARIAT.name else full

    def show_new(self, actor: Colleague | None) -> None:
        """Write down what Slack showed since the last call, to whom."""
        calls = self.fake.calls
        new, self._mark = calls[self._mark :], len(calls)
        files = {f.file_id: f for f in self.fake.uploaded_files()}
        for call in new:
            if call.ok or (call.method == "response_url" and call.status == 200):
                self._show(call, actor, files)

    def _show(self, call: Call, actor: Colleague | None, files: dict[str, Any]) -> None:
        body = call.body
        who = actor.first if actor else "?"
        if call.method == "chat.postMessage":
            user = str(body.get("channel", "")).removeprefix("D")
            self.out.write(f"  ✉ {self.name(user)} krijgt een bericht van Intervisie:")
            self.out.box(render_message(body, names=self.names))
        elif call.method == "chat.update":
            user = str(body.get("channel", "")).removeprefix("D")
            self.out.write(f"  ↻ Het bericht bij {self.name(user)} wordt bijgewerkt:")
            self.out.box(render_message(body, names=self.names))
        elif call.method == "chat.postEphemeral":
            self.out.write(f"  👁 Alleen {self.name(str(body.get('user')))} ziet:")
            self.out.box(render_message(body, names=self.names))
        elif call.method == "response_url":
            if body.get("delete_original"):
                self.out.write(f"  ↻ Het bericht bij {who} verdwijnt.")
                return
            verb = "wordt vervangen door" if body.get("replace_original") else "ziet (alleen zelf)"
            self.out.write(f"  👁 {who} {verb}:")
            self.out.box(render_message(body, names=self.names))
        elif call.method in {"views.open", "views.push"}:
            view = body.get("view") or {}
            title = view.get("title", {}).get("text", "")
            self.out.write(f"  ▤ {who} krijgt het formulier „{title}”:")
            self.out.box(render_view(view, names=self.names))
        elif call.method == "views.update":
            self.out.write(f"  ▤ Het formulier bij {who} verandert:")
            self.out.box(render_view(body.get("view") or {}, names=self.names))
        elif call.method == "views.publish":
            user = str(body.get("user_id"))
            self.out.write(f"  ⌂ De App Home van {self.name(user)} („Mijn intervisie”):")
            self.out.box(render_view(body.get("view") or {}, names=self.names))
        elif call.method == "files.completeUploadExternal":
            user = str(body.get("channel_id", "")).removeprefix("D")
            for entry in body.get("files") or []:
                upload = files.get(entry.get("id"))
                filename = upload.filename if upload else entry.get("title", "")
                size = len(upload.content) if upload else 0
                self.out.write(
                    f"  📎 {self.name(user)} krijgt een bestand: {filename} ({size // 1024 + 1} kB)"
                )
            comment = body.get("initial_comment")
            if comment:
                self.out.box(render_message({"text": comment}, names=self.names))

    # -- what people do ------------------------------------------------------------------------
    def command(self, who: Colleague, text: str, *, expect: Callable[[], Any], what: str) -> None:
        """`who` types `/intervisie <text>`; wait for `expect`, then show what happened."""
        self.out.write(f"▶ {who.first} typt: /intervisie {text}")
        self._check(self.slack.command(who.user_id, text, channel_id="C0DEMO"))
        self.wait_until(expect, what)
        self.settle()
        self.show_new(who)

    def click(
        self,
        who: Colleague,
        label: str,
        *,
        action_id: str,
        value: str | None,
        message: JSON,
        expect: Callable[[], Any],
        what: str,
    ) -> None:
        """`who` presses a button in a message."""
        self.out.write(f"▶ {who.first} klikt op [ {label} ]")
        self._check(
            self.slack.click(who.user_id, action_id=action_id, value=value, message=message)
        )
        self.wait_until(expect, what)
        self.settle()
        self.show_new(who)

    def submit(
        self,
        who: Colleague,
        view: JSON,
        values: JSON,
        *,
        shown: dict[str, str],
        expect: Callable[[], Any] | None = None,
        what: str = "",
    ) -> HttpResult:
        """`who` fills in a modal (by action id) and presses its submit button."""
        self.out.write(f"▶ {who.first} vult het formulier in:")
        self.out.box([f"{label}: {value}" for label, value in shown.items()], "      ")
        submit = (view.get("submit") or {}).get("text", "Verstuur")
        self.out.write(f"  en klikt op [ {submit} ]")
        result = self._check(self.slack.submit(who.user_id, view, values))
        answer = result.json if result.body else None
        if answer and answer.get("response_action") == "errors":
            raise DemoError(f"the form was refused: {answer.get('errors')}")
        if answer and answer.get("response_action") in {"update", "push"}:
            self.out.write(f"  ▤ Het formulier bij {who.first} verandert:")
            self.out.box(render_view(answer["view"], names=self.names))
        if expect is not None:
            self.wait_until(expect, what)
        self.settle()
        self.show_new(who)
        return result

    def _check(self, result: HttpResult) -> HttpResult:
        if result.status != 200:
            raise DemoError(f"the app answered {result.status}: {result.text[:200]}")
        return result

    # -- lookups in what the fake Slack holds -------------------------------------------------
    def view_for(self, who: Colleague, callback_id: str, seen: int) -> JSON | None:
        """The (seen+1)-th modal with this callback id opened for `who`, if any."""
        views = [
            v for v in self.fake.opened_views(who.user_id) if v.get("callback_id") == callback_id
        ]
        return views[seen] if len(views) > seen else None

    def count_views(self, who: Colleague, callback_id: str) -> int:
        """How many modals with this callback id were opened for `who`."""
        return len(
            [v for v in self.fake.opened_views(who.user_id) if v.get("callback_id") == callback_id]
        )

    def open_form(self, who: Colleague, text: str, callback_id: str) -> JSON:
        """Type a command that opens a modal; return the modal."""
        seen = self.count_views(who, callback_id)
        self.command(
            who,
            text,
            expect=lambda: self.view_for(who, callback_id, seen),
            what=f"the {callback_id} modal for {who.first}",
        )
        view: JSON = self.wait_until(lambda: self.view_for(who, callback_id, seen), callback_id)
        return view

    def press_for_form(
        self, who: Colleague, message: JSON, *, action_id: str, callback_id: str, what: str
    ) -> JSON:
        """Press the button `action_id` in `message`, which opens a modal; return the modal."""
        button = button_in(message, action_id)
        seen = self.count_views(who, callback_id)
        self.click(
            who,
            button["text"]["text"],
            action_id=action_id,
            value=button.get("value"),
            message=message,
            expect=lambda: self.view_for(who, callback_id, seen),
            what=what,
        )
        view: JSON = self.wait_until(lambda: self.view_for(who, callback_id, seen), callback_id)
        return view

    def dm_with(self, who: Colleague, needle: str) -> JSON | None:
        """The latest DM to `who` whose text or blocks contain `needle`."""
        hits = [
            m
            for m in self.fake.messages(who.user_id)
            if needle in str(m.get("text")) + json.dumps(m.get("blocks"), ensure_ascii=False)
        ]
        return hits[-1] if hits else None

    def reply_with(self, needle: str, *, after: int = 0) -> JSON | None:
        """The latest response_url message (after the first `after`) that contains `needle`."""
        calls = self.fake.calls_to("response_url", ok_only=False)[after:]
        hits = [c.body for c in calls if needle in json.dumps(c.body, ensure_ascii=False)]
        return hits[-1] if hits else None

    def replies(self) -> int:
        """How many response_url messages were posted so far."""
        return len(self.fake.calls_to("response_url", ok_only=False))

    def files_of(self, who: Colleague, suffix: str) -> list[Any]:
        """Completed uploads in `who`'s DM whose name ends with `suffix`."""
        return [
            f
            for f in self.fake.uploaded_files()
            if f.completed and f.channel == "D" + who.user_id and f.filename.endswith(suffix)
        ]


def _dm(world: World, who: Colleague, needle: str) -> Callable[[], JSON | None]:
    """A check for `World.wait_until`: the DM to `who` containing `needle`."""
    return lambda: world.dm_with(who, needle)


def button_in(message: JSON, action_id: str) -> JSON:
    """The button with this action id in a message's blocks."""
    for block in message.get("blocks") or []:
        for element in block.get("elements") or []:
            if element.get("action_id") == action_id:
                return dict(element)
    raise DemoError(f"no {action_id} button in the message")


# ----------------------------------------------------------------------------- the story


@dataclass
class Story:
    """The state the steps pass on to each other."""

    world: World
    output: Path
    start: datetime
    meeting_day: date
    artefacts: Artefacts = field(default_factory=Artefacts)
    number: int = 0

    @property
    def out(self) -> Transcript:
        """The transcript."""
        return self.world.out


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, dtime(hour, minute), tzinfo=AMSTERDAM).astimezone(UTC)


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
            shown = {"Lidmaatschap": "intervisiedeelnemer zonder lidmaatschap"}
        else:
            number = f"LVV-{1000 + 37 * index}"
            values = {GroupAction.MEMBERSHIP_TYPE: "member", GroupAction.MEMBER_NUMBER: number}
            shown = {"Lidmaatschap": "LVV-lid", "Lidnummer": number}
        world.submit(
            who,
            view,
            values,
            shown=shown,
            expect=_dm(world, ANNE, who.name),
            what=f"Anne's DM about {who.first}'s request",
        )


def step_approve(story: Story) -> None:
    """Anne approves four requests with the button in her DM."""
    world = story.world
    for who in APPROVED:
        message = world.dm_with(ANNE, who.name)
        assert message is not None
        button = button_in(message, GroupAction.APPROVE)
        world.out.write(f"  (het verzoek van {who.first} in Anne's berichten)")
        world.click(
            ANNE,
            button["text"]["text"],
            action_id=GroupAction.APPROVE,
            value=button.get("value"),
            message=message,
            expect=_dm(world, who, "Welkom"),
            what=f"the welcome DM to {who.first}",
        )


def step_reject(story: Story) -> None:
    """Anne rejects one request, with a reason; one request stays open."""
    world = story.world
    message = world.dm_with(ANNE, REJECTED.name)
    assert message is not None
    world.out.write(f"  (het verzoek van {REJECTED.first} in Anne's berichten)")
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
        f"  ({FEMKE.first}s aanvraag blijft openstaan: Anne beslist later; de groep is met vijf"
        " deelnemers actief.)"
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


def step_reminder(story: Story) -> None:
    """Two days before the meeting the reminder falls due."""
    world = story.world
    starts = _local(story.meeting_day, 13, 30)
    world.clock.set(starts - timedelta(days=2))
    story.out.write(
        f"⏱ De klok springt naar {_when(world.clock.now())}: twee dagen voor de bijeenkomst."
    )
    sent = dispatch_due_reminders(world.runtime.deps)
    story.out.write(f"  De planner van de app verstuurt {sent} herinnering(en).")
    world.wait_until(
        lambda: all(world.dm_with(p, "Herinnering") for p in (ANNE, *APPROVED)), "the reminders"
    )
    world.settle()
    world.show_new(None)


def step_after(story: Story) -> None:
    """The meeting is over; Anne is asked to register attendance."""
    world = story.world
    ends = _local(story.meeting_day, 16, 0)
    world.clock.set(ends + timedelta(minutes=10))
    story.out.write(
        f"⏱ De klok springt naar {_when(world.clock.now())}: de bijeenkomst is voorbij."
    )
    dispatch_due_reminders(world.runtime.deps)
    world.wait_until(lambda: world.dm_with(ANNE, "registreer"), "the nudge to register")
    world.settle()
    world.show_new(None)


def step_register(story: Story) -> None:
    """Anne registers who was there, with roles, from the button in the reminder to do so."""
    world = story.world
    nudge = world.dm_with(ANNE, AttendanceAction.OPEN_REGISTRATION)
    if nudge is None:
        raise DemoError("the nudge to register has no button")
    world.out.write("  (het bericht van zojuist in Anne's berichten)")
    view = world.press_for_form(
        ANNE,
        nudge,
        action_id=AttendanceAction.OPEN_REGISTRATION,
        callback_id=AttendanceCallback.REGISTER,
        what="the registration modal",
    )
    values: JSON = {}
    shown: dict[str, str] = {}
    labels = {"facilitator": "Facilitator", "presenter": "Inbrenger", "participant": "Deelnemer"}
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
        shown[person.name] = labels.get(ROLES[person], "Afwezig")
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


def step_verify(story: Story) -> None:
    """Someone (an employer, the certifying body) checks Zoë's certificate on /verify."""
    world = story.world
    deps = world.runtime.deps
    with deps.uow() as session:
        code = session.scalars(
            select(Certificate.verification_code).where(
                Certificate.holder_name == ZOE.name,
                Certificate.status == CertificateStatus.VALID,
            )
        ).first()
    if code is None:
        raise DemoError("Zoë has no valid certificate")
    url = f"{deps.settings.public_url}/verify/{code}"
    story.artefacts.verify_url = url
    story.out.write(f"▶ De certificerende instantie opent {url}")
    page = http_request(world.runtime.port, "GET", f"/verify/{code}")
    if page.status != 200:
        raise DemoError(f"/verify answered {page.status}")
    story.out.write("  De pagina toont:")
    story.out.box(html_text(page.text))


def step_home(story: Story) -> None:
    """Zoë opens the app's Home tab: her meter of intervisie hours."""
    world = story.world
    before = len(world.fake.calls_to("views.publish"))
    story.out.write(f"▶ {ZOE.first} opent de Home-tab van de app")
    world.slack.open_home(ZOE.user_id)
    world.wait_until(
        lambda: len(world.fake.calls_to("views.publish")) > before, "the App Home of Zoë"
    )
    world.settle()
    world.show_new(ZOE)


def step_overview(story: Story) -> None:
    """Zoë asks for her recertification overview as a PDF."""
    world = story.world
    world.command(
        ZOE,
        "uren pdf",
        expect=lambda: any("overzicht" in f.filename for f in world.files_of(ZOE, ".pdf")),
        what="the overview PDF",
    )
    upload = next(f for f in world.files_of(ZOE, ".pdf") if "overzicht" in f.filename)
    path = story.output / f"overzicht-uren-{_slug(ZOE.name)}.pdf"
    path.write_bytes(upload.content)
    story.artefacts.overview = path
    story.out.write(f"  Opgeslagen als {path}")


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
    story.out.write(f"  {events} afspraak: {summary!r}; opgeslagen als {path}")


_NOT_DECOMPOSED = str.maketrans(
    {"Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "ß": "ss", "Æ": "AE", "æ": "ae"}
)


def _slug(name: str) -> str:
    """A file-name-safe ASCII form of a name: "Zoë Şahin-Łukasiewicz" → "zoe-sahin-lukasiewicz"."""
    plain = unicodedata.normalize("NFKD", name.translate(_NOT_DECOMPOSED))
    ascii_name = plain.encode("ascii", "ignore").decode()
    return "-".join("".join(c if c.isalnum() else " " for c in ascii_name).lower().split())


def _when(instant: datetime) -> str:
    local = instant.astimezone(AMSTERDAM)
    return local.strftime("%d-%m-%Y %H:%M")


@dataclass(frozen=True)
class Step:
    """One scene of the story: its Dutch title and what happens."""

    title: str
    run: Callable[[Story], None]


STEPS: tuple[Step, ...] = (
    Step("Anne maakt een intervisiegroep aan", step_create_group),
    Step("Zes collega's melden zich aan", step_join),
    Step("Anne accordeert vier aanvragen", step_approve),
    Step("Anne wijst één aanvraag af", step_reject),
    Step("Anne plant een bijeenkomst", step_plan),
    Step("Anne verzet de bijeenkomst", step_change),
    Step("Twee dagen ervoor: de herinnering", step_reminder),
    Step("Na afloop: Anne wordt gevraagd de aanwezigheid te registreren", step_after),
    Step("Anne registreert de aanwezigheid met rollen", step_register),
    Step("De deelnamebewijzen komen binnen", step_certificates),
    Step("Een deelnamebewijs wordt gecontroleerd", step_verify),
    Step("Zoë bekijkt haar uren op de App Home", step_home),
    Step("Zoë vraagt haar overzicht voor de hercertificering", step_overview),
    Step("De agenda-feed van de groep", step_feed),
)


# ----------------------------------------------------------------------------- running it


def free_port(host: str = "127.0.0.1") -> int:
    """A port that is free on `host` right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def demo_settings(*, api_url: str, output: Path, port: int) -> Settings:
    """Settings of the demo app: sandbox tokens, SQLite in the output folder, loopback only."""
    return Settings(
        slack_bot_token="xoxb-demo-sandbox",
        slack_signing_secret=secrets.token_hex(16),
        slack_api_url=api_url,
        database_url=f"sqlite:///{output / DATABASE}",
        host="127.0.0.1",
        port=port,
        public_url=f"http://127.0.0.1:{port}",
        admins=frozenset({SECRETARIAT.user_id}),
        pdf_font_path=find_font(""),
        delivery_poll_seconds=0.2,
        http_threads=8,
        listener_threads=8,
        log_level="WARNING",
    )


def _fresh(output: Path) -> None:
    """Remove what an earlier demo left in the output folder (only the demo's own files)."""
    output.mkdir(parents=True, exist_ok=True)
    for pattern in (
        f"{DATABASE}*",
        TRANSCRIPT,
        "groep-*.ics",
        "overzicht-uren-*.pdf",
        "certificates/*.pdf",
    ):
        for path in output.glob(pattern):
            path.unlink()


@contextmanager
def sandbox(output: Path) -> Iterator[tuple[FakeSlack, Runtime, ManualClock]]:
    """The fake Slack with the story's people, and the app running against it."""
    fake = FakeSlack(team_id=TEAM)
    fake.start()
    runtime: Runtime | None = None
    try:
        for person in PEOPLE:
            fake.add_user(person.user_id, real_name=person.name, team_id=TEAM)
        today = datetime.now(AMSTERDAM).date()
        clock = ManualClock(_local(today - timedelta(days=9), 10))
        settings = demo_settings(api_url=fake.base_url, output=output, port=free_port())
        runtime = Runtime(settings, clock=clock, start_scheduler=False)
        runtime.start()
        yield fake, runtime, clock
    finally:
        if runtime is not None:
            runtime.stop(timeout=5)
        fake.stop()


def play(
    output: Path,
    *,
    echo: TextIO | None,
    progress: TextIO | None,
    after: Callable[[Runtime, Artefacts], None] | None = None,
) -> Artefacts:
    """Play the whole story into `output`; `after` runs while the app still runs."""
    output = output.resolve()
    _fresh(output)
    transcript = Transcript(echo)
    with sandbox(output) as (fake, runtime, clock):
        world = World(runtime=runtime, fake=fake, clock=clock, transcript=transcript)
        start = clock.now()
        story = Story(
            world=world,
            output=output,
            start=start,
            meeting_day=start.astimezone(AMSTERDAM).date() + timedelta(days=5),
        )
        transcript.write(
            "Intervisie — demo zonder Slack-werkruimte",
            "=" * 41,
            f"De app draait op {runtime.settings.public_url}, tegen een nagebootste Slack.",
            f"Het is {_when(start)} (de klok van de demo; die loopt alleen als het verhaal dat"
            " zegt).",
            "",
            "Wie doen er mee:",
            f"  {ANNE.name}, vertrouwenspersoon, start groep '{GROUP_NAME}' en is contactpersoon",
            *(f"  {p.name}, collega die zich aanmeldt" for p in APPLICANTS),
            "",
            "Legenda: ▶ iemand doet iets   ✉ bericht (DM) van de app   📎 bestand in de DM",
            "         ▤ formulier (modal)   👁 antwoord dat alleen die persoon ziet   ⌂ App Home",
            "",
        )
        for index, step in enumerate(STEPS, start=1):
            if progress is not None:
                progress.write(f"[{index}/{len(STEPS)}] {step.title}…\n")
                progress.flush()
            transcript.write(f"── Stap {index}/{len(STEPS)}: {step.title} ".ljust(92, "─"), "")
            step.run(story)
            transcript.write("")
        if fake.violations:
            raise DemoError(
                "the app sent payloads Slack would reject: " + "; ".join(fake.violations)
            )
        path = output / TRANSCRIPT
        story.artefacts.transcript = path
        path.write_text(transcript.text(), encoding="utf-8")
        if after is not None:
            after(runtime, story.artefacts)
        return story.artefacts


def summary(artefacts: Artefacts, *, running: bool) -> list[str]:
    """The closing lines: where the artefacts are and what to open."""
    lines = [
        "",
        "Klaar. De bestanden:",
        f"  transcript            {artefacts.transcript}",
        *(f"  deelnamebewijs        {p}" for p in artefacts.certificates),
        f"  overzicht uren        {artefacts.overview}",
        f"  agenda van de groep   {artefacts.feed}",
    ]
    if running:
        lines += [
            "",
            "De demo-server draait door (Ctrl-C stopt hem):",
            f"  verificatiepagina     {artefacts.verify_url}",
            f"  agenda-feed (iCal)    {artefacts.feed_url}",
        ]
    else:
        lines += [
            "",
            "Start met --keep-running om de verificatiepagina en de agenda-feed in je browser of",
            "agenda-app te openen. Naar een echte Slack-werkruimte: zie README.md, "
            "'Creating the Slack app'.",
        ]
    return lines


def run(output: Path, *, keep_running: bool, quiet: bool) -> int:
    """The `demo` command: play the story, print where things are; exit code."""

    def wait_for_ctrl_c(_runtime: Runtime, artefacts: Artefacts) -> None:
        sys.stdout.write("\n".join(summary(artefacts, running=True)) + "\n")
        sys.stdout.flush()
        stop = threading.Event()
        if threading.current_thread() is threading.main_thread():
            # Ctrl-C, and SIGTERM from a process manager, end the wait; then the app stops.
            for signum in (signal.SIGINT, signal.SIGTERM):
                signal.signal(signum, lambda _signum, _frame: stop.set())
        try:
            while not stop.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
        sys.stdout.write("\nDe demo-server stopt.\n")

    try:
        artefacts = play(
            output,
            echo=None if quiet else sys.stdout,
            progress=sys.stderr,
            after=wait_for_ctrl_c if keep_running else None,
        )
    except DemoError as exc:
        sys.stderr.write(f"intervisie-bot demo: the story stopped: {exc}\n")
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("intervisie-bot demo: interrupted\n")
        return 130
    if not keep_running:
        sys.stdout.write("\n".join(summary(artefacts, running=False)) + "\n")
    return 0
