"""Block Kit builders for a running trajectory: 'Mijn trajecten' (App Home and `/intervisie
traject`) with the buttons each part gets, and the close, stop and reader modals."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from slack_sdk.models.blocks import Block, CheckboxesElement, InputBlock

from bot.guided_rules import attendance_percent
from bot.i18n import Lang, format_long_date, format_time, t, t_plain, tn
from bot.services.completion import CloseForm
from bot.services.my_trajectories import MyTrajectory, Part
from bot.services.people import display_name
from handlers.ui.blocks import actions, button, clip, context, divider, option, plain, section
from handlers.ui.guided_ids import ActionId, BlockId, CallbackId
from handlers.ui.guided_inputs import text_input, trajectory_modal
from storage.models import ReportStatus, TrajectoryStatus


def _title(lang: Lang, item: MyTrajectory) -> str:
    trajectory, group = item.trajectory, item.group
    status = t_plain(lang, f"guided.status.{trajectory.status.value}")
    if group is None:
        return t(
            lang,
            "guided.card.title_intake",
            organisation_name=trajectory.client_name,
            status=status,
        )
    return t(
        lang,
        "guided.card.title",
        number=group.number,
        name=clip(group.name, 80),
        status=status,
    )


def _lines(lang: Lang, tz: tzinfo, item: MyTrajectory) -> list[str]:
    trajectory = item.trajectory
    lines: list[str] = []
    if item.part is not Part.SUPERVISOR:
        lines.append(t(lang, "guided.card.supervisor", name=display_name(trajectory.supervisor)))
    if trajectory.client_name and item.group is not None:
        lines.append(t(lang, "guided.card.client", organisation_name=trajectory.client_name))
    if trajectory.status is TrajectoryStatus.REQUESTED:
        lines.append(t(lang, "guided.card.waiting"))
    if trajectory.status is TrajectoryStatus.INTAKE and trajectory.intake_at is not None:
        lines.append(
            t(
                lang,
                "guided.card.intake",
                date=format_long_date(trajectory.intake_at, lang, tz=tz),
                time=format_time(trajectory.intake_at, tz=tz),
            )
        )
    if trajectory.agreed_meetings is not None:
        lines.append(tn(lang, "guided.card.held", trajectory.agreed_meetings, held=item.held))
    if item.next_meeting is not None and item.next_number is not None:
        lines.append(
            t(
                lang,
                "guided.card.next",
                meeting=item.next_number,
                meetings=trajectory.agreed_meetings or item.next_number,
                date=format_long_date(item.next_meeting.starts_at, lang, tz=tz),
                time=format_time(item.next_meeting.starts_at, tz=tz),
            )
        )
    if trajectory.reader_url:
        lines.append(t(lang, "guided.card.reader", url=trajectory.reader_url))
    if item.report is not None:
        state = item.report
        if state.report.status is ReportStatus.FINAL:
            lines.append(t(lang, "guided.card.report_final"))
        else:
            lines.append(
                tn(
                    lang,
                    "guided.card.report_open",
                    state.participants,
                    answered=state.answered,
                    deadline=state.report.deadline.strftime("%d-%m-%Y"),
                )
            )
    return lines


def _buttons(lang: Lang, item: MyTrajectory) -> list[Any]:
    trajectory = item.trajectory
    value = str(trajectory.id)
    status = trajectory.status

    def make(key: str, action: str, style: str | None = None) -> Any:
        return button(t_plain(lang, key), action_id=action, value=value, style=style)

    if item.part is Part.SUPERVISOR:
        if status is TrajectoryStatus.INTAKE:
            return [make("guided.start.button", ActionId.START, "primary")]
        if status is TrajectoryStatus.RUNNING:
            return [
                make("guided.close.button", ActionId.CLOSE, "primary"),
                make("guided.stop.button", ActionId.STOP),
                make("guided.reader.button", ActionId.READER),
            ]
        state = item.report
        if status in (TrajectoryStatus.COMPLETED, TrajectoryStatus.STOPPED) and (
            state is None or state.report.status is not ReportStatus.FINAL
        ):
            key = "report.button.write" if state is None else "report.button.revise"
            found = [make(key, ActionId.REPORT, "primary" if state is None else None)]
            if state is not None:
                found.append(make("report.button.finalise", ActionId.REPORT_FINALISE))
            return found
        return []
    if (
        item.part is Part.CONTACT
        and status in (TrajectoryStatus.COMPLETED, TrajectoryStatus.STOPPED)
        and trajectory.continued_at is None
        and item.group is not None
        and item.group.contact_person_id != trajectory.supervisor_id
    ):
        return [make("guided.continue.button", ActionId.CONTINUE, "primary")]
    return []


def trajectory_blocks(*, lang: Lang, tz: tzinfo, items: list[MyTrajectory]) -> list[Block]:
    """'Mijn trajecten': a section per trajectory and a row of the buttons the viewer may use."""
    if not items:
        return []
    blocks: list[Block] = [divider(), section(t(lang, "guided.home.title"))]
    for item in items:
        text = "\n".join([_title(lang, item), *_lines(lang, tz, item)])
        blocks.append(section(text))
        buttons = _buttons(lang, item)
        if buttons:
            blocks.append(actions(*buttons))
    return blocks


def build_close_modal(*, lang: Lang, form: CloseForm) -> dict[str, Any]:
    """Afronden: the threshold, everyone's attendance, who may still get a certificate, and the
    reflection points (shown before anything is issued)."""
    blocks: list[Block] = [
        section(
            tn(
                lang,
                "guided.close.intro",
                form.held,
                number=form.group_number,
                name=form.group_name,
                percent=form.percent,
                required=form.required,
            )
        )
    ]
    lines = []
    for tally in form.participants:
        key = "guided.close.line_ok" if tally.meets else "guided.close.line_below"
        lines.append(
            t(
                lang,
                key,
                name=clip(tally.name, 80),
                attended=tally.attended,
                held=form.held,
                percent=attendance_percent(tally.attended, held=form.held),
            )
        )
    blocks.append(section("\n".join(lines) or t(lang, "guided.close.nobody")))
    below = [tally for tally in form.participants if not tally.meets]
    if below:
        blocks.append(
            InputBlock(
                block_id=BlockId.OVERRIDES,
                label=plain(t_plain(lang, "guided.close.override"), 2000),
                element=CheckboxesElement(
                    action_id=ActionId.OVERRIDES,
                    options=[option(clip(tally.name, 70), str(tally.person_id)) for tally in below],
                ),
                hint=plain(t_plain(lang, "guided.close.override_hint"), 2000),
                optional=True,
            )
        )
    blocks.append(
        text_input(
            BlockId.POINTS,
            ActionId.POINTS,
            t_plain(lang, "guided.field.points"),
            hint=t_plain(lang, "guided.field.points_hint"),
            optional=True,
            max_length=6,
        )
    )
    blocks.append(context(t(lang, "guided.close.after")))
    return trajectory_modal(
        lang=lang,
        callback_id=CallbackId.CLOSE,
        title=t_plain(lang, "guided.close.title"),
        submit=t_plain(lang, "guided.close.submit"),
        blocks=blocks,
        ref=form.trajectory_id,
    )


def build_stop_modal(*, lang: Lang, trajectory_id: int, number: int) -> dict[str, Any]:
    """Stoppen: the reason everyone in the group will read."""
    blocks: list[Block] = [
        section(t(lang, "guided.stop.intro", number=number)),
        text_input(
            BlockId.REASON,
            ActionId.REASON,
            t_plain(lang, "guided.field.stop_reason"),
            multiline=True,
            max_length=500,
        ),
    ]
    return trajectory_modal(
        lang=lang,
        callback_id=CallbackId.STOP,
        title=t_plain(lang, "guided.stop.title"),
        submit=t_plain(lang, "guided.stop.submit"),
        blocks=blocks,
        ref=trajectory_id,
    )


def build_reader_modal(*, lang: Lang, trajectory_id: int, current: str) -> dict[str, Any]:
    """The reader's link (the theory of intervision each participant receives)."""
    blocks: list[Block] = [
        section(t(lang, "guided.reader.intro")),
        text_input(
            BlockId.READER,
            ActionId.READER_URL,
            t_plain(lang, "guided.field.reader"),
            initial=current,
            placeholder="https://",
            optional=True,
            max_length=500,
        ),
    ]
    return trajectory_modal(
        lang=lang,
        callback_id=CallbackId.READER,
        title=t_plain(lang, "guided.reader.title"),
        submit=t_plain(lang, "guided.reader.submit"),
        blocks=blocks,
        ref=trajectory_id,
    )
