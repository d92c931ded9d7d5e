"""How a method reads in Slack: its card, the facilitator's time plan with clock times, the rules
of a good intervision conversation and the inbrenger's preparation."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from bot.i18n import Lang, escape_mrkdwn, format_time, t
from bot.method_data import card_text
from bot.method_model import Method, TimePlan
from bot.methods import catalogue


def conversation_rules(lang: Lang) -> tuple[str, ...]:
    """The rules of a good intervision conversation ("vragen, geen adviezen"), plain text."""
    return tuple(rule.get(lang) for rule in catalogue().rules)


def preparation_prompt(lang: Lang) -> str:
    """The inbrenger's preparation prompt as mrkdwn: a title, a line and a few points."""
    preparation = catalogue().preparation
    lines = [t(lang, "method.preparation.title"), escape_mrkdwn(preparation.intro.get(lang))]
    lines += [f"• {escape_mrkdwn(point.get(lang))}" for point in preparation.points]
    return "\n".join(lines)


def method_roles(method: Method, *, lang: Lang) -> tuple[str, ...]:
    """The names of the roles a method needs, in its order."""
    names = catalogue().role_names
    return tuple(names[role].get(lang) for role in method.roles)


def method_card(method: Method, *, lang: Lang) -> str:
    """The method as one mrkdwn section: purpose, fit, roles, steps and the conversation rules."""
    shipped = catalogue()
    return card_text(method, lang=lang, role_names=shipped.role_names, ground_rules=shipped.rules)


def time_plan_text(
    plan: TimePlan, *, lang: Lang, starts_at: datetime | None = None, tz: tzinfo | None = None
) -> str:
    """The facilitator's time plan as mrkdwn: clock times (uu:mm in `tz`) from the meeting's
    start when given, else minutes after the start (0:00, 0:05, ...)."""
    lines = [
        t(lang, "method.plan.title", name=plan.method.name.get(lang), minutes=plan.meeting_minutes)
    ]
    if plan.too_short:
        lines.append(t(lang, "method.plan.too_short", minimum=plan.method.min_minutes))
    for step in plan.steps:
        if starts_at is not None:
            start = format_time(starts_at + timedelta(minutes=step.start), tz=tz)
        else:
            start = f"{step.start // 60}:{step.start % 60:02d}"
        lines.append(
            t(
                lang,
                "method.plan.step",
                start=start,
                title=step.title.get(lang),
                minutes=step.minutes,
                what=step.what.get(lang),
            )
        )
    lines.append(t(lang, "method.card.rules"))
    lines += [f"• {escape_mrkdwn(rule)}" for rule in conversation_rules(lang)]
    return "\n".join(lines)
