"""Listener ids of the group's page and its life: edit, remove a member, the deputy, end and
reopen, deciding a request from the page, and the verslag confirmation (no repeated literals)."""

from __future__ import annotations

import enum


class ActionId(enum.StrEnum):
    """Buttons and inputs (action_id)."""

    EDIT = "life_edit"
    REMOVE = "life_remove"
    DEPUTY = "life_deputy"
    END = "life_end"
    REOPEN = "life_reopen"
    PAGE_APPROVE = "life_page_approve"
    VERSLAG_CONFIRM = "life_verslag_confirm"
    # Modal inputs of our own (the edit modal reuses the create modal's name/description/...).
    VERSLAG_CHECK = "life_verslag_check"
    MEMBER = "life_member"
    REASON = "life_reason"
    CONFIRM = "life_confirm"
    DEPUTY_USER = "life_deputy_user"


class CallbackId(enum.StrEnum):
    """Modals (callback_id)."""

    EDIT = "life_edit_modal"
    REMOVE = "life_remove_modal"
    DEPUTY = "life_deputy_modal"


class BlockId(enum.StrEnum):
    """Blocks whose inputs are read back or get inline errors (block_id)."""

    VERSLAG_CHECK = "life_verslag_check"
    MEMBER = "life_member"
    REASON = "life_reason"
    CONFIRM = "life_confirm"
    DEPUTY_USER = "life_deputy_user"
    PAGE_ACTIONS = "life_page_actions"
    VERSLAG = "life_verslag"
