"""What every reporter shares: the interface and the run summary."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from handoff_lint.files.boundary import real_folders
from handoff_lint.model.findings import Severity
from handoff_lint.scoring.verdict import Status


@dataclass
class Summary:
    files: int
    passed: int
    failed: int
    errors: int
    warnings: int
    info: int
    suppressed: int
    drafts: int = 0  # passed as drafts (status: draft), scored but not held to the threshold
    baselined: int = 0  # passed because the baseline file of `handoff-lint init` holds them

    @property
    def findings(self) -> int:
        return self.errors + self.warnings + self.info


def summarize(run) -> Summary:
    findings = [f for r in run.files for f in r.findings]
    passed = sum(v.passed for v in run.verdicts)
    return Summary(
        files=len(run),
        passed=passed,
        failed=len(run) - passed,
        errors=sum(f.severity is Severity.ERROR for f in findings),
        warnings=sum(f.severity is Severity.WARNING for f in findings),
        info=sum(f.severity is Severity.INFO for f in findings),
        suppressed=sum(r.suppressed for r in run.files),
        drafts=sum(v.status is Status.DRAFT for v in run.verdicts),
        baselined=sum(v.status is Status.BASELINE for v in run.verdicts),
    )


def score_change(result, baseline) -> str:
    """The score's move since --baseline: "+5", "-3", "0", "new", "n/a" (not scored), "" (no baseline)."""
    if baseline is None:
        return ""
    if baseline.new:
        return "new"
    if baseline.score is None or result.score is None:
        return "n/a"
    change = result.score - baseline.score
    return f"{change:+d}" if change else "0"


def repo_path(path: str) -> str:
    """A path relative to the repository root, with forward slashes: what GitHub and SARIF viewers expect."""
    root = _root(os.getcwd())
    absolute = real_folders(path)
    relative = os.path.relpath(absolute, root)
    return Path(absolute if relative.startswith("..") else relative).as_posix()


@lru_cache(maxsize=8)
def _root(cwd: str) -> str:
    from handoff_lint.errors import HandoffLintError
    from handoff_lint.files.git import Repo

    try:
        return str(Repo(cwd).top)
    except HandoffLintError:  # not in a git repository: the working directory is the root
        return os.path.realpath(cwd)


class Reporter:
    """Renders a RunResult (scoring/verdict.decide) to a string."""

    def __init__(self, *, color: bool = False, quiet: bool = False, show_score: bool = False):
        self.color = color
        self.quiet = quiet
        self.show_score = show_score

    def render(self, run) -> str:  # pragma: no cover - interface
        raise NotImplementedError

    def chunks(self, run):
        """The report in pieces, for writing without holding all of it (JSON overrides this)."""
        yield self.render(run)
