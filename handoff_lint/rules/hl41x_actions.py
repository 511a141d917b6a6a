"""Action items must be actionable: an owner, a due date, a checkbox, and enough of them."""

from __future__ import annotations

import re

from handoff_lint.lazy_pattern import compile_on_use
from handoff_lint.model.findings import Finding
from handoff_lint.reading.language.dates import has_due_date, is_scheduled_event
from handoff_lint.reading.language.owners import DUE, NOT_OWNERS, SEGMENTS, find_owner, is_not_owner
from handoff_lint.reading.language.placeholders import is_blank_or_placeholder
from handoff_lint.rules.registry import Context, on_heading, rule
from handoff_lint.text import normalize_label, truncate

_OWNER_COLUMNS = {"owner", "who", "assignee", "responsible", "assigned to"}
_DUE_COLUMNS = {"due", "due date", "when", "deadline", "date", "by"}


# "Agenda:", "Topics for the call:", "Attendees:": the list below is what a meeting covers, not steps to own.
_NOT_STEPS = compile_on_use(
    r"^\W*(?:agenda|topics?|attendees|participants|discussion\s+points|we\s+will\s+cover)\b[^:\n]{0,40}:\W*$", re.I
)


def weak_owner(text: str) -> str | None:
    """A collective or placeholder owner written in place of a person: "— we", "owner: team"."""
    for segment in SEGMENTS.split(text)[1:]:
        candidate = re.sub(r"^(?:owner|owned by|assigned to)\s*:?\s*", "", segment.strip(" ,.()").lower())
        candidate = DUE.sub("", candidate).strip(" ,.()")  # after the label: "owned by" is not a due date
        if _nobody(candidate):
            return candidate
    return None


def action_items(ctx: Context):
    """(spec, block, owner text, due text) for every action item, from lists or tables."""
    for spec, assessment in ctx.sections_of_kind("action-items"):
        table = next(iter(assessment.section.tables), None)
        owner_col = due_col = None
        if table is not None:
            labels = [normalize_label(cell.text) for cell in table.header]
            owner_col = next((i for i, label in enumerate(labels) if label in _OWNER_COLUMNS), None)
            due_col = next((i for i, label in enumerate(labels) if label in _DUE_COLUMNS), None)
        listing = False  # inside a list introduced as an agenda or an attendee list, not as steps
        for block in assessment.blocks:
            if block.kind == "paragraph":
                listing = bool(_NOT_STEPS.search(block.text))
                continue
            if listing or block.kind not in ("item", "row") or block.depth > 0 or is_blank_or_placeholder(block.text):
                continue
            if is_scheduled_event(block.text):
                continue  # "Demo booked for Feb 20": a dated fact under Next Steps, not a step to own
            if block.kind == "row":
                if all(is_blank_or_placeholder(c.text) for c in block.cells):
                    continue
                owner = block.cells[owner_col].text if owner_col is not None and owner_col < len(block.cells) else ""
                due = block.cells[due_col].text if due_col is not None and due_col < len(block.cells) else ""
                yield spec, block, owner or block.text, due or block.text
            else:
                yield spec, block, block.text, block.text


def action_without_owner(ctx: Context):
    for spec, block, owner_text, _due in action_items(ctx):
        if find_owner(owner_text) is None and not _is_owner_cell(owner_text, block):
            weak = weak_owner(owner_text) or _weak_owner_cell(owner_text, block)
            why = f"an owner '{weak}' that is nobody in particular" if weak else "no owner"
            yield Finding(
                "", f"action item has {why}: {truncate(block.text, 50)!r}", block.line, block.column, section=spec.key
            )


rule(
    "HL410",
    "action-without-owner",
    category="quality",
    severity="warning",
    affects_score=True,
    summary="An action item has no named owner.",
    rationale="""An action owned by "we", "the team" or nobody is owned by no one: the handoff fires into a
    pooled queue and vanishes. Name a person, an @handle or the title of one seat, first or last:
    `@raj book kickoff`, `Ana — send the SOW`, `Ana to draft the runbook`, `Aisha (IT) — export the users`,
    `Send the SOW — Dana Lee`, `Send the SOW (Dana)`, `owner: Dana Lee`, `owned by the implementation lead`.
    "We", "the team", "someone", a department ("ops", "legal") or a generic seat alone ("CSM", "the AE")
    is nobody in particular; a name after "to" or "with" is the recipient, not the owner.""",
    bad="- [ ] Schedule the kickoff call — we, due 2026-12-01",
    good="- [ ] Schedule the kickoff call — @priya-shah, due 2026-12-01",
    example_section="Action Items",
    check=action_without_owner,
)


def _weak_owner_cell(owner_text: str, block) -> str | None:
    """An Owner column saying "we" or "TBD": nobody in particular, as "— we" is in a list item."""
    cell = owner_text.strip().lower()
    return cell if block.kind == "row" and owner_text != block.text and _nobody(cell) else None


def _nobody(value: str) -> bool:
    """Written where an owner goes and naming nobody in particular (a placeholder is reported as one)."""
    cell = value.strip().lower()
    return cell in NOT_OWNERS or (bool(cell) and is_not_owner(cell) and not is_blank_or_placeholder(cell))


def _is_owner_cell(owner_text: str, block) -> bool:
    """In a table with an Owner column, any real name in that cell counts."""
    return block.kind == "row" and owner_text != block.text and not is_not_owner(owner_text)


def action_without_due_date(ctx: Context):
    for spec, block, _owner, due_text in action_items(ctx):
        if not has_due_date(due_text):
            yield Finding(
                "",
                f"action item has no due date: {truncate(block.text, 50)!r}",
                block.line,
                block.column,
                section=spec.key,
            )


rule(
    "HL411",
    "action-without-due-date",
    category="quality",
    severity="warning",
    affects_score=True,
    summary="An action item has no due date.",
    rationale="""Leaving the handoff without deadlines guarantees that momentum stalls. Give every action a
    date in any form a reader can put in a calendar: `due 2026-12-01`, `by Dec 18`, `18 Dec`, `12/18`,
    `by Friday`, `Fri 12/18`, `EOW`, `end of March`, `next week`, `Q3`, or relative to a named event or
    span: `before kickoff`, `at the go-live`, `within two weeks`, `within 2 business days`. "ASAP", "soon"
    and "TBD" name no day.""",
    bad="- [ ] Send the welcome email — @priya-shah",
    good="- [ ] Send the welcome email — @priya-shah, due 2026-11-25",
    example_section="Action Items",
    check=action_without_due_date,
)


def action_not_checkbox(ctx: Context):
    for spec, block, _owner, _due in action_items(ctx):
        if block.kind == "item" and block.checked is None:
            yield Finding(
                "",
                "action item is not a checklist item",
                block.line,
                block.column,
                section=spec.key,
                hint="write it as '- [ ] …'",
            )


rule(
    "HL412",
    "action-not-checkbox",
    category="quality",
    severity="info",
    summary="An action item is not a checklist item.",
    rationale="""`- [ ]` checkboxes make progress visible in the pull request and on GitHub, and tell a
    reader which items are still open.""",
    bad="- Send the welcome email — @priya-shah, due 2026-11-25",
    good="- [ ] Send the welcome email — @priya-shah, due 2026-11-25",
    example_section="Action Items",
    check=action_not_checkbox,
)


def too_few_action_items(ctx: Context):
    for spec, assessment in ctx.sections_of_kind("action-items"):
        minimum = ctx.rule_options["min-items"] or spec.min_items
        count = sum(1 for _ in (b for s, b, _o, _d in action_items(ctx) if s.key == spec.key))
        if 0 < count < minimum:
            message = f"{count} action item(s); this handoff type expects at least {minimum}"
            yield on_heading(spec, assessment, message, hint="add each next step with an owner and a due date")


rule(
    "HL413",
    "too-few-action-items",
    category="quality",
    severity="warning",
    affects_score=True,
    summary="Fewer action items than the handoff type expects.",
    rationale="""A handoff ends in concrete next steps: for Sales → CS at least the intro email, the
    kickoff scheduling and the first working session. The minimum comes from the type definition
    (`min_items` of the action-items section) or the `min-items` option, per type.""",
    options={"min-items": None},
    option_types={"min-items": {"type": "integer", "minimum": 1, "description": "fewest action items"}},
    bad="- [ ] Send the welcome email — @priya-shah, due 2026-11-25",
    good="""
- [ ] Send the welcome email — @priya-shah, due 2026-11-25
- [ ] Schedule the kickoff call — @omar, due 2026-11-27
- [ ] Run the first working session — @omar, due 2026-12-04""",
    example_section="Action Items",
    check=too_few_action_items,
)
