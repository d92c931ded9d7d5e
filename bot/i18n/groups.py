"""Catalogue: groups. Each entry is (Dutch, English)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {}
