"""Renderers for guided intervision: the intake request and its answer, the start of the
trajectory, the reader's link, the end (certificate, the explanation for those below the
threshold, the outcome, a stop) and going on as a peer group."""

from __future__ import annotations

from bot.errors import NotFound
from bot.i18n import hours_text, t, t_plain, tn, tn_plain
from bot.notify import FileMessage, Message, RenderContext, Renderers
from bot.services.certificates import certificate_pdf
from bot.services.completion import (
    CompletionCertificateIssued,
    CompletionWithheld,
    TrajectoryClosed,
    TrajectoryStopped,
)
from bot.services.completion_pdf import completion_row
from bot.services.groups import member_count, status_of
from bot.services.guidance import GuidanceAnswered, GuidanceDecided, GuidanceRequested
from bot.services.people import display_name
from bot.services.trajectories import ContinuedAsPeerGroup, ReaderShared, TrajectoryStarted
from bot.services.trajectory_progress import trajectory_name, trajectory_of_group
from handlers.ui.blocks import actions, button, message, section, text_message
from handlers.ui.guided_ids import ActionId, BlockId
from handlers.ui.guided_ui import build_answer_dm, build_request_decided, build_request_dm
from storage.models import Group, Trajectory


def install(renderers: Renderers) -> None:
    """Register this area's renderers."""
    renderers.register(GuidanceRequested, render_request)
    renderers.register(GuidanceDecided, render_request_decided)
    renderers.register(GuidanceAnswered, render_answer)
    renderers.register(TrajectoryStarted, render_started)
    renderers.register(ReaderShared, render_reader)
    renderers.register(CompletionCertificateIssued, render_completion)
    renderers.register(CompletionWithheld, render_withheld)
    renderers.register(TrajectoryClosed, render_closed)
    renderers.register(TrajectoryStopped, render_stopped)
    renderers.register(ContinuedAsPeerGroup, render_continued)


def _trajectory(ctx: RenderContext, trajectory_id: int) -> Trajectory:
    trajectory = ctx.session.get(Trajectory, trajectory_id)
    if trajectory is None:
        raise NotFound("guided.error.not_found")
    return trajectory


def _group(trajectory: Trajectory) -> Group:
    if trajectory.group is None:
        raise NotFound("guided.error.not_found")
    return trajectory.group


def render_request(ctx: RenderContext, intent: GuidanceRequested) -> Message:
    """The supervisor's DM with Accept / Decline."""
    return build_request_dm(lang=ctx.lang, trajectory=_trajectory(ctx, intent.trajectory_id))


def render_request_decided(ctx: RenderContext, intent: GuidanceDecided) -> Message:
    """The request DM after the answer (with 'Traject starten' after an accept)."""
    trajectory = _trajectory(ctx, intent.trajectory_id)
    return build_request_decided(lang=ctx.lang, trajectory=trajectory, tz=ctx.tz)


def render_answer(ctx: RenderContext, intent: GuidanceAnswered) -> Message:
    """The requester's DM: the intake date, or the reason for declining."""
    trajectory = _trajectory(ctx, intent.trajectory_id)
    return build_answer_dm(lang=ctx.lang, trajectory=trajectory, tz=ctx.tz)


def render_started(ctx: RenderContext, intent: TrajectoryStarted) -> Message:
    """The contact person: the number to pass on; the supervisor: what to do next."""
    trajectory = _trajectory(ctx, intent.trajectory_id)
    group = _group(trajectory)
    params = {
        "number": group.number,
        "name": group.name,
        "supervisor_name": display_name(trajectory.supervisor),
        "contact": display_name(group.contact_person),
        "max": group.max_members,
    }
    meetings = trajectory.agreed_meetings or 0
    if ctx.recipient.id == trajectory.supervisor_id:
        key = (
            "guided.started.supervisor_alone"
            if group.contact_person_id == trajectory.supervisor_id
            else "guided.started.supervisor"
        )
        text = tn(ctx.lang, key, meetings, **params)
    else:
        text = tn(ctx.lang, "guided.started.contact", meetings, **params)
        if trajectory.price_per_participant is not None:
            price = f"{trajectory.price_per_participant:.2f}"
            text += "\n" + t(
                ctx.lang,
                "guided.started.price",
                price=price.replace(".", ",") if ctx.lang == "nl" else price,
            )
    return text_message(text)


def render_reader(ctx: RenderContext, intent: ReaderShared) -> Message:
    """A participant gets the reader's link."""
    trajectory = _trajectory(ctx, intent.trajectory_id)
    group = _group(trajectory)
    text = t(
        ctx.lang,
        "guided.reader.dm",
        number=group.number,
        name=group.name,
        supervisor_name=display_name(trajectory.supervisor),
        url=trajectory.reader_url,
    )
    return text_message(text)


def render_completion(ctx: RenderContext, intent: CompletionCertificateIssued) -> FileMessage:
    """The participant's certificaat begeleide intervisie with a note on what it proves."""
    certificate, filename, content = certificate_pdf(
        ctx.session, certificate_id=intent.certificate_id, lang=ctx.lang, settings=ctx.settings
    )
    row = completion_row(ctx.session, certificate_id=certificate.id)
    return FileMessage(
        filename=filename,
        title=t_plain(ctx.lang, "completion.file.title", number=certificate.number),
        comment=tn_plain(
            ctx.lang,
            "completion.file.comment",
            row.meetings_total,
            name=certificate.trajectory_text or certificate.group_name,
            attended=row.meetings_attended,
            hours_text=hours_text(ctx.lang, certificate.net_minutes),
        ),
        content=content,
    )


def render_withheld(ctx: RenderContext, intent: CompletionWithheld) -> Message:
    """Below the threshold: what they attended, what was needed, and that the deelnamebewijzen
    of the meetings they attended still count."""
    trajectory = _trajectory(ctx, intent.trajectory_id)
    group = _group(trajectory)
    text = tn(
        ctx.lang,
        "guided.withheld.dm",
        intent.held,
        attended=intent.attended,
        required=intent.required,
        name=trajectory_name(trajectory, group),
        number=group.number,
        supervisor_name=display_name(trajectory.supervisor),
    )
    return text_message(text)


def render_closed(ctx: RenderContext, intent: TrajectoryClosed) -> Message:
    """The supervisor: the outcome and the report button; the contact person: going on."""
    trajectory = _trajectory(ctx, intent.trajectory_id)
    group = _group(trajectory)
    value = str(trajectory.id)
    if ctx.recipient.id == trajectory.supervisor_id:
        text = t(ctx.lang, "guided.closed.supervisor", number=group.number, name=group.name)
        report = button(
            t_plain(ctx.lang, "report.button.write"),
            action_id=ActionId.REPORT,
            value=value,
            style="primary",
        )
        return message(text, [section(text), actions(report, block_id=BlockId.TRAJECTORY)])
    text = t(ctx.lang, "guided.closed.contact", number=group.number, name=group.name)
    go_on = button(
        t_plain(ctx.lang, "guided.continue.button"),
        action_id=ActionId.CONTINUE,
        value=value,
        style="primary",
    )
    return message(text, [section(text), actions(go_on, block_id=BlockId.TRAJECTORY)])


def render_stopped(ctx: RenderContext, intent: TrajectoryStopped) -> Message:
    """Everyone: the trajectory stopped early, why, and what remains valid."""
    trajectory = _trajectory(ctx, intent.trajectory_id)
    group = _group(trajectory)
    text = t(
        ctx.lang,
        "guided.stopped.dm",
        number=group.number,
        name=group.name,
        supervisor_name=display_name(trajectory.supervisor),
        reason=trajectory.stop_reason or "—",
    )
    return text_message(text)


def render_continued(ctx: RenderContext, intent: ContinuedAsPeerGroup) -> Message:
    """Members: the group goes on by itself (and where it stands by the peer rule); the
    supervisor: they have left the group."""
    trajectory = _trajectory(ctx, intent.trajectory_id)
    group = _group(trajectory)
    if ctx.recipient.id == trajectory.supervisor_id:
        text = t(ctx.lang, "guided.continued.supervisor", number=group.number, name=group.name)
        return text_message(text)
    members = member_count(ctx.session, group_id=group.id)
    status = t_plain(ctx.lang, f"group.status.{status_of(group, members=members).value}")
    text = tn(
        ctx.lang,
        "guided.continued.member",
        members,
        number=group.number,
        name=group.name,
        status=status,
    )
    return text_message(text)


def guided_welcome(ctx: RenderContext, *, group: Group) -> str:
    """The lines a guided group's welcome adds: the supervisor, the agreed meetings and the
    reader's link ("" for a peer group)."""
    trajectory = trajectory_of_group(ctx.session, group_id=group.id)
    if trajectory is None or trajectory.continued_at is not None:
        return ""
    text = tn(
        ctx.lang,
        "guided.welcome",
        trajectory.agreed_meetings or 0,
        supervisor_name=display_name(trajectory.supervisor),
    )
    # What the certificate asks, said up front rather than only at the close.
    percent = ctx.settings.guided_attendance_percent
    text += " " + t(ctx.lang, "guided.welcome.threshold", percent=percent)
    if trajectory.reader_url:
        text += "\n" + t(ctx.lang, "guided.welcome.reader", url=trajectory.reader_url)
    return text
