"""Success criteria must be measurable: a quantity and a time bound, and few of them."""

from __future__ import annotations

import re

from handoff_lint.lazy_pattern import compile_on_use
from handoff_lint.model.findings import Finding
from handoff_lint.reading.language.measures import NOT_COMMITTED, unmeasured
from handoff_lint.reading.language.placeholders import is_blank_or_placeholder
from handoff_lint.rules.registry import Context, rule
from handoff_lint.text import truncate

_VAGUE_VERB = compile_on_use(
    r"\b(improv\w*|increas\w*|reduc\w*|optimi[sz]\w*|streamlin\w*|enhanc\w*|better|moderni[sz]\w*|boost\w*|"
    r"maximi[sz]\w*|minimi[sz]\w*|faster|easier|more efficient|efficien\w*)\b",
    re.I,
)


def vague_verb(text: str) -> str | None:
    match = _VAGUE_VERB.search(text)
    return match.group(1) if match else None


def content_items(assessment):
    """The items of a section: list items or table rows, else its paragraphs."""
    blocks = [b for b in assessment.blocks if not is_blank_or_placeholder(b.text)]
    items = [b for b in blocks if b.kind in ("item", "row") and b.depth == 0]
    return items or [b for b in blocks if b.kind == "paragraph"]


def unmeasurable_criterion(ctx: Context):
    """A criterion the content judges would not count as measurable (measures.unmeasured: one judge)."""
    for spec, assessment in ctx.sections_of_kind("success-criteria"):
        for block in content_items(assessment):
            text = block.text
            missing = unmeasured(text)
            if not missing:
                continue
            if missing == (NOT_COMMITTED,):
                message = f"success criterion is a guess, not a commitment: {truncate(text, 50)!r}"
                hint = "state the target the customer agreed to, without 'probably', 'I think' or '?'"
                yield Finding("", message, block.line, block.column, section=spec.key, hint=hint)
                continue
            verb = vague_verb(text)
            hint = f" ('{verb.lower()}' is not measurable)" if verb and "a number" in missing else ""
            yield Finding(
                "",
                f"success criterion has no {' and no '.join(m.split(' ', 1)[1] for m in missing)}{hint}: "
                f"{truncate(text, 50)!r}",
                block.line,
                block.column,
                section=spec.key,
            )


rule(
    "HL400",
    "unmeasurable-criterion",
    category="quality",
    severity="warning",
    affects_score=True,
    summary="A success criterion has no number or no time bound, or is a guess.",
    rationale="""Success criteria are the promise the receiving team must deliver. "Improve efficiency"
    cannot be delivered or checked. Each criterion needs a quantity (a number, %, amount, count or
    duration) and a time bound (a date, a quarter, "within 60 days of go-live", "by week 6"), ideally
    from a baseline to a target, stated as agreed: "probably 20% by Q3" or "50 users by March?" is a
    guess the receiver will have to ask about again. The content judges read "measurable" the same way.""",
    bad="- Improve invoice processing efficiency",
    good="- Cut invoice-matching time from 20 h/week to under 4 h/week within 60 days of go-live",
    example_section="Success Criteria",
    check=unmeasurable_criterion,
)


def too_many_criteria(ctx: Context):
    limit = ctx.rule_options["max-items"]
    for spec, assessment in ctx.sections_of_kind("success-criteria"):
        items = content_items(assessment)
        if len(items) > limit:
            yield Finding(
                "",
                f"{len(items)} success criteria, more than {limit}",
                items[limit].line,
                items[limit].column,
                section=spec.key,
                hint=f"keep to {limit} or fewer that the customer agreed to",
            )


rule(
    "HL401",
    "too-many-criteria",
    category="quality",
    severity="warning",
    summary="More success criteria than anyone agreed on.",
    rationale=""""Ten criteria means nobody agreed what matters." Three to five criteria, each agreed with
    the customer, force the prioritisation conversation before the work starts.""",
    options={"max-items": 5},
    option_types={"max-items": {"type": "integer", "minimum": 1, "description": "most success criteria"}},
    bad="""
- Invoice matching under 4 h/week by 2027-03-31
- 85% touchless invoices by 2027-03-31
- Month-end close in 5 days by Q2 2027
- Zero late-payment fees in Q2 2027
- 3 entities live by 2027-06-30
- 10 AP clerks trained by 2027-02-28""",
    good="""
- Invoice matching under 4 h/week by 2027-03-31
- 85% touchless invoices by 2027-03-31
- Month-end close in 5 days by Q2 2027""",
    example_section="Success Criteria",
    check=too_many_criteria,
)
