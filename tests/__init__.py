"""Tests: scenarios through the signed HTTP endpoint, unit tests for rules and exports."""
