"""Human output: ``path:line:col: CODE message``, a status line per file, a summary line."""

from __future__ import annotations

import click

from ..findings import Severity
from .base import Reporter, summarize
from .score_table import render_score_table

_SEVERITY_COLOR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class TextReporter(Reporter):
    def style(self, text: str, **kwargs) -> str:
        return click.style(text, **kwargs) if self.color else text

    def render(self, results) -> str:
        out: list[str] = []
        for result in results:
            if self.quiet and result.passed:
                continue
            for f in result.findings:
                if self.quiet and f.severity is Severity.INFO:
                    continue
                code = self.style(f.code, fg=_SEVERITY_COLOR[f.severity], bold=True)
                out.append(f"{result.path}:{f.line}:{f.column}: {code} {f.message}")
            out.append(self.status_line(result))
            if self.show_score and result.score is not None:
                out.append("")
                out.append(render_score_table(result))
                out.append("")
        if not self.quiet:
            s = summarize(results)
            counts = f"{_plural(s.errors, 'error')}, {_plural(s.warnings, 'warning')}, {s.info} info"
            suppressed = f", {s.suppressed} suppressed" if s.suppressed else ""
            out.append("")
            out.append(
                f"{_plural(s.files, 'handoff')} checked: {s.passed} passed, {s.failed} failed ({counts}{suppressed})"
            )
        return "\n".join(out) + ("\n" if out else "")

    def status_line(self, result) -> str:
        verdict = (
            self.style("PASS", fg="green", bold=True) if result.passed else self.style("FAIL", fg="red", bold=True)
        )
        if result.type_name is None:
            return f"{result.path}: type unknown, not scored {verdict}"
        return f"{result.path}: {result.type_name} {result.score}/100 {verdict} (threshold {result.threshold})"
