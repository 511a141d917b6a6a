"""SARIF 2.1.0 for GitHub code scanning (``github/codeql-action/upload-sarif``).

Follows GitHub's "SARIF support for code scanning": every rule has short and full descriptions
and help text; every result has a region and ``partialFingerprints`` (so an alert keeps its
identity when lines move); paths are repository-relative URIs against ``%SRCROOT%``,
percent-encoded, and a file outside the repository is an absolute ``file:`` URI of its own (a
``/…`` reference would not combine with a base: SARIF1004). Columns are
counted in UTF-16 code units, SARIF's default: an emoji before a finding counts twice. Scores go
in property bags: the run's lists every handoff, each result carries its handoff's score.

A failing handoff also gets one result of its own, ``HL000 handoff-fails`` on line 1, carrying
its score, the threshold and what is missing most: a handoff that fails only on its score has no
finding to show in code scanning otherwise.
"""

from __future__ import annotations

import hashlib
import json
import os
from urllib.parse import quote

from handoff_lint import PROJECT_URL, __version__
from handoff_lint.model.findings import Severity
from handoff_lint.output.advice import next_step, top_missing
from handoff_lint.output.formats.base import Reporter, repo_path, score_change
from handoff_lint.output.untrusted import json_text
from handoff_lint.rules import all_rules
from handoff_lint.rules.describe import render

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


VERDICT_RULE = {
    "id": "HL000",
    "name": "handoff-fails",
    "shortDescription": {"text": "The handoff fails: its score is under the threshold, or an error finding fails it."},
    "fullDescription": {
        "text": "One result per failing handoff, on its first line, with its score, the threshold and the "
        "elements missing most, so a handoff that fails only on its score shows in code scanning too. "
        "Run `handoff-lint score FILE` for its score table."
    },
    "helpUri": f"{PROJECT_URL}/blob/main/docs/ci.md#annotations-and-their-limit",
    "help": {
        "text": "Fix the findings of this handoff, or add what is missing most, until it meets the threshold.",
        "markdown": "Fix the findings of this handoff, or add what is missing most, until it meets the "
        "threshold. `handoff-lint score FILE` prints what was found and what is missing.",
    },
    "defaultConfiguration": {"level": "error"},
    "properties": {"tags": ["handoff", "verdict"]},
}


def verdict_message(result, verdict) -> str:
    """What the handoff's own result says: the verdict, what is missing most, and what to do next."""
    score = f"scores {result.score}/100" if result.score is not None else "is not scored"
    message = f"{result.type_name or 'This'} handoff {score} (threshold {verdict.threshold}): FAIL: "
    message += "; ".join(verdict.reasons) + "."
    missing = top_missing(result) if result.score is not None else ""
    step = next_step(result, verdict)
    return message + (f" Missing most: {missing}." if missing else "") + (f" Next: {step}." if step else "")


def artifact_location(path: str) -> dict:
    """A repository path as a relative URI against %SRCROOT%; an absolute path as a ``file:`` URI.

    The URI keeps the name's exact bytes, percent-encoded (a name with a non-UTF-8 byte too).
    """
    if os.path.isabs(path):  # outside the repository: /srv/x.md, or C:/x.md on Windows
        return {"uri": ("file://" if path.startswith("/") else "file:///") + quote(os.fsencode(path), safe="/:")}
    return {"uri": quote(os.fsencode(path), safe="/"), "uriBaseId": "%SRCROOT%"}


def _handoff_properties(result, verdict, baseline) -> dict:
    props = {"path": repo_path(result.path), "type": result.type_name, "score": result.score}
    props.update(threshold=verdict.threshold, passed=verdict.passed, status=verdict.status)
    if baseline is not None:
        props.update(baselineScore=baseline.score, scoreChange=score_change(result, baseline))
    return props


class SarifReporter(Reporter):
    def render(self, run) -> str:
        rules = all_rules()
        index = {rule.code: i for i, rule in enumerate(rules)}
        sarif_results = []
        for result, verdict in run:
            path = repo_path(result.path)
            artifact = artifact_location(path)
            if not verdict.passed:
                sarif_results.append(self._verdict_result(result, verdict, path, artifact, len(rules)))
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
                    properties={"score": result.score, "threshold": verdict.threshold, "handoffType": result.type_name},
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
                            "rules": [*map(rule_descriptor, rules), VERDICT_RULE],
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

    @staticmethod
    def _verdict_result(result, verdict, path: str, artifact: dict, rule_index: int) -> dict:
        return {
            "ruleId": VERDICT_RULE["id"],
            "ruleIndex": rule_index,
            "level": "error",
            "message": {"text": verdict_message(result, verdict)},
            "locations": [
                {"physicalLocation": {"artifactLocation": dict(artifact), "region": {"startLine": 1, "startColumn": 1}}}
            ],
            "partialFingerprints": {"handoffLint/v1": f"{fingerprint(VERDICT_RULE['id'], path, '')}:1"},
            "properties": {
                "score": result.score,
                "threshold": verdict.threshold,
                "handoffType": result.type_name,
                "reasons": list(verdict.reasons),
            },
        }
