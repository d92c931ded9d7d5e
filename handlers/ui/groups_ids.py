"""Listener ids of the groups, enrollment and secretariat surfaces (one place, no repeated literals)."""

from __future__ import annotations

import enum


class ActionId(enum.StrEnum):
    """Buttons and inputs (action_id)."""

    # Create-group modal inputs
    NAME = "group_name"
    DESCRIPTION = "group_description"
    REGION = "group_region"
    FORM = "group_form"
    KIND = "group_kind"
    SUPERVISOR = "group_supervisor"
    MAX_MEMBERS = "group_max_members"
    OPEN = "group_open"
    MULTIDISCIPLINARY = "group_multidisciplinary"
    # Directory
    DIRECTORY_JOIN = "directory_join"
    DIRECTORY_PREV = "directory_prev"
    DIRECTORY_NEXT = "directory_next"
    # Membership modal
    MEMBERSHIP_TYPE = "membership_type"
    MEMBER_NUMBER = "member_number"
    # Decisions on a request
    APPROVE = "enroll_approve"
    REJECT = "enroll_reject"
    REJECT_REASON = "enroll_reject_reason"
    # Leave
    LEAVE_CONFIRM = "leave_confirm"
    LEAVE_CANCEL = "leave_cancel"


class CallbackId(enum.StrEnum):
    """Modals (callback_id)."""

    CREATE_GROUP = "group_create"
    MEMBERSHIP = "enroll_membership"
    REJECT = "enroll_reject_modal"


class BlockId(enum.StrEnum):
    """Blocks whose inputs are read back or get inline errors (block_id)."""

    NAME = "name"
    DESCRIPTION = "description"
    REGION = "region"
    FORM = "form"
    KIND = "kind"
    SUPERVISOR = "supervisor"
    MAX_MEMBERS = "max_members"
    OPEN = "open"
    MULTIDISCIPLINARY = "multidisciplinary"
    MEMBERSHIP_TYPE = "membership_type"
    MEMBER_NUMBER = "member_number"
    REASON = "reason"
    DECISION = "decision"
    PAGING = "directory_paging"
    LEAVE = "leave"
