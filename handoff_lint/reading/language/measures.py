"""Quantities and time bounds: what makes a success criterion or a claim measurable.

Read by the success-criteria rules (HL40x) and by the content judges (reading/statements.py, reading/judges.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint.reading.language.dates import MONTH_PATTERN as _MONTH
from handoff_lint.reading.language.dates import find_dates
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
# A quantity is a digit, %, a currency sign or a number word. Two searches: the signs are one character
# class the engine jumps between; the words (with their \b, tried at every position) only without a sign.
_QUANTITY_SIGN = re.compile(r"[\d%$€£¥]")
_NUMBER_WORD = re.compile(rf"\b(?:{_NUMBER_WORDS})\b", re.I)


# The criteria rules and the judges ask both questions of the same statements: answered once.
@lru_cache(maxsize=4096)
def has_time_bound(text: str) -> bool:
    return any(d.value for d in find_dates(text)) or bool(_TIME_BOUND.search(text))


@lru_cache(maxsize=4096)
def has_quantity(text: str) -> bool:
    """A number, %, currency or number word once dates and time phrases are taken out."""
    for mention in find_dates(text):
        text = text.replace(mention.text, " ")
    text = _TIME_BOUND.sub(" ", text)
    return bool(_QUANTITY_SIGN.search(text) or _NUMBER_WORD.search(text))


NOT_COMMITTED = "a firm commitment"  # what a hedged target lacks: "probably 20% by Q3", "50 users by March?"


def unmeasured(text: str) -> tuple[str, ...]:
    """What keeps a target from being checked, in this order: "a number", "a time bound", else (it has both)
    NOT_COMMITTED when the writer is guessing. Empty: measurable. The one judge of "measurable": rule HL400
    reports what is missing, the content judges count the targets that miss nothing."""
    missing = tuple(
        what for what, found in (("a number", has_quantity), ("a time bound", has_time_bound)) if not found(text)
    )
    return missing or ((NOT_COMMITTED,) if is_hedged(text) else ())
