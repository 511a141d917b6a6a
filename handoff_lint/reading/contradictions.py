"""Dates that contradict each other: the same call on two days, a renewal in November and in March.

A receiver cannot act on a handoff that gives two answers to "when". Only events a handoff names
once are compared (the first call, the close, the renewal): a project has many meetings and many
go-lives (phases), but one renewal date. Each contradiction belongs to a score category (a call to
the action items, the close and renewal to expectations and timeline) and downgrades it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from handoff_lint.lazy_pattern import compile_on_use
from handoff_lint.reading.evidence import Evidence
from handoff_lint.reading.language.dates import MONTH_PATTERN, find_dates, may_name_a_month

# "Renewal notice due 2026-10-01", "Renewal prep on 2026-09-15": a date of another event that leads up
# to the renewal, not a second renewal date.
_NOT_THE_EVENT = (
    r"(?!\s+(?:notice|prep\w*|call|meeting|review|conversation|discussion|reminder|deadline|kick-?off|planning"
    r"|plan|quote|proposal|pricing|terms)\b)"
)
# "Renewal call booked for …", "QBR call scheduled …": a later call, not the first one.
_LATER_CALLS = (
    "renewal",
    "prep",
    "qbr",
    "follow-up",
    "followup",
    "check-in",
    "kickoff",
    "kick-off",
    "closing",
    "weekly",
)
_NOT_A_LATER_CALL = "".join(rf"(?<!{re.escape(word)} )" for word in _LATER_CALLS)
# event -> (category, words without which the pattern cannot match (a cheap test first), the pattern)
_EVENTS = {
    "first call": (
        "actions",
        frozenset({"call"}),
        re.compile(
            r"\b(?:first|discovery|intro)\s+call\b|" + _NOT_A_LATER_CALL + r"\bcall\s+(?:is|booked|scheduled|set)\b",
            re.I,
        ),
    ),
    "close": (
        "expectations",
        frozenset({"close", "closing"}),
        re.compile(
            r"\bclose[_ -]date\b|\btarget(?:ing)?\s+close\b|\bexpected\s+close\b"
            r"|\bclos(?:e|ing)\s+(?:by|in|end\s+of)\b",
            re.I,
        ),
    ),
    "renewal": (
        "expectations",
        frozenset({"renewal", "renews"}),
        re.compile(r"\brenewal[_ -]date\b|\brenews\b|\brenewal\s+(?:is|on|in)\b|^renewal\b" + _NOT_THE_EVENT, re.I),
    ),
}
_ANY_TRIGGER = frozenset().union(*(triggers for _category, triggers, _pattern in _EVENTS.values()))
_MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec".split()
_MONTH_WORD = compile_on_use(rf"\b({MONTH_PATTERN})\.?(?:\s+(\d{{1,2}}))?(?:,?\s+(\d{{4}}))?\b(?!/)", re.I)
_QUARTER = re.compile(r"\bQ([1-4])(?:\s*(?:FY)?\s*'?(\d{2,4}))?\b")
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")


@dataclass(frozen=True)
class Contradiction:
    event: str
    category: str
    first: tuple[int, str]  # (line, what it says)
    second: tuple[int, str]

    @property
    def message(self) -> str:
        return (
            f"the {self.event} is given as {self.first[1]!r} (line {self.first[0]}) "
            f"and as {self.second[1]!r} (line {self.second[0]})"
        )


def find_contradictions(evidence: Evidence) -> list[Contradiction]:
    mentions: dict[str, list[tuple[int, str, tuple[int, int, int, int]]]] = {}
    year = _document_year(evidence)
    for unit in evidence.units:
        words = unit.words
        if unit.kind == "heading" or _ANY_TRIGGER.isdisjoint(words):
            continue
        text = unit.text if unit.kind != "row" else " ".join(unit.cells.values())
        for event, (_category, triggers, pattern) in _EVENTS.items():
            if triggers.isdisjoint(words) or not pattern.search(text):
                continue
            period = _period(text, year)
            if period is not None:
                mentions.setdefault(event, []).append((unit.line, period[0], period[1]))
                break
    found = []
    for event, said in mentions.items():
        for index, (line, shown, span) in enumerate(said):
            clash = next(((l2, s2) for l2, s2, sp2 in said[index + 1 :] if not _overlap(span, sp2)), None)
            if clash:
                found.append(Contradiction(event, _EVENTS[event][0], (line, shown), clash))
                break
    return found


def _document_year(evidence: Evidence) -> int:
    for unit in evidence.units:
        for mention in find_dates(unit.text):
            if mention.value:
                return mention.value.year
    return date.today().year


def _period(text: str, year: int):
    """The first time a statement gives, as (shown text, (start ordinal, end ordinal))."""
    for mention in find_dates(text):
        if mention.value:
            day = mention.value.toordinal()
            return mention.text, (day, day)
    quarter = _QUARTER.search(text)
    slashed = _SLASHED.search(text)
    month = _MONTH_WORD.search(text) if may_name_a_month(text) else None
    candidates = []
    if quarter:
        q, y = int(quarter.group(1)), quarter.group(2)
        y = _year(y, year)
        start = date(y, 3 * q - 2, 1).toordinal()
        end = (date(y + 1, 1, 1) if q == 4 else date(y, 3 * q + 1, 1)).toordinal() - 1
        candidates.append((quarter.start(), quarter.group(0), (start, end)))
    if slashed:
        m, d = int(slashed.group(1)), int(slashed.group(2))
        try:
            day = date(year, m, d).toordinal()
            candidates.append((slashed.start(), slashed.group(0), (day, day)))
        except ValueError:
            pass
    if month:
        m = _MONTHS.index(month.group(1).lower()[:3]) + 1
        y = _year(month.group(3), year)
        if month.group(1).lower() == "may" and not (month.group(2) or month.group(3)):
            pass  # "Ray may ask": the verb, not the month
        elif month.group(2):
            try:
                day = date(y, m, int(month.group(2))).toordinal()
                candidates.append((month.start(), month.group(0), (day, day)))
            except ValueError:
                pass
        else:
            end = (date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)).toordinal() - 1
            candidates.append((month.start(), month.group(0), (date(y, m, 1).toordinal(), end)))
    if not candidates:
        return None
    _start, shown, span = min(candidates)
    return shown, span


def _year(text, default: int) -> int:
    if not text:
        return default
    value = int(text)
    return value + 2000 if value < 100 else value


def _overlap(a, b) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]
