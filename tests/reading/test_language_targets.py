"""Targets: where a figure must get to (language/targets.py).

"Keep agency hours under 6% of payroll" is a target even when its date sits in the next field ("must be
running by June 3"); "240 staff" describes and aims at nothing; a past figure is the account's story.
Phrasings written for this test.
"""

from __future__ import annotations

import pytest

from conftest import write
from handoff_lint.reading.language.measures import unmeasured
from handoff_lint.reading.language.targets import aims, is_target
from support.tables import answers

TARGETS = [
    ("Keep agency hours under 6% of payroll", True),
    ("Quote turnaround from ~40 minutes to under 10 minutes", True),
    ("Cut the support backlog in half", True),
    ("At least 95% first-pass accuracy on the test set", True),
    ("No more than 2 hours of front-desk downtime per center", True),
    ("Reduce handle time by 20%", True),
    ("Churn from 9% to 6%", True),
    ("NPS 40 -> 55", True),
    ("Onboarding 3 weeks → 5 days", True),
    ("Bring DSO down to 40 days", True),
    ("Fewer than 3 sev-1 incidents a quarter", True),
    ("Less than 1% mis-picks", True),
    ("Double the weekly active users", True),
    ("Halve the time to first invoice (now 12 days)", True),
    ("Below 4% failed autopay runs", True),
    ("Increase renewals to 92%", True),
    ("Lower the cost per claim by $4", True),
    ("Up to 500 concurrent users at launch", True),
    ("240 staff, 190 of them hourly", False),
    ("Headcount: 310 (roughly 250 on shifts)", False),
    ("They have 3 sites in Ohio", False),
    ("90 seats, 88 active last month", False),
    ("$186k ARR over 2 years", False),
    ("Over 300 people use it every day", False),
    ("More than 40 years in business", False),
    ("I think they want under 5%", False),
    ("Maybe cut it by half, not sure", False),
    ("The goal: take matching off three AP clerks", False),
    ("Improve efficiency", False),
    ("A smooth rollout and happy users", False),
    ("Under review by legal", False),
    ("Reduce manual work", False),
]


test_a_figure_someone_aims_at_is_a_target_and_one_that_describes_or_guesses_is_not = answers(is_target, TARGETS)


# A past figure is the account's story, not a target; outside the expectations a target must read as an aim.
PAST_FIGURES = [
    "Staff numbers grew from 80 to 310 in 2024",
    "Late payments dropped by 15% after the spring price change",
    "The warehouse crew is down to 4 people since the March cuts",
    "Returns fell to under 2% last year",
    "Churn was under 5% for three quarters",
    "Onboarding time has dropped from 10 days to 4",
    "Ticket volume rose by 30% two years ago",
    "They went from 3 sites to 12 after the merger",
    "Bring 4 badges to the site visit on 9 June",
    "Bring the 2 signed copies to the workshop",
]
AIMS = [
    "They want returns under 2% by the end of Q3",
    "Goal: cut onboarding from 10 days to 4 by June",
    "Aiming to bring late payments down to 5% by Q2",
    "Target is fewer than 3 outages a quarter by go-live",
    "Get the crew's overtime under 6% by 1 September",
    "Reduce the backlog to 40 tickets by the end of May",
    "Under 1% mis-ships by the end of Q1",
    "Need to get renewals to 95% by the renewal date",
    "Halve the month-end close from 8 days by Q4",
    "Hoping to reach at least 70% adoption by the end of the pilot",
]


@pytest.mark.parametrize("text", PAST_FIGURES)
def test_a_past_figure_is_no_target(text: str) -> None:
    assert not (is_target(text) and aims(text))


@pytest.mark.parametrize("text", AIMS)
def test_a_stated_aim_is_a_target_wherever_it_is_written(text: str) -> None:
    assert is_target(text) and aims(text) and unmeasured(text) == ()


HISTORY = """\
# Handoff: Aldermoor Bakeries

## What They Bought and Why
Ordering for all 9 shops. Staff numbers grew from 80 to 310 in 2024. Late payments dropped by 15% after
the spring price change. The office team is down to 4 people since the March cuts.

## Customer Expectations
They want a smoother ordering day and happier shop managers.
"""


def test_the_account_history_is_no_success_criterion_through_the_cli(run, tmp_path):
    path = write(tmp_path, "handoff.md", HISTORY)
    result = run("check", path, "--format", "json", "--no-cache", "--type", "sales-to-cs")
    expectations = result.json()["files"][0]["categories"]["expectations"]
    assert "measurable)" not in " ".join(expectations["found"])
    aimed = HISTORY.replace("They want a smoother", "They want late payments under 5% by the end of Q3 and a smoother")
    path = write(tmp_path, "aimed.md", aimed)
    result = run("check", path, "--format", "json", "--no-cache", "--type", "sales-to-cs")
    assert "(1 measurable)" in " ".join(result.json()["files"][0]["categories"]["expectations"]["found"])


SCHEDULED_TARGETS = """\
# Handoff: Aldermoor Bakeries

## Success Criteria
1. Cutover is scheduled for 2027-05-03 with under 1% unmatched invoices
2. Launch to all 9 shops planned for end of June, late deliveries down to 3%
"""


def test_targets_that_mention_a_schedule_stay_success_criteria_through_the_cli(run, tmp_path):
    path = write(tmp_path, "handoff.md", SCHEDULED_TARGETS)
    result = run("check", path, "--format", "json", "--no-cache", "--type", "sales-to-cs")
    assert "(2 measurable)" in " ".join(result.json()["files"][0]["categories"]["expectations"]["found"])
