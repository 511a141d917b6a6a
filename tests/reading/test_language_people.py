"""People versus places, and the customer's people versus the seller's own team (language/people.py).

The phrasings are written for these tests, in the styles of real handoffs.
"""

from __future__ import annotations

from conftest import write
from handoff_lint.reading.language.people import is_our_side, is_place_name
from handoff_lint.reading.statements import person_names
from support.tables import answers

NAMES = [
    ("Helen Okafor — Chief Operating Officer, sponsor of the deal", ["Helen Okafor"]),
    ("Aisha Rahman, Head of Payroll Operations, is our champion", ["Aisha Rahman"]),
    ("Main office is Thornbury House by the river gate", []),
    ("Registered office in Coventry (Colmore Row)", []),
    ("Finance sits in the Boulder Office", []),
    ("The Leeds Site runs the night shift", []),
    ("Knows Intacct inside out", []),
    ("Owns Entra ID and the network", []),
    ("Kenji Watanabe (IT) owns Okta", ["Kenji Watanabe"]),
    ("Dr. Amara Okafor signed the order form", ["Amara Okafor"]),
    ("Meet at Harbour Quay at 10", []),
    ("Ray Quintero, CFO — signed", ["Ray Quintero"]),
]


PLACES = [
    ("Thornbury House", True),
    ("Colmore Row", True),
    ("Boulder Office", True),
    ("Leeds Site", True),
    ("Canal Street", True),
    ("Knows Intacct", True),
    ("Helen Okafor", False),
    ("Jo Whitlock", False),
    ("Hui Min Tran", False),
    ("Mark Ellery", False),
]


OURS = [
    ("From us: Felix (AE) and Hannah (SE)", True),
    ("Dominic Reyes (our solutions architect) is available for the webhook question", True),
    ("Dana Lee, our CSM, joins the kickoff", True),
    ("Internal: Priya runs the demo", True),
    ("Rory is our AE and stays through go-live", True),
    ("From our side, Sam Ortiz handles pricing", True),
    ("Noor Haddad (our implementation lead)", True),
    ("Marguerite Holt, VP Member Services — our champion", False),  # the customer's champion
    ("Ray Quintero, CFO — signed", False),
    ("Their IT manager, Sven Lund, was sceptical", False),
    ("Helen asks for a short written update each fortnight", False),
    ("Jo is the unofficial voice of the site managers", False),
]


def test_a_heading_about_our_team_makes_its_people_ours():
    assert is_our_side("Sam Ortiz — AE", heading="Our side")
    assert not is_our_side("Sam Ortiz — CFO", heading="Their side")


MEMO = """
# Handover: Corrow Mills

## Account

Corrow Mills runs 3 paper mills in Maine with 1,200 staff and $340M revenue; $72,000 ARR, 3-year term.

## People

- Ines Carvalho, Plant Director — champion, runs the evaluation day to day.
- Sponsor: the Skowhegan Office (budget sits there).
- Our side: Sam Ortiz (AE) and Dana Lee (our CSM, executive sponsor on our side).
"""


def test_our_own_team_and_a_place_are_not_the_customers_sponsor(run, tmp_path):
    result = run(write(tmp_path, "corrow.md", MEMO), "--format", "json", "--no-cache", "--type", "sales-to-cs")
    relationship = result.json()["files"][0]["categories"]["relationship"]
    people = " ".join(relationship["found"])
    assert "Ines Carvalho" in people
    for not_theirs in ("Sam Ortiz", "Dana Lee", "Skowhegan"):
        assert not_theirs not in people, relationship


# The tables above, each read by the function it describes (one case a row).
test_a_person_is_named_and_a_place_is_not = answers(person_names, NAMES, read=list)
test_a_place_name_is_not_a_person = answers(is_place_name, PLACES)
test_the_sellers_own_team_is_told_from_the_customers_people = answers(is_our_side, OURS)
