"""Targets: where a figure must get to (language/targets.py).

"Keep agency hours under 6% of payroll" is a target even when its date sits in the next field ("must be
running by June 3"); "240 staff" describes and aims at nothing. Phrasings written for this test.
"""

from __future__ import annotations

from handoff_lint.reading.language.targets import is_target
from support.tables import answers

TARGETS = [
    "Keep agency hours under 6% of payroll",
    "Quote turnaround from ~40 minutes to under 10 minutes",
    "Cut the support backlog in half",
    "At least 95% first-pass accuracy on the test set",
    "No more than 2 hours of front-desk downtime per center",
    "Reduce handle time by 20%",
    "Churn from 9% to 6%",
    "NPS 40 -> 55",
    "Onboarding 3 weeks → 5 days",
    "Bring DSO down to 40 days",
    "Fewer than 3 sev-1 incidents a quarter",
    "Less than 1% mis-picks",
    "Double the weekly active users",
    "Halve the time to first invoice (now 12 days)",
    "Below 4% failed autopay runs",
    "Increase renewals to 92%",
    "Lower the cost per claim by $4",
    "Up to 500 concurrent users at launch",
]
NOT_TARGETS = [
    "240 staff, 190 of them hourly",
    "Headcount: 310 (roughly 250 on shifts)",
    "They have 3 sites in Ohio",
    "90 seats, 88 active last month",
    "$186k ARR over 2 years",
    "Over 300 people use it every day",
    "More than 40 years in business",
    "I think they want under 5%",
    "Maybe cut it by half, not sure",
    "The goal: take matching off three AP clerks",
    "Improve efficiency",
    "A smooth rollout and happy users",
    "Under review by legal",
    "Reduce manual work",
]


test_a_figure_someone_aims_at_is_a_target = answers(is_target, [(text, True) for text in TARGETS])


test_a_figure_that_describes_or_a_guess_is_not_a_target = answers(is_target, [(text, False) for text in NOT_TARGETS])
