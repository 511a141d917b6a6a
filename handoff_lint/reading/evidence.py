"""Gather the evidence of one document in one pass: every statement, with its line and its topic.

A reviewer reads a handoff for its content, wherever it is written. This module flattens the
document model into *units* — a sentence of a paragraph, a list item, a table row, a labelled
field, a heading, a frontmatter value — each carrying the words of what it is about (its
headings, its label, its table's column names, the lead words of a memo paragraph). The judges
(reading/judges.py) then look for each information element by topic and by shape, so a risk register is
found under "Watch-outs", "Landmines" or a table with a Mitigation column alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from handoff_lint.model.document import Document, Section
from handoff_lint.model.findings import Problem
from handoff_lint.reading.language.placeholders import find_placeholders, is_blank_or_placeholder
from handoff_lint.text import strip_markup

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")
_LEAD = re.compile(r"^\s*(?:\*\*|__)?([^:\n]{2,60}?)(?:\*\*|__)?\s*[:—–]\s+\S")
MAX_UNITS = 20000  # a pathological file stops contributing evidence here (it is still parsed); HL005 says so
_UNITS_REACHED = f"file has more than {MAX_UNITS:,} statements; the rest is not read"


@dataclass(slots=True)
class Unit:
    """One statement of the document, as a reviewer would read it.

    Its words and its value are worked out once, here, because every judge asks for them (several
    times a statement: a unit sits in the pools of several elements)."""

    text: str
    line: int
    kind: str  # sentence, item, row, field, heading, quote, frontmatter
    topic: tuple[str, ...]  # lowercase words of its headings, label and columns
    label: str = ""  # the field label, the lead words of a memo paragraph, or a frontmatter key
    cells: dict[str, str] = field(default_factory=dict)  # for table rows: column words -> cell text
    checked: bool | None = None  # for checklist items
    section: int = -1  # index of the heading unit this unit sits under (-1: none)
    words: tuple[str, ...] = field(init=False)  # the lowercase words of its text
    value: str = field(init=False)  # what a labelled statement says, without its label

    def __post_init__(self):
        self.words = words_of(self.text)
        self.value = _value_of(self)


def _value_of(unit: Unit) -> str:
    """What a labelled statement says, without its label: a row's cells after the first, a field's value."""
    if unit.kind == "row":
        values = list(unit.cells.values())
        return " | ".join([v for v in (values[1:] if len(values) > 1 else values) if v])
    if unit.label and unit.text.startswith(unit.label):
        return unit.text[len(unit.label) :].lstrip(" :—–-*")
    if unit.kind == "frontmatter":
        return unit.text.split(":", 1)[-1].strip()
    return unit.text


_PLAIN_WORD = re.compile(r"\w+")  # the same words when there is no "_": a category test, 1.6x faster
# The same words again in lower-case ASCII text (most statements): a table look-up per character
# instead of a Unicode category test, 1.4x faster.
_ASCII_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1024)  # one file's statements; see reading/statements.py on cache sizes
def words_of(text: str) -> tuple[str, ...]:
    lowered = text.lower()
    if lowered.isascii():
        return tuple(_ASCII_WORD.findall(lowered))
    return tuple((_WORD if "_" in lowered else _PLAIN_WORD).findall(lowered))


def _word_matches(word: str, pattern: str) -> bool:
    """A pattern matches a word as a prefix ("risk" ~ "risks"); a short one (an acronym) whole ("EDI" ≠ "edited")."""
    if len(pattern) <= 3:
        return word == pattern or word == pattern + "s"
    return word.startswith(pattern)


# Topic word tuples (headings, labels, columns) recur across a run and are worth remembering; a
# statement's own words rarely do, and thousands of long tuples would be the run's memory.
CACHED_WORDS = 16


class PhraseIndex:
    """Many named phrase lists at once: which names' phrases a tuple of words contains.

    ``{"risks": ["risk", "watch out"], "actions": ["next step"]}`` → ``hits(words)`` is the set of
    names with a phrase there. Each phrase is filed under the first four letters its first word can
    start a word with ("integrat…" under "inte"; a short word, an acronym, under itself and its plural:
    "api", "apis"). The words are looked up by their own first four letters, one set intersection
    whatever the number of phrases, and only the phrases filed under a shared head are tried where
    they stand. Topics are cached per word tuple (a section's units share theirs); a statement's
    words are not (they rarely repeat).
    """

    def __init__(self, named: dict[str, tuple[str, ...]]):
        self._by_head: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for name, phrases in named.items():
            for phrase in phrases:
                words = words_of(phrase)
                if words:
                    first = words[0]
                    for head in (first, first + "s") if len(first) <= 3 else (first[:4],):
                        self._by_head.setdefault(head, []).append((name, words))
        self._heads = frozenset(self._by_head)
        self._seen: dict[tuple[str, ...], frozenset[str]] = {}

    def hits(self, words: tuple[str, ...]) -> frozenset[str]:
        known = self._seen.get(words)
        if known is None:
            known = self._find(words)
            if len(words) <= CACHED_WORDS and len(self._seen) < 4096:
                self._seen[words] = known
        return known

    def hits_in_text(self, text: str) -> frozenset[str]:
        """The same answer for a statement's text."""
        return self._find(words_of(text))

    def hits_in_statement(self, unit: Unit) -> frozenset[str]:
        """The same answer for a statement's words (not remembered: a statement's words rarely recur)."""
        return self._find(unit.words)

    def _find(self, words: tuple[str, ...]) -> frozenset[str]:
        heads = list(map(_HEAD, words))  # each word's first four letters, sliced in C
        shared = self._heads.intersection(heads)
        if not shared:
            return _NOTHING
        found: set[str] = set()
        for index, head in enumerate(heads):
            if head in shared:
                word = words[index]
                for name, phrase in self._by_head[head]:
                    if name not in found and _word_matches(word, phrase[0]) and _follows(phrase, words, index):
                        found.add(name)
        return frozenset(found)


class TopicIndex:
    """One phrase list: whether a unit's topic words contain any of its phrases."""

    def __init__(self, phrases):
        self._index = PhraseIndex({"": tuple(phrases)})

    def matches(self, words: tuple[str, ...]) -> bool:
        return bool(self._index.hits(words))


_NOTHING: frozenset[str] = frozenset()
_HEAD = itemgetter(slice(0, 4))


def _follows(phrase: tuple[str, ...], words: tuple[str, ...], index: int) -> bool:
    """Whether the rest of the phrase's words, each matching as in ``_word_matches``, follow ``words[index]``."""
    if len(phrase) == 1:
        return True
    if index + len(phrase) > len(words):
        return False
    for k in range(1, len(phrase)):
        if not _word_matches(words[index + k], phrase[k]):
            return False
    return True


@dataclass
class Evidence:
    units: list[Unit]
    headings: list[Unit]  # the heading units, indexed by Unit.section
    title_words: tuple[str, ...] = ()  # the document title's words (it usually names the customer)
    statements: list[Unit] = field(init=False)  # every unit but headings and frontmatter values
    _by_section: dict[int, list[Unit]] | None = field(default=None, init=False, repr=False)

    def __post_init__(self):
        self.statements = [u for u in self.units if u.kind not in ("heading", "frontmatter")]

    def under(self, heading_index: int) -> list[Unit]:
        """The units directly under a heading (grouped once, on the first question: most documents ask none)."""
        if self._by_section is None:
            self._by_section = {}
            for unit in self.units:
                self._by_section.setdefault(unit.section, []).append(unit)
        return self._by_section.get(heading_index, [])


def gather(doc: Document) -> Evidence:
    """All units of ``doc``, in document order: frontmatter values first, then the body's statements."""
    units: list[Unit] = []
    headings: list[Unit] = []
    fm = doc.frontmatter
    if fm.data:
        for key, value in fm.data.items():
            text = _frontmatter_text(value)
            if text and not is_blank_or_placeholder(text):
                line, _column = fm.where(key)
                label = str(key).replace("_", " ").replace("-", " ")
                units.append(Unit(f"{label}: {text}", line, "frontmatter", words_of(label), label=label))
    heading_of: dict[int, int] = {}
    sections: list[Section] = ([doc.preamble] if doc.preamble else []) + doc.sections
    for section in sections:
        topic: tuple[str, ...] = ()
        parent_heading = -1
        if section.title:
            path = []
            current = section
            while current is not None:
                if current.title:
                    path.append(current.title)
                current = current.parent
            topic = words_of(" ".join(reversed(path)))
            parent_heading = heading_of.get(id(section.parent), -1) if section.parent else -1
            heading = Unit(section.title, section.line, "heading", topic, section=parent_heading)
            heading_of[id(section)] = len(headings)
            headings.append(heading)
            units.append(heading)
        index = heading_of.get(id(section), -1)
        # Per table, once: each column's name and all the header's words (every row's topic).
        header: dict[int, tuple[list[str], tuple[str, ...]]] = {}
        for table in section.tables:
            columns = [words_of(strip_markup(c.text)) for c in table.header]
            header[id(table)] = ([" ".join(c) for c in columns], tuple([w for c in columns for w in c]))
        rows_of = {id(row): table for table in section.tables for row in table.rows}
        lead_in: tuple[str, ...] = ()  # the words of a line that leads into a list ("What they expect:")
        for block in section.blocks:
            if len(units) >= MAX_UNITS:
                if not any(p.code == "HL005" for p in doc.problems):  # reported once, where reading stopped
                    doc.problems.append(Problem("HL005", _UNITS_REACHED, block.line))
                break
            if block.kind == "row":
                table = rows_of.get(id(block.cells))
                names, column_words = header.get(id(table), ([], ())) if table is not None else ([], ())
                cells = {}
                for number, cell in enumerate(block.cells):
                    name = names[number] if number < len(names) else f"column {number + 1}"
                    cells[name] = clean(cell.text)
                label = clean(block.cells[0].text) if len(block.cells) == 2 else ""
                row_topic = topic + column_words + (words_of(label) if label else ())
                text = " | ".join([v for v in cells.values() if v])
                units.append(Unit(text, block.line, "row", row_topic, label, cells, section=index))
                continue
            text = clean(block.text)
            if not text:
                continue
            kind = "item" if block.kind == "item" else ("quote" if block.kind == "quote" else "sentence")
            for offset, piece, piece_kind in _bulleted(text, kind):
                label = lead_words(piece)
                unit_topic = topic + (words_of(label) if label else ())
                if piece_kind != "item":
                    lead_in = _lead_in(piece) if piece_kind == "sentence" else ()
                elif lead_in:  # a list's items are about what the line before them says they are
                    unit_topic += lead_in
                unit = Unit(piece, block.line + offset, piece_kind, unit_topic, label, section=index)
                unit.checked = block.checked
                units.append(unit)
    return Evidence(units, headings, words_of(clean(doc.title.text)) if doc.title else ())


def _lead_in(text: str) -> tuple[str, ...]:
    """The words of a short line that ends with a colon and so introduces the list under it
    ("Expectations they set for us:", "the dangers, as I read them:"); () for any other line."""
    if not text.endswith(":") or len(text.split()) > 16:
        return ()
    return words_of(text)[:8]  # its opening words say what the list is about; a topic stays short


# A bullet typed as text: Google Docs exports "\\- item" (its backslash already gone here), Slack and
# email pastes keep "•", "◦" or "▪". Such a line is a list item, not part of a paragraph's prose.
_TYPED_BULLET = re.compile(r"^[-*+•·◦▪‣–](?=\s)\s*")
_BULLET_CHARACTERS = frozenset("-*+•·◦▪‣–")


def _bulleted(text: str, kind: str):
    """(line offset, statement, kind): the paragraph's typed bullets as items, the rest as ``_pieces``."""
    lines = text.split("\n") if kind == "sentence" else ()
    if not any([line[:1] in _BULLET_CHARACTERS and _TYPED_BULLET.match(line) for line in lines]):
        return [(offset, piece, kind) for offset, piece in _pieces(text, kind)]
    found: list[tuple[int, str, str]] = []
    prose: list[tuple[int, str]] = []  # lines before the first bullet, read as prose

    def flush():
        if prose:
            first = prose[0][0]
            found.extend((first + o, p, kind) for o, p in _pieces("\n".join(x for _n, x in prose), kind))
            prose.clear()

    for number, line in enumerate(lines):
        bullet = _TYPED_BULLET.match(line)
        if bullet:
            flush()
            found.append((number, line[bullet.end() :].strip(), "item"))
        elif found and found[-1][2] == "item" and not prose:
            offset, previous, _kind = found[-1]  # a continuation line of the bullet above
            found[-1] = (offset, f"{previous} {line.strip()}", "item")
        else:
            prose.append((number, line))
    flush()
    return [piece for piece in found if piece[1]]


def _pieces(text: str, kind: str):
    """A paragraph is read sentence by sentence (memo prose); items and quotes stay whole.

    A paragraph of short "Label: value" lines (a Notion property block) is read line by line.
    """
    if kind != "sentence" and "\n" not in text:
        return ((0, text),)  # most items: one line, already clean
    lines = text.split("\n")
    if kind != "sentence" or (len(lines) > 1 and all(_lead(x) or len(x.split()) <= 6 for x in lines)):
        if kind == "sentence":
            return [(number, line.strip()) for number, line in enumerate(lines) if line.strip()]
        return [(0, " ".join(line.strip() for line in lines))]
    pieces = []
    joined = " ".join(line.strip() for line in lines)
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(joined)]
    line_starts = []
    position = 0
    for line in lines:
        line_starts.append(position)
        position += len(line.strip()) + 1
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(joined)
        sentence = joined[start:end].strip()
        if sentence:
            offset = sum(1 for s in line_starts[1:] if s <= start)
            pieces.append((offset, sentence))
    return pieces


_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# Every alternative starts with its character and looks behind it afterwards: the engine jumps to them.
# "__" inside a word is part of a name (a CRM field: "Pain__c"), not emphasis.
_EMPHASIS = re.compile(r"\*\*|__(?<!\w__)|__(?!\w)|\*(?<!\w\*)(?=\S)|\*(?<=\S\*)(?!\w)|`")


@lru_cache(maxsize=4096)
def clean(text: str) -> str:
    """What a statement says: escapes, emphasis and template placeholders ("[Name]", "TBD") removed."""
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    text = strip_markup(text)
    if "*" in text or "_" in text or "`" in text:
        text = _EMPHASIS.sub("", text)
    text = text.strip()
    if is_blank_or_placeholder(text):
        return ""
    for start, token in sorted(find_placeholders(text), reverse=True):
        text = text[:start] + text[start + len(token) :]
    return "\n".join([" ".join(line.split()) for line in text.split("\n")]).strip()


def _lead(text: str):
    """_LEAD's match; a label needs its colon or dash, and half of all statements have neither."""
    return _LEAD.match(text) if ":" in text or "—" in text or "–" in text else None


def lead_words(text: str) -> str:
    """The label a statement starts with: ``Budget:``, ``**Risks as I see them:**``, ``Dana — ``."""
    match = _lead(text)
    if match and len(match.group(1).split()) <= 8:
        return match.group(1).strip(" *_")
    return ""


def _frontmatter_text(value) -> str:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip()
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if isinstance(v, (str, int, float)))
    return ""
