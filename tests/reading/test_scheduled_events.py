"""A meeting already on the calendar is a dated fact, not a step to take or a target (language/dates.py).

"The demo is booked Mar 3" dates the timeline; "Book the demo for Mar 3" is a step someone must take.
Phrasings written for this test.
"""

from __future__ import annotations

from handoff_lint.reading.language.dates import is_scheduled_event
from support.tables import answers

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


test_a_meeting_on_the_calendar_is_a_dated_fact = answers(is_scheduled_event, [(text, True) for text in SCHEDULED])


test_a_step_to_book_or_an_undated_booking_is_not = answers(
    is_scheduled_event, [(text, False) for text in NOT_SCHEDULED]
)


# A milestone with a target is no calendar entry: the target stays a success criterion (second reader).
MILESTONES_WITH_TARGETS = [
    "Cutover is scheduled for 2027-05-03 with under 1% unmatched invoices",
    "Launch planned for end of June, late deliveries down to 3%",
    "Go-live set for 14 April with at least 90% of staff on the app",
    "Pilot confirmed for Q2, aiming to cut queue time from 20 to 8 minutes",
    "Migration booked for the week of 9 March, no more than 2 hours of downtime",
    "Phase 2 rollout is scheduled for 1 September",
    "Billing switch-over planned for 30 June",
    "The review is scheduled for 12 May with churn under 4% by then",
    "Kickoff planned for 2 February, onboarding from 6 weeks to 3 by April",
    "Wave 1 locked in for 20 March",
]


test_a_dated_milestone_or_a_target_is_no_meeting_on_the_calendar = answers(
    is_scheduled_event, [(text, False) for text in MILESTONES_WITH_TARGETS]
)
