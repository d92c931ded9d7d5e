"""Listener ids of the profile, accreditation and catalogue surfaces (one place, no repeated
literals). Block ids of form fields equal the services' field names, so a refusal lands on its
own field."""

from __future__ import annotations

import enum

from bot.services import accreditations, profiles


class ActionId(enum.StrEnum):
    """Buttons and inputs (action_id)."""

    EDIT_PROFILE = "profile_edit"
    PROFESSIONS = "profile_professions"
    MEMBER_NUMBER = "profile_member_number"
    RECORD_ACCREDITATION = "accreditation_record"
    ACCREDITATION_REGISTER = "accreditation_register"
    ACCREDITATION_STATUS = "accreditation_status"
    ACCREDITATION_ACTIVITY = "accreditation_activity"
    ACCREDITATION_POINTS = "accreditation_points"
    ACCREDITATION_BASIS = "accreditation_basis"
    ADD_REGISTER = "catalogue_add_register"
    ADD_PROFESSION = "catalogue_add_profession"
    REMOVE_ENTRY = "catalogue_remove"
    # The register and profession forms: one input per field, named as the field.
    DEFINE_FIELD = "define_field"


class CallbackId(enum.StrEnum):
    """Modals (callback_id)."""

    PROFILE = "profile"
    ACCREDITATION = "accreditation"
    DEFINE_REGISTER = "catalogue_register"
    DEFINE_PROFESSION = "catalogue_profession"


class BlockId(enum.StrEnum):
    """Blocks whose inputs are read back or get inline errors (block_id)."""

    PROFESSIONS = profiles.PROFESSIONS_FIELD
    MEMBER_NUMBER = profiles.MEMBER_NUMBER_FIELD
    REGISTER = accreditations.REGISTER_FIELD
    STATUS = "status"
    ACTIVITY = accreditations.ACTIVITY_FIELD
    POINTS = accreditations.POINTS_FIELD
    BASIS = "basis"
    CATALOGUE = "catalogue_actions"


def number_action_id(register_key: str) -> str:
    """The action id of one register's number input (its block id is the service's field)."""
    return f"profile_{profiles.number_field(register_key)}"


def define_action_id(field: str) -> str:
    """The action id of one field of the register or profession form (block id = field)."""
    return f"{ActionId.DEFINE_FIELD}:{field}"
