"""Pipe tables: the parser's faster row split gives markdown-it-py's cells, escaped pipes included."""

from __future__ import annotations

import importlib
import importlib.util

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


def _pristine_escaped_split():
    """markdown-it-py's own ``escapedSplit``, from a fresh copy of its module (the parser replaces it)."""
    installed = importlib.import_module("markdown_it.rules_block.table")
    spec = importlib.util.spec_from_file_location("markdown_it.rules_block._pristine_table", installed.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.escapedSplit


PRISTINE = _pristine_escaped_split()


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab |\\`\t-:", max_size=60))
def test_the_faster_split_is_markdown_it_pys_own_on_random_rows(row):
    parser._markdown()  # installs the faster split
    installed = importlib.import_module("markdown_it.rules_block.table").escapedSplit
    assert getattr(installed, "splits_rows_at_once", False)
    assert installed(row) == PRISTINE(row)


def test_a_second_parser_does_not_wrap_the_faster_split_again():
    parser._markdown()
    table_module = importlib.import_module("markdown_it.rules_block.table")
    installed = table_module.escapedSplit
    parser._markdown.cache_clear()
    parser._markdown()
    assert table_module.escapedSplit is installed
    assert installed("a \\| b|c") == PRISTINE("a \\| b|c") == ["a | b", "c"]
