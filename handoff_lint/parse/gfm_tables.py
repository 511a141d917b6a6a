"""GFM tables for markdown-it-py, one token per row instead of three per cell.

markdown-it-py's own table rule pushes ``tr_open``, then ``td_open``, ``inline`` and ``td_close``
for every cell, and ``tr_close``: in a handoff, where tables carry stakeholders, risks and success
criteria, those tokens are about two thirds of all of them, and the model reads nothing from them
but each cell's text and each row's line. This rule recognises exactly the tables the original
recognises (the same delimiter row, header and termination checks; tests compare the two) and pushes

    table_open                      map: the table's lines
    table_row  (info "header")      map: the row's line; meta["cells"]: the cells' text;
                                    meta["offset"]: where the row starts in its line
    table_row  (info "")            … one per body row, padded or cut to the header's width
    table_close

Cells are split at unescaped pipes (``\\|`` is a pipe inside a cell) and trimmed as markdown-it-py
trims them.
"""

from __future__ import annotations

import importlib
import re

from handoff_lint.text import split_at_pipes

try:  # markdown-it-py 4 trims with CommonMark's whitespace; 3 with str.strip()
    from markdown_it.common.utils import mdTrim as _trim
except ImportError:  # pragma: no cover - markdown-it-py 3
    _trim = str.strip

_original = importlib.import_module("markdown_it.rules_block.table")  # the module, not its rule function
_DELIMITER_CELL = re.compile(r"^:?-+:?$")
_MAX_AUTOCOMPLETED_CELLS = getattr(_original, "MAX_AUTOCOMPLETED_CELLS", 0x10000)


def _split(row: str) -> list[str]:
    """A row's cells between its pipes, without the empty ones its outer pipes leave.

    A pipe right after a backslash is part of its cell, and that backslash is dropped, as
    markdown-it-py's ``escapedSplit`` does it character by character (``a \\| b`` is ``a | b``).
    """
    cells = split_at_pipes(row)
    if "\\" in row:
        cells = [cell.replace("\\|", "|") for cell in cells]
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def _line(state, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _delimiter_columns(state, line: int) -> int:
    """How many columns a delimiter row (``|---|:--:|``) declares; 0 when the line is not one."""
    start, end = state.bMarks[line] + state.tShift[line], state.eMarks[line]
    if end - start < 2:
        return 0
    first, second = state.src[start], state.src[start + 1]
    if first not in "|-:" or (second not in "|-: \t") or (first == "-" and second in " \t"):
        return 0
    text = state.src[start:end]
    if text.strip("|-: \t"):
        return 0  # another character than pipes, dashes, colons and spaces
    parts = text.split("|")
    count = 0
    for index, part in enumerate(parts):
        part = _trim(part)
        if not part:
            if index == 0 or index == len(parts) - 1:
                continue  # outer pipes; "---||---" is not a delimiter row
            return 0
        if not _DELIMITER_CELL.search(part):
            return 0
        count += 1
    return count


def table_rows(state, start_line: int, end_line: int, silent: bool) -> bool:
    """The block rule: a header row, a delimiter row of the same width, then body rows."""
    if start_line + 2 > end_line:
        return False
    delimiter = start_line + 1
    if state.sCount[delimiter] < state.blkIndent or state.is_code_block(delimiter):
        return False
    columns = _delimiter_columns(state, delimiter)
    if not columns:
        return False
    header_text = _trim(_line(state, start_line))
    if "|" not in header_text or state.is_code_block(start_line):
        return False
    header = _split(header_text)
    if len(header) != columns:
        return False
    if silent:
        return True

    old_parent, state.parentType = state.parentType, "table"
    terminators = state.md.block.ruler.getRules("blockquote")  # as markdown-it-py: tables end like quotes
    opening = state.push("table_open", "table", 1)
    opening.map = lines = [start_line, 0]
    _push_row(state, start_line, [_trim(cell) for cell in header], "header")
    autocompleted = 0
    line = start_line + 2
    while line < end_line:
        if state.sCount[line] < state.blkIndent:
            break
        if _interrupted(state, line, end_line, terminators):
            break
        text = _trim(_line(state, line))
        if not text or state.is_code_block(line):
            break
        cells = _split(text)
        autocompleted += columns - len(cells)
        if autocompleted > _MAX_AUTOCOMPLETED_CELLS:
            break
        cells = [_trim(cell) if cell else "" for cell in cells[:columns]]
        cells.extend([""] * (columns - len(cells)))
        _push_row(state, line, cells, "")
        line += 1
    state.push("table_close", "table", -1)
    lines[1] = line
    state.parentType = old_parent
    state.line = line
    return True


def _interrupted(state, line: int, end_line: int, terminators) -> bool:
    """Whether another block (a quote, a fence, a list, a heading…) starts on ``line``."""
    for terminate in terminators:
        if terminate(state, line, end_line, True):
            return True
    return False


def _push_row(state, line: int, cells: list[str], info: str) -> None:
    token = state.push("table_row", "tr", 0)
    token.map = [line, line + 1]
    token.info = info
    token.meta["cells"] = cells
    # Where the row starts in its line, past any "> " of a block quote (0-based).
    start = state.bMarks[line] + state.tShift[line]
    token.meta["offset"] = start - (state.src.rfind("\n", 0, start) + 1)
