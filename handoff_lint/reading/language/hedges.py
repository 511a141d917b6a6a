"""Hedges: the writer is guessing, and the receiver will have to ask again.

"I think it's on-prem", "not sure of the format", "probably Q3", "Oct 6?", "as far as I know", "I'd guess
they'd be happy with 2 days", "(unconfirmed)". A statement of fact with a figure ("about 900 staff")
is not a hedge: an estimate is still an answer.

Read by the content judges (reading/statements.py, reading/judges.py): a guessed fact is thin, and a category of guesses
is not Complete.
"""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint.text import strip_markup

_HEDGES = re.compile(
    r"\b(?:i\s+think|i\s+believe|i\s+guess|i'?d\s+guess|i\s+assume|i\s+suspect|i\s+reckon|i\s+feel\s+like|not\s+(?:100%\s+)?sure|"
    r"unsure|don'?t\s+know|do\s+not\s+know|no\s+idea|unknown|unclear|guessing|my\s+guess|maybe|probably|possibly|"
    r"presumably|supposedly|apparently|perhaps|tbd|tbc|to\s+be\s+confirmed|need\s+to\s+(?:check|confirm|double-?check)|"
    r"worth\s+checking|not\s+(?:yet\s+)?confirmed|unconfirmed|not\s+verified|unverified|don'?t\s+have\s+much|"
    r"haven'?t\s+(?:checked|confirmed|asked|verified)|as\s+far\s+as\s+i\s+know|afaik|iirc|if\s+i\s+remember|"
    r"(?:might|may)\s+be|could\s+be|seems?\s+(?:to|like)|sounds?\s+like|rumou?rs?)\b"
    r"|\?\s*\)?\s*$",
    re.I,
)
# A word one of the hedges above starts with: most statements hold none and skip the pattern.
_HEDGE_WORDS = frozenset(
    """i i'd id not unsure don dont do no unknown unclear guessing my maybe probably possibly presumably supposedly
    apparently perhaps tbd tbc to need worth unconfirmed unverified haven havent as afaik iirc if might may could
    seem seems sound sounds rumour rumours rumor rumors haven't don't i'd""".split()
)
_WORDS = re.compile(r"[a-z']+")


def _is_hedged(text: str) -> bool:
    """The writer is guessing: "I think it's on-prem", "not sure of the format", "Oct 6?"."""
    lowered = text.lower()
    if "?" not in text and _HEDGE_WORDS.isdisjoint(_WORDS.findall(lowered)):
        return False
    return bool(_HEDGES.search(strip_markup(text) if ("*" in text or "_" in text) else text))


# Cached apart from its body (not a decorator), so the mutation run reaches the body (CONTRIBUTING.md).
is_hedged = lru_cache(maxsize=4096)(_is_hedged)
