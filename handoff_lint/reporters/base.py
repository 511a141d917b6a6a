"""What every reporter shares: the interface and the run summary."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..findings import Severity


@dataclass
class Summary:
    files: int
    passed: int
    failed: int
    errors: int
    warnings: int
    info: int
    suppressed: int

    @property
    def findings(self) -> int:
        return self.errors + self.warnings + self.info


def summarize(results) -> Summary:
    findings = [f for r in results for f in r.findings]
    return Summary(
        files=len(results),
        passed=sum(r.passed for r in results),
        failed=sum(not r.passed for r in results),
        errors=sum(f.severity is Severity.ERROR for f in findings),
        warnings=sum(f.severity is Severity.WARNING for f in findings),
        info=sum(f.severity is Severity.INFO for f in findings),
        suppressed=sum(r.suppressed for r in results),
    )


def score_change(result) -> str:
    """The score's move since --baseline: "+5", "-3", "0", "new", "n/a" (not scored), "" (no baseline)."""
    baseline = result.baseline
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
    absolute = _real_folder(path)
    relative = os.path.relpath(absolute, root)
    return Path(absolute if relative.startswith("..") else relative).as_posix()


def _real_folder(path: str) -> str:
    """The absolute path with its folders' symlinks resolved (as git's top level is), not the file's own."""
    absolute = os.path.abspath(path)
    return os.path.join(os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute))


@lru_cache(maxsize=8)
def _root(cwd: str) -> str:
    from ..errors import HandoffLintError
    from ..gitrepo import Repo

    try:
        return str(Repo(cwd).top)
    except HandoffLintError:  # not in a git repository: the working directory is the root
        return os.path.realpath(cwd)


class Reporter:
    """Renders a list of FileResults to a string."""

    def __init__(self, *, color: bool = False, quiet: bool = False, show_score: bool = False):
        self.color = color
        self.quiet = quiet
        self.show_score = show_score

    def render(self, results) -> str:  # pragma: no cover - interface
        raise NotImplementedError

    def chunks(self, results):
        """The report in pieces, for writing without holding all of it (JSON overrides this)."""
        yield self.render(results)
