"""The domain model: people, groups, enrollments, meetings, attendance, certificates, outbox, audit.

Every row is scoped by Slack team id (directly or through its group) so one database serves several
workspaces. Only metadata is stored — who, when, how long, which role — never the content of a case.
One module per area; importing this package registers every table on Base.metadata (Alembic reads it).
"""

from __future__ import annotations

from storage.models import oauth as oauth
from storage.models.agreements import Absence as Absence
from storage.models.agreements import AbsenceReason as AbsenceReason
from storage.models.agreements import AgreementConfirmation as AgreementConfirmation
from storage.models.agreements import Chair as Chair
from storage.models.agreements import DatePoll as DatePoll
from storage.models.agreements import EvaluationInvite as EvaluationInvite
from storage.models.agreements import EvaluationResponse as EvaluationResponse
from storage.models.agreements import GoalServed as GoalServed
from storage.models.agreements import GroupAgreements as GroupAgreements
from storage.models.agreements import InputPreparer as InputPreparer
from storage.models.agreements import MeetingSeries as MeetingSeries
from storage.models.agreements import PollAnswer as PollAnswer
from storage.models.agreements import PollAnswerValue as PollAnswerValue
from storage.models.agreements import PollSlot as PollSlot
from storage.models.agreements import PollStatus as PollStatus
from storage.models.agreements import SeriesMeeting as SeriesMeeting
from storage.models.agreements import SubstitutePolicy as SubstitutePolicy
from storage.models.association import Association as Association
from storage.models.association import SecretariatMember as SecretariatMember
from storage.models.base import NAMING_CONVENTION as NAMING_CONVENTION
from storage.models.base import Base as Base
from storage.models.base import enum_column as enum_column
from storage.models.core import Enrollment as Enrollment
from storage.models.core import FeePayment as FeePayment
from storage.models.core import Group as Group
from storage.models.core import Person as Person
from storage.models.core import Workspace as Workspace
from storage.models.documents import IssuedOverview as IssuedOverview
from storage.models.enums import CertificateKind as CertificateKind
from storage.models.enums import CertificateStatus as CertificateStatus
from storage.models.enums import DeliveryKind as DeliveryKind
from storage.models.enums import DeliveryStatus as DeliveryStatus
from storage.models.enums import EnrollmentStatus as EnrollmentStatus
from storage.models.enums import FeePayer as FeePayer
from storage.models.enums import GroupForm as GroupForm
from storage.models.enums import GroupKind as GroupKind
from storage.models.enums import MeetingStatus as MeetingStatus
from storage.models.enums import MembershipType as MembershipType
from storage.models.enums import ReminderKind as ReminderKind
from storage.models.enums import ReminderStatus as ReminderStatus
from storage.models.enums import Role as Role
from storage.models.group_life import VerslagConfirmation as VerslagConfirmation
from storage.models.meetings import Attendance as Attendance
from storage.models.meetings import Certificate as Certificate
from storage.models.meetings import Meeting as Meeting
from storage.models.meetings import Reminder as Reminder
from storage.models.outbox import AuditEvent as AuditEvent
from storage.models.outbox import Delivery as Delivery
from storage.models.outbox import ProcessedEvent as ProcessedEvent
from storage.models.planning import PlannedRole as PlannedRole
from storage.models.planning import Reflection as Reflection
from storage.models.planning import ReflectionOptOut as ReflectionOptOut
from storage.models.planning import WorkspaceMethods as WorkspaceMethods
from storage.models.registers import Accreditation as Accreditation
from storage.models.registers import AccreditationStatus as AccreditationStatus
from storage.models.registers import CatalogueEntry as CatalogueEntry
from storage.models.registers import CatalogueKind as CatalogueKind
from storage.models.registers import PersonProfession as PersonProfession
from storage.models.registers import PointsBasis as PointsBasis
from storage.models.registers import Registration as Registration
from storage.models.trajectories import CompletionCertificate as CompletionCertificate
from storage.models.trajectories import ReportAnswer as ReportAnswer
from storage.models.trajectories import ReportResponse as ReportResponse
from storage.models.trajectories import ReportStatus as ReportStatus
from storage.models.trajectories import Trajectory as Trajectory
from storage.models.trajectories import TrajectoryReport as TrajectoryReport
from storage.models.trajectories import TrajectoryStatus as TrajectoryStatus
