"""A Markdown summary for a pull request or ``$GITHUB_STEP_SUMMARY``: one row per handoff, then every finding.

A reviewer reads the table (handoff, type, score, change since the baseline, status, the top
missing items) and opens the details for the rest. The findings list is capped so the summary
stays well under GitHub's 1 MiB per step.
"""

from __future__ import annotations

from handoff_lint.model.findings import Severity
from handoff_lint.output.formats.annotations import MAX_PER_LEVEL, plan_annotations
from handoff_lint.output.formats.base import Reporter, repo_path, score_change, summarize
from handoff_lint.output.formats.text import TextReporter
from handoff_lint.output.untrusted import markdown
from handoff_lint.scoring.verdict import Status, score_dropped

TOP_ITEMS = 3
ITEM_LENGTH = 70
MAX_LISTED = 500  # findings listed in the details; 500 short lines stay far below 1 MiB


def cell(text: str) -> str:
    """Untrusted text inside a GFM table cell or list item: one line, no HTML, link, image or pipe."""
    return markdown(text)


def _short(message: str) -> str:
    """The gist of a message (its hint is apart): before a long quote after ": "."""
    if len(message) <= ITEM_LENGTH:
        return message
    cut = message.rfind(": ", 0, ITEM_LENGTH)
    return message[:cut] if cut > 0 else message[: ITEM_LENGTH - 1].rstrip() + "…"


def top_items(result, verdict, baseline=None) -> str:
    """The first things to fix: error findings (missing sections come first by code), else warnings."""
    if verdict.passed:
        return "—"
    for severity in (Severity.ERROR, Severity.WARNING):
        findings = sorted((f for f in result.findings if f.severity is severity), key=lambda f: (f.code, f.line))
        if findings:
            items = list(dict.fromkeys(_short(f.message) for f in findings))
            shown = "; ".join(cell(item) for item in items[:TOP_ITEMS])
            return shown + (f"; +{len(items) - TOP_ITEMS} more" if len(items) > TOP_ITEMS else "")
    if baseline is not None and score_dropped(result.score, baseline.score):
        return f"score dropped from {baseline.score}"
    return f"score under {verdict.threshold}"


def _status(verdict) -> str:
    if verdict.status is Status.DRAFT:
        return cell("📝 DRAFT, not held to the threshold: " + "; ".join(verdict.waived))
    if verdict.status is Status.BASELINE:
        return cell("✅ PASS (in the baseline, no worse than recorded: " + "; ".join(verdict.waived) + ")")
    if verdict.passed:
        return "✅ PASS"
    return cell("❌ FAIL: " + "; ".join(verdict.reasons))


class MarkdownReporter(Reporter):
    def __init__(self, *, annotated: bool = False, **kwargs):
        """``annotated``: the same run printed GitHub annotations; say how many findings did not get one."""
        super().__init__(**kwargs)
        self.annotated = annotated

    def render(self, run) -> str:
        s = summarize(run)
        if not len(run):
            heading = "no handoffs to check"
        elif s.failed:
            heading = f"{s.failed} of {s.files} handoffs failed"
        else:
            heading = f"all {s.files} handoffs passed"
        out = [f"### handoff-lint: {heading}", ""]
        if len(run):
            out += ["| Handoff | Type | Score | Change | Status | Top missing items |", "|---|---|---|---|---|---|"]
            for r, verdict in run:
                score = f"{r.score}/100" if r.score is not None else "not scored"
                baseline = run.baseline(r)
                change = score_change(r, baseline) or "—"
                row = [cell(repo_path(r.path)), cell(r.type_name or "unknown"), score, change, _status(verdict)]
                out.append("| " + " | ".join([*row, top_items(r, verdict, baseline)]) + " |")
            out.append("")
            thresholds = sorted({v.threshold for v in run.verdicts})
            out.append(f"Threshold {', '.join(map(str, thresholds))}. {TextReporter.summary_line(run)}")
        if self.annotated:
            not_annotated = plan_annotations(run).not_annotated
            if not_annotated:
                out += [
                    "",
                    f"{not_annotated} more findings not annotated (GitHub shows at most {MAX_PER_LEVEL} errors and "
                    f"{MAX_PER_LEVEL} warnings per step); all are listed below.",
                ]
        findings = [(r, f) for r in run.files for f in r.findings]
        if findings:
            out += ["", f"<details><summary>All findings ({len(findings)})</summary>", ""]
            for r, f in findings[:MAX_LISTED]:
                where = f"{cell(repo_path(r.path))}:{f.line}:{f.column}"
                out.append(f"- {where} **{f.code}** {f.severity.value}: {cell(f.text)}")
            if len(findings) > MAX_LISTED:
                out.append(f"- … {len(findings) - MAX_LISTED} more in the log")
            out += ["", "</details>"]
        return "\n".join(out) + "\n"
