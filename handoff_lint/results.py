"""The result of linting one file: what reporters, the cache and the exit code need.

Kept apart from the pipeline so that reading results back from the cache does not import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .categories import CategoryScore
from .findings import Finding

if TYPE_CHECKING:
    from .baseline import Baseline


@dataclass
class FileResult:
    path: str
    type_name: str | None
    type_source: str
    score: int | None
    threshold: int
    passed: bool
    findings: list[Finding]
    fail_reasons: list[str] = field(default_factory=list)  # why it fails, from outcome.py; empty when passed
    categories: dict[str, CategoryScore] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)  # section key -> complete/partial/missing
    suppressed: int = 0
    # For CI reporters: the source lines (SARIF fingerprints and UTF-16 columns), the lines changed
    # since --changed-since's base (annotations on them come first) and the --baseline score.
    lines: dict[int, str] = field(default_factory=dict, repr=False)  # line number -> text, finding lines only
    changed_lines: frozenset[int] | None = None
    baseline: Baseline | None = None


def finding_lines(lines: list[str], findings: list[Finding]) -> dict[int, str]:
    """The source text of the lines with findings: all SARIF needs, without holding whole files."""
    return {f.line: lines[f.line - 1] for f in findings if 0 < f.line <= len(lines)}
