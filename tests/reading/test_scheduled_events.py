"""A meeting already on the calendar is a dated fact, not a step to take or a target (language/dates.py).

"The demo is booked Mar 3" dates the timeline; "Book the demo for Mar 3" is a step someone must take.
Phrasings written for this test.
"""

from __future__ import annotations

import pytest

from handoff_lint.reading.language.dates import is_scheduled_event

SCHEDULED = [
    "The demo is booked Mar 3, 45 minutes, Zoom",
    "Kickoff scheduled 2027-02-09",
    "Discovery call booked Thursday 10am",
    "Onboarding session scheduled 12/18",
    "Workshop calendared March 14",
    "QBR booked for 4 May",
    "The kickoff is scheduled for 2027-02-09",
    "Go-live call set for Friday 12/18",
    "Training confirmed for Jan 12",
    "Site visit locked in for 22 June",
    "Steerco planned for the 3rd of March",
    "Demo happening on Tuesday",
    "Renewal review already booked on Nov 30",
    "The readout is on the calendar for Fri 26 March",
    "Executive briefing taking place on 9 April",
    "Call booked Mon 9am PT",
]
NOT_SCHEDULED = [
    "Book the demo for Mar 3",
    "Schedule the kickoff by Friday",
    "We scheduled the training",
    "Please book the QBR",
    "The demo went well",
    "Demo booked",
    "Scheduled maintenance windows are on Sundays",
    "Kickoff to be scheduled",
    "Set up SSO before go-live",
    "Confirm the date with Rosa",
    "Booked revenue of $40k",
    "Calendar access is needed for the integration",
    "Demo is scheduled",
    "Someone should book the workshop",
]


@pytest.mark.parametrize("text", SCHEDULED)
def test_a_meeting_on_the_calendar_is_a_dated_fact(text):
    assert is_scheduled_event(text)


@pytest.mark.parametrize("text", NOT_SCHEDULED)
def test_a_step_to_book_or_an_undated_booking_is_not(text):
    assert not is_scheduled_event(text)
