"""Fixture data and readers for methods, planned roles and reflection: a group's role history
inserted as registered meetings (the registration flow is the attendance area's), the text of a
message's sections, and the options of a modal's select."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from storage.models import Attendance, Meeting, MeetingStatus, Role

JSON = dict[str, Any]
AMS = ZoneInfo("Europe/Amsterdam")


def seed_history(
    engine: Engine, *, group_id: int, held: Sequence[tuple[date, Mapping[Role, int]]]
) -> list[int]:
    """Registered meetings at 19:00 (Amsterdam) on the given days, each with the given people
    present in the given roles; returns the meeting ids."""
    ids = []
    with Session(engine) as session, session.begin():
        for day, roles in held:
            starts = datetime.combine(day, time(19, 0), tzinfo=AMS).astimezone(UTC)
            meeting = Meeting(
                group_id=group_id,
                uid=f"{uuid.uuid4()}@intervisie.test",
                starts_at=starts,
                duration_minutes=120,
                status=MeetingStatus.PLANNED,
                created_at=starts - timedelta(days=30),
                updated_at=starts - timedelta(days=30),
                attendance_registered_at=starts + timedelta(hours=3),
            )
            session.add(meeting)
            session.flush()
            for role, person_id in roles.items():
                session.add(
                    Attendance(
                        meeting_id=meeting.id,
                        person_id=person_id,
                        present=True,
                        role=role,
                        net_minutes=120,
                        registered_at=starts + timedelta(hours=3),
                    )
                )
            ids.append(meeting.id)
    return ids


def section_texts(message: JSON) -> str:
    """The mrkdwn of every section and context of a message or view, one per line."""
    parts = [str(message.get("text") or "")]
    for block in message.get("blocks") or []:
        text = block.get("text")
        if isinstance(text, dict):
            parts.append(str(text.get("text") or ""))
        for element in block.get("elements") or []:
            if isinstance(element, dict) and element.get("type") == "mrkdwn":
                parts.append(str(element.get("text") or ""))
    return "\n".join(parts)


def block(view: JSON, block_id: str) -> JSON:
    """The block with this id."""
    found: JSON = next(b for b in view["blocks"] if b.get("block_id") == block_id)
    return found


def option_values(view: JSON, block_id: str) -> list[str]:
    """The values of the options of a select in an input block."""
    return [str(o["value"]) for o in block(view, block_id)["element"]["options"]]


def initial_value(view: JSON, block_id: str) -> str | None:
    """The value of the initial option of a select in an input block."""
    initial = block(view, block_id)["element"].get("initial_option")
    return str(initial["value"]) if initial else None
