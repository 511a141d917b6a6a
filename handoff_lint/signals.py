"""What a piece of handoff text says: dates, quantities, time bounds, owners, severities, contacts.

The content-quality rules are thin; the reading of text lives here so that each heuristic is
written (and tested) once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .placeholders import is_blank_or_placeholder

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
MONTH_PATTERN = _MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"  # noqa: E501

_ISO = re.compile(r"(?<![\d-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])")
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH})\.?,?\s+(\d{{4}})\b", re.I)
_SLASHED = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class DateMention:
    text: str
    start: int
    value: date | None  # None when invalid or ambiguous
    problem: str = ""  # "", "invalid" or "ambiguous"


def find_dates(text: str) -> list[DateMention]:
    """Absolute dates in ``text``: ISO, "May 15, 2026", "15 May 2026", and slashed dates."""
    return list(_find_dates(text)) if _DIGIT.search(text) else []


@lru_cache(maxsize=16384)  # several rules read the dates of the same cells
def _find_dates(text: str) -> tuple[DateMention, ...]:
    found: list[DateMention] = []
    for match in _ISO.finditer(text):
        found.append(_make(match, int(match.group(1)), int(match.group(2)), int(match.group(3))))
    for match in _MONTH_DAY_YEAR.finditer(text):
        month = _MONTHS[match.group(1).lower().rstrip(".")]
        found.append(_make(match, int(match.group(3)), month, int(match.group(2))))
    for match in _DAY_MONTH_YEAR.finditer(text):
        month = _MONTHS[match.group(2).lower().rstrip(".")]
        found.append(_make(match, int(match.group(3)), month, int(match.group(1))))
    for match in _SLASHED.finditer(text):
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


# --- time bounds and quantities -------------------------------------------------------------

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
_QUANTITY = re.compile(rf"\d|%|[$€£¥]|\b(?:{_NUMBER_WORDS})\b", re.I)
_VAGUE_VERB = re.compile(
    r"\b(improv\w*|increas\w*|reduc\w*|optimi[sz]\w*|streamlin\w*|enhanc\w*|better|moderni[sz]\w*|boost\w*|"
    r"maximi[sz]\w*|minimi[sz]\w*|faster|easier|more efficient|efficien\w*)\b",
    re.I,
)


def has_time_bound(text: str) -> bool:
    return any(d.value for d in find_dates(text)) or bool(_TIME_BOUND.search(text))


def has_quantity(text: str) -> bool:
    """A number, %, currency or number word once dates and time phrases are taken out."""
    for mention in find_dates(text):
        text = text.replace(mention.text, " ")
    text = _TIME_BOUND.sub(" ", text)
    return bool(_QUANTITY.search(text))


def vague_verb(text: str) -> str | None:
    match = _VAGUE_VERB.search(text)
    return match.group(1) if match else None


# --- owners ---------------------------------------------------------------------------------

_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9][\w.-]*")
_NOT_OWNERS = {
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
_SEGMENTS = re.compile(r"\s+[—–-]\s+|;\s*|\s*\|\s*")
_DUE = re.compile(r"\b(?:due|by|before|deadline|until)\b[:\s]*(.*)$", re.I)
_RELATIVE_DUE = re.compile(
    r"\b(?:today|tomorrow|tonight|eod|eow|end of (?:day|week|month)|next week|this week|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?:week|day|month)\s+\d+|T\+\d+|"
    r"within\s+\d+\s+(?:business\s+)?(?:hours?|days?|weeks?))\b",
    re.I,
)


def find_owner(text: str) -> str | None:
    """The owner named in an action item: an @handle, ``owner: X``, or a trailing "— Name"/role."""
    handle = _HANDLE.search(text)
    if handle:
        return handle.group(0)
    labelled = re.search(r"\bowner\s*[:=]\s*([^,;)|]+)", text, re.I)
    if labelled:
        value = labelled.group(1).strip()
        return None if is_not_owner(value) else value
    for segment in _SEGMENTS.split(text)[1:]:
        candidate = _DUE.sub("", segment).strip(" ,.()")
        candidate = re.sub(r"^(?:owner|owned by|assigned to|assignee)\s*:?\s*", "", candidate, flags=re.I)
        if not candidate or is_not_owner(candidate):
            continue
        if _ROLE_WORDS.match(candidate) or _NAME.match(candidate):
            return candidate
    parenthesised = re.search(r"\(([^()]+)\)\s*$", text)
    if parenthesised:
        candidate = _DUE.sub("", parenthesised.group(1)).strip(" ,.")
        if candidate and not is_not_owner(candidate) and (_ROLE_WORDS.match(candidate) or _NAME.match(candidate)):
            return candidate
    return None


def is_not_owner(value: str) -> bool:
    value = value.strip().lower()
    return value in _NOT_OWNERS or is_blank_or_placeholder(value)


def has_due_date(text: str) -> bool:
    return any(d.value for d in find_dates(text)) or bool(_RELATIVE_DUE.search(text))


def weak_owner(text: str) -> str | None:
    """A collective or placeholder owner written in place of a person: "— we", "owner: team"."""
    for segment in _SEGMENTS.split(text)[1:]:
        candidate = _DUE.sub("", segment).strip(" ,.()").lower()
        candidate = re.sub(r"^(?:owner|owned by|assigned to)\s*:?\s*", "", candidate)
        if candidate in _NOT_OWNERS:
            return candidate
    return None


# --- risks ----------------------------------------------------------------------------------

_SEVERITY_WORDS = {
    "critical": "high",
    "high": "high",
    "severe": "high",
    "red": "high",
    "🔴": "high",
    "🟠": "high",
    "medium": "medium",
    "med": "medium",
    "moderate": "medium",
    "amber": "medium",
    "yellow": "medium",
    "🟡": "medium",
    "low": "low",
    "minor": "low",
    "green": "low",
    "🟢": "low",
}
_SEVERITY_TOKEN = re.compile(
    r"🔴|🟠|🟡|🟢|\b(?:critical|high|severe|medium|med|moderate|low|minor|red|amber|yellow|green)\b", re.I
)
_EXPLICIT_NONE = re.compile(
    r"^\s*(?:none|no(?:thing)?)\s+(?:identified|raised|known|flagged|found|at this (?:time|stage))"
    r"|^\s*no\s+(?:known\s+)?(?:risks?|concerns?|red flags?|blockers?|objections?)\b",
    re.I,
)
_WEAK_MITIGATIONS = {"monitor", "watch", "watch it", "keep an eye", "keep an eye on it", "none", "ignore", "tbd", "n/a"}


def severities(text: str) -> list[str]:
    """Distinct normalised severity levels written in a cell: [] none, one, or several."""
    levels = []
    for token in _SEVERITY_TOKEN.findall(text):
        level = _SEVERITY_WORDS[token.lower()]
        if level not in levels:
            levels.append(level)
    return levels


def is_explicit_none(text: str) -> bool:
    """ "None identified", "No known risks as of 2026-11-20": a stated absence, not an empty value."""
    return bool(_EXPLICIT_NONE.search(text))


def is_weak_mitigation(text: str) -> bool:
    cleaned = text.strip().strip(".").lower()
    return is_blank_or_placeholder(text) or cleaned in _WEAK_MITIGATIONS or len(cleaned.split()) < 2


# --- people and contacts --------------------------------------------------------------------

_PERSON = re.compile(r"\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’.-]+)+\b|(?<![\w@.])@[A-Za-z0-9][\w.-]*")
_EMAIL_CANDIDATE = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w.-]*")  # starts at a word start: linear
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_PHONE_CANDIDATE = re.compile(
    r"(?:(?:phone|tel|mobile|cell|direct)\s*[:.]?\s*|(?<![\w+]))(\+[\d][\d ()./-]{4,}[\dA-Za-z]*)"
    r"|(?:phone|tel|mobile|cell|direct)\s*[:.]?\s*([\d(][\d ()./-]{4,}[\dA-Za-z]*)",
    re.I,
)


def names_a_person(text: str) -> bool:
    return bool(_PERSON.search(text)) and not is_blank_or_placeholder(text)


def bad_emails(text: str) -> list[tuple[int, str]]:
    if "@" not in text:
        return []
    found = []
    for match in _EMAIL_CANDIDATE.finditer(text):
        token = match.group(0).rstrip(".,;:")
        if token.startswith("@") or not token.split("@", 1)[0]:
            continue  # an @handle, not an email
        if not _EMAIL.match(token):
            found.append((match.start(), token))
    return found


_PHONE_HINT = re.compile(r"\+|phone|tel|mobile|cell|direct", re.I)


def bad_phones(text: str) -> list[tuple[int, str]]:
    if not _PHONE_HINT.search(text):
        return []
    found = []
    for match in _PHONE_CANDIDATE.finditer(text):
        token = (match.group(1) or match.group(2) or "").strip()
        start = match.start(1) if match.group(1) else match.start(2)
        digits = re.sub(r"\D", "", token)
        if re.search(r"[A-Za-z]", token) or not 7 <= len(digits) <= 15:
            found.append((start, token))
    return found
