"""Dates must be real, unambiguous and in order."""

from __future__ import annotations

from datetime import date

from handoff_lint.model.findings import Finding
from handoff_lint.reading.language.dates import find_dates, first_date
from handoff_lint.rules.registry import Context, rule


def invalid_date(ctx: Context):
    for mention, line, column, key in _dates_with(ctx, "invalid"):
        yield Finding("", f"'{mention.text}' is not a real date", line, column, section=key)


rule(
    "HL430",
    "invalid-date",
    category="quality",
    severity="warning",
    affects_score=True,
    needs_type=False,
    summary="A date that does not exist.",
    rationale="""2026-02-30 or 31 June is a typo that no calendar invite will catch; the receiving team
    plans against it. Write a real date, preferably as ISO `YYYY-MM-DD`.""",
    bad="| Go-live | 2026-02-30 |",
    good="| Go-live | 2026-02-27 |",
    check=invalid_date,
)


def _dates_with(ctx: Context, problem: str):
    """(mention, line, column, section key) for every written date with this problem."""
    for text, line, column, key in ctx.text_pieces():
        for mention in find_dates(text):
            if mention.problem == problem:
                yield mention, line, column + mention.start, key


def ambiguous_date(ctx: Context):
    for mention, line, column, _key in _dates_with(ctx, "ambiguous"):
        message = f"'{mention.text}' is ambiguous (month/day or day/month?)"
        yield Finding("", message, line, column, hint="write it as YYYY-MM-DD")


rule(
    "HL432",
    "ambiguous-date",
    category="quality",
    severity="warning",
    needs_type=False,
    summary="A date such as 05/06/2026 reads differently in the US and in Europe.",
    rationale="""Is 05/06/2026 the 6th of May or the 5th of June? Teams across regions read it
    differently. Write ISO dates (`2026-05-06`) or the month's name (`6 May 2026`).""",
    bad="Kickoff on 05/06/2026",
    good="Kickoff on 2026-05-06",
    check=ambiguous_date,
)


# HL431's examples: a handoff whose go-live is {go_live}, after a contract that starts 2026-12-01.
_TIMELINE = """
---
type: sales-to-cs
customer: Northwind Traders
date: 2026-11-20
contract_start: 2026-12-01
---
# Customer Handoff: Northwind Traders

## Timeline Expectations
| Milestone | Customer's Expected Date |
|-----------|------------------------|
| Go-live / first value | {go_live} |"""


def date_order(ctx: Context):
    reported = set()
    for chain in ctx.handoff_type.date_order:
        resolved = [r for r in (_resolve(ctx, ref) for ref in chain) if r is not None]
        for earlier, later in zip(resolved, resolved[1:], strict=False):
            (label_a, value_a, _pos_a, _key_a), (label_b, value_b, pos_b, key_b) = earlier, later
            if value_b < value_a and (label_a, label_b) not in reported:
                reported.add((label_a, label_b))
                message = f"{label_b} ({value_b.isoformat()}) is before {label_a} ({value_a.isoformat()})"
                yield Finding("", message, *pos_b, section=key_b)
    handoff = _frontmatter_date(ctx, "date")
    if handoff is None:
        return
    for spec, assessment in ctx.sections_of_kind("action-items"):
        for block in assessment.blocks:
            if block.kind not in ("item", "row"):
                continue
            for mention in find_dates(block.text):
                if mention.value and mention.value < handoff[1]:
                    yield Finding(
                        "",
                        f"due date {mention.value.isoformat()} is before the handoff date {handoff[1].isoformat()}",
                        block.line,
                        block.column,
                        section=spec.key,
                    )
                    break


rule(
    "HL431",
    "date-order",
    category="quality",
    severity="warning",
    affects_score=True,
    summary="Dates go backwards: go-live before contract start, a due date before the handoff.",
    rationale="""Milestones happen in order: handoff ≤ contract start ≤ kickoff ≤ go-live ≤ full rollout,
    and the first business review comes after go-live. Each type declares its chains (`date_order`).
    Action items due before the handoff date are stale copies from another deal. Relative dates
    ("week 6") are accepted and not ordered.""",
    bad=_TIMELINE.format(go_live="2026-10-01"),  # before the contract starts
    good=_TIMELINE.format(go_live="2027-01-18"),
    check=date_order,
)


def _resolve(ctx: Context, ref: str):
    """(label, date, (line, column)) for a date reference, or None when absent or not a date."""
    kind, _, target = ref.partition(":")
    if kind == "frontmatter":
        found = _frontmatter_date(ctx, target)
        return (target.replace("_", " "), found[1], found[0], None) if found else None
    section_key, _, field_name = target.partition("/")
    assessment = ctx.assessments.get(section_key)
    if assessment is None:
        return None
    check = next((c for c in assessment.fields if c.spec.name == field_name and c.field is not None), None)
    if check is None:
        return None
    value = first_date(check.field.value)
    return (field_name, value, (check.field.line, check.field.value_column), section_key) if value else None


def _frontmatter_date(ctx: Context, key: str) -> tuple[tuple[int, int], date] | None:
    data = ctx.doc.frontmatter.data or {}
    value = data.get(key)
    if value is None:
        return None
    parsed = first_date(str(value))
    return (ctx.doc.frontmatter.where(key), parsed) if parsed else None


def contradictory_dates(ctx: Context):
    for judged in ctx.judgements.values():
        for contradiction in judged.contradictions:
            line = contradiction.second[0]
            yield Finding("", contradiction.message, line, 1)


rule(
    "HL433",
    "contradictory-dates",
    category="content",
    severity="warning",
    summary="The same event is given two different dates.",
    rationale="""A handoff that says the first call is Thursday 5/14 and Tuesday 5/12, or that the
    renewal is 2026-11-30 and "in March", leaves the receiver to find out which is true — usually
    from the customer. Only events a handoff names once are compared (the first call, the close,
    the renewal). The contradiction also lowers the category it belongs to.""",
    bad="""
- **Renewal date:** 2026-11-30
- Renewal coming up: renews in March""",
    good="- **Renewal date:** 2026-11-30 (notice due 60 days before)",
    check=contradictory_dates,
)
