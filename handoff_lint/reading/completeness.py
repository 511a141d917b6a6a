"""How much of each expected section is filled: Complete, Partial or Missing.

This is the presence half of the score. Quality rules (placeholders left in prose, vague
criteria…) can then downgrade a Complete section to Partial; see scoring/score.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handoff_lint.handoff_types.definitions import FieldSpec, HandoffType, SectionSpec
from handoff_lint.handoff_types.sections import Outline
from handoff_lint.model.categories import COMPLETE, MISSING, PARTIAL, Coverage
from handoff_lint.model.document import Block, Field, Section, Table
from handoff_lint.reading.language.placeholders import is_blank_or_placeholder
from handoff_lint.reading.language.risks import is_bare_none, is_explicit_none
from handoff_lint.text import normalize_label


@dataclass
class FieldCheck:
    spec: FieldSpec
    field: Field | None  # None when the label is not written at all

    @property
    def filled(self) -> bool:
        return self.field is not None and not is_blank_or_placeholder(self.field.value)


@dataclass
class RowCheck:
    block: Block
    empty_columns: list[tuple[FieldSpec, int, str]]  # (column spec, source column, the cell's text)


@dataclass
class Assessment:
    spec: SectionSpec
    section: Section | None
    status: Coverage = MISSING
    filled: int = 0
    expected: int = 0
    fields: list[FieldCheck] = field(default_factory=list)
    rows: list[RowCheck] = field(default_factory=list)
    table: Table | None = None
    missing_columns: list[FieldSpec] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)  # content considered (with subsections)


def assess(handoff_type: HandoffType, outline: Outline) -> dict[str, Assessment]:
    return {spec.key: _assess_section(spec, outline) for spec in handoff_type.sections}


def _assess_section(spec: SectionSpec, outline: Outline) -> Assessment:
    section = outline.matched.get(spec.key)
    result = Assessment(spec=spec, section=section)
    if section is None:
        return result
    result.blocks = outline.content(section)
    required_fields = [f for f in spec.fields if f.required]
    if required_fields:
        _assess_fields(result, spec, outline.fields(section))
    elif spec.columns:
        _assess_columns(result, spec, outline.tables(section))
    else:
        _assess_content(result, spec)
    return result


def _assess_fields(result: Assessment, spec: SectionSpec, fields: list[Field]) -> None:
    by_label: dict[str, Field] = {}
    for found in fields:
        by_label.setdefault(normalize_label(found.label), found)
    for field_spec in spec.fields:
        found = next((by_label[n] for n in field_spec.names if n in by_label), None)
        result.fields.append(FieldCheck(field_spec, found))
    required = [c for c in result.fields if c.spec.required]
    result.expected = len(required)
    result.filled = sum(c.filled for c in required)
    result.status = _status(result.filled, result.expected, complete_when=result.expected)


def _assess_columns(result: Assessment, spec: SectionSpec, tables: list[Table]) -> None:
    wanted = [c for c in spec.columns if c.required]
    table = next((t for t in tables if any(t.column_index(set(c.names)) is not None for c in spec.columns)), None)
    if table is None:  # written as a list or prose instead of a table: judge the content
        _assess_content(result, spec)
        return
    result.table = table
    indexes = {}
    for column in wanted:
        index = table.column_index(set(column.names))
        if index is None:
            result.missing_columns.append(column)
        else:
            indexes[column.name] = (column, index)
    block_of = {id(b.cells): b for b in result.blocks if b.kind == "row"}
    real_rows = 0
    complete_rows = 0
    for row in table.rows:
        if all([is_blank_or_placeholder(cell.text) for cell in row]):
            empty = [(column, _cell_column(row, index), "") for column, index in indexes.values()]
        elif any([is_explicit_none(cell.text) for cell in row]):
            real_rows += 1  # "None identified as of 2026-11-20": a stated absence is an answer
            complete_rows += 1
            continue
        else:
            real_rows += 1
            empty = [
                (column, _cell_column(row, index), row[index].text if index < len(row) else "")
                for column, index in indexes.values()
                if index >= len(row) or is_blank_or_placeholder(row[index].text)
            ]
            complete_rows += not empty
        if empty:
            result.rows.append(RowCheck(block_of[id(row)], empty))
    result.expected = max(spec.min_items, len(table.rows))
    result.filled = complete_rows
    if not real_rows:
        result.status = MISSING
    elif result.missing_columns or complete_rows < len(table.rows):
        result.status = PARTIAL
    else:
        result.status = COMPLETE if complete_rows >= spec.min_items else PARTIAL


def _cell_column(row, index: int) -> int:
    if index < len(row):
        return row[index].column
    return row[-1].column if row else 1


def _assess_content(result: Assessment, spec: SectionSpec) -> None:
    blocks = result.blocks
    risks = "risks" in spec.kinds  # "None." there says what "None known." says
    filled = [b for b in blocks if not _block_is_blank(b) or (risks and b.kind != "row" and is_bare_none(b.text))]
    result.expected = max(spec.min_items, len(blocks))
    result.filled = len(filled)
    if not filled:
        result.status = MISSING
    elif len(filled) < spec.min_items or len(filled) < len(blocks):
        result.status = PARTIAL
    else:
        result.status = COMPLETE


def _block_is_blank(block: Block) -> bool:
    if block.kind == "row":
        # The first cell of a row is usually a label or a number ("| Budget | [Any signal] |"):
        # the row is blank when everything after it is.
        values = block.cells[1:] if len(block.cells) > 1 else block.cells
        return all([is_blank_or_placeholder(cell.text) for cell in values])
    return is_blank_or_placeholder(block.text)


def _status(filled: int, expected: int, complete_when: int) -> str:
    if filled == 0:
        return MISSING
    return COMPLETE if filled >= complete_when else PARTIAL
