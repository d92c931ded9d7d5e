"""The demo's world: the people, the sandbox Slack and the app, the transcript and the files."""

from __future__ import annotations

import html
import html.parser
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from bot.clock import ManualClock
from bot.demo.people import PEOPLE, SECRETARIAT, Colleague
from bot.devtools.fake_slack import Call, FakeSlack
from bot.devtools.render import render_message, render_view
from bot.devtools.slack_sim import HttpResult, SlackSim
from bot.server import Runtime

JSON = dict[str, Any]
TEAM = "T0DEMO"
WAIT = 20.0  # seconds to wait for one effect before the demo gives up
QUIET = 0.15  # a spell without Slack calls after which a step's effects are taken as complete
TRANSCRIPT = "transcript.txt"
DATABASE = "intervisie-demo.db"


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

    _BLOCKS = frozenset(
        {"p", "div", "h1", "h2", "h3", "tr", "li", "br", "dt", "dd", "title", "caption"}
    )

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
    dossier: Path | None = None
    feed: Path | None = None
    transcript: Path | None = None
    verify_url: str = ""
    feed_url: str = ""
    group_number: int = 0
    completion_certificates: list[Path] = field(default_factory=list)
    report: Path | None = None


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
        outbox = self.runtime.outbox
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
        values: dict[Any, Any],
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

    def open_home(self, who: Colleague) -> JSON:
        """`who` opens the app's Home tab; the App Home the app publishes."""
        before = len(self.fake.calls_to("views.publish"))
        self.out.write(f"▶ {who.first} opent de Home-tab van de app")
        self._check(self.slack.open_home(who.user_id))
        self.wait_until(
            lambda: len(self.fake.calls_to("views.publish")) > before,
            f"the App Home of {who.first}",
        )
        self.settle()
        self.show_new(who)
        home: JSON = self.fake.home_views[who.user_id]
        return home

    def press_in_home(
        self, who: Colleague, home: JSON, *, action_id: str, callback_id: str
    ) -> JSON:
        """Press the button `action_id` of `who`'s App Home, which opens a modal; the modal."""
        button = button_in(home, action_id)
        seen = self.count_views(who, callback_id)
        self.out.write(f"▶ {who.first} klikt op [ {button['text']['text']} ]")
        self._check(self.slack.click(who.user_id, action_id=action_id, view=home))
        view: JSON = self.wait_until(lambda: self.view_for(who, callback_id, seen), callback_id)
        self.settle()
        self.show_new(who)
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


def dm_with(world: World, who: Colleague, needle: str) -> Callable[[], JSON | None]:
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
