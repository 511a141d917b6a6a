"""``--output-format concise``: one line per handoff, its verdict first, for a terminal or ``grep FAIL``.

``docs/handoffs/acme.md: FAIL 62/100 sales-to-cs: score 62 < 70 (threshold 70) [HL102, HL310×2]``
"""

from __future__ import annotations

from collections import Counter

from handoff_lint.output.formats.text import TextReporter
from handoff_lint.output.untrusted import plain


class ConciseReporter(TextReporter):
    def render(self, run) -> str:
        lines = []
        for result, verdict in run:
            if self.quiet and verdict.passed:
                continue
            lines.append(self.line(result, verdict, run.baseline(result)))
        return "".join(f"{line}\n" for line in lines)

    def line(self, result, verdict, baseline=None) -> str:
        shown = self.style("PASS", fg="green", bold=True) if verdict.passed else self.style("FAIL", fg="red", bold=True)
        scored = f"{result.score}/100" if result.score is not None else "not scored"
        what = f"{scored} {plain(result.type_name or 'type unknown')}"
        reasons = f": {plain('; '.join(verdict.reasons))}" if verdict.reasons else ""
        since = plain(self.since(result, baseline))
        context = f" (threshold {verdict.threshold}{', ' + since if since else ''})"
        counts = Counter(f.code for f in result.findings if not (self.quiet and f.severity.value == "info"))
        codes = ", ".join(code + (f"×{n}" if n > 1 else "") for code, n in sorted(counts.items()))
        return f"{plain(result.path)}: {shown} {what}{reasons}{context}" + (f" [{codes}]" if codes else "")
