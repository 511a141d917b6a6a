"""Who owns an action, in the orders people write it; and who is nobody in particular.

An owner is a person (``Dana Lee``, ``Ana``), an @handle (``@raj``) or the title of one seat
(``the implementation lead``, ``Head of IT``, ``CFO``), written

- first: "Ana — send the SOW — Jun 22", "Ana to draft the runbook by June 22", "Aisha (Trust) — supplier
  export", "@raj book kickoff (Fri 12/18)", "Liam + Keisha: sync before EOW", "Caleb sends the plan";
- labelled: "owner: Dana Lee", "owned by Dana Lee", "assigned to @dana";
- last: "Send the SOW — Dana Lee, due 2026-12-01", "Send the SOW (Dana)".

Nobody in particular: "we", "the team", "someone", "TBD", a department ("ops", "legal", "finance") and
a generic seat of the selling team alone ("CSM", "AE", "the SE"): a pooled queue, not a person. A name
after "to", "with" or "for" is the recipient ("Send the recap to Dana Lee"), not the owner.

Read by the action-item rules (HL41x) and by the content judges (reading/statements.py).
"""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint.lazy_pattern import compile_on_use
from handoff_lint.reading.language.placeholders import is_blank_or_placeholder
from handoff_lint.text import strip_markup

_HANDLE = re.compile(r"@(?<![\w@.]@)[A-Za-z0-9][\w.-]*")
NOT_OWNERS = {
    "we",
    "us",
    "our team",
    "team",
    "the team",
    "someone",
    "somebody",
    "anyone",
    "everyone",
    "everybody",
    "all",
    "both",
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
    "you",
    "nobody",
    "none",
    "here",
    "channel",
}
# Departments and the selling team's generic seats: a queue of people, nobody in particular, alone.
_GROUPS = frozenset(
    """sales cs ops operations revops salesops sales-ops marketing legal finance procurement support it hr
    security engineering product implementation onboarding success services billing accounts group
    ae se sa csm sdr bdr am tam pm cse csms aes ses
    account executive customer success manager sales engineer solutions engineer solutions consultant
    sales development representative account manager""".split()
)
_GROUP_PHRASES = frozenset(
    {
        "account executive",
        "customer success",
        "customer success manager",
        "sales engineer",
        "solutions engineer",
        "solutions consultant",
        "account manager",
        "sales development representative",
        "customer success team",
        "cs team",
        "sales team",
        "ops team",
        "implementation team",
        "onboarding team",
        "project team",
        "support team",
        "it team",
    }
)
# The last word of the title of one seat: "implementation lead", "IT Services Manager", "Finance Director".
_TITLE_ENDS = frozenset(
    """lead manager director head officer owner engineer architect consultant specialist coordinator admin
    administrator analyst counsel controller sponsor champion president chair principal founder partner
    superintendent dean secretary accountant planner ceo cfo coo cto cio cmo cro ciso cpo vp svp evp gm dpo""".split()
)
_TITLE_STARTS = frozenset("head vp svp evp chief director ceo cfo coo cto cio cmo cro ciso gm dpo".split())
# Capitalised words that start a statement without naming anyone: imperatives, labels, common nouns.
# The verbs a step starts with: "Rory: intro email…" is a step, "Waitlist: every family…" a label.
STEP_VERBS = frozenset(
    """send share schedule book set get give find figure look prep prepare draft write review confirm check
    call email ping chase follow loop intro introduce demo present run hold host align agree sync meet plan
    update create build add make move push reach provide deliver sign kick start finish finalise finalize
    close open track escalate ask invite arrange organise organize circulate collect gather document map
    test validate verify train configure install migrate load export import pull publish post file submit
    request order buy pay approve decide discuss connect setup onboard go keep ensure complete do own
    walk book brief hand line scope price quote engage clarify nail pin lock""".split()
)
_NOT_NAMES = STEP_VERBS | frozenset(
    """a an the this that these those our their his her its my your i we you they he she it there here what
    who why how when where which and or but if so also all any each every some no not none next then after
    before during until by on at in to for from with of as via per please pls note notes fyi re cc
    proposal pricing quote contract budget timing timeline status summary overview context scope goals goal
    risks risk actions action items item tasks task todo agenda topics topic questions question outcome
    outcomes result results decision decisions deliverables prerequisites prereqs blockers blocker owner
    owners date dates due deadline kickoff kick-off training migration integration data security access
    sso support legal finance procurement ops sales marketing engineering product customer account deal
    pilot poc renewal expansion upsell handoff handover meeting session workshop step steps phase wave
    today tomorrow tonight eod eow asap tbd tbc yes ok done pending open closed new old first last
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec q1 q2 q3 q4 week month quarter year""".split()
)
_NAME_ENDINGS = ("ing", "tion", "tions", "sion", "ment", "ments", "ness", "ity", "ance", "ence")
_WORD = r"[A-ZÀ-Þ][\wÀ-ÿ'’.-]*"
_PERSON = rf"{_WORD}(?:\s+(?:{_WORD}|van|de|der|von|da|di|le|la|al|bin)){{0,3}}"
_SEAT = r"(?:(?:the|our|their|your|a)\s+)?[\w&/-]+(?:\s+(?:of\s+)?[\w&/-]+){0,3}"
# Owner first: "Ana —", "Ana (Trust) —", "Ana to draft", "Ana will", "Ana sends", "Liam + Keisha:".
_LEADING = compile_on_use(
    rf"^(?P<who>@?{_PERSON}(?:\s*(?:\+|&|/|\band\b)\s*@?{_PERSON})?|{_SEAT})(?:\s*\([^()]{{1,40}}\))?"
    r"(?:\s*(?P<sep>[—–:→]|\s-\s|\s--\s)|\s+(?P<verb>to\s+(?!be\b|the\b|a\b|an\b|our\b|their\b|date\b|do\b)[a-z]"
    r"|will\s+[a-z]|is\s+(?:going\s+to|to)\s+[a-z]|owns\b|(?!is\b|has\b|was\b|does\b|needs\b)[a-z]{2,}s\s+[A-Za-z]))"
)
SEGMENTS = re.compile(r"\s+[—–-]\s+|;\s*|\s*\|\s*|\s+--\s+")
DUE = re.compile(r"\b(?:due|by|before|deadline|until|eta|target)\b[:\s]*(.*)$", re.I)
_LABELLED = compile_on_use(
    r"\b(?:owned\s+by|assigned\s+to)\s*:?\s+(@?[^,;()|\n]+)"
    r"|\b(?:owner|assignee|responsible|dri|who)\s*[:=]\s*(@?[^,;()|\n]+)",
    re.I,
)
_PARENTHESIS = re.compile(r"\(([^()]+)\)")
_DUE_WORD = re.compile(r"(?:due|by|before|deadline|until|eta)\b", re.I)
LIST_MARKERS = re.compile(r"^(?:\s*(?:[-*+•·▪◦‣]|\\[-*+]|\d+[.)]|\[[ xX]?\])\s+)+")
_RECIPIENT = re.compile(r"\b(?:to|with|for|from|cc|and|ask|asks|intro|introduce|ping|email|call)\s+$", re.I)
_TRAILING_DATE = re.compile(r"\b(?:due|by|before|deadline|until|eta|on|at|in|within)\b.*$", re.I)


def _find_owner(text: str) -> str | None:
    """The owner an action item names, in any of the orders above; None when it names nobody."""
    text = LIST_MARKERS.sub("", strip_markup(text)).strip()
    labelled = _LABELLED.search(text)
    if labelled:
        value = _DUE_TAIL(labelled.group(1) or labelled.group(2))
        return value if is_owner(value) else None
    handle = _first_handle(text)
    if handle:
        return handle
    leading = _LEADING.match(text)
    if leading and _leads_a_step(leading, text):
        return leading.group("who")
    for segment in SEGMENTS.split(text)[1:]:
        candidate = _DUE_TAIL(segment)  # "owned by …" was read as a label above
        if is_owner(candidate):
            return candidate
    for parenthesised in _PARENTHESIS.finditer(text):  # "Send the SOW (Dana)", "… (Dana), due Friday"
        after = text[parenthesised.end() :].strip(" .,;")
        if not after or _DUE_WORD.match(after):
            candidate = _DUE_TAIL(parenthesised.group(1))
            if is_owner(candidate):
                return candidate
    return None


# Cached apart from its body (not a decorator), so the mutation run reaches the body (CONTRIBUTING.md).
find_owner = lru_cache(maxsize=4096)(_find_owner)


def _leads_a_step(leading: re.Match, text: str) -> bool:
    """Whether the name a statement starts with owns what follows: "Ana — send…", "Ana to draft…".

    Not a label ("Waitlist: every family…": after a colon, a single word needs a verb to follow) and
    not a person's description ("Graham Pilling — Finance Director. Retires…")."""
    who = leading.group("who")
    if not is_owner(who):
        return False
    if leading.group("verb"):
        return True
    rest = text[leading.end() :].strip(" *")
    first = re.split(r"[.,;(]|\s[—–-]\s", rest)[0].strip()
    if first and (is_title(first) or is_not_owner(first)):
        return False  # "Name — CFO.", "Name — AE, stays on the account"
    if leading.group("sep") == ":" and len(who.split()) == 1:
        return bool(rest) and rest.split()[0].lower() in STEP_VERBS
    return True


def is_title(value: str) -> bool:
    """A job title or seat: "Finance Director", "Head of Finance Systems", "COO", "School Business Manager"."""
    words = [w.lower().strip(".,'’") for w in value.split()]
    if not words or len(words) > 4 or words[0] in STEP_VERBS:
        return False
    return words[-1] in _TITLE_ENDS or words[0] in _TITLE_STARTS or " ".join(words) in _GROUP_PHRASES


def _DUE_TAIL(value: str) -> str:  # noqa: N802 - reads as the phrase it removes
    """The value without a trailing date phrase: "Dana Lee, due 2026-12-01" -> "Dana Lee"."""
    value = value.strip(" ,.()*")
    value = re.split(r",|\s+(?=(?:due|by|before|deadline|until|eta|on|within|at)\b)", value, maxsplit=1, flags=re.I)[0]
    return value.strip(" ,.()*")


def _first_handle(text: str) -> str | None:
    """The first @handle that names a person (not @team, @here), unless it is the recipient ("cc @ana")."""
    for match in _HANDLE.finditer(text):
        handle = match.group(0)
        if handle[1:].lower() in NOT_OWNERS or handle[1:].lower() in _GROUPS:
            continue
        if _RECIPIENT.search(text, 0, match.start()):
            continue
        return handle
    return None


_DETERMINERS = frozenset("the our their your a".split())
_PARTICLES = frozenset("van de der von da di le la al bin and".split())  # lower-case words inside a name
_JOINERS = re.compile(r"[+&/]")


def is_owner(value: str) -> bool:
    """Whether ``value`` names one person or seat: a name, an @handle or a title; not "we", "ops", "CSM"."""
    value = value.strip(" ,.:;()*")
    if not value or ". " in value or len(value) > 60 or is_not_owner(value):
        return False  # nothing, a sentence, a paragraph, or nobody in particular
    if value.startswith("@"):
        return True
    words = _JOINERS.sub(" ", value).split()
    lowered = [w.lower().strip(".,'’") for w in words]
    if not lowered:
        return False  # only joiners: "&", "and", "/"
    if lowered[0] in _DETERMINERS:
        lowered, words = lowered[1:], words[1:]
    if not lowered:
        return False
    if lowered[-1] in _TITLE_ENDS or lowered[0] in _TITLE_STARTS:
        return not set(lowered) <= _GROUPS  # "implementation lead" yes; "account executive" is a group seat
    if not all([w[:1].isupper() for w, low in zip(words, lowered, strict=True) if low not in _PARTICLES]):
        return False  # "send the quote": not a name
    if len(words) > 4 or lowered[0] in _NOT_NAMES or lowered[0].endswith(_NAME_ENDINGS):
        return False  # "Pricing", "Training", "Proposal for the board"
    return not set(lowered) <= _GROUPS | {"and"}  # "AE and SE"


def is_not_owner(value: str) -> bool:
    """ "we", "the team", "TBD", "ops", "CSM": written where an owner goes, naming nobody in particular."""
    value = value.strip().strip("@").strip()
    lowered = value.lower()
    if lowered in NOT_OWNERS or is_blank_or_placeholder(value):
        return True
    bare = re.sub(r"^(?:the|our|their|your|a)\s+", "", lowered)
    return bare in _GROUPS or bare in _GROUP_PHRASES or bare in NOT_OWNERS
