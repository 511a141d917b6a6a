"""The pipeline for one file: parse → resolve type → validate and run rules → score.

Discovery happens before (files/discover.py) and reporting after (output/formats/); the CLI strings them
together. Nothing here prints or exits.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from handoff_lint.config.settings import Config
from handoff_lint.files.boundary import Boundary
from handoff_lint.handoff_types.definitions import HandoffType
from handoff_lint.handoff_types.resolve import Resolution, resolve_type
from handoff_lint.handoff_types.sections import Outline, match_sections
from handoff_lint.model.document import Document, Frontmatter
from handoff_lint.model.findings import Finding, Problem
from handoff_lint.model.results import FileResult, finding_lines
from handoff_lint.parse.parser import read_document
from handoff_lint.parse.suppressions import apply_suppressions, parse_directives
from handoff_lint.reading.completeness import assess
from handoff_lint.reading.evidence import gather
from handoff_lint.reading.judges import judge
from handoff_lint.rules import Context, all_rules
from handoff_lint.scoring.score import flagged_categories, score, section_statuses

MAX_FINDINGS_PER_RULE = 100


@dataclass
class Reading:
    """A document as read before any rule runs: its type (and how it was found), outline, section
    assessments, evidence and the judges' verdicts per category."""

    doc: Document
    resolution: Resolution | None = None
    outline: Outline | None = None
    assessments: dict = field(default_factory=dict)
    evidence: object = None
    judgements: dict = field(default_factory=dict)

    @property
    def handoff_type(self) -> HandoffType | None:
        return self.resolution.handoff_type if self.resolution else None

    @property
    def type_source(self) -> str:
        return self.resolution.source if self.resolution else ""


class Linter:
    def __init__(self, config: Config, types: dict[str, HandoffType], forced_type: str | None = None):
        self.config = config
        self.types = types
        self.forced_type = forced_type
        self.rules = [r for r in all_rules() if config.rule_enabled(r.code)]
        self.score_codes = {r.code for r in self.rules if r.affects_score}
        self.empty_codes = frozenset(r.code for r in self.rules if r.means_empty)
        self.enabled = frozenset(r.code for r in self.rules)
        self.boundary = Boundary(config.root)

    def read(self, doc: Document) -> Reading:
        """What is read of a document before any rule runs (its type, outline, assessments and the judges'
        verdicts): ``lint`` and ``handoff-lint fix`` read a document this one way."""
        if not doc.readable:
            return Reading(doc)
        evidence = None

        def read_evidence():
            nonlocal evidence
            if evidence is None:
                evidence = gather(doc)
            return evidence

        config = self.config
        reading = Reading(
            doc, resolve_type(doc, self.types, self.forced_type, config.types, config.root, read_evidence)
        )
        handoff_type = reading.handoff_type
        if handoff_type is not None:
            reading.outline = match_sections(doc, handoff_type)
            reading.assessments = assess(handoff_type, reading.outline)
            if handoff_type.elements:
                reading.evidence = read_evidence()
                reading.judgements = judge(handoff_type, reading.evidence)
        return reading

    def lint(self, path: str, data: bytes | None = None) -> FileResult:
        refusal = self.boundary.refusal(path)
        if refusal:
            doc = Document(path=path, lines=[], frontmatter=Frontmatter(), problems=[Problem("HL004", refusal)])
        else:
            doc = read_document(path, data, self.config.max_file_bytes)
        reading = self.read(doc)
        resolution = reading.resolution
        handoff_type = reading.handoff_type
        ctx = Context(
            doc=doc,
            handoff_type=handoff_type,
            outline=reading.outline,
            assessments=reading.assessments,
            type_problem=resolution.problem if resolution else None,
            options=self.config.rule_options,
            directives=parse_directives(doc.lines, doc.code_lines, doc.problems),  # before HL005 runs
            enabled=self.enabled,
            structure=self.config.structure,
            type_source=reading.type_source,
            evidence=reading.evidence,
            judgements=reading.judgements,
        )
        findings = self._run(ctx, [r for r in self.rules if not r.after_suppressions])
        findings, suppressed = apply_suppressions(findings, ctx.directives)
        findings += self._run(ctx, [r for r in self.rules if r.after_suppressions])
        findings.sort(key=Finding.sort_key)
        total, categories, sections = None, {}, {}
        if handoff_type is not None:
            sections = section_statuses(ctx.assessments, findings, self.score_codes)
            flagged = flagged_categories(handoff_type, findings, self.empty_codes)
            total, categories = score(ctx.assessments, sections, ctx.judgements, flagged)
        return FileResult(
            path=path,
            type_name=handoff_type.name if handoff_type else None,
            type_source=resolution.source if resolution else "",
            score=total,
            findings=tuple(findings),
            categories=categories,
            sections=sections,
            suppressed=suppressed,
            lines=finding_lines(doc.lines, findings),
            draft=self._is_draft(doc),
        )

    def _is_draft(self, doc: Document) -> bool:
        """``status: draft`` (the config's key and values) in the frontmatter, in any case."""
        value = (doc.frontmatter.data or {}).get(self.config.draft_key)
        return isinstance(value, str) and value.strip().lower() in self.config.draft_values

    def _run(self, ctx: Context, rules) -> list[Finding]:
        findings = []
        for rule in rules:
            if rule.needs_type and ctx.handoff_type is None:
                continue
            if rule.template_only and ctx.structure != "template":
                continue
            for count, finding in enumerate(rule.run(ctx, self.config.severity.get(rule.code))):
                if count == MAX_FINDINGS_PER_RULE:  # a pathological file must not flood the report
                    message = f"more {rule.code} findings in this file; only the first {count} are listed"
                    findings.append(replace(finding, message=message))
                    break
                findings.append(finding)
        return findings


__all__ = ["FileResult", "Linter", "finding_lines"]
