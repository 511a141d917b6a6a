"""GitHub Actions workflow commands: annotations on the lines of the pull request, a log group per handoff.

GitHub shows at most 10 error and 10 warning annotations a step; annotations.py chooses them.
Every finding is also printed as a plain log line inside the handoff's ``::group::``, whose
title is the handoff's status line, so the collapsed log reads like the text format.
Escaping (output/untrusted.py) follows actions/toolkit (``command.ts``): a message escapes ``%``, CR and LF;
a property value also ``:`` and ``,``. Log lines show line breaks and other controls as escapes,
and an invisible U+200B breaks ``##[`` and a leading ``::``, so text from a pull request can never
start a workflow command of its own.
"""

from __future__ import annotations

from handoff_lint.model.findings import Severity
from handoff_lint.output.formats.annotations import MAX_PER_LEVEL, Annotation, plan_annotations
from handoff_lint.output.formats.base import Reporter, repo_path
from handoff_lint.output.formats.score_table import render_score_table
from handoff_lint.output.formats.text import TextReporter
from handoff_lint.output.untrusted import command_data, command_property, escape_data, escape_property, plain


def command(annotation: Annotation) -> str:
    props = {"file": repo_path(annotation.path), "line": str(annotation.line)}
    if annotation.column:
        props["col"] = str(annotation.column)
    props["title"] = annotation.title
    rendered = ",".join(f"{key}={command_property(value)}" for key, value in props.items())
    return f"::{annotation.level} {rendered}::{command_data(annotation.message)}"


class GithubReporter(Reporter):
    def render(self, run) -> str:
        plan = plan_annotations(run)
        out = [command(a) for a in plan.annotations]
        text = TextReporter(quiet=self.quiet)
        for result, verdict in run:
            if self.quiet and verdict.passed:
                continue
            status = text.status_line(result, verdict, run.baseline(result))
            shown = [f for f in result.findings if not (self.quiet and f.severity is Severity.INFO)]
            body = [f"{plain(result.path)}:{f.line}:{f.column}: {f.code} {plain(f.text)}" for f in shown]
            if self.show_score and result.score is not None:
                body += ["", *map(plain, render_score_table(result, verdict).splitlines())]
            if not body:
                out.append(plain(status))
                continue
            out += ["::group::" + command_data(status), *body, "::endgroup::"]
        if not self.quiet:
            out.append(text.summary_line(run))
        if plan.not_annotated:
            out.append(
                f"{plan.not_annotated} more findings not annotated (GitHub shows at most {MAX_PER_LEVEL} errors "
                f"and {MAX_PER_LEVEL} warnings per step); every finding is in the groups above."
            )
        return "\n".join(out) + "\n"


__all__ = ["GithubReporter", "command", "escape_data", "escape_property"]
