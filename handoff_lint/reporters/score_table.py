"""The seed's "Handoff Quality Score" table for one handoff, as Markdown."""

from __future__ import annotations

_LABEL = {"complete": "Complete", "partial": "Partial", "missing": "Missing", "n/a": "Not used by this type"}


def render_score_table(result) -> str:
    lines = [
        f"Handoff Quality Score — {result.path} ({result.type_name})",
        "",
        "| Section | Weight | Score |",
        "|---------|--------|-------|",
    ]
    for category in result.categories.values():
        lines.append(f"| {category.label} | {category.weight}% | {_LABEL[category.status]} |")
    if result.passed:
        verdict = f"PASS (handoffs below {result.threshold} are flagged)"
    else:
        verdict = f"FAIL: {'; '.join(result.fail_reasons)} (threshold {result.threshold})"
    lines.append("")
    lines.append(f"Overall: {result.score}/100 — {verdict}")
    return "\n".join(lines)
