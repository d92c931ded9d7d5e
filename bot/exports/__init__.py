"""Exports: pure functions from data to bytes (iCalendar, PDF)."""
