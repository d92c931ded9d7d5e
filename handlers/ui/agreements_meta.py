"""Typed `private_metadata` of this area's modals that the shared codecs (handlers/ui/metadata.py)
do not cover: ids only, one codec per shape."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.ui.metadata import MetadataCodec


@dataclass(frozen=True)
class SeriesRef:
    """A modal about one series (changing the rest of it)."""

    series_id: int


SERIES = MetadataCodec(SeriesRef)
