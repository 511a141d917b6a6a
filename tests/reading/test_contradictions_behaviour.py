"""Dates that contradict each other: the first call on two days, the close in two quarters.

A receiver cannot act on two answers to "when". Each case is a short discovery note whose timing
section says when an event happens twice; the CLI's JSON names the contradiction in the category it
demotes (a call under the action items, the close under expectations). Another event that leads up
to it (a renewal call, a renewal notice) is no second date. Names and dates are invented.
"""

from __future__ import annotations

import pytest

from conftest import write


def note(*timing: str) -> str:
    return (
        "# Discovery notes: Fernhill Dairy\n\n## Next steps\n"
        "- [ ] Send the recap to Noor Haddad — @kai-moreno, due 2026-03-04\n"
        "- [ ] Book the technical deep dive with Tomas Reyes — @ines-duarte, due 2026-03-06\n\n"
        "## Timing\n" + "\n".join(timing) + "\n"
    )


def contradictions(run, tmp_path, text: str) -> dict[str, str]:
    """The contradiction named in each category, by category ("" where there is none)."""
    r = run("check", write(tmp_path, "note.md", text), "--format", "json", "--no-cache", "--type", "ae-to-se")
    assert r.code in (0, 1), r
    categories = r.json()["files"][0]["categories"]
    return {
        key: " ".join(m for m in category["missing"] if m.startswith("contradiction:"))
        for key, category in categories.items()
    }


CASES = [
    # (the two statements, the category, what the contradiction says; "" for none)
    (
        ("The first call is booked for 2026-03-10.", "Our discovery call is on 2026-03-17."),
        "actions",
        "the first call is given as '2026-03-10' (line 8) and as '2026-03-17' (line 9)",
    ),
    (("The first call is booked for 2026-03-10.", "The renewal call is booked for 2026-03-17."), "actions", ""),
    (("The intro call is set for March 10.", "The first call is booked for 2026-03-10."), "actions", ""),
    (
        ("Target close by June 2026.", "Expected close in Q3 2026."),
        "expectations",
        "the close is given as 'June 2026' (line 8) and as 'Q3 2026' (line 9)",
    ),
    (("Target close by June 2026.", "Expected close in Q2 2026."), "expectations", ""),
    (("Closing by end of June.", "Target close 6/30."), "expectations", ""),
    (("Target close 6/31.", "Expected close in Q3 2026."), "expectations", ""),  # no such day
    (("Ray may push the target close to Q3 2026.", "Expected close in Q3 2026."), "expectations", ""),  # the verb
    (
        ("Target close in December.", "Expected close in January 2027."),
        "expectations",
        "the close is given as 'December' (line 8) and as 'January 2027' (line 9)",
    ),
    (
        ("Target close in Q4.", "Expected close in Q1 2027."),
        "expectations",
        "the close is given as 'Q4' (line 8) and as 'Q1 2027' (line 9)",
    ),
    (("Target close in Q4 26.", "Expected close 2026-12-15."), "expectations", ""),  # a two-digit year
    (("Target close in March 2026.", "Expected close 2026-03-31."), "expectations", ""),  # the month's last day
    (
        ("Target close in March 2026.", "Expected close 2026-04-01."),
        "expectations",
        "the close is given as 'March 2026' (line 8) and as '2026-04-01' (line 9)",
    ),
    (
        ("Target close 12/15.", "Expected close 2026-11-30."),
        "expectations",
        "the close is given as '12/15' (line 8) and as '2026-11-30' (line 9)",
    ),
]


@pytest.mark.parametrize("timing, category, said", CASES)
def test_an_event_given_two_dates_that_cannot_both_hold_is_a_contradiction(run, tmp_path, timing, category, said):
    found = contradictions(run, tmp_path, note(*timing))
    assert found[category] == (f"contradiction: {said}" if said else "")
    assert not any(text for key, text in found.items() if key != category)


def test_a_contradiction_demotes_its_category_one_step(run, tmp_path):
    def expectations(name: str, timing: tuple[str, str]) -> str:
        r = run("check", write(tmp_path, name, note(*timing)), "--format", "json", "--no-cache", "--type", "ae-to-se")
        return r.json()["files"][0]["categories"]["expectations"]["status"]

    before = expectations("agreed.md", ("Target close by June 2026.", "Expected close in Q2 2026."))
    after = expectations("note.md", ("Target close by June 2026.", "Expected close in Q3 2026."))
    assert (before, after) == ("partial", "missing")


def test_a_date_in_the_year_of_the_document_compares_with_a_full_date(run, tmp_path):
    # "12/15" is read in the document's year (its first full date), so 2026-12-15 agrees with it
    found = contradictions(run, tmp_path, note("Target close 12/15.", "Expected close 2026-12-15."))
    assert found["expectations"] == ""
