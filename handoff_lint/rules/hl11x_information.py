"""HL11x: the information a handoff carries, wherever it is written (read by the content judges)."""

from __future__ import annotations

from handoff_lint.model.categories import CATEGORIES, COMPLETE
from handoff_lint.model.findings import Finding
from handoff_lint.reading.slots import find_slot
from handoff_lint.rules.registry import Context, rule


def missing_information(ctx: Context):
    if not ctx.judgements:
        return
    line = ctx.doc.title.line if ctx.doc.title is not None else ctx.doc.frontmatter.body_start
    for key, judged in ctx.judgements.items():
        if judged.status == COMPLETE:
            continue
        for element in judged.elements:
            if element.grade or not element.spec.core:
                continue
            if _slot_reported(ctx, element.spec):
                continue  # the writer sees the gap once: as the placeholder of its slot
            hint = f": {element.spec.hint}" if element.spec.hint else ""
            why = f" ({element.why})" if element.why else ""
            yield Finding("", f"no {element.spec.label}{why}", line, 1, hint=f"{CATEGORIES[key][0]}; add{hint}")


# The rules that report an unfilled slot: a placeholder, an empty required field, an empty required cell.
_SLOT_RULES = ("HL310", "HL301", "HL302")


def _slot_reported(ctx: Context, spec) -> bool:
    """Whether the document holds the element's unfilled slot (reading/slots.py: what ``fix`` writes) and the
    placeholder rules report it: all of them run, and no suppression comment covers the slot's line."""
    if not all([code in ctx.enabled for code in _SLOT_RULES]):
        return False
    slot = find_slot(ctx.doc, ctx.outline, spec)
    if slot is None:
        return False
    return not any([d.covers(Finding(code, "", slot)) for d in ctx.directives for code in _SLOT_RULES])


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
    fill it; the category's score already reflects it. Once the document holds the element's
    unfilled slot — the line `handoff-lint fix` writes for it (`[Decision timeline: when they decide
    …]`, a table row of `___`, `- [ ] ___ — owner: ___ — due: ___`) or any whole line `[Champion]` or
    `[Champion: …]` naming it — the gap is reported once, as that slot's placeholder (HL310), not here
    as well; unless the placeholder rules are turned off or suppressed on that line.""",
    bad="## What They Bought and Why\nThey bought the platform.",
    good="""
## What They Bought and Why
They bought 120 seats of AP Automation ($84K ARR) because their AP team
matches every invoice by hand, which delays supplier payments.""",
    check=missing_information,
)
