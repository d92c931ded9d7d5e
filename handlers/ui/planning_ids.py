"""Listener ids of methods, planned roles and reflection (buttons, inputs, modals)."""

from __future__ import annotations

import enum

# The value of "nobody yet" / "no method yet" in a select: never a person id or a method key.
NOBODY = "_none"


class ActionId(enum.StrEnum):
    """Buttons and inputs of the planning area."""

    PRESENTER = "plan_presenter"
    FACILITATOR = "plan_facilitator"
    CONFIRM = "plan_confirm"
    OPEN_ROLES = "plan_open_roles"
    REFLECTION_DONE = "reflection_done"
    REFLECTION_OFF = "reflection_off"
    METHOD_ENABLE = "method_enable"
    METHOD_DISABLE = "method_disable"
    METHOD_ADD = "method_add"
    NEW_NAME_NL = "method_new_name_nl"
    NEW_NAME_EN = "method_new_name_en"
    NEW_PURPOSE_NL = "method_new_purpose_nl"
    NEW_PURPOSE_EN = "method_new_purpose_en"
    NEW_FITS = "method_new_fits"
    NEW_MINUTES = "method_new_minutes"
    NEW_STEPS = "method_new_steps"


class BlockId(enum.StrEnum):
    """Blocks of the planning area (inline errors are keyed by these)."""

    PRESENTER = "plan_presenter_block"
    FACILITATOR = "plan_facilitator_block"
    CONFIRM = "plan_confirm_block"
    WARNINGS = "plan_warnings_block"
    SUGGESTION = "plan_suggestion_block"
    ROLES_HINT = "plan_roles_hint_block"
    REFLECTION = "reflection_actions"
    METHODS_ADD = "methods_add_actions"
    NEW_NAME_NL = "method_new_name_nl_block"
    NEW_NAME_EN = "method_new_name_en_block"
    NEW_PURPOSE_NL = "method_new_purpose_nl_block"
    NEW_PURPOSE_EN = "method_new_purpose_en_block"
    NEW_FITS = "method_new_fits_block"
    NEW_MINUTES = "method_new_minutes_block"
    NEW_STEPS = "method_new_steps_block"


class CallbackId(enum.StrEnum):
    """Modals of the planning area."""

    ROLES = "plan_roles_modal"
    METHOD_ADD = "method_add_modal"


def method_block_id(key: str) -> str:
    """The section of one method in the secretariat's overview."""
    return f"method:{key}"
