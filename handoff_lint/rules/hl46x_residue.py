"""Template residue: instructions left in, a title for another customer, example names."""

from __future__ import annotations

import re
from functools import lru_cache

from handoff_lint.model.findings import Finding
from handoff_lint.reading.language.placeholders import is_blank_or_placeholder
from handoff_lint.rules.registry import Context, rule
from handoff_lint.text import normalize_label, truncate

_INSTRUCTIONS = re.compile(
    r"^\W*(?:use their words|what did the customer|who else they looked at|what wasn'?t included|"
    r"who advocated for you|anyone who was skeptical|what were the pivotal|any objections, hesitations|"
    r"don'?t just list|do not just list|explain the intent|"
    r"this is the most important section|fill (?:this|in)|replace (?:this|with)|delete this|describe (?:the|what)|"
    r"list (?:the|any|all)\b|add (?:a|the|any)\b.*\bhere\b|\(?\d+[–-]\d+ sentences)",
    re.I,
)
_ITALIC_GUIDANCE = re.compile(r"^\s*[*_]\(.*\)[*_]\s*$|^\s*[*_][^*_]{0,200}\?[*_]\s*$")
EXAMPLE_NAMES = (
    "Acme",
    "Acme Corp",
    "Globex",
    "Initech",
    "Contoso",
    "Fabrikam",
    "Example Corp",
    "Company X",
    "Competitor X",
    "Customer X",
    "John Doe",
    "Jane Doe",
    "Joe Bloggs",
)
# Each name's first letter, then the word start looked behind it: the engine jumps between capitals
# instead of trying every position of the file (the same matches as a leading \b).
_EXAMPLE = re.compile(r"(" + "|".join(re.escape(n[0]) + r"(?<!\w.)" + re.escape(n[1:]) for n in EXAMPLE_NAMES) + r")\b")
_SUFFIX = re.compile(r"\b(inc|ltd|llc|gmbh|plc|sa|ag|bv|corp|corporation|co|limited|group)\b\.?", re.I)


def template_instructions(ctx: Context):
    guidance = _guidance_openings(ctx)
    first_words = {opening.split(" ", 1)[0] for opening in guidance}
    doc = ctx.doc
    for section in ([doc.preamble] if doc.preamble else []) + doc.sections:
        for block in section.blocks:
            if block.kind == "row" or is_blank_or_placeholder(block.text):
                continue  # a bracketed "[What did the customer…]" is reported as a placeholder (HL310)
            if (
                _INSTRUCTIONS.search(block.text)
                or _ITALIC_GUIDANCE.match(block.text)
                or (_first_word(block.text) in first_words and _opening(block.text) in guidance)
            ):
                yield Finding(
                    "",
                    f"template instruction left in: {truncate(block.text, 50)!r}",
                    block.line,
                    block.column,
                    section=ctx.section_key(section),
                )


rule(
    "HL460",
    "template-instructions",
    category="quality",
    severity="warning",
    affects_score=True,
    needs_type=False,
    summary="Template instructions are left in the handoff.",
    rationale="""Guidance such as "Use their words", "What did the customer explicitly say…" or italic
    prompts belongs to the template. Left in, it hides whether the section was really written.""",
    bad="What did the customer explicitly say they expect? They want faster matching.",
    good='They expect matching to take "under four hours a week" by March (Dana Lee, 2026-10-02).',
    check=template_instructions,
)


def _first_word(text: str) -> str:
    words = text[:40].split(None, 1)
    return normalize_label(words[0]) if words else ""


def _opening(text: str, words: int = 6) -> str:
    return " ".join(normalize_label(text[:200]).split()[:words])  # the first words are enough


def _guidance_openings(ctx: Context) -> frozenset[str]:
    """The first words of each section's guidance (the template's own prompts), for this type."""
    if ctx.handoff_type is None:
        return frozenset()
    return _openings(tuple(s.guidance for s in ctx.handoff_type.sections))


@lru_cache(maxsize=64)  # one entry per type: the same guidance for every file of a run
def _openings(guidance: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_opening(text) for text in guidance if len(text.split()) >= 6)


def _company_words(name: str) -> str:
    return normalize_label(_SUFFIX.sub(" ", name))


def title_customer_mismatch(ctx: Context):
    customer = (ctx.doc.frontmatter.data or {}).get("customer")
    title = ctx.doc.title
    if not isinstance(customer, str) or not customer.strip() or title is None:
        return
    parts = re.split(r":|\s[—–-]\s", title.text, maxsplit=1)
    if len(parts) < 2 or not parts[1].strip():
        return
    expected = _company_words(customer)
    if expected and f" {expected} " in f" {_company_words(title.text)} ":
        return  # the title names the customer, wherever it puts the name ("Bluefin Dental: SDR to AE")
    in_title = _company_words(parts[1].split(" — ")[0])
    if in_title and expected and in_title not in expected and expected not in in_title:
        yield Finding(
            "",
            f"title names '{parts[1].strip()}' but the frontmatter customer is '{customer}'",
            title.line,
            title.column,
        )


rule(
    "HL461",
    "title-customer-mismatch",
    category="quality",
    severity="warning",
    summary="The title names a different customer than the frontmatter.",
    rationale="""A handoff copied from another deal often keeps the old customer in its title. The
    title's customer (after the colon) must match the frontmatter `customer`; a title that contains the
    customer's name anywhere (`# Bluefin Dental: SDR to AE`) is not a mismatch.""",
    bad="---\ntype: sales-to-cs\ncustomer: Northwind Traders\n---\n# Customer Handoff: Globex",
    good="---\ntype: sales-to-cs\ncustomer: Northwind Traders\n---\n# Customer Handoff: Northwind Traders",
    check=title_customer_mismatch,
)


def example_name(ctx: Context):
    if not _EXAMPLE.search("\n".join(ctx.doc.lines)):
        return  # one scan of the file settles the usual case
    customer = str((ctx.doc.frontmatter.data or {}).get("customer") or "")
    for text, line, column, _key in ctx.text_pieces():
        for match in _EXAMPLE.finditer(text):
            if match.group(1).lower() in customer.lower():
                continue
            yield Finding(
                "", f"'{match.group(1)}' looks like an example name left from a template", line, column + match.start()
            )


rule(
    "HL462",
    "example-name",
    category="quality",
    severity="warning",
    summary="An example or sample name is left in.",
    rationale="""Names such as Acme, Globex, "Competitor X" or John Doe come from templates and examples.
    In a real handoff they are residue from copying: replace them with the real names.""",
    bad="| Competitor | Competitor X |",
    good="| Competitor | Basware (incumbent AP tool) |",
    check=example_name,
)
