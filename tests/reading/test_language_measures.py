"""Quantities and time bounds: what makes a success criterion measurable (language/measures.py).

Each phrasing, written for this test, with whether it carries a quantity and whether it carries a time
bound. A criterion needs both; "improve efficiency" has neither.
"""

from __future__ import annotations

import pytest

from handoff_lint.reading.language.measures import has_quantity, has_time_bound

CRITERIA = [
    ("Touchless rate at least 70% by 2027-03-31", True, True),
    ("Errors down 40% by Q3 2026", True, True),
    ("Month-end close in 7 working days by December 2027", True, True),
    ("Under 4% failed autopay within 90 days", True, True),
    ("All 14 schools live by 1 September 2027", True, True),
    ("Response time under 2 hours in H1 2027", True, True),
    ("Three clinics live in FY27", True, True),
    ("Twelve sites live by week 6", True, True),
    ("Double the weekly active users by month 6", True, True),
    ("Invoices approved in 3 days, not 9", True, True),
    ("Cut DSO from 52 to 40 days by Q4", True, True),
    ("Within 6 months, 50 active users", True, True),
    ("Go live by Q3 2026", False, True),
    ("Kickoff within two weeks of signature", False, True),
    ("Go-live by end of March", False, True),
    ("Renewal in March", False, True),
    ("Go-live in May", False, True),
    ("T+30 review of adoption", False, True),
    ("Sign-off by 2026-12-01", False, True),
    ("Builds take 40 minutes", True, False),
    ("Churn went from 9% to 6%", True, False),
    ("Cut manual touches by half", True, False),
    ("Budget of €50k", True, False),
    ("NPS 47 at the last survey", True, False),
    ("99.9% uptime", True, False),
    ("Save $120k a year", True, False),
    ("5 sites", True, False),
    ("Improve efficiency", False, False),
    ("Someone will follow up", False, False),  # "one" inside a word is no number
    ("Reduce no-shows", False, False),
    ("Better reporting for the CFO", False, False),
    ("Shorter onboarding", False, False),
    ("Faster quotes", False, False),
    ("We may grow the team", False, False),  # the modal is not May
]


@pytest.mark.parametrize(("text", "quantity", "bound"), CRITERIA)
def test_a_criterion_has_a_quantity_and_a_time_bound(text, quantity, bound):
    assert (has_quantity(text), has_time_bound(text)) == (quantity, bound)
