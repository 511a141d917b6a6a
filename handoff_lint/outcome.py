"""Pass/fail, its reasons, and exit codes, decided in one place.

A handoff passes when it has a score at or above the threshold and no error-severity finding
(an empty required field, a missing section, a placeholder…). Under ``--fail-on-regression`` it
must also not score lower than at the baseline (a ratchet: a handoff may only get better).
Each failing handoff carries its reasons (``FileResult.fail_reasons``), so every reporter prints
the same "why" and none has to work it out. Exit codes follow ruff: 0 every handoff passes,
1 any fails, 2 usage, configuration or internal error.
"""

from __future__ import annotations

from collections import Counter

from .findings import Finding, Severity

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ERROR = 2
MAX_REASON_RULES = 3  # rules named in the error reason; the rest are "…"


def fail_reasons(
    score: int | None, threshold: int, findings: list[Finding], previous_score: int | None = None
) -> list[str]:
    """Why a handoff fails (empty when it passes): ``score 62 < 70``, ``score fell 100 → 97``, errors by rule.

    ``previous_score`` is given only under the ratchet: the score at the baseline.
    """
    reasons = []
    if score is None:
        reasons.append("not scored")
    elif score < threshold:
        reasons.append(f"score {score} < {threshold}")
    if score_dropped(score, previous_score):
        reasons.append(f"score fell {previous_score} → {score}")
    errors = Counter(f.code for f in findings if f.severity is Severity.ERROR)
    if errors:
        reasons.append(_errors_reason(errors))
    return reasons


def _errors_reason(errors: Counter) -> str:
    """``3 errors (2 empty-field, 1 placeholder)``: the count, then the rules, most frequent first."""
    from .rules import get_rule

    total = sum(errors.values())
    named = [f"{count} {rule.name if (rule := get_rule(code)) else code}" for code, count in errors.most_common()]
    shown = ", ".join(named[:MAX_REASON_RULES]) + (", …" if len(named) > MAX_REASON_RULES else "")
    return f"{total} error{'' if total == 1 else 's'} ({shown})"


def score_dropped(score: int | None, previous_score: int | None) -> bool:
    """Whether a handoff scores lower than at the baseline (a handoff new or unscored there cannot drop)."""
    return score is not None and previous_score is not None and score < previous_score


def exit_code(results, exit_zero: bool = False) -> int:
    if exit_zero:
        return EXIT_OK
    return EXIT_OK if all(r.passed for r in results) else EXIT_FAILED
