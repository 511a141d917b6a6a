"""HL11x: the information a handoff carries, wherever it is written (read by the content judges)."""

from __future__ import annotations

from ..categories import CATEGORIES
from ..findings import Finding
from .registry import Context, rule


def missing_information(ctx: Context):
    if not ctx.judgements:
        return
    line = ctx.doc.title.line if ctx.doc.title is not None else ctx.doc.frontmatter.body_start
    for key, judged in ctx.judgements.items():
        if judged.status == "complete":
            continue
        for element in judged.elements:
            if element.grade or not element.spec.core:
                continue
            hint = f": {element.spec.hint}" if element.spec.hint else ""
            why = f" ({element.why})" if element.why else ""
            yield Finding("", f"no {element.spec.label}{why}", line, 1, hint=f"{CATEGORIES[key][0]}; add{hint}")


rule(
    "HL110",
    "missing-information",
    category="structure",
    severity="warning",
    summary="A piece of information the receiver needs is nowhere in the handoff.",
    rationale="""Each handoff type declares the information elements a receiving colleague needs per
    score category (a champion, measurable success criteria, risks with mitigations, owned and dated
    next steps…). They count wherever they are written — any heading, a bold label, a table, a memo
    paragraph. An element that is nowhere is reported once, naming its category and what would
    fill it; the category's score already reflects it.""",
    bad="## What They Bought and Why\nThey bought the platform.",
    good="""
## What They Bought and Why
They bought 120 seats of AP Automation ($84K ARR) because their AP team
matches every invoice by hand, which delays supplier payments.""",
    check=missing_information,
)
