"""Dates as handoffs write them: ISO, "May 15, 2026", "15 May 2026", and slashed dates.

A date is found with its offset, so a rule can point at it; a date that does not exist is
"invalid", and one that reads differently in the US and in Europe (05/06/2026) is "ambiguous".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .normalize import contains_any

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH_PATTERN = _MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"  # noqa: E501
)

# The first digit, then the look behind it (not a leading lookbehind): the engine jumps to digits.
_ISO = re.compile(r"(\d(?<![\d-]\d)\d{3})-(\d{1,2})-(\d{1,2})(?![\d-])")
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
# The day's first digit, then the word boundary looked behind it: the engine jumps to digits.
_DAY_MONTH_YEAR = re.compile(rf"(\d(?<!\w\d)\d?)(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.I)
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")


_YEAR = re.compile(r"\d{4}")  # every form above has a four-digit year: a cheap first look
_ASCII_YEAR = re.compile(r"[0-9]{4}")  # the same in ASCII text, without Unicode digit tests: 2x faster
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def may_name_a_month(text: str) -> bool:
    """A cheap first look before a case-insensitive month pattern, which costs ten times more:
    every month name starts with one of the twelve stems."""
    return contains_any(text.lower(), _MONTH_STEMS)


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    value: date | None  # None when invalid or ambiguous
    problem: str = ""  # "", "invalid" or "ambiguous"


@lru_cache(maxsize=16384)  # several rules and judges read the dates of the same statements
def find_dates(text: str) -> tuple[DateMention, ...]:
    """Absolute dates in ``text``: ISO, "May 15, 2026", "15 May 2026", and slashed dates."""
    if not (_ASCII_YEAR if text.isascii() else _YEAR).search(text):
        return ()
    found: list[DateMention] = []
    if "-" in text:
        for match in _ISO.finditer(text):
            found.append(_make(match, int(match.group(1)), int(match.group(2)), int(match.group(3))))
    named = may_name_a_month(text)
    for match in _MONTH_DAY_YEAR.finditer(text) if named else ():
        month = _MONTHS[match.group(1).lower().rstrip(".")]
        found.append(_make(match, int(match.group(3)), month, int(match.group(2))))
    for match in _DAY_MONTH_YEAR.finditer(text) if named else ():
        month = _MONTHS[match.group(2).lower().rstrip(".")]
        found.append(_make(match, int(match.group(3)), month, int(match.group(1))))
    for match in _SLASHED.finditer(text) if "/" in text else ():
        first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
        if first <= 12 and second <= 12 and first != second:
            found.append(DateMention(match.group(0), match.start(), None, "ambiguous"))
        elif first > 12:  # day/month
            found.append(_make(match, year, second, first))
        else:  # month/day
            found.append(_make(match, year, first, second))
    return tuple(sorted(found, key=lambda d: d.start))


def _make(match, year: int, month: int, day: int) -> DateMention:
    try:
        return DateMention(match.group(0), match.start(), date(year, month, day))
    except ValueError:
        return DateMention(match.group(0), match.start(), None, "invalid")


def first_date(text: str) -> date | None:
    return next((d.value for d in find_dates(text) if d.value), None)
