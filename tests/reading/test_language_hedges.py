"""Hedges: the writer is guessing (language/hedges.py). Phrasings written for these tests."""

from __future__ import annotations

from conftest import write
from handoff_lint.reading.language.hedges import is_hedged
from support.tables import answers

HEDGES = [
    ("I think it's on-prem", True),
    ("I *think* they're chatting with a rival", True),
    ("I believe the contract is three years", True),
    ("I'd guess they'd settle for 3 days", True),
    ("Not sure who chairs the board now", True),
    ("not 100% sure of the file format", True),
    ("Probably Q3, depending on the board", True),
    ("Maybe 40 seats to start", True),
    ("Possibly SAP, possibly Dynamics", True),
    ("Go-live Oct 6?", True),
    ("Renewal in March (?)", True),
    ("Apparently their IT team is two people", True),
    ("Supposedly the budget is approved", True),
    ("As far as I know they use Okta", True),
    ("IIRC the export is nightly", True),
    ("The parts ledger might be held at head office", True),
    ("Single sign-on exists already, so it ought to be easy. Not confirmed.", True),
    ("Volume unknown", True),
    ("Data residency unclear", True),
    ("Haven't checked whether the licence includes API access", True),
    ("Need to double-check the seat count", True),
    ("Seems like the CFO is on board", True),
    ("Rumours of a reorg in Q2", True),
    ("Format TBC", True),
    ("They run Epicor Kinetic in the cloud", False),
    ("About 900 staff across 14 clinics", False),  # an estimate is still an answer
    ("Renewal is 30 Nov", False),
    ("SSO via Entra ID; MFA enforced", False),
    ("Dolores signs anything over $10k", False),
    ("The thinking behind the pilot is speed", False),
    ("Maybelline Ortiz runs IT", False),
    ("May 15 go-live", False),
    ("Probability of churn is low per the health score", False),
]


GUESSED = """
# Tessell Foods — handover to SE

## Tech

- I think they run SAP, maybe Dynamics.
- Not sure whether the EDI feed is AS2 or SFTP.
- Probably on-prem, IIRC.
"""


def test_a_technical_picture_of_guesses_is_not_complete(run, tmp_path):
    result = run(write(tmp_path, "tessell.md", GUESSED), "--format", "json", "--no-cache", "--type", "ae-to-se")
    assert result.code in (0, 1), result
    technical = result.json()["files"][0]["categories"]["technical"]
    assert technical["status"] != "complete", technical
    assert any("unconfirmed" in item for item in technical["missing"]), technical


# The tables above, each read by the function it describes (one case a row).
test_a_guess_is_a_hedge_and_a_fact_is_not = answers(is_hedged, HEDGES)
