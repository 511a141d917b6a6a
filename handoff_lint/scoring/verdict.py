"""Pass/fail, its reasons, and exit codes, decided in one place.

A handoff passes when it has a score at or above the run's threshold and no error-severity finding
(an empty required field, a missing section, a placeholder…). Under ``--fail-on-regression`` it
must also not score lower than at the baseline (a ratchet: a handoff may only get better).
Two exemptions let a handoff that misses the bar pass all the same, saying so: a draft (``status:
draft`` in its frontmatter) and a handoff recorded in the baseline file of ``handoff-lint init``
that is no worse than recorded; neither waives a secret (HL470).
``decide`` gives every file of a run its ``Verdict`` once, with the ratchet, when the run's
results and baselines are known; reporters and annotations read it from the RunResult and never work
out pass or fail themselves. The threshold is the run's (config or ``--threshold``), applied here to
results that do not hold it, so a cached result serves any threshold. Exit codes follow ruff: 0 every
handoff passes, 1 any fails, 2 usage, configuration or internal error.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from handoff_lint.model.findings import Finding, Severity
from handoff_lint.model.results import FileResult, RunResult

if TYPE_CHECKING:
    from handoff_lint.engine.baseline import Baseline
    from handoff_lint.engine.baseline_file import Entry, RecordedBaseline

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_ERROR = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: what a shell reports for grep or cat when the reader of a pipe left
MAX_REASON_RULES = 3  # rules named in the error reason; the rest are "…"


class Status(str, Enum):
    """A handoff's status; str-valued, so JSON and SARIF write the value ("pass") as they always did."""

    PASS = "pass"
    FAIL = "fail"
    DRAFT = "draft"  # misses the bar, passes as work in progress (status: draft)
    BASELINE = "baseline"  # misses the bar, passes because the baseline file holds it and it is no worse

    __str__ = str.__str__  # "pass" in text, never "Status.PASS"
    __format__ = str.__format__


EXEMPTIONS = (Status.DRAFT, Status.BASELINE)


@dataclass(frozen=True, slots=True)
class Verdict:
    status: Status
    threshold: int  # the run's pass mark the score was held to
    reasons: tuple[str, ...] = ()  # why it fails: "score 62 < 70", "score fell 100 → 97", errors by rule
    waived: tuple[str, ...] = ()  # what would fail it without its exemption (draft or baseline)
    under_threshold: bool = False  # scored under the threshold: one of ``reasons`` (or ``waived``)

    @property
    def passed(self) -> bool:
        return self.status is not Status.FAIL

    @property
    def exempt(self) -> Status | None:
        """DRAFT or BASELINE: why a handoff that misses the bar passes all the same; else None."""
        return self.status if self.status in EXEMPTIONS else None


def decide(
    results,
    threshold: int,
    *,
    changed_lines: Mapping[str, frozenset[int]] | None = None,
    baselines: Mapping[str, Baseline] | None = None,
    ratchet: bool = False,
    recorded: RecordedBaseline | None = None,
) -> RunResult:
    """The run: each file's verdict against ``threshold`` (under ``ratchet``, against its baseline score;
    with ``recorded``, against the baseline file's entry) with the git facts."""
    baselines = baselines or {}
    verdicts = []
    for result in results:
        baseline = baselines.get(result.path) if ratchet else None
        entry = recorded.entry(result.path) if recorded is not None else None
        verdicts.append(verdict(result, threshold, baseline.score if baseline else None, entry))
    return RunResult(tuple(results), tuple(verdicts), changed_lines or {}, baselines)


# Errors no exemption waives: a secret committed in a draft or an old handoff is in the history for good.
NEVER_WAIVED = frozenset({"HL470"})


def verdict(
    result: FileResult, threshold: int, previous_score: int | None = None, recorded: Entry | None = None
) -> Verdict:
    """Whether one handoff passes ``threshold``, and why not. ``previous_score``: its baseline score, only
    under the ratchet; ``recorded``: its entry in the baseline file."""
    reasons = []
    score = result.score
    under = score is not None and score < threshold
    if score is None:
        reasons.append("not scored")
    elif under:
        reasons.append(f"score {score} < {threshold}")
    if score_dropped(score, previous_score):
        reasons.append(f"score fell {previous_score} → {score}")
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    if errors:
        reasons.append(_errors_reason(errors))
    if not reasons:
        return Verdict(Status.PASS, threshold)
    unwaivable = sorted({finding_rule(f) for f in errors if f.code in NEVER_WAIVED})
    if unwaivable:
        if result.draft or recorded is not None:
            reasons.append(f"{', '.join(unwaivable)} is never waived")
        return Verdict(Status.FAIL, threshold, tuple(reasons), under_threshold=under)
    if result.draft:
        return Verdict(Status.DRAFT, threshold, (), tuple(reasons), under)
    if recorded is not None and not score_dropped(score, previous_score):
        worse = recorded.worse(result)
        if not worse:
            return Verdict(Status.BASELINE, threshold, (), tuple(reasons), under)
        reasons.append(worse)
    return Verdict(Status.FAIL, threshold, tuple(reasons), under_threshold=under)


def _errors_reason(errors: list[Finding]) -> str:
    """``3 errors (2 empty-field, 1 placeholder)``: the count, then the rules, most frequent first."""
    total = len(errors)
    named = [f"{count} {name}" for name, count in Counter(map(finding_rule, errors)).most_common()]
    shown = ", ".join(named[:MAX_REASON_RULES]) + (", …" if len(named) > MAX_REASON_RULES else "")
    return sys.intern(f"{total} error{'' if total == 1 else 's'} ({shown})")  # recurs across thousands of files


def finding_rule(finding: Finding) -> str:
    """The name of the rule that reported a finding (a finding made by hand, without one: looked up)."""
    return finding.rule or rule_name(finding.code)


def rule_name(code: str) -> str:
    """A rule's name from the registry (its code when no rule has it); imports every rule the first time."""
    from handoff_lint.rules import get_rule

    return rule.name if (rule := get_rule(code)) else code


def score_dropped(score: int | None, previous_score: int | None) -> bool:
    """Whether a handoff scores lower than at the baseline (a handoff new or unscored there cannot drop)."""
    return score is not None and previous_score is not None and score < previous_score


def exit_code(run: RunResult, exit_zero: bool = False) -> int:
    if exit_zero:
        return EXIT_OK
    return EXIT_OK if all(v.passed for v in run.verdicts) else EXIT_FAILED
