"""Sensitive data never enters git history: a handoff repository is forever."""

from __future__ import annotations

import re

from ..findings import Finding
from .registry import Context, rule

_SECRETS = [
    ("a private key", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")),
    ("an AWS access key", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("a GitHub token", re.compile(r"\bgh[pousr]_[A-Za-z0-9]{30,}\b")),
    ("a Slack token", re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}\b")),
    ("a Stripe secret key", re.compile(r"\b[rs]k_(?:live|test)_[A-Za-z0-9]{16,}\b")),
    ("a Google API key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b")),
    ("a password", re.compile(r"\b(?:password|passwd|pwd|passcode)\b\s*(?:[:=]|\bis\b)\s*\S{4,}", re.I)),
    (
        "an API key or token",
        re.compile(
            r"\b(?:api[_ -]?key|secret|access[_ -]?token|auth[_ -]?token|bearer)\b"
            r"\s*[:=]\s*['\"]?[A-Za-z0-9_\-./+]{12,}",
            re.I,
        ),
    ),
    ("a US social security number", re.compile(r"\b(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}\b")),
    (
        "a UK National Insurance number",
        re.compile(r"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b"),
    ),
]
_CARD = re.compile(r"(?<![\d+-])(?:\d[ -]?){12,18}\d(?![\d-])")


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


@rule(
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
)
def sensitive_data(ctx: Context):
    for number, line in enumerate(ctx.doc.lines, start=1):
        for label, pattern in _SECRETS:
            match = pattern.search(line)
            if match:
                yield Finding(
                    "", f"looks like {label}; remove it and rotate it if it was real", number, match.start() + 1
                )
        for match in _CARD.finditer(line):
            if _is_card(match.group(0)):
                yield Finding("", "looks like a payment card number; remove it", number, match.start() + 1)
