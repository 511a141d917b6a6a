"""How the technical judge grades one element: a named system is enough, bare numbers or a guess are not.

Each case rewrites the good sales-to-cs example's Technical Context to one labelled line per element,
so what the receiver reads under "integration requirements" is the only thing that changes.
"""

from __future__ import annotations

import pytest

from support.edited_example import linted


def judged(run, tmp_path, text: str) -> dict:
    return linted(run, tmp_path, text, "sales-to-cs")["categories"]


OTHERS = (
    "Data migration: 2,100 active suppliers and open POs from NetSuite\n\n"
    "Security/compliance: EU hosting in Frankfurt, SSO with Microsoft Entra ID"
)


def integrations(run, tmp_path, lines: str) -> dict:
    """The technical category's JSON of a short handoff with ``lines`` as all it says about integrations."""
    text = f"# Customer Handoff: Northwind Traders\n\n## Technical Context\n\n{lines}\n\n{OTHERS}\n"
    return judged(run, tmp_path, text)["technical"]


def found_for(technical: dict, element: str) -> str:
    return " ".join(f for f in technical["found"] if f.startswith(element))


@pytest.mark.parametrize(
    "lines, usable",
    [
        # one statement naming the system is a requirement the receiver can act on
        ("Integration requirements: the Ledgerly connector into NetSuite OneWorld", True),
        # counts without a named system say how much, not what to connect
        ("Integration requirements: about 2,000 invoices and 14 approvers a month", False),
        # a named system and a guess beside it: the named one still answers
        (
            "Integration requirements: the Ledgerly connector into NetSuite OneWorld\n\n"
            "Integration notes: I think they may also want an API export, not sure",
            True,
        ),
    ],
)
def test_one_named_system_makes_an_integration_usable_and_bare_numbers_do_not(run, tmp_path, lines, usable):
    technical = integrations(run, tmp_path, lines)
    missing = " ".join(technical["missing"])
    assert ("integration" in missing and "unconfirmed" in missing) is not usable
    if usable:
        assert "1 specific" in found_for(technical, "integration")


def test_a_long_plain_sentence_under_the_topic_is_a_requirement_though_unconfirmed(run, tmp_path):
    """Nine words of plain requirement with no name or number: said, so thin, not "not found"."""
    technical = integrations(run, tmp_path, "Integration requirements: approvals flow into the finance system nightly")
    missing = " ".join(technical["missing"])
    assert "not found" not in [m.split(": ", 1)[-1] for m in technical["missing"] if "integration" in m]
    assert "integration" in missing


def test_filler_under_the_topic_is_not_a_requirement(run, tmp_path):
    technical = integrations(
        run, tmp_path, "Integration requirements: we will keep an eye on it and follow up as needed later on"
    )
    assert "integrations: not found" in technical["missing"]
