"""The customer's words, and facts rather than sentiment."""

from __future__ import annotations

import re

from handoff_lint.model.categories import MISSING
from handoff_lint.model.findings import Finding
from handoff_lint.rules.registry import Context, on_heading, rule
from handoff_lint.text import truncate

_QUOTE = re.compile(r'"[^"\n]{12,}"|“[^”\n]{12,}”|„[^“\n]{12,}“|«[^»\n]{12,}»')
_FILLER = re.compile(
    r"\b(?:seem(?:s|ed)?\s+(?:very\s+|really\s+|super\s+)?(?:interested|keen|engaged|positive|happy|excited)"
    r"|great\s+(?:call|meeting|chat|conversation|fit|vibes?)|good\s+vibes?|(?:super|really|very)\s+(?:bought\s+in|excited|keen|engaged|interested)"
    r"|(?:went|going)\s+(?:really\s+|very\s+)?well|loved\s+(?:the\s+)?(?:demo|product|call)|strong\s+interest"
    r"|positive\s+(?:call|meeting|vibes?|feeling)|excited\s+about\s+(?:us|the\s+product)|interested,?\s+wants\s+(?:a\s+)?demo)\b",
    re.I,
)
_SENTENCE = re.compile(r"(?<=[.!?])\s+")
_FACT = re.compile(r"\d|\"|“|\$|€|£|%")


def no_customer_quote(ctx: Context):
    for spec, assessment in ctx.sections_of_kind("customer-words"):
        blocks = assessment.blocks
        if assessment.status == MISSING:
            continue  # empty sections are reported by HL102
        if any(b.kind == "quote" for b in blocks) or any(_QUOTE.search(b.text) for b in blocks):
            continue
        message = f"'{assessment.section.title}' has no verbatim customer quote"
        yield on_heading(spec, assessment, message, hint="add their words in quotes")


rule(
    "HL450",
    "no-customer-quote",
    category="quality",
    severity="warning",
    affects_score=True,
    summary="The customer's own words are missing where the type asks for them.",
    rationale="""Verbatim quotes survive a champion change, a procurement review and a CFO challenge;
    a paraphrase survives none of them. Sections that record why the customer bought or took the
    meeting need at least one quote (`"…"`, `“…”` or a `>` block quote), ideally with who said it
    and when.""",
    bad="They want faster invoice matching.",
    good='> "We lose twenty hours a week matching invoices by hand." — Dana Lee, Finance Director, 2026-10-02',
    example_section="Customer Expectations",
    check=no_customer_quote,
)


def filler(ctx: Context):
    for spec, assessment in ctx.sections_of_kind("context"):
        for block in assessment.blocks:
            for sentence in _SENTENCE.split(block.text):
                if _FACT.search(sentence):
                    continue  # a figure, a quote or an amount: not mere sentiment (and the cheaper look)
                match = _FILLER.search(sentence)
                if match:
                    message = f"'{match.group(0)}' is sentiment, not a fact: {truncate(sentence, 50)!r}"
                    yield Finding("", message, block.line, block.column, section=spec.key)
                    break


rule(
    "HL451",
    "filler",
    category="quality",
    severity="warning",
    affects_score=True,
    summary="Sentiment without facts in a context section.",
    rationale="""\"They seem interested\" or \"great call\" is an opinion the next team cannot act on.
    Write the fact behind it: "CFO confirmed a $50K budget on the 2026-10-02 call".""",
    bad="Great call, they seem really interested.",
    good="On the 2026-10-02 call the CFO confirmed a $50K budget for Q1 2027.",
    example_section="What They Bought and Why",
    check=filler,
)


_GENERIC_WORDS = {
    "standard",
    "usual",
    "the",
    "normal",
    "typical",
    "default",
    "various",
    "misc",
    "etc",
    "as",
    "discussed",
    "see",
    "above",
    "below",
    "crm",
    "notes",
    "email",
    "slack",
    "ask",
    "me",
    "sales",
    "same",
    "ok",
    "fine",
    "good",
    "requirements",
    "setup",
    "set",
    "up",
    "stuff",
    "things",
    "process",
    "approach",
    "package",
    "scope",
    "details",
    "info",
    "information",
    "tbc",
    "in",
    "per",
    "call",
}


_LETTERS = re.compile(r"[a-z]+")


def vague_value(ctx: Context):
    for key, assessment in ctx.assessments.items():
        for check in assessment.fields:
            if not check.filled:
                continue
            words = _LETTERS.findall(check.field.value.lower())
            if words and all([word in _GENERIC_WORDS for word in words]) and not _FACT.search(check.field.value):
                yield Finding(
                    "",
                    f"'{check.spec.name}' says {truncate(check.field.value, 30)!r}, which is not a fact",
                    check.field.line,
                    check.field.value_column,
                    section=key,
                )


rule(
    "HL452",
    "vague-value",
    category="quality",
    severity="warning",
    affects_score=True,
    summary="A required field holds a generic word instead of a fact.",
    rationale=""""Standard", "the usual requirements" or "see CRM" pass a non-empty check and hand over
    nothing: the receiving team has to go and ask. Write the fact, or link the exact record.""",
    bad="| Item | Detail |\n|------|--------|\n| Security/compliance | Usual requirements |",
    good="""
| Item | Detail |
|------|--------|
| Security/compliance | EU hosting (Frankfurt), DPA signed 2026-11-12, SSO with Entra ID (SAML) |""",
    example_section="Technical Context",
    check=vague_value,
)
