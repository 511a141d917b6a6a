"""Inline suppressions in HTML comments (invisible when the handoff is rendered).

    <!-- handoff-lint-disable HL301,HL310 reason="customer has not chosen a date" -->
    …
    <!-- handoff-lint-enable -->
    <!-- handoff-lint-disable-next-line HL301 -->
    <!-- handoff-lint-disable-file HL103 -->

Without codes a directive applies to every rule. Directives inside code blocks are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from handoff_lint.files.limits import MAX_DIRECTIVES
from handoff_lint.model.findings import Finding, Problem

_DIRECTIVE = re.compile(r"<!--\s*handoff-lint-(disable-next-line|disable-file|disable|enable)\b")
MAX_BODY = 1000  # characters between the directive's name and its ``-->``
_REASON = re.compile(r"""reason\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_CODE = re.compile(r"\b(HL\d{3})\b", re.I)


@dataclass
class Directive:
    kind: str  # disable, enable, disable-next-line, disable-file
    codes: frozenset[str]  # empty = all rules
    line: int
    column: int
    reason: str = ""
    end_line: int = 0  # last line of the comment itself
    first: int = 0  # lines covered, inclusive
    last: int = 0
    used: bool = field(default=False, compare=False)

    def covers(self, finding: Finding) -> bool:
        in_range = self.first <= finding.line <= self.last
        return in_range and (not self.codes or finding.code in self.codes)


def parse_directives(lines: list[str], code_lines: set[int], problems: list | None = None) -> list[Directive]:
    """Directives in order, at most MAX_DIRECTIVES (past it, HL005 goes to ``problems``).

    Linear: the next ``-->`` is found once for all the directives before it, so thousands of
    unclosed ``<!-- handoff-lint-disable`` cost one scan, not one each.
    """
    text = "\n".join(lines)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    directives: list[Directive] = []
    close = -1  # the next "-->" at or after the current directive, found once for many directives
    consumed = 0  # end of the last directive read: a name inside its body is not a directive
    for match in _DIRECTIVE.finditer(text):
        if match.start() < consumed:
            continue
        if close < match.end():
            close = text.find("-->", match.end())
            if close < 0:
                break  # nothing closes any later comment either
        line = _line_of(starts, match.start())
        if line in code_lines or close - match.end() > MAX_BODY:
            continue
        if len(directives) == MAX_DIRECTIVES:
            if problems is not None:
                problems.append(
                    Problem(
                        "HL005", f"file has more than {MAX_DIRECTIVES} suppression comments; the rest are ignored", line
                    )
                )
            break
        column = match.start() - starts[line - 1] + 1
        body = text[match.end() : close]
        reason_match = _REASON.search(body)
        reason = (reason_match.group(1) or reason_match.group(2)) if reason_match else ""
        codes = frozenset(c.upper() for c in _CODE.findall(_REASON.sub("", body)))
        end_line = _line_of(starts, close + 2)
        directives.append(Directive(match.group(1), codes, line, column, reason, end_line))
        consumed = close + 3
    _set_ranges(directives, lines, code_lines)
    return [d for d in directives if d.kind != "enable"]


def _line_of(starts: list[int], offset: int) -> int:
    low, high = 0, len(starts) - 1
    while low < high:  # last start <= offset
        mid = (low + high + 1) // 2
        if starts[mid] <= offset:
            low = mid
        else:
            high = mid - 1
    return low + 1


def _set_ranges(directives: list[Directive], lines: list[str], code_lines: set[int]) -> None:
    end_of_file = len(lines)
    for index, directive in enumerate(directives):
        comment_end = directive.end_line
        if directive.kind == "disable-file":
            directive.first, directive.last = 1, end_of_file
        elif directive.kind == "disable-next-line":
            target = comment_end + 1
            while target <= end_of_file and _skippable(lines[target - 1]):
                target += 1
            directive.first = directive.last = min(target, end_of_file)
        elif directive.kind == "disable":
            directive.first, directive.last = directive.line, end_of_file
            for later in directives[index + 1 :]:
                if later.kind == "enable" and (not later.codes or not directive.codes or later.codes & directive.codes):
                    directive.last = later.line
                    break


def _skippable(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("<!--")


def apply_suppressions(findings: list[Finding], directives: list[Directive]) -> tuple[list[Finding], int]:
    """Findings that remain, and how many were suppressed. Marks the directives that were used."""
    kept = []
    suppressed = 0
    for finding in findings:
        covering = [d for d in directives if d.covers(finding)]
        if covering:
            for directive in covering:
                directive.used = True
            suppressed += 1
        else:
            kept.append(finding)
    return kept, suppressed
