"""What handlers and jobs need, bundled once at start-up and handed to them explicitly (handlers
through Bolt's context, jobs as an argument)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.clock import Clock
from bot.directory import UserDirectory
from bot.notify import Renderers
from bot.settings import Settings
from storage.db import SessionFactory, unit_of_work


@dataclass(frozen=True, kw_only=True)
class Deps:
    """Settings, database, clock, Slack user directory and notification renderers of one process."""

    settings: Settings
    engine: Engine
    session_factory: SessionFactory
    clock: Clock
    directory: UserDirectory
    # Filled by the app factory with the renderers handlers/ provides; the outbox reads it.
    renderers: Renderers = field(default_factory=Renderers)

    @contextmanager
    def uow(self) -> Iterator[Session]:
        """One transaction for one action: all of it is written, or none of it."""
        with unit_of_work(self.session_factory) as session:
            yield session

    def now(self) -> datetime:
        """The current instant (aware UTC) from the app's clock."""
        return self.clock.now()

    def is_secretariat(self, user_id: str) -> bool:
        """Secretariat members are the Slack users listed in INTERVISIE_ADMINS."""
        return user_id in self.settings.admins
