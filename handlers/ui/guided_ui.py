"""Block Kit builders for the intake of a guided trajectory: the request modal, the supervisor's
DM with Accept / Decline (and redrawn after the answer), the accept and decline modals, and the
requester's answer."""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from slack_sdk.models.blocks import (
    Block,
    InputBlock,
    UserSelectElement,
)
from slack_sdk.models.views import View

from bot import rules
from bot.i18n import Lang, format_long_date, format_time, t, t_plain, tn
from bot.notify import Message
from bot.services.people import display_name
from bot.services.supervisors import SupervisorRegistration
from handlers.ui.blocks import actions, button, clip, context, message, plain, section
from handlers.ui.guided_ids import ActionId, BlockId, CallbackId
from handlers.ui.guided_inputs import (
    LABEL_MAX,
    TITLE_MAX,
    number_options,
    register_inputs,
    select_input,
    text_input,
    trajectory_modal,
)
from storage.models import Trajectory, TrajectoryStatus

# ------------------------------------------------------------------------------------ intake


def build_request_modal(*, lang: Lang) -> dict[str, Any]:
    """`/intervisie begeleiding`: whom to ask, for which organisation, how many, which wishes."""
    blocks: list[Block] = [
        section(t(lang, "guided.request.intro")),
        InputBlock(
            block_id=BlockId.SUPERVISOR,
            label=plain(t_plain(lang, "guided.field.supervisor"), LABEL_MAX),
            element=UserSelectElement(action_id=ActionId.SUPERVISOR),
            hint=plain(t_plain(lang, "guided.field.supervisor_hint"), LABEL_MAX),
        ),
        text_input(
            BlockId.ORGANISATION,
            ActionId.ORGANISATION,
            t_plain(lang, "guided.field.organisation"),
            hint=t_plain(lang, "guided.field.organisation_hint"),
        ),
        text_input(
            BlockId.CLIENT_CONTACT,
            ActionId.CLIENT_CONTACT,
            t_plain(lang, "guided.field.client_contact"),
            hint=t_plain(lang, "guided.field.client_contact_hint"),
            optional=True,
        ),
        select_input(
            BlockId.PARTICIPANTS,
            ActionId.PARTICIPANTS,
            t_plain(lang, "guided.field.participants"),
            options=number_options(rules.GUIDED_GROUP_MIN_MEMBERS, rules.GUIDED_GROUP_MAX_MEMBERS),
            optional=True,
        ),
        text_input(
            BlockId.WISHES,
            ActionId.WISHES,
            t_plain(lang, "guided.field.wishes"),
            hint=t_plain(lang, "guided.no_case_content"),
            optional=True,
            multiline=True,
            max_length=500,
        ),
    ]
    return trajectory_modal(
        lang=lang,
        callback_id=CallbackId.REQUEST,
        title=t_plain(lang, "guided.request.title"),
        submit=t_plain(lang, "guided.request.submit"),
        blocks=blocks,
        ref=None,
    )


def _request_text(lang: Lang, trajectory: Trajectory) -> str:
    requester = display_name(trajectory.requester) if trajectory.requester else "?"
    lines = [
        t(lang, "guided.request.dm", requester=requester, organisation_name=trajectory.client_name)
    ]
    if trajectory.client_contact:
        lines.append(t(lang, "guided.request.contact", contact=trajectory.client_contact))
    if trajectory.expected_participants:
        lines.append(tn(lang, "guided.request.expected", trajectory.expected_participants))
    if trajectory.wishes:
        lines.append(t(lang, "guided.request.wishes", wishes=clip(trajectory.wishes, 500)))
    return "\n".join(lines)


def build_request_dm(*, lang: Lang, trajectory: Trajectory) -> Message:
    """The supervisor's DM: who asks, for which organisation, with Accept / Decline."""
    text = _request_text(lang, trajectory)
    value = str(trajectory.id)
    buttons = actions(
        button(
            t_plain(lang, "guided.request.accept"),
            action_id=ActionId.ACCEPT,
            value=value,
            style="primary",
        ),
        button(t_plain(lang, "guided.request.decline"), action_id=ActionId.DECLINE, value=value),
        block_id=BlockId.TRAJECTORY,
    )
    return message(text, [section(text), buttons])


def build_request_decided(*, lang: Lang, trajectory: Trajectory, tz: tzinfo) -> Message:
    """The request DM after the answer: no buttons, what was answered; after an accept, the way
    to record the agreement and start the trajectory once the intake was held."""
    text = _request_text(lang, trajectory)
    if trajectory.status is TrajectoryStatus.DECLINED:
        note = t(lang, "guided.request.declined_note", reason=trajectory.decline_reason or "—")
        return message(text, [section(text), context(note)])
    when = trajectory.intake_at
    note = t(
        lang,
        "guided.request.accepted_note",
        date=format_long_date(when, lang, tz=tz) if when else "—",
        time=format_time(when, tz=tz) if when else "",
    )
    blocks: list[Block] = [section(text), context(note)]
    if trajectory.status is TrajectoryStatus.INTAKE:
        blocks.append(
            actions(
                button(
                    t_plain(lang, "guided.start.button"),
                    action_id=ActionId.START,
                    value=str(trajectory.id),
                    style="primary",
                ),
                block_id=BlockId.TRAJECTORY,
            )
        )
    return message(text, blocks)


def build_answer_dm(*, lang: Lang, trajectory: Trajectory, tz: tzinfo) -> Message:
    """The requester's DM: the intake's proposed date, or why the supervisor declined."""
    supervisor = display_name(trajectory.supervisor)
    if trajectory.status is TrajectoryStatus.DECLINED:
        text = t(
            lang,
            "guided.answer.declined",
            supervisor_name=supervisor,
            organisation_name=trajectory.client_name,
            reason=trajectory.decline_reason or "—",
        )
        return message(text, [section(text)])
    when = trajectory.intake_at
    text = t(
        lang,
        "guided.answer.accepted",
        supervisor_name=supervisor,
        organisation_name=trajectory.client_name,
        date=format_long_date(when, lang, tz=tz) if when else "—",
        time=format_time(when, tz=tz) if when else "",
    )
    return message(text, [section(text)])


def build_accept_modal(
    *, lang: Lang, trajectory: Trajectory, known: SupervisorRegistration | None
) -> dict[str, Any]:
    """Accept: a date and time for the intake, and the supervisor's register and number."""
    requester = display_name(trajectory.requester) if trajectory.requester else "?"
    blocks: list[Block] = [
        section(
            t(
                lang,
                "guided.accept.intro",
                requester=requester,
                organisation_name=trajectory.client_name,
            )
        ),
        text_input(
            BlockId.INTAKE_DATE,
            ActionId.INTAKE_DATE,
            t_plain(lang, "guided.field.intake_date"),
            placeholder=t_plain(lang, "guided.field.date_placeholder"),
            max_length=10,
        ),
        text_input(
            BlockId.INTAKE_TIME,
            ActionId.INTAKE_TIME,
            t_plain(lang, "guided.field.intake_time"),
            placeholder="09:30",
            max_length=20,
        ),
        *register_inputs(lang, known),
    ]
    return trajectory_modal(
        lang=lang,
        callback_id=CallbackId.ACCEPT,
        title=t_plain(lang, "guided.accept.title"),
        submit=t_plain(lang, "guided.accept.submit"),
        blocks=blocks,
        ref=trajectory.id,
    )


def build_decline_modal(*, lang: Lang, trajectory: Trajectory) -> dict[str, Any]:
    """Decline: the reason the requester will read."""
    blocks: list[Block] = [
        section(t(lang, "guided.decline.intro", organisation_name=trajectory.client_name)),
        text_input(
            BlockId.REASON,
            ActionId.REASON,
            t_plain(lang, "guided.field.reason"),
            multiline=True,
            max_length=500,
        ),
    ]
    return trajectory_modal(
        lang=lang,
        callback_id=CallbackId.DECLINE,
        title=t_plain(lang, "guided.decline.title"),
        submit=t_plain(lang, "guided.decline.submit"),
        blocks=blocks,
        ref=trajectory.id,
    )


def build_info_modal(*, lang: Lang, title: str, text: str) -> dict[str, Any]:
    """A modal without inputs that only tells something ("verzoek verstuurd")."""
    return View(
        type="modal",
        title=plain(title, TITLE_MAX),
        close=plain(t_plain(lang, "guided.close_info"), TITLE_MAX),
        blocks=[section(text)],
    ).to_dict()
