"""The parser's shortcuts around markdown-it-py build the same model as markdown-it-py's own steps.

The faster row split gives its cells (escaped pipes included); the core rules the parser switches
off ("normalize", "text_join") change nothing the model reads.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import asdict

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


def _with_every_core_rule():
    """Our parser with markdown-it-py's "normalize" and "text_join" core rules switched back on."""
    md = parser._markdown.__wrapped__()  # a fresh parser built as ours is
    md.enable(["normalize", "text_join"])
    return md


WITH_EVERY_CORE_RULE = _with_every_core_rule()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["# Title", "## Risks", "- item", "| a | b |", "|---|---|", "text", "\0", "x\0y", ""]),
        max_size=12,
    ),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_the_core_rules_switched_off_change_nothing_the_model_reads(lines, ending):
    text = ending.join(lines) + ending
    ours = asdict(parse_text("t.md", text))
    original = parser._markdown
    parser._markdown = lambda: WITH_EVERY_CORE_RULE
    try:
        theirs = asdict(parse_text("t.md", text))
    finally:
        parser._markdown = original
    assert ours == theirs


def test_a_nul_character_reads_as_the_replacement_character():
    doc = parse_text("t.md", "# Handoff: Tern\r\n\r\nGo-live\0 2027-03-01\r\n")
    assert [block.text for block in doc.preamble.blocks] == ["Go-live\ufffd 2027-03-01"]
    assert doc.preamble.blocks[0].line == 3
