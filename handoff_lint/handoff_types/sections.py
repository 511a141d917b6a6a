"""Match a document's headings to the sections its handoff type expects.

People number, decorate and rephrase headings. Matching goes exact (after normalisation) →
alias → word-prefix ("Stakeholders and Champions" for "Stakeholders") → a conservative fuzzy
match. Every missing section is reported in one pass, unlike markdownlint's MD043.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handoff_lint.handoff_types.definitions import HandoffType, SectionSpec
from handoff_lint.model.document import Block, Document, Section

FUZZY_MATCH = 0.86  # accept as the same section (typos: "Sucess Criteria")
FUZZY_SUGGEST = 0.75  # only suggest ("did you mean")


@dataclass
class Outline:
    matched: dict[str, Section] = field(default_factory=dict)  # spec key -> section
    duplicates: list[tuple[Section, SectionSpec]] = field(default_factory=list)
    unknown: list[tuple[Section, SectionSpec | None]] = field(default_factory=list)
    spec_of: dict[int, SectionSpec] = field(default_factory=dict)  # id(section) -> spec
    sections: list[Section] = field(default_factory=list)  # all of the document's sections

    def content(self, section: Section) -> list[Block]:
        """A section's blocks plus those of unmatched subsections (they belong to it)."""
        return self._with_unmatched(section, "blocks")

    def tables(self, section: Section):
        return self._with_unmatched(section, "tables")

    def fields(self, section: Section):
        return self._with_unmatched(section, "fields")

    def _with_unmatched(self, section: Section, kind: str) -> list:
        """A section's ``kind`` (blocks, tables or fields), then those of its unmatched subsections."""
        gathered = list(getattr(section, kind))
        for other in self._descendants(section):
            if id(other) not in self.spec_of:
                gathered.extend(getattr(other, kind))
        return gathered

    def _descendants(self, section: Section):
        return [s for s in self.sections if _is_descendant(s, section)]


def _is_descendant(candidate: Section, ancestor: Section) -> bool:
    parent = candidate.parent
    while parent is not None:
        if parent is ancestor:
            return True
        parent = parent.parent
    return False


def match_sections(doc: Document, handoff_type: HandoffType) -> Outline:
    outline = Outline(sections=list(doc.sections))
    specs = handoff_type.sections
    pending: list[Section] = []
    for section in doc.sections:  # pass 1: exact names and aliases
        spec = next((s for s in specs if section.key in s.names), None)
        if spec is None:
            pending.append(section)
        else:
            _assign(outline, section, spec)
    for section in pending:  # pass 2: word prefix, then fuzzy, among specs still unmatched
        free = [s for s in specs if s.key not in outline.matched]
        spec = _prefix_match(section.key, free) or _fuzzy(section.key, free, FUZZY_MATCH)
        if spec is not None:
            _assign(outline, section, spec)
        elif section.key:
            outline.unknown.append((section, _fuzzy(section.key, specs, FUZZY_SUGGEST, word_order=False)))
    return outline


def _assign(outline: Outline, section: Section, spec: SectionSpec) -> None:
    if spec.key in outline.matched:
        outline.duplicates.append((section, spec))
        return
    outline.matched[spec.key] = section
    outline.spec_of[id(section)] = spec


def _prefix_match(key: str, specs: list[SectionSpec]) -> SectionSpec | None:
    """The spec with the longest name that starts the heading ("Stakeholders and Champions")."""
    words = tuple(key.split())
    best, best_len = None, 0
    for spec in specs:
        if words[:1] and words[0] not in spec.first_words:
            continue  # no name of this spec starts with the heading's first word
        for name_words in spec.name_words:
            if best_len < len(name_words) < len(words) and words[: len(name_words)] == name_words:
                best, best_len = spec, len(name_words)
    return best


def _fuzzy(key: str, specs, threshold: float, word_order: bool = True) -> SectionSpec | None:
    """The spec with the most similar name at or above ``threshold``, by rapidfuzz's C scorers.

    One call per scorer over all names: a page of many unknown headings stays cheap.
    """
    from rapidfuzz import fuzz, process

    if not key:
        return None
    names, choices = _choices(tuple(specs))
    scorers = (fuzz.ratio, fuzz.token_sort_ratio) if word_order else (fuzz.ratio,)
    best, best_score = None, threshold * 100
    for scorer in scorers:
        found = process.extractOne(key, choices, scorer=scorer, score_cutoff=best_score)
        if found is not None and found[1] >= best_score:
            best, best_score = names[found[2]][1], found[1]
    return best


_CHOICES: dict[tuple[int, ...], tuple[list, list]] = {}


def _choices(specs: tuple[SectionSpec, ...]) -> tuple[list[tuple[str, SectionSpec]], list[str]]:
    """The specs' names, listed once per set of still-unmatched specs (a page has many unknown headings)."""
    key = tuple(map(id, specs))  # the types, and so their specs, live for the whole run
    if key not in _CHOICES:
        if len(_CHOICES) > 256:
            _CHOICES.clear()
        names = [(name, spec) for spec in specs for name in spec.names]
        _CHOICES[key] = (names, [name for name, _spec in names])
    return _CHOICES[key]
