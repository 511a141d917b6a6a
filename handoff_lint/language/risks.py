"""Risk tables: a stated absence ("None identified") and a mitigation that is no action ("monitor").

Read by the risk rules (HL42x), the section assessment (completeness.py) and the judges.
"""

from __future__ import annotations

import re

from .placeholders import is_blank_or_placeholder

_EXPLICIT_NONE = re.compile(
    r"^\s*(?:none|no(?:thing)?)\s+(?:identified|raised|known|flagged|found|at this (?:time|stage))"
    r"|^\s*no\s+(?:known\s+)?(?:risks?|concerns?|red flags?|blockers?|objections?)\b",
    re.I,
)
# A whole block saying only "None." under a risks heading: as much a stated absence as "None known."
_BARE_NONE = re.compile(r"^\W*(?:none|nothing|no risks?)\W*$", re.I)
_WEAK_MITIGATIONS = {"monitor", "watch", "watch it", "keep an eye", "keep an eye on it", "none", "ignore", "tbd", "n/a"}


def is_explicit_none(text: str) -> bool:
    """ "None identified", "No known risks as of 2026-11-20": a stated absence, not an empty value."""
    return bool(_EXPLICIT_NONE.search(text))


def is_bare_none(text: str) -> bool:
    """ "None." alone: read as a stated absence only where a whole block under a risks heading says it
    (in a table cell or another section a bare "None" is still a placeholder, HL310)."""
    return bool(_BARE_NONE.match(text))


def states_no_risks(text: str) -> bool:
    """A risks section's block that says there are none: "None.", "None known.", "No risks as of …"."""
    return is_explicit_none(text) or is_bare_none(text)


def is_weak_mitigation(text: str) -> bool:
    cleaned = text.strip().strip(".").lower()
    return is_blank_or_placeholder(text) or cleaned in _WEAK_MITIGATIONS or len(cleaned.split()) < 2
