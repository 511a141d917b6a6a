"""Read a file and build the document model with markdown-it-py.

markdown-it-py rather than mistune: it gives every block token a source line map and follows
GitHub's table rules (a short row is padded, not turned into a paragraph), so the linter sees
what a reviewer sees on GitHub. See docs/design.md for the measurements.
"""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint.files.limits import MAX_BLOCKS, MAX_FILE_BYTES, MAX_HEADINGS, MAX_LINES, MAX_TEXT
from handoff_lint.files.source import encoding_name, encoding_of, raw_limit, split_lines, without_embedded_data
from handoff_lint.model.document import Block, Document, Field, Frontmatter, Section, Table, Text
from handoff_lint.model.findings import Problem
from handoff_lint.parse.frontmatter import split
from handoff_lint.text import normalize_heading, split_at_pipes, strip_markup

_CHECKBOX = re.compile(r"^\[([ xX])\](?:\s+|$)")
_BOLD_LABEL = re.compile(r"\*\*([^*\n]{1,60}?)\s*(?::\*\*|\*\*\s*:)[ \t]*")
# A paragraph that is one bold line is a heading in Google-Docs and Word exports ("**1\\. Deal Summary**").
_BOLD_HEADING = re.compile(r"^(?:\*\*|__)(?!\s)([^*\n]{1,100}?)(?<!\s)(?:\*\*|__)\s*$")
_OUTLINE_NUMBER = re.compile(r"^\s*(\d+(?:\\?\.\d+)*)\\?[.)]?\s")


_TRAILING_SEPARATOR = re.compile(r"\s*[|·•]\s*$")  # "**AE:** Dana |" before the next label
_DIRECTIVES = re.compile(r"(\{[:%].*[%}]\}?\s*)+")  # {:toc}, {% hint %}


@lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt

    from handoff_lint.parse.gfm_tables import table_rows

    # commonmark + html so comments arrive as html tokens; tables and strikethrough as on GitHub.
    # maxNesting bounds the depth of nested lists and quotes (no recursion on hostile input).
    md = MarkdownIt("commonmark", {"html": True, "maxNesting": 40})
    md.enable(["table", "strikethrough"])
    # The model reads block tokens and each inline token's raw ``content``; inline parsing
    # (links, emphasis) is never used, costs about a third of the parse and is superlinear on
    # pathological brackets, so it is switched off.
    md.disable("inline")
    # The core rules left besides "block": "normalize" rewrites every line ending and NUL, which
    # parse_text has already done (split_lines; _without_nul), and "text_join" joins the children
    # of inline tokens, which the disabled inline rule no longer makes. About 1% of a run.
    md.disable(["normalize", "text_join"])
    # Tables: our rule recognises the same tables and gives one token per row (parse/gfm_tables.py);
    # it may interrupt a paragraph or a reference definition, as markdown-it-py registers its own.
    md.block.ruler.at("table", table_rows, {"alt": ["paragraph", "reference"]})
    return md


def read_document(path: str, data: bytes | None = None, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Read ``path`` (or the given bytes) into a Document. Never raises on bad content.

    ``max_bytes`` limits the handoff without its embedded base64 images (files/source.py drops them)."""
    empty = Document(path=path, lines=[], frontmatter=Frontmatter())
    if data is None:
        try:
            with open(path, "rb") as handle:
                data = handle.read(raw_limit(max_bytes) + 1)
        except OSError as exc:
            empty.problems.append(Problem("HL001", f"cannot read file: {exc.strerror or exc}", 1, 1))
            return empty
    if len(data) > raw_limit(max_bytes):
        empty.problems.append(
            Problem("HL003", f"file is larger than {max_bytes // 1024} KiB; not a handoff, not linted")
        )
        return empty
    encoding = encoding_of(data)
    if encoding.startswith("utf-8") and b"\x00" in data:
        line = data.count(b"\n", 0, data.index(b"\x00")) + 1
        empty.problems.append(Problem("HL001", "file contains NUL bytes (binary data), not a Markdown text", line))
        return empty
    try:
        decoded = data.decode(encoding)
    except UnicodeDecodeError as exc:
        empty.problems.append(_undecodable(data, encoding, exc))
        return empty
    text = without_embedded_data(decoded)
    if len(data) > max_bytes and len(text.encode("utf-8")) > max_bytes:
        images = "" if text is decoded else " without its embedded images"
        message = f"file is larger than {max_bytes // 1024} KiB{images}; not a handoff, not linted"
        empty.problems.append(Problem("HL003", message))
        return empty
    if not text.strip():
        empty.problems.append(Problem("HL002", "file is empty"))
        return empty
    return parse_text(path, text)


def _undecodable(data: bytes, encoding: str, exc: UnicodeDecodeError) -> Problem:
    """HL001 at the first byte that is not in the file's encoding (line and column for UTF-8)."""
    if not encoding.startswith("utf-8"):
        return Problem(
            "HL001",
            f"file starts with a {encoding_name(encoding)} byte-order mark but is not valid "
            f"{encoding_name(encoding)} (at byte {exc.start}); save it as UTF-8",
        )
    start = exc.start + (3 if encoding == "utf-8-sig" else 0)  # the codec counts from after the mark
    line = data.count(b"\n", 0, start) + 1
    column = start - (data.rfind(b"\n", 0, start) + 1) + 1
    return Problem("HL001", f"file is not valid UTF-8 (byte 0x{data[start]:02x}); save it as UTF-8", line, column)


def parse_text(path: str, text: str) -> Document:
    """Parse decoded text (frontmatter + Markdown) into a Document."""
    lines = split_lines(text)
    fm = split(lines)  # the frontmatter has its own size limit
    limit = None
    end = fm.body_start - 1 + MAX_LINES
    if len(lines) > end:  # cut the body before parsing: the Markdown parser is the costliest step
        limit = Problem("HL005", f"file has more than {MAX_LINES:,} lines of Markdown; the rest is not read", end)
        lines = lines[:end]
    doc = Document(path=path, lines=lines, frontmatter=fm)
    doc.problems.extend(fm.problems)
    offset = fm.body_start - 1  # lines before the body
    body = _without_nul("\n".join(_keep_tables_whole(lines[offset:])))
    _Builder(doc, offset).build(_markdown().parse(body))
    if limit is not None:
        doc.problems.append(limit)
    return doc


def _without_nul(text: str) -> str:
    """What markdown-it-py's "normalize" rule did besides line endings: a NUL character reads as U+FFFD."""
    return text.replace("\0", "\ufffd") if "\0" in text else text


_COMMENT_LINE = re.compile(r"[ \t]*<!--.*-->[ \t]*")
_DELIMITER_ROW = re.compile(r"[ \t]*\|?[ \t:|-]*-[ \t:|-]*")
_COMMENT_ROW = "\ue000"  # a private-use character: the text of the row that stands in for a comment


def _keep_tables_whole(lines: list[str]) -> list[str]:
    """A comment line between two table rows (``<!-- handoff-lint-disable-next-line -->`` above a row)
    would end the table for markdown-it; give it a stand-in row instead, which the builder drops, so the
    table stays whole and the comment can suppress a finding on the next row. Line numbers are unchanged."""
    if "<!--" not in "\n".join(lines):
        return lines
    out = list(lines)
    for index, line in enumerate(lines):
        if not _COMMENT_LINE.fullmatch(line):
            continue
        before = next((x for x in reversed(lines[:index]) if not _COMMENT_LINE.fullmatch(x)), "")
        after = next((x for x in lines[index + 1 :] if not _COMMENT_LINE.fullmatch(x)), "")
        if _is_row(before) and _is_row(after) and not _DELIMITER_ROW.fullmatch(after):
            out[index] = f"| {_COMMENT_ROW} |"
    return out


def _is_row(line: str) -> bool:
    return line.lstrip().startswith("|")


# Tokens the model takes nothing from: their content arrives in the inline token that follows.
_PASSED_OVER = frozenset(
    """paragraph_open paragraph_close heading_close
    bullet_list_open bullet_list_close ordered_list_open ordered_list_close hr s_open s_close""".split()
)


class _LimitReached(Exception):
    """A per-file limit (headings, blocks, text) was reached: the builder stops there."""


class _Builder:
    """Walks markdown-it tokens once and fills the document's title, sections and content."""

    def __init__(self, doc: Document, offset: int):
        self.doc = doc
        self.offset = offset
        self.section: Section | None = None
        self.containers: list[str] = []  # "item" / "quote" stack
        self.item_open: list[bool] = []  # per open list item: has its first paragraph been seen
        self.table: Table | None = None
        self.real_level = 1  # level of the last Markdown heading, under which bold-line headings nest
        self.pseudo_unnumbered: Section | None = None
        self.pseudo: list[Section] = []  # the sections that came from bold lines
        self.headings = self.blocks = self.text = 0

    def count(self, kind: str, limit: int, line: int, amount: int = 1) -> None:
        """Count headings, blocks or characters of text; past a limit, record HL005 and stop reading."""
        number = getattr(self, kind) + amount
        setattr(self, kind, number)
        if number > limit:
            what = f"{limit // 1024} KiB of text" if kind == "text" else f"{limit:,} {kind}"
            self.doc.problems.append(Problem("HL005", f"file has more than {what}; the rest is not read", line))
            raise _LimitReached

    def line_of(self, token) -> int:
        return (token.map[0] if token.map else 0) + self.offset + 1

    def source(self, line: int) -> str:
        return self.doc.lines[line - 1] if 0 < line <= len(self.doc.lines) else ""

    def column_of(self, line: int, piece: str) -> int:
        src = self.source(line)
        found = src.find(piece) if piece else -1
        if found >= 0:
            return found + 1
        return len(src) - len(src.lstrip()) + 1

    def current(self) -> Section:
        if self.section is None:
            self.section = Section(title="", key="", level=1, line=1)
            self.doc.preamble = self.section
        return self.section

    def build(self, tokens) -> None:
        try:
            self._build(tokens)
        except _LimitReached:
            self.table = None  # a half-read table is dropped
        if self.section is not None:
            self.section.end_line = len(self.doc.lines)

    def _build(self, tokens) -> None:
        index = 0
        while index < len(tokens):
            token = tokens[index]
            kind = token.type
            if kind in _PASSED_OVER:  # most tokens: one set lookup instead of the whole chain below
                index += 1
                continue
            if kind == "inline":
                self.inline(token)
            elif kind == "heading_open":
                self.heading(token, tokens[index + 1])
                index += 3
                continue
            if kind in ("fence", "code_block"):
                self.code(token)
            elif kind == "html_block":
                pass  # comments: suppressions read them from the lines (parse/suppressions.py)
            elif kind == "blockquote_open":
                self.containers.append("quote")
            elif kind == "blockquote_close":
                self.containers.pop()
            elif kind == "list_item_open":
                self.containers.append("item")
                self.item_open.append(False)
                if tokens[index + 1].type == "list_item_close":  # "-" with nothing after it
                    line = self.line_of(token)
                    self.add_block("", line, self.column_of(line, token.markup) + 1, "item")
            elif kind == "list_item_close":
                self.containers.pop()
                self.item_open.pop()
            elif kind == "table_row":
                self.table_row(token)
            elif kind == "table_open":
                self.table = Table(line=self.line_of(token), header=[], rows=[])
            elif kind == "table_close":
                self.finish_table()
            index += 1

    def heading(self, token, inline) -> None:
        line = self.line_of(token)
        self.count("headings", MAX_HEADINGS, line)
        level = int(token.tag[1])
        title = inline.content.strip()
        if level == 1 and self.doc.title is None:
            self.doc.title = Text(strip_markup(title), line, self.column_of(line, title))
            return
        self.real_level = level
        self.pseudo_unnumbered = None
        if self.section is not None:
            self.section.end_line = line - 1
        parent = self.section
        while parent is not None and parent.level >= level:
            parent = parent.parent
        self.section = Section(
            title=strip_markup(title), key=normalize_heading(title), level=level, line=line, parent=parent
        )
        self.doc.sections.append(self.section)

    def pseudo_heading(self, content: str, line: int) -> bool:
        """A bold line alone is a heading: numbered ones ("2.1") nest by their number."""
        match = _BOLD_HEADING.match(content.strip())
        if not match or match.group(1).rstrip().endswith(":"):
            return False
        title = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", match.group(1)).strip()
        self.count("headings", MAX_HEADINGS, line)
        if self.doc.title is None and not self.doc.sections and not (self.section and self.section.blocks):
            self.doc.title = Text(title, line, self.column_of(line, match.group(1)))
            return True
        number = _OUTLINE_NUMBER.match(title)
        current = self.section if self.section is not None and self.section.title else None
        real_level = self.real_level
        if number:
            level = real_level + 1 + number.group(1).replace("\\", "").count(".")
        elif current is None:
            level = real_level + 1
        elif self.pseudo_unnumbered is current or (current in self.pseudo and current.blocks):
            level = current.level  # a sibling: the next of a run of blocks, or "**Appendix A**" after a section
        else:
            level = current.level + 1  # the first block under a heading ("**County**" under "**7. Team**")
        if self.section is not None:
            self.section.end_line = line - 1
        parent = self.section
        while parent is not None and parent.level >= level:
            parent = parent.parent
        self.section = Section(title=title, key=normalize_heading(title), level=level, line=line, parent=parent)
        self.doc.sections.append(self.section)
        self.pseudo_unnumbered = None if number else self.section
        self.pseudo.append(self.section)
        return True

    def code(self, token) -> None:
        start = self.line_of(token)
        end = token.map[1] + self.offset if token.map else start
        self.doc.code_lines.update(range(start, end + 1))

    def inline(self, token) -> None:
        line = self.line_of(token)
        content = token.content
        if self.containers and self.containers[-1] == "item" and not self.item_open[-1]:
            self.item_open[-1] = True
            kind = "item"
        elif "quote" in self.containers:
            kind = "quote"
        else:
            kind = "paragraph"
        if kind == "paragraph" and _is_markup_only(content):
            return
        if kind == "paragraph" and not self.containers and self.pseudo_heading(content, line):
            return
        checked = None
        text = content
        if kind == "item":
            match = _CHECKBOX.match(content)
            if match:
                checked = match.group(1) != " "
                text = content[match.end() :]
        first = text.split("\n", 1)[0].strip()
        column = self.column_of(line, first) if first else self.column_of(line, content)
        block = self.add_block(text.strip(), line, column, kind)
        block.checked = checked
        block.depth = max(0, self.containers.count("item") - 1)
        self.fields_from(text, line)

    def add_block(self, text: str, line: int, column: int, kind: str) -> Block:
        self.count("blocks", MAX_BLOCKS, line)
        over = self.text + len(text) > MAX_TEXT
        if over:  # the block that crosses the text limit is kept, cut at the limit; then reading stops
            text = text[: MAX_TEXT - self.text]
        block = Block(text=text, line=line, column=column, kind=kind)
        self.current().blocks.append(block)
        if over:
            self.count("text", MAX_TEXT, line, MAX_TEXT + 1 - self.text)
        self.text += len(text)
        return block

    def fields_from(self, text: str, first_line: int) -> None:
        """Bold-label fields: ``**AE:** Dana Lee | **CSM:** Omar`` (several per line)."""
        for offset, physical in enumerate(text.split("\n")):
            if "**" not in physical:
                continue
            line = first_line + offset
            source = self.source(line)
            matches = list(_BOLD_LABEL.finditer(physical))
            for number, match in enumerate(matches):
                end = matches[number + 1].start() if number + 1 < len(matches) else len(physical)
                value = physical[match.end() : end].strip()
                value = _TRAILING_SEPARATOR.sub("", value).strip()
                label = match.group(1).strip()
                label_col = source.find(match.group(0))
                label_col = label_col + 1 if label_col >= 0 else 1
                value_col = label_col + len(match.group(0))
                self.current().fields.append(Field(label, value, line, label_col, value_col, "label"))

    def table_row(self, token) -> None:
        """A row from parse/gfm_tables.py: its cells' text, placed at their columns in the source line."""
        if self.table is None:
            return
        line = self.line_of(token)
        row = [Text(cell.strip(), line, 0) for cell in token.meta["cells"]]
        if row and row[0].text == _COMMENT_ROW:  # a comment line kept inside the table: not a row
            return
        self.count("blocks", MAX_BLOCKS, line)
        self.count("text", MAX_TEXT, line, sum([len(cell.text) for cell in row]))
        _place_cells(row, self.source(line), token.meta.get("offset", 0))
        if token.info == "header":
            self.table.header = row
        else:
            self.table.rows.append(row)

    def finish_table(self) -> None:
        table, self.table = self.table, None
        if table is None:
            return
        section = self.current()
        section.tables.append(table)
        for row in table.rows:
            joined = " | ".join([cell.text for cell in row])
            column = row[0].column if row else 1
            block = Block(text=joined, line=row[0].line if row else table.line, column=column, kind="row")
            block.cells = row
            section.blocks.append(block)
            if len(row) >= 2 and row[0].text:
                values = [cell for cell in row[1:]]
                value = " | ".join([cell.text for cell in values if cell.text]) or ""
                section.fields.append(
                    Field(strip_markup(row[0].text), value, row[0].line, row[0].column, values[0].column, "table")
                )


def _place_cells(row: list[Text], source: str, offset: int = 0) -> None:
    """Give each cell the column where its text starts in the source line; the row starts at ``offset``
    or later (after the "> " of a block quote)."""
    stripped = source.rstrip()
    rest = source[offset:]  # markdown-it skips only spaces and tabs to the row: skip any other space too
    start = max(offset + len(rest) - len(rest.lstrip()), len(source) - len(source.lstrip()))
    if source.startswith("|", start):
        start += 1
    # The raw text between the pipes; "\|" is a pipe inside a cell, not a border.
    pieces = split_at_pipes(source[start:])
    if len(source) - len(pieces[-1]) >= len(stripped):
        pieces.pop()  # nothing after the last pipe but spaces: no cell there
    position = start
    for index, cell in enumerate(row):
        if index < len(pieces):
            piece = pieces[index]
            cell.column = position + len(piece) - len(piece.lstrip()) + 1
            position += len(piece) + 1
        else:
            cell.column = len(stripped) + 1


def _is_markup_only(content: str) -> bool:
    """Kramdown/Jekyll/liquid directives such as ``{:toc}`` or ``{% hint %}`` are not content."""
    stripped = content.strip()
    return bool(_DIRECTIVES.fullmatch(stripped)) or stripped in {"---", "***"}
