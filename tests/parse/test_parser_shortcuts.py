"""The parser's shortcuts around markdown-it-py build the same model as markdown-it-py's own steps.

Our table rule reads the tables markdown-it-py's reads, with the same cells (escaped pipes
included); the core rules the parser switches off ("normalize", "text_join") change nothing the
model reads.
"""

from __future__ import annotations

import importlib
from dataclasses import asdict

from hypothesis import given, settings
from hypothesis import strategies as st

from handoff_lint.parse import parser
from handoff_lint.parse.parser import parse_text

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


def _with_markdown_it_pys_table_rule():
    """Our parser with markdown-it-py's own table rule in place of parse/gfm_tables.py's."""
    md = parser._markdown.__wrapped__()  # a fresh parser built as ours is
    original = importlib.import_module("markdown_it.rules_block.table").table
    md.block.ruler.at("table", original, {"alt": ["paragraph", "reference"]})
    return md


WITH_THEIR_TABLE_RULE = _with_markdown_it_pys_table_rule()


def _rows_and_the_rest(tokens, ours: bool):
    """Each table row as (line, header?, cells), and every other token as (type, map, content, info)."""
    rows, rest = [], []
    header, cells = False, None
    for token in tokens:
        kind = token.type
        if ours and kind == "table_row":
            rows.append((token.map, token.info == "header", token.meta["cells"]))
        elif not ours and kind in ("thead_open", "thead_close"):
            header = kind == "thead_open"
        elif not ours and kind == "tr_open":
            cells, line = [], token.map
        elif not ours and kind == "tr_close":
            rows.append((line, header, cells))
            cells = None
        elif not ours and cells is not None and kind == "inline":
            cells.append(token.content)
        elif kind in ("table_open", "table_close"):
            rest.append((kind, token.map))
        elif not kind.startswith(("th_", "td_", "tbody_")):
            rest.append((kind, token.map, token.content, token.info, token.level if ours else None))
    return rows, rest


ROW_PIECES = st.sampled_from(
    [
        "| a | b |",
        "a | b",
        "|---|---|",
        "|:--|--:|",
        "| :-: |",
        "--- | ---",
        "|-|",
        "- | -",
        "|---||---|",
        "| a \\| b | c |",
        "| a | b | c |",
        "| x |",
        "|",
        "||",
        "text",
        "",
        "> | q | r |",
        "> |---|---|",
        "- | l | m |",
        "  |---|---|",
        "    | code |",
        "# H",
        "```",
        "1. | n |",
        "<div>",
        "\\|",
        "| \u2003 |",
        "[r]: /u",
        "[r]:",
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(ROW_PIECES, max_size=14))
def test_the_table_rule_reads_the_tables_markdown_it_pys_rule_reads(lines):
    """Same tables, same rows, same cells (escaped pipes, short and long rows), and every other block alike."""
    text = "\n".join(lines) + "\n"
    ours = _rows_and_the_rest(parser._markdown().parse(text), ours=True)
    theirs = _rows_and_the_rest(WITH_THEIR_TABLE_RULE.parse(text), ours=False)
    assert ours[0] == theirs[0]
    assert [piece[:4] for piece in ours[1]] == [piece[:4] for piece in theirs[1]]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab |\\`\t-:", max_size=60))
def test_rows_are_split_as_markdown_it_pys_escaped_split_splits_them(row):
    """One regex split (and the escaping backslash dropped) gives the cells of the character-by-character split."""
    from handoff_lint.parse import gfm_tables as table_rule

    cells = importlib.import_module("markdown_it.rules_block.table").escapedSplit(row)
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    assert table_rule._split(row) == cells


def test_markdown_it_pys_own_module_is_left_as_it_is():
    table_module = importlib.import_module("markdown_it.rules_block.table")
    parser._markdown()
    assert table_module.escapedSplit.__module__ == "markdown_it.rules_block.table"
    assert table_module.escapedSplit("a \\| b|c") == ["a | b", "c"]


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


def _reference_columns(cells: int, source: str) -> list[int]:
    """Each cell's column found by scanning the line pipe by unescaped pipe (the parser's first version)."""
    import re

    spans, stripped = [], source.rstrip()
    start = len(source) - len(source.lstrip())
    if stripped[start : start + 1] == "|":
        start += 1
    for match in re.compile(r"(?<!\\)\|").finditer(source, start):
        spans.append((start, match.start()))
        start = match.end()
    if start < len(stripped):
        spans.append((start, len(source)))
    columns = []
    for index in range(cells):
        if index < len(spans):
            raw = source[spans[index][0] : spans[index][1]]
            columns.append(spans[index][0] + len(raw) - len(raw.lstrip()) + 1)
        else:
            columns.append(len(stripped) + 1)
    return columns


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab |\\\t", max_size=40), st.integers(min_value=0, max_value=6))
def test_cells_are_placed_where_a_pipe_by_pipe_scan_places_them(source, cells):
    row = [parser.Text("", 1, 0) for _ in range(cells)]
    parser._place_cells(row, source)
    assert [cell.column for cell in row] == _reference_columns(cells, source)


def test_cells_of_a_table_in_a_block_quote_are_placed_past_the_quote_marker():
    doc = parse_text("t.md", "# Handoff: Tern\n\n> | Owner | Due |\n> |---|---|\n> | Dana \\| Lee | 2027-01-05 |\n")
    (table,) = doc.preamble.tables
    assert [cell.column for cell in table.header] == [5, 13]
    assert [(cell.text, cell.column) for cell in table.rows[0]] == [("Dana | Lee", 5), ("2027-01-05", 19)]


def test_cells_are_placed_past_a_no_break_space_after_the_quote_marker():
    doc = parse_text("t.md", "# H\n\n> \u00a0| a | b |\n> |---|---|\n> \u00a0| c | d |\n")
    (table,) = doc.preamble.tables
    assert [cell.column for cell in table.header] == [6, 10]
    assert [(cell.text, cell.column) for cell in table.rows[0]] == [("c", 6), ("d", 10)]
