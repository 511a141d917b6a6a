"""The seed's "Handoff Quality Score" table for one handoff, as Markdown."""

from __future__ import annotations

_LABEL = {"complete": "Complete", "partial": "Partial", "missing": "Missing", "n/a": "Not used by this type"}


def render_score_table(result) -> str:
    lines = [
        f"Handoff Quality Score — {result.path} ({result.type_name})",
        "",
        "| Section | Weight | Score | What was found (line) |",
        "|---------|--------|-------|-----------------------|",
    ]
    for category in result.categories.values():
        found = "; ".join(category.found) or "—"
        lines.append(f"| {category.label} | {category.weight}% | {_LABEL[category.status]} | {found} |")
    gaps = [(c.label, m) for c in result.categories.values() if c.status != "complete" for m in c.missing]
    if gaps:
        lines += ["", "Missing or thin:"]
        lines += [f"- {label}: {what}" for label, what in gaps]
    verdict = "PASS" if result.passed else "FAIL"
    lines.append("")
    lines.append(f"Overall: {result.score}/100 — {verdict} (handoffs below {result.threshold} are flagged)")
    return "\n".join(lines)
