"""Where a guided trajectory stands: which meetings belong to it and which number each one is
("bijeenkomst 3 van 6"), for every surface that shows it (DMs, reminders, calendar entries, the
App Home, the deelnamebewijs). Read-only; no Slack, no intents."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from bot.i18n import Lang, t_plain
from storage.models import Group, Meeting, MeetingStatus, Trajectory, TrajectoryStatus

# The statuses in which a trajectory has a group whose meetings it counts.
WITH_GROUP = (TrajectoryStatus.RUNNING, TrajectoryStatus.COMPLETED, TrajectoryStatus.STOPPED)
# Certificate.trajectory_text keeps the place of the meeting and the trajectory's name in one
# column, language-neutral, so the document prints it in the holder's language: "3/6 Name".
_SNAPSHOT_SEPARATOR = " "


@dataclass(frozen=True, kw_only=True)
class Progress:
    """A meeting's place in its trajectory: number `meeting` of the `meetings` agreed."""

    meeting: int
    meetings: int
    name: str

    @property
    def extra(self) -> bool:
        """True for a meeting beyond the agreed number (planned on top of the agreement)."""
        return self.meeting > self.meetings


def trajectory_name(trajectory: Trajectory, group: Group | None) -> str:
    """How a trajectory is called: the opdrachtgever's name, else the group's."""
    if trajectory.client_name:
        return trajectory.client_name
    return group.name if group is not None else ""


def trajectory_of_group(session: Session, *, group_id: int) -> Trajectory | None:
    """The trajectory that runs (or ran) in this group, if it is a guided group with one."""
    return session.scalars(
        select(Trajectory).where(Trajectory.group_id == group_id, Trajectory.status.in_(WITH_GROUP))
    ).first()


def trajectory_meetings(session: Session, *, trajectory: Trajectory) -> list[Meeting]:
    """The trajectory's meetings in order: the group's meetings that were not cancelled and
    were planned before it closed (later ones belong to the group, not the trajectory)."""
    if trajectory.group_id is None:
        return []
    query = select(Meeting).where(
        Meeting.group_id == trajectory.group_id, Meeting.status == MeetingStatus.PLANNED
    )
    if trajectory.closed_at is not None:
        query = query.where(Meeting.created_at <= trajectory.closed_at)
    return list(session.scalars(query.order_by(Meeting.starts_at, Meeting.id)))


def held_meetings(session: Session, *, trajectory: Trajectory) -> list[Meeting]:
    """The trajectory's meetings whose attendance is registered (they took place)."""
    return [
        m
        for m in trajectory_meetings(session, trajectory=trajectory)
        if m.attendance_registered_at is not None
    ]


def positions_for_groups(session: Session, *, group_ids: list[int]) -> dict[int, Progress]:
    """meeting id → its place in its group's trajectory, for several groups in two statements
    (one when none of them is guided): calendar feeds list many groups at once."""
    if not group_ids:
        return {}
    trajectories = {
        t.group_id: t
        for t in session.scalars(
            select(Trajectory)
            .where(Trajectory.group_id.in_(group_ids), Trajectory.status.in_(WITH_GROUP))
            .options(joinedload(Trajectory.group))
        )
        if t.agreed_meetings is not None
    }
    if not trajectories:
        return {}
    meetings = session.scalars(
        select(Meeting)
        .where(Meeting.group_id.in_(list(trajectories)), Meeting.status == MeetingStatus.PLANNED)
        .order_by(Meeting.group_id, Meeting.starts_at, Meeting.id)
    )
    found: dict[int, Progress] = {}
    counters: dict[int, int] = {}
    for meeting in meetings:
        trajectory = trajectories[meeting.group_id]
        if trajectory.closed_at is not None and meeting.created_at > trajectory.closed_at:
            continue
        counters[meeting.group_id] = counters.get(meeting.group_id, 0) + 1
        assert trajectory.agreed_meetings is not None
        found[meeting.id] = Progress(
            meeting=counters[meeting.group_id],
            meetings=trajectory.agreed_meetings,
            name=trajectory_name(trajectory, trajectory.group),
        )
    return found


def positions(session: Session, *, group_id: int) -> dict[int, Progress]:
    """meeting id → its place in the group's trajectory (empty for a group without one)."""
    return positions_for_groups(session, group_ids=[group_id])


def meeting_progress(session: Session, *, meeting: Meeting) -> Progress | None:
    """The meeting's place in its trajectory, or None (a peer group, or a later meeting)."""
    return positions(session, group_id=meeting.group_id).get(meeting.id)


def progress_text(lang: Lang, progress: Progress) -> str:
    """'bijeenkomst 3 van 6' (or 'extra bijeenkomst' beyond the agreement)."""
    if progress.extra:
        return t_plain(lang, "guided.progress.extra", meeting=progress.meeting)
    return t_plain(
        lang, "guided.progress.meeting", meeting=progress.meeting, meetings=progress.meetings
    )


def progress_line(session: Session, *, meeting: Meeting, lang: Lang) -> str:
    """A line for a meeting DM or reminder ("Begeleid traject Gemeente Zeist: bijeenkomst 3 van
    6"), or "" for a meeting outside a trajectory."""
    return progress_line_text(lang, meeting_progress(session, meeting=meeting))


def progress_line_text(lang: Lang, progress: Progress | None) -> str:
    """progress_line() of a Progress looked up already."""
    if progress is None:
        return ""
    return t_plain(
        lang, "guided.progress.line", name=progress.name, progress=progress_text(lang, progress)
    )


def snapshot(progress: Progress) -> str:
    """The value stored in Certificate.trajectory_text: "3/6 Gemeente Zeist"."""
    return f"{progress.meeting}/{progress.meetings}{_SNAPSHOT_SEPARATOR}{progress.name}"


def read_snapshot(text: str | None) -> tuple[str, int | None, int | None]:
    """(name, meeting, meetings) from Certificate.trajectory_text; any other text is a name."""
    if not text:
        return "", None, None
    head, _, name = text.partition(_SNAPSHOT_SEPARATOR)
    meeting, slash, meetings = head.partition("/")
    if slash and meeting.isdigit() and meetings.isdigit() and name:
        return name, int(meeting), int(meetings)
    return text, None, None
