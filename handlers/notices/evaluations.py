"""Renderers for the evaluation after a meeting: the pulse DM with its button, and the same DM
redrawn once answered."""

from __future__ import annotations

from bot.errors import NotFound
from bot.i18n import t
from bot.notify import Message, RenderContext, Renderers
from bot.services.evaluations import EvaluationPulse, EvaluationThanks
from bot.services.meeting_text import when
from handlers.ui.evaluations_ui import build_pulse
from storage.models import Meeting


def install(renderers: Renderers) -> None:
    """Register this area's renderers."""
    renderers.register(EvaluationPulse, render_pulse)
    renderers.register(EvaluationThanks, render_thanks)


def _text(ctx: RenderContext, meeting_id: int) -> tuple[Meeting, str]:
    meeting = ctx.session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFound("meeting.not_found")
    group = meeting.group
    text = t(
        ctx.lang,
        "evaluation.dm.pulse",
        number=group.number,
        name=group.name,
        when=when(meeting, ctx.lang, ctx.tz),
    )
    return meeting, text


def render_pulse(ctx: RenderContext, intent: EvaluationPulse) -> Message:
    """A present member's DM: how was the meeting? (a button to the short form)."""
    meeting, text = _text(ctx, intent.meeting_id)
    return build_pulse(lang=ctx.lang, text=text, meeting_id=meeting.id, answered=False)


def render_thanks(ctx: RenderContext, intent: EvaluationThanks) -> Message:
    """The pulse once answered: the question and a thank-you, no button."""
    meeting, text = _text(ctx, intent.meeting_id)
    return build_pulse(lang=ctx.lang, text=text, meeting_id=meeting.id, answered=True)
