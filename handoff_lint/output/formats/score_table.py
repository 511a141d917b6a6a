"""The seed's "Handoff Quality Score" table for one handoff, as Markdown.

Weights are shown as the score used them: a category the type has no section in gives its weight
to the others in proportion (scoring/score.py), so a team type's table adds up to 100%.
"""

from __future__ import annotations

from handoff_lint.model.categories import COMPLETE, MISSING, NOT_USED, PARTIAL
from handoff_lint.output.untrusted import plain
from handoff_lint.scoring.verdict import Status

_LABEL = {COMPLETE: "Complete", PARTIAL: "Partial", MISSING: "Missing", NOT_USED: "Not used by this type"}


def effective_weights(categories) -> dict[str, float]:
    """Each used category's share of 100, after unused categories gave theirs away."""
    used = {key: c.weight for key, c in categories.items() if c.status != NOT_USED}
    total = sum(used.values())
    return {key: weight * 100 / total for key, weight in used.items()} if total else {}


def _percent(value: float) -> str:
    return f"{value:.0f}%" if abs(value - round(value)) < 0.05 else f"{value:.1f}%"


def render_score_table(result, verdict) -> str:
    lines = [
        f"Handoff Quality Score — {plain(result.path)} ({plain(result.type_name)})",
        "",
        "| Section | Weight | Score | What was found (line) |",
        "|---------|--------|-------|-----------------------|",
    ]
    weights = effective_weights(result.categories)
    for key, category in result.categories.items():
        weight = _percent(weights[key]) if key in weights else "—"
        found = plain("; ".join(category.found)) or "—"
        lines.append(f"| {category.label} | {weight} | {_LABEL[category.status]} | {found} |")
    gaps = [(c.label, m) for c in result.categories.values() if c.status != COMPLETE for m in c.missing]
    if gaps:
        lines += ["", "Missing or thin:"]
        lines += [f"- {label}: {plain(what)}" for label, what in gaps]
    if verdict.status is Status.DRAFT:
        shown = f"DRAFT, not held to the threshold {verdict.threshold}: {plain('; '.join(verdict.waived))}"
    elif verdict.status is Status.BASELINE:
        waived = plain("; ".join(verdict.waived))
        shown = f"PASS in the baseline, no worse than recorded: {waived} (threshold {verdict.threshold})"
    elif verdict.passed:
        shown = f"PASS (handoffs below {verdict.threshold} are flagged)"
    else:
        shown = f"FAIL: {plain('; '.join(verdict.reasons))} (threshold {verdict.threshold})"
    lines.append("")
    lines.append(f"Overall: {result.score}/100 — {shown}")
    return "\n".join(lines)
