"""Which language a handoff is written in (language/human_language.py): the judges read English only.

A German handoff must be named as German (its score is not meaningful), a short or list-like text
says nothing of its language, and a German text quoting an English phrase is still German.
"""

from __future__ import annotations

import pytest

from handoff_lint.reading.language.human_language import MIN_WORDS, foreign_language

GERMAN = (
    "Der Kunde ist mit dem Angebot sehr zufrieden und wir haben die Einführung für den ersten Juli geplant. "
    "Die Geschäftsführung hat das Budget freigegeben und der IT-Leiter prüft noch die Schnittstellen zu SAP. "
    "Wir sind auf einem guten Weg und die Schulung der Anwender beginnt im Juni mit zwei Terminen pro Woche."
)


def words(text: str, count: int) -> str:
    """The first ``count`` + 1 words of ``text``: ``count`` spaces, as the detector counts tokens."""
    return " ".join(text.split(" ")[: count + 1])


@pytest.mark.parametrize(
    "text, language",
    [
        (GERMAN, "German"),
        (GERMAN + " Projektname: the Harbour rollout.", "German"),  # one English phrase quoted
        (words(GERMAN, MIN_WORDS), "German"),  # just long enough to tell
        (words(GERMAN, MIN_WORDS - 1), None),  # too short to tell
        ("Dana Lee 2026 Martin Hale 2027 Aisha Khan 4 Leo Grant 12 Priya Shah 7 " * 4 + "und die", None),
        ("The customer signed the order form and the kickoff is booked for the first week of July. " * 3, None),
    ],
)
def test_a_handoff_in_a_language_the_judges_do_not_read_is_named(text, language):
    assert foreign_language(text) == language
