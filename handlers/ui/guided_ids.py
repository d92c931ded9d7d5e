"""Listener ids of the guided-intervision surfaces (intake, trajectory, report) and the typed
private_metadata of their modals, in one place."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from handlers.ui.metadata import MetadataCodec


class ActionId(enum.StrEnum):
    """Buttons and inputs (action_id)."""

    # Buttons
    ACCEPT = "guided_accept"
    DECLINE = "guided_decline"
    START = "guided_start"
    CLOSE = "guided_close"
    STOP = "guided_stop"
    READER = "guided_reader"
    CONTINUE = "guided_continue"
    REPORT = "guided_report"
    REPORT_FINALISE = "guided_report_finalise"
    REPORT_AGREE = "guided_report_agree"
    REPORT_REMARK = "guided_report_remark"
    # Inputs
    SUPERVISOR = "guided_supervisor"
    ORGANISATION = "guided_organisation"
    CLIENT_CONTACT = "guided_client_contact"
    PARTICIPANTS = "guided_participants"
    WISHES = "guided_wishes"
    INTAKE_DATE = "guided_intake_date"
    INTAKE_TIME = "guided_intake_time"
    REGISTER = "guided_register"
    REGISTER_NUMBER = "guided_register_number"
    REASON = "guided_reason"
    NAME = "guided_name"
    REGION = "guided_region"
    FORM = "guided_form"
    MAX_MEMBERS = "guided_max_members"
    MEETINGS = "guided_meetings"
    QUOTE_DATE = "guided_quote_date"
    PRICE = "guided_price"
    READER_URL = "guided_reader_url"
    OVERRIDES = "guided_overrides"
    POINTS = "guided_points"
    AIM = "guided_aim"
    WORKING_METHOD = "guided_working_method"
    OUTCOME = "guided_outcome"
    RECOMMENDATIONS = "guided_recommendations"
    DEADLINE = "guided_deadline"
    REMARK = "guided_remark"


class CallbackId(enum.StrEnum):
    """Modals (callback_id)."""

    REQUEST = "guided_request_modal"
    ACCEPT = "guided_accept_modal"
    DECLINE = "guided_decline_modal"
    START = "guided_start_modal"
    CLOSE = "guided_close_modal"
    STOP = "guided_stop_modal"
    READER = "guided_reader_modal"
    REPORT = "guided_report_modal"
    REMARK = "guided_remark_modal"


class BlockId(enum.StrEnum):
    """Input blocks; each is also the `field` a service names in a refusal (inline errors)."""

    SUPERVISOR = "supervisor"
    ORGANISATION = "organisation"
    CLIENT_CONTACT = "client_contact"
    PARTICIPANTS = "participants"
    WISHES = "wishes"
    INTAKE_DATE = "intake_date"
    INTAKE_TIME = "intake_time"
    REGISTER = "register"
    REGISTER_NUMBER = "register_number"
    REASON = "reason"
    NAME = "name"
    REGION = "region"
    FORM = "form"
    MAX_MEMBERS = "max_members"
    MEETINGS = "meetings"
    QUOTE_DATE = "quote_date"
    PRICE = "price"
    CLIENT_NAME = "client_name"
    READER = "reader"
    OVERRIDES = "overrides"
    POINTS = "points"
    AIM = "aim"
    WORKING_METHOD = "working_method"
    OUTCOME = "outcome"
    RECOMMENDATIONS = "recommendations"
    DEADLINE = "deadline"
    REMARK = "remark"
    TRAJECTORY = "trajectory"


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
