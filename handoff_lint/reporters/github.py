"""GitHub Actions workflow commands: annotations on the lines of the pull request, a log group per handoff.

GitHub shows at most 10 error and 10 warning annotations a step; annotations.py chooses them.
Every finding is also printed as a plain log line inside the handoff's ``::group::``, whose
title is the handoff's status line, so the collapsed log reads like the text format.
Escaping follows actions/toolkit (``command.ts``): a message escapes ``%``, CR and LF; a
property value also ``:`` and ``,``. Log lines have their line breaks flattened, so text
quoted from a handoff can never start a workflow command of its own. The runner also obeys a
line that starts with ``::`` after spaces, and the older ``##[command]`` form anywhere in a
line: ``neutral`` breaks both with an invisible U+200B in every message, title, path and line.
"""

from __future__ import annotations

from ..findings import Severity
from .annotations import MAX_PER_LEVEL, Annotation, plan_annotations
from .base import Reporter, repo_path
from .score_table import render_score_table
from .text import TextReporter

ZWSP = "\u200b"  # not whitespace to the runner (.NET TrimStart keeps it), invisible to a reader


def neutral(text: str) -> str:
    """Text the runner can never read as a workflow command: no ``##[``, no leading ``::``."""
    text = text.replace("##[", "##" + ZWSP + "[")
    return ZWSP + text if text.lstrip().startswith("::") else text


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(annotation: Annotation) -> str:
    props = {"file": repo_path(annotation.path), "line": str(annotation.line)}
    if annotation.column:
        props["col"] = str(annotation.column)
    props["title"] = annotation.title
    rendered = ",".join(f"{key}={escape_property(neutral(value))}" for key, value in props.items())
    return f"::{annotation.level} {rendered}::{escape_data(neutral(annotation.message))}"


def _plain(text: str) -> str:
    return neutral(text.replace("\r", " ").replace("\n", " "))


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
            body = [_plain(f"{result.path}:{f.line}:{f.column}: {f.code} {f.text}") for f in shown]
            if self.show_score and result.score is not None:
                body += ["", *map(_plain, render_score_table(result, verdict).splitlines())]
            if not body:
                out.append(_plain(status))
                continue
            out += ["::group::" + escape_data(neutral(status)), *body, "::endgroup::"]
        if not self.quiet:
            out.append(_plain(text.summary_line(run)))
        if plan.not_annotated:
            out.append(
                f"{plan.not_annotated} more findings not annotated (GitHub shows at most {MAX_PER_LEVEL} errors "
                f"and {MAX_PER_LEVEL} warnings per step); every finding is in the groups above."
            )
        return "\n".join(out) + "\n"
