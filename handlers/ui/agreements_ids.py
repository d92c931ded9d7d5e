"""Listener ids of the agreements, date poll, series, absence and evaluation surfaces (one place,
no repeated literals)."""

from __future__ import annotations

import enum


class ActionId(enum.StrEnum):
    """Buttons and inputs (action_id)."""

    # Agreements card
    AGREEMENTS_EDIT = "agreements_edit"
    AGREEMENTS_CONFIRM = "agreements_confirm"
    # Date poll: one button per answer and moment, the contact person's pick
    POLL_YES = "poll_yes"
    POLL_MAYBE = "poll_maybe"
    POLL_NO = "poll_no"
    POLL_PICK = "poll_pick"
    POLL_CANCEL = "poll_cancel"
    POLL_SLOTS = "poll_slots"
    POLL_DURATION = "poll_duration"
    POLL_PLACE = "poll_place"
    POLL_DEADLINE = "poll_deadline"
    # Series
    SERIES_FIRST_DAY = "series_first_day"
    SERIES_START = "series_start"
    SERIES_DURATION = "series_duration"
    SERIES_RHYTHM = "series_rhythm"
    SERIES_COUNT = "series_count"
    SERIES_PLACE = "series_place"
    SERIES_CHANGE_REST = "series_change_rest"
    SERIES_CANCEL_REST = "series_cancel_rest"
    SERIES_NEW = "series_new"
    # Absence
    ABSENCE_OPEN = "absence_open"
    ABSENCE_WITHDRAW = "absence_withdraw"
    ABSENCE_REASON = "absence_reason"
    # Evaluation
    EVALUATION_OPEN = "evaluation_open"
    EVALUATION_SCORE = "evaluation_score"
    EVALUATION_GOAL = "evaluation_goal"
    EVALUATION_BROUGHT = "evaluation_brought"
    EVALUATION_REMARK = "evaluation_remark"


class CallbackId(enum.StrEnum):
    """Modals (callback_id)."""

    AGREEMENTS = "agreements_modal"
    POLL = "poll_modal"
    SERIES = "series_modal"
    SERIES_REST = "series_rest_modal"
    ABSENCE = "absence_modal"
    EVALUATION = "evaluation_modal"


class BlockId(enum.StrEnum):
    """Input blocks (inline errors are keyed by these)."""

    # The agreements modal: one block per field of bot/services/agreements.AgreementsInput.
    AGREEMENTS_PREFIX = "agreements_"
    POLL_SLOTS = "poll_slots_block"
    POLL_DURATION = "poll_duration_block"
    POLL_PLACE = "poll_place_block"
    POLL_DEADLINE = "poll_deadline_block"
    SERIES_FIRST_DAY = "series_first_day_block"
    SERIES_START = "series_start_block"
    SERIES_DURATION = "series_duration_block"
    SERIES_RHYTHM = "series_rhythm_block"
    SERIES_COUNT = "series_count_block"
    SERIES_PLACE = "series_place_block"
    ABSENCE_REASON = "absence_reason_block"
    EVALUATION_SCORE = "evaluation_score_block"
    EVALUATION_GOAL = "evaluation_goal_block"
    EVALUATION_BROUGHT = "evaluation_brought_block"
    EVALUATION_REMARK = "evaluation_remark_block"


def agreements_block(field: str) -> str:
    """The input block of one field of the agreements modal."""
    return f"{BlockId.AGREEMENTS_PREFIX}{field}"


def agreements_action(field: str) -> str:
    """The input element of one field of the agreements modal."""
    return f"agreements_field_{field}"
