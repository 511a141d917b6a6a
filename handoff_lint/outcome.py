"""Pass/fail and exit codes, decided in one place.

A handoff passes when it has a score at or above the threshold and no error-severity finding
(an empty required field, a missing section, a placeholder…). Under ``--fail-on-regression`` it
must also not score lower than at the baseline (a ratchet: a handoff may only get better). Exit
codes follow ruff: 0 every handoff passes, 1 any fails, 2 usage, configuration or internal error.
"""

from __future__ import annotations

from .findings import Finding, Severity

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ERROR = 2


def file_passes(score: int | None, threshold: int, findings: list[Finding], previous_score: int | None = None) -> bool:
    """``previous_score`` is given only under the ratchet: the score at the baseline."""
    if score is None or score < threshold:
        return False
    if score_dropped(score, previous_score):
        return False
    return not any(f.severity is Severity.ERROR for f in findings)


def score_dropped(score: int | None, previous_score: int | None) -> bool:
    """Whether a handoff scores lower than at the baseline (a handoff new or unscored there cannot drop)."""
    return score is not None and previous_score is not None and score < previous_score


def exit_code(results, exit_zero: bool = False) -> int:
    if exit_zero:
        return EXIT_OK
    return EXIT_OK if all(r.passed for r in results) else EXIT_FAILED
