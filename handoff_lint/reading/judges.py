"""Judge each score category Complete, Partial or Missing from the evidence, as a reviewer would.

Each handoff type declares, per category, the information elements a receiver needs (type data:
``x-handoff-lint.elements``): their topic words (headings, labels, columns, lead words) and text
terms. Here one judge per category reads the units found for each element and grades it:
2 (there and usable), 1 (there but thin: vague, unowned, unmitigated, guessed) or 0 (nowhere, or
filler only). A category is Complete when its core elements are all usable (one thin one is
tolerated when it has three or more), Partial when anything usable or thin is there, Missing
otherwise. Dates that contradict each other downgrade the category they belong to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from handoff_lint.errors import ConfigError
from handoff_lint.handoff_types.definitions import ElementSpec, HandoffType
from handoff_lint.model.categories import CATEGORIES, COMPLETE, MISSING, PARTIAL
from handoff_lint.reading.contradictions import Contradiction, find_contradictions
from handoff_lint.reading.evidence import Evidence, PhraseIndex, TopicIndex, Unit, words_of
from handoff_lint.reading.language.dates import has_due_date, is_scheduled_event
from handoff_lint.reading.language.measures import has_quantity, has_time_bound
from handoff_lint.reading.language.people import (
    is_our_side,
    is_seller_role,
    label_parts,
    own_clauses,
    sellers_people,
    without_sellers,
)
from handoff_lint.reading.language.profile import is_company_profile, is_document_stamp
from handoff_lint.reading.language.risks import (
    is_bare_none,
    is_explicit_none,
    is_mitigation,
    is_risk_statement,
    is_weak_mitigation,
)
from handoff_lint.reading.language.steps import is_next_step
from handoff_lint.reading.language.targets import aims, is_target
from handoff_lint.reading.statements import (
    concrete_tokens,
    content_words,
    dates_in,
    due_of,
    has_money,
    has_title,
    is_concrete,
    is_filler,
    is_guidance,
    is_hedged,
    is_owned_step,
    is_substantive,
    measurable,
    numbers_in,
    owner_of,
    person_names,
)

USABLE, THIN, ABSENT = 2, 1, 0
_METADATA = frozenset(
    "created last edited updated tags status owner date from to prepared by for author version cc re subject".split()
)
_ABOUT_THE_DOCUMENT = _METADATA | {"sender", "receiver", "author"}
_MONEY_LABELS = frozenset("arr acv mrr tcv deal size value price pricing amount revenue budget fee fees".split())


@dataclass
class ElementResult:
    spec: ElementSpec
    grade: int
    lines: list[int] = field(default_factory=list)
    found: list[str] = field(default_factory=list)  # short descriptions of what was found
    why: str = ""  # what keeps it from being usable

    @property
    def status(self) -> str:
        return {USABLE: COMPLETE, THIN: PARTIAL, ABSENT: MISSING}[self.grade]


@dataclass(frozen=True)
class Shared:
    """What the judges read besides an element's own pool, worked out once per document."""

    actions: list[Unit]  # the action items: what a risk can be answered by
    people: list[tuple[str, int, frozenset[str]]]  # (name, line, the role elements their description fills)
    following: dict[int, Unit] = field(default_factory=dict)  # id(unit) -> the statement written after it
    risk_statements: int = 0  # statements anywhere that state a risk in plain words
    statements: list[Unit] = field(default_factory=list)  # every unit but headings and frontmatter
    company: frozenset[str] = frozenset()  # the words of the customer's name (frontmatter, title)
    dated_expectations: bool = False  # an expectation states a time bound (a target's date may sit apart)


@dataclass
class CategoryJudgement:
    key: str
    status: str
    elements: list[ElementResult] = field(default_factory=list)
    contradictions: list[Contradiction] = field(default_factory=list)


def judge(handoff_type: HandoffType, evidence: Evidence) -> dict[str, CategoryJudgement]:
    """Every category the type declares elements for, judged from the document's evidence."""
    contradictions = find_contradictions(evidence)
    statements = evidence.statements
    filler_document = _mostly_filler(statements)
    factless = _factless_lines(statements)
    all_pools = _pools(handoff_type, evidence)
    # What a risk can be answered by: the action items found for the type's action elements.
    actions = [u for e in handoff_type.elements if e.category == "actions" for u in all_pools[e.key]]
    roles = _indexes(handoff_type)[2]
    company = _company_words(evidence)
    people = [(name, line, roles.hits_in_text(text)) for name, text, line in _people(evidence, company)]
    following = {id(a): b for a, b in zip(statements, statements[1:], strict=False) if a.section == b.section}
    risky = len([u for u in statements if is_risk_statement(u.text)])
    expected = [u for e in handoff_type.elements if e.category == "expectations" for u in all_pools[e.key]]
    dated = any(measurable_time(u) and not is_hedged(u.value) and not is_filler(u.value) for u in expected)
    shared = Shared(actions, people, following, risky, statements, frozenset(company), dated)
    judgements = {}
    for category in CATEGORIES:
        specs = [e for e in handoff_type.elements if e.category == category]
        if not specs:
            continue
        pools = [all_pools[spec.key] for spec in specs]
        results = [_judge_of(handoff_type, spec)(spec, pool, shared) for spec, pool in zip(specs, pools, strict=True)]
        if filler_document and category != "customer":
            for result in results:  # thin evidence in a document of filler is more filler
                if result.grade == THIN:
                    result.grade, result.why = ABSENT, "only filler around it"
        if factless is not None and category != "customer":
            for result in results:  # the rubric's words with no fact under them
                if result.grade > ABSENT and factless.isdisjoint(result.lines):
                    result.grade, result.why, result.found = ABSENT, "no fact: only the rubric's words", []
        status = _combine(results)
        if status == COMPLETE and _mostly_guessed(pools):
            status = PARTIAL
        mine = [c for c in contradictions if c.category == category]
        if mine and status != MISSING:
            status = PARTIAL if status == COMPLETE else MISSING
        judgements[category] = CategoryJudgement(category, status, results, mine)
    return judgements


def _judge_of(handoff_type: HandoffType, spec: ElementSpec):
    """The element's own judge (``"judge"`` in its type), else its category's."""
    name = spec.judge or spec.category
    if name not in _JUDGES:
        raise ConfigError(f"type {handoff_type.name!r}: element {spec.key!r} names no known judge {name!r}")
    return _JUDGES[name]


def _combine(results: list[ElementResult]) -> str:
    core = [r for r in results if r.spec.core] or results
    grades = [r.grade for r in core]
    if all(g == USABLE for g in grades):
        return COMPLETE
    if any(r.grade > ABSENT for r in results):
        return PARTIAL
    return MISSING


def _mostly_filler(statements: list[Unit]) -> bool:
    """Most statements say nothing specific: every slot filled with "Monitor", "TBD", "They are growing".

    Customer context is exempt: even such a handoff names the customer and says something of them.
    """
    if len(statements) < 8:
        return False
    substantive = len([u for u in statements if is_substantive(u.text)])
    return substantive < 0.35 * len(statements)


def _factless_lines(statements: list[Unit]) -> set[int] | None:
    """The lines of a document that states almost no fact, or None for a document that does.

    Full sentences of the rubric's own words ("each risk has a mitigation plan", "the champion is highly
    engaged") are substantive in form; a real handoff, even a weak one, still names someone, counts or
    dates something in one statement of seven. In a document that does not, a category is judged only on
    the statements that do (returned: their lines)."""
    if len(statements) < 8:
        return None
    enough = 0.15 * len(statements)
    concrete: set[int] = set()
    for unit in statements:
        if is_concrete(unit.text):
            concrete.add(unit.line)
            if len(concrete) >= enough:
                return None  # a real handoff: settled within its first statements
    return concrete


def _mostly_guessed(pools) -> bool:
    """Two or more guesses ("I think", "not sure") in a category: the receiver must re-ask."""
    units = {id(u): u for pool in pools for u in pool}.values()
    statements = [u for u in units if not is_filler(u.value)]
    guessed = [u for u in statements if is_hedged(u.value)]
    return len(guessed) >= 2 and len(guessed) >= 0.2 * len(statements)


def _pools(handoff_type: HandoffType, evidence: Evidence) -> dict[str, list[Unit]]:
    """The units about each element, in one pass: by topic (headings, label, columns) or by terms in the text.

    Risks are found by terms ("worried", "churn") only when no statement is written under a risk
    topic: a risk register's neighbours mention risks without being risks.
    """
    topics, terms, _roles = _indexes(handoff_type)
    specs = handoff_type.elements
    pools: dict[str, list[Unit]] = {spec.key: [] for spec in specs}
    by_terms: dict[str, list[Unit]] = {spec.key: [] for spec in specs}
    action_keys = frozenset(spec.key for spec in specs if spec.category == "actions")
    customer_keys = frozenset(spec.key for spec in specs if spec.category == "customer")
    risk_keys = frozenset(spec.key for spec in specs if spec.category == "risks")
    technical_keys = frozenset(spec.key for spec in specs if spec.category == "technical")
    expectation_keys = frozenset(spec.key for spec in specs if spec.category == "expectations")
    measurable_keys = frozenset(
        spec.key for spec in specs if spec.category == "expectations" and spec.needs == "measurable"
    )
    for unit in evidence.units:
        if unit.kind == "heading" or is_guidance(unit.text) or is_document_stamp(unit.text):
            continue
        on_topic = topics.hits(unit.topic)
        in_text = terms.hits_in_statement(unit)
        action_shape = unit.checked is not None or _is_action_row(unit)
        # An owned, dated step is an action under any heading but one about something else.
        action_shape = action_shape or (unit.kind == "item" and not on_topic and is_owned_step(unit.text))
        opening = unit.section == -1 and unit.kind == "sentence"
        opening = opening and not (unit.label and set(unit.label.lower().split()) & _METADATA)
        if is_company_profile(unit.label):  # "Industry: SaaS", "HQ: Leeds": context, never the systems
            on_topic, in_text = on_topic - technical_keys, in_text - technical_keys
        for key in on_topic:
            pools[key].append(unit)
        for key in in_text - on_topic:
            by_terms[key].append(unit)
        # A CRM field's name is words ("Competitors__c: …" says competitors)
        risk_text = unit.text.replace("_", " ") if "_" in unit.label else unit.text
        if is_risk_statement(risk_text):  # "a budget freeze after Q1": a risk without the word
            for key in risk_keys - on_topic - in_text:
                by_terms[key].append(unit)
        elsewhere = on_topic & (expectation_keys | risk_keys | action_keys | technical_keys)
        if not elsewhere and is_target(unit.text) and aims(unit.text) and measurable(unit.text):
            # "they want under 1% by end of Q2" in the pain bullets: a success criterion wherever it is written
            for key in measurable_keys - in_text:
                pools[key].append(unit)
        if action_shape:  # a checklist item or an Owner/Due row is an action anywhere
            for key in action_keys - on_topic - in_text:
                pools[key].append(unit)
        if opening:  # a memo's opening paragraphs are its customer context
            for key in customer_keys - on_topic - in_text:
                pools[key].append(unit)
    for spec in specs:
        if spec.category != "risks" or not pools[spec.key]:
            pools[spec.key].extend(by_terms[spec.key])
    return pools


_INDEXES: dict[int, tuple] = {}


def _indexes(handoff_type: HandoffType):
    """The type's topic, term and role phrase indexes, built once per type."""
    key = id(handoff_type)
    if key not in _INDEXES:
        topics = PhraseIndex({e.key: e.topics for e in handoff_type.elements})
        terms = PhraseIndex({e.key: e.terms for e in handoff_type.elements})
        roles = PhraseIndex({e.key: e.roles for e in handoff_type.elements if e.roles})
        _INDEXES[key] = (handoff_type, topics, terms, roles)
    return _INDEXES[key][1:]


def _is_action_row(unit: Unit) -> bool:
    names = " ".join(unit.cells)
    return (
        unit.kind == "row" and "owner" in names and any(w in names for w in ("due", "date", "by", "when", "deadline"))
    )


def _lines(units) -> list[int]:
    return sorted({u.line for u in units})[:6]


def _is_fact(unit: Unit) -> bool:
    value = unit.value
    if is_substantive(unit.text) and not is_filler(value):
        return True
    return bool(unit.label or unit.kind in ("row", "frontmatter")) and is_concrete(value) and not is_filler(value)


def _is_money(unit: Unit) -> bool:
    if has_money(unit.text):
        return True
    label_words = set((unit.label or "").lower().replace("_", " ").split())
    return bool(label_words & _MONEY_LABELS) and any(ch.isdigit() for ch in unit.value)


# --- the six judges -----------------------------------------------------------------------------


_COMPANY_PROFILE = "company-profile"


def judge_facts(spec: ElementSpec, pool: list[Unit], shared: Shared) -> ElementResult:
    """Customer context: concrete facts (numbers, names, money), not adjectives."""
    facts = [u for u in pool if _is_fact(u) and not is_hedged(u.value) and not _praise(u, shared.company)]
    figures = sum([numbers_in(u.value) + _is_money(u) for u in facts])
    result = ElementResult(spec, ABSENT, _lines(facts or pool))
    if spec.needs == "money" and not any(_is_money(u) for u in facts):
        result.grade = THIN if facts or any(not is_filler(u.value) for u in pool) else ABSENT
        result.why = "no amount (deal value, ARR)"
    elif len(facts) >= 2 and figures >= (1 if spec.needs == "words" else 2):
        result.grade = USABLE
    elif len(facts) == 1 and figures >= 2 and spec.key == _COMPANY_PROFILE:
        # "about 260 lawyers and 480 staff, offices in Manchester (HQ), Leeds and London": a whole profile in
        # one sentence. Only the profile: one line of two figures is no use case, scope or deal.
        result.grade = USABLE
    elif facts or any(is_substantive(u.text) for u in pool):
        result.grade = THIN
        result.why = "no specific figures"
    result.found = [f"{len(facts)} facts"] if facts else []
    return result


def _praise(unit: Unit, company: frozenset[str]) -> bool:
    """Words about the customer that name them and say nothing else: "Northwind values the partnership and
    wants success". Without the customer's name, what is left is filler."""
    words = words_of(unit.value)
    return not company.isdisjoint(words) and is_filler(" ".join([w for w in words if w not in company]))


def judge_criteria(spec: ElementSpec, pool: list[Unit], shared: Shared) -> ElementResult:
    """Expectations: measurable (a quantity and a time bound) or dated, not "improve efficiency".

    A meeting on the calendar ("Demo is scheduled Feb 20, 60 min") dates the timeline; it is no target,
    use case or scope."""
    statements = [u for u in pool if not is_filler(u.value) and u.value]
    if spec.needs != "dated":
        statements = [u for u in statements if not is_scheduled_event(u.text)]
    result = ElementResult(spec, ABSENT, _lines(statements))
    if spec.needs == "dated":
        dated = [u for u in statements if measurable_time(u) and not is_hedged(u.value)]
        if len(dated) >= 2 or (dated and len(statements) <= 2):
            result.grade = USABLE
        elif statements and any(is_substantive(u.text) or measurable_time(u) for u in statements):
            result.grade = THIN
            result.why = "no firm dates"
        result.found = [f"{len(dated)} dated"] if dated else []
        result.lines = _lines(dated or statements)
        return result
    if spec.needs == "money":
        money = [u for u in statements if _is_money(u) and not is_hedged(u.value)]
        if money:
            result.grade = USABLE
        elif any(is_substantive(u.text) for u in statements):
            result.grade = THIN
            result.why = "not sized"
        result.lines = _lines(money or statements)
        return result
    targets = [u for u in statements if u.kind != "quote" and measurable(_row_text(u))]
    if shared.dated_expectations:
        # "Keep agency hours under 6%" with "running by June 3" in the next field: the target and its date apart
        targets += [u for u in statements if u not in targets and u.kind != "quote" and is_target(_row_text(u))]
    if len(targets) >= 2 or (targets and spec.needs != "measurable"):
        result.grade = USABLE
    elif targets or any(is_substantive(u.text) for u in statements):
        result.grade = THIN
        result.why = "no measurable target (a number and a date)"
    result.found = [f"{len(targets)} measurable"] if targets else []
    result.lines = _lines(targets or statements)
    return result


def measurable_time(unit: Unit) -> bool:
    return has_time_bound(_row_text(unit))


def _row_text(unit: Unit) -> str:
    return " ".join(unit.cells.values()) if unit.kind == "row" else unit.text


def judge_risks(spec: ElementSpec, pool: list[Unit], shared: Shared) -> ElementResult:
    """Risk flags: specific risks, each with a real mitigation (written next to it or as an action)."""
    risks, mitigated = [], []
    answers: set[int] = set()  # statements that mitigate the risk before them: not risks of their own
    action_words: dict[int, set[str]] = {}  # id(action) -> its content words, worked out once for all risks
    # "None." alone (no label: not "Competitors: None") states what "None known." states
    stated_none = [u for u in pool if is_explicit_none(u.value) or (not u.label and is_bare_none(u.text))]
    for unit in pool:
        value = unit.value
        subject = _risk_subject(unit)
        if is_filler(subject) or not (is_substantive(unit.text) or len(subject.split()) >= 4):
            continue
        if unit.kind == "sentence" and subject.endswith(":"):
            continue  # "Risks as I see them:" leads into the risks, it is not one
        if is_explicit_none(value) or id(unit) in answers:
            continue
        risks.append(unit)
        if _has_mitigation(unit) or _answered_by_action(subject, shared.actions, action_words):
            mitigated.append(unit)
        elif _mitigated_next_to_it(unit, shared):
            mitigated.append(unit)
            after = shared.following.get(id(unit))
            if after is not None:
                answers.add(id(after))
    result = ElementResult(spec, ABSENT, _lines(risks))
    if risks and 5 * len(mitigated) >= 3 * len(risks):
        result.grade = USABLE
    elif risks:
        result.grade = THIN
        result.why = f"{len(risks) - len(mitigated)} of {len(risks)} without a mitigation"
    elif stated_none:
        dated = any(has_quantity(u.text) or dates_in(u.text) for u in stated_none)
        # "No known risks." on a deal whose own text states risks elsewhere is not an answer.
        result.grade = USABLE if dated and not shared.risk_statements else THIN
        result.lines = _lines(stated_none)
        if shared.risk_statements:
            result.why = "says there are none, but risks are stated elsewhere"
    result.found = [f"{len(risks)} risks, {len(mitigated)} mitigated"] if risks else []
    return result


def _risk_subject(unit: Unit) -> str:
    if unit.kind == "row":
        for name, value in unit.cells.items():
            if "risk" in name or "concern" in name or "issue" in name:
                return value
        return next(iter(unit.cells.values()), "")
    return unit.text


_MITIGATION_CUES = (
    "mitigat",
    "plan:",
    "plan is",
    "response:",
    "we will",
    "we'll",
    "to address",
    "→",
    "->",
    "action:",
    "fallback",
    "workaround",
    "propose",
    "escalat",
    "lead with",
    "contingency",
    "we should",
    "we need to",
    "so we",
)


def _has_mitigation(unit: Unit) -> bool:
    if unit.kind == "row":
        for name, value in unit.cells.items():
            if any([w in name for w in ("mitigat", "plan", "response", "action", "next")]):
                return not is_weak_mitigation(value) and not is_filler(value)
        return False
    lowered = unit.text.lower()
    for cue in _MITIGATION_CUES:
        at = lowered.find(cue)
        if at > 0 and len(lowered[at:].split()) >= 4:
            return True
    return False


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])")


def _mitigated_next_to_it(unit: Unit, shared: Shared) -> bool:
    """A mitigation written as a sentence after the risk: later in the same statement, or the next one."""
    for sentence in _SENTENCE.split(unit.text)[1:]:
        if is_mitigation(sentence):
            return True
    after = shared.following.get(id(unit))
    return (
        after is not None
        and after.line - unit.line <= 2
        and is_mitigation(after.text)
        # "We'll ask for a test extract and fall back to a manual load if it slips" answers the risk before it
        and (not is_risk_statement(after.text) or bool(_LEADS_WITH_MITIGATION.match(after.text)))
    )


_LEADS_WITH_MITIGATION = re.compile(
    r"\s*(?:mitigation|plan|fallback|workaround|contingency|we(?:'ll|\s+will|\s+should|\s+plan)|i(?:'ll|\s+will))\b",
    re.I,
)


def _answered_by_action(subject: str, actions: list[Unit], action_words: dict[int, set[str]]) -> bool:
    """Whether an action item shares two content words with the risk (each action's words read once)."""
    words = content_words(subject)
    if not words:
        return False
    for action in actions:
        theirs = action_words.get(id(action))
        if theirs is None:
            theirs = action_words[id(action)] = content_words(action.text)
        if len(words & theirs) >= 2:
            return True
    return False


def judge_technical(spec: ElementSpec, pool: list[Unit], shared: Shared) -> ElementResult:
    """Technical requirements: named systems and specific facts, not "standard stack" or guesses."""
    specific, hedged = [], []
    for unit in pool:
        value = unit.value
        if is_filler(value) or not value:
            continue
        if not (is_concrete(unit.text) or len(unit.words) >= 9):
            continue
        named = concrete_tokens(unit.text) - numbers_in(unit.text) > 0
        if not named and not spec.topic_index.matches(unit.topic):
            continue  # "a minor integration issue was resolved" in a log is not a requirement
        (hedged if is_hedged(value) else specific).append(unit)
    result = ElementResult(spec, ABSENT, _lines(specific or hedged))
    solid = len(specific) >= 2 or any(concrete_tokens(u.text) - numbers_in(u.text) >= 1 for u in specific)
    if solid and len(specific) >= len(hedged):
        result.grade = USABLE
    elif specific or hedged:
        result.grade = THIN
        result.why = "unconfirmed (guessed or unknown)"
    result.found = [f"{len(specific)} specific"] if specific else []
    return result


def judge_people(spec: ElementSpec, pool: list[Unit], shared: Shared) -> ElementResult:
    """Relationship context: a named person in the role (champion, sponsor, blocker), anywhere."""
    matches = [(name, line) for name, line, roles in shared.people if not spec.roles or spec.key in roles]
    result = ElementResult(spec, ABSENT)
    if matches:
        result.grade = USABLE
        result.found = [f"{name} (line {line})" for name, line in matches[:3]]
        result.lines = [line for _n, line in matches[:6]]
    elif not spec.roles and pool:
        result.grade = THIN if any(is_substantive(u.text) for u in pool) else ABSENT
    elif any(spec.role_index.matches(u.words) and not is_filler(u.value) for u in pool):
        result.grade = THIN
        result.why = "role mentioned but nobody named"
    return result


def _people(evidence: Evidence, company: set[str]) -> list[tuple[str, str, int]]:
    """(name, what is said about them, line): person blocks, stakeholder rows, labelled lines.

    The seller's own people are left out person by person, not line by line: "Our AE: Priya Nair; Dana
    Hale, CFO — economic buyer" keeps Dana Hale with her role (language/people.py sellers_people)."""
    found = []
    # The handoff's sender and receiver ("from:", "to:", "Prepared by:") are the seller's, wherever named.
    senders = {n for u in evidence.units if u.label and _sender_label(u.label) for n in person_names(u.value)}
    for index, heading in enumerate(evidence.headings):
        names = person_names(heading.text)
        if not names:
            continue
        under = [u.text for u in evidence.under(index)][:8]
        only_name = len(heading.words) <= 3 and len(names[0].split()) == len(heading.words)
        if has_title(heading.text) or (only_name and any(has_title(t) for t in under[:3])):
            side = _side_of_place(evidence, heading.section)
            ours = sellers_people(" ".join([heading.text] + under[:1]), names[:1], side)
            if names[0] not in ours and names[0] not in senders:
                found.append((names[0], " ".join([heading.text] + under), heading.line))
    for unit in evidence.units:
        if unit.kind == "heading" or (unit.label and _about_the_document(unit.label)) or _stamp_line(unit):
            continue  # "Prepared by: …", "From: …", "Deal owner: …": who wrote or sent the handoff
        if unit.kind == "frontmatter" and not any([w in unit.label for w in ("attendee", "stakeholder", "contact")]):
            continue
        # A name counts beside a title, or under a people topic ("### Internal Champion" says the role).
        if not (has_title(unit.text) or _PEOPLE_TOPICS.matches(unit.topic)):
            continue
        names = [n for n in person_names(unit.text) if not set(words_of(n)) <= company]  # not "Harlow Quay Title"
        if not names:
            continue
        ours, said = _sellers_in(evidence, unit, names)
        sent = {n for n in names if _POSSESSIVE.sub("", n) in senders}  # "Sam Ortiz's counterpart" too
        if sent:
            ours = ours | sent
            said = without_sellers(said, ours)
        theirs = [n for n in names if n not in ours]
        parts = label_parts(said)  # "Sponsor: …; champion: …": each label is said of its own part's people
        own: dict[str, str] = {}
        for part in parts:  # a name is read in the first part that holds it
            own.update(own_clauses(part, [n for n in theirs if n in part and n not in own]))
        topic = " ".join(_topic_apart(evidence, unit, names, always=len(parts) > 1))
        for name in names:
            if name not in ours:  # "Our side: Felix (AE)", "Dominic Reyes (our solutions architect)"
                found.append((name, own.get(name, said) + " — " + topic, unit.line))
    return found


def _topic_apart(evidence: Evidence, unit: Unit, names: list[str], always: bool = False) -> tuple[str, ...]:
    """The unit's topic without its label when the label names people ("Maren Holt (CFO), Dana Lee (COO) —
    …") or is one of several on the line (``always``): each person's own part of the text says their
    title and role, the label would give them to each."""
    if unit.kind == "row" or not unit.label or not (always or any(name in unit.label for name in names)):
        return unit.topic
    heading = len(evidence.headings[unit.section].topic) if 0 <= unit.section < len(evidence.headings) else 0
    return unit.topic[:heading] + unit.topic[heading + len(words_of(unit.label)) :]


_POSSESSIVE = re.compile(r"['’]s$")
_RECORD_OWNER = re.compile(r"\b(?:account|deal|opportunity|record|relationship)\s+owner$", re.I)


def _label_of(label: str, vocabulary: frozenset[str]) -> bool:
    """A label made only of ``vocabulary``'s words, or a record's owner ("Deal owner"): not a label that only
    has such a word in it ("From us", "Handing over from Sam (AE)")."""
    words = set(words_of(label))
    return bool(words) and (words <= vocabulary or bool(_RECORD_OWNER.search(label.strip())))


def _about_the_document(label: str) -> bool:
    """A label of the document's own fields ("Prepared by", "From", "Deal owner"): its person wrote or sent
    the handoff."""
    return _label_of(label, _ABOUT_THE_DOCUMENT)


_SENDER_WORDS = frozenset("from to author sender receiver prepared written by".split())


def _sender_label(label: str) -> bool:
    """ "from", "to", "Prepared by", "Deal owner": a field naming who wrote, sent or receives the handoff.
    Not "Owner" alone, which an action's owner may be (the customer's person)."""
    return _label_of(label, _SENDER_WORDS)


_STAMP_FIELD = re.compile(r"\|\s*([^|:]{1,40}):")


def _stamp_line(unit: Unit) -> bool:
    """The handoff's header line, "AE: Sam Ortiz | Implementation Lead: Gavin Hale | Date: 2027-01-30": our
    role first, then fields one of which is the document's own (a date, a status)."""
    if unit.kind == "row" or "|" not in unit.text or not is_seller_role(unit.label):
        return False
    return any(_about_the_document(label) for label in _STAMP_FIELD.findall(unit.text))


def _sellers_in(evidence: Evidence, unit: Unit, names: list[str]) -> tuple[frozenset[str], str]:
    """The seller's people among ``names`` in one statement, and what the statement says of the rest.
    A table row is read cell by cell when a column says whose people it holds ("Our side | Their side")."""
    side = _side_of_place(evidence, unit.section, _lead_in_of(evidence, unit))
    if unit.kind == "row" and any(_side_of_words(column) for column in unit.cells):
        ours: set[str] = set()
        for column, value in unit.cells.items():
            here = [n for n in names if n in value]
            ours |= sellers_people(value, here, _side_of_words(column) or side)
        said = " | ".join([without_sellers(value, ours) for value in unit.cells.values() if value])
        return frozenset(ours), said
    ours = sellers_people(unit.text, names, side)
    return ours, without_sellers(unit.text, ours)


def _side_of_place(evidence: Evidence, section: int, lead_in: str = "") -> str:
    """ "ours" under a heading or a list's lead-in line about the seller's team ("## Our side", "Internal
    team:"), not one about both sides ("Our side and theirs"); else ""."""
    if lead_in and is_our_side("", lead_in):
        return "ours"
    while 0 <= section < len(evidence.headings):
        heading = evidence.headings[section]
        if is_our_side("", heading.text):
            return "ours"
        section = heading.section
    return ""


def _lead_in_of(evidence: Evidence, unit: Unit) -> str:
    """The words of the line that leads into the list holding ``unit`` ("Our side:"): what its topic
    holds after its headings and its own label."""
    if unit.kind != "item":
        return ""
    heading = len(evidence.headings[unit.section].topic) if 0 <= unit.section < len(evidence.headings) else 0
    label = len(words_of(unit.label)) if unit.label else 0
    return " ".join(unit.topic[heading + label :])


def _side_of_words(column: str) -> str:
    """ "ours" or "theirs" for a column named for one side ("Our side", "Internal", "Customer team"), else ""."""
    words = set(column.split())
    if words & {"our", "us", "ours", "internal", "vendor", "seller"} and not words & {"their", "customer", "client"}:
        return "ours"
    if words & {"their", "theirs", "them", "customer", "client", "buyer"} and not words & {"our", "us", "ours"}:
        return "theirs"
    return ""


_PEOPLE_TOPICS = TopicIndex(
    [
        "stakeholder",
        "people",
        "contact",
        "attendee",
        "team",
        "who",
        "role",
        "name",
        "champion",
        "sponsor",
        "blocker",
        "economic buyer",
        "decision maker",
        "skeptic",
    ]
)


# A field that names the customer, as CRM exports and property blocks label it.
_ACCOUNT_LABEL = re.compile(
    r"\s*(?:account|customer|client|company|organi[sz]ation|legal\s+entity)(?:\s+name)?\s*$", re.I
)


def _company_words(evidence: Evidence) -> set[str]:
    """Words of the customer's name: the frontmatter's customer/account and the title."""
    words = set()
    for unit in evidence.units:
        if unit.kind == "frontmatter" and unit.label in ("customer", "account", "client", "company"):
            words |= set(words_of(_name_part(unit.value)))
        elif unit.label and _ACCOUNT_LABEL.match(unit.label.replace("_", " ")):  # "Account_Name: Harbor Point"
            words |= set(words_of(_name_part(unit.value)))
    return words | set(evidence.title_words)


_NAME_END = re.compile(r"[,(;:/]|\s[-–—]\s|[–—]")


def _name_part(value: str) -> str:
    """The customer's name in a field's value: "Fernhill Dental (sponsor Greg Lim…)" names Fernhill Dental,
    not the people said of it. Up to the first comma, bracket, semicolon or dash; at most four
    capitalised words (and the small words between them)."""
    kept: list[str] = []
    capitalised = 0
    for word in _NAME_END.split(value, maxsplit=1)[0].split():
        if word[:1].isupper() or word[:1].isdigit():
            if capitalised == 4:
                break
            capitalised += 1
        elif word.lower() not in ("of", "and", "&", "the", "de", "la", "für", "und"):
            break
        kept.append(word)
    return " ".join(kept)


def judge_actions(spec: ElementSpec, pool: list[Unit], shared: Shared) -> ElementResult:
    """Action items: specific steps with a named owner and a date; "team to follow up" is not one.

    A handoff with no list of actions may still say what happens next in its prose ("I'll send the
    contract", "Could you reach out to her?") or name the meeting booked next: those are its steps."""
    items = [u for u in pool if not is_filler(u.value) and u.value and u.kind != "frontmatter"]
    # "Demo booked for Feb 20": a dated fact (the timeline's), not a step anyone has to take.
    items = [u for u in items if len(u.words) >= 3 and not is_scheduled_event(u.text)]
    if not items:
        items = [u for u in shared.statements if _written_step(u)]
    dated = [u for u in items if due_of(u.text, u.cells)]
    owned = [u for u in dated if owner_of(u.text, u.label, u.cells)]
    result = ElementResult(spec, ABSENT, _lines(owned or items))
    # A dated step without a named owner ("prerequisites: export by 2026-12-18") is half an answer.
    if len(owned) >= 2 and len(owned) + 0.5 * (len(dated) - len(owned)) >= 0.6 * len(items):
        result.grade = USABLE
    elif owned or any(is_concrete(u.text) or len(u.words) >= 6 for u in items):
        result.grade = THIN
        result.why = f"{len(items) - len(owned)} of {len(items)} without an owner and a date"
    result.found = [f"{len(items)} items, {len(owned)} owned and dated"] if items else []
    return result


_MEETINGS = frozenset("meeting demo call kickoff appointment session workshop visit".split())


def _written_step(unit: Unit) -> bool:
    """A next step in prose, or the meeting booked next ("Meeting date: 2027-03-18", "Demo is scheduled Feb 20")."""
    if unit.kind == "quote" or len(unit.words) < 3:
        return False
    if is_next_step(unit.text) or is_scheduled_event(unit.text):
        return True
    return not _MEETINGS.isdisjoint(words_of(unit.label)) and has_due_date(unit.value)


# Judges by name: each category's own, and any an element names with "judge" in its type.
_JUDGES = {
    "customer": judge_facts,
    "expectations": judge_criteria,
    "risks": judge_risks,
    "technical": judge_technical,
    "relationship": judge_people,
    "actions": judge_actions,
}
