"""Output formats. Each reporter renders a whole run (results are accumulated first), so
formats that need the full picture (summaries, SARIF, JUnit) fit the same shape."""

from __future__ import annotations

from .base import Reporter, Summary, summarize
from .github import GithubReporter
from .json_reporter import JsonReporter
from .junit import JunitReporter
from .markdown import MarkdownReporter
from .sarif import SarifReporter
from .text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "sarif": SarifReporter,
    "junit": JunitReporter,
    "markdown": MarkdownReporter,
}

__all__ = ["REPORTERS", "MarkdownReporter", "Reporter", "Summary", "summarize"]
