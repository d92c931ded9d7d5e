"""Block Kit builders for certificates and the recertification meter: the list with "send again",
the meter with its year lines and buttons, and the period-start modal."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta, tzinfo
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    InputBlock,
    PlainTextInputElement,
    PlainTextObject,
)
from slack_sdk.models.views import View

from bot.i18n import Lang, format_date, format_hours, hours_text, t, t_plain, tn
from bot.notify import Message
from bot.services.recertification import Meter, YearSignal, YearTotal

# Slack: an input label is at most 2000 characters, an option text 75, a modal title 24.
from handlers.ui.attendance_ui import ActionId, BlockId, CallbackId, role_in_text
from handlers.ui.blocks import actions, button, context, message, section
from storage.models import Certificate, Role

# The App Home and `/intervisie bewijzen` show this many certificates, newest first.
CERTIFICATES_SHOWN = 10


def certificate_blocks(
    *, lang: Lang, tz: tzinfo, certificates: Sequence[Certificate], total: int
) -> list[Block]:
    """The member's certificates, newest first, each with a "send again" button."""
    blocks: list[Block] = [section(t(lang, "certificates.title"))]
    if not certificates:
        blocks.append(context(t(lang, "certificates.none")))
        return blocks
    for cert in certificates:
        blocks.append(
            section(
                t(
                    lang,
                    "certificates.item",
                    date=format_date(cert.meeting_starts_at, tz=tz),
                    group=cert.group_number,
                    duration=hours_text(lang, cert.net_minutes),
                    role=role_in_text(lang, cert.role),
                    number=cert.number,
                    status=t_plain(lang, f"certificate.status.{cert.status.value}"),
                ),
                block_id=f"{BlockId.CERTIFICATE}:{cert.id}",
                accessory=button(
                    t_plain(lang, "certificates.button.resend"),
                    action_id=ActionId.RESEND_CERTIFICATE,
                    value=str(cert.id),
                ),
            )
        )
    if total > len(certificates):
        blocks.append(context(tn(lang, "certificates.more", total - len(certificates))))
    return blocks


def build_certificates_message(
    *, lang: Lang, tz: tzinfo, certificates: Sequence[Certificate], total: int
) -> Message:
    """`/intervisie bewijzen`: the list as an ephemeral message."""
    return message(
        t_plain(lang, "certificates.title"),
        certificate_blocks(lang=lang, tz=tz, certificates=certificates, total=total),
    )


def meter_blocks(
    *, lang: Lang, meter: Meter, min_hours: int, max_hours: int, with_buttons: bool
) -> list[Block]:
    """The recertification meter: the period, counted against 32 hours, per year, the roles."""
    day = timedelta(days=1)
    period = meter.period
    blocks: list[Block] = [
        section(
            t(
                lang,
                "hours.title",
                start=format_date(period.start),
                end=format_date(period.end - day),
            )
        )
    ]
    if not period.personal:
        blocks.append(context(t(lang, "hours.default_period")))
    total = tn(
        lang,
        "hours.total",
        format_hours(meter.required_minutes, lang),
        counted=format_hours(meter.counted_minutes, lang),
    )
    if meter.total_minutes != meter.counted_minutes:
        total += tn(lang, "hours.total_all", format_hours(meter.total_minutes, lang))
    if meter.complete:
        total += t(lang, "hours.done")
    lines = [total]
    for year in meter.years:
        start, end = format_date(year.year.start), format_date(year.year.end - day)
        if year.signal is YearSignal.FUTURE:
            lines.append("• " + t(lang, "hours.year.future", start=start, end=end))
            continue
        note = _year_note(lang, year=year, min_hours=min_hours, max_hours=max_hours)
        line = t(
            lang,
            "hours.year.line",
            start=start,
            end=end,
            hours_text=hours_text(lang, year.minutes),
            note=note,
        )
        lines.append("• " + line)
    blocks.append(section("\n".join(lines)))
    roles = ", ".join(role_in_text(lang, r) for r in Role if r in meter.roles)
    blocks.append(context(t(lang, "hours.roles", roles=roles or t_plain(lang, "hours.roles_none"))))
    if with_buttons:
        blocks.append(
            actions(
                button(t_plain(lang, "hours.button.start"), action_id=ActionId.SET_PERIOD_START),
                button(t_plain(lang, "hours.button.pdf"), action_id=ActionId.OVERVIEW_PDF),
                button(t_plain(lang, "hours.button.dossier"), action_id=ActionId.DOSSIER_PDF),
                block_id=BlockId.HOURS_ACTIONS,
            )
        )
    return blocks


def _year_note(lang: Lang, *, year: YearTotal, min_hours: int, max_hours: int) -> str:
    """What the meter says about a period-year beside its hours: too few ("this year" while it
    runs, the year's name once it is over), or more than may count."""
    if year.signal is YearSignal.OVER:
        excess = hours_text(lang, year.excess_minutes)
        return tn(lang, "hours.year.over", max_hours, excess_text=excess)
    if year.signal is YearSignal.EARLIER:
        return t(lang, "hours.year.earlier")
    if year.signal is not YearSignal.UNDER:
        return ""
    if not year.ended:
        return tn(lang, "hours.year.under", min_hours)
    start, end = year.year.start, year.year.end
    if (start.month, start.day) == (1, 1) and end.year == start.year + 1:
        return tn(lang, "hours.year.under_past", min_hours, year=start.year)
    # A period-year from a personal start date spans two calendar years.
    return tn(lang, "hours.year.under_span", min_hours)


def build_hours_message(*, lang: Lang, meter: Meter, min_hours: int, max_hours: int) -> Message:
    """`/intervisie uren`: the meter as an ephemeral message."""
    return message(
        t_plain(lang, "hours.title", start=format_date(meter.period.start), end=""),
        meter_blocks(
            lang=lang, meter=meter, min_hours=min_hours, max_hours=max_hours, with_buttons=True
        ),
    )


def build_period_start_modal(*, lang: Lang, current: str) -> dict[str, Any]:
    """A small modal to set the start date of the certification period (dd-mm-jjjj)."""
    return View(
        type="modal",
        callback_id=CallbackId.PERIOD_START,
        title=PlainTextObject(text=t_plain(lang, "hours.modal.title")),
        submit=PlainTextObject(text=t_plain(lang, "hours.modal.submit")),
        close=PlainTextObject(text=t_plain(lang, "attendance.modal.close")),
        blocks=[
            InputBlock(
                block_id=BlockId.PERIOD_START,
                label=PlainTextObject(text=t_plain(lang, "hours.modal.label")),
                element=PlainTextInputElement(
                    action_id=ActionId.PERIOD_START_INPUT,
                    initial_value=current or None,
                    placeholder=PlainTextObject(text="01-01-2025"),
                    max_length=10,
                ),
            )
        ],
    ).to_dict()
