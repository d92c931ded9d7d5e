"""What handlers and jobs need, bundled once at start-up and handed to them explicitly (handlers
through Bolt's context, jobs as an argument)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from bot.clock import Clock
from bot.directory import UserDirectory
from bot.installations import TokenSource
from bot.notify import Renderers
from bot.settings import Settings
from bot.slack_api import ClientFor
from storage.db import SessionFactory, unit_of_work

# The unit of work open in this thread (or task), if any, and whose deps opened it.
_CURRENT: ContextVar[tuple[int, Session] | None] = ContextVar("intervisie_uow", default=None)


@dataclass(frozen=True, kw_only=True)
class Deps:
    """Settings, database, clock, Slack user directory, each workspace's Web API client and the
    notification renderers of one process."""

    settings: Settings
    engine: Engine
    session_factory: SessionFactory
    clock: Clock
    directory: UserDirectory
    # The Web API client of a workspace, with its own bot token: for Slack calls made outside a
    # request (inside one, Bolt hands the listener a client with the workspace's token).
    clients: ClientFor
    # Where those tokens come from (SLACK_BOT_TOKEN, or each workspace's installation).
    tokens: TokenSource
    # Filled by the app factory with the renderers handlers/ provides; the outbox reads it.
    renderers: Renderers = field(default_factory=Renderers)

    @contextmanager
    def uow(self) -> Iterator[Session]:
        """One transaction for one action: all of it is written, or none of it. Inside another
        unit of work of the same process (same thread), it joins that one: the App Home's
        sections each ask for one, and are read in a single transaction."""
        current = _CURRENT.get()
        if current is not None and current[0] == id(self):
            yield current[1]
            return
        with unit_of_work(self.session_factory) as session:
            token = _CURRENT.set((id(self), session))
            try:
                yield session
            finally:
                _CURRENT.reset(token)

    def now(self) -> datetime:
        """The current instant (aware UTC) from the app's clock."""
        return self.clock.now()

    def is_bootstrap_admin(self, user_id: str) -> bool:
        """INTERVISIE_ADMINS: secretariat in every workspace, before anyone is added in the app."""
        return user_id in self.settings.admins
