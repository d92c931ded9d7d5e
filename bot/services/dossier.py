"""The dossier for the certifying body: one PDF with the recertification overview of the period
followed by every deelnamebewijs it counts, so a member uploads their hours in one go."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.exports.pdf import render_dossier
from bot.exports.pdf_documents import dossier_filename
from bot.notify import Intent, owe
from bot.services.certificates import certificate_document
from bot.services.hours import issued_overview_document
from bot.settings import Settings
from storage.models import Certificate, DeliveryKind, Person


@dataclass(frozen=True, kw_only=True)
class HoursDossier(Intent):
    """The member gets their dossier PDF (as of the moment they asked)."""

    KIND = "hours_dossier"
    TRANSPORT = DeliveryKind.FILE
    KEY_FIELDS = ("person_id",)
    person_id: int
    as_of: str


def request_dossier(session: Session, *, person: Person, press_id: str, now: datetime) -> None:
    """Owe the member their dossier PDF (as of now) in a DM; once per press."""
    owe(
        session,
        intent=HoursDossier(person_id=person.id, as_of=now.isoformat()),
        to=person,
        now=now,
        occasion=press_id,
    )


def dossier_pdf(
    session: Session, *, person_id: int, as_of: str, settings: Settings, now: datetime
) -> tuple[str, bytes]:
    """The file name and the dossier: the overview as of `as_of` (recorded with its own code, as
    `/intervisie uren pdf` would send it), then each counted deelnamebewijs in date order, each
    as its holder received it (in the overview's language)."""
    overview, meetings = issued_overview_document(
        session, person_id=person_id, as_of=as_of, settings=settings, now=now
    )
    ids = [m.certificate_id for m in meetings]
    by_id = {c.id: c for c in session.scalars(select(Certificate).where(Certificate.id.in_(ids)))}
    certificates = [
        certificate_document(
            by_id[i], lang=overview.lang, tz=settings.timezone, public_url=settings.public_url
        )
        for i in ids
        if i in by_id
    ]
    content = render_dossier(
        overview,
        certificates=certificates,
        font_path=settings.pdf_font_path,
        bold_font_path=settings.pdf_font_bold_path,
        fallback_font_paths=settings.pdf_fallback_font_paths,
    )
    return dossier_filename(overview), content
