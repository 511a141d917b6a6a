"""compile_on_use: a pattern compiled at first use answers exactly as re.compile's would (issue 26, item 4)."""

from __future__ import annotations

import copy
import pickle
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handoff_lint.lazy_pattern import compile_on_use

PATTERNS = [
    (r"\b(?:due|by|before)\b[:\s]*(.*)$", re.I),
    (r"(?P<who>@?[A-Z][a-z]+)(?:\s*[—–:])", 0),
    (r"[\\`\[\]<>&|$]|:(?=//)", 0),
    (r"^\W*(?:agenda|topics?)\b[^:\n]{0,40}:\W*$", re.I | re.M),
]
TEXTS = st.text(alphabet="abdeuyADUT @:—–`[]<>&|$/\n\t.", max_size=40)


def _answers(pattern, text: str) -> list:
    """Everything a caller can ask a pattern, as plain values."""
    found = pattern.search(text)
    matched = pattern.match(text)
    return [
        found and (found.span(), found.groups()),
        matched and (matched.span(), matched.groups()),
        bool(pattern.fullmatch(text)),
        [m.span() for m in pattern.finditer(text)],
        pattern.findall(text),
        pattern.sub("<>", text),
        pattern.subn(lambda m: m.group(0).upper(), text),
        pattern.split(text),
        (pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex)),
    ]


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
@given(text=TEXTS)
def test_answers_as_the_compiled_pattern(source, flags, text):
    assert _answers(compile_on_use(source, flags), text) == _answers(re.compile(source, flags), text)


def test_compiles_once_on_first_use_and_not_before():
    lazy = compile_on_use(r"[a-z]+\d")
    copy.copy(lazy), repr(lazy)  # neither compiles
    assert "search" not in vars(lazy)
    assert lazy.search("ab1").group(0) == "ab1"
    kept = vars(lazy)["search"]
    lazy.findall("x1 y2")
    assert vars(lazy)["search"] is kept  # the compiled pattern's method, found without __getattr__ from now on


def test_an_invalid_pattern_fails_when_used_as_re_would():
    broken = compile_on_use(r"(unclosed")
    with pytest.raises(re.error):
        broken.search("x")


def test_survives_pickling_before_use():
    """Worker processes receive configs, not patterns; still, a copy must not be a broken pattern."""
    restored = pickle.loads(pickle.dumps(compile_on_use(r"\d+")))
    assert restored.findall("a1b22") == ["1", "22"]
