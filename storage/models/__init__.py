"""The domain model: people, groups, enrollments, meetings, attendance, certificates, outbox, audit.

Every row is scoped by Slack team id (directly or through its group) so one database serves several
workspaces. Only metadata is stored — who, when, how long, which role — never the content of a case.
One module per area; importing this package registers every table on Base.metadata (Alembic reads it).
"""

from __future__ import annotations

from storage.models.base import (
    NAMING_CONVENTION as NAMING_CONVENTION,
)
from storage.models.base import (
    Base as Base,
)
from storage.models.base import (
    enum_column as enum_column,
)
from storage.models.core import (
    Enrollment as Enrollment,
)
from storage.models.core import (
    FeePayment as FeePayment,
)
from storage.models.core import (
    Group as Group,
)
from storage.models.core import (
    Person as Person,
)
from storage.models.core import (
    Workspace as Workspace,
)
from storage.models.documents import (
    IssuedOverview as IssuedOverview,
)
from storage.models.enums import (
    CertificateKind as CertificateKind,
)
from storage.models.enums import (
    CertificateStatus as CertificateStatus,
)
from storage.models.enums import (
    DeliveryKind as DeliveryKind,
)
from storage.models.enums import (
    DeliveryStatus as DeliveryStatus,
)
from storage.models.enums import (
    EnrollmentStatus as EnrollmentStatus,
)
from storage.models.enums import (
    GroupForm as GroupForm,
)
from storage.models.enums import (
    GroupKind as GroupKind,
)
from storage.models.enums import (
    MeetingStatus as MeetingStatus,
)
from storage.models.enums import (
    MembershipType as MembershipType,
)
from storage.models.enums import (
    ReminderKind as ReminderKind,
)
from storage.models.enums import (
    ReminderStatus as ReminderStatus,
)
from storage.models.enums import (
    Role as Role,
)
from storage.models.meetings import (
    Attendance as Attendance,
)
from storage.models.meetings import (
    Certificate as Certificate,
)
from storage.models.meetings import (
    Meeting as Meeting,
)
from storage.models.meetings import (
    Reminder as Reminder,
)
from storage.models.outbox import (
    AuditEvent as AuditEvent,
)
from storage.models.outbox import (
    Delivery as Delivery,
)
from storage.models.outbox import (
    ProcessedEvent as ProcessedEvent,
)
from storage.models.registers import (
    Registration as Registration,
)
