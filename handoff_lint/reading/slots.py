"""The slot ``handoff-lint fix`` writes for a missing information element, and how to find one.

fix gives each missing element an unfilled slot — a bracketed line naming it ("[Decision timeline: when
they decide …]"), a table row of ``___``, or the checklist item ``- [ ] ___ — owner: ___ — due: ___`` —
which the placeholder rules report until the writer fills it. HL110 reads the same shapes, so that a gap
with its slot in place is reported once, at the slot, and not a second time as missing.
"""

from __future__ import annotations

import re

from handoff_lint.handoff_types.definitions import ElementSpec
from handoff_lint.handoff_types.sections import Outline
from handoff_lint.model.document import Document, Table
from handoff_lint.reading.evidence import words_of
from handoff_lint.reading.language.placeholders import find_placeholders

BLANK = "___"
ACTION_SKELETON = f"[ ] {BLANK} — owner: {BLANK} — due: {BLANK}"
_ACTION_TEXT = ACTION_SKELETON.removeprefix("[ ] ")  # the item's text once the parser took its checkbox


def element_line(spec: ElementSpec) -> str:
    """A checklist item with blank owner and date for an action; else the element's name and what
    fills it, in brackets: a placeholder the linter reports, and no statement for the judges."""
    if spec.category == "actions":
        return f"- {ACTION_SKELETON}"
    return bracketed(label(spec), spec.hint)


def bracketed(name: str, hint: str = "") -> str:
    hint = " ".join(hint.split())
    if hint and not set("[]`*_") & set(hint):
        return f"[{name}: {hint}]"
    return f"[{name}]"


def label(spec: ElementSpec) -> str:
    """The element's name, short: "Risks" for "risks with severity and mitigation"."""
    name = re.split(r" \(| with | and ", spec.label, maxsplit=1)[0].strip()
    return name[:1].upper() + name[1:]


def table_row(spec: ElementSpec, table: Table) -> str | None:
    """A row of ``___`` in the table's shape when the table holds this element (risks, people, actions)."""
    cells = _row_cells(spec, table)
    return "| " + " | ".join(cells) + " |" if cells is not None else None


def _row_cells(spec: ElementSpec, table: Table) -> list[str] | None:
    names = [" ".join(words_of(cell.text)) for cell in table.header]
    if not names:
        return None
    joined = " ".join(names)
    if spec.category == "risks" and ("risk" in joined or "mitigat" in joined):
        return [BLANK] * len(names)
    if spec.category == "actions" and "owner" in joined:
        return [BLANK] * len(names)
    if spec.category == "relationship" and "name" in joined and ("role" in joined or "title" in joined):
        role = (spec.roles[0] if spec.roles else spec.label).title()
        at = next((i for i, n in enumerate(names) if "role" in n), None)
        return [role if i == at else BLANK for i in range(len(names))]
    if len(names) == 2 and spec.category not in ("actions", "risks", "relationship"):
        return [label(spec), BLANK]
    return None


def find_slot(doc: Document, outline: Outline | None, spec: ElementSpec) -> int | None:
    """The line of the element's unfilled slot, when the document holds one: a line in brackets that
    names the element ("[Champion]", "[Champion: …]"), the blank action item (for an action), or fix's
    row of ``___`` in a table of a section of the element's category. None when there is none."""
    name = label(spec).casefold()
    for section in ([doc.preamble] if doc.preamble else []) + doc.sections:
        for block in section.blocks:
            if block.kind == "row" or block.line in doc.code_lines:
                continue
            if spec.category == "actions":
                if block.kind == "item" and block.checked is False and block.text.strip() == _ACTION_TEXT:
                    return block.line
            elif _names_in_brackets(block.text, name):
                return block.line
    if outline is None:
        return None
    for section in outline.matched.values():
        if outline.spec_of[id(section)].category != spec.category:
            continue
        for table in section.tables:
            cells = _row_cells(spec, table)
            if cells is None:
                continue
            wanted = [cell.casefold() for cell in cells]
            for row in table.rows:
                if row and row[0].line not in doc.code_lines and [c.text.strip().casefold() for c in row] == wanted:
                    return row[0].line
    return None


def _names_in_brackets(text: str, name: str) -> bool:
    """A whole line "[Name]" or "[Name: what fills it]" that the placeholder rule reports."""
    text = text.strip()
    if "\n" in text or not (text.startswith("[") and text.endswith("]")):
        return False
    inner = text[1:-1].casefold()
    if not (inner == name or inner.startswith(name + ":")):
        return False
    return find_placeholders(text) == [(0, text)]
