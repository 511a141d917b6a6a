"""Text helpers shared by the parser, the section matcher and the rules.

Heading and label normalisation lives here so that "## 2. Customer Expectations",
"### 🚩 Risk flags (as of March)" and "Stakeholders & Champions" compare the way a reader would.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NUMBERING = re.compile(
    r"^\s*(?:(?:step|section|part)\s+)?(?:\d+(?:\.\d+)*|[ivx]+|[a-z])[.):]\s+|^\s*\d+(?:\.\d+)*\s+", re.I
)
_MARKUP = re.compile(r"(\*\*|__(?<!\w__)|__(?!\w)|\*|`|~~)")  # "__" inside a word is a name: "Pain__c"
_LINK = re.compile(r"\[([^\[\]\n]{0,300})\]\([^)\n]{0,2000}\)")
_NON_WORD = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")


_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def strip_markup(text: str) -> str:
    """Remove inline Markdown emphasis, link targets and backslash escapes (Google Docs: ``1\\.``)."""
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "*" in text or "_" in text or "`" in text or "~" in text:
        text = _MARKUP.sub("", text)
    return text.strip()


_ASCII_SYMBOLS = {i: None for i in range(128) if unicodedata.category(chr(i)).startswith(("S", "C"))}


def _drop_symbols(text: str) -> str:
    # Emoji, arrows and other symbols carry no meaning for matching.
    if text.isascii():  # the common case, without a per-character category lookup
        return text.translate(_ASCII_SYMBOLS)
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith(("S", "C")))


# The same headings, labels and values recur in every handoff of a type: normalising is cached.
@lru_cache(maxsize=16384)
def normalize_heading(text: str) -> str:
    """Lowercase words of a heading: no numbering, emoji, trailing parenthetical or punctuation."""
    text = strip_markup(text)
    text = _drop_symbols(text)
    text = _NUMBERING.sub("", text)
    return normalize_label(_drop_trailing_parentheticals(text))


def _drop_trailing_parentheticals(text: str) -> str:
    """ "Risk flags (as of March) (draft)" -> "Risk flags" (linear: no backtracking regex)."""
    text = text.rstrip()
    while text.endswith((")", "]")):
        opening = text.rfind("(" if text.endswith(")") else "[")
        if opening <= 0:
            break
        text = text[:opening].rstrip()
    return text


@lru_cache(maxsize=16384)
def normalize_label(text: str) -> str:
    """Lowercase words of a field label or column name, ``&`` read as ``and``."""
    text = strip_markup(text)
    text = _drop_symbols(text).replace("&", " and ").replace("+", " and ")
    text = _NON_WORD.sub(" ", text.lower()).replace("_", " ")
    return _SPACES.sub(" ", text).strip()


def contains_any(text: str, pieces) -> bool:
    """Whether ``text`` contains one of ``pieces``: the cheap first look before a costlier pattern.

    A loop, not ``any(generator)``: it runs for nearly every statement (CONTRIBUTING.md)."""
    for piece in pieces:
        if piece in text:
            return True
    return False


_UNESCAPED_PIPE = re.compile(r"\|(?<!\\\|)")  # the pipe, then the look behind it: the engine jumps to pipes


def split_at_pipes(row: str) -> list[str]:
    """The raw pieces of a table row between its pipes; a pipe right after a backslash stays in its piece."""
    return _UNESCAPED_PIPE.split(row) if "\\" in row else row.split("|")


def truncate(text: str, limit: int = 60) -> str:
    """Shorten a value quoted in a message (values may be long, or personal data)."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
