"""Stakeholders: the roles each type needs are named; contact details are well-formed."""

from __future__ import annotations

import re

from handoff_lint.lazy_pattern import compile_on_use
from handoff_lint.model.findings import Finding
from handoff_lint.reading.language.people import sellers_people
from handoff_lint.reading.language.placeholders import is_blank_or_placeholder
from handoff_lint.reading.statements import person_names
from handoff_lint.rules.registry import Context, on_heading, rule
from handoff_lint.text import contains_any, normalize_heading, normalize_label

_PERSON = compile_on_use(r"\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’.-]+)+\b|(?<![\w@.])@[A-Za-z0-9][\w.-]*")
_EMAIL_CANDIDATE = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w.-]*")  # starts at a word start: linear
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
_PHONE_CANDIDATE = re.compile(
    r"(?:(?:phone|tel|mobile|cell|direct)\s*[:.]?\s*|(?<![\w+]))(\+[\d][\d ()./-]{4,}[\dA-Za-z]*)"
    r"|(?:phone|tel|mobile|cell|direct)\s*[:.]?\s*([\d(][\d ()./-]{4,}[\dA-Za-z]*)",
    re.I,
)


def names_a_person(text: str) -> bool:
    return bool(_PERSON.search(text)) and not is_blank_or_placeholder(text)


def names_their_person(text: str) -> bool:
    """A person named who is not the seller's own: "| Champion | Tobias Wren (our AE) |" names nobody of the
    customer's, "Champion: Maren Holt; our AE: Tobias Wren" does (language/people.py, person by person)."""
    if not names_a_person(text):
        return False
    names = person_names(text)
    return not names or not set(names) <= sellers_people(text, names)


def bad_emails(text: str) -> list[tuple[int, str]]:
    if "@" not in text:
        return []
    found = []
    # A candidate has a local part (an @handle never matches: the lookbehind and the "+" exclude it).
    for match in _EMAIL_CANDIDATE.finditer(text):
        token = match.group(0).rstrip(".,;:")
        if not _EMAIL.match(token):
            found.append((match.start(), token))
    return found


_PHONE_WORDS = ("phone", "tel", "mobile", "cell", "direct")


def bad_phones(text: str) -> list[tuple[int, str]]:
    if "+" not in text and not contains_any(text.lower(), _PHONE_WORDS):
        return []  # a cheap first look: no candidate can match
    found = []
    for match in _PHONE_CANDIDATE.finditer(text):
        token = (match.group(1) or match.group(2) or "").strip()
        start = match.start(1) if match.group(1) else match.start(2)
        digits = re.sub(r"\D", "", token)
        if re.search(r"[A-Za-z]", token) or not 7 <= len(digits) <= 15:
            found.append((start, token))
    return found


def _mentions(text: str, names: set[str]) -> bool:
    padded = f" {normalize_label(text)} "
    return any(f" {name} " in padded for name in names)


def _without_roles(text: str, names: set[str]) -> str:
    """The text with role words taken out, so "Executive Sponsor" itself never reads as a name."""
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(r"\b" + r"\W+".join(map(re.escape, name.split())) + r"\b", " ", text, flags=re.I)
    return text


def _role_named(ctx: Context, names: set[str]) -> bool:
    for spec, assessment in ctx.sections_of_kind("stakeholders"):
        section = assessment.section
        heading_is_role = _mentions(section.title, names) or normalize_heading(spec.heading) in names
        for found in assessment.section.fields:
            if _mentions(found.label, names) and names_their_person(found.value):
                return True
        for block in assessment.blocks:
            cells = block.cells or [block]
            if not (heading_is_role or any(_mentions(c.text, names) for c in cells)):
                continue
            if any(names_their_person(_without_roles(c.text, names)) for c in cells):
                return True
    return False


def _left_as_placeholder(ctx: Context, names: set[str]) -> bool:
    """The role's own field is written but unfilled, which HL301 or HL310 already reports: one
    problem (``| Executive Sponsor | TBD |``), one finding."""
    for _spec, assessment in ctx.sections_of_kind("stakeholders"):
        required = {id(check.field) for check in assessment.fields if check.spec.required and check.field}
        for found in assessment.section.fields:
            if _mentions(found.label, names) and is_blank_or_placeholder(found.value):
                if found.value.strip() or id(found) in required:
                    return True
    return False


def missing_stakeholder_role(ctx: Context):
    sections = ctx.sections_of_kind("stakeholders")
    if not sections:
        return  # the missing stakeholder sections are reported by HL101
    first_spec, first = sections[0]
    for role, aliases in ctx.handoff_type.stakeholder_roles:
        names = {normalize_label(n) for n in (role, *aliases)}
        if not _role_named(ctx, names) and not _left_as_placeholder(ctx, names):
            yield on_heading(first_spec, first, f"no {role} named", hint="add who it is (name and title)")


rule(
    "HL440",
    "missing-stakeholder-role",
    category="quality",
    severity="warning",
    affects_score=True,
    template_only=True,
    summary="A stakeholder role the handoff type needs is not named.",
    rationale="""Champion blindness is a classic cause of early churn. Each type lists the people the
    receiving team must know by name (Sales → CS: primary contact, executive sponsor, technical
    lead, champion). Name them with their title; write "Unknown — plan: …" rather than leaving a
    role out. A role whose own field holds a placeholder (`| Champion | TBD |`) is reported once, as
    that placeholder (HL301 or HL310).""",
    bad="""
| Field | Detail |
|-------|--------|
| Primary Contact | Priya Nair, VP Operations |
| Technical Lead | Leo Park, IT Director |
| Champion | Dana Lee, AP Manager |""",
    good="""
| Field | Detail |
|-------|--------|
| Primary Contact | Priya Nair, VP Operations |
| Technical Lead | Leo Park, IT Director |
| Champion | Dana Lee, AP Manager |
| Executive Sponsor | Martin Hale, CFO |""",
    example_section="Customer Overview",
    check=missing_stakeholder_role,
)


def invalid_contact(ctx: Context):
    for text, line, column, _key in ctx.text_pieces():
        for offset, token in bad_emails(text):
            yield Finding("", f"'{token}' is not a valid email address", line, column + offset)
        for offset, token in bad_phones(text):
            yield Finding("", f"'{token}' is not a valid phone number", line, column + offset)


rule(
    "HL441",
    "invalid-contact",
    category="quality",
    severity="warning",
    needs_type=False,
    summary="An email address or phone number is malformed.",
    rationale="""A contact detail that does not work costs the receiving team a day. Emails need a domain
    with a dot (`dana@northwind.example`); phone numbers 7 to 15 digits, ideally in international
    form (`+44 20 7946 0958`).""",
    bad="Dana Lee, dana@northwind",
    good="Dana Lee, dana.lee@northwind.example, +44 20 7946 0958",
    check=invalid_contact,
)
