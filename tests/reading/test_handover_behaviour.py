"""Who hands over to whom (language/handover.py): the types a document's opening lines allow.

Tables of the header lines and requests people write, through the public functions that handoff_types/resolve.py
types a document with. Names are invented.
"""

from __future__ import annotations

import pytest

from handoff_lint.reading.language.handover import candidate_types, sender_and_receiver, types_asked_for

OPENINGS = [
    # (opening lines, the types they allow)
    (["From: Dana Lee (AE)", "To: Omar Aziz (CSM)"], ("sales-to-cs",)),
    (["From: Dana Lee (AE) | To: Omar Aziz, CSM"], ("sales-to-cs",)),  # two labels on one line
    (["From: Tariq Bello (SDR)", "To: Dana Lee (AE)"], ("sdr-to-ae",)),
    (["From: Dana Lee (AE)"], ("ae-to-se", "sales-to-cs", "sales-to-implementation")),  # an AE hands to several
    (["To: Omar Aziz (CSM)"], ("sales-to-cs",)),
    (["From: Omar Aziz (SE)", "To: Dana Moreau (SDR)"], ()),  # a pair that is no handoff type
    (["To: Dana Moreau (SDR)"], ()),
    (["Hi team, notes below"], ()),
    (["Need you for a demo next week"], ("ae-to-se", "sdr-to-ae")),
]


@pytest.mark.parametrize("opening, types", OPENINGS)
def test_the_opening_lines_name_the_handoff_types_they_allow(opening, types):
    assert candidate_types(["Fernhill Dairy"], opening) == types


@pytest.mark.parametrize(
    "line, roles",
    [
        (["From: Dana Lee (AE)", "To: Omar Aziz (CSM)"], ("ae", "cs")),
        (["Prepared by: Kai Moreno, Account Executive", "For: Ines Duarte (SE)"], ("ae", "se")),
        (["To: Omar Aziz (CSM)", "From: Dana Lee"], (None, "cs")),  # a sender without a role
        (["Subject: Fernhill (AE) notes"], (None, None)),
    ],
)
def test_the_roles_on_from_and_to_lines(line, roles):
    assert sender_and_receiver(line) == roles


@pytest.mark.parametrize(
    "text, types",
    [
        ("Can you prep the POC request for Fernhill?", ("ae-to-se",)),
        ("POC request: Fernhill Dairy", ("ae-to-se",)),
        ("Proof of concept brief for Fernhill", ("ae-to-se",)),
        ("Need you for a demo next week", ("ae-to-se", "sdr-to-ae")),
        ("Handing it over to you for onboarding", ("sales-to-cs", "sales-to-implementation")),
        ("We need proof that it scales", ()),
        ("Thanks for everything, you were great", ()),
    ],
)
def test_the_work_asked_of_the_reader_narrows_the_type(text, types):
    assert types_asked_for(text) == types
