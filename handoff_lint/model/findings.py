"""The finding: one problem at one place in one file.

Rules, the parser and the pipeline all speak in findings, so reporters and the exit-code
decision never need to know where a problem came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(str, Enum):
    """How much a finding matters. Errors fail the handoff; warnings and info never do."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)  # thousands per run: slots halve their memory
class Finding:
    """A rule's check yields it with an empty code; the registry makes the finding a run reports, complete
    with the rule's code and its configured severity (rules/registry.py, ``Rule.run``)."""

    code: str
    message: str
    line: int = 1
    column: int = 1
    severity: Severity = Severity.ERROR
    # The section key (from the type definition) the finding is about, when there is one;
    # scoring uses it to downgrade a section whose content fails quality rules.
    section: str | None = None
    # How to fix it, kept apart from what is wrong: text output prints "message — hint", JSON
    # and SARIF carry the two separately, summaries quote the message alone.
    hint: str = ""
    rule: str = ""  # the reporting rule's name: reasons and statistics name rules without importing them

    @property
    def text(self) -> str:
        """What a person reads: the message, then the hint after an em dash."""
        return f"{self.message} — {self.hint}" if self.hint else self.message

    def sort_key(self) -> tuple:
        # Stable sort keeps the order rules emit within a place (e.g. sections in schema order).
        return (self.line, self.column, self.code)


@dataclass
class Problem:
    """A problem met while reading or parsing a file, before any rule runs.

    The parser cannot raise on bad input (a user file must never produce a traceback), so it
    records problems; the matching registered rule turns them into findings.
    """

    code: str
    message: str
    line: int = 1
    column: int = 1
