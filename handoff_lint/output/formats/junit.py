"""JUnit XML: one testcase per handoff, so CI test dashboards show handoffs like tests.

A handoff that fails is a ``<failure>`` whose message gives the score and whose body lists the
findings; its score, threshold and (with --baseline) the score at the base are testcase
properties. Untrusted text goes through ``untrusted.plain``: control characters quoted from a file
(which XML 1.0 forbids) and the bytes of a file name that are not UTF-8 are shown as escapes
(``\x01``, ``\xff``), so the XML is always well-formed UTF-8.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from handoff_lint.output.formats.base import Reporter, repo_path, summarize
from handoff_lint.output.untrusted import plain


def _failure_message(result, verdict) -> str:
    score = f"score {result.score}/100" if result.score is not None else "not scored"
    return f"{score} (threshold {verdict.threshold}): FAIL: {'; '.join(verdict.reasons)}"


class JunitReporter(Reporter):
    def render(self, run) -> str:
        s = summarize(run)
        counts = {"tests": str(s.files), "failures": str(s.failed), "errors": "0", "skipped": "0", "time": "0"}
        suites = ET.Element("testsuites", name="handoff-lint", **counts)
        suite = ET.SubElement(suites, "testsuite", name="handoff-lint", **counts)
        for result, verdict in run:
            path = plain(repo_path(result.path))
            classname = plain(result.type_name or "unknown-type")
            case = ET.SubElement(suite, "testcase", classname=classname, name=path, time="0")
            case.set("file", path)
            props = ET.SubElement(case, "properties")
            values = {"score": result.score, "threshold": verdict.threshold}
            baseline = run.baseline(result)
            if baseline is not None:
                values["baseline_score"] = baseline.score
            for name, value in values.items():
                ET.SubElement(props, "property", name=name, value="" if value is None else str(value))
            lines = [
                f"{path}:{f.line}:{f.column}: {f.code} {f.severity.value}: {plain(f.text)}" for f in result.findings
            ]
            if not verdict.passed:
                message = plain(_failure_message(result, verdict))
                failure = ET.SubElement(case, "failure", message=message, type="handoff-lint")
                failure.text = "\n".join(lines)
            elif lines:
                ET.SubElement(case, "system-out").text = "\n".join(lines)
        ET.indent(suites)
        return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
