"""Risks as handoffs state them: in a table, in prose without the word "risk", answered or not.

- ``is_explicit_none``: a stated absence ("None identified", "No known risks.", "no blocker identified").
- ``is_risk_statement``: a risk in plain words: a competitor in the evaluation, an approval that slips, a
  budget freeze, a person who leaves or has no time, politics, a dependency that may not land.
- ``is_mitigation``: what will be done about it, written as a sentence ("Mitigation: …", "We'll …",
  "Plan: …", "Felix sends the pack this week") — not "monitor" or "keep an eye on it".

Read by the risk rules (HL42x), the section assessment (reading/completeness.py) and the judges.
"""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint.lazy_pattern import compile_on_use
from handoff_lint.reading.language.placeholders import is_blank_or_placeholder

_EXPLICIT_NONE = re.compile(
    r"^\s*(?:none|no(?:thing)?)\s+(?:identified|raised|known|flagged|found|at this (?:time|stage)|so far|yet)"
    r"|^\s*no\s+(?:known\s+|real\s+|major\s+|significant\s+|obvious\s+)?(?:risks?|concerns?|red flags?|blockers?|"
    r"objections?|issues?|competitors?|competition)\b"
    r"|^\s*(?:risks?|concerns?|blockers?|red flags?)\s*[:—–-]\s*(?:none|n/?a|nothing)\b"
    r"|^\s*(?:we\s+)?(?:haven'?t|have\s+not|did\s+not|didn'?t)\s+(?:identified|found|seen|heard\s+of)\s+(?:any\s+)?"
    r"(?:risks?|concerns?|blockers?|red flags?)",
    re.I,
)
# A whole block saying only "None." under a risks heading: as much a stated absence as "None known."
_BARE_NONE = re.compile(r"^\W*(?:none|nothing|no risks?)\W*$", re.I)
_WEAK_MITIGATIONS = {
    "monitor",
    "monitor it",
    "monitoring",
    "watch",
    "watch it",
    "keep an eye",
    "keep an eye on it",
    "keep an eye out",
    "keep watching",
    "wait and see",
    "hope for the best",
    "none",
    "ignore",
    "tbd",
    "n/a",
}


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
    """A mitigation that is no action: "monitor", "keep an eye on it", a single word."""
    cleaned = text.strip().strip(".").lower()
    return is_blank_or_placeholder(text) or cleaned in _WEAK_MITIGATIONS or len(cleaned.split()) < 2


# What puts a deal at risk, in the words people use when they do not write "risk".
_RISK_PATTERN = (
    r"\b(?:risks?|risky|at\s+risk|concern(?:s|ed)?|worr(?:y|ied|ies)|nervous|red\s+flags?|blockers?|threat"
    # a competitor in the evaluation
    r"|competitors?|competing|competition|incumbent|(?:also\s+)?(?:talking|speaking)\s+to\s+(?:someone|another|other|"
    r"a\s+competitor)|the\s+other\s+guys|(?:also|still)\s+evaluating|shortlist(?:ed)?|rfp\s+with|bake-?off"
    # approvals, dates and budgets that may not hold
    r"|slip(?:s|ped|ping)?|delayed|pushed\s+(?:back|out)|stall(?:s|ed)?|on\s+hold|not\s+(?:yet\s+)?(?:signed|approved)"
    r"|(?:waiting|still\s+waiting)\s+(?:on|for)|hasn'?t\s+(?:signed|approved)|sign-?off\s+(?:is\s+)?(?:pending|late)"
    r"|no\s+budget\s+(?:yet|set\s+aside|allocated|approved|confirmed|identified|in\s+place)"
    # "also looking at other vendors" or at a named product ("Weave"), not "also looking at adding 3
    # clinics": a rival is named
    r"|also\s+(?:looking\s+at|trial(?:l)?ing|piloting|testing|considering|evaluating)\s+(?:(?-i:[A-Z])\w*|"
    r"(?:\S+\s+){0,3}?(?:rivals?|vendors?|suppliers?|providers?|alternatives?|tools?|products?|platforms?|"
    r"solutions?|apps?|software|other\s+options?|in-?house|(?:their|its)\s+own))"
    r"|budget\s+(?:freeze|cuts?|squeeze|pressure|not\s+(?:yet\s+)?approved)|freez(?:e|es|ing)\s+(?:on\s+)?(?:spend|budgets?|hiring)"
    r"|froze|frozen|cost[- ]cutting|layoffs?|reorg(?:anisation|anization)?|acquisition|acquired|merger"
    # people: leaving, no time, against it
    r"|retir(?:es|ing|ement)|leaving|left\s+the\s+company|resign(?:ed|s)?|on\s+leave|parental\s+leave|no\s+time|bandwidth"
    r"|stretched|overloaded|eats\s+(?:his|her|their)\s+time|single\s+point\s+of\s+failure|sceptic(?:al)?|skeptic(?:al)?"
    r"|resist(?:s|ance|ant)?|push-?back|politics|political|detractor|unhappy|frustrat(?:ed|ion)|escalat(?:ed|ion)"
    r"|churn|downgrade|cancel(?:l?ation|led|s)?|non-?renew|walk\s+away"
    # dependencies and deadlines that bite
    r"|depends\s+on|dependent\s+on|blocked\s+(?:by|on)|could\s+(?:hurt|derail|slip|delay|kill)|if\s+(?:it|this|that|we|they)\s+"
    r"(?:slips?|drags?|fails?)|hard\s+deadline|no\s+buffer|tight\s+timeline|contract\s+(?:ends|expires))\b"
)


@lru_cache(maxsize=1)
def _risk_words():
    """``_RISK_PATTERN`` compiled by RE2: a hundred alternatives that Python's ``re`` tries at every
    position of every statement (28 µs a line, a fifth of a run) are one automaton for RE2 (4 µs).
    RE2's ``\\s`` is ASCII, so Unicode spaces (a Google-Docs no-break space) are added to it; its ``\\b``
    is ASCII too, which only matters for a keyword glued to a non-ASCII letter."""
    import re2

    return re2.compile("(?i)" + _RISK_PATTERN.replace(r"\s", r"[\s\p{Z}\x{85}]"))


def _is_risk_statement(text: str) -> bool:
    """A risk written in plain words ("they're also talking to the other guys", "a budget freeze after
    Q1", "the approval slipped"); "No known risks" and "no blocker identified" are not risks."""
    if is_explicit_none(text) or not _risk_words().search(text):
        return False
    return not _NEGATED_RISK.search(text)


# Cached apart from its body (not a decorator), so the mutation run reaches the body (CONTRIBUTING.md).
is_risk_statement = lru_cache(maxsize=4096)(_is_risk_statement)


# "No competitor involved", "no budget freeze expected", "not worried about …": the risk is denied.
_NEGATED_RISK = re.compile(
    r"^\s*(?:there\s+(?:is|are)\s+)?no\s+(?:\w+\s+){0,2}(?:risk|concern|competitor|competition|blocker|freeze|delay)s?"
    r"\s+(?:identified|involved|expected|raised|flagged|in\s+sight|so\s+far|at\s+(?:this|the\s+moment))"
    r"|\bnot\s+(?:worried|concerned)\b|\bno\s+(?:risk|concern)\s+(?:of|that|about)\b",
    re.I,
)

# How people write what they will do about a risk, in a sentence of its own or after the risk.
_MITIGATION = compile_on_use(
    r"\b(?:mitigat\w*|plan\s*(?::|is\b)|response\s*:|workaround|fallback|contingency|to\s+address\s+this|to\s+de-?risk"
    r"|we(?:'ll|\s+will)\s+\w+|i(?:'ll|\s+will)\s+\w+|(?:propose|proposing)\s+\w+|(?:lead|leading)\s+with\b"
    # a step as an order or as ours ("Book the reference call", "and escalate it"), not a fact about
    # them ("They run the payroll on Workday")
    r"|(?:^\W*|[:;—–]\s*|\b(?:we|i|us|you|to|be|and|then|will|would|should|must|can|could)(?:'ll|'d|’ll|’d)?\s+)"
    r"(?:(?:get|book|send|schedule|agree|confirm|line\s+up|bring|offer|set\s+up|escalate|ask|loop\s+in)\s+\w+"
    r"|(?:show|share|run|pilot|train)\s+(?:her|him|them|the|a|an|it|with)\b)"
    r"|(?:so|then)\s+(?:we|they)\s+(?:can|will)\b|gate\s*:|(?:->|→)"
    r"|we\s+(?:should|need\s+to|must|plan\s+to|are\s+going\s+to)\s+\w+)",
    re.I,
)
# What we expect, fear or must find out answers no risk: "We should expect pushback", "We need to know
# their SSO provider", "I'd assume legal will be slow".
_NO_ACTION = re.compile(
    r"\b(?:we|i)(?:'ll|'d|\s+will|\s+would|\s+should|\s+need\s+to|\s+must|\s+may|\s+might|\s+can)?\s+"
    r"(?:\w+\s+)?(?:expect|anticipate|assume|fear|worry|know|wonder|suspect|doubt|be\s+(?:aware|prepared|ready|"
    r"careful|surprised)|brace|hear)\b",
    re.I,
)


def _is_mitigation(text: str) -> bool:
    """What will be done about a risk, as a sentence: "Mitigation: show the 6-week plan", "We'll bring a
    reference call", "Get his tasks in the first two weeks"; "monitor" and "keep an eye on it" are not."""
    stripped = re.sub(r"^\s*(?:mitigation|plan|response|action)\s*[:—–-]\s*", "", text, flags=re.I)
    if is_weak_mitigation(stripped) or len(stripped.split()) < 3 or _NO_ACTION.search(stripped):
        return False
    return bool(_MITIGATION.search(text))


# Cached apart from its body (not a decorator), so the mutation run reaches the body (CONTRIBUTING.md).
is_mitigation = lru_cache(maxsize=4096)(_is_mitigation)
