"""Rules about the handoff's type and its sections."""

from __future__ import annotations

from handoff_lint.model.categories import CATEGORIES, MISSING
from handoff_lint.model.findings import Finding
from handoff_lint.rules.registry import Context, rule


def unknown_type(ctx: Context):
    if ctx.handoff_type is None and ctx.doc.readable and ctx.type_problem:
        line, column = 1, 1
        fm = ctx.doc.frontmatter
        if fm.data and "type" in fm.data:
            line, column = fm.where("type")
        elif ctx.doc.title is not None:
            line, column = ctx.doc.title.line, ctx.doc.title.column
        yield Finding("", ctx.type_problem, line, column)


rule(
    "HL100",
    "unknown-type",
    category="structure",
    severity="error",
    needs_type=False,
    summary="The handoff type could not be determined.",
    rationale="""Each handoff type needs different sections, so the type decides what is checked. It
    comes from `--type`, the frontmatter `type:`, a `types` glob in the config, or the title
    (`# Customer Handoff: Acme` is sales-to-cs). Set `type:` in the frontmatter to be explicit.""",
    bad="# Notes about Acme",
    good="""
---
type: sales-to-cs
---
# Customer Handoff: Acme""",
    check=unknown_type,
)


def missing_section(ctx: Context):
    matched = ctx.outline.matched
    title = ctx.doc.title
    previous = None
    for spec in ctx.handoff_type.sections:
        section = matched.get(spec.key)
        if section is not None:
            previous = section
            continue
        if not spec.required:
            continue
        where = f"after '{previous.title}' (line {previous.line})" if previous else "after the title"
        weight = f"{CATEGORIES[spec.category][0]}; " if spec.category else ""
        yield Finding(
            "",
            f"missing required section '## {spec.heading}'",
            title.line if title else 1,
            1,
            section=spec.key,
            hint=f"{weight}add it {where}",
        )


rule(
    "HL101",
    "missing-section",
    category="structure",
    severity="error",
    template_only=True,
    summary="A required section is missing.",
    rationale="""Every handoff type lists the sections the receiving team needs. A missing section is
    information the customer will have to repeat. All missing sections are reported at once, with
    where to add them.""",
    bad="""
## Customer Overview
## What They Bought and Why
## Success Criteria
## Timeline Expectations
## Key Decisions and Why
## Competitors Evaluated
## Concerns Raised During Sales
## Internal Champion
## Potential Blocker
## Technical Context
## Risk Flags
## Action Items""",
    good="""
## Customer Overview
## What They Bought and Why
## Customer Expectations
## Success Criteria
## Timeline Expectations
## Key Decisions and Why
## Competitors Evaluated
## Concerns Raised During Sales
## Internal Champion
## Potential Blocker
## Technical Context
## Risk Flags
## Action Items""",
    check=missing_section,
)


def empty_section(ctx: Context):
    for key, assessment in ctx.assessments.items():
        spec, section = assessment.spec, assessment.section
        if section is None or not spec.required or assessment.status != MISSING:
            continue
        if any(f.spec.required for f in assessment.fields) or assessment.rows:
            continue  # the empty fields or rows are reported one by one
        what = "only template placeholders" if assessment.blocks else "no content"
        hint = f": {spec.guidance}" if spec.guidance else ""
        yield Finding("", f"section '{section.title}' has {what}{hint}", section.line, 1, section=key)


rule(
    "HL102",
    "empty-section",
    category="structure",
    severity="error",
    means_empty=True,
    summary="A required section has no real content.",
    rationale="""A heading with nothing under it, or only template placeholders, looks complete in a
    table of contents and hands over nothing. Write the content, or for sections where absence is
    meaningful (risks, concerns), say so explicitly: `None identified as of 2026-11-20`.""",
    bad="""
## Risk Flags
[Risk]""",
    good="""
## Risk Flags
| Risk | Severity | Mitigation |
|------|----------|------------|
| Champion leaves in Q1 | 🟡 Medium | Build a second sponsor — @omar, by 2027-01-15 |""",
    check=empty_section,
)


def unknown_section(ctx: Context):
    for section, suggestion in ctx.outline.unknown:
        if section.parent is not None and id(section.parent) in ctx.outline.spec_of:
            continue  # a subsection of a known section: its content counts for its parent
        if not section.blocks and any(s.parent is section for s in ctx.outline.matched.values()):
            continue  # a grouping heading ("## Sales Cycle Context") over known sections
        message = f"section '{section.title}' is not part of {ctx.handoff_type.name}"
        if suggestion:
            yield Finding("", message, section.line, 1, hint=f"did you mean '{suggestion.heading}'?")
        else:
            yield Finding("", f"{message} (not scored)", section.line, 1)


rule(
    "HL103",
    "unknown-section",
    category="structure",
    severity="info",
    template_only=True,
    summary="A section is not part of the handoff type.",
    rationale="""Extra sections are allowed but are not scored. When the heading is close to an
    expected one, it may be a typo or an unfamiliar wording: the finding says which section it
    probably means, so it can be renamed (or added as an alias in a team type).""",
    bad="## Lunch Options\nThe team likes the Thai place on Park Row.",
    good="## Competitors Evaluated\nBasware (incumbent AP tool); lost on matching accuracy.",
    check=unknown_section,
)


def duplicate_section(ctx: Context):
    for section, spec in ctx.outline.duplicates:
        first = ctx.outline.matched[spec.key]
        yield Finding(
            "",
            f"section '{section.title}' repeats '{first.title}' (line {first.line})",
            section.line,
            1,
            section=spec.key,
            hint="only the first is scored: merge the two",
        )


rule(
    "HL104",
    "duplicate-section",
    category="structure",
    severity="warning",
    template_only=True,
    summary="The same section appears twice.",
    rationale="""Two headings for the same section split the information; only the first is scored,
    and a reader may stop at it. Merge them.""",
    bad="""
## Risk Flags
- Champion may leave in Q1

## Risk Flags
- Data migration may slip""",
    good="""
## Risk Flags
- Champion may leave in Q1
- Data migration may slip""",
    check=duplicate_section,
)


def missing_title(ctx: Context):
    if ctx.doc.title is None:
        yield Finding(
            "", "no '# ' title", ctx.doc.frontmatter.body_start, 1, hint="start with '# <Handoff kind>: <Customer>'"
        )


rule(
    "HL105",
    "missing-title",
    category="structure",
    severity="warning",
    summary="The handoff has no `# ` title.",
    rationale="""The title names the handoff and the customer (`# Customer Handoff: Northwind`); it is
    what a reviewer sees first and what type detection reads when the frontmatter has no type.""",
    bad="""
---
type: sales-to-cs
---
## Customer Overview
Northwind Traders, 400 staff, logistics, Leeds.""",
    good="""
---
type: sales-to-cs
---
# Customer Handoff: Northwind Traders
## Customer Overview
Northwind Traders, 400 staff, logistics, Leeds.""",
    check=missing_title,
)
