"""How a reviewer reads one statement: is it concrete, filler, hedged; who is named; what is owned and dated.

These are the small, general judgements the category judges (reading/judges.py) build on. None of them
knows a customer, a product or a handoff type: they read the shape of ordinary business prose.
"""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint.reading.evidence import words_of
from handoff_lint.reading.language.dates import find_dates, has_due_date, is_scheduled_event
from handoff_lint.reading.language.hedges import is_hedged  # noqa: F401  (judges.py imports it from here)
from handoff_lint.reading.language.measures import unmeasured
from handoff_lint.reading.language.owners import find_owner, is_owner
from handoff_lint.reading.language.people import is_place_name

# --- concreteness and filler ----------------------------------------------------------------

# The patterns below start with a character class and look behind it (not before it), which lets
# the regex engine jump to candidate characters: same matches, about twice as fast.
_NUMBER = re.compile(r"[$€£¥~≈<>≤≥\d](?<![\w.].)(?:(?<=\d)|(?<=[$€£¥~≈<>≤≥])\d)[\d,.:/]*(?:\s?(?:%|k|K|M|m|bn|x))?")
# Money, as three searches that each start with a character (a symbol, a digit, a currency code's
# letter) and look behind it: the engine jumps between candidates, which one combined pattern with a
# leading \b could not do. "$40k", "40k", "€1.2M", "1.2 million", "USD 40,000", "40,000 EUR".
_MONEY = (
    re.compile(r"[$€£¥]\s?\d"),
    re.compile(r"\d(?<!\w\d)[\d,.]*\s?(?:k|K|M|bn|million|thousand|USD|EUR|GBP)\b"),
    re.compile(r"U(?<!\wU)SD\s?\d|E(?<!\wE)UR\s?\d|G(?<!\wG)BP\s?\d"),
)
# A capitalised word that does not start the statement, a sentence or a value ("Budget: High").
_MID_CAPITALISED = re.compile(r"([A-ZÀ-Þ](?<=..)(?<![\w@.].)(?<![.:—–|-].)(?<![.:—–|-]\s.)[\wÀ-ÿ'’-]*)", re.S)
_ACRONYM = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z0-9]{1,5}s?\b")
_LEADING_SYMBOLS = re.compile(r"^[^\w\"“(]+")
_QUOTE = re.compile(r"[\"“]([^\"”]{12,})[\"”]")
# An address is found from its "@domain" (see _emails): a pattern that starts with the local part
# would rescan a long run of word characters before an "@" from each of its characters (quadratic).
_AT_DOMAIN = re.compile(r"@[\w-]+\.[\w.]+")
_LOCAL_PART = frozenset("._+-")
_DIGIT = re.compile(r"\d")  # cheap first look: most patterns below need a digit to match at all

# Capitalised words that name no one and nothing in particular.
_COMMON_CAPS = frozenset(
    """i a an the this that these those our their his her its we they he she it you my your there here
    yes no not none and or but if when then so also all any each every some most many more less
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec today tomorrow next last first second third
    tbd tbc tba asap eod eow eoq eom n/a na etc ok ie eg vs via per nothing great good very please
    thanks hi hello dear let lets""".split()
)
_STOP_ACRONYMS = frozenset(
    "TBD TBC TBA ASAP EOD EOW EOQ EOM NA OK FYI TLDR TL DR QBR AE SE CS CSM SDR BDR AM PM".split()
)

# Words that, alone, describe nothing: what a template or a hurried rep fills a slot with.
GENERIC = frozenset(
    """improve improved improving efficiency efficient streamline streamlined process processes visibility
    better best value roi fit ease easy use usability support standard various general generic growth
    growing grow positive good great solid stable strong high medium low moderate monitor monitoring
    watch tbd team teams follow up followup align alignment engage engagement present close closing
    proposal demo demos discovery call calls meeting meetings needs need needed want wants looking
    modernize modernise scale scaling manual disconnected systems system tools tool stack platform
    solution solutions cloud based legacy pieces integrations integration reporting dashboards
    dashboard core walkthrough leadership exec executive decision maker makers ops operations it
    finance users user main contact contacts friendly responsive happy customer customers client
    clients interest interested interesting feedback mentioned possibly maybe probably could should
    might will would some few couple several lot lots things thing stuff etc art possible fine
    timing budget competition competitor competitors risk risks stakeholder stakeholders
    relationship relationships champion change changes yes no n a na none nothing major unclear
    process trending traffic intent data content category website engaged engaging upsell cross sell
    modules module additional meaningful renewal coming before after strike iron hot available
    reason reasons notes note item items detail details type products product size signal signals
    evidence they are is be been being have has had do does did to of in on at for with from by as
    and or the a an we our us their them this that it its there here what who why how when where
    which more less much very really just still also well already only even ever new old current
    today now soon later next last first second overall quick quickly fast faster simple simply
    efficiencies gains gain processes visibility across business businesses whole company work works
    working better something anything everything own from here there move moving quarter this
    valued long standing longstanding partnership partner partners trusted loyal committed key strategic
    important excellent fantastic amazing excited keen passionate enthusiastic success successful
    maximise maximize maximising maximizing drive driving realisation realization whitespace sentiment
    overall happy satisfied journey together mutual collaborative collaboration synergy synergies
    smarter""".split()
)


# Caches here hold one file's statements (the judges ask about each several times), not a run's:
# statements rarely recur across files, and ten thousand files' worth would be the run's memory.
# Measured on 2026-11-30: 1,024 slots (here and for dates and placeholders) saved 16 MB on 2,000
# files but thrashed on long files (an 1,800-item handoff 0.34 -> 0.59 s); clearing them per file
# instead lost the values that do recur across files (column names, "TBD"): +4.2% instructions.
@lru_cache(maxsize=4096)
def concrete_tokens(text: str) -> int:
    """How many specific facts a statement carries: numbers, money, names, acronyms, quotes, emails."""
    text = _without_leading_symbols(text)
    count = len(_NUMBER.findall(text)) if _DIGIT.search(text) else 0
    if '"' in text or "“" in text:
        count += sum(1 for q in _quotes(text) if len(q.split()) >= 5)
    if "@" in text:
        count += sum(1 for _address in _emails(text))
    count += len([word for word in _MID_CAPITALISED.findall(text) if _names_something(word)])
    count += len([a for a in _ACRONYM.findall(text) if a.rstrip("s") not in _STOP_ACRONYMS])
    return count


@lru_cache(maxsize=4096)
def is_concrete(text: str) -> bool:
    """Whether a statement carries any specific fact (``concrete_tokens(text) > 0``), trying the likeliest first.

    Most callers only ask whether there is one; stopping at the first saves most of the count's work.
    """
    text = _without_leading_symbols(text)
    if _DIGIT.search(text) and _NUMBER.search(text):
        return True
    for word in _MID_CAPITALISED.findall(text):
        if _names_something(word):
            return True
    if any(a.rstrip("s") not in _STOP_ACRONYMS for a in _ACRONYM.findall(text)):
        return True
    if "@" in text and any(True for _address in _emails(text)):
        return True
    return ('"' in text or "“" in text) and any(len(q.split()) >= 5 for q in _quotes(text))


def _emails(text: str):
    """The email addresses of a text (``name.surname+tag@example.com``), each found from its "@domain"
    and read back over its local part, which stops where the previous address ended."""
    end = 0
    for match in _AT_DOMAIN.finditer(text):
        start = match.start()
        while start > end and (text[start - 1].isalnum() or text[start - 1] in _LOCAL_PART):
            start -= 1
        if start < match.start():
            yield text[start : match.end()]
            end = match.end()


def _quotes(text: str) -> list[str]:
    """The quoted passages of a text, read only up to its last closing mark: an opening mark with no
    closing mark after it would otherwise be scanned to the end, once per mark (quadratic)."""
    end = max(text.rfind('"'), text.rfind("”"))
    return _QUOTE.findall(text, 0, end + 1) if end > 0 else []


def _without_leading_symbols(text: str) -> str:
    if text and not (text[0].isalnum() or text[0] in '"“('):
        return _LEADING_SYMBOLS.sub("", text)  # only a text that starts with symbols has any to drop
    return text


def _names_something(word: str) -> bool:
    """A capitalised word in mid-statement that is a name, not "The", "May" or "I'm"."""
    word = word.strip("'’-")
    lowered = word.lower()
    return len(word) >= 2 and lowered not in _COMMON_CAPS and not lowered.startswith(("i'", "i’"))


@lru_cache(maxsize=4096)
def numbers_in(text: str) -> int:
    """How many figures a statement gives (dates and list numbering included: they are facts too)."""
    return len(_NUMBER.findall(text)) if _DIGIT.search(text) else 0


@lru_cache(maxsize=4096)
def has_money(text: str) -> bool:
    if not _DIGIT.search(text):
        return False
    for pattern in _MONEY:
        if pattern.search(text):
            return True
    return False


@lru_cache(maxsize=4096)
def is_filler(text: str) -> bool:
    """Words that fill a slot and say nothing: "Improve efficiency", "Monitor", "They are growing"."""
    if is_concrete(text):
        return False  # a specific fact is never filler
    words = [w for w in words_of(text) if not w.isdigit()]
    if len(words) < 2:
        return True
    content = sum(1 for w in words if w not in GENERIC and len(w) > 2)
    return content <= max(1, len(words) // 5)


_GUIDANCE_VERBS = frozenset(
    """describe list identify document complete note add include capture explain summarize summarise outline
    record specify enter write fill provide confirm review ensure flag detail define state name mention""".split()
)


# How long an answer should be: the template speaks ("in 2-3 sentences", "one line per risk", "up to 5 bullets").
_WRITING_UNITS = re.compile(
    r"\b(?:in|one|a|up\s+to|at\s+least|max(?:imum)?|\d+(?:\s*[-–]\s*\d+)?)\s+(?:short\s+)?"
    r"(?:sentences?|bullets?|lines?|words?|paragraphs?|rows?)\b",
    re.I,
)


@lru_cache(maxsize=4096)
def is_guidance(text: str) -> bool:
    """A template's instruction or prompt, not content: "Identify the champion…", "Who is the blocker?",
    "Explain in 2-3 lines what the buyer sells" (a figure that sizes the answer is no fact). An
    order with an owner and a date ("Add one row per clinic to the sheet — Tom, due 2026-11-25") is an
    action someone took on, not the template speaking."""
    words = words_of(text)
    if words and words[0] in _GUIDANCE_VERBS and _WRITING_UNITS.search(text):
        return not is_owned_step(text)
    if is_concrete(text):
        return False
    return text.rstrip().endswith("?") or bool(words and words[0] in _GUIDANCE_VERBS)


@lru_cache(maxsize=4096)
def is_substantive(text: str) -> bool:
    """A statement a receiver learns something from: specific, or at least a full thought."""
    if is_filler(text):
        return False
    count = len(words_of(text))
    return (count >= 4 and is_concrete(text)) or count >= 9


def measurable(text: str) -> bool:
    """A target a receiver can check: a quantity and a time bound, not a guess (measures.unmeasured)."""
    return not unmeasured(text)


# --- people ---------------------------------------------------------------------------------

_NAME = re.compile(
    r"([A-ZÀ-Þ](?<![\w@.].)[a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?"
    r"(?:[ \t]+(?:[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?|[A-Z]\.)){1,2})(?![\w'’])"
)
# Capitalised words that are titles, teams, places of work or parts of a company's name.
_NOT_NAME_WORDS = frozenset(
    """vp vice president director manager head chief officer operations sales success marketing finance
    legal procurement engineering support services service team group health hospital county city state
    department board office ops leadership exec executive users various decision maker main contact key
    next steps account customer company economic buyer sponsor champion project implementation technical
    lead senior junior analyst engineer architect consultant specialist coordinator supervisor controller
    representative partner partners inc llc ltd corp co holdings systems system solutions solution
    technologies capital bank insurance supply chain plant site store clinic business review quarterly
    data platform portal module product products demo call meeting the our their this that these those
    planning planner planners plan development community clinical care patient patients experience
    general counsel information security it hr human resources people revenue growth strategy
    commercial public private enterprise mid market smb north south east west central region regional
    global international national american european new old first last gm ceo cfo coo cto cio cmo cro
    mr mrs ms dr prof saas cloud app apps mobile web online offline phase wave pilot go live kickoff
    hypercare steering committee council agreement contract order form schedule exhibit section
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december q1 q2 q3 q4 fy h1 h2 handoff handover lead notes summary
    overview background context risks risk next action actions items open questions budget authority
    need timeline why how what who when where which tech stack signals current state value delivered
    recommended play watch outs watch-outs red flags first approach competition competitive landscape
    success criteria expectations timeline milestones scope deliverables prerequisites cadence reporting
    stakeholders attendees people relationship relationships potential blocker opportunity expansion
    microsoft google amazon oracle salesforce teams zoom slack needs internal external deal role title
    notes email phone""".split()
)


# Endings of ordinary words, seldom of names: "Commitments Made", "Expansion Opportunity".
_NOT_NAME_ENDINGS = (
    "ed",
    "ing",
    "tion",
    "tions",
    "sion",
    "ity",
    "ment",
    "ments",
    "ness",
    "ics",
    "ance",
    "ence",
    "ives",
)


_NAME_PARTS = re.compile(r"[\s-]+")
# Place words that are also common surnames (Leo Park, Grace Hall, Sam Hill): a person when titled.
_SURNAME_PLACES = frozenset("park hall hill lane mills".split())
# Words that start a place's name and seldom a person's: "Mill Lane", "Kings Hill", "Old Hall".
_PLACE_STARTS = frozenset(
    "mill mills old new north south east west upper lower great little high kings queens st".split()
)
# The words straight after a name and a separator (", " "(" " — " ": " " | "): where a person's title stands.
_RIGHT_AFTER = re.compile(r"[ \t]*[,(:|—–-][ \t]*((?:[\w&'’]+[ \t]+){0,2}[\w&'’]+)")


def _titled(text: str, start: int, end: int) -> bool:
    """A title just before a name ("CFO Leo Park") or straight after it ("Leo Park, CFO", "Grace Hall (VP
    Finance)", "| Leo Park | CFO |"): what tells a person called Park from a park. Not a title that belongs
    to the next name ("Hyde Park, CFO Martin Hale") or names a place ("(CFO office)")."""
    if has_title(" ".join(words_of(text[:start])[-1:])):
        return True
    after = _RIGHT_AFTER.match(text, end)
    if after is None or not has_title(after.group(1)) or is_place_name(after.group(1)):
        return False
    return not person_names(text[after.start(1) : after.start(1) + 40])


def _not_a_name(word: str) -> bool:
    parts = [p.strip(".").lower() for p in _NAME_PARTS.split(word)]
    return any(p in _NOT_NAME_WORDS or p.rstrip("s") in _NOT_NAME_WORDS or p.endswith(_NOT_NAME_ENDINGS) for p in parts)


_WORD = re.compile(r"\S+")
_TITLE_OF = re.compile(r"\b(\w+)[ \t]+of[ \t]+$")  # "Head of ", "Director of ": a department's name follows


def _leading_titles(text: str, match: re.Match, words: list[str]) -> int:
    """How many of a match's first ``words`` are a title written before the name ("Director Grace Liu",
    "Finance" of "VP Finance Grace Liu") or the department of one ("Shops" of "Head of Shops Ines Varga")."""
    lead = 0
    title_of = _TITLE_OF.search(text, 0, match.start(1))
    if title_of and has_title(title_of.group(1)) and len(words) > 2:
        lead = 1
    while lead < len(words) and _not_a_name(words[lead]):
        lead += 1
    return lead


@lru_cache(maxsize=4096)
def person_names(text: str) -> tuple[str, ...]:
    """Full names of people ("Dana Whitcombe", "Hui Min Tran"), not titles, teams or sections."""
    found = []
    position = 0
    while match := _NAME.search(text, position):
        position = match.end(1)
        words = list(_WORD.finditer(match.group(1)))
        lead = _leading_titles(text, match, [w.group() for w in words])
        if 0 < lead < len(words):  # read the name again from its first own word
            position = match.start(1) + words[lead].start()
            match = _NAME.match(text, position)
            if match is None:
                continue  # one name word left after the title: nobody
            position = match.end(1)
        name, start = match.group(1), match.start(1)
        if any(_not_a_name(word) for word in _WORD.findall(name)):
            continue
        parts = [p.strip(".").lower() for p in _NAME_PARTS.split(name)]
        surname = parts[-1] in _SURNAME_PLACES and parts[0] not in _PLACE_STARTS
        if is_place_name(name) and not (surname and _titled(text, start, match.end(1))):
            continue  # "Thornbury House", "Colmore Row", "Knows Intacct"; not "Leo Park, CFO"
        if name not in found:
            found.append(name)
    return tuple(found)


# Words of a job title or a deal role ("VP Finance", "head of IT", "economic buyer"), matched as whole words.
_TITLE_WORDS = frozenset(
    """vp svp evp avp president director manager head chief officer ceo cfo coo cto cio cmo cro ciso
    controller comptroller supervisor lead analyst engineer administrator admin coordinator gm founder
    owner specialist counsel buyer champion sponsor principal partner treasurer superintendent dean chair
    secretary clerk architect consultant planner representative accountant nurse physician official
    assistant""".split()
)


def has_title(text: str) -> bool:
    return not _TITLE_WORDS.isdisjoint(words_of(text))


# --- actions: owners and due dates ------------------------------------------------------------

_OWNER_COLUMN = re.compile(r"\b(?:owner|who|assignee|responsible|owned|dri)\b")
_DUE_COLUMN = re.compile(r"\b(?:due|date|when|deadline|needed|by|eta)\b")


def owner_of(text: str, label: str = "", cells: dict | None = None) -> str | None:
    """The person who owns an action: an Owner cell, a label that is a name, or any form of ``find_owner``."""
    for name, value in (cells or {}).items():
        if _OWNER_COLUMN.search(name) and value and is_owner(value):
            return value
    if label and person_names(label) and is_owner(label):
        return label
    return find_owner(text)


def due_of(text: str, cells: dict | None = None) -> bool:
    """Whether an action says when, in any form of ``has_due_date``; "ASAP" and "TBD" say nothing."""
    for name, value in (cells or {}).items():
        if _DUE_COLUMN.search(name) and value and has_due_date(value):
            return True
    return has_due_date(text)


@lru_cache(maxsize=4096)
def is_owned_step(text: str) -> bool:
    """A step with its owner and its date, under whatever heading: "Ana — send the SOW — Jun 22".

    A scheduled event ("demo booked for Feb 20") is a dated fact, not a step to take."""
    return has_due_date(text) and find_owner(text) is not None and not is_scheduled_event(text)


def dates_in(text: str) -> list:
    return [d.value for d in find_dates(text) if d.value]


def content_words(text: str) -> set[str]:
    """Words that carry a statement's subject, for linking a risk to the action that answers it."""
    return {w for w in words_of(text) if len(w) > 3 and w not in GENERIC and not w.isdigit()}
