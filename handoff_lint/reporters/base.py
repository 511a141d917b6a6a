"""What every reporter shares: the interface and the run summary."""

from __future__ import annotations

from dataclasses import dataclass

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


class Reporter:
    """Renders a list of FileResults to a string."""

    def __init__(self, *, color: bool = False, quiet: bool = False, show_score: bool = False):
        self.color = color
        self.quiet = quiet
        self.show_score = show_score

    def render(self, results) -> str:  # pragma: no cover - interface
        raise NotImplementedError
