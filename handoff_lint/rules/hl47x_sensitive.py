"""Sensitive data never enters git history: a handoff repository is forever."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass

from handoff_lint.model.findings import Finding
from handoff_lint.rules.registry import Context, rule
from handoff_lint.text import contains_any


@dataclass(frozen=True)
class _Secret:
    """One kind of secret: how it is written, and what rules out a match that only looks like one."""

    label: str
    pattern: re.Pattern
    any_case: bool = False  # matched in the lower-cased text, and needs a word boundary only before it
    starts_before: int = 0  # characters a match starts before its pattern's first (a look-behind)
    issued: Callable[[str], bool] = lambda token: True  # False for a number that is never issued
    needs_digits_then: str = ""  # only where a run of six digits or more ends before one of these letters
    needs_any: tuple[str, ...] = ()  # only in a text that contains one of these (lower case): a cheap first look
    hint: str = "remove it and rotate it if it was real"  # an ID number cannot be rotated: "remove it"


_SSN_NEVER_ISSUED = re.compile(r"^(?:000|666|9\d\d)|-00-|-0000$")
_NI_NEVER_ISSUED = frozenset({"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"})


def _ssn_issued(token: str) -> bool:
    return not _SSN_NEVER_ISSUED.search(token)


def _ni_issued(token: str) -> bool:
    return token[:2] not in _NI_NEVER_ISSUED


# Patterns start with a literal or a plain character class and word boundaries are checked on the
# few matches afterwards: a leading \b makes Python's regex engine try every position, which cost ten
# times more on a typical handoff.
_SECRETS = [
    _Secret("a private key", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")),
    _Secret("an AWS access key", re.compile(r"A(?:KIA|SIA)[0-9A-Z]{16}")),
    _Secret("a GitHub token", re.compile(r"gh[pousr]_[A-Za-z0-9]{30,}")),
    _Secret("a Slack token", re.compile(r"xox[abprs]-[A-Za-z0-9-]{10,}")),
    # From the "k", the "r" or "s" looked behind: the engine jumps from "k" to "k", not from every r and s.
    _Secret("a Stripe secret key", re.compile(r"k(?<=[rs]k)_(?:live|test)_[A-Za-z0-9]{16,}"), starts_before=1),
    _Secret("a Google API key", re.compile(r"AIza[0-9A-Za-z_-]{35}")),
    _Secret("a password", re.compile(r"p(?:ass(?:word|wd|code)|wd)\s*(?:[:=]|\bis\b)\s*\S{4,}"), any_case=True),
    _Secret(
        "an API key or token",
        re.compile(
            r"(?:api[_ -]?key|secret|access[_ -]?token|auth[_ -]?token|bearer)\s*[:=]\s*['\"]?[a-z0-9_\-./+]{12,}"
        ),
        any_case=True,
        needs_any=("api", "secret", "token", "bearer"),  # one is in every keyword above
    ),
    # The dash first, the three digits before it looked behind: the engine jumps from dash to dash
    # instead of trying every digit (8× faster on a handoff full of figures).
    _Secret(
        "a US social security number",
        re.compile(r"-(?<=\d{3}-)\d{2}-\d{4}"),
        starts_before=3,
        issued=_ssn_issued,
        hint="remove it",
    ),
    _Secret(
        "a UK National Insurance number",
        re.compile(r"[A-CEGHJ-PR-TW-Z]{2} ?\d\d ?\d\d ?\d\d ?[A-D]"),
        issued=_ni_issued,
        hint="remove it",
        needs_digits_then="ABCD",  # its six digits end a run, and its final letter follows that run
    ),
]
_CARD = re.compile(r"\d(?:[ -]?\d){12,18}")
# Card and National Insurance numbers lie inside a run of digits, spaces and dashes. Finding the runs
# first (one attempt per run, not one per digit) and scanning only the runs that could hold one costs
# a fraction of scanning the file from every digit: the same matches, since neither pattern can match
# across a character outside such a run.
_NUMBER_RUN = re.compile(r"\d[\d -]*")


def _starts_word(text: str, start: int) -> bool:
    return start == 0 or not text[start - 1].isalnum()


def _standalone(text: str, start: int, end: int) -> bool:
    """Not part of a longer word or number (the \b the patterns leave out)."""
    return _starts_word(text, start) and (end == len(text) or not text[end].isalnum())


def _luhn(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _is_card(token: str) -> bool:
    digits = re.sub(r"\D", "", token)
    issuer = re.match(r"4|5[1-5]|2[2-7]|3[47]|6(?:011|5)", digits)
    return 13 <= len(digits) <= 19 and bool(issuer) and _luhn(digits)


def sensitive_data(ctx: Context):
    text = "\n".join(ctx.doc.lines)
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer: keep offsets right
        lowered = text
    runs = [match.span() for match in _NUMBER_RUN.finditer(text) if match.end() - match.start() >= 6]
    letters_after_runs = {text[end] for _start, end in runs if end < len(text)}
    found = []
    for secret in _SECRETS:
        if secret.needs_digits_then and letters_after_runs.isdisjoint(secret.needs_digits_then):
            continue
        if secret.needs_any and not contains_any(lowered, secret.needs_any):
            continue
        for match in secret.pattern.finditer(lowered if secret.any_case else text):
            start, end = match.span()
            start -= secret.starts_before
            # "password: x…" needs a word boundary before the keyword; a key or number on both sides.
            bounded = _starts_word(text, start) if secret.any_case else _standalone(text, start, end)
            if bounded and secret.issued(text[start:end]):
                found.append((start, f"looks like {secret.label}", secret.hint))
    card_runs = [(start, end) for start, end in runs if end - start >= 13]  # 13 digits at least
    for match in (match for start, end in card_runs for match in _CARD.finditer(text, start, end)):
        start, end = match.span()
        if (start == 0 or text[start - 1] not in "+-") and _standalone(text, start, end) and _is_card(match.group(0)):
            found.append((start, "looks like a payment card number", "remove it"))
    if not found:
        return
    starts = [0]  # offset of each line, to turn a match offset into line and column
    for line in ctx.doc.lines:
        starts.append(starts[-1] + len(line) + 1)
    seen_lines = set()
    for offset, message, hint in sorted(found):
        line = bisect.bisect_right(starts, offset)
        if (line, message) not in seen_lines:  # one finding per kind and line
            seen_lines.add((line, message))
            yield Finding("", message, line, offset - starts[line - 1] + 1, hint=hint)


rule(
    "HL470",
    "sensitive-data",
    category="quality",
    severity="error",
    needs_type=False,
    summary="A password, key, token, card number or national ID number is in the handoff.",
    rationale="""Once committed, a secret stays in git history even after the line is deleted; every
    clone and fork has it. Credentials belong in a secrets manager and payment or identity data in
    the systems built for it. Code blocks and comments are checked too: they are in history as
    well. The matched value is never printed.""",
    bad="Sandbox login: admin / password: Tr0ub4dor&3",
    good="Sandbox login: in 1Password, vault 'Northwind onboarding'",
    check=sensitive_data,
)
