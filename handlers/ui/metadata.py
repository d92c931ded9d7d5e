"""Typed `private_metadata` for modals: one codec per modal, ids only, encoded and decoded in one
place. A forged or garbled value is refused with a clear message, never a crash; the acting user
is never read from here (it is re-read from every payload), and neither is any message to update.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any, Generic, TypeVar

from bot.errors import InvalidInput

# Slack's limit on a view's private_metadata.
PRIVATE_METADATA_MAX = 3000

T = TypeVar("T")


class MetadataCodec(Generic[T]):
    """Encodes a dataclass of int / None fields into private_metadata and back."""

    def __init__(self, shape: type[T]) -> None:
        self._shape = shape
        self._fields = {f.name: f for f in fields(shape)}  # type: ignore[arg-type]

    def encode(self, value: T) -> str:
        """Compact JSON of the ids; refused when over Slack's 3000 characters."""
        data = {name: getattr(value, name) for name in self._fields}
        text = json.dumps(data, separators=(",", ":"))
        if len(text) > PRIVATE_METADATA_MAX:
            raise ValueError(f"private_metadata of {self._shape.__name__} is too long")
        return text

    def decode(self, raw: str | None) -> T:
        """The ids back; anything but the expected keys with whole numbers (or null) is refused."""
        try:
            data = json.loads(raw or "")
        except ValueError:
            raise InvalidInput("error.bad_form") from None
        if not isinstance(data, dict) or set(data) != set(self._fields):
            raise InvalidInput("error.bad_form")
        values: dict[str, Any] = {}
        for name, value in data.items():
            if value is None and _optional(self._fields[name].type):
                values[name] = None
            elif isinstance(value, int) and not isinstance(value, bool) and 0 < value < 2**63:
                values[name] = value
            else:
                raise InvalidInput("error.bad_form")
        return self._shape(**values)


def _optional(annotation: Any) -> bool:
    return "None" in str(annotation)


@dataclass(frozen=True)
class GroupRef:
    """A modal about one group (the membership question before a join request)."""

    group_id: int


@dataclass(frozen=True)
class EnrollmentRef:
    """A modal about one request (the reason for a rejection)."""

    enrollment_id: int


@dataclass(frozen=True)
class MeetingRef:
    """A modal about one meeting (attendance registration)."""

    meeting_id: int


@dataclass(frozen=True)
class MeetingFormRef:
    """The plan/change modal: a new meeting (group known or to pick) or an existing one."""

    group_id: int | None
    meeting_id: int | None


GROUP = MetadataCodec(GroupRef)
ENROLLMENT = MetadataCodec(EnrollmentRef)
MEETING = MetadataCodec(MeetingRef)
MEETING_FORM = MetadataCodec(MeetingFormRef)


@dataclass(frozen=True)
class TrajectoryRef:
    """A modal about one trajectory; None in the start modal when a supervisor starts directly."""

    trajectory_id: int | None


@dataclass(frozen=True)
class ReportRoundRef:
    """The remark modal: which report, and which round of it is answered."""

    report_id: int
    round: int


TRAJECTORY = MetadataCodec(TrajectoryRef)
REPORT_ROUND = MetadataCodec(ReportRoundRef)


@dataclass(frozen=True)
class FeeYearRef:
    """The unpaid list of one year."""

    year: int


@dataclass(frozen=True)
class FeePaymentRef:
    """Recording one person's fee for one year (both re-checked by the service)."""

    person_id: int
    year: int


FEE_YEAR = MetadataCodec(FeeYearRef)
FEE_PAYMENT = MetadataCodec(FeePaymentRef)
