"""A relationship section that names our AE and the customer's economic buyer in one bullet earns what the
same section earns with the two in separate bullets (issue 22): the seller's people are left out person
by person, so the buyer beside our AE keeps the role. Linted through the CLI; the handoff is invented."""

from __future__ import annotations

from support.edited_example import linted

HANDOFF = """\
# Customer Handoff: Kestrel Joinery

## Customer Overview
Kestrel Joinery makes fitted kitchens in 4 workshops with 260 staff; $52,000 ARR over 2 years, signed 2027-02-03.

## What They Bought and Why
Scheduling for the 4 workshops: jobs are planned on whiteboards and 1 in 6 installs slips a week.

## Stakeholders
{people}
- Corin Blake, Workshop Planning Lead — champion, ran the trial
- Edda Morrow, Head of IT — sceptical of another cloud tool, owns single sign-on

## Next Steps
- [ ] Book the kickoff with Corin Blake — @ilse-varga, due 2027-02-10
"""

ONE_BULLET = "- Our AE: Tobias Wren; Maren Holt, CFO — economic buyer, signed the order form"
TWO_BULLETS = "- Our AE: Tobias Wren\n- Maren Holt, CFO — economic buyer, signed the order form"


def _relationship(run, tmp_path, people: str) -> tuple[dict, dict]:
    entry = linted(run, tmp_path, HANDOFF.format(people=people), "sales-to-cs")
    return entry, entry["categories"]["relationship"]


def test_our_ae_and_their_buyer_in_one_bullet_earn_what_two_bullets_earn(run, tmp_path):
    one, one_relationship = _relationship(run, tmp_path, ONE_BULLET)
    two, two_relationship = _relationship(run, tmp_path, TWO_BULLETS)
    assert any("Maren Holt" in f for f in two_relationship["found"]), two_relationship
    assert one_relationship["status"] == two_relationship["status"]
    assert one["score"] == two["score"]
    for found in (one_relationship["found"], two_relationship["found"]):
        assert not any("Tobias Wren" in f for f in found), found
        assert any(f.startswith("executive sponsor") and "Maren Holt" in f for f in found), found
