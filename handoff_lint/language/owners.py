"""Who owns an action: an @handle, ``owner: X``, a trailing "— Name" or a role; and who is nobody.

Read by the action-item rules (HL41x) and by the content judges (reading.py).
"""

from __future__ import annotations

import re

from .placeholders import is_blank_or_placeholder

_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9][\w.-]*")
NOT_OWNERS = {
    "we",
    "us",
    "our team",
    "team",
    "the team",
    "someone",
    "somebody",
    "everyone",
    "all",
    "tbd",
    "tbc",
    "tba",
    "?",
    "n/a",
    "na",
    "owner",
    "[owner]",
    "they",
    "them",
    "sales",
    "cs",
    "nobody",
    "none",
}
_ROLE_WORDS = re.compile(
    r"^(?:the\s+)?(?:AE|SE|SA|CSM|SDR|BDR|TAM|PM|AM|CSE|RevOps|Sales\s?Ops|Legal|Finance|Procurement|Support|"
    r"(?:account|customer\s+success|implementation|project|solutions?|sales|technical|onboarding|renewals?)\s+"
    r"(?:executive|manager|lead|engineer|architect|consultant|specialist|owner|director))$",
    re.I,
)
_NAME = re.compile(r"^[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|van|de|der|von|da|di|le|la)){0,3}$")
SEGMENTS = re.compile(r"\s+[—–-]\s+|;\s*|\s*\|\s*")
DUE = re.compile(r"\b(?:due|by|before|deadline|until)\b[:\s]*(.*)$", re.I)


def find_owner(text: str) -> str | None:
    """The owner named in an action item: an @handle, ``owner: X``, or a trailing "— Name"/role."""
    handle = _HANDLE.search(text)
    if handle:
        return handle.group(0)
    labelled = re.search(r"\bowner\s*[:=]\s*([^,;)|]+)", text, re.I)
    if labelled:
        value = labelled.group(1).strip()
        return None if is_not_owner(value) else value
    for segment in SEGMENTS.split(text)[1:]:
        # The label first: the "by" of "owned by Dana Lee" is not a due date.
        candidate = re.sub(r"^(?:owner|owned by|assigned to|assignee)\s*:?\s*", "", segment.strip(" ,.()"), flags=re.I)
        candidate = DUE.sub("", candidate).strip(" ,.()")
        if not candidate or is_not_owner(candidate):
            continue
        if _ROLE_WORDS.match(candidate) or _NAME.match(candidate):
            return candidate
    parenthesised = re.search(r"\(([^()]+)\)\s*$", text)
    if parenthesised:
        candidate = DUE.sub("", parenthesised.group(1)).strip(" ,.")
        if candidate and not is_not_owner(candidate) and (_ROLE_WORDS.match(candidate) or _NAME.match(candidate)):
            return candidate
    return None


def is_not_owner(value: str) -> bool:
    value = value.strip().lower()
    return value in NOT_OWNERS or is_blank_or_placeholder(value)
