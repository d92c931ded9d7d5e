"""What the demo's steps share: the story's state, and a step with its Dutch title."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from bot.demo.world import Artefacts, Transcript, World


@dataclass
class Story:
    """The state the steps pass on to each other."""

    world: World
    output: Path
    start: datetime
    meeting_day: date
    artefacts: Artefacts = field(default_factory=Artefacts)
    number: int = 0

    @property
    def out(self) -> Transcript:
        """The transcript."""
        return self.world.out


@dataclass(frozen=True)
class Step:
    """One scene of the story: its Dutch title and what happens."""

    title: str
    run: Callable[[Story], None]


def counted(count: int, one: str, other: str) -> str:
    """A count with its noun in the right form, for the narration: "1 herinnering", "5
    herinneringen" (the app's own texts use the catalogue's plural forms)."""
    return f"{count} {one if count == 1 else other}"
