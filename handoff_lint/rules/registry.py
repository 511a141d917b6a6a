"""The rule registry: every check is a small declared unit.

A rule is a function decorated with its metadata (code, name, category, default severity,
docs). It reads a Context and yields Findings; severity overrides, select/ignore and inline
suppressions are applied outside the rule (as yamllint and markdownlint do), so rules stay pure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from ..completeness import Assessment
from ..document import Document
from ..findings import Finding, Severity
from ..handoff_types import HandoffType
from ..sections import Outline


@dataclass
class Context:
    """Everything a rule may read about one file."""

    doc: Document
    handoff_type: HandoffType | None = None
    outline: Outline | None = None
    assessments: dict[str, Assessment] = field(default_factory=dict)
    type_problem: str | None = None  # why no type could be resolved
    options: dict = field(default_factory=dict)  # per-rule options, by rule code


CheckFunction = Callable[[Context], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str  # "file", "structure", "frontmatter", "fields", "content"
    severity: Severity
    summary: str
    rationale: str
    bad: str = ""
    good: str = ""
    affects_score: bool = False  # a finding downgrades its section from Complete to Partial
    needs_type: bool = True  # only runs when the handoff type is known
    check: CheckFunction = field(default=lambda ctx: (), repr=False, compare=False)

    def run(self, ctx: Context) -> Iterator[Finding]:
        for finding in self.check(ctx):
            finding.code = self.code
            finding.severity = self.severity
            yield finding


_RULES: dict[str, Rule] = {}


def rule(
    code: str,
    name: str,
    *,
    category: str,
    severity: Severity | str,
    summary: str,
    rationale: str,
    bad: str = "",
    good: str = "",
    affects_score: bool = False,
    needs_type: bool = True,
) -> Callable[[CheckFunction], CheckFunction]:
    """Declare and register a rule."""

    def register(check: CheckFunction) -> CheckFunction:
        if code in _RULES:
            raise ValueError(f"rule code {code} declared twice")
        _RULES[code] = Rule(
            code=code,
            name=name,
            category=category,
            severity=Severity(severity),
            summary=summary,
            rationale=" ".join(rationale.split()),
            bad=bad.strip("\n"),
            good=good.strip("\n"),
            affects_score=affects_score,
            needs_type=needs_type,
            check=check,
        )
        return check

    return register


def all_rules() -> list[Rule]:
    return [_RULES[code] for code in sorted(_RULES)]


def get_rule(code_or_name: str) -> Rule | None:
    key = code_or_name.strip()
    if key.upper() in _RULES:
        return _RULES[key.upper()]
    return next((r for r in _RULES.values() if r.name == key.lower()), None)
