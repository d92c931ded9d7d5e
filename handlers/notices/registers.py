"""Renderers for the presence lists per register: the paste list (one prefixed number per line)
or the CSV, with a comment that names who is not in the list and why."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date

from bot.exports.registers import PresenceRow
from bot.i18n import Lang, format_date, t, t_plain, tn
from bot.notify import FileMessage, RenderContext, Renderers
from bot.services.accreditations import accreditations_of
from bot.services.register_presence import (
    TEXT,
    MeetingPresenceFile,
    PeriodPresenceFile,
    PresenceExport,
    meeting_presence,
    period_presence,
)
from storage.models import AccreditationStatus

# A file comment names at most this many people; the rest are counted.
NAMES_SHOWN = 25


def install(renderers: Renderers) -> None:
    """Register this area's renderers."""
    renderers.register(MeetingPresenceFile, render_meeting_presence)
    renderers.register(PeriodPresenceFile, render_period_presence)


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def _names(lang: Lang, rows: Sequence[PresenceRow]) -> str:
    names = list(dict.fromkeys(row.name for row in rows))
    shown = ", ".join(names[:NAMES_SHOWN])
    if len(names) > NAMES_SHOWN:
        shown += " " + tn(lang, "presence.file.more", len(names) - NAMES_SHOWN)
    return shown


def _comment(lang: Lang, *, head: str, presence: PresenceExport, fmt: str) -> str:
    export = presence.export
    lines = [head]
    if fmt == TEXT:
        lines.append(tn(lang, "presence.file.listed", presence.listed))
        lines.append(t(lang, "presence.file.paste"))
    if export.without_number:
        lines.append(
            t(
                lang,
                "presence.file.without",
                label=presence.register.label(lang),
                names=_names(lang, export.without_number),
            )
        )
    if export.unreadable:
        lines.append(t(lang, "presence.file.unreadable", names=_names(lang, export.unreadable)))
    return "\n".join(lines)


def _file(
    lang: Lang, *, presence: PresenceExport, fmt: str, stem: str, comment: str
) -> FileMessage:
    short = presence.register.short_name
    if fmt == TEXT:
        return FileMessage(
            filename=f"{_slug(stem)}.txt",
            title=t_plain(lang, "presence.file.title_txt", register=short),
            comment=comment,
            content=presence.export.paste_list.encode("utf-8"),
        )
    return FileMessage(
        filename=f"{_slug(stem)}.csv",
        title=t_plain(lang, "presence.file.title_csv", register=short),
        comment=comment,
        content=presence.export.csv,
    )


def render_meeting_presence(ctx: RenderContext, intent: MeetingPresenceFile) -> FileMessage:
    """One meeting's list for one register, for the manager who asked."""
    tz = ctx.settings.timezone
    presence, meeting, group = meeting_presence(
        ctx.session, meeting_id=intent.meeting_id, register_key=intent.register_key, tz=tz
    )
    granted = next(
        (
            a
            for a in accreditations_of(ctx.session, group_id=group.id)
            if a.register_key == intent.register_key and a.status is AccreditationStatus.GRANTED
        ),
        None,
    )
    activity = (
        t_plain(ctx.lang, "presence.file.activity", activity=granted.activity_id)
        if granted is not None and granted.activity_id
        else t_plain(ctx.lang, "presence.file.no_activity")
    )
    day = format_date(meeting.starts_at, tz=tz)
    head = t(
        ctx.lang,
        "presence.file.meeting",
        register=presence.register.short_name,
        date=day,
        number=group.number,
        activity=activity,
    )
    stem = t_plain(
        ctx.lang,
        "presence.file.stem_meeting",
        register=presence.register.short_name,
        number=group.number,
        date=meeting.starts_at.astimezone(tz).date().isoformat(),
    )
    return _file(
        ctx.lang,
        presence=presence,
        fmt=intent.fmt,
        stem=stem,
        comment=_comment(ctx.lang, head=head, presence=presence, fmt=intent.fmt),
    )


def render_period_presence(ctx: RenderContext, intent: PeriodPresenceFile) -> FileMessage:
    """The workspace's list for one register over a period, for the secretariat."""
    start, end = date.fromisoformat(intent.start), date.fromisoformat(intent.end)
    presence = period_presence(
        ctx.session,
        team_id=ctx.recipient.team_id,
        register_key=intent.register_key,
        start=start,
        end=end,
        tz=ctx.settings.timezone,
    )
    head = t(
        ctx.lang,
        "presence.file.period",
        register=presence.register.short_name,
        start=format_date(start),
        end=format_date(end),
    )
    stem = t_plain(
        ctx.lang,
        "presence.file.stem_period",
        register=presence.register.short_name,
        start=intent.start,
        end=intent.end,
    )
    return _file(
        ctx.lang,
        presence=presence,
        fmt=intent.fmt,
        stem=stem,
        comment=_comment(ctx.lang, head=head, presence=presence, fmt=intent.fmt),
    )
