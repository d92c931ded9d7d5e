"""Starting the app under test: the type of the make_runtime fixture's factory."""

from __future__ import annotations

from collections.abc import Callable

from bot.server import Runtime

# make_runtime(clock=..., **setting_overrides) -> a started Runtime, stopped after the test.
RuntimeFactory = Callable[..., Runtime]
