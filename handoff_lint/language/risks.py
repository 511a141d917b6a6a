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
_WEAK_MITIGATIONS = {"monitor", "watch", "watch it", "keep an eye", "keep an eye on it", "none", "ignore", "tbd", "n/a"}


def is_explicit_none(text: str) -> bool:
    """ "None identified", "No known risks as of 2026-11-20": a stated absence, not an empty value."""
    return bool(_EXPLICIT_NONE.search(text))


def is_weak_mitigation(text: str) -> bool:
    cleaned = text.strip().strip(".").lower()
    return is_blank_or_placeholder(text) or cleaned in _WEAK_MITIGATIONS or len(cleaned.split()) < 2
