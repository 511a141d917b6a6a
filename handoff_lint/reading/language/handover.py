"""Who hands over to whom: the receiving team a title, a subject line or an opening names, and the roles
of the people an email or a thread is from and to.

A handoff's type is that pair: an SDR to an AE, an AE to an SE, sales to customer success or to the
implementation team, customer success back to sales. People say it in passing — "Handing over to
Implementation", "need you for a demo", "From: Dana Lee (AE) / To: Omar Aziz (CSM)", "@omar you're the
CSM on this one" — and not in our template's title. This module reads those phrasings; handoff_types/resolve.py
decides with them when the title says nothing.
"""

from __future__ import annotations

import re

SDR, AE, SE, CS, IMPL, ONBOARDING = "sdr", "ae", "se", "cs", "impl", "onboarding"

# Team and role words, longest first so that "customer success manager" is read before "customer success".
_ROLE_WORDS = {
    SDR: "sdr|bdr|sales development(?: rep(?:resentative)?)?|business development(?: rep(?:resentative)?)?",
    AE: "ae|account executive|account exec|sales(?: team| rep)?|closer|account manager|am",
    SE: "se|solutions? engineer(?:ing)?|sales engineer(?:ing)?|pre-?sales(?: team)?|solutions(?: team)?",
    CS: "csm|customer success(?: manager| team)?|cs(?: team)?",
    ONBOARDING: "onboarding(?: team| manager| specialist)?",
    IMPL: "implementation(?: team| lead| manager| consultant)?|impl(?: team| lead)?|delivery(?: team)?|"
    "professional services|ps team|project manager|pm|services(?: team)?",
}
_ROLE = "|".join(f"(?P<{role}>{words})" for role, words in _ROLE_WORDS.items())

# The pair -> the type. A receiving team alone is enough for three types; "to sales" or "to the AE" is
# an SDR's handoff or customer success's, which the sender or the rest of the content tells apart.
TYPES_BY_PAIR = {
    (SDR, AE): "sdr-to-ae",
    (AE, SE): "ae-to-se",
    (AE, CS): "sales-to-cs",
    (AE, IMPL): "sales-to-implementation",
    (CS, AE): "cs-to-sales",
    (SE, IMPL): "sales-to-implementation",
    (SE, CS): "sales-to-cs",
}
# The sender alone: only an SDR hands a lead to an AE, and only customer success hands an account back to
# sales; an AE or an SE hands over to several teams.
TYPES_BY_SENDER = {
    SDR: ("sdr-to-ae",),
    CS: ("cs-to-sales",),
    AE: ("ae-to-se", "sales-to-cs", "sales-to-implementation"),
}
TYPES_BY_RECEIVER = {
    SE: ("ae-to-se",),
    CS: ("sales-to-cs",),
    IMPL: ("sales-to-implementation",),
    ONBOARDING: ("sales-to-cs", "sales-to-implementation"),
    AE: ("sdr-to-ae", "cs-to-sales"),
}

# "handing over to Implementation", "handoff to CS", "for the SE", "intro to the CSM", "over to you, CS".
_TO_TEAM = re.compile(
    r"\b(?:hand(?:ing|ed|s)?[ -]?(?:off|over)|handover|passing(?: this| it)?(?: over| on)?|over|intro(?:duction)?|"
    r"request|brief(?:ing)?|notes?)\s+(?:it\s+|this(?: one)?\s+)?(?:over\s+)?(?:to|for)\s+(?:the\s+|our\s+)?(?:"
    + _ROLE
    + r")\b",
    re.I,
)
# "CS handoff", "SE request", "#impl-handoffs", "Implementation brief".
_TEAM_THEN_HANDOFF = re.compile(
    r"(?:^|[\s#(\[|—–:-])(?:" + _ROLE + r")[ -](?:hand[ -]?offs?|handovers?|requests?|brief|intro)\b",
    re.I,
)
# "handing it over to you for onboarding", "need you for a demo": the work asked of the reader narrows the
# type. A demo is asked of an SE, but an SDR books the AE "for a demo" too; onboarding and a kickoff are
# customer success's or the implementation team's.
_PURPOSES = {
    ("ae-to-se",): r"poc|proof of concept|technical (?:deep[ -]dive|evaluation|validation)|solution design",
    ("ae-to-se", "sdr-to-ae"): r"demo|discovery(?: call)?",
    ("sales-to-implementation",): r"implementation|go[ -]live",
    ("sales-to-cs", "sales-to-implementation"): r"onboarding|kickoff|kick-off|rollout|roll-out",
    ("sdr-to-ae",): r"first (?:call|meeting)|qualification",
}
_PURPOSE_TYPES = list(_PURPOSES)
_FOR_PURPOSE = re.compile(
    r"\b(?:you|your team)\b[^.\n]{0,40}?\bfor\s+(?:the\s+|a\s+|an\s+|their\s+)?(?:"
    + "|".join(f"(?P<p{number}>{words})" for number, words in enumerate(_PURPOSES.values()))
    + r")\b",
    re.I,
)
_POC_REQUEST = re.compile(r"\b(?:poc|proof of concept)[ -](?:request|prep|ask|brief)\b", re.I)
# "@omar you're the CSM on this one", "you are the impl lead per the queue".
_YOU_ARE = re.compile(r"\byou(?:'re|’re| are)\s+(?:the\s+|our\s+)?(?:" + _ROLE + r")\b", re.I)
# "From: Dana Lee (AE)", "Prepared by: Kai Moreno, Account Executive", "To: Omar Aziz | CSM".
_SENDER = re.compile(r"^\W*(?:from|prepared by|author|sent by|handed over by|sender|owner)\W*:", re.I)
_RECEIVER = re.compile(r"^\W*(?:to|for|recipient|handed over to|receiver|attn)\W*:", re.I)
_ROLE_IN_VALUE = re.compile(r"[(,|·—–-]\s*(?:" + _ROLE + r")\s*(?:[),|·]|$)", re.I)
_SEGMENT = re.compile(r"\s+[|·•]\s+")  # "Prepared by: Kai (AE)  |  For: Ines (SE)": two labels on a line
# A signature line: a role alone, or after a name ("Omar Aziz | CSM", "Tariq Bello, SDR — Ledgerly").
_SIGNATURE = re.compile(
    r"^(?:[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,3}\s*[|,–—-]\s*)?(?:" + _ROLE + r")(?:\s*(?:[|,@–—-]|at\b).*)?$",
    re.I,
)
# "Subject: …", "Re: …", "Fwd: …": an email's title.
_SUBJECT = re.compile(r"^\W*(?:subject|re|fwd?)\s*:\s*(?P<subject>.+)$", re.I)
# "AE: @dmoreau · CSM: @kadams": role labels naming the sender and the receiver, order unknown.
_ROLE_LABEL = re.compile(r"(?:^|[|·•,;]\s*|\*\*)(?:" + _ROLE + r")(?:\*\*)?\s*:\*{0,2}\s*\S", re.I)


_TEAM_PATTERNS = (
    (_TO_TEAM, ("hand", "over", "intro", "request", "brief", "note", "passing")),
    (_TEAM_THEN_HANDOFF, ("hand", "request", "brief", "intro")),
    (_YOU_ARE, ("you're", "you’re", "you are")),
)


def _role_of(match: re.Match) -> str | None:
    return next((role for role in _ROLE_WORDS if match.group(role)), None)


def receiving_team(text: str) -> str | None:
    """The team a title, subject or sentence hands over to: "Handing over to Implementation" -> impl."""
    lowered = text.lower()  # each pattern is tried only when its words are there: most lines have none
    for pattern, words in _TEAM_PATTERNS:
        if any([word in lowered for word in words]):
            match = pattern.search(text)
            if match:
                return _role_of(match)
    return None


def types_asked_for(text: str) -> tuple[str, ...]:
    """The types the work asked of the reader allows: "need you for a demo" -> ae-to-se or sdr-to-ae."""
    lowered = text.lower()
    match = _FOR_PURPOSE.search(text) if "you" in lowered and "for" in lowered else None
    if match:
        return next(types for number, types in enumerate(_PURPOSE_TYPES) if match.group(f"p{number}"))
    return ("ae-to-se",) if ("poc" in lowered or "proof" in lowered) and _POC_REQUEST.search(text) else ()


def subject_of(line: str) -> str | None:
    """The subject of an email header line ("Subject: Handoff to CS — Kessler Mills"), else None."""
    match = _SUBJECT.match(line)
    return match.group("subject").strip() if match else None


def sender_and_receiver(lines: list[str]) -> tuple[str | None, str | None]:
    """The roles on "From:" / "To:" lines (an email header, a memo's "Prepared by / For")."""
    sender = receiver = None
    segments = [segment for line in lines if ":" in line for segment in _SEGMENT.split(line)]
    for line in segments:
        for pattern, is_sender in ((_SENDER, True), (_RECEIVER, False)):
            if not pattern.match(line):
                continue
            role = _ROLE_IN_VALUE.search(line.split(":", 1)[1])
            if role is None:
                continue
            if is_sender and sender is None:
                sender = _role_of(role)
            elif not is_sender and receiver is None:
                receiver = _role_of(role)
    return sender, receiver


def labelled_roles(line: str) -> set[str]:
    """The roles a line of role labels names: "AE: Dana · CSM: Omar" -> {ae, cs}."""
    if ":" not in line:
        return set()
    return {role for match in _ROLE_LABEL.finditer(line) if (role := _role_of(match))}


def signed_role(closing: list[str]) -> str | None:
    """The role in an email's or a memo's signature: "Omar Aziz | Customer Success Manager", "CSM, Ledgerly"."""
    for line in reversed(closing):
        match = _SIGNATURE.match(line.strip())
        if match:
            return _role_of(match)
    return None


def candidate_types(title_lines: list[str], opening: list[str], closing: list[str] = ()) -> tuple[str, ...]:
    """The types the handover phrasing of a document allows, most specific first; () when it says nothing.

    ``title_lines``: the title and an email subject; ``opening``: the first lines of the body; ``closing``:
    its last lines, where a signature gives the sender's role."""
    sender, receiver = sender_and_receiver(opening)
    if sender and receiver and (sender, receiver) in TYPES_BY_PAIR:
        return (TYPES_BY_PAIR[(sender, receiver)],)
    for text in [*title_lines, *opening]:
        team = receiving_team(text)
        if team is not None and team in TYPES_BY_RECEIVER:
            if team == AE and sender in (SDR, CS):
                return (TYPES_BY_PAIR[(sender, AE)],)
            return TYPES_BY_RECEIVER[team]
        asked = types_asked_for(text)
        if asked:
            return asked
    if receiver in TYPES_BY_RECEIVER:
        return TYPES_BY_RECEIVER[receiver]
    sender = sender or signed_role(closing)
    if sender in TYPES_BY_SENDER:
        return TYPES_BY_SENDER[sender]
    for line in opening:
        roles = labelled_roles(line)
        pairs = [TYPES_BY_PAIR[(a, b)] for a in roles for b in roles if (a, b) in TYPES_BY_PAIR]
        if pairs:
            return tuple(sorted(set(pairs)))
    return ()
