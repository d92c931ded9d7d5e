"""The domain's enumerations (stored as short strings by enum_column)."""

from __future__ import annotations

import enum


class MembershipType(enum.StrEnum):
    """LVV member, or intervisie participant without membership (pays a yearly fee)."""

    MEMBER = "member"
    PARTICIPANT = "participant"


class GroupKind(enum.StrEnum):
    """Peer intervisie (5-10 members) or guided intervisie with a supervisor (4-8 members)."""

    PEER = "peer"
    GUIDED = "guided"


class GroupForm(enum.StrEnum):
    """Where the group meets."""

    PHYSICAL = "physical"
    ONLINE = "online"
    HYBRID = "hybrid"


class EnrollmentStatus(enum.StrEnum):
    """Aanmelden → accorderen / afwijzen; a member can later leave."""

    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    LEFT = "left"
    # Taken out of the group by its contact person or the secretariat (with a reason category).
    REMOVED = "removed"


class MeetingStatus(enum.StrEnum):
    """A planned meeting stays planned (attendance is separate) until it is cancelled."""

    PLANNED = "planned"
    CANCELLED = "cancelled"


class Role(enum.StrEnum):
    """Roles in a meeting; everyone is at least once inbrenger and once facilitator per period."""

    PARTICIPANT = "participant"
    FACILITATOR = "facilitator"
    PRESENTER = "presenter"


class CertificateKind(enum.StrEnum):
    """A deelnamebewijs per meeting, or the completion certificate of a guided trajectory."""

    PARTICIPATION = "participation"
    COMPLETION = "completion"


class CertificateStatus(enum.StrEnum):
    """What /verify says about a certificate."""

    VALID = "valid"
    SUPERSEDED = "superseded"
    REVOKED = "revoked"


class ReminderKind(enum.StrEnum):
    """A reminder before a meeting, or a nudge to register attendance after it."""

    BEFORE_MEETING = "before_meeting"
    REGISTER_ATTENDANCE = "register_attendance"


class ReminderStatus(enum.StrEnum):
    """Reminders are claimed once, whichever process gets there first."""

    PENDING = "pending"
    SENT = "sent"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"


class DeliveryKind(enum.StrEnum):
    """What the outbox sends: a DM, an update of a message already sent, or a file in a DM."""

    MESSAGE = "message"
    UPDATE = "update"
    FILE = "file"


class DeliveryStatus(enum.StrEnum):
    """Outbox row life cycle; SENDING rows whose lease expired are checked before a resend."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"


class FeePayer(enum.StrEnum):
    """Who paid a non-member's yearly fee: the participant, or their employer (seeds/004)."""

    PARTICIPANT = "participant"
    EMPLOYER = "employer"
