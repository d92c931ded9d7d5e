"""Domain errors: each carries a translation key so the user gets a clear message in their language."""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A refusal the user can act on; rendered from the catalogue as an ephemeral or inline error."""

    def __init__(self, key: str, *, field: str | None = None, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.field = field
        self.params = params


class NotAllowed(DomainError):
    """The acting user may not do this; nothing was changed."""


class NotFound(DomainError):
    """The thing named (group number, meeting, certificate) does not exist for this workspace."""


class Conflict(DomainError):
    """The state changed under the user (already decided, group full, already a member)."""


class InvalidInput(DomainError):
    """Typed input that cannot be understood (a date, a time, a number)."""


class InvalidFields(DomainError):
    """Several fields of one form are wrong at once: each gets its own inline message."""

    def __init__(self, problems: dict[str, DomainError]) -> None:
        first = next(iter(problems.values()))
        super().__init__(first.key, **first.params)
        self.problems = problems
