"""``handoff-lint fix``: insert what a handoff is missing, as skeletons the linter still reports.

The reading model (reading/statements.py, reading/judges.py, reading/completeness.py) already knows
what a receiver will not find: an information element that is nowhere (HL110), a required section (HL101, with
``structure = "template"``), the ``type:`` that was only guessed from the content. A fix writes a
slot for each where a reader looks for it — in the section of its category, in the document's own
heading level, list style and table shape — holding a placeholder (``___``) that the placeholder
rules go on reporting until the writer fills it. The author's lines are never changed: a fix only
inserts lines (``--unsafe-fixes`` may also rewrite an unambiguous frontmatter date as YYYY-MM-DD).
A fix is kept only when the score does not go down, and a second run finds nothing to insert.
"""

from __future__ import annotations

import difflib
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field

from handoff_lint.engine.linter import Reading
from handoff_lint.files.boundary import Boundary
from handoff_lint.handoff_types.definitions import ElementSpec, HandoffType, SectionSpec
from handoff_lint.handoff_types.sections import Outline
from handoff_lint.model.categories import COMPLETE
from handoff_lint.model.document import Document, Section
from handoff_lint.parse.parser import read_document
from handoff_lint.reading.evidence import words_of
from handoff_lint.reading.language.placeholders import is_blank_or_placeholder
from handoff_lint.reading.slots import ACTION_SKELETON, BLANK, bracketed, element_line, table_row

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_ITEM = re.compile(r"^(\s*)([-*+]|\d+[.)])(\s+)(\[[ xX]\]\s+)?")
_ROW = re.compile(r"^\s*\|")


class FixRefused(Exception):
    """A file that ``fix`` must not write: a symlink, outside the repository, unreadable."""


@dataclass(frozen=True)
class Insertion:
    """Lines to put after line ``after`` of the original (0: before the first line)."""

    after: int
    lines: tuple[str, ...]
    why: str
    elements: tuple[str, ...] = ()  # labels of the information elements it gives a slot (HL110 names them)


@dataclass(frozen=True)
class Replacement:
    """An unsafe fix: line ``line`` of the original becomes ``text`` (its line ending kept)."""

    line: int
    text: str
    why: str


@dataclass
class FixResult:
    path: str
    original: str
    fixed: str
    applied: list[str] = field(default_factory=list)  # what was inserted or rewritten, in words
    insertions: list[Insertion] = field(default_factory=list)  # the kept ones (the editor offers each)

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        before = self.original.splitlines(keepends=True)
        after = self.fixed.splitlines(keepends=True)
        lines = difflib.unified_diff(before, after, f"a/{self.path}", f"b/{self.path}")
        return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)


def read(linter, path: str, data: bytes) -> Reading:
    """The document as ``Linter.lint`` reads it (type, outline, judges), for the fixer."""
    return linter.read(read_document(path, data, linter.config.max_file_bytes))


def fix_text(linter, path: str, text: str, unsafe: bool = False) -> FixResult:
    """The fixed text of one handoff (nothing is written here)."""
    result = FixResult(path, text, text)
    data = text.encode("utf-8")
    reading = read(linter, path, data)
    if reading.handoff_type is None:
        return result
    plan = _plan(reading, linter.config.structure)
    replacements = _date_replacements(reading) if unsafe else []
    if not plan and not replacements:
        return result
    baseline = linter.lint(path, data).score or 0
    kept_insertions, kept_replacements = [], []
    # All at once first (the common case); one by one when that would lower the score.
    candidate = _apply(text, plan, replacements)
    if _score(linter, path, candidate) >= baseline:
        kept_insertions, kept_replacements = plan, replacements
    else:
        for fix in [*plan, *replacements]:
            trial_i = kept_insertions + ([fix] if isinstance(fix, Insertion) else [])
            trial_r = kept_replacements + ([fix] if isinstance(fix, Replacement) else [])
            if _score(linter, path, _apply(text, trial_i, trial_r)) >= baseline:
                kept_insertions, kept_replacements = trial_i, trial_r
    result.fixed = _apply(text, kept_insertions, kept_replacements)
    result.applied = [fix.why for fix in [*kept_insertions, *kept_replacements]]
    result.insertions = kept_insertions
    return result


def _score(linter, path: str, text: str) -> int:
    return linter.lint(path, text.encode("utf-8")).score or 0


# --- what to insert, and where ---------------------------------------------------------------


def _plan(reading: Reading, structure: str) -> list[Insertion]:
    doc, handoff_type, outline = reading.doc, reading.handoff_type, reading.outline
    lines = doc.lines
    existing = {line.strip() for line in lines}
    insertions: list[Insertion] = []
    if reading.type_source == "content" and "type" not in (doc.frontmatter.data or {}):
        insertions.append(_type_key(doc, handoff_type.name))  # a blank "type:" is the author's: left as is
    new_sections: dict[str, list[str]] = {}  # spec key -> the lines under its new heading
    reasons: dict[str, list[str]] = {}
    if structure == "template":
        for spec in handoff_type.sections:
            if spec.required and spec.key not in outline.matched:
                new_sections[spec.key] = _section_skeleton(spec)
                reasons[spec.key] = [f"section '{spec.heading}'"]
    for judged in reading.judgements.values():
        if judged.status == COMPLETE:
            continue
        for element in judged.elements:
            if element.grade or not element.spec.core:
                continue
            spec = element.spec
            home, named = _home_section(spec, handoff_type, outline)
            if home is not None and _has_slot(spec, handoff_type, home, named, outline):
                continue
            if home is not None:
                insertion = _into_section(spec, home, doc, existing)
                if insertion is not None:
                    insertions.append(insertion)
                continue
            target = _new_section_spec(spec, handoff_type)
            if target is None:
                continue
            body = new_sections.setdefault(target.key, [])
            reasons.setdefault(target.key, [f"section '{target.heading}'"])
            line = element_line(spec)
            if line not in body:
                body.extend(([""] if body and spec.category != "actions" else []) + [line])
                reasons[target.key].append(spec.label)
    insertions.extend(_new_sections(doc, handoff_type, outline, new_sections, reasons))
    return [i for i in insertions if not _inside_code(doc, i.after)]


_FENCE = re.compile(r"^\s{0,3}(?:`{3,}|~{3,})")


def _inside_code(doc: Document, after: int) -> bool:
    """Whether lines put after line ``after`` would land in a fenced code block (an unclosed one runs to the end)."""
    code = doc.code_lines
    if after not in code:
        return False
    closes = _FENCE.match(doc.lines[after - 1]) is not None and after - 1 in code
    return not closes


def _type_key(doc: Document, name: str) -> Insertion:
    why = f"type: {name} (read from the content)"
    fm = doc.frontmatter
    if fm.present and isinstance(fm.data, dict):
        return Insertion(fm.start_line, (f"type: {name}",), why)
    return Insertion(0, ("---", f"type: {name}", "---"), why)


def _home_section(spec: ElementSpec, handoff_type: HandoffType, outline: Outline) -> tuple[Section | None, bool]:
    """The document's section of the element's category that a reader would look in first, and
    whether its heading names the element (rather than only sharing its category)."""
    ranked = []
    for order, section_spec in enumerate(handoff_type.sections):
        section = outline.matched.get(section_spec.key)
        if section is None or section_spec.category != spec.category:
            continue
        named = _names(spec, section.title)
        ranked.append((-(2 * named + (_kind(spec) in section_spec.kinds)), order, section, named))
    if not ranked:
        return None, False
    _rank, _order, section, named = min(ranked, key=lambda entry: entry[:2])
    return section, named


def _names(spec: ElementSpec, title: str) -> bool:
    """Whether a heading names the element: "Internal Champion" names the champion."""
    words = words_of(title)
    return spec.topic_index.matches(words) or bool(spec.roles and spec.role_index.matches(words))


def _kind(spec: ElementSpec) -> str | None:
    """The kind of section (a type's ``kinds``) that holds the element."""
    return "timeline" if spec.needs == "dated" else _KIND_OF.get(spec.category)


_KIND_OF = {
    "risks": "risks",
    "actions": "action-items",
    "relationship": "stakeholders",
    "expectations": "success-criteria",
}


def _has_slot(spec: ElementSpec, handoff_type: HandoffType, home: Section, named: bool, outline: Outline) -> bool:
    """The document already holds a slot for the element — a field labelled for it in a section of its
    category, or a placeholder under a heading that names it — which the writer has, and the
    placeholder rules report: another one would only repeat it."""
    for section_spec in handoff_type.sections:
        section = outline.matched.get(section_spec.key)
        if section is None or section_spec.category != spec.category:
            continue
        for found in outline.fields(section):
            if spec.topic_index.matches(words_of(found.label)):
                return True  # "| Data migration | N/A |": HL110 says what it lacks
    return named and any(_blank_block(block) for block in outline.content(home))


def _blank_block(block) -> bool:
    if block.kind == "row":
        values = block.cells[1:] if len(block.cells) > 1 else block.cells
        return all([is_blank_or_placeholder(cell.text) for cell in values])
    return is_blank_or_placeholder(block.text)


def _new_section_spec(spec: ElementSpec, handoff_type: HandoffType) -> SectionSpec | None:
    """The type's section to add for the element: of its kind, named for it, required, first."""
    ranked = [
        (-(2 * (_kind(spec) in s.kinds) + 2 * _names(spec, s.heading) + s.required), order, s)
        for order, s in enumerate(handoff_type.sections)
        if s.category == spec.category
    ]
    return min(ranked, key=lambda entry: entry[:2])[2] if ranked else None


def _section_skeleton(spec: SectionSpec) -> list[str]:
    required = [f for f in spec.fields if f.required]
    if required:
        return [f"**{f.name}:** {BLANK}" for f in required]
    columns = [c for c in spec.columns if c.required]
    if columns:
        return [
            "| " + " | ".join(c.name for c in columns) + " |",
            "|" + "|".join("---" for _ in columns) + "|",
            "| " + " | ".join(BLANK for _ in columns) + " |",
        ]
    if "action-items" in spec.kinds:
        return [f"- {ACTION_SKELETON}"]
    return [bracketed(spec.heading, spec.guidance)]


def _into_section(spec: ElementSpec, section: Section, doc: Document, existing: set[str]) -> Insertion | None:
    """A slot for the element at the end of the section's own content, in the shape that content has."""
    lines = doc.lines
    end = _content_end(section, doc)
    last = end
    while last > section.line and not lines[last - 1].strip():
        last -= 1
    table = section.tables[-1] if section.tables else None
    table_end = _table_end(table, lines) if table is not None else 0
    row = table_row(spec, table) if table is not None and table_end == last else None
    if row is not None:
        if row.strip() in existing:
            return None
        return Insertion(last, (row,), f"{spec.label} (a row of the table at line {table.line})", (spec.label,))
    item = _ITEM.match(lines[last - 1]) if last > section.line else None
    plain = element_line(spec)
    if spec.category == "actions":
        if any(ACTION_SKELETON in line for line in lines):
            return None
        if item:
            line = item.group(1) + _bullet(item) + item.group(3) + ACTION_SKELETON
            return Insertion(last, (line,), spec.label, (spec.label,))
        return _paragraph(last, end, lines, plain, spec.label)
    if any(line.strip().endswith(plain) for line in lines):
        return None
    if item:
        return Insertion(last, (item.group(1) + _bullet(item) + item.group(3) + plain,), spec.label, (spec.label,))
    return _paragraph(last, end, lines, plain, spec.label)


def _bullet(item: re.Match) -> str:
    marker = item.group(2)
    number = re.match(r"\d+", marker)
    return f"{int(number.group(0)) + 1}{marker[-1]}" if number else marker


def _paragraph(last: int, end: int, lines: list[str], text: str, why: str) -> Insertion:
    """A block of its own: a blank line before it, and after it when text follows directly."""
    after = ("",) if last < len(lines) and lines[last].strip() else ()
    return Insertion(last, ("", text, *after), why, (why,))


def _table_end(table, lines: list[str]) -> int:
    """The table's last line: its last row, or the delimiter row when it has none."""
    line = table.rows[-1][0].line if table.rows and table.rows[-1] else table.line + 1
    while line < len(lines) and _ROW.match(lines[line]):
        line += 1
    return line


def _content_end(section: Section, doc: Document) -> int:
    """The last line before the next heading (of any level), or of the document."""
    following = [s.line for s in doc.sections if s.line > section.line]
    return (min(following) - 1) if following else _last_line(doc)


def _subtree_end(section: Section, doc: Document) -> int:
    following = [s.line for s in doc.sections if s.line > section.line and s.level <= section.level]
    return (min(following) - 1) if following else _last_line(doc)


def _last_line(doc: Document) -> int:
    count = len(doc.lines)
    while count > 0 and not doc.lines[count - 1].strip():
        count -= 1
    return count


def _new_sections(doc, handoff_type, outline, bodies: dict[str, list[str]], reasons) -> list[Insertion]:
    """Each new section after the section the type lists before it, at the document's heading level."""
    if not bodies:
        return []
    level = _section_level(doc, outline)
    insertions = []
    specs = handoff_type.sections
    for index, spec in enumerate(specs):
        if spec.key not in bodies:
            continue
        previous = next((outline.matched[s.key] for s in reversed(specs[:index]) if s.key in outline.matched), None)
        following = next((outline.matched[s.key] for s in specs[index + 1 :] if s.key in outline.matched), None)
        block = ["#" * level + " " + spec.heading, "", *bodies[spec.key]]
        if previous is not None:
            after = _subtree_end(previous, doc)
            while after > previous.line and not doc.lines[after - 1].strip():
                after -= 1
            lines = ["", *block]
            if after < len(doc.lines) and doc.lines[after].strip():
                lines.append("")
        elif following is not None:
            after = following.line - 1
            lines = [*block, ""]
            if after > 0 and doc.lines[after - 1].strip():
                lines.insert(0, "")
        else:
            after = _last_line(doc)
            lines = ["", *block] if after else block
        elements = tuple(reasons[spec.key][1:])  # after the section's own name
        insertions.append(Insertion(after, tuple(lines), ", ".join(reasons[spec.key]), elements))
    return insertions


def _section_level(doc: Document, outline: Outline) -> int:
    levels = Counter(s.level for s in outline.matched.values())
    if levels:
        return levels.most_common(1)[0][0]
    title_level = 1 if doc.title is not None else 0
    return max(2, title_level + 1)


# --- unsafe: dates -------------------------------------------------------------------------------


def _date_replacements(reading: Reading) -> list[Replacement]:
    """A frontmatter date the schema wants as YYYY-MM-DD, written one unambiguous other way ("Nov 3, 2026")."""
    from handoff_lint.reading.language.dates import find_dates

    fm = reading.doc.frontmatter
    if not isinstance(fm.data, dict):
        return []
    properties = reading.handoff_type.schema.get("properties", {})
    replacements = []
    for key, value in fm.data.items():
        if not isinstance(value, str) or properties.get(key, {}).get("format") != "date":
            continue
        mentions = find_dates(value)
        if len(mentions) != 1 or mentions[0].value is None or mentions[0].text != value.strip():
            continue
        iso = mentions[0].value.isoformat()
        if iso == value.strip():
            continue
        keys = range(fm.start_line + 1, fm.end_line)
        line = next((n for n in keys if _is_key_line(reading.doc.lines[n - 1], key)), 0)
        if not line:
            continue
        source = reading.doc.lines[line - 1]
        at = source.find(value.strip())
        if at < 0:
            continue
        text = source[:at] + iso + source[at + len(value.strip()) :]
        replacements.append(Replacement(line, text, f"{key}: {value.strip()} -> {iso}"))
    return replacements


def _is_key_line(line: str, key: str) -> bool:
    return re.match(rf"^{re.escape(str(key))}\s*:", line) is not None


# --- text in, text out ---------------------------------------------------------------------------


def source_lines(text: str) -> list[str]:
    """The text's lines with their own endings, numbered as the parser numbers them."""
    return _LINE.findall(text)


def newline_of(lines: list[str]) -> str:
    """The line ending the text uses (its first line's), LF for a text of one line."""
    return next((line[len(line.rstrip("\r\n")) :] for line in lines if line.endswith(("\n", "\r"))), "\n")


def grouped(insertions: list[Insertion]) -> dict[int, list[str]]:
    """The lines to put after each line, several insertions at one place joined by one blank line."""
    after: dict[int, list[str]] = {}
    for insertion in insertions:
        group = after.setdefault(insertion.after, [])
        for line in insertion.lines:
            if not (line == "" and group and group[-1] == ""):
                group.append(line)
    return after


def _apply(text: str, insertions: list[Insertion], replacements: list[Replacement]) -> str:
    lines = source_lines(text)
    if not insertions and not replacements:
        return text
    newline = newline_of(lines)
    bom = ""
    if lines and lines[0].startswith("\ufeff"):
        bom, lines[0] = "\ufeff", lines[0][1:]
    for replacement in replacements:
        old = lines[replacement.line - 1]
        lines[replacement.line - 1] = replacement.text + old[len(old.rstrip("\r\n")) :]
    after = grouped(insertions)
    out = [line + newline for line in after.get(0, [])]
    for number, line in enumerate(lines, start=1):
        out.append(line)
        added = after.get(number, [])
        ending = line[len(line.rstrip("\r\n")) :]
        if added and not ending:  # the last line, without an ending: keep it so
            out.append(newline + newline.join(added))
        else:  # the line's own ending: after a lone CR, a LF would join it into one CRLF
            out.extend(new + ending for new in added)
    return bom + "".join(out)


def write_atomically(path: str, text: str) -> None:
    """Write through a temporary file in the same folder, then replace: never a half-written handoff."""
    folder = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(prefix=".handoff-lint-fix-", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def refusal(path: str, boundary: Boundary) -> str | None:
    """Why ``fix`` must not write ``path``: a symlink, or a file whose real place is outside the repository."""
    if os.path.islink(path):
        return "is a symlink; not fixed"
    if boundary.outside(path):
        return "is outside the repository; not fixed"
    return None


def fix_file(linter, path: str, unsafe: bool = False) -> FixResult:
    """Read one handoff and work out its fix (the caller writes it, or prints the diff)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(linter.config.max_file_bytes + 1)
    except OSError as exc:
        raise FixRefused(f"cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise FixRefused("is not valid UTF-8; not fixed") from None
    if len(data) > linter.config.max_file_bytes or "\x00" in text:
        raise FixRefused("is not a handoff (too large or binary); not fixed")
    return fix_text(linter, path, text, unsafe)
