"""Output formats. Each reporter renders a whole run (results are accumulated first), so
formats that need the full picture (summaries, SARIF, JUnit) fit the same shape.

Reporters are imported when asked for: a warm run printing text should not pay for the SARIF
writer and the rule registry it loads.
"""

from __future__ import annotations

from importlib import import_module

from handoff_lint.output.formats.base import Reporter, Summary, summarize

REPORTERS = {  # format name -> (module, class), imported by get_reporter
    "text": ("text", "TextReporter"),
    "json": ("json_reporter", "JsonReporter"),
    "github": ("github", "GithubReporter"),
    "sarif": ("sarif", "SarifReporter"),
    "junit": ("junit", "JunitReporter"),
    "markdown": ("markdown", "MarkdownReporter"),
    "concise": ("concise", "ConciseReporter"),
}


def get_reporter(name: str) -> type[Reporter]:
    module, cls = REPORTERS[name]
    return getattr(import_module(f".{module}", __name__), cls)


__all__ = ["REPORTERS", "Reporter", "Summary", "get_reporter", "summarize"]
