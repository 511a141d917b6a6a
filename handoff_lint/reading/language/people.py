"""People versus places, and the customer's people versus the seller's own team.

A capitalised pair of words is not always a person: "Thornbury House", "the Boulder office", "Colmore
Row" are places; "Knows Intacct" is a verb and a product. And a person named in a handoff is not always
the customer's: "our AE", "Our side: Felix (AE)", "Dominic Reyes (our solutions architect)" are the
seller's own team, who cannot be the customer's sponsor, champion or technical contact.

Read by the content judges (reading/statements.py person_names, reading/judges.py people).
"""

from __future__ import annotations

import re

# The last word of a place's name: a building, a street, a site.
_PLACE_WORDS = frozenset(
    """house street st road rd row lane avenue ave way drive court square place plaza park campus tower towers
    building centre center hall office offices branch branches site sites plant plants warehouse depot yard
    mill mills works hq headquarters airport station harbour harbor quay wharf bridge hill valley
    county city town village district borough region state province island""".split()
)
# Verbs in the third person that start a description: "Knows Intacct", "Owns the budget", "Prefers email".
_DESCRIBING_VERBS = frozenset(
    """knows owns wants prefers runs chairs signs leads manages reports hates likes loves needs asks uses
    joins joined said says thinks built drives drove pushed""".split()
)
_OUR_SIDE = re.compile(
    r"\b(?:our|my)\s+(?:side|team|ae|se|sa|csm|sdr|bdr|am|tam|account\s+executive|sales\s+engineer|solutions?\s+"
    r"(?:architect|engineer|consultant)|customer\s+success(?:\s+manager)?|implementation\s+(?:lead|manager|consultant)|"
    r"project\s+manager|partner\s+manager|internal\s+team|deal\s+team)\b"
    r"|^\s*(?:internal|our\s+side|our\s+team|from\s+us|us|on\s+our\s+side)\s*[:—–-]"
    r"|\bon\s+our\s+side\b|\bfrom\s+our\s+side\b",
    re.I,
)
_OUR_HEADINGS = re.compile(
    r"\b(?:our\s+(?:side|team|people)|internal\s+(?:team|contacts|stakeholders)|deal\s+team)\b", re.I
)


def is_place_name(name: str) -> bool:
    """ "Thornbury House", "Colmore Row", "Boulder Office", "Leeds Site": a place, not a person."""
    words = name.lower().replace("-", " ").split()
    return bool(words) and (words[-1] in _PLACE_WORDS or words[0] in _DESCRIBING_VERBS)


def is_our_side(text: str, heading: str = "") -> bool:
    """A statement about the seller's own team ("Our side: Felix (AE)", "Dana, our CSM"), not the customer's."""
    return bool(_OUR_SIDE.search(text) or (heading and _OUR_HEADINGS.search(heading)))
