"""Renderers for groups and enrollment: the new group's number, the request with its buttons (and
redrawn after the decision), the decision for the requester, a departure, a contact-person change."""

from __future__ import annotations

from bot.errors import NotFound
from bot.i18n import t, tn
from bot.notify import Message, RenderContext, Renderers
from bot.services.admin import ContactPersonChanged
from bot.services.association import AssociationSettings, association_for, terms
from bot.services.calendar import ensure_calendar_token, feed_url
from bot.services.enrollment import (
    EnrollmentDecided,
    EnrollmentRequested,
    MemberLeft,
    RequestDecided,
)
from bot.services.fees import FeeDue, has_unpaid_fee
from bot.services.groups import GroupCreated, GroupSummary, member_count, size_bounds
from bot.services.meeting_text import when, where
from bot.services.meetings import upcoming_for_group
from bot.services.people import display_name
from handlers.notices.agreements import with_agreements_card
from handlers.notices.guided import guided_welcome
from handlers.ui.blocks import message, section, text_message
from handlers.ui.enrollment_ui import (
    build_decided_request,
    build_rejection_dm,
    build_request_dm,
    build_welcome_dm,
    fee_blocks,
)
from handlers.ui.groups_ui import build_group_created_dm, status_text
from storage.models import Enrollment, EnrollmentStatus, Group, Person


def install(renderers: Renderers) -> None:
    """Register this area's renderers."""
    renderers.register(GroupCreated, render_group_created)
    renderers.register(EnrollmentRequested, render_request)
    renderers.register(RequestDecided, render_request_decided)
    renderers.register(EnrollmentDecided, render_decision)
    renderers.register(MemberLeft, render_member_left)
    renderers.register(ContactPersonChanged, render_contact_changed)
    renderers.register(FeeDue, render_fee_due)


def _association(ctx: RenderContext) -> AssociationSettings:
    return association_for(ctx.session, team_id=ctx.recipient.team_id, settings=ctx.settings)


def _open_fee_year(ctx: RenderContext, person: Person) -> int | None:
    """This year, when the person is a non-member whose fee for it is not recorded as paid."""
    year = ctx.now.astimezone(ctx.settings.timezone).year
    return year if has_unpaid_fee(ctx.session, person=person, year=year) else None


def _group(ctx: RenderContext, group_id: int) -> Group:
    group = ctx.session.get(Group, group_id)
    if group is None:
        raise NotFound("group.not_found_by_id")
    return group


def _enrollment(ctx: RenderContext, enrollment_id: int) -> Enrollment:
    enrollment = ctx.session.get(Enrollment, enrollment_id)
    if enrollment is None:
        raise NotFound("enroll.request_not_found")
    return enrollment


def render_group_created(ctx: RenderContext, intent: GroupCreated) -> Message:
    """The creator's DM: the number, and 'pass it on to the participants'."""
    group = _group(ctx, intent.group_id)
    minimum, _ = size_bounds(group.kind)
    return build_group_created_dm(lang=ctx.lang, group=group, minimum=minimum)


def render_request(ctx: RenderContext, intent: EnrollmentRequested) -> Message:
    """The contact person's DM with Accorderen / Afwijzen."""
    enrollment = _enrollment(ctx, intent.enrollment_id)
    return build_request_dm(
        lang=ctx.lang,
        enrollment_id=enrollment.id,
        requester=enrollment.person,
        group=enrollment.group,
        members=member_count(ctx.session, group_id=enrollment.group_id),
        association=_association(ctx),
        unpaid_year=_open_fee_year(ctx, enrollment.person),
    )


def render_request_decided(ctx: RenderContext, intent: RequestDecided) -> Message:
    """The request DM after the decision: no buttons, who decided and when."""
    enrollment = _enrollment(ctx, intent.enrollment_id)
    decided_by = ctx.session.get(Person, enrollment.decided_by_id or 0)
    if decided_by is None or enrollment.decided_at is None:
        raise NotFound("enroll.request_not_found")
    members = member_count(ctx.session, group_id=enrollment.group_id)
    return build_decided_request(
        lang=ctx.lang,
        approved=enrollment.status is not EnrollmentStatus.REJECTED,
        requester=enrollment.person,
        group=enrollment.group,
        decided_by=decided_by,
        at=enrollment.decided_at,
        tz=ctx.tz,
        summary=GroupSummary(group=enrollment.group, members=members),
        association=_association(ctx),
        unpaid_year=_open_fee_year(ctx, enrollment.person),
    )


def render_decision(ctx: RenderContext, intent: EnrollmentDecided) -> Message:
    """The requester's DM: welcome with the next meetings and the calendar link, or the
    rejection with its reason."""
    enrollment = _enrollment(ctx, intent.enrollment_id)
    if enrollment.status is EnrollmentStatus.REJECTED:
        return build_rejection_dm(lang=ctx.lang, group=enrollment.group, reason=enrollment.reason)
    dm = build_welcome_dm(
        lang=ctx.lang,
        group=enrollment.group,
        contact=enrollment.group.contact_person,
        upcoming=_next_meetings(ctx, group_id=enrollment.group_id),
        calendar_url=feed_url(
            ctx.settings.public_url,
            kind="member",
            token=ensure_calendar_token(ctx.session, person_id=ctx.recipient.id),
        ),
        association=_association(ctx),
        fee_year=_open_fee_year(ctx, enrollment.person),
    )
    # A guided group's welcome also names the supervisor and brings the reader's link.
    extra = guided_welcome(ctx, group=enrollment.group)
    if extra:
        dm["blocks"].append(section(extra).to_dict())
    return with_agreements_card(ctx, dm, group=enrollment.group)


def _next_meetings(ctx: RenderContext, *, group_id: int) -> list[str]:
    """The group's next meetings as lines, when and where, in the reader's zone."""
    meetings = upcoming_for_group(ctx.session, group_id=group_id, now=ctx.now)
    return ["• " + when(m, ctx.lang, ctx.tz) + where(m, ctx.lang) for m in meetings]


def render_member_left(ctx: RenderContext, intent: MemberLeft) -> Message:
    """The contact person's DM: who left, and where the group stands now."""
    enrollment = _enrollment(ctx, intent.enrollment_id)
    group = enrollment.group
    summary = GroupSummary(group=group, members=member_count(ctx.session, group_id=group.id))
    text = tn(
        ctx.lang,
        "leave.notify_contact",
        summary.members,
        who=display_name(enrollment.person),
        number=group.number,
        name=group.name,
        status=status_text(ctx.lang, summary),
    )
    return text_message(text)


def render_contact_changed(ctx: RenderContext, intent: ContactPersonChanged) -> Message:
    """The new contact person hears what they now do; the old one that they remain a member."""
    group = _group(ctx, intent.group_id)
    new = ctx.session.get(Person, intent.new_person_id)
    if new is None:
        raise NotFound("group.not_found_by_id")
    key = "admin.contact.dm_new" if ctx.recipient.id == new.id else "admin.contact.dm_old"
    text = t(ctx.lang, key, new=display_name(new), number=group.number, name=group.name)
    return text_message(text)


def render_fee_due(ctx: RenderContext, intent: FeeDue) -> Message:
    """A new year: the fee for it and how to pay it."""
    association = _association(ctx)
    blocks = fee_blocks(ctx.lang, association=association, key="fee.due", year=intent.year)
    text = t(
        ctx.lang,
        "fee.due",
        year=intent.year,
        fee=association.fee_text(),
        without_text=terms(ctx.lang, association)["without"],
    )
    return message(text, blocks)
