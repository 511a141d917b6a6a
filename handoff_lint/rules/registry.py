"""The rule registry: every check is a small declared unit.

A rule is a check function declared, just below it, with its metadata (code, name, category,
default severity, docs). It reads a Context and yields Findings; severity overrides, select/ignore and inline
suppressions are applied outside the rule (as yamllint and markdownlint do), so rules stay pure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from handoff_lint import PROJECT_URL
from handoff_lint.handoff_types.definitions import HandoffType
from handoff_lint.handoff_types.sections import Outline
from handoff_lint.model.document import Document, Frontmatter
from handoff_lint.model.findings import Finding, Severity
from handoff_lint.reading.completeness import Assessment


@dataclass(frozen=True)
class Context:
    """Everything a rule may read about one file; a rule reads it and never changes it."""

    doc: Document
    handoff_type: HandoffType | None = None
    outline: Outline | None = None
    assessments: dict[str, Assessment] = field(default_factory=dict)
    type_problem: str | None = None  # why no type could be resolved
    options: dict = field(default_factory=dict)  # configured rule options, by rule code
    rule_options: dict = field(default_factory=dict)  # the running rule's options, resolved for this type
    directives: list = field(default_factory=list)  # inline suppressions (HL900 reads which were used)
    enabled: frozenset[str] = frozenset()  # the codes the config runs (HL110 leaves a gap to a reported slot)
    structure: str = "content"  # "template": sections and frontmatter are required as in the template
    type_source: str = ""  # how the type was decided: option, frontmatter, config, title, content
    evidence: object = None  # evidence.Evidence: every statement with its line and topic
    judgements: dict = field(default_factory=dict)  # category key -> judges.CategoryJudgement
    _memo: dict = field(default_factory=dict, repr=False, compare=False)  # built once a file, shared by copies

    def section_key(self, section) -> str | None:
        """The type's section key that a document section (or its nearest matched parent) fills."""
        if self.outline is None or section is None:
            return None
        while section is not None and id(section) not in self.outline.spec_of:
            section = section.parent
        return self.outline.spec_of[id(section)].key if section is not None else None

    def text_pieces(self) -> list[tuple[str, int, int, str | None]]:
        """(text, line, column, section key) for every line of every paragraph, item and quote, and every
        table cell.

        Built once per file: several rules scan every piece of text.
        """
        if "pieces" not in self._memo:
            doc = self.doc
            pieces = self._memo["pieces"] = []
            for section in ([doc.preamble] if doc.preamble else []) + doc.sections:
                key = self.section_key(section)
                for block in section.blocks:
                    if block.kind == "row":
                        pieces += [(cell.text, cell.line, cell.column, key) for cell in block.cells]
                    elif "\n" not in block.text:
                        pieces.append((block.text, block.line, block.column, key))
                    else:  # a wrapped paragraph or item: every line, each at its own place
                        pieces += self._lines_of(block, key)
        return self._memo["pieces"]

    def _lines_of(self, block, key) -> list[tuple[str, int, int, str | None]]:
        pieces = []
        for offset, text in enumerate(block.text.split("\n")):
            line = block.line + offset
            if offset == 0:
                pieces.append((text, line, block.column, key))
                continue
            source = self.doc.lines[line - 1] if line <= len(self.doc.lines) else ""
            found = source.find(text) if text else -1
            column = found + 1 if found >= 0 else len(source) - len(source.lstrip()) + 1
            pieces.append((text, line, column, key))
        return pieces

    def sections_of_kind(self, kind: str):
        """(spec, assessment) for each present section of a kind, e.g. "action-items"."""
        if self.handoff_type is None:
            return []
        return [
            (spec, self.assessments[spec.key])
            for spec in self.handoff_type.sections_of_kind(kind)
            if self.assessments.get(spec.key) and self.assessments[spec.key].section is not None
        ]


def on_heading(spec, assessment: Assessment, message: str, hint: str = "") -> Finding:
    """A finding about a whole section (it lacks something), on its heading's line."""
    return Finding("", message, assessment.section.line, 1, section=spec.key, hint=hint)


def at_frontmatter(frontmatter: Frontmatter, path: Sequence[str | int], message: str) -> Finding:
    """A finding about a frontmatter value, where it is written (its nearest written parent if absent)."""
    return Finding("", message, *frontmatter.where(*path))


CheckFunction = Callable[[Context], Iterable[Finding]]

# Where the rules are documented: docs/rules.md in the project's repository, one anchor per code.
# Absolute, because SARIF consumers (and the SARIF Multitool's SARIF1002) require an absolute helpUri.
DOCS_BASE_URL = f"{PROJECT_URL}/blob/main/"
RULES_PAGE = "docs/rules.md"


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str  # "file", "structure", "frontmatter", "fields", "content"
    severity: Severity
    summary: str
    rationale: str
    bad: str = ""  # a Markdown snippet the rule reports (docs, `explain`; linted by tests/rules/)
    good: str = ""  # the same snippet fixed: the rule stays quiet
    # Where the examples stand when tests lint them: under this heading of a small sales-to-cs
    # handoff, or as they are when they are a whole document (they start with "---" or "# ").
    example_section: str = ""
    example_options: dict = field(default_factory=dict)  # the rule's options while its examples are linted
    # False when the problem is a property of the file that Markdown text cannot show (its size,
    # its encoding, a symlink): the examples then describe the file, and fixtures test the rule.
    example_lintable: bool = True
    affects_score: bool = False  # a finding downgrades its section from Complete to Partial
    # Its findings mean the information is not there (empty, a placeholder): whatever severity a team gives
    # the rule, the finding's category cannot be Complete (scoring/score.py, flagged_categories).
    means_empty: bool = False
    needs_type: bool = True  # only runs when the handoff type is known
    template_only: bool = False  # only with structure = "template" (exact template conformance)
    options: dict = field(default_factory=dict)  # option name -> default value
    option_types: dict = field(default_factory=dict)  # option name -> JSON Schema (config.schema.json)
    after_suppressions: bool = False  # runs on the suppressions themselves (unused-suppression)
    check: CheckFunction = field(default=lambda ctx: (), repr=False, compare=False)

    @property
    def help_uri(self) -> str:
        """The rule's entry in the rules reference: ``…/blob/main/docs/rules.md#hl400``."""
        return f"{DOCS_BASE_URL}{RULES_PAGE}#{self.code.lower()}"

    def resolve_options(self, configured: dict, type_name: str | None) -> dict:
        """Defaults, then the config's options, then the config's options for this handoff type."""
        resolved = dict(self.options)
        if configured:  # most rules in most configs: nothing configured
            resolved.update({k: v for k, v in configured.items() if not isinstance(v, dict)})
            if type_name and isinstance(configured.get(type_name), dict):
                resolved.update(configured[type_name])
        return resolved

    def run(self, ctx: Context, severity: Severity | None = None) -> Iterator[Finding]:
        """The check's findings, each made complete once: this rule's code and ``severity`` (the config's for
        this rule; default the rule's own)."""
        if self.options:  # a rule with options reads its own in a copy (8 us; most rules have none)
            type_name = ctx.handoff_type.name if ctx.handoff_type else None
            ctx = replace(ctx, rule_options=self.resolve_options(ctx.options.get(self.code, {}), type_name))
        code, name, severity = self.code, self.name, severity or self.severity
        for found in self.check(ctx):
            yield Finding(code, found.message, found.line, found.column, severity, found.section, found.hint, name)


_RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    *,
    category: str,
    severity: Severity | str,
    summary: str,
    rationale: str,
    bad: str,
    good: str,
    example_section: str = "",
    example_options: dict | None = None,
    example_lintable: bool = True,
    affects_score: bool = False,
    means_empty: bool = False,
    needs_type: bool = True,
    template_only: bool = False,
    options: dict | None = None,
    option_types: dict | None = None,
    after_suppressions: bool = False,
    check: CheckFunction,
) -> Rule:
    """Declare and register a rule, below its check function. Every option has a default and a type
    (a JSON Schema), so config loading can reject a bad value before a rule meets it; every rule shows
    a bad and a good example (tests lint both).

    A call, not a decorator: mutmut does not mutate decorated functions, and the check bodies are
    what the mutation run (benchmarks/MUTATION.md) must reach."""
    if code in _RULES:
        raise ValueError(f"rule code {code} declared twice")
    if set(options or {}) != set(option_types or {}):
        raise ValueError(f"rule {code}: declare the type of every option, and only of options")
    if not bad.strip() or not good.strip():
        raise ValueError(f"rule {code}: give a bad and a good example")
    _RULES[code] = Rule(
        code=code,
        name=name,
        category=category,
        severity=Severity(severity),
        summary=summary,
        rationale=" ".join(rationale.split()),
        bad=bad.strip("\n"),
        good=good.strip("\n"),
        example_section=example_section,
        example_options=dict(example_options or {}),
        example_lintable=example_lintable,
        affects_score=affects_score,
        means_empty=means_empty,
        needs_type=needs_type,
        template_only=template_only,
        options=dict(options or {}),
        option_types=dict(option_types or {}),
        after_suppressions=after_suppressions,
        check=check,
    )
    return _RULES[code]


def all_rules() -> list[Rule]:
    return [_RULES[code] for code in sorted(_RULES)]


def get_rule(code_or_name: str) -> Rule | None:
    key = code_or_name.strip()
    if key.upper() in _RULES:
        return _RULES[key.upper()]
    return next((r for r in _RULES.values() if r.name == key.lower()), None)
