"""Pipe tables: the parser's faster row split gives markdown-it-py's cells, escaped pipes included."""

from __future__ import annotations

import importlib

from hypothesis import given, settings
from hypothesis import strategies as st

from handoff_lint import parser
from handoff_lint.parser import parse_text

TABLE = """# Handoff: Tern Logistics

| Field | Value |
|---|---|
| Integrations | SAP \\| Oracle \\\\| NetSuite |
| Go-live | 2027-03-01 | extra |
"""


def test_rows_split_as_markdown_it_splits_them_escaped_pipes_included():
    doc = parse_text("t.md", TABLE)
    (table,) = doc.sections[0].tables if doc.sections else doc.preamble.tables
    assert [[cell.text for cell in row] for row in table.rows] == [
        ["Integrations", "SAP | Oracle \\| NetSuite"],  # "\|" is a pipe in the cell; "\\|" too
        ["Go-live", "2027-03-01"],  # a cell past the header's columns is dropped, as on GitHub
    ]
    assert [cell.column for cell in table.rows[0]] == [3, 18]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="ab |\\", max_size=16))
def test_the_faster_split_is_markdown_it_pys_own_on_any_row(row):
    parser._markdown()  # installs the faster split
    table_module = importlib.import_module("markdown_it.rules_block.table")
    assert table_module.escapedSplit is parser._split_row
    assert parser._split_row(row) == parser._escaped_split(row)
