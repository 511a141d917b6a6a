"""What a run produced: one immutable result per file, and the run that holds them with what git said.

Kept apart from the pipeline so that reading results back from the cache does not import it.
A ``FileResult`` is what linting one file found, nothing more: it does not know the run's threshold,
its git facts (lines changed since ``--changed-since``'s base, the ``--baseline`` score) nor its verdict,
so the cache keeps it for any threshold.
Those belong to the ``RunResult``, which scoring/verdict.py builds once the whole run is known, deciding
every file's pass/fail there and only there; reporters read the RunResult.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from handoff_lint.model.categories import CategoryScore, Coverage
from handoff_lint.model.findings import Finding

if TYPE_CHECKING:
    from handoff_lint.engine.baseline import Baseline
    from handoff_lint.scoring.verdict import Verdict


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    type_name: str | None
    type_source: str
    score: int | None
    findings: tuple[Finding, ...]
    categories: Mapping[str, CategoryScore] = field(default_factory=dict)
    sections: Mapping[str, Coverage] = field(default_factory=dict)  # section key -> how fully it is filled
    suppressed: int = 0
    # The source lines with findings (SARIF fingerprints and UTF-16 columns), without holding whole files.
    lines: Mapping[int, str] = field(default_factory=dict, repr=False)  # line number -> text
    draft: bool = False  # its frontmatter marks it as work in progress (config's [draft])


@dataclass(frozen=True)
class RunResult:
    """Every file's result with its verdict (in the order linted), and the run's git facts by path."""

    files: tuple[FileResult, ...]
    verdicts: tuple[Verdict, ...]  # one per file, decided by scoring/verdict.decide (with the run's threshold)
    changed_lines: Mapping[str, frozenset[int]] = field(default_factory=dict)  # with --changed-since
    baselines: Mapping[str, Baseline] = field(default_factory=dict)  # with --baseline

    def __iter__(self) -> Iterator[tuple[FileResult, Verdict]]:
        return zip(self.files, self.verdicts, strict=True)

    def __len__(self) -> int:
        return len(self.files)

    def baseline(self, result: FileResult) -> Baseline | None:
        """The file's score at the base, with --baseline; else None."""
        return self.baselines.get(result.path)

    def changed(self, result: FileResult) -> frozenset[int]:
        """The file's lines changed since --changed-since's base (empty without the option)."""
        return self.changed_lines.get(result.path, frozenset())


def share_strings(result: FileResult) -> FileResult:
    """The same result with its codes, keys, statuses and repeated texts shared (``sys.intern``): results
    from worker processes arrive with their own copy of each, and ten thousand results must stay small.

    Besides the names, the texts that recur from file to file are shared too: a finding's hint (16 texts
    over 2,000 generated files), its message (a third distinct) and what a category misses ("Risk flags:
    not found"). What a category found names its lines, so it rarely recurs and is kept as it is."""
    intern = sys.intern
    findings = tuple(
        Finding(
            intern(f.code),
            intern(f.message),
            f.line,
            f.column,
            f.severity,
            f.section and intern(f.section),
            intern(f.hint),
            intern(f.rule),
        )
        for f in result.findings
    )
    categories = {
        intern(key): CategoryScore(
            intern(c.key), c.status, c.points, c.found, tuple([intern(m) for m in c.missing])
        )  # a Coverage: one object already
        for key, c in result.categories.items()
    }
    return replace(
        result,
        type_name=intern(result.type_name) if result.type_name else None,
        type_source=intern(result.type_source),
        findings=findings,
        sections={intern(key): status for key, status in result.sections.items()},
        categories=categories,
    )


def finding_lines(lines: list[str], findings) -> dict[int, str]:
    """The source text of the lines with findings: all SARIF needs, without holding whole files."""
    return {f.line: lines[f.line - 1] for f in findings if 0 < f.line <= len(lines)}
