"""Targets: a quantity the customer is aiming at, with or without its date.

"Get overtime under 8% of labor cost", "from ~25 minutes to under 5", "cut the backlog in half",
"at least 95% first-pass accuracy", "no more than 2 hours per site": each names where a figure must
get to. A reviewer reads such a target as measurable when the same expectation states its date
elsewhere ("Would need to be live by May 1"), as people write a goal and its deadline in two lines or
two CRM fields. A figure that only describes ("240 staff", "90 seats active") aims at nothing.

Read by the expectations judge (reading/judges.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint.reading.language.hedges import is_hedged
from handoff_lint.reading.language.measures import has_quantity

# Where a figure must get to: a bound ("under", "at least", "no more than"), a change ("from 25 to 5",
# "25 → 5", "down to", "cut by", "halve", "double"), or an aim ("target of", "goal: 95%").
_TARGET = re.compile(
    r"\b(?:under|below|less\s+than|fewer\s+than|at\s+least|at\s+most|no\s+more\s+than|"
    r"no\s+less\s+than|not\s+more\s+than|not\s+exceed(?:ing)?|up\s+to|down\s+to|(?:cut|reduce[ds]?|reducing|"
    r"lower(?:ed|ing)?|raise[ds]?|increase[ds]?|increasing|improve[ds]?|grow(?:s|ing)?|drop(?:ped|s)?|bring)\b"
    r"(?:\s+\S+){0,5}?\s+(?:by|to)|halve[ds]?|halving|in\s+half|double[ds]?|doubling|tripl(?:e[ds]?|ing)|"
    r"target(?:s|ed|ing)?\b(?:\s+(?:of|is|at))?|goal\b(?:\s+(?:of|is))?|aim(?:s|ing)?\s+(?:for|at|to)|"
    r"from\s+~?\S*\d\S*(?:\s+\S+){0,3}?\s+to\b|≥|≤|<|>)"
    r"|(?:→|->)",
    re.I,
)


@lru_cache(maxsize=4096)
def is_target(text: str) -> bool:
    """A quantity someone aims at ("under 8%", "from 25 to under 5 minutes"), not a guess or a description."""
    return bool(_TARGET.search(text)) and has_quantity(text) and not is_hedged(text)
