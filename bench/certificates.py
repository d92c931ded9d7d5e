"""Certificates: deelnamebewijzen (bot/exports/pdf.py) per second against a minimal one-page fpdf2
document with the same font, measured in alternating batches; and the wall time from submitting
the attendance of ten members to the tenth PDF in a DM, with the fake Slack answering at once.

    python -m bench.certificates                 # 15 s of rendering, 5 registrations
    python -m bench.certificates --seconds 4 --registrations 2
"""

from __future__ import annotations

import argparse
import secrets
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from fpdf import FPDF
from sqlalchemy import Engine
from tests.attendance_fixtures import add_meeting, seed_group

from bench._common import machine, median, ms, out, percentile, ratio
from bot.devtools.fake_slack import FakeSlack
from bot.devtools.slack_sim import SlackSim
from bot.exports.pdf import FONT, CertificateDocument, render_certificate
from bot.server import Runtime
from bot.settings import Settings, find_font
from handlers.ui.attendance_ui import member_action_id
from storage.models import Role
from tests.conftest import PEOPLE

SECRET = "bench-signing-secret"
TEAM = "T1"
TEN = [user for user in PEOPLE if user != "UADMIN01"][:10]


def sample_document() -> CertificateDocument:
    """A deelnamebewijs with a long, accented name (the slow path of the name fitting)."""
    issued = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
    return CertificateDocument(
        lang="nl",
        number="IV-2026-000123",
        holder_name="Zoë Şahin-Łukasiewicz van den Berg-Oosterhuis",
        registration_number="REG-12345",
        group_number=1001,
        group_name="Vertrouwenspersonen Noord",
        meeting_date=date(2026, 11, 20),
        start_time="09:00",
        end_time="11:00",
        net_minutes=120,
        role=Role.PRESENTER,
        contact_person_name="Anne de Vries",
        issued_at=issued,
        issued_on=issued.date(),
        verification_code=secrets.token_urlsafe(24),
        verification_url="https://intervisie.example/verify/abc",
    )


def minimal_pdf(font_path: str) -> bytes:
    """The floor: one A4 page, the same embedded font, one line of text."""
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.add_font(FONT, "", font_path)
    pdf.add_page()
    pdf.set_font(FONT, "", 11)
    pdf.cell(100, 10, "Deelnamebewijs Zoë Şahin-Łukasiewicz")
    return bytes(pdf.output())


def render_rates(font_path: str, seconds: float) -> None:
    """Alternate batches of both renderers until `seconds` are spent; print per-PDF times."""
    doc = sample_document()
    renderers: dict[str, Callable[[], bytes]] = {
        "deelnamebewijs": lambda: render_certificate(doc, font_path=font_path),
        "minimal fpdf2 page (floor)": lambda: minimal_pdf(font_path),
    }
    times: dict[str, list[float]] = {name: [] for name in renderers}
    sizes = {name: len(fn()) for name, fn in renderers.items()}  # warm up
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for name, fn in renderers.items():
            for _ in range(3):
                t0 = time.perf_counter()
                fn()
                times[name].append(time.perf_counter() - t0)
    floor = median(times["minimal fpdf2 page (floor)"])
    out(
        f"\n{'renderer':<28} {'n':>5} {'median':>10} {'p95':>10} {'PDFs/s':>8} {'× floor':>8} {'bytes':>8}"
    )
    for name, values in times.items():
        out(
            f"{name:<28} {len(values):>5} {ms(median(values)):>10} {ms(percentile(values, 95)):>10}"
            f" {1 / median(values):>8.1f} {ratio(median(values), floor):>8} {sizes[name]:>8}"
        )


def registration_walls(url: str, engine: Engine, repeats: int, font_path: str) -> None:
    """Ten members registered present; time from the submit to the tenth PDF in a DM."""
    fake = FakeSlack().start()
    for user in TEN:
        fake.add_user(user, real_name=PEOPLE[user]["real_name"])
    settings = Settings(
        slack_bot_token="xoxb-bench",
        slack_signing_secret=SECRET,
        slack_api_url=fake.base_url,
        database_url=url,
        host="127.0.0.1",
        port=0,
        public_url="http://intervisie.bench",
        pdf_font_path=font_path,
        delivery_poll_seconds=0.5,
        scheduler_poll_seconds=3600,
    )
    runtime = Runtime(settings, start_scheduler=False)
    runtime.start()
    sim = SlackSim(port=runtime.port, signing_secret=SECRET, fake=fake, team_id=TEAM)
    contact = TEN[0]
    walls: list[float] = []
    acks: list[float] = []
    try:
        for n in range(repeats):
            group = seed_group(engine, members=TEN, number=2001 + n, name=f"Bench {n}")
            add_meeting(
                engine,
                group_id=group.group_id,
                starts_at=datetime.now(UTC) - timedelta(hours=3),
            )
            before_views = len(fake.opened_views(contact))
            sim.command(contact, f"registreer {group.number}")
            fake.wait_for("views.open", count=before_views + 1, timeout=10)
            view = fake.opened_views(contact)[-1]
            roles = {member_action_id(pid): "participant" for pid in group.people.values()}
            roles[member_action_id(group.people[contact])] = "facilitator"
            roles[member_action_id(group.people[TEN[1]])] = "presenter"
            done_before = len(fake.calls_to("files.completeUploadExternal"))
            started = time.time()
            result = sim.submit(contact, view, roles)
            acks.append(result.elapsed)
            if result.status != 200 or (result.json or {}).get("response_action") == "errors":
                raise RuntimeError(f"registration refused: {result.status} {result.text[:300]}")
            calls = fake.wait_for(
                "files.completeUploadExternal", count=done_before + len(TEN), timeout=60
            )
            walls.append(calls[done_before + len(TEN) - 1].at - started)
    finally:
        runtime.stop(timeout=10)
        fake.stop()
    single = median(
        [
            _timed(lambda: render_certificate(sample_document(), font_path=font_path))
            for _ in range(10)
        ]
    )
    out(f"\nregistration of {len(TEN)} present members → 10th PDF in a DM ({repeats} runs)")
    out(f"  submit answered (ack) median {ms(median(acks))}")
    out(
        f"  wall time median {ms(median(walls))}, max {ms(max(walls))};"
        f" 10 × one render = {ms(10 * single)} → {ratio(median(walls), 10 * single)}"
    )


def _timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> None:
    """Render rates, then registration wall times."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seconds", type=float, default=15.0, help="time spent rendering")
    parser.add_argument("--registrations", type=int, default=5, help="registrations to time")
    args = parser.parse_args(argv)
    font = find_font("")
    out(f"machine: {machine()}")
    out(f"font: {font}")
    render_rates(font, args.seconds)
    with tempfile.TemporaryDirectory(prefix="intervisie-cert-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'cert.db'}"
        from storage.db import make_engine
        from storage.migrate import upgrade_to_head

        engine = make_engine(url)
        upgrade_to_head(engine)
        try:
            registration_walls(url, engine, args.registrations, font)
        finally:
            engine.dispose()


if __name__ == "__main__":
    main()
