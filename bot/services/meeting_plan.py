"""How a meeting's plan reads beside its time and place: the method and the planned roles, for
the members' DM, the reminder, the calendar entry, the meetings list and the App Home."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm import Session

from bot.i18n import Lang, t, t_plain
from bot.services import method_catalogue
from bot.services.people import display_name
from bot.services.planned_roles import PLANNED_ROLES, planned
from storage.models import Meeting, Person, Role


def method_text(session: Session, meeting: Meeting, lang: Lang) -> str:
    """The method's name in `lang` (older free text as typed), or ''."""
    if not meeting.method:
        return ""
    return method_catalogue.label(
        session, team_id=meeting.group.team_id, value=meeting.method, lang=lang
    )


def roles_text(
    session: Session, meeting: Meeting, lang: Lang, *, people: Mapping[Role, Person] | None = None
) -> str:
    """'inbrenger Bram Jansen, facilitator Zoë Şahin' (plain text), or '' when nobody is planned.
    `people` is who is planned, when the caller has looked it up already."""
    if people is None:
        people = planned(session, meeting_id=meeting.id)
    return ", ".join(
        t_plain(lang, f"plan.role_item.{role.value}", name=display_name(people[role]))
        for role in PLANNED_ROLES
        if role in people
    )


def plan_lines(
    session: Session,
    meeting: Meeting,
    lang: Lang,
    *,
    plain: bool = False,
    people: Mapping[Role, Person] | None = None,
) -> list[str]:
    """'Methode: …' and 'Rollen: …' as far as they are known (mrkdwn, or plain text)."""
    render = t_plain if plain else t
    lines = []
    method = method_text(session, meeting, lang)
    if method:
        lines.append(render(lang, "plan.line.method", method=method))
    roles = roles_text(session, meeting, lang, people=people)
    if roles:
        lines.append(render(lang, "plan.line.roles", roles=roles))
    return lines


def plan_suffix(
    session: Session, meeting: Meeting, lang: Lang, *, people: Mapping[Role, Person] | None = None
) -> str:
    """The plan lines under a meeting's line in a DM: '\\nMethode: …\\nRollen: …', or ''."""
    return "".join("\n" + line for line in plan_lines(session, meeting, lang, people=people))


def method_suffix(session: Session, meeting: Meeting, lang: Lang) -> str:
    """' · Incidentmethode' after a meeting's line in a list (mrkdwn), or ''."""
    method = method_text(session, meeting, lang)
    return t(lang, "plan.list_method", method=method) if method else ""
