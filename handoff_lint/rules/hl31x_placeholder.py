"""Template placeholders left anywhere in the handoff's text."""

from __future__ import annotations

import re

from handoff_lint.model.findings import Finding
from handoff_lint.reading.language.placeholders import (
    find_placeholders,
    is_blank_or_placeholder,
    is_option_list,
    unfilled_detail,
)
from handoff_lint.reading.language.risks import is_bare_none
from handoff_lint.rules.registry import Context, rule
from handoff_lint.text import strip_markup, truncate


def placeholder(ctx: Context):
    """One finding a line: a template line such as "- [ ] [Action] — [owner], due [YYYY-MM-DD]" is one
    thing left unfilled, and a line HL301/HL302 already report as unfilled gets nothing more."""
    reported = _field_positions(ctx)
    taken = {line for line, _column in reported}
    by_line: dict[int, list[Finding]] = {}
    for finding in _placeholders(ctx, reported):
        if finding.line not in taken:
            by_line.setdefault(finding.line, []).append(finding)
    for findings in by_line.values():
        yield findings[0] if len(findings) == 1 else _merged(findings)


def _merged(findings: list[Finding]) -> Finding:
    first = findings[0]
    tokens = [_TOKEN_MESSAGE.fullmatch(f.message) for f in findings]
    if all(tokens):
        quoted = [match.group(1) for match in tokens]
        more = f" and {len(quoted) - _LISTED:,} more" if len(quoted) > _LISTED else ""
        message = f"placeholders {', '.join(quoted[:_LISTED])}{more} left in"
    else:
        more = f"; and {len(findings) - _LISTED:,} more" if len(findings) > _LISTED else ""
        message = "; ".join([f.message for f in findings[:_LISTED]]) + more
    return Finding("", message, first.line, first.column, section=first.section)


_LISTED = 5  # placeholders quoted in one line's finding; the rest are counted
_TOKEN_MESSAGE = re.compile(r"placeholder ('.*'|\".*\") left in", re.S)


def _placeholders(ctx: Context, reported):
    doc = ctx.doc
    risks = {spec.key for spec in ctx.handoff_type.sections_of_kind("risks")} if ctx.handoff_type else set()
    if doc.title is not None:
        yield from _scan(doc.title.text, doc.title.line, doc.title.column, None, reported)
    for section in ([doc.preamble] if doc.preamble else []) + doc.sections:
        key = ctx.section_key(section)
        labelled: dict[int, list] = {}  # lines of "**AE:** … | **CSM:** …" fields: each value is scanned alone
        for found in section.fields:
            if found.source == "label":
                labelled.setdefault(found.line, []).append(found)
        for block in section.blocks:
            if block.line in doc.code_lines:
                continue
            lines = range(block.line, block.line + block.text.count("\n") + 1)
            if block.kind != "row" and all([line in labelled for line in lines]):
                for found in (found for line in lines for found in labelled[line]):
                    yield from _scan(found.value, found.line, found.value_column, key, reported, label=found.label)
            elif block.kind == "row":
                filled = len([cell for cell in block.cells if not is_blank_or_placeholder(cell.text)])
                for cell in block.cells:
                    if filled and cell.text.strip().lower() in _NOT_APPLICABLE:
                        continue  # "| Touchless rate | — | ≥ 85% |": a dash in a filled row means "none"
                    yield from _scan(cell.text, cell.line, cell.column, key, reported)
            elif key in risks and is_bare_none(block.text):
                continue  # "None." under a risks heading states no risks, as "None known." does (HL422)
            else:
                yield from _scan(block.text, block.line, block.column, key, reported, doc.lines)


rule(
    "HL310",
    "placeholder",
    category="content",
    severity="error",
    affects_score=True,
    means_empty=True,
    needs_type=False,
    summary="Template placeholder text is left in the handoff.",
    rationale="""Placeholders such as `[Name]`, `$[amount]`, `{{client}}`, `<owner>`, `______`,
    `YYYY-MM-DD`, a whole value of `TBD`/`N/A`/`-`, or an option list never resolved (`🔴🟡🟢`,
    `Complete / Partial / Missing`) mean the template was not filled in. Code blocks and HTML
    comments are not checked. A section with a placeholder counts as Partial in the score.""",
    bad="**Contract Start:** [Date]",
    good="**Contract Start:** 2026-12-01",
    check=placeholder,
)


# In a table row with real content, these cells say "not applicable"; required columns are checked by HL302.
_NOT_APPLICABLE = {"-", "—", "–", "n/a", "none"}


def _scan(text, line, column, key, reported, lines=None, label=None):
    first_line = text.split("\n", 1)[0]
    tokens = find_placeholders(text)
    if not tokens and text.strip() and is_blank_or_placeholder(first_line):
        if (line, column) not in reported:
            if label:  # worded as HL301 words a required field
                message = f"{label!r} {unfilled_detail(text, 40)}"
            elif is_option_list(strip_markup(first_line).strip()):
                message = f"value {unfilled_detail(text, 40)}"
            else:
                message = f"placeholder value {truncate(text.strip(), 40)!r}"
            yield Finding("", message, line, column, section=key)
        return
    for offset, token in tokens:
        line_offset = text.count("\n", 0, offset)
        at_line = line + line_offset
        if line_offset == 0:
            at_column = column + offset
        else:
            start = text.rfind("\n", 0, offset) + 1
            source = lines[at_line - 1] if lines and at_line <= len(lines) else ""
            piece = text[start : offset + len(token)]
            found = source.find(piece)
            at_column = (found if found >= 0 else 0) + (offset - start) + 1
        if (at_line, at_column) in reported:
            continue
        yield Finding("", f"placeholder {truncate(token, 50)!r} left in", at_line, at_column, section=key)


def _field_positions(ctx: Context) -> set[tuple[int, int]]:
    """Places already reported as an empty required field or row cell (no double findings)."""
    positions = set()
    for assessment in ctx.assessments.values():
        for check in assessment.fields:
            if check.spec.required and check.field is not None and not check.filled:
                positions.add((check.field.line, check.field.value_column))
        for row in assessment.rows:
            for _column, col, _text in row.empty_columns:
                positions.add((row.block.line, col))
    return positions
