"""SARIF 2.1.0 for GitHub code scanning (``github/codeql-action/upload-sarif``).

Follows GitHub's "SARIF support for code scanning": every rule has short and full descriptions
and help text; every result has a region and ``partialFingerprints`` (so an alert keeps its
identity when lines move); paths are repository-relative URIs against ``%SRCROOT%``,
percent-encoded, and a file outside the repository is an absolute ``file:`` URI of its own (a
``/…`` reference would not combine with a base: SARIF1004). Columns are
counted in UTF-16 code units, SARIF's default: an emoji before a finding counts twice. Scores go
in property bags: the run's lists every handoff, each result carries its handoff's score.
"""

from __future__ import annotations

import hashlib
import json
import os
from urllib.parse import quote

from .. import PROJECT_URL, __version__
from ..findings import Severity
from ..rules import all_rules
from ..rules.describe import render
from ..untrusted import json_text
from .base import Reporter, repo_path, score_change

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
MAX_DESCRIPTION = 1024  # GitHub truncates longer rule descriptions


def utf16_column(line: str, column: int) -> int:
    """A 1-based code-point column as a 1-based UTF-16 column."""
    before = line[: column - 1]
    return len(before.encode("utf-16-le")) // 2 + max(0, column - 1 - len(before)) + 1


def fingerprint(code: str, path: str, line_text: str) -> str:
    return hashlib.sha256(f"{code}:{path}:{line_text.strip()}".encode("utf-8", "surrogateescape")).hexdigest()[:16]


def _cap(text: str) -> str:
    return text if len(text) <= MAX_DESCRIPTION else text[: MAX_DESCRIPTION - 1] + "…"


def rule_descriptor(rule) -> dict:
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _cap(rule.summary)},
        "fullDescription": {"text": _cap(rule.rationale or rule.summary)},
        "helpUri": rule.help_uri,
        "help": {"text": render(rule), "markdown": render(rule, markdown=True)},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": ["handoff", rule.category]},
    }


def artifact_location(path: str) -> dict:
    """A repository path as a relative URI against %SRCROOT%; an absolute path as a ``file:`` URI.

    The URI keeps the name's exact bytes, percent-encoded (a name with a non-UTF-8 byte too).
    """
    if os.path.isabs(path):  # outside the repository: /srv/x.md, or C:/x.md on Windows
        return {"uri": ("file://" if path.startswith("/") else "file:///") + quote(os.fsencode(path), safe="/:")}
    return {"uri": quote(os.fsencode(path), safe="/"), "uriBaseId": "%SRCROOT%"}


def _handoff_properties(result, verdict, baseline) -> dict:
    props = {"path": repo_path(result.path), "type": result.type_name, "score": result.score}
    props.update(threshold=result.threshold, passed=verdict.passed)
    if baseline is not None:
        props.update(baselineScore=baseline.score, scoreChange=score_change(result, baseline))
    return props


class SarifReporter(Reporter):
    def render(self, run) -> str:
        rules = all_rules()
        index = {rule.code: i for i, rule in enumerate(rules)}
        sarif_results = []
        for result in run.files:
            path = repo_path(result.path)
            artifact = artifact_location(path)
            seen: dict[str, int] = {}
            for f in result.findings:
                line = max(1, f.line)
                text = result.lines.get(line, "")
                digest = fingerprint(f.code, path, text)
                seen[digest] = seen.get(digest, 0) + 1  # same rule, same line text: number the occurrences
                entry = {"ruleId": f.code}
                if f.code in index:
                    entry["ruleIndex"] = index[f.code]
                entry.update(
                    level=LEVEL[f.severity],
                    message={"text": f.message},  # the fix hint is in properties
                    locations=[
                        {
                            "physicalLocation": {
                                "artifactLocation": dict(artifact),
                                "region": {"startLine": line, "startColumn": utf16_column(text, max(1, f.column))},
                            }
                        }
                    ],
                    partialFingerprints={"handoffLint/v1": f"{digest}:{seen[digest]}"},
                    properties={"score": result.score, "threshold": result.threshold, "handoffType": result.type_name},
                )
                if f.hint:
                    entry["properties"]["hint"] = f.hint
                sarif_results.append(entry)
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "handoff-lint",
                            "informationUri": PROJECT_URL,
                            "semanticVersion": __version__,
                            "rules": [rule_descriptor(rule) for rule in rules],
                        }
                    },
                    "columnKind": "utf16CodeUnits",
                    "results": sarif_results,
                    "properties": {"handoffs": [_handoff_properties(r, v, run.baseline(r)) for r, v in run]},
                }
            ],
        }
        text = json.dumps(log, indent=2, ensure_ascii=False) + "\n"
        # A file name with a byte that is not UTF-8 arrives as a lone surrogate: the URI above
        # keeps its exact bytes; the readable texts show U+FFFD, so the log is valid UTF-8. json_text
        # escapes what would reach a terminal or a CI log raw (C1 controls, bidi controls, "##[").
        return json_text(text.encode("utf-8", "surrogateescape").decode("utf-8", "replace"))
