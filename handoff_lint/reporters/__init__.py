"""Output formats. Each reporter renders a whole run (results are accumulated first), so
formats that need the full picture (summaries, SARIF, JUnit) fit the same shape."""

from __future__ import annotations

from .base import Reporter, Summary, summarize
from .json_reporter import JsonReporter
from .text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
}

__all__ = ["REPORTERS", "Reporter", "Summary", "summarize"]
