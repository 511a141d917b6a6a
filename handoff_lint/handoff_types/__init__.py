"""Handoff types: their definitions (data, not code), resolving a file's type, matching its sections."""
