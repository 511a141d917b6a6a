"""``--statistics``: how often each rule fired over the run, most frequent first (ruff's
``--statistics``): where a team starting on old handoffs sees what to fix, or ignore, first."""

from __future__ import annotations

import json
from collections import Counter

from handoff_lint.scoring.verdict import finding_rule


def statistics(run) -> list[dict]:
    """One entry per rule code that fired: code, name, severity, findings and handoffs it fired in."""
    findings: Counter = Counter()
    files: Counter = Counter()
    severity: dict[str, str] = {}
    names: dict[str, str] = {}
    for result in run.files:
        for finding in result.findings:
            findings[finding.code] += 1
            severity.setdefault(finding.code, finding.severity.value)
            names.setdefault(finding.code, finding_rule(finding))
        files.update({finding.code for finding in result.findings})
    ordered = sorted(findings, key=lambda code: (-findings[code], code))
    return [
        {
            "code": code,
            "name": names[code],
            "severity": severity[code],
            "count": findings[code],
            "files": files[code],
        }
        for code in ordered
    ]


def render_statistics(run, as_json: bool = False) -> str:
    rows = statistics(run)
    if as_json:
        return json.dumps(rows, indent=2) + "\n"
    if not rows:
        return ""
    count_width = max(len(str(row["count"])) for row in rows)
    name_width = max(len(row["name"]) for row in rows)
    return "".join(
        f"{row['count']:>{count_width}}  {row['code']}  {row['name']:<{name_width}}  {row['severity']:<7}  "
        f"in {row['files']} handoff{'' if row['files'] == 1 else 's'}\n"
        for row in rows
    )
