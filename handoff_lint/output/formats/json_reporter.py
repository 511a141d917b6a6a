"""Machine output: a documented, versioned JSON shape (see docs/cli.md, "JSON output")."""

from __future__ import annotations

import json

from handoff_lint import __version__
from handoff_lint.output.advice import next_step
from handoff_lint.output.formats.base import Reporter, summarize
from handoff_lint.output.untrusted import json_text
from handoff_lint.rules import get_rule

JSON_VERSION = 1


def result_to_dict(result, verdict, baseline=None) -> dict:
    data = {
        "path": result.path,
        "type": result.type_name,
        "type_source": result.type_source or None,
        "score": result.score,
        "threshold": verdict.threshold,
        "passed": verdict.passed,
        "status": verdict.status,  # pass, fail, draft, or baseline (passes only because the baseline holds it)
        "fail_reasons": list(verdict.reasons),
        "waived_reasons": list(verdict.waived),  # what would fail a draft or baselined handoff
        "next_step": next_step(result, verdict) or None,
        "categories": {
            key: {
                "label": c.label,
                "weight": c.weight,
                "status": c.status,
                "points": c.points,
                "found": list(c.found),
                "missing": list(c.missing),
            }
            for key, c in result.categories.items()
        },
        "sections": dict(result.sections),
        "findings": [
            {
                "code": f.code,
                "name": rule.name if (rule := get_rule(f.code)) else None,
                "severity": f.severity.value,
                "line": f.line,
                "column": f.column,
                "message": f.message,
                "hint": f.hint or None,
                "section": f.section,
            }
            for f in result.findings
        ],
        "suppressed": result.suppressed,
    }
    if baseline is not None:  # only with --baseline, so the shape is unchanged without it
        old = baseline.score
        data["baseline"] = {
            "ref": baseline.ref,
            "path": baseline.path,  # differs from "path" after a rename; null when new
            "new": baseline.new,
            "score": old,
            "change": result.score - old if result.score is not None and old is not None else None,
        }
    return data


class JsonReporter(Reporter):
    def render(self, run) -> str:
        return "".join(self.chunks(run))

    def chunks(self, run):
        """The same text as ``json.dumps(payload, indent=2)``, produced one file at a time so a
        run over thousands of handoffs never holds every file's dictionary, or the whole report."""
        s = summarize(run)
        payload = {
            "version": JSON_VERSION,
            "tool": {"name": "handoff-lint", "version": __version__},
            "files": _FILES,
            "summary": {
                "files": s.files,
                "passed": s.passed,
                "failed": s.failed,
                "errors": s.errors,
                "warnings": s.warnings,
                "info": s.info,
                "suppressed": s.suppressed,
                "drafts": s.drafts,
                "baselined": s.baselined,
            },
        }
        head, tail = json.dumps(payload, indent=2, ensure_ascii=False).split(f'"{_FILES}"')
        yield head
        if not len(run):
            yield "[]"
        else:
            yield "[\n"
            for index, (result, verdict) in enumerate(run):
                entry = result_to_dict(result, verdict, run.baseline(result))
                yield ("" if index == 0 else ",\n") + _dump(entry, "    ")
            yield "\n  ]"
        yield tail + "\n"


_FILES = "@@handoff-lint:files@@"  # stands in for the list until each file is dumped on its own


def _dump(value, indent: str) -> str:
    """A file name's bytes that are not UTF-8 become \\udcXX escapes (json_text): valid UTF-8, same value."""
    return indent + json_text(json.dumps(value, indent=2, ensure_ascii=False)).replace("\n", "\n" + indent)
