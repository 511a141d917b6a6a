"""Quantities and time bounds: what makes a success criterion measurable (language/measures.py).

Each phrasing, written for this test, with whether it carries a quantity and whether it carries a time
bound. A criterion needs both; "improve efficiency" has neither. A time bound is a day without its year
("by 30 April", "by 3/15"), a month or period ("end of March", "mid-April"), a quarter, a season ("before
summer"), a span or an event a date is set by — not a weekday, "today" or "EOW", which date a step. A day's
number is when, not how much; a rate ("daily deploys") is a quantity only as what an aim moves to.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handoff_lint.reading.language.measures import has_quantity, has_time_bound, unmeasured
from support.tables import answers

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
    # time bounds in the calendar forms people write
    # a day without its year
    ("Decision by 30 April", False, True),
    ("Install may begin on 4 August", False, True),
    ("Pilot centers live Aug 9", False, True),
    ("Wave 2 live Sep 13 at the 19 remaining centers", True, True),
    ("First warehouses live by 3/15", False, True),
    ("Overdue balance under $150k by Jan 31", True, True),
    ("Signed by the 18th of December", False, True),
    ("Has to be running by June 3 for the new intake", False, True),
    # a month, a period, a quarter, a season
    ("Under 1% pick errors by end of Q2", True, True),
    ("Go-live mid-April", False, True),
    ("Training finished by early March", False, True),
    ("Aiming for daily deploys by summer", True, True),
    ("Live before the spring enrolment window", False, True),
    ("Everything migrated before peak season in the fall", False, True),
    ("Budget decision in March", False, True),
    # an event a date is set by
    ("Sign-off before the board meeting", False, True),
    ("Data export ahead of the cutover", False, True),
    # spans that also count
    ("Month-end close in five days by Q2 2027", True, True),
    ("Handle time under 4 h/week", True, False),
    ("Weekly reporting from week 1", False, True),
    # a rate is a quantity as the object of an aim, not alone (the second reader's probes)
    ("Nightly sync of the roster", False, False),
    ("A release every sprint", False, False),
    ("Hourly backups", False, False),
    ("Moving to a release every sprint", True, False),
    ("Switch to hourly backups", True, False),
    # not time bounds: a step's day, a meeting, the past, nothing
    ("Send the deck on Friday", False, False),
    ("Book it today", False, False),
    ("Done by EOW", False, False),
    ("We discussed it on the call", False, False),
    ("They may expand the team", False, False),
    ("A smooth rollout and happy families", False, False),
    ("Pick errors run 2.4% of orders", True, False),
    ("240 staff across 5 taprooms", True, False),
    ("Available 24/7", True, False),
]


@pytest.mark.parametrize(("text", "quantity", "bound"), CRITERIA)
def test_a_criterion_has_a_quantity_and_a_time_bound(text, quantity, bound):
    assert (has_quantity(text), has_time_bound(text)) == (quantity, bound)


MONTHS = ["January", "February", "March", "April", "June", "July", "August", "September", "October", "November"]


@given(st.sampled_from(MONTHS), st.integers(min_value=1, max_value=28), st.sampled_from(["by", "before", "on"]))
def test_any_day_of_a_named_month_bounds_a_target_and_is_no_quantity(month, day, word):
    """ "by 14 March", "before March 14", "on Mar 14": the day is when; the target still needs its figure."""
    for phrase in (f"{day} {month}", f"{month} {day}", f"{month[:3]} {day}"):
        text = f"All sites live {word} {phrase}"
        assert has_time_bound(text), text
        assert not has_quantity(text), text
        assert has_quantity(f"12 sites live {word} {phrase}"), text


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=13, max_value=28))
def test_a_slashed_day_without_its_year_bounds_a_target(month, day):
    assert has_time_bound(f"Go-live by {month}/{day}")
    assert not has_quantity(f"Go-live by {month}/{day}")


# A rate ("daily", "weekly") is a figure only as what an aim moves to, never beside a vague comparative;
# every phrasing has its time bound, so the row says whether the criterion is measurable.
RATES = [
    ("Aiming for daily deploys by the end of Q3", True),
    ("Move to weekly releases by June 2027", True),
    ("Switch to nightly syncs before go-live", True),
    ("Going to hourly inventory updates by 1 March", True),
    ("Aim at fortnightly payroll exports by Q2", True),
    ("Better daily reporting by Q2", False),
    ("Weekly wins for the front desk before summer", False),
    ("Smoother nightly batches by the end of March", False),
    ("Improved weekly dashboards by Q4", False),
    ("Happier daily standups before summer", False),
    ("Move to better weekly reviews by Q1", False),
    ("Daily reporting for the clinics by April", False),
    ("Easier hourly checks by the end of May", False),
]


test_a_rate_is_a_figure_as_what_an_aim_moves_to_not_in_a_wish = answers(
    unmeasured, RATES, read=lambda missing: missing == ()
)
