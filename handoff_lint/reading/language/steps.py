"""Next steps written as people write them in prose, not as a checklist: a commitment, a request, an order.

- a commitment: "I'll send the signed contract to billing", "We will book the kickoff", "Happy to do an
  intro", "Joanne will send the list", "Oliver to reach out to Rosalind", "Someone should get the drafts going";
- a request to the reader: "Please set up the kickoff", "Could you reach out to her?", "Can you build
  something around seed?", "Let me know when kickoff is scheduled", "Send me the RFQs when you have them";
- an order at the start of a statement: "Intro Kofi and Lucas for the integration", "Book the kickoff by Friday".

Not a step: what happened ("I sent the contract", "Joanne signed"), what someone may do to the deal ("If
templates sit in review, she'll pull the plug", "they will need more licences"), what will simply happen
("It will take six weeks", "We'll see"), a noun that looks like a verb ("Plan is to go live in May").

Read by the content judges: a handoff whose next steps are only written this way has next steps, thin
ones unless each names its owner and its date.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from handoff_lint.reading.language.dates import has_due_date
from handoff_lint.reading.language.owners import LIST_MARKERS, STEP_VERBS
from handoff_lint.text import strip_markup

# Verbs of a step besides the ones an owned action item starts with (owners.STEP_VERBS).
_MORE_VERBS = frozenset(
    """join attend cover handle take bring tell let loop touch pass forward cc introduce reconnect talk speak
    sort chase nudge pick re-send resend recap summarise summarize reply respond answer dig investigate
    try do""".split()
)
VERBS = STEP_VERBS | _MORE_VERBS
_VERB = r"(?P<verb>[a-z][a-z-]+)"
_THEN = r"(?:\s+(?:also|then|just|please|first|definitely|quickly))?(?:\s+try\s+to)?\s+"
_START = r"(?:^|[^\w'’])"
_NAME = r"(?:[A-ZÀ-Þ][\wÀ-ÿ'’-]+(?:\s+[A-ZÀ-Þ][\wÀ-ÿ'’-]+){0,2}|@[\w.-]+|[Ss]omeone|[Ss]omebody)"
_PATTERNS = (
    # I / we commit: "I'll send", "we will book", "I'm going to ask", "I can join".
    rf"{_START}(?:i|we)(?:\s+still)?(?:['’]ll|\s+will|\s+shall|['’]m\s+going\s+to|\s+am\s+going\s+to|['’]re\s+going\s+to"
    r"|\s+are\s+going\s+to|\s+can|\s+need\s+to|\s+have\s+to|\s+plan\s+to|\s+intend\s+to)"
    rf"{_THEN}{_VERB}",
    # "Happy to do an intro", "I'm glad to join".
    rf"{_START}(?:happy|glad|keen)\s+to\s+{_VERB}",
    # The reader is asked: "please set up", "could you reach out", "you'll need to book".
    rf"{_START}(?:please|pls|kindly)\s+{_VERB}",
    rf"{_START}(?:could|can|would|will)\s+(?:you|we)(?:\s+please)?\s+{_VERB}",
    rf"{_START}(?:you(?:['’]ll|\s+will)?\s+(?:need|want|have)\s+to\s+{_VERB}|(?:let|send|loop|ping|cc|keep)\s+me\b)",
    # Someone named commits or is assigned: "Joanne will send", "Oliver to reach out", "Someone should get".
    rf"{_START}(?P<who>{_NAME})(?:\s+\([^()]{{1,40}}\))?"
    r"(?:['’]ll|\s+will|\s+to|\s+should|\s+needs\s+to|\s+has\s+to|\s+is\s+going\s+to|\s+has\s+agreed\s+to"
    r"|\s+agreed\s+to|\s+promised\s+to|\s+offered\s+to|\s+is\s+to)"
    rf"{_THEN}{_VERB}",
)


@cache
def _forms() -> tuple[re.Pattern, ...]:
    """The forms, compiled when a document first needs them: most handoffs list their actions, and a
    one-file run should not pay for patterns it never asks (import time counts there)."""
    forms = [re.compile(pattern, re.I if index < 5 else 0) for index, pattern in enumerate(_PATTERNS)]
    return (*forms, re.compile(_CONDITION, re.I))


# After a verb that starts the statement, what an order goes on with: "Send the", "Intro Kofi", "Set up".
_OBJECT_WORDS = frozenset(
    """the a an up out in over back with to them him her me us our their your it this that these those all
    both each every any some""".split()
)
# Words before a verb that make the clause a condition or a description, not a step.
_CONDITION = r"\b(?:if|unless|otherwise|or\s+else|when\s+they|once\s+they)\b"
# Capitalised words that start a sentence without naming anyone who could take a step.
_NOT_SOMEONE = frozenset(
    """it this that there here they he she what which who when where why how if so and but or the a an
    everything nothing something anything anyone nobody everyone plan goal idea hope expectation""".split()
)
# A word one of the forms above needs: most statements hold none and skip the patterns.
_CUES = frozenset(
    """i i'll i’ll ill we we'll we’ll i'm i’m we're we’re happy glad keen please pls kindly could can would will
    you you'll you’ll let send loop ping cc copy keep to should needs has is agreed promised offered someone
    somebody""".split()
)
_WORDS = re.compile(r"[a-z'’@]+")


def _is_next_step(text: str) -> bool:
    """Someone is committed or asked to do something: "I'll send…", "Please set up…", "Ana to draft…"."""
    text = LIST_MARKERS.sub("", strip_markup(text)).strip()
    if not text:
        return False
    words = _WORDS.findall(text.lower())
    if words and words[0] in VERBS and _starts_an_order(text):
        return True
    if _CUES.isdisjoint(words):
        return False
    *forms, condition = _forms()
    for pattern in forms:
        for match in pattern.finditer(text):
            if _is_step_match(match, text, condition):
                return True
    return False


def _is_step_match(match: re.Match, text: str, condition: re.Pattern) -> bool:
    groups = match.groupdict()
    verb, who = groups.get("verb"), groups.get("who")
    if who is not None and who.split()[0].lower() in _NOT_SOMEONE:
        return False  # "They will need…", "It will take…", "This will cover…"
    if verb is not None and verb.lower() not in VERBS:
        return False  # "We'll see", "Ray will notice"
    return not condition.search(text, 0, match.start() + 1)  # "If it slips, she'll pull the plug"


def _starts_an_order(text: str) -> bool:
    """A statement that starts with a verb and goes on as an order does: "Send the SOW", "Intro Kofi and Lucas".

    Not a noun that looks like a verb: "Plan is to go live", "Build quality: poor"."""
    parts = text.split(None, 2)
    if len(parts) < 2 or parts[0].endswith(":") or parts[1].endswith(":"):
        return False  # a label: "Hand to: Oliver Brandt", "Follow-up: none"
    second = parts[1].strip(",.;:")
    if second.lower() in _OBJECT_WORDS:
        return True
    if second[:1].isupper() and second.lower() not in _NOT_SOMEONE:
        return True  # "Intro Kofi", "Email Dolores the summary"
    return has_due_date(text) and second.lower() not in ("is", "was", "are")


# Cached apart from its body (not a decorator), so the mutation run reaches the body (CONTRIBUTING.md).
is_next_step = lru_cache(maxsize=4096)(_is_next_step)
