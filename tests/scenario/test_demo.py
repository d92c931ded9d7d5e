"""`intervisie-bot demo`: the whole story runs end to end against the sandbox Slack and leaves
readable certificates, an overview, a parseable group feed and a transcript with every step; the
Block Kit renderer shows messages and modals as a person sees them."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from pypdf import PdfReader

from bot.demo.guided_story import GUIDED_STEPS, ORGANISATION
from bot.demo.peer_story import GROUP_NAME, REJECT_REASON, STEPS
from bot.demo.people import KARIN, LOTTE, MARIEKE, MOHAMED, NINA
from bot.devtools.render import mrkdwn_to_text, render_message, render_view
from bot.i18n import format_date, format_long_date, hours_text, t, t_plain, tn
from bot.main import main
from tests.support.texts import shown

AMS = ZoneInfo("Europe/Amsterdam")


def _pdf_text(path: Path) -> str:
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_the_demo_plays_the_story_and_leaves_the_artefacts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "out"
    (output / "certificates").mkdir(parents=True)
    stale = output / "certificates" / "deelnamebewijs-OLD.pdf"
    stale.write_bytes(b"from an earlier run")

    assert main(["demo", "--output", str(output), "--quiet"]) == 0

    captured = capsys.readouterr()
    assert f"[{len(STEPS)}/{len(STEPS)}]" in captured.err  # the progress indicator
    assert "Stap 1/" not in captured.out  # --quiet: the transcript is not printed …
    assert str(output / "transcript.txt") in captured.out  # … but where things are is
    assert not stale.exists()

    transcript = (output / "transcript.txt").read_text(encoding="utf-8")
    for index, step in enumerate(STEPS, start=1):
        assert f"Stap {index}/{len(STEPS)}: {step.title}" in transcript
    [feed] = output.glob("groep-*.ics")
    number = int(feed.stem.removeprefix("groep-"))
    # The story's dates follow the demo clock, which starts today: read it from the transcript.
    started = re.search(r"Het is (\d\d-\d\d-\d{4})", transcript)
    assert started
    dd, mm, yyyy = (int(part) for part in started.group(1).split("-"))
    day = date(yyyy, mm, dd) + timedelta(days=5)
    when = f"{format_long_date(day, 'nl')} ({format_date(day)}) 13:30–16:00"
    anne, zoe = "Anne de Vries", "Zoë Şahin-Łukasiewicz"
    group = {"number": number, "name": GROUP_NAME}
    buttons = f"[ {t_plain('nl', 'request.approve')} ]  [ {t_plain('nl', 'request.reject')} ]"
    seen_texts = [
        "▶ Anne typt: /intervisie nieuw",
        f"Anne krijgt het formulier „{t_plain('nl', 'group.create.title')}”",
        buttons,
        t("nl", "decision.welcome", **group, contact=anne),
        t("nl", "decision.no_meetings", contact=anne),
        # Femke is approved after the meeting was planned: her welcome lists it.
        t("nl", "decision.meetings") + "\n• " + when + " — Utrecht, Oudegracht 245",
        REJECT_REASON,
        t("nl", "meeting.dm.changed", **group, when=when),
        t("nl", "reminder.dm.before", **group, when=when),
        t("nl", "reminder.dm.register", **group, when=when),
        f"▶ Anne klikt op [ {t_plain('nl', 'attendance.button.register')} ]",
        f"{zoe}: {t_plain('nl', 'role.participant')}",
        t(
            "nl",
            "attendance.done.text",
            date=format_date(day),
            number=number,
            present=5,
            absent=1,
            issued=5,
            superseded=0,
            revoked=0,
        ),
        f"{t_plain('nl', 'verify.name')} Z. Şahin-Łukasiewicz",
        tn("nl", "hours.total", "32", counted="2,5"),
        # Zoë joined this year: the years before carry no warning.
        t(
            "nl",
            "hours.year.line",
            start=f"01-01-{day.year - 1}",
            end=f"31-12-{day.year - 1}",
            hours_text=hours_text("nl", 0),
            note="",
        ),
        t_plain("nl", "verify.overview.title"),
        t("nl", "hours.dossier_sent"),
        "in Annes berichten",
        "6 herinneringen",
    ]
    # Forms are drawn in a box: its left edge is not part of the text.
    folded = " ".join(transcript.replace("│", " ").split())
    for seen in seen_texts:
        # The transcript wraps long lines: compare with runs of white space folded.
        assert " ".join(mrkdwn_to_text(seen).split()) in folded, seen
    assert "Anne's" not in transcript
    assert "(optioneel) (optioneel)" not in transcript  # Slack adds it; labels do not
    assert "<http" not in transcript and "*" not in transcript  # mrkdwn rendered to plain text

    certificates = sorted((output / "certificates").glob("deelnamebewijs-*.pdf"))
    assert len(certificates) == 5  # six members, one absent
    texts = [_pdf_text(path) for path in certificates]
    for name in ("Bram Jansen", zoe, "Daan van der Berg", "Femke Visser"):
        assert sum(name in text for text in texts) == 1, name
    assert all(anne in text for text in texts)  # her own, and as contact person
    assert not any("Emma Bakker" in text for text in texts)
    assert all(hours_text("nl", 150) in text for text in texts)

    [overview] = output.glob("overzicht-uren-*.pdf")
    assert overview.name == "overzicht-uren-zoe-sahin-lukasiewicz.pdf"
    assert zoe in _pdf_text(overview)
    [dossier] = output.glob("dossier-uren-*.pdf")
    assert len(PdfReader(io.BytesIO(dossier.read_bytes())).pages) == 2  # overview + one proof

    calendar = icalendar.Calendar.from_ical(feed.read_bytes())
    [event] = list(calendar.walk("VEVENT"))
    assert GROUP_NAME in str(event["SUMMARY"])
    assert int(event["SEQUENCE"]) == 1  # planned, then changed once
    start = event.decoded("DTSTART").astimezone(AMS)
    assert (start.hour, start.minute) == (13, 30)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=150)

    # The second story: a guided trajectory of three meetings.
    assert f"[begeleid {len(GUIDED_STEPS)}/{len(GUIDED_STEPS)}]" in captured.err
    for index, step in enumerate(GUIDED_STEPS, start=1):
        assert f"Begeleid, stap {index}/{len(GUIDED_STEPS)}: {step.title}" in transcript
    folded = " ".join(transcript.split())
    for seen in (
        "▶ Karin typt: /intervisie begeleiding",
        "[ Accepteren ] [ Afwijzen ]",
        "Je groepsnummer is",
        "bijeenkomst 2 van 3",
        shown("guided.register.supervisor", name=MARIEKE.name),
        "Nina de Graaf: 1 van 3 (33%) — onder de drempel",
        "Je was bij 1 van de 3 bijeenkomsten",
        "Verificatie certificaat",
        "Geen casusinhoud.",
        tn("nl", "report.answered.agreed", 4, name=NINA.name, agreed=4),
        "Met 4 deelnemers is de groep nu in oprichting.",
    ):
        assert " ".join(seen.split()) in folded, seen
    completions = sorted((output / "certificates").glob("certificaat-begeleide-intervisie-*.pdf"))
    texts = [_pdf_text(path) for path in completions]
    assert len(texts) == 3  # four participants, Nina below the threshold
    for who in (KARIN, LOTTE, MOHAMED):
        assert sum(who.name in text for text in texts) == 1, who.name
    assert not any(NINA.name in text for text in texts)
    for text in texts:
        assert MARIEKE.name in text and "20417" in text and "3 van 3 bijeenkomsten" in text
    [report] = output.glob("rapportage-*.pdf")
    report_text = _pdf_text(report)
    assert ORGANISATION in report_text and "83%" in report_text
    assert all(p.name not in report_text for p in (KARIN, LOTTE, MOHAMED, NINA))


def test_demo_help_explains_it(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["demo", "--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    for option in ("--output", "--keep-running", "--quiet", "without a Slack workspace"):
        assert option in " ".join(text.split()), option


def test_python_m_bot_demo_needs_no_slack_settings(tmp_path: Path, repo_root: Path) -> None:
    """`python -m bot demo --help` from the repository root, with no Slack variables at all."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "demo", "--help"],
        cwd=repo_root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "--keep-running" in result.stdout


def test_messages_render_as_plain_text() -> None:
    names = {"U1": "Anne de Vries"}
    assert (
        mrkdwn_to_text("*Let op* <@U1>: <https://x.test/a|de link> &amp; :warning:", names=names)
        == "Let op @Anne de Vries: de link (https://x.test/a) & ⚠"
    )
    message = {
        "text": "fallback",
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": "Groep 1001"}},
            {"type": "section", "text": {"type": "mrkdwn", "text": "_Vijf_ deelnemers"}},
            {
                "type": "actions",
                "elements": [
                    {"type": "button", "text": {"type": "plain_text", "text": "Accorderen"}},
                    {"type": "button", "text": {"type": "plain_text", "text": "Afwijzen"}},
                ],
            },
        ],
    }
    assert render_message(message) == [
        "GROEP 1001",
        "──────────",
        "Vijf deelnemers",
        "[ Accorderen ]  [ Afwijzen ]",
    ]
    assert render_message({"text": "Alleen *tekst*"}) == ["Alleen tekst"]


def test_modals_render_as_forms_with_values_and_errors() -> None:
    role = {
        "type": "static_select",
        "action_id": "role",
        "options": [
            {"text": {"type": "plain_text", "text": "Afwezig"}, "value": "absent"},
            {"text": {"type": "plain_text", "text": "Deelnemer"}, "value": "participant"},
        ],
        "initial_option": {"text": {"type": "plain_text", "text": "Afwezig"}, "value": "absent"},
    }
    view = {
        "type": "modal",
        "title": {"type": "plain_text", "text": "Registratie"},
        "submit": {"type": "plain_text", "text": "Invoeren"},
        "close": {"type": "plain_text", "text": "Annuleer"},
        "blocks": [
            {
                "type": "input",
                "block_id": "b1",
                "label": {"type": "plain_text", "text": "Zoë Şahin-Łukasiewicz"},
                "element": role,
            },
            {
                "type": "input",
                "block_id": "b2",
                "optional": True,
                "label": {"type": "plain_text", "text": "Plaats"},
                "element": {
                    "type": "plain_text_input",
                    "action_id": "place",
                    "placeholder": {"type": "plain_text", "text": "Utrecht"},
                },
            },
        ],
    }
    assert render_view(view) == [
        "┌─ Registratie " + "─" * 29,
        "│ Zoë Şahin-Łukasiewicz: [Afwezig ▾]",
        "│ Plaats (optioneel): [bv. Utrecht]",
        "└─ [ Annuleer ]  [ Invoeren ]",
    ]
    filled = render_view(
        view, values={"role": "participant", "place": "Zwolle"}, errors={"b2": "Te ver weg"}
    )
    assert "│ Zoë Şahin-Łukasiewicz: [Deelnemer ▾]" in filled
    assert filled[2:4] == ["│ Plaats (optioneel): [Zwolle]", "│   ⚠ Te ver weg"]
