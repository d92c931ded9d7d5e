"""Workspaces: installed (or installed again), uninstalled (every delivery stops at once), and
deleted with all their data once the grace period after an uninstall has passed."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from bot.services import audit
from bot.services.people import ensure_workspace
from storage.models import Delivery, DeliveryStatus, Workspace
from storage.models.oauth import slack_bots, slack_installations, slack_oauth_states

WORKSPACE_NAME_MAX = 200


def activate_workspace(
    session: Session, *, team_id: str, name: str | None, installer: str | None, now: datetime
) -> None:
    """The app was installed (again): the workspace is active, nothing is scheduled for deletion,
    and what was kept during the grace period is there again. Deliveries cancelled at the
    uninstall stay cancelled: news from then is not sent weeks later."""
    ensure_workspace(session, team_id=team_id, now=now)
    values: dict[str, object] = {"active": True, "deactivated_at": None}
    if name:
        values["name"] = name[:WORKSPACE_NAME_MAX]
    session.execute(update(Workspace).where(Workspace.team_id == team_id).values(**values))
    # Who installed is metadata only; their Slack id, not a person row (they may never use it).
    audit.record(
        session,
        team_id=team_id,
        action="app_installed",
        now=now,
        details={"installer": installer} if installer else {},
    )


def deactivate_workspace(session: Session, *, team_id: str, now: datetime) -> int:
    """Mark the workspace inactive, cancel its pending deliveries and forget its (revoked)
    tokens; returns how many deliveries were cancelled. Its data is kept for the grace period."""
    ensure_workspace(session, team_id=team_id, now=now)
    session.execute(
        update(Workspace)
        .where(Workspace.team_id == team_id)
        .values(active=False, deactivated_at=now)
    )
    result = session.execute(
        update(Delivery)
        .where(
            Delivery.team_id == team_id,
            Delivery.status.in_([DeliveryStatus.PENDING, DeliveryStatus.SENDING]),
        )
        .values(status=DeliveryStatus.CANCELLED, last_error="workspace uninstalled")
    )
    # Slack revoked the tokens; keeping them would only keep a secret nobody can use.
    for table in (slack_installations, slack_bots):
        session.execute(delete(table).where(table.c.team_id == team_id))
    audit.record(session, team_id=team_id, action="app_uninstalled", now=now)
    return int(getattr(result, "rowcount", 0) or 0)


def known_workspaces(session: Session) -> list[str]:
    """Every workspace the app knows (installed now, or within the grace period after)."""
    return list(session.scalars(select(Workspace.team_id).order_by(Workspace.team_id)))


def forget_expired_install_links(session: Session, *, now: datetime) -> int:
    """Drop install links' states that have expired unused (slack_sdk deletes a state only when
    it is used; every visit of the install page stores one). Returns how many."""
    naive_utc = now.astimezone(UTC).replace(tzinfo=None)  # slack_sdk stores naive UTC
    result = session.execute(
        delete(slack_oauth_states).where(slack_oauth_states.c.expire_at < naive_utc)
    )
    return int(getattr(result, "rowcount", 0) or 0)
