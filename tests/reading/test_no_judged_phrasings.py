"""The reading tests' phrasings are written for the tests, not copied from the judged documents.

A phrasing lifted from a judged document turns a fidelity figure into a memory test (issue 22). Any run of
six or more words that a string in tests/reading/*.py shares with a document of tests/data/judged/ is
reported by the test's own text only: the judged documents are never printed (the held-out folds stay unread).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

HERE = Path(__file__).parent
JUDGED = HERE.parent / "data" / "judged"
RUN = 6
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


# Common English ("before the end of the month") is nobody's phrasing: a run counts when at least three of
# its words are not among these.
_COMMON = frozenset(
    """a an the of to in on at by for from with and or but is are was were be been it its this that these
    they them their we our us you your i he she her him his me my as if so then than not no do does did
    have has had will would should could can may might up out over under into about after before end
    month week day year""".split()
)


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    runs = (tuple(words[i : i + RUN]) for i in range(len(words) - RUN + 1))
    return {run for run in runs if sum(w not in _COMMON for w in run) >= 3}


def _judged_runs() -> set[tuple[str, ...]]:
    runs: set[tuple[str, ...]] = set()
    for path in sorted(JUDGED.rglob("*.md")):
        runs |= _runs(_words(path.read_text(encoding="utf-8")))
    return runs


def _test_strings(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.value


def shared_phrasings() -> list[str]:
    """Each test string that shares a run of six words with a judged document, as the test writes it."""
    judged = _judged_runs()
    found = []
    for path in sorted(HERE.glob("*.py")):
        for text in _test_strings(path):
            if _runs(_words(text)) & judged:
                found.append(f"{path.name}: {text[:120]!r}")
    return found


def test_no_reading_test_copies_a_judged_document():
    assert JUDGED.is_dir() and any(JUDGED.rglob("*.md"))
    assert shared_phrasings() == []
