"""Targets: a quantity the customer is aiming at, with or without its date.

"Keep agency hours under 6% of payroll", "from ~40 minutes to under 10", "cut the backlog in half",
"at least 95% first-pass accuracy", "no more than 2 hours per site": each names where a figure must
get to. A reviewer reads such a target as measurable when the same expectation states its date
elsewhere ("Has to be running by June 3"), as people write a goal and its deadline in two lines or
two CRM fields. A figure that only describes ("240 staff", "90 seats active") aims at nothing.

Read by the expectations judge (reading/judges.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint.reading.language.hedges import is_hedged
from handoff_lint.reading.language.measures import has_quantity
from handoff_lint.text import contains_any

# Where a figure must get to: a bound ("under", "at least", "no more than") or a change ("from 25 to 5",
# "25 → 5", "down to", "cut by", "halve", "double"). An aim word alone ("the goal: take work off three
# clerks") sizes nothing.
_TARGET_PATTERN = (
    r"\b(?:under|below|less\s+than|fewer\s+than|at\s+least|at\s+most|no\s+more\s+than|"
    r"no\s+less\s+than|not\s+more\s+than|not\s+exceed(?:ing)?|up\s+to|down\s+to|(?:cut|reduce[ds]?|reducing|"
    r"lower(?:ed|ing)?|raise[ds]?|increase[ds]?|increasing|improve[ds]?|grow(?:s|ing)?|drop(?:ped|s)?)\b"
    r"(?:\s+\S+){0,5}?\s+(?:by|to)|(?:bring|get)\b(?:\s+\S+){0,5}?\s+to\s+~?[\d$€£]|halve[ds]?|halving|in\s+half|double[ds]?|doubling|tripl(?:e[ds]?|ing)|"
    r"from\s+~?\S*\d\S*(?:\s+\S+){0,3}?\s+to\b|≥|≤|<|>)"
    r"|(?:→|->)"
)


@lru_cache(maxsize=1)
def _target():
    """The pattern, compiled on first use: a run that reads no expectation never pays for it."""
    return re.compile(_TARGET_PATTERN, re.I)


@lru_cache(maxsize=4096)
def is_target(text: str) -> bool:
    """A quantity someone aims at ("under 8%", "from 25 to under 5 minutes"), not a guess or a description."""
    if not contains_any(text.lower(), _TARGET_STEMS):  # a cheap first look: most statements aim at nothing
        return False
    if _PAST.search(text):  # "headcount grew from 200 to 450", "down to 3 people since January": history
        return False
    return bool(_target().search(text)) and has_quantity(text) and not is_hedged(text)


# What has happened, not what is aimed at: a past-tense change, "since", "ago", "last year".
_PAST = re.compile(
    r"\b(?:grew|dropped|fell|rose|declined|shrank|went|was|were|since|ago|previously|used\s+to|"
    r"last\s+(?:year|quarter|month|week)|(?:has|have|had)\s+(?:grown|dropped|fallen|risen|gone|been|declined))\b",
    re.I,
)
# Aim wording: a statement outside the expectations that reads as a goal ("they want under 1% by end of
# Q2", "goal: halve it by June", "get pick errors under 1%", "reduce DSO to 40 days"), or a figure
# bounded by a coming date ("under 1% by end of Q2").
_AIM = re.compile(
    r"\b(?:want(?:s|ed)?|aim(?:s|ing)?|goals?|targets?|targeting|objectives?|hop(?:e|es|ing)\s+to|"
    r"need(?:s)?\s+to\s+(?:get|reach|cut|reduce|bring)|"
    r"get(?:ting)?\b(?:\s+\S+){0,5}?\s+(?:to|under|below)|(?:reduce|cut|lower|bring)\b(?:\s+\S+){0,5}?\s+(?:to|by)|"
    r"halve|double|by\s+(?:the\s+)?(?:end|mid|early|late|q[1-4]|go-?live|launch|renewal|\d))",
    re.I,
)


def aims(text: str) -> bool:
    """The statement reads as an aim (see ``_AIM``), so a target in it is a success criterion wherever it
    is written; a figure in the story of the account ("tickets dropped by 20% after the release") is not."""
    return bool(_AIM.search(text)) and not _PAST.search(text)


_TARGET_STEMS = (
    *("under", "below", "less", "fewer", "least", "most", "more", "exceed", "up to", "down", "cut", "reduc"),
    *("lower", "raise", "increas", "improv", "grow", "drop", "bring", "halv", "half", "doubl", "tripl", "from", "get"),
    *("≥", "≤", "<", ">", "→"),
)
