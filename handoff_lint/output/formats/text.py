"""Human output: ``path:line:col: SEVERITY CODE message``, a status line per file, a summary line."""

from __future__ import annotations

import click

from handoff_lint.model.findings import Severity
from handoff_lint.output.advice import next_step
from handoff_lint.output.formats.base import Reporter, score_change, summarize
from handoff_lint.output.formats.score_table import render_score_table
from handoff_lint.output.untrusted import plain
from handoff_lint.scoring.verdict import Status

_SEVERITY_COLOR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class TextReporter(Reporter):
    def style(self, text: str, **kwargs) -> str:
        return click.style(text, **kwargs) if self.color else text

    def render(self, run) -> str:
        out: list[str] = []
        for result, verdict in run:
            if self.quiet and verdict.passed:
                continue
            for f in result.findings:
                if self.quiet and f.severity is Severity.INFO:
                    continue
                # The severity word, not only its colour: pipes, pre-commit and CI logs have no colour.
                severity = self.style(f.severity.value, fg=_SEVERITY_COLOR[f.severity])
                code = self.style(f.code, fg=_SEVERITY_COLOR[f.severity], bold=True)
                out.append(f"{plain(result.path)}:{f.line}:{f.column}: {severity} {code} {plain(f.text)}")
            out.append(self.status_line(result, verdict, run.baseline(result)))
            step = next_step(result, verdict)
            if step:
                out.append(f"  next: {plain(step)}")
            if self.show_score and result.score is not None:
                out.append("")
                out.append(render_score_table(result, verdict))
                out.append("")
        if not self.quiet:
            out.append("")
            out.append(self.summary_line(run))
        return "\n".join(out) + ("\n" if out else "")

    @staticmethod
    def summary_line(run) -> str:
        s = summarize(run)
        counts = f"{_plural(s.errors, 'error')}, {_plural(s.warnings, 'warning')}, {s.info} info"
        suppressed = f", {s.suppressed} suppressed" if s.suppressed else ""
        line = f"{_plural(s.files, 'handoff')} checked: {s.passed} passed, {s.failed} failed ({counts}{suppressed})"
        if s.baselined or s.drafts:  # passes that would fail without the baseline file or the draft status
            held = [f"{s.baselined} on the baseline"] if s.baselined else []
            held += [_plural(s.drafts, "draft")] if s.drafts else []
            line += f"; passed with an exemption: {', '.join(held)}"
        return line

    def status_line(self, result, verdict, baseline=None) -> str:
        shown = self.style("PASS", fg="green", bold=True) if verdict.passed else self.style("FAIL", fg="red", bold=True)
        if verdict.reasons:
            shown += ": " + plain("; ".join(verdict.reasons))
        if verdict.status is Status.DRAFT:
            waived = plain("; ".join(verdict.waived))
            shown = self.style("DRAFT", fg="blue", bold=True) + f", not held to the threshold: {waived}"
        elif verdict.status is Status.BASELINE:
            shown += " (in the baseline, no worse than recorded: " + plain("; ".join(verdict.waived)) + ")"
        since = plain(self.since(result, baseline))
        path = plain(result.path)
        if result.type_name is None:
            return f"{path}: type unknown {shown}" + (f" ({since})" if since else "")
        return (
            f"{path}: {plain(result.type_name)} {result.score}/100 {shown} "
            f"(threshold {verdict.threshold}{', ' + since if since else ''})"
        )

    @staticmethod
    def since(result, baseline) -> str:
        """With --baseline, how the score moved (e.g. "was 80 at main: -5"); else ""."""
        change = score_change(result, baseline)
        if not change:
            return ""
        if change == "new":
            return f"new since {baseline.ref}"
        if baseline.score is None:
            return f"not scored at {baseline.ref}"
        if change == "n/a":
            return f"was {baseline.score} at {baseline.ref}"
        return f"was {baseline.score} at {baseline.ref}: {change}"
