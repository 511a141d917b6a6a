"""The document model: what a handoff says, with the source line of every value.

Rules never look at Markdown tokens or YAML nodes; they read this model. Lines and columns
are 1-based, as printed in findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handoff_lint.model.findings import Problem
from handoff_lint.text import normalize_label


@dataclass(slots=True)  # thousands a run: slots make them smaller and quicker to build
class Text:
    """A piece of text at a place in the file: a paragraph, list item, quote, cell or field value."""

    text: str
    line: int
    column: int = 1


@dataclass(slots=True)
class Block(Text):
    """One unit of section content.

    ``kind`` is ``paragraph``, ``item`` (list or checklist item), ``quote`` (a paragraph inside a
    block quote) or ``row`` (a table body row, its cells joined with `` | ``).
    """

    kind: str = "paragraph"
    checked: bool | None = None  # for checklist items: False for "- [ ]", True for "- [x]"
    depth: int = 0  # list nesting depth, 0 for top-level items
    cells: list[Text] = field(default_factory=list)  # for table rows


@dataclass
class Table:
    line: int
    header: list[Text]
    rows: list[list[Text]]

    def column_index(self, names: set[str]) -> int | None:
        """Index of the first header cell whose normalised text is in ``names``."""
        for index, cell in enumerate(self.header):
            if normalize_label(cell.text) in names:
                return index
        return None


@dataclass(slots=True)
class Field:
    """A labelled value: a bold label (``**AE:** Dana``) or a key/value table row (``| Company | Acme |``)."""

    label: str
    value: str
    line: int
    column: int  # where the label starts
    value_column: int  # where the value starts (or would start, when it is empty)
    source: str = "label"  # "label" or "table"


@dataclass
class Section:
    title: str
    key: str  # normalised heading text, used for matching against type definitions
    level: int
    line: int
    end_line: int = 0
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    parent: Section | None = field(default=None, repr=False)


@dataclass
class Frontmatter:
    """The YAML block at the top of a handoff, as parse/frontmatter.py found it, with where each key is written."""

    present: bool = False
    data: dict | None = None
    start_line: int = 0  # line of the opening ---
    end_line: int = 0  # line of the closing ---
    body_start: int = 1  # first line of the Markdown body
    # JSON pointer ("/owner", "/tags/0") -> (line, column), 1-based
    positions: dict[str, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def position(self, pointer: str) -> tuple[int, int]:
        """Where a key path is written; falls back to its nearest written parent, then line 1."""
        while pointer:
            if pointer in self.positions:
                return self.positions[pointer]
            pointer = pointer.rsplit("/", 1)[0]
        return (self.start_line or 1, 1)

    def where(self, *path: str | int) -> tuple[int, int]:
        """Where the value at a key path is written, the keys as written (``where("tags", 0)``)."""
        return self.position("".join(f"/{escape_pointer(str(part))}" for part in path))


def escape_pointer(key: str) -> str:
    """A key as one JSON-pointer segment (RFC 6901): ``~`` → ``~0``, ``/`` → ``~1``."""
    return key.replace("~", "~0").replace("/", "~1")


@dataclass
class Document:
    path: str
    lines: list[str]
    frontmatter: Frontmatter
    title: Text | None = None
    preamble: Section | None = None  # content between the title and the first section heading
    sections: list[Section] = field(default_factory=list)
    code_lines: set[int] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        """False when the file could not be read at all (binary, not UTF-8, empty, too large, refused)."""
        return not any(p.code in {"HL001", "HL002", "HL003", "HL004"} for p in self.problems)
