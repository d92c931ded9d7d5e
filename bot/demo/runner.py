"""Running the demo: the sandbox, the app, the story, and the summary printed at the end."""

from __future__ import annotations

import secrets
import signal
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import TextIO

from bot.clock import ManualClock
from bot.demo.guided_story import GUIDED_STEPS, ORGANISATION, GuidedStory
from bot.demo.naming import AMSTERDAM, local_time, when_text
from bot.demo.peer_story import (
    APPLICANTS,
    GROUP_NAME,
    STEPS,
)
from bot.demo.people import ANNE, KARIN, LOTTE, MARIEKE, MOHAMED, NINA, PEOPLE, SECRETARIAT
from bot.demo.story import Story
from bot.demo.world import (
    DATABASE,
    TEAM,
    TRANSCRIPT,
    Artefacts,
    DemoError,
    Transcript,
    World,
)
from bot.devtools.fake_slack import FakeSlack
from bot.server import Runtime
from bot.settings import Settings, find_font

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
        "rapportage-*.pdf",
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
        clock = ManualClock(local_time(today - timedelta(days=9), 10))
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
            f"Het is {when_text(start)} (de klok van de demo; die loopt alleen als het verhaal dat"
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
        _play_guided(world, output=output, artefacts=story.artefacts, progress=progress)
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


def _play_guided(
    world: World, *, output: Path, artefacts: Artefacts, progress: TextIO | None
) -> None:
    """The second, shorter story: a guided trajectory, after the peer group's."""
    world.out.write(
        "Deel 2 — begeleide intervisie",
        "=" * 30,
        "Wie doen er mee:",
        f"  {MARIEKE.name}, geregistreerd supervisor (LVSC), begeleider",
        f"  {KARIN.name}, teamleider bij {ORGANISATION}, vraagt de begeleiding aan",
        *(f"  {p.name}, collega van Karin" for p in (LOTTE, MOHAMED, NINA)),
        "",
    )
    story = GuidedStory(world=world, output=output, artefacts=artefacts)
    total = len(GUIDED_STEPS)
    for index, step in enumerate(GUIDED_STEPS, start=1):
        if progress is not None:
            progress.write(f"[begeleid {index}/{total}] {step.title}…\n")
            progress.flush()
        world.out.write(f"── Begeleid, stap {index}/{total}: {step.title} ".ljust(92, "─"), "")
        step.run(story)
        world.out.write("")


def summary(artefacts: Artefacts, *, running: bool) -> list[str]:
    """The closing lines: where the artefacts are and what to open."""
    lines = [
        "",
        "Klaar. De bestanden:",
        f"  transcript            {artefacts.transcript}",
        *(f"  deelnamebewijs        {p}" for p in artefacts.certificates),
        f"  overzicht uren        {artefacts.overview}",
        f"  dossier               {artefacts.dossier}",
        f"  agenda van de groep   {artefacts.feed}",
        *(f"  certificaat begeleid  {p}" for p in artefacts.completion_certificates),
        f"  rapportage            {artefacts.report}",
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
