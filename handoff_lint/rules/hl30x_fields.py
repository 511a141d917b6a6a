"""Rules for the required fields and table columns inside sections."""

from __future__ import annotations

from handoff_lint.model.findings import Finding
from handoff_lint.reading.language.placeholders import unfilled_detail
from handoff_lint.rules.examples import RISK_TABLE
from handoff_lint.rules.registry import Context, rule


def missing_field(ctx: Context):
    for key, assessment in ctx.assessments.items():
        section = assessment.section
        if section is None:
            continue
        for check in assessment.fields:
            if check.spec.required and check.field is None:
                yield Finding(
                    "",
                    f"'{section.title}': required field '{check.spec.name}' is missing",
                    section.line,
                    1,
                    section=key,
                    hint=f"add a '| {check.spec.name} | … |' row or a '**{check.spec.name}:** …' line",
                )


rule(
    "HL300",
    "missing-field",
    category="fields",
    severity="error",
    template_only=True,
    summary="A required field of a section is not written.",
    rationale="""Some facts are always needed, such as the customer's primary contact or the go-live
    date. Write each as a row of the section's table (`| Primary Contact | … |`) or as a bold
    label (`**Primary Contact:** …`).""",
    bad="| Field | Detail |\n|-------|--------|\n| Company | Northwind Traders, 400 staff, logistics |",
    good="""
| Field | Detail |
|-------|--------|
| Company | Northwind Traders, 400 staff, logistics |
| Primary Contact | Priya Nair, VP Operations |
| Executive Sponsor | Martin Hale, CFO |
| Technical Lead | Leo Park, IT Director |""",
    example_section="Customer Overview",
    check=missing_field,
)


def empty_field(ctx: Context):
    for key, assessment in ctx.assessments.items():
        for check in assessment.fields:
            found = check.field
            if not check.spec.required or found is None or check.filled:
                continue
            detail = unfilled_detail(found.value, 50)
            yield Finding("", f"'{check.spec.name}' {detail}", found.line, found.value_column, section=key)


rule(
    "HL301",
    "empty-field",
    category="fields",
    severity="error",
    means_empty=True,
    summary="A required field is empty or still a placeholder.",
    rationale="""Empty is missing: a field holding `[Name]`, `TBD`, `N/A`, `-` or an unresolved option
    list such as `🔴🟡🟢` tells the receiving team nothing, and reps use such values to get past
    "required field" checks.""",
    bad="| Field | Detail |\n|-------|--------|\n| Primary Contact | TBD |",
    good="""
| Field | Detail |
|-------|--------|
| Primary Contact | Priya Nair, VP Operations, priya@northwind.example |""",
    example_section="Customer Overview",
    check=empty_field,
)


def incomplete_row(ctx: Context):
    for key, assessment in ctx.assessments.items():
        section = assessment.section
        for row in assessment.rows:
            if not row.empty_columns:
                continue
            _column, col, _text = row.empty_columns[0]  # one finding a row, at its first unfilled cell
            yield Finding(
                "", f"'{section.title}' row: {_unfilled_cells(row.empty_columns)}", row.block.line, col, section=key
            )


def _unfilled_cells(empty_columns) -> str:
    """ "'Risk' is empty", or "'Risk', 'Severity' and 'Mitigation' are empty", or each cell's own detail."""
    details = [(column.name, unfilled_detail(text, 30)) for column, _col, text in empty_columns]
    if len(details) > 1 and all(detail == "is empty" for _name, detail in details):
        names = [f"'{name}'" for name, _detail in details]
        return f"{', '.join(names[:-1])} and {names[-1]} are empty"
    return "; ".join(f"'{name}' {detail}" for name, detail in details)


rule(
    "HL302",
    "incomplete-row",
    category="fields",
    severity="error",
    means_empty=True,
    summary="A table row leaves a required column empty.",
    rationale="""In tables of items (risks, stakeholders, milestones) every row needs its key columns:
    a risk without a severity cannot be triaged, a risk without a mitigation is only a worry.""",
    bad="| Risk | Severity | Mitigation |\n|------|----------|------------|\n| Champion may leave | 🔴🟡🟢 | |",
    good=RISK_TABLE,
    example_section="Risk Flags",
    check=incomplete_row,
)


def missing_column(ctx: Context):
    for key, assessment in ctx.assessments.items():
        if assessment.table is None:
            continue
        for column in assessment.missing_columns:
            yield Finding(
                "",
                f"'{assessment.section.title}' table has no '{column.name}' column",
                assessment.table.line,
                1,
                section=key,
            )


rule(
    "HL303",
    "missing-column",
    category="fields",
    severity="error",
    template_only=True,
    summary="A section's table lacks a required column.",
    rationale="""The type definition names the columns each item table needs (for risks: Risk,
    Severity, Mitigation). A missing column means that fact is missing for every row.""",
    bad="""
| Risk | Mitigation |
|------|------------|
| Champion may leave | Build a second sponsor — @omar, by 2027-01-15 |""",
    good=RISK_TABLE,
    example_section="Risk Flags",
    check=missing_column,
)
