"""Which problems become GitHub annotations, given GitHub's limit of 10 errors and 10 warnings a step.

GitHub silently drops annotations past the limit, so we choose which ones it sees: errors
before warnings; a failing handoff's verdict (score under the threshold, score dropped) before
its findings, so every red handoff says why; findings on lines the pull request changed before
the others. Nothing is lost: every finding is also in the log and in the step summary.
"""

from __future__ import annotations

from dataclasses import dataclass

from handoff_lint.model.findings import Finding, Severity
from handoff_lint.output.advice import next_step, top_missing
from handoff_lint.rules import get_rule
from handoff_lint.scoring.verdict import finding_rule, score_dropped

MAX_PER_LEVEL = 10  # GitHub: "10 warning annotations and 10 error annotations per step"


@dataclass
class Annotation:
    level: str  # "error" or "warning"
    path: str  # as linted; the reporter makes it repository-relative
    line: int
    column: int | None
    title: str
    message: str
    finding: Finding | None = None  # None for a handoff's verdict


@dataclass
class Plan:
    annotations: list[Annotation]
    not_annotated: int  # findings (of any severity) left to the log and the summary


def plan_annotations(run) -> Plan:
    ranked: list[tuple[tuple, Annotation]] = []
    for order, (result, verdict) in enumerate(run):
        headline = _verdict(result, verdict, run.baseline(result))
        if headline:
            ranked.append(((0, order, 0), headline))
        changed = run.changed(result)
        for f in result.findings:
            if f.severity is Severity.INFO:
                continue
            rule = get_rule(f.code)
            title = f"{f.code} {rule.name}" if rule else f.code
            annotation = Annotation(f.severity.value, result.path, f.line, f.column, title, f.text, f)
            ranked.append(((1 if f.line in changed else 2, order, f.line), annotation))
    verdicts = sorted((item for item in ranked if item[1].finding is None and item[1].level == "error"), key=_rank)
    for _, overflow in verdicts[MAX_PER_LEVEL:]:  # GitHub would drop them: still show each failing handoff
        overflow.level = "warning"
    chosen: list[Annotation] = []
    for level in ("error", "warning"):
        candidates = sorted((item for item in ranked if item[1].level == level), key=lambda item: item[0])
        chosen += [annotation for _, annotation in candidates[:MAX_PER_LEVEL]]
    findings = sum(len(r.findings) for r in run.files)
    annotated = sum(a.finding is not None for a in chosen)
    return Plan(chosen, findings - annotated)


def _rank(item):
    return item[0]


def _verdict(result, verdict, baseline) -> Annotation | None:
    """The handoff-level annotation, on line 1: for every failing handoff, and for a passing one whose score dropped."""
    step = next_step(result, verdict)
    advice = f" Next: {step}." if step else ""
    if result.score is None:
        if verdict.passed:
            return None
        errors = [f for f in result.findings if f.severity is Severity.ERROR]
        why = f": {errors[0].message}" if errors else ""
        message = f"not scored{why}.{advice}"
        return Annotation("error", result.path, 1, None, "handoff-lint: not scored", message)
    dropped = baseline is not None and score_dropped(result.score, baseline.score)
    since = f" (was {baseline.score} at {baseline.ref})" if dropped else ""
    if verdict.under_threshold and not verdict.passed:
        message = f"{result.type_name} handoff scores {result.score}/100, under the threshold {verdict.threshold}"
        message += f"{since}."
        missing = top_missing(result)
        message += f" Missing most: {missing}." if missing else ""
        return Annotation("error", result.path, 1, None, "handoff-lint: score under the threshold", message + advice)
    if dropped:
        level = "warning" if verdict.passed else "error"
        message = f"score dropped from {baseline.score} to {result.score}/100 since {baseline.ref}"
        return Annotation(level, result.path, 1, None, "handoff-lint: score dropped", message)
    if not verdict.passed:  # the score passes; an error finding (or the baseline) fails it
        errors = [f for f in result.findings if f.severity is Severity.ERROR]
        named = f" on {finding_rule(errors[0])}" if errors else ""
        message = (
            f"{result.type_name} handoff scores {result.score}/100 (threshold {verdict.threshold}) "
            f"but fails: {'; '.join(verdict.reasons)}.{advice}"
        )
        return Annotation("error", result.path, 1, None, f"handoff-lint: fails{named}", message)
    return None
