"""Renderers for documents sent as files: a deelnamebewijs (and the note when one is revoked), the
recertification overview, a member's data export and the secretariat's CSV."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal, Protocol

from sqlalchemy.orm import Session

from bot.i18n import format_date, hours_text, t, t_plain
from bot.notify import FileMessage, Message, RenderContext, Renderers
from bot.services.certificates import CertificateIssued, CertificateRevoked, certificate_pdf
from bot.services.dossier import HoursDossier, dossier_pdf
from bot.services.hours import HoursOverview, overview_pdf
from bot.services.privacy import DataExport, export_json
from bot.services.secretariat_export import SecretariatExport, hours_csv
from bot.settings import Settings
from handlers.ui.attendance_ui import role_in_text
from handlers.ui.blocks import text_message
from storage.models import Certificate


def install(renderers: Renderers) -> None:
    """Register this area's renderers."""
    renderers.register(CertificateIssued, render_certificate)
    renderers.register(CertificateRevoked, render_revoked)
    renderers.register(HoursOverview, render_overview)
    renderers.register(HoursDossier, render_dossier)
    renderers.register(DataExport, render_data_export)
    renderers.register(SecretariatExport, render_secretariat_export)


def render_certificate(ctx: RenderContext, intent: CertificateIssued) -> FileMessage:
    """The holder's PDF with a note on what it proves (or that it replaces an earlier one)."""
    certificate, filename, content = certificate_pdf(
        ctx.session, certificate_id=intent.certificate_id, lang=ctx.lang, settings=ctx.settings
    )
    key = "certificate.file.comment_new" if intent.corrected else "certificate.file.comment"
    comment = t_plain(
        ctx.lang,
        key,
        date=format_date(certificate.meeting_starts_at, tz=ctx.settings.timezone),
        group=certificate.group_number,
        duration=hours_text(ctx.lang, certificate.net_minutes),
        role=role_in_text(ctx.lang, certificate.role),
    )
    return FileMessage(
        filename=filename,
        title=t_plain(ctx.lang, "certificate.file.title", number=certificate.number),
        comment=comment,
        content=content,
    )


def render_revoked(ctx: RenderContext, intent: CertificateRevoked) -> Message:
    """The holder hears that a certificate no longer counts."""
    certificate = ctx.session.get_one(Certificate, intent.certificate_id)
    text = t(
        ctx.lang,
        "attendance.dm.revoked",
        number=certificate.number,
        date=format_date(certificate.meeting_starts_at, tz=ctx.settings.timezone),
        group=certificate.group_number,
    )
    return text_message(text)


class _HoursPdf(Protocol):
    """overview_pdf or dossier_pdf: the file name and the PDF as of an instant."""

    def __call__(
        self, session: Session, *, person_id: int, as_of: str, settings: Settings, now: datetime
    ) -> tuple[str, bytes]: ...


def _hours_file(
    ctx: RenderContext,
    intent: HoursOverview | HoursDossier,
    *,
    build: _HoursPdf,
    kind: Literal["overview", "dossier"],
) -> FileMessage:
    """The PDF as of the moment the member asked, with the title and comment of its `kind`."""
    filename, content = build(
        ctx.session,
        person_id=intent.person_id,
        as_of=intent.as_of,
        settings=ctx.settings,
        now=ctx.now,
    )
    return FileMessage(
        filename=filename,
        title=t_plain(ctx.lang, f"{kind}.file.title"),
        comment=t_plain(ctx.lang, f"{kind}.file.comment"),
        content=content,
    )


def render_overview(ctx: RenderContext, intent: HoursOverview) -> FileMessage:
    """The member's recertification overview as of the moment they asked."""
    return _hours_file(ctx, intent, build=overview_pdf, kind="overview")


def render_dossier(ctx: RenderContext, intent: HoursDossier) -> FileMessage:
    """The member's dossier: the overview as of the moment they asked, then every deelnamebewijs
    it counts, in one PDF."""
    return _hours_file(ctx, intent, build=dossier_pdf, kind="dossier")


def render_data_export(ctx: RenderContext, intent: DataExport) -> FileMessage:
    """Everything stored about the member, as JSON."""
    stamp = intent.requested_at[:19].replace("-", "").replace(":", "").replace("T", "")
    return FileMessage(
        filename=f"mijn-gegevens-{stamp}.json",
        title=t_plain(ctx.lang, "privacy.export.title"),
        comment=t_plain(ctx.lang, "privacy.export.comment"),
        content=export_json(ctx.session, person_id=intent.person_id),
    )


def render_secretariat_export(ctx: RenderContext, intent: SecretariatExport) -> FileMessage:
    """The hours and certificates of the period as CSV."""
    start, end = date.fromisoformat(intent.start), date.fromisoformat(intent.end)
    return FileMessage(
        filename=f"intervisie-uren-{intent.start}-{intent.end}.csv",
        title=t_plain(ctx.lang, "export.file.title"),
        comment=t_plain(
            ctx.lang, "export.file.comment", start=format_date(start), end=format_date(end)
        ),
        content=hours_csv(
            ctx.session,
            team_id=ctx.recipient.team_id,
            start=intent.start,
            end=intent.end,
            tz=ctx.settings.timezone,
        ),
    )
