"""Risks must be actionable: exactly one severity and a real mitigation per risk."""

from __future__ import annotations

import re

from handoff_lint.model.findings import Finding
from handoff_lint.reading.language.placeholders import is_blank_or_placeholder
from handoff_lint.reading.language.risks import is_explicit_none, is_weak_mitigation, states_no_risks
from handoff_lint.rules.examples import RISK_TABLE
from handoff_lint.rules.registry import Context, rule
from handoff_lint.text import normalize_label, truncate

_SEVERITY_WORDS = {
    "critical": "high",
    "high": "high",
    "severe": "high",
    "red": "high",
    "🔴": "high",
    "🟠": "high",
    "medium": "medium",
    "med": "medium",
    "moderate": "medium",
    "amber": "medium",
    "yellow": "medium",
    "🟡": "medium",
    "low": "low",
    "minor": "low",
    "green": "low",
    "🟢": "low",
}
_SEVERITY_TOKEN = re.compile(
    r"🔴|🟠|🟡|🟢|\b(?:critical|high|severe|medium|med|moderate|low|minor|red|amber|yellow|green)\b", re.I
)


def severities(text: str) -> list[str]:
    """Distinct normalised severity levels written in a cell: [] none, one, or several."""
    levels = []
    for token in _SEVERITY_TOKEN.findall(text):
        level = _SEVERITY_WORDS[token.lower()]
        if level not in levels:
            levels.append(level)
    return levels


def _column(assessment, name: str) -> int | None:
    """Index of the spec column called ``name`` (or one of its aliases) in the section's table."""
    table = assessment.table or next(iter(assessment.section.tables), None)
    if table is None:
        return None
    spec = next((c for c in assessment.spec.columns if normalize_label(c.name) == normalize_label(name)), None)
    names = set(spec.names) if spec else {normalize_label(name)}
    return table.column_index(names)


def risk_rows(ctx: Context):
    """(spec, assessment, row block) for each real risk row of every risks table."""
    for spec, assessment in ctx.sections_of_kind("risks"):
        for block in assessment.blocks:
            if block.kind != "row" or all(is_blank_or_placeholder(c.text) for c in block.cells):
                continue
            if any([is_explicit_none(c.text) for c in block.cells]):
                continue
            yield spec, assessment, block


def risk_severity(ctx: Context):
    for spec, assessment, block in risk_rows(ctx):
        index = _column(assessment, "Severity")
        if index is None:
            levels = severities(block.text)
            cell_text, column = block.text, block.column
        else:
            cell = block.cells[index] if index < len(block.cells) else None
            if cell is None or is_blank_or_placeholder(cell.text):
                continue  # an empty or template severity cell is reported by HL302
            levels, cell_text, column = severities(cell.text), cell.text, cell.column
        if len(levels) != 1:
            what = "no severity" if not levels else f"{len(levels)} severities ({', '.join(levels)})"
            yield Finding(
                "",
                f"risk has {what}: {truncate(cell_text, 30)!r}",
                block.line,
                column,
                section=spec.key,
                hint="give exactly one (🔴 High, 🟡 Medium or 🟢 Low)",
            )


rule(
    "HL420",
    "risk-severity",
    category="quality",
    severity="warning",
    affects_score=True,
    summary="A risk does not have exactly one severity.",
    rationale="""A risk needs one severity so the receiving team knows what to look at first: 🔴/🟡/🟢 or
    High/Medium/Low (Critical, Med, Amber… are read as the same three levels). None, or several at
    once (the template's `🔴🟡🟢`), is not a triage.""",
    bad="""
| Risk | Severity | Mitigation |
|------|----------|------------|
| Champion may leave | Medium-high | Build a second sponsor — @omar, by 2027-01-15 |""",
    good=RISK_TABLE,
    example_section="Risk Flags",
    check=risk_severity,
)


def risk_without_mitigation(ctx: Context):
    for spec, assessment, block in risk_rows(ctx):
        index = _column(assessment, "Mitigation")
        if index is None or index >= len(block.cells):
            continue
        cell = block.cells[index]
        if is_blank_or_placeholder(cell.text):
            continue  # reported by HL302
        if is_weak_mitigation(cell.text):
            yield Finding(
                "",
                f"mitigation {truncate(cell.text, 30)!r} is not an action",
                block.line,
                cell.column,
                section=spec.key,
                hint="say what to do and who does it",
            )


rule(
    "HL421",
    "risk-without-mitigation",
    category="quality",
    severity="warning",
    affects_score=True,
    summary="A risk has no real mitigation.",
    rationale="""A risk without a mitigation is only a worry handed over. Say what the receiving team
    should do about it ("Build a second sponsor in Finance before the first QBR"), not "monitor".""",
    bad="""
| Risk | Severity | Mitigation |
|------|----------|------------|
| Data migration slips | High | Monitor |""",
    good="""
| Risk | Severity | Mitigation |
|------|----------|------------|
| Data migration slips | High | Book the migration slot before kickoff — @leo, due 2026-12-01 |""",
    example_section="Risk Flags",
    check=risk_without_mitigation,
)


def no_risks_listed(ctx: Context):
    if ctx.rule_options["allow-none"]:
        return
    for spec, assessment in ctx.sections_of_kind("risks"):
        real = [b for b in assessment.blocks if not is_blank_or_placeholder(b.text) or states_no_risks(b.text)]
        if real and all(states_no_risks(b.text) or any(is_explicit_none(c.text) for c in b.cells) for b in real):
            yield Finding(
                "",
                f"'{assessment.section.title}' says there are no risks ({truncate(real[0].text, 30)!r})",
                real[0].line,
                real[0].column,
                section=spec.key,
                hint=NO_RISKS_HINT,
            )


# The same words for "None.", "None known." and "None identified": what a reviewer looks for instead.
NO_RISKS_HINT = (
    "this team requires at least one: a reviewer expects what could go wrong for the receiving team "
    "(a date at risk, a missing sponsor), each with one severity and a mitigation with an owner"
)


rule(
    "HL422",
    "no-risks-listed",
    category="quality",
    severity="warning",
    affects_score=True,
    summary="The risks section states that there are no risks (when the team requires at least one).",
    rationale="""Sources disagree: some teams accept an explicit "None identified as of <date>", others
    hold that no deal is risk-free. By default an explicit none is accepted; set `allow-none = false`
    (for all types or one type) to require at least one risk.""",
    options={"allow-none": True},
    option_types={"allow-none": {"type": "boolean", "description": 'accept an explicit "None identified"'}},
    bad="None identified as of 2026-11-20.",
    good=RISK_TABLE,
    example_section="Risk Flags",
    example_options={"allow-none": False},
    check=no_risks_listed,
)
