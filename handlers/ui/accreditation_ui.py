"""Block Kit builders for a group's professions and accreditation: the overview (counts only, never
a name or a number), the accreditation modal and what it turns into after saving."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    InputBlock,
    PlainTextInputElement,
    RadioButtonsElement,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot.i18n import Lang, t, t_plain, tn, tn_plain
from bot.notify import Message
from bot.registers import Register
from bot.services.accreditations import ACTIVITY_ID_MAX
from bot.services.multidisciplinary import ProfessionCount
from handlers.ui import metadata
from handlers.ui.blocks import actions, button, clip, context, message, option, plain, section
from handlers.ui.groups_ui import MODAL_TITLE_MAX
from handlers.ui.registers_ids import ActionId, BlockId, CallbackId
from storage.models import Accreditation, AccreditationStatus, Group, PointsBasis

LABEL_MAX = 2000


def points_shown(lang: Lang, points: Decimal) -> str:
    """Points without trailing zeros, with the language's decimal sign: 1,5 / 1.5."""
    text = f"{points.normalize():f}"
    return text.replace(".", ",") if lang == "nl" else text


def status_text(lang: Lang, status: AccreditationStatus) -> str:
    """Aangevraagd / toegekend / afgewezen, lower case mid-sentence."""
    return t_plain(lang, f"accreditation.status.{status.value}").lower()


def profession_summary(lang: Lang, counts: Sequence[ProfessionCount]) -> str:
    """'Verloskundige (2 deelnemers), Huisarts (1 deelnemer)': counts, never names."""
    parts = [
        tn_plain(
            lang,
            "directory.profession_count",
            c.count,
            name=c.profession.name(lang)
            if c.profession
            else t_plain(lang, "directory.profession_unknown"),
        )
        for c in counts
    ]
    return ", ".join(parts) or t_plain(lang, "directory.no_professions")


def _accreditation_line(lang: Lang, accreditation: Accreditation, register: Register | None) -> str:
    details = ""
    if accreditation.activity_id:
        details += t(lang, "accreditation.overview.activity", activity=accreditation.activity_id)
    if accreditation.points is not None:
        key = (
            "accreditation.overview.points_hour"
            if accreditation.points_basis is PointsBasis.HOUR
            else "accreditation.overview.points_meeting"
        )
        details += tn(lang, key, points_shown(lang, accreditation.points))
    return "• " + t(
        lang,
        "accreditation.overview.line",
        register=register.short_name if register else accreditation.register_key,
        status=status_text(lang, accreditation.status),
        details=details,
    )


def build_group_overview(
    *,
    lang: Lang,
    group: Group,
    professions: Sequence[ProfessionCount],
    registers: Sequence[tuple[Register, int]],
    accreditations: Sequence[tuple[Accreditation, Register | None]],
    can_manage: bool,
) -> Message:
    """The group's professions and registers (counts) and its accreditations; for the managers a
    button to record one and a pointer to the presence lists."""
    title = t(lang, "accreditation.overview.title", number=group.number, name=clip(group.name, 120))
    register_lines = [
        "• " + tn(lang, "accreditation.overview.register_line", n, register=r.short_name)
        for r, n in registers
    ] or [t(lang, "accreditation.overview.no_registers")]
    accreditation_lines = [_accreditation_line(lang, a, r) for a, r in accreditations] or [
        t(lang, "accreditation.overview.none")
    ]
    blocks: list[Block] = [
        section(title),
        section(
            t(lang, "accreditation.overview.professions")
            + "\n"
            + profession_summary(lang, professions)
        ),
        section(t(lang, "accreditation.overview.registers") + "\n" + "\n".join(register_lines)),
        section(
            t(lang, "accreditation.overview.accreditations") + "\n" + "\n".join(accreditation_lines)
        ),
    ]
    if can_manage:
        blocks.append(
            actions(
                button(
                    t_plain(lang, "accreditation.record"),
                    action_id=ActionId.RECORD_ACCREDITATION,
                    value=str(group.id),
                    style="primary",
                )
            )
        )
        blocks.append(context(t(lang, "accreditation.overview.presence_hint", number=group.number)))
    return message(title, blocks)


def build_accreditation_modal(
    *, lang: Lang, group: Group, registers: Sequence[Register]
) -> dict[str, Any]:
    """Register, the register's decision, activity id, points and what the points count for."""
    register_options = [option(clip(f"{r.short_name} – {r.name}", 75), r.key) for r in registers]
    statuses = [
        option(t_plain(lang, f"accreditation.status.{s.value}"), s.value)
        for s in AccreditationStatus
    ]
    bases = [option(t_plain(lang, f"accreditation.basis.{b.value}"), b.value) for b in PointsBasis]
    blocks: list[Block] = [
        section(t(lang, "accreditation.intro", number=group.number)),
        InputBlock(
            block_id=BlockId.REGISTER,
            label=plain(t_plain(lang, "accreditation.register"), LABEL_MAX),
            element=StaticSelectElement(
                action_id=ActionId.ACCREDITATION_REGISTER,
                placeholder=plain(t_plain(lang, "accreditation.register_placeholder")),
                options=register_options,
            ),
        ),
        InputBlock(
            block_id=BlockId.STATUS,
            label=plain(t_plain(lang, "accreditation.status"), LABEL_MAX),
            element=RadioButtonsElement(
                action_id=ActionId.ACCREDITATION_STATUS,
                options=statuses,
                initial_option=statuses[0],
            ),
        ),
        InputBlock(
            block_id=BlockId.ACTIVITY,
            label=plain(t_plain(lang, "accreditation.activity"), LABEL_MAX),
            hint=plain(t_plain(lang, "accreditation.activity_hint"), LABEL_MAX),
            element=PlainTextInputElement(
                action_id=ActionId.ACCREDITATION_ACTIVITY, max_length=ACTIVITY_ID_MAX
            ),
            optional=True,
        ),
        InputBlock(
            block_id=BlockId.POINTS,
            label=plain(t_plain(lang, "accreditation.points"), LABEL_MAX),
            hint=plain(t_plain(lang, "accreditation.points_hint"), LABEL_MAX),
            element=PlainTextInputElement(action_id=ActionId.ACCREDITATION_POINTS, max_length=10),
            optional=True,
        ),
        InputBlock(
            block_id=BlockId.BASIS,
            label=plain(t_plain(lang, "accreditation.basis"), LABEL_MAX),
            element=RadioButtonsElement(
                action_id=ActionId.ACCREDITATION_BASIS, options=bases, initial_option=bases[0]
            ),
        ),
    ]
    return View(
        type="modal",
        callback_id=CallbackId.ACCREDITATION,
        title=plain(t_plain(lang, "accreditation.title"), MODAL_TITLE_MAX),
        submit=plain(t_plain(lang, "accreditation.submit"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "accreditation.cancel"), MODAL_TITLE_MAX),
        private_metadata=metadata.GROUP.encode(metadata.GroupRef(group.id)),
        blocks=blocks,
    ).to_dict()


def build_saved_modal(*, lang: Lang, text: str) -> dict[str, Any]:
    """What the accreditation modal turns into after saving."""
    return View(
        type="modal",
        title=plain(t_plain(lang, "accreditation.title"), MODAL_TITLE_MAX),
        close=plain(t_plain(lang, "info.close"), MODAL_TITLE_MAX),
        blocks=[section(text)],
    ).to_dict()
