"""People versus places, and the customer's people versus the seller's own team.

A capitalised pair of words is not always a person: "Thornbury House", "the Boulder office", "Colmore
Row" are places; "Knows Intacct" is a verb and a product. And a person named in a handoff is not always
the customer's: "our AE", "Our side: Felix (AE)", "Dominic Reyes (our solutions architect)" are the
seller's own team, who cannot be the customer's sponsor, champion or technical contact.

Read by the content judges (reading/statements.py person_names, reading/judges.py people).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

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
_SELLER_ROLES = (
    r"side|team|people|ae|se|sa|csm|sdr|bdr|am|tam|rep|account\s+(?:executive|manager|team|lead)|"
    r"sales\s+(?:engineer|rep|lead|team|director|manager)|solutions?\s+(?:architect|engineer|consultant)|"
    r"customer\s+success(?:\s+(?:manager|lead|team))?|implementation\s+(?:lead|manager|consultant|team)|"
    r"onboarding\s+(?:lead|manager|specialist|team)|project\s+manager|partner\s+manager|internal\s+team|"
    r"deal\s+(?:team|desk)|ceo|cfo|coo|cto|cro|cmo|co-?founder|founder|vp|svp|evp|head\s+of|director|"
    r"chief\s+\w+\s+officer|legal(?:\s+team)?|counsel|finance(?:\s+team)?|support(?:\s+team)?|engineering|"
    r"product\s+(?:manager|team|lead)|manager|boss"
)
# "our AE", "Dana, our CSM", "our CFO, Mark Ellis": one of the seller's own people (not "our champion":
# the customer's champion of the deal, nor "our AE's contact").
_OUR_ROLE = re.compile(rf"\b(?:our|my)\s+(?:own\s+)?(?:{_SELLER_ROLES})\b(?!['’]s)", re.I)
# After "our <role>", a noun that makes the phrase the customer's person: "our finance contact" (their
# contact for finance), "my director-level contact", "our CFO counterpart".
_ROLE_NOUN_AFTER = re.compile(
    r"-\w|\s+(?:contacts?|counterparts?|person|poc|point\s+of\s+contact|liaison|champion|sponsor|buyer|"
    r"approver|signer|signatory|stakeholder|decision[\s-]maker)\b",
    re.I,
)
# A role only the seller's team holds, written bare as a person's title: "Sam Ortiz (AE)", "AE: Sam", "— SE".
_BARE_ROLE = re.compile(
    r"\b(?:AE|SE|CSM|SDR|BDR|TAM|AM|Rep)\b(?!['’]s)|\b(?:account\s+executive|customer\s+success\s+manager|solutions?\s+"
    r"engineer|sales\s+engineer|(?:sales|business)\s+development\s+rep(?:resentative)?|technical\s+account\s+"
    r"manager)\b",
    re.I,
)
_BARE_CASE = frozenset("AE SE CSM SDR BDR TAM AM Rep".split())
# "(us)", "(AE, ours)", a table cell "Internal": a mark that the person beside it is the seller's.
_OUR_MARK = re.compile(
    r"\((?:[^()]*[,;/]\s*)?(?:us|ours|our\s+side|internal|vendor|seller)\)"
    r"|(?:^|\|)\s*(?:internal|us|ours|our\s+side|vendor|seller)\s*(?=\||$)"
    r"|\b(?:from|on)\s+our\s+side\b"
    r"|\bhand(?:ing|ed|s)?[\s-]*(?:over|off)\s+(?:from|by)\b|\b(?:prepared|written|compiled|sent)\s+by\b",
    re.I,
)
# The person beside it is the customer's: "their CSM", "the customer's AE", "(client)".
_THEIR_MARK = re.compile(
    r"\b(?:their|the\s+customer['’]s|the\s+client['’]s|customer['’]s|client['’]s)\s+\w+"
    r"|\((?:[^()]*[,;/]\s*)?(?:them|theirs|their\s+side|(?:customer|client)(?:\s+side)?)\)"
    r"|(?:^|\|)\s*(?:them|theirs|their\s+side|customer|client)\s*(?=\||$)",
    re.I,
)
_OUR_GROUP = (
    r"our\s+(?:side|team|people|attendees|folks)|internal(?:\s+team)?|from\s+us|on\s+our\s+side|from\s+our\s+side"
    r"|vendor(?:\s+side)?|seller(?:\s+side)?"
)
_THEIR_GROUP = (
    r"their\s+(?:side|team|people|attendees|folks)|customer(?:\s+side|\s+team)?|client(?:\s+side|\s+team)?"
    r"|from\s+them|on\s+their\s+side|from\s+their\s+side|buyer\s+side"
)
# A label that opens a group ("Our side: Sam (AE), Lena (SE)"; "From us — …"): every name after it, up to
# the end of the clause or a label for the customer's side ("…; their side: Dana").
_GROUP = re.compile(
    rf"(?P<ours>\b(?:{_OUR_GROUP})|(?:^|(?<=[;.|\n]))\s*us)\s*(?:\([^)]*\))?\s*:"
    rf"|(?:^|(?<=[;.|\n]))\s*(?P<ours2>{_OUR_GROUP}|us)\s*[,—–-]"
    rf"|(?P<theirs>\b(?:{_THEIR_GROUP})|(?:^|(?<=[;.|\n]))\s*them)\s*(?:\([^)]*\))?\s*:"
    rf"|(?:^|(?<=[;.|\n]))\s*(?P<theirs2>{_THEIR_GROUP}|them)\s*[,—–-]",
    re.I,
)
# "on our side" after "is firmly", "squarely": the customer's person supports the deal.
_SUPPORTIVE = re.compile(
    r"\b(?:is|are|was|'s|’s|firmly|squarely|clearly|fully|solidly|definitely|totally|completely|much|very|"
    r"always|seems|now|still)\s+$",
    re.I,
)
_HANDOVER_TO = re.compile(r"\bhand(?:ing|ed|s)?[\s-]*(?:over|off)\b[^;.|]*?\b(to)\b", re.I)
_STRONG = re.compile(r"[;\n]|(?<=[.!?])\s+(?=[A-Z])")
_STOP = re.compile(r"[;\n]")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
# Words that may stand between a name and what says whose it is: "Rory is our AE", "Sam, who stays on as our AE".
_LINKING = frozenset(
    """is was are were will be been remains remain remained stays stay stayed on as who who's whos acts serves
    the a an also still currently now here again today""".split()
) | frozenset("sponsor champion buyer economic executive exec contact lead signer approver main primary".split())
_GAP_WORDS = re.compile(r"[\w'’&.-]+")
_OUR_HEADINGS = re.compile(
    r"\b(?:our\s+(?:side|team|people)|internal\s+(?:team|contacts|stakeholders)|deal\s+team)\b", re.I
)
_THEIR_WORDS = re.compile(r"\b(?:their|theirs|them|customer|client|both)\b", re.I)


def is_place_name(name: str) -> bool:
    """ "Thornbury House", "Colmore Row", "Boulder Office", "Leeds Site": a place, not a person."""
    words = name.lower().replace("-", " ").split()
    return bool(words) and (words[-1] in _PLACE_WORDS or words[0] in _DESCRIBING_VERBS)


def is_our_side(text: str, heading: str = "") -> bool:
    """A statement about the seller's own team ("Our side: Felix (AE)", "Dana, our CSM"), not the customer's;
    or a heading over them ("Our side", "Internal team"; not "Our side and theirs")."""
    if heading and _OUR_HEADINGS.search(heading) and not _THEIR_WORDS.search(heading):
        return True
    return any(owner == "ours" for _start, _end, owner, _way in _marks(text)) or any(
        owner == "ours" for _at, _end, owner in _groups(text)
    )


def is_seller_role(label: str) -> bool:
    """ "AE", "CSM", "Account Executive", "Our SE": a label that is one of the seller's own roles."""
    label = label.strip(" *_")
    return bool(_BARE_ROLE.fullmatch(label) and _bare_role(label, _BARE_ROLE.fullmatch(label))) or bool(
        _OUR_ROLE.fullmatch(label)
    )


def _our_roles(text: str) -> list[re.Match]:
    """ "our AE", "my CSM": the seller's person; not "our finance contact" nor "my director-level contact"
    (a noun after the role: the customer's person who is our contact)."""
    return [m for m in _OUR_ROLE.finditer(text) if not _ROLE_NOUN_AFTER.match(text, m.end())]


def sellers_people(text: str, names: Sequence[str], side: str = "") -> frozenset[str]:
    """Which of ``names`` (each found in ``text``) are the seller's own people, person by person.

    A mark beside a name says whose that person is ("Sam Ortiz (AE)", "our CFO, Mark Ellis", "Lena (us)",
    "handing over from Sam Ortiz"); a label that opens a group ("Our side: …", "Their side: …") says it
    for the names after it in its clause; ``side`` ("ours" or "theirs": the heading, the line before
    the list, the table column) for the rest. So "Our AE: Priya Nair; Dana Hale, CFO — economic buyer"
    gives Priya to the seller and keeps Dana for the customer."""
    spans = {}
    for name in names:
        at = text.find(name)
        if at >= 0:
            spans[name] = (at, at + len(name))
    owners: dict[str, set[str]] = {name: set() for name in spans}
    laid = _Laid(text, spans)
    for start, end, owner, way in _marks(text):
        chosen = _attached(laid, start, end, way)
        if chosen:
            owners[chosen].add(owner)
    groups = _groups(text)
    group_ends = [end for _at, end, _owner in groups]
    ours = set()
    for name, (start, _end) in spans.items():
        if "ours" in owners[name]:
            ours.add(name)
        elif "theirs" in owners[name]:
            continue
        else:
            # The last label before the name opens its group, unless a clause boundary stands between
            # (then every earlier label is cut off as well).
            last = bisect_right(group_ends, start) - 1
            opened = groups[last][2] if last >= 0 and not laid.crosses(groups[last][1], start) else ""
            if (opened or side) == "ours":
                ours.add(name)
    return frozenset(ours)


def without_sellers(text: str, ours: frozenset[str] | set[str]) -> str:
    """``text`` without its clauses that speak only of the seller's people and without the marks that name
    them ("our CFO"): what is left is said of the customer's people, roles included."""
    if not ours:
        return text
    kept = []
    for clause in _STRONG.split(text):
        if clause and any(name in clause for name in ours):
            others = [n for n in person_names_in(clause) if n not in ours]
            if not others:
                continue
        kept.append(clause)
    joined = " ; ".join(kept)
    for m in reversed(_our_roles(joined)):
        joined = joined[: m.start()] + " " + joined[m.end() :]
    return joined


_SEPARATORS = frozenset(";,·|\n")
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\b\.?)?")
# "Maren Holt (CFO), Corin Blake (COO) — both sponsors": what is said is said of all of them.
_SHARED = re.compile(
    r"\b(?:both|all\s+(?:two|three|four|of\s+them)|each|jointly|joint|co-?sponsors?|champions|sponsors|buyers|"
    r"blockers|approvers|signers|signatories|decision[\s-]makers)\b",
    re.I,
)


# "Sponsor: …" at the start of a line or after a separator: a short label and its colon (not "9:05").
_LABEL_START = re.compile(r"(?:^|(?<=[;,.|·\n]))[ \t*_]*[A-Za-z][\w&/ -]{0,30}?[*_]*:[ \t*_]+")


def label_parts(text: str) -> list[str]:
    """The parts of a line that holds several labels ("Sponsor: not named yet; champion: Bram Jansen"),
    each from its label to the next; [text] when it holds one label or none. A label is said of the
    people in its own part only: the champion is no sponsor, and a sponsor nobody named stays unnamed."""
    starts = [m.start() for m in _LABEL_START.finditer(text)]
    if len(starts) < 2:
        return [text]
    starts[0] = 0
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def own_clauses(text: str, names: Sequence[str]) -> dict[str, str]:
    """Each name's own part of ``text``, so one person's role is not credited to the next: "Our AE: Priya
    Nair; Dana Hale, CFO — economic buyer; Dana Lee, AP Manager — champion" gives Dana Hale the buyer and
    Dana Lee the champion. Between two names the text is cut at the last ";", ",", "·", "|" or line break
    outside parentheses ("Martin Hale (CFO, economic buyer), Dana Lee (AP, champion)"); a name
    in parentheses shares the part of the one before it; a name whose part says nothing else ("Maren Holt,
    Dana Lee: sponsor") keeps the whole text, as does every name when it says "both", "each" or a plural
    role ("Maren Holt (CFO), Dana Lee (COO) — sponsors")."""
    found = sorted((at, at + len(name), name) for name in set(names) if (at := text.find(name)) >= 0)
    if len(found) < 2 or _SHARED.search(text):
        return {name: text for name in names}
    cuts, depth, inside = [], 0, []
    for at, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char == "\n":
            depth = 0
            cuts.append(at)
        elif depth == 0 and char in _SEPARATORS:
            cuts.append(at)
        inside.append(depth > 0)
    # A pasted chat's "Dana Lee  9:05 AM": the time ends one message (the space after it is the cut).
    clocks = [m.end() for m in _CLOCK.finditer(text) if text[m.end() : m.end() + 1].isspace()]
    if clocks:
        cuts = sorted(cuts + clocks)
    # A name in parentheses is said of the one before it ("Maren Holt (works with Ilse Varga)").
    starts = [span for span in found if not inside[span[0]]]
    if len(starts) < 2:
        return {name: text for name in names}
    bounds = [0]
    for (_s, end, _n), (start, _e, _m) in zip(starts, starts[1:], strict=False):
        last = bisect_left(cuts, start) - 1
        bounds.append(cuts[last] + 1 if last >= 0 and cuts[last] >= end else -1)
    bounds.append(len(text) + 1)
    own = {}
    for i, (start, end, name) in enumerate(starts):
        if bounds[i] < 0 or bounds[i + 1] < 0:
            own[name] = text  # no cut on one side: the two share what is said
            continue
        part = text[bounds[i] : bounds[i + 1] - 1]
        rest = part[: start - bounds[i]] + part[end - bounds[i] :]
        own[name] = part if re.search(r"[^\W_]", rest) else text
    return {name: own.get(name, text) for name in names}


def person_names_in(text: str) -> tuple[str, ...]:
    """The full names in ``text`` (statements.person_names; imported late, it imports this module)."""
    from handoff_lint.reading.statements import person_names

    return person_names(text)


def _marks(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, "ours" or "theirs", the way it points: "both" or "after") for every mark in ``text``."""
    marks = []
    lowered = text.lower()
    if "our" in lowered or "my" in lowered:
        marks += [(m.start(), m.end(), "ours", "both") for m in _our_roles(text)]
    for m in _OUR_MARK.finditer(text):
        if "our side" in m.group(0).lower() and _supportive(text, m.start()):
            continue  # "is firmly on our side": a supporter of the deal
        way = "after" if m.group(0).rstrip().lower().endswith(("from", "by")) else "both"
        marks.append((m.start(), m.end(), "ours", way))
    for m in _BARE_ROLE.finditer(text):
        if _bare_role(text, m):
            marks.append((m.start(), m.end(), "ours", "both"))
    if "hand" in lowered:
        marks += [(m.start(1), m.end(1), "ours", "after") for m in _HANDOVER_TO.finditer(text)]
    if "their" in lowered or "customer" in lowered or "client" in lowered or "them" in lowered:
        theirs = [(m.start(), m.end(), "theirs", "both") for m in _THEIR_MARK.finditer(text)]
        # "(SE, customer)": the explicit "customer" beats the role beside it in the same parentheses.
        said = [(s, e) for s, e, _o, _w in theirs if text[s] == "("]
        marks = [m for m in marks if _OUR_ROLE.match(text, m[0]) or not any(s < m[0] and m[1] < e for s, e in said)]
        marks += theirs
    return marks


def _bare_role(text: str, match: re.Match) -> bool:
    """ "(AE)", ", SE", "AE:", "the CSM": the role written as a person's title; not "Brenner SE" (a company),
    "9:12 AM", "their CSM" or the word "se"."""
    word = match.group(0)
    if len(word) <= 4 and word not in _BARE_CASE:
        return False
    if word == "Rep" and re.match(r"\.[^\S\n]*\S", text[match.end() : match.end() + 8]):
        return False  # "Rep. Director": an abbreviation of Representative
    before = text[max(0, match.start() - 80) : match.start()].rstrip()  # near words only: linear in the text
    previous = before.split()[-1].lower() if before.split() else ""
    if before and before[-1] not in "(,;:|/—–-*" and previous not in ("the", "is", "as", "was"):
        return False
    if word == "AM" and not re.match(r"\s*(?:[:)]|$)", text[match.end() :]):
        return False
    return True


def _supportive(text: str, at: int) -> bool:
    """ "is firmly" just before ``at`` (only the words near it are read: a long text stays linear)."""
    return bool(_SUPPORTIVE.search(text, max(0, at - 80), at))


def _groups(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "ours" or "theirs") for every label that opens a group of people."""
    found = []
    for m in _GROUP.finditer(text):
        owner = "ours" if m.group("ours") or m.group("ours2") else "theirs"
        if owner == "ours" and "our side" in m.group(0).lower() and _supportive(text, m.start()):
            continue
        found.append((m.start(), m.end(), owner))
    return found


_LABEL = re.compile(r"\s*(?:\([^)]*\)\s*)?:")
# A mark stands beside a name at most 8 words away; a gap longer than this is never so short, and
# looking no further keeps a long paragraph (a Slack paste, a list item of 800 people) linear.
_MAX_GAP = 200


class _Laid:
    """A text's names and clause boundaries, found once and looked up by position (bisect), so a mark
    reads only the names near it."""

    def __init__(self, text: str, spans: dict[str, tuple[int, int]]) -> None:
        self.text = text
        self.spans = sorted((s, e, name) for name, (s, e) in spans.items())
        self.starts = [s for s, _e, _n in self.spans]
        self.longest = max((e - s for s, e, _n in self.spans), default=0)
        self.stops = [m.start() for m in _STOP.finditer(text)]
        sentences = list(_SENTENCE.finditer(text))
        self.sentence_starts = [m.start() for m in sentences]
        self.sentence_ends = [m.end() for m in sentences]

    def crosses(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` holds a clause boundary (_STRONG.search(text[start:end]), read
        from the boundaries of the whole text: a ";" or line break inside, or a sentence's end whose
        "." and next capital are both inside)."""
        i = bisect_left(self.stops, start)
        if i < len(self.stops) and self.stops[i] < end:
            return True
        j = bisect_right(self.sentence_starts, start)
        return j < len(self.sentence_starts) and self.sentence_ends[j] < end

    def near(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The names that end at most _MAX_GAP before ``start`` or start at most _MAX_GAP after ``end``."""
        first = bisect_left(self.starts, start - _MAX_GAP - self.longest)
        last = bisect_right(self.starts, end + _MAX_GAP)
        return self.spans[first:last]

    def holds_a_name(self, start: int, end: int) -> bool:
        """Whether a whole name lies within ``start:end``."""
        i = bisect_left(self.starts, start)
        while i < len(self.starts) and self.starts[i] < end:
            if self.spans[i][1] <= end:
                return True
            i += 1
        return False


def _attached(laid: _Laid, start: int, end: int, way: str) -> str | None:
    """The one name a mark at ``start:end`` stands beside: the nearest with only linking words, titles
    and punctuation between (no clause boundary, no other name); a label ("Our AE: …") goes to the name
    after it, a tie otherwise to the name before ("Sam Ortiz, our AE, Dana Hale")."""
    text = laid.text
    label = bool(_LABEL.match(text, end))
    best: tuple[int, int, str] | None = None
    for s, e, name in laid.near(start, end):
        if e <= start and way == "both" and not label:
            size = _gap_size(laid, e, start)
            order = 0
        elif s >= end:
            size = _gap_size(laid, end, s)
            order = 1
        else:
            continue
        if size is not None and (best is None or (size, order) < best[:2]):
            best = (size, order, name)
    return best[2] if best else None


def _gap_size(laid: _Laid, start: int, end: int) -> int | None:
    """How many words stand between a mark and a name (``text[start:end]``); None when something else
    does (a verb, another name, a clause boundary, more than 8 words): "Dana Hale (CFO) signed after our
    CFO approved" keeps Dana the customer's."""
    if end - start > _MAX_GAP or laid.crosses(start, end) or laid.holds_a_name(start, end):
        return None
    words = _GAP_WORDS.findall(laid.text, start, end)
    if len(words) > 8:
        return None
    for word in words:
        if word.lower() not in _LINKING and not word[:1].isupper() and any(c.isalpha() for c in word):
            return None
    return len(words)
