"""Time bounds in the calendar forms people write, and quantities beside them (language/measures.py).

A success criterion or a timeline line is bounded in time by a day without its year ("by 30 April",
"live Aug 9", "by 3/15"), a month or period ("end of March", "mid-April"), a quarter, a season ("before
summer"), a span or an event a date is set by — not by a weekday, "today" or "EOW", which date a step.
A day's number is when, not how much; a rate ("daily deploys") is a quantity only as what an aim moves
to. Phrasings written for this test: (text, has a quantity, has a time bound).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handoff_lint.reading.language.measures import has_quantity, has_time_bound

PHRASINGS = [
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


@pytest.mark.parametrize(("text", "quantity", "bound"), PHRASINGS)
def test_time_bounds_and_quantities_as_people_write_them(text, quantity, bound):
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
