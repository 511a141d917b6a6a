"""Dates as handoffs write them: ISO, "May 15, 2026", "15 May 2026", and slashed dates.

A date is found with its offset, so a rule can point at it; a date that does not exist is
"invalid", and one that reads differently in the US and in Europe (05/06/2026) is "ambiguous".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from handoff_lint.text import contains_any

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


@lru_cache(maxsize=4096)  # several rules and judges read the dates of the same statements
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


# --- when something is due: every way a handoff says "when" ------------------------------------
#
# An action item or a target is dated when it names a day or a period a reader can put in a calendar,
# in any of the forms people write: a full date (above), a day without the year ("Dec 18", "18 Dec",
# "12/18"), a weekday ("by Friday", "Fri 12/18"), a relative day or period ("EOW", "end of March",
# "next week", "Q3", "within two weeks"), or a named event ("before kickoff", "at the go-live").
# "ASAP", "soon" and "TBD" name no day. The modal "may" is not May: the month is written "May".

_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_COUNT = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a\s+couple\s+of|a\s+few|few)"
_UNIT = r"(?:business\s+|working\s+|calendar\s+)?(?:hours?|hrs?|h|days?|weeks?|wks?|months?|quarters?|years?)"
_EVENTS = (
    r"kick-?off|go-?live|launch|renewal|qbr|pilot|poc|demo|cut-?over|signature|signing|contract|close|"
    r"workshop|board(?:\s+meeting)?|steerco|steering\s+(?:group|committee)|handover|onboarding|training|"
    r"readout|visit|go/no-go|rollout|window|deadline|term|semester|audit|year-end|month-end|holidays?|"
    r"freeze|call|meeting|session|review|the\s+\w+\s+date"
)
_WHEN = re.compile(
    rf"(?P<monthday>\b(?P<m1>{_MONTH})\.?\s+{_DAY}\b(?![:.]?\d|\s*%))"  # Dec 18, December 18th
    rf"|(?P<daymonth>\b{_DAY}(?:\s+of)?\s+(?P<m2>{_MONTH})\b)"  # 18 Dec, 18th of December
    rf"|(?P<monthyear>\b(?P<m3>{_MONTH})\.?\s+'?\d{{2}}(?:\d{{2}})?\b(?!\s*%))"  # March 2027
    r"|(?P<slashed>(?<![\d/.,$€£])(?!24/7)\d{1,2}/\d{1,2}(?![\d/%]))"  # 12/18, 18/12 (not 24/7)
    r"|(?P<weekday>\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
    r"|(?P<shortday>\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b\.?(?=\s*\d|\s*/\s*[A-Z]))"  # Fri 12/18
    r"|(?P<named>\b(?:today|tomorrow|tonight|eod|eow|eom|eoq|eoy|cob|eob)\b)"
    r"|(?P<period>\b(?:(?:end|start|beginning|middle|close)\s+of\s+(?:the\s+)?|mid-?|early\s+|late\s+)"
    rf"(?:day|week|month|quarter|year|term|sprint|(?P<m4>{_MONTH})|q[1-4]|h[12])\b)"
    r"|(?P<next>\b(?:this|next|coming|following)\s+(?:week|month|quarter|year|term|sprint|"
    r"monday|tuesday|wednesday|thursday|friday)\b)"
    rf"|(?P<inmonth>\b(?:by|before|in|until|till|through|during|from|after|around)\s+(?P<m5>{_MONTH})\b)"
    r"|(?P<quarter>\b[Qq][1-4]\b|\bFY\s?'?\d{2,4}\b|\b[Hh][12]\s?(?:FY)?'?\d{2,4}\b)"
    r"|(?P<season>\b(?:by|before|in|until|during|over|end\s+of|this|next)\s+(?:the\s+)?(?:spring|summer|autumn|fall|winter)\b)"
    rf"|(?P<within>\b(?:within|in|inside|under|after)\s+(?:the\s+)?(?:first\s+|next\s+)?{_COUNT}\s+{_UNIT}\b)"
    rf"|(?P<over>\b(?:over|for)\s+the\s+(?:first|next|last)\s+{_COUNT}\s+{_UNIT}\b)"
    rf"|(?P<offset>\b\d+\s?{_UNIT}\s+(?:after|of|from|before|post)\b)"  # 24h after, 2 weeks from signature
    r"|(?P<numbered>\b(?:week|day|month|sprint|wave|phase)\s+\d+\b|\bT\+\d+|\bw/c\b|\bweek\s+of\b)"
    rf"|(?P<event>\b(?:by|before|at|ahead\s+of|prior\s+to|until|till|on)\s+(?:the\s+|our\s+|their\s+|next\s+|first\s+)?"
    rf"(?:[\w-]+\s+){{0,2}}?(?:{_EVENTS})\b)",
    re.I,
)
_MONTH_GROUPS = ("m1", "m2", "m3", "m4", "m5")


@dataclass(frozen=True)
class When:
    """A phrase that says when: its text, where it starts, and its kind (the name of its form)."""

    text: str
    start: int
    kind: str


def _find_when(text: str) -> tuple[When, ...]:
    """Every phrase in ``text`` that names a day or a period, in any form above (full dates first)."""
    # An ambiguous date (05/06/2026) still says when, within a month (HL432 asks to write it plainly).
    found = [When(d.text, d.start, "date") for d in find_dates(text) if d.value or d.problem == "ambiguous"]
    covered = [(w.start, w.start + len(w.text)) for w in found]
    for match in _WHEN.finditer(text):
        if _modal_may(match) or any([match.start() < end and start < match.end() for start, end in covered]):
            continue  # the month of a full date ("by Dec 18, 2026") is not a second phrase
        found.append(When(match.group(0), match.start(), match.lastgroup or ""))
    return tuple(sorted(found, key=lambda w: w.start))


# Cached apart from its body (not a decorator), so the mutation run reaches the body (CONTRIBUTING.md).
find_when = lru_cache(maxsize=4096)(_find_when)


def _modal_may(match: re.Match) -> bool:
    """ "we may 2x the budget", "in may": the month is May only when written with its capital."""
    for group in _MONTH_GROUPS:
        month = match.group(group)
        if month is not None:
            return month.lower() == "may" and month[0] != "M"
    return False


def has_due_date(text: str) -> bool:
    """Whether ``text`` says when, in any of the forms of ``find_when`` ("ASAP" and "soon" do not)."""
    return bool(find_when(text))


def is_scheduled_event(text: str) -> bool:
    """A dated fact, not a step to take: "demo booked for Feb 20", "kickoff is scheduled for 2027-02-09"."""
    lowered = text.lower()
    if not contains_any(lowered, _SCHEDULED_STEMS):  # a cheap first look: most statements book nothing
        return False
    if not _MEETING.search(text):  # "go-live is scheduled for 1 March" is a milestone, not a meeting
        return False
    if not (_SCHEDULED.search(text) and has_due_date(text)):
        return False
    from handoff_lint.reading.language.targets import is_target  # targets read dates: imported late

    return not is_target(text)  # "kickoff planned for May, no-shows down to 5%" still states a target


# The meetings a calendar entry books; anything else with a date (go-live, rollout) is a milestone.
_MEETING = re.compile(
    r"\b(?:demos?|calls?|kick-?offs?|workshops?|meetings?|reviews?|qbrs?|sessions?|walk-?throughs?|visits?|"
    r"trainings?|steercos?|steering\s+(?:group|committee)s?|readouts?|briefings?|stand-?ups?|webinars?|interviews?|appointments?)\b",
    re.I,
)


_SCHEDULED_STEMS = ("book", "schedul", "set ", "confirm", "lock", "plan", "calendar", "diary", "happening", "taking")


_SCHEDULED = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been|already|now)?\s*(?:booked|scheduled|set|confirmed|locked(?:\s+in)?|"
    r"planned|calendared|on\s+the\s+calendar|in\s+the\s+diary|happening|taking\s+place)\s+(?:for|on|in|at)\b"
    # "the demo is scheduled Mar 3", "kickoff booked 2027-02-09": the date straight after the word
    rf"|\b(?:booked|scheduled|calendared)\s+(?=\d|{_MONTH}\b|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b)",
    re.I,
)
