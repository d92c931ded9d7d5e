"""The hours part of the demo: a certificate is checked on /verify, Zoë looks at her meter, asks
for her overview (whose own code the certifying body checks too) and for her dossier."""

from __future__ import annotations

from sqlalchemy import select

from bot.demo.naming import slug
from bot.demo.people import ZOE
from bot.demo.story import Story
from bot.demo.world import DemoError, html_text
from bot.devtools.slack_sim import http_request
from storage.models import Certificate, CertificateStatus, IssuedOverview, Person


def _show_verify_page(story: Story, code: str) -> None:
    """The certifying body opens /verify/<code>; the page as it reads."""
    world = story.world
    url = f"{world.runtime.deps.settings.public_url}/verify/{code}"
    story.out.write(f"▶ De certificerende instelling opent {url}")
    page = http_request(world.runtime.port, "GET", f"/verify/{code}")
    if page.status != 200:
        raise DemoError(f"/verify answered {page.status}")
    story.out.write("  De pagina toont:")
    story.out.box(html_text(page.text))


def step_verify(story: Story) -> None:
    """Someone (an employer, the certifying body) checks Zoë's certificate on /verify."""
    deps = story.world.runtime.deps
    with deps.uow() as session:
        code = session.scalars(
            select(Certificate.verification_code).where(
                Certificate.holder_name == ZOE.name,
                Certificate.status == CertificateStatus.VALID,
            )
        ).first()
    if code is None:
        raise DemoError("Zoë has no valid certificate")
    story.artefacts.verify_url = f"{deps.settings.public_url}/verify/{code}"
    _show_verify_page(story, code)


def step_home(story: Story) -> None:
    """Zoë opens the app's Home tab: her meter of intervisie hours."""
    story.world.open_home(ZOE)


def step_overview(story: Story) -> None:
    """Zoë asks for her recertification overview as a PDF; its own code is checked on /verify."""
    world = story.world
    world.command(
        ZOE,
        "uren pdf",
        expect=lambda: any("overzicht" in f.filename for f in world.files_of(ZOE, ".pdf")),
        what="the overview PDF",
    )
    upload = next(f for f in world.files_of(ZOE, ".pdf") if "overzicht" in f.filename)
    path = story.output / f"overzicht-uren-{slug(ZOE.name)}.pdf"
    path.write_bytes(upload.content)
    story.artefacts.overview = path
    story.out.write(f"  Opgeslagen als {path}")
    with world.runtime.deps.uow() as session:
        code = session.scalars(
            select(IssuedOverview.verification_code)
            .join(Person, Person.id == IssuedOverview.person_id)
            .where(Person.slack_user_id == ZOE.user_id)
        ).first()
    if code is None:
        raise DemoError("Zoë's overview has no verification code")
    _show_verify_page(story, code)


def step_dossier(story: Story) -> None:
    """Zoë asks for her dossier: the overview and every deelnamebewijs in one PDF."""
    world = story.world
    world.command(
        ZOE,
        "uren dossier",
        expect=lambda: any("dossier" in f.filename for f in world.files_of(ZOE, ".pdf")),
        what="the dossier PDF",
    )
    upload = next(f for f in world.files_of(ZOE, ".pdf") if "dossier" in f.filename)
    path = story.output / f"dossier-uren-{slug(ZOE.name)}.pdf"
    path.write_bytes(upload.content)
    story.artefacts.dossier = path
    story.out.write(f"  Opgeslagen als {path}")
