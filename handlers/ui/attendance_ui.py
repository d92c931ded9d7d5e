"""Block Kit for attendance, roles, certificates and the recertification meter, with their ids."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from datetime import date, timedelta, tzinfo
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    CheckboxesElement,
    InputBlock,
    Option,
    PlainTextObject,
    StaticSelectElement,
)
from slack_sdk.models.views import View

from bot import rules
from bot.i18n import Lang, format_date, format_time, hours_text, t, t_plain
from bot.notify import Message
from bot.services.attendance import RegistrationForm, RegistrationResult
from bot.services.rotation import RotationStatus
from handlers.ui import metadata
from handlers.ui.absences_ui import prefill_line
from handlers.ui.blocks import actions, button, clip, context, divider, message, option, section
from storage.models import AbsenceReason, Meeting, Role

# Slack: an input label is at most 2000 characters, an option text 75, a modal title 24.
LABEL_MAX = 2000
# A modal holds 100 blocks; the fixed part of the registration modal takes fewer than 10.
MAX_MEMBER_LINES = 85
# The App Home and the list message show at most this many certificates.
ABSENT = "absent"


class ActionId(enum.StrEnum):
    """action_ids of the attendance area."""

    OPEN_REGISTRATION = "attendance_open_registration"
    MEMBER_ROLE = "attendance_member_role"
    DURATION = "attendance_duration"
    CONFIRM = "attendance_confirm"
    RESEND_CERTIFICATE = "certificate_resend"
    SET_PERIOD_START = "recert_set_period_start"
    PERIOD_START_INPUT = "recert_period_start_input"
    OVERVIEW_PDF = "recert_overview_pdf"
    DOSSIER_PDF = "recert_dossier_pdf"


class CallbackId(enum.StrEnum):
    """callback_ids of the attendance area's modals."""

    REGISTER = "attendance_register"
    PERIOD_START = "recert_period_start"


class BlockId(enum.StrEnum):
    """block_ids of the attendance area."""

    MEMBER = "attendance_member"
    DURATION = "attendance_duration"
    CONFIRM = "attendance_confirm"
    WARNINGS = "attendance_warnings"
    PERIOD_START = "recert_period_start"
    CERTIFICATE = "certificate"
    PICK = "attendance_pick"
    HOURS_ACTIONS = "recert_actions"


def member_action_id(person_id: int) -> str:
    """The select of one member in the registration modal (unique per member)."""
    return f"{ActionId.MEMBER_ROLE}:{person_id}"


def member_block_id(person_id: int) -> str:
    """The input block of one member in the registration modal."""
    return f"{BlockId.MEMBER}:{person_id}"


def role_in_text(lang: Lang, role: Role | None) -> str:
    """A role inside a sentence or a list ("2,5 uur, facilitator"): lower case in Dutch."""
    return t_plain(lang, f"role.in_text.{role.value}") if role is not None else "—"


def _role_options(lang: Lang) -> list[Option]:
    return [
        option(t_plain(lang, "role.absent"), ABSENT),
        *(option(t_plain(lang, f"role.{r.value}"), r.value) for r in Role),
    ]


def _duration_options(lang: Lang, current: int) -> list[Option]:
    step = int(rules.MEETING_DURATION_STEP.total_seconds() // 60)
    top = int(rules.MAX_MEETING_DURATION.total_seconds() // 60)
    values = sorted(
        {*range(step, top + 1, step), current}
        if step <= current <= top
        else set(range(step, top + 1, step))
    )
    return [option(hours_text(lang, v), str(v)) for v in values]


def build_register_button(lang: Lang, meeting_id: int) -> Any:
    """A button that opens the registration modal of a meeting (for reminders, meetings lists)."""
    return button(
        t_plain(lang, "attendance.button.register"),
        action_id=ActionId.OPEN_REGISTRATION,
        value=str(meeting_id),
        style="primary",
    )


def build_attendance_nudge(*, lang: Lang, text: str, meeting_id: int) -> Message:
    """The DM nudging a contact person to register attendance, with the button that opens it."""
    return message(text, [section(text), actions(build_register_button(lang, meeting_id))])


def _rotation_text(lang: Lang, form: RegistrationForm) -> str:
    nobody = t_plain(lang, "attendance.modal.nobody")
    presenters = ", ".join(r.name for r in form.rotation if r.presenter == 0) or nobody
    facilitators = ", ".join(r.name for r in form.rotation if r.facilitator == 0) or nobody
    return t(
        lang,
        "attendance.modal.rotation",
        start=format_date(form.rotation_start),
        end=format_date(form.rotation_end - timedelta(days=1)),
        presenters=clip(presenters, 1200),
        facilitators=clip(facilitators, 1200),
    )


def build_registration_modal(
    *,
    lang: Lang,
    tz: tzinfo,
    form: RegistrationForm,
    choices: Mapping[int, str] | None = None,
    net_minutes: int | None = None,
    warnings: Sequence[str] = (),
    absences: Mapping[int, AbsenceReason | None] | None = None,
) -> dict[str, Any]:
    """The "Deelname registratie" modal: one select per member, the net duration, the rotation,
    and (after a first submit that broke the role norm) the warnings with a confirm checkbox;
    members who said they cannot come start as absent (`absences`)."""
    start = form.starts_at
    end = start + timedelta(minutes=form.duration_minutes)
    blocks: list[Block] = []
    if warnings:
        lines = "\n".join(f"• {t(lang, key)}" for key in warnings)
        blocks.append(
            section(t(lang, "attendance.warn.title") + "\n" + lines, block_id=BlockId.WARNINGS)
        )
        blocks.append(
            InputBlock(
                block_id=BlockId.CONFIRM,
                label=PlainTextObject(text=t_plain(lang, "attendance.warn.confirm_label")),
                optional=True,
                element=CheckboxesElement(
                    action_id=ActionId.CONFIRM,
                    options=[option(t_plain(lang, "attendance.warn.confirm"), "confirm")],
                ),
            )
        )
        blocks.append(divider())
    blocks.append(
        section(
            t(
                lang,
                "attendance.modal.intro",
                number=form.group_number,
                name=form.group_name,
                date=format_date(start, tz=tz),
                start=format_time(start, tz=tz),
                end=format_time(end, tz=tz),
            )
        )
    )
    if form.registered_at is not None:
        blocks.append(
            context(
                t(lang, "attendance.modal.correction", date=format_date(form.registered_at, tz=tz))
            )
        )
    if form.supervisor_name:
        note = t(lang, "guided.register.supervisor", name=form.supervisor_name)
        blocks.append(context(f"{form.progress}\n{note}" if form.progress else note))
    if form.rotation:
        blocks.append(section(_rotation_text(lang, form)))
    minutes = net_minutes if net_minutes is not None else form.net_minutes
    duration_options = _duration_options(lang, minutes)
    blocks.append(
        InputBlock(
            block_id=BlockId.DURATION,
            label=PlainTextObject(text=t_plain(lang, "attendance.modal.duration")),
            hint=PlainTextObject(text=t_plain(lang, "attendance.modal.duration_hint")),
            element=StaticSelectElement(
                action_id=ActionId.DURATION,
                options=duration_options,
                initial_option=next((o for o in duration_options if o.value == str(minutes)), None),
            ),
        )
    )
    blocks.append(divider())
    options = _role_options(lang)
    for line in form.members[:MAX_MEMBER_LINES]:
        if choices is not None and line.person_id in choices:
            chosen = choices[line.person_id]
        else:
            chosen = line.role.value if line.present and line.role is not None else ABSENT
        label, chosen = prefill_line(
            lang,
            person_id=line.person_id,
            name=line.name,
            chosen=chosen,
            absences=absences or {},
            first_time=choices is None and form.registered_at is None,
            absent_value=ABSENT,
        )
        blocks.append(
            InputBlock(
                block_id=member_block_id(line.person_id),
                label=PlainTextObject(text=clip(label, LABEL_MAX)),
                element=StaticSelectElement(
                    action_id=member_action_id(line.person_id),
                    options=options,
                    initial_option=next(o for o in options if o.value == chosen),
                ),
            )
        )
    return View(
        type="modal",
        callback_id=CallbackId.REGISTER,
        title=PlainTextObject(text=t_plain(lang, "attendance.modal.title")),
        submit=PlainTextObject(text=t_plain(lang, "attendance.modal.submit")),
        close=PlainTextObject(text=t_plain(lang, "attendance.modal.close")),
        private_metadata=metadata.MEETING.encode(metadata.MeetingRef(form.meeting_id)),
        blocks=blocks,
    ).to_dict()


def build_done_modal(*, lang: Lang, tz: tzinfo, result: RegistrationResult) -> dict[str, Any]:
    """What the modal turns into after "Invoeren": a summary of what was stored and sent."""
    text = t(
        lang,
        "attendance.done.text",
        date=format_date(result.starts_at, tz=tz),
        number=result.group_number,
        present=result.present,
        absent=result.absent,
        issued=result.issued,
        superseded=result.superseded,
        revoked=result.revoked,
    )
    return View(
        type="modal",
        callback_id=CallbackId.REGISTER,
        title=PlainTextObject(text=t_plain(lang, "attendance.done.title")),
        close=PlainTextObject(text=t_plain(lang, "hours.modal.close")),
        blocks=[section(text)],
    ).to_dict()


def build_picker_message(
    *, lang: Lang, tz: tzinfo, group_number: int, meetings: Sequence[Meeting]
) -> Message:
    """Past meetings of a group to (re)register, one button each."""
    blocks: list[Block] = [section(t(lang, "attendance.pick.text", number=group_number))]
    for meeting in meetings:
        state = t_plain(
            lang,
            "attendance.pick.registered"
            if meeting.attendance_registered_at
            else "attendance.pick.open",
        )
        blocks.append(
            section(
                t(
                    lang,
                    "attendance.pick.item",
                    date=format_date(meeting.starts_at, tz=tz),
                    start=format_time(meeting.starts_at, tz=tz),
                    state=state,
                ),
                block_id=f"{BlockId.PICK}:{meeting.id}",
                accessory=button(
                    t_plain(lang, "attendance.button.register"),
                    action_id=ActionId.OPEN_REGISTRATION,
                    value=str(meeting.id),
                ),
            )
        )
    return message(t_plain(lang, "attendance.pick.text", number=group_number), blocks)


def build_roles_message(
    *,
    lang: Lang,
    group_number: int,
    group_name: str,
    start: date,
    end_inclusive: date,
    statuses: Sequence[RotationStatus],
) -> Message:
    """Who has been inbrenger and facilitator in the group's rotation period."""
    title = t(
        lang,
        "roles.title",
        number=group_number,
        name=group_name,
        start=format_date(start),
        end=format_date(end_inclusive),
    )

    def mark(count: int) -> str:
        return t(lang, "roles.yes", times=count) if count else t(lang, "roles.no")

    lines = [
        t(
            lang,
            "roles.line",
            name=s.name,
            presenter=mark(s.presenter),
            facilitator=mark(s.facilitator),
        )
        for s in statuses
    ]
    blocks: list[Block] = [section(title)]
    blocks.append(section("\n".join(lines) if lines else t(lang, "roles.no_members")))
    blocks.append(context(t(lang, "roles.footer")))
    return message(title, blocks)
