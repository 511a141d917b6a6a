"""Quantities and time bounds: what makes a success criterion or a claim measurable.

Read by the success-criteria rules (HL40x) and by the content judges (reading/statements.py, reading/judges.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint.reading.language.dates import MONTH_PATTERN as _MONTH
from handoff_lint.reading.language.dates import find_dates, find_when, may_name_a_month
from handoff_lint.reading.language.hedges import is_hedged

_TIME_BOUND = re.compile(
    r"\b(?:Q[1-4](?:\s*(?:FY)?\s*\d{2,4})?|FY\s?\d{2,4}|H[12]\s?\d{4}"
    r"|within\s+(?:the\s+first\s+)?(?:\d+|[a-z]+)\s+(?:business\s+|working\s+)?(?:days?|weeks?|months?|quarters?|years?)"
    r"|(?:in|by|after|over)\s+(?:the\s+first\s+)?\d+\s+(?:business\s+|working\s+)?(?:days?|weeks?|months?)"
    r"|(?:by|before|until|through)\s+(?:the\s+)?(?:end\s+of\s+)?(?:week|month|day|sprint|phase)\s+\d+"
    r"|(?:week|month|day)\s+\d+"
    r"|(?:by|before|at|until)\s+(?:the\s+)?(?:go-?live|launch|kick-?off|renewal|cut-?over|rollout|hypercare|qbr|"
    r"first\s+business\s+review|end\s+of\s+(?:the\s+)?(?:month|quarter|year|pilot|poc|trial|hypercare|q[1-4]))"
    rf"|(?:by|before|in|during|until)\s+(?:the\s+)?(?:end\s+of\s+|mid-?)?{_MONTH}\b"
    r"|T\+\d+|\d+/\d+/\d+\s+days)",
    re.I,
)
_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|half|double|twice|triple|zero"
)
_RATES = r"hourly|daily|nightly|weekly|fortnightly|every\s+(?:hour|day|night|week|fortnight|sprint|release)"
# A rate is a quantity only as the object of an aim ("aiming for daily deploys", "move to weekly
# releases"): "Better daily reporting by Q2" names how often, not how much better.
_AIMED_RATE = re.compile(
    r"\b(?:aim(?:s|ed|ing)?\s+(?:for|at)|target(?:s|ing)?|(?:move|moving|go|going|switch|switching|get|getting|"
    r"shift|shifting|step\s+up)\s+to|from\s+\w+(?:\s+\w+)?\s+to)\s+(?:(?:a|an|the)\s+)?(?:\w+\s+)?(?:"
    + _RATES
    + r")\b",
    re.I,
)
# The vague comparatives that make a statement a wish, whatever rate it names.
_VAGUE_COMPARATIVE = re.compile(
    r"\b(?:better|smoother|happier|improved|improve|improving|easier|nicer|more\s+(?:efficient|reliable|visible))\b",
    re.I,
)


def _has_aimed_rate(text: str) -> bool:
    return bool(_AIMED_RATE.search(text)) and not _VAGUE_COMPARATIVE.search(text)


# The calendar forms of the date recogniser that bound a target in time: a day without its year
# ("by 30 April", "live Aug 9", "12/18"), a month or period ("end of March", "mid-April"), a quarter,
# a season ("before summer"), a span ("within two weeks"), a numbered week or wave, an event a date is
# set by ("before the board meeting"). Not a weekday, "today" or "EOW": those date a step, not a goal.
_CALENDAR_KINDS = frozenset(
    "monthday daymonth monthyear slashed period inmonth quarter season within over offset numbered".split()
)
_EVENT_BOUND = re.compile(r"(?:by|before|ahead\s+of|prior\s+to|until|till)\b", re.I)


# Spans that count something ("in five days", "under 4 h", "week 2"): a time bound that is also a quantity.
_COUNTING_KINDS = frozenset("within over offset numbered".split())


def _calendar_bounds(text: str, counting: bool = True) -> list[str]:
    """The phrases of ``text`` that put a target in the calendar (see ``_CALENDAR_KINDS``); with
    ``counting=False``, only those whose figures are days and months, not amounts."""
    return [
        w.text
        for w in find_when(text)
        if (w.kind in _CALENDAR_KINDS and (counting or w.kind not in _COUNTING_KINDS) and not _AMOUNT.match(w.text))
        or (w.kind == "event" and _EVENT_BOUND.match(w.text))
    ]


_IN_A_SPAN = re.compile(r"in\s+\d", re.I)
_AMOUNT = re.compile(r"under\b", re.I)  # "under 4 h/week" is how long something takes, not a deadline
# The day after a month that "by May" already named: "by May 1", "18th of December". (A year stays a
# figure: "decision by the end of January 2027" has counted as one since the criteria rules began.)
_DAY_OR_YEAR_OF_MONTH = re.compile(
    rf"\b({_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![:.]?\d|\s*%)"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\b",
    re.I,
)


def _dates_of_months(text: str) -> str:
    """``text`` without "May 1", "18th of December" (not the modal "may 2x the budget")."""
    return _DAY_OR_YEAR_OF_MONTH.sub(lambda m: m.group(0) if (m.group(1) or m.group(2)) == "may" else " ", text)


# A quantity is a digit, %, a currency sign or a number word. Two searches: the signs are one character
# class the engine jumps between; the words (with their \b, tried at every position) only without a sign.
_QUANTITY_SIGN = re.compile(r"[\d%$€£¥]")
_NUMBER_WORD = re.compile(rf"\b(?:{_NUMBER_WORDS})\b", re.I)


# The criteria rules and the judges ask both questions of the same statements: answered once.
@lru_cache(maxsize=4096)
def has_time_bound(text: str) -> bool:
    return any(d.value for d in find_dates(text)) or bool(_TIME_BOUND.search(text) or _calendar_bounds(text))


@lru_cache(maxsize=4096)
def has_quantity(text: str) -> bool:
    """A number, %, currency or number word once dates and time phrases are taken out."""
    if not _QUANTITY_SIGN.search(text):  # most statements: no figure, so no date to take out first
        if _NUMBER_WORD.search(text) and _NUMBER_WORD.search(_TIME_BOUND.sub(" ", text)):
            return True
        return _has_aimed_rate(text)
    for mention in find_dates(text):
        text = text.replace(mention.text, " ")
    if may_name_a_month(text):
        text = _dates_of_months(text)
    # "close in 7 working days" says how long it takes: an amount, whatever else bounds it in time
    text = _TIME_BOUND.sub(lambda m: m.group(0) if _IN_A_SPAN.match(m.group(0)) else " ", text)
    for bound in _calendar_bounds(text, counting=False):  # "by 30 April" is when, not how much
        text = text.replace(bound, " ")
    return bool(_QUANTITY_SIGN.search(text) or _NUMBER_WORD.search(text)) or _has_aimed_rate(text)


NOT_COMMITTED = "a firm commitment"  # what a hedged target lacks: "probably 20% by Q3", "50 users by March?"


def unmeasured(text: str) -> tuple[str, ...]:
    """What keeps a target from being checked, in this order: "a number", "a time bound", else (it has both)
    NOT_COMMITTED when the writer is guessing. Empty: measurable. The one judge of "measurable": rule HL400
    reports what is missing, the content judges count the targets that miss nothing."""
    missing = tuple(
        what for what, found in (("a number", has_quantity), ("a time bound", has_time_bound)) if not found(text)
    )
    return missing or ((NOT_COMMITTED,) if is_hedged(text) else ())
