"""Next steps written in prose (language/steps.py) and how they count for Action items.

Phrasings written for these tests."""

from __future__ import annotations

from conftest import write
from handoff_lint.reading.language.steps import is_next_step
from support.tables import answers

STEPS = [
    # a commitment by the writer (email memos, Slack threads)
    ("I'll forward the countersigned quote to you and finance", True),
    ("yes I'll ask Tomasz for the sample files", True),
    ("I will book the kickoff once legal is done", True),
    ("We'll share the pricing sheet with their procurement team", True),
    ("I'm going to loop in our SE on the SSO question", True),
    ("I'll try to pin the go-live date with Ines on Thursday's call", True),
    ("ok. I'll hold Tue/Wed next week for the workshop", True),
    ("Happy to do an intro if that's easier", True),
    ("I'm happy to join the first call for continuity", True),
    ("I can walk you through the discovery notes on Monday", True),
    ("We still need to confirm the data retention terms", True),
    # a request to the reader
    ("Could you reach out to her before the end of the month?", True),
    ("Can you build the demo around cold-chain tracking?", True),
    ("Please arrange the kickoff for Priya", True),
    ("pls chase the security questionnaire", True),
    ("Let me know when the kickoff is scheduled", True),
    ("send me the call recording when you have it", True),
    ("You'll need to confirm the SFTP details with their IT lead", True),
    # someone named commits or is assigned
    ("Mateo to share the usage report with Grace", True),
    ("Joanne will send the list of site managers", True),
    ("Each clinic has a manager; Farid will send the names", True),
    ("Dr. Okafor has agreed to review the templates", True),
    ("Someone should get the mailer copy started with legal", True),
    ("@lena to draft the rollout plan", True),
    ("Ravi (IT) will export the user list", True),
    # an order that starts the statement
    ("Intro Bram and Ilse for the data feed", True),
    ("Send the recap to the whole steering group", True),
    ("Set up a sandbox for the pilot clinics", True),
    ("Book the training sessions by Friday", True),
    ("Follow up on the W-9", True),
    ("Call Marisa", True),
    ("Book them, then tell the CFO", True),
    # not steps: what happened, what may happen, descriptions, nouns
    ("I sent the contract on Tuesday", False),
    ("Joanne signed on 14 August", False),
    ("If the templates sit in review, she'll pull the plug", False),
    ("They will probably want extra seats eventually", False),
    ("It will take about six weeks to migrate", False),
    ("We'll see how the pilot goes", False),
    ("Ray will notice if they pay for two tools", False),
    ("Plan is to go live in May", False),
    ("Build quality has been a complaint", False),
    ("Paper for the September trustees meeting", False),
    ("Demo went well, they liked the mobile app", False),
    ("The connector is the usual one we have shipped many times", False),
    ("Usage looks normal, nothing unusual", False),
    ("Hand to: Oliver Brandt (AE)", False),
    ("Otherwise the CFO will escalate to the board", False),
    ("If Joanne will send the list, we are fine", False),
    ("We stay on the old tool unless Dana will sign the order form", False),
    ("Follow-up: the contract is signed", False),
    ("Build was delayed until Friday", False),
    ("Sign-offs are due Friday", False),
    ("Confirm", False),
    ("", False),
]


def test_list_markers_and_emphasis_do_not_hide_a_step():
    marked = ("- I'll send the SOW", "\\- **Please** book the kickoff", "1. Mateo to share it", "[ ] Send the recap")
    for text in marked:
        assert is_next_step(text), text


def _actions(run, path, handoff_type):
    result = run(path, "--format", "json", "--no-cache", "--type", handoff_type)
    assert result.code in (0, 1), result
    return result.json()["files"][0]["categories"]["actions"]


MEMO_WITH_PROSE_STEPS = """
From: Odile Marchetti <odile@ourco.example.com>
To: Sven Adeyemi <sven@ourco.example.com>
Subject: Kestrel Veterinary — over to you

Sven,

Kestrel Veterinary signed on Friday: 14 practices across Devon and Cornwall, about 260 staff, three-year
term at £96,000 ARR. They bought the appointment reminders and the client portal.

Why they bought: no-shows run at 11% and the front desks re-key every booking into Vetstream by hand.

People: Harriet Lowe, Practice Operations Director, is our champion; Gareth Pym, CFO, signed.

I'll forward the countersigned quote to you and finance. Could you set up the kickoff with Harriet? Happy to
join the first call for continuity.

Odile
"""

# The same memo without its paragraph of steps (from "I'll forward" up to the signature).
_STEPS = slice(MEMO_WITH_PROSE_STEPS.index("I'll forward"), MEMO_WITH_PROSE_STEPS.rindex("Odile"))
MEMO_WITHOUT_STEPS = MEMO_WITH_PROSE_STEPS.replace(MEMO_WITH_PROSE_STEPS[_STEPS], "")

MEMO_WITH_OWNED_DATED_PROSE = """
From: Odile Marchetti <odile@ourco.example.com>
To: Sven Adeyemi <sven@ourco.example.com>
Subject: Kestrel Veterinary — over to you

Kestrel Veterinary signed on Friday: 14 practices across Devon and Cornwall, about 260 staff, three-year
term at £96,000 ARR. They bought the appointment reminders and the client portal.

Harriet Lowe will send the practice list by 2026-12-04. Gareth Pym to countersign the DPA by 2026-12-08.
Tomas Reyes will book the kickoff for 2026-12-10.
"""


def test_next_steps_written_in_a_memo_s_prose_are_partial_action_items(run, tmp_path):
    actions = _actions(run, write(tmp_path, "kestrel.md", MEMO_WITH_PROSE_STEPS), "sales-to-cs")
    assert actions["status"] == "partial", actions


def test_a_memo_that_says_nothing_about_what_happens_next_has_no_action_items(run, tmp_path):
    actions = _actions(run, write(tmp_path, "kestrel.md", MEMO_WITHOUT_STEPS), "sales-to-cs")
    assert actions["status"] == "missing", actions


def test_owned_dated_steps_in_prose_are_complete_action_items(run, tmp_path):
    actions = _actions(run, write(tmp_path, "kestrel.md", MEMO_WITH_OWNED_DATED_PROSE), "sales-to-cs")
    assert actions["status"] == "complete", actions


CRM_RECORD_WITH_A_BOOKED_MEETING = """
Lead Conversion Record

Account_Name: Fernhill Bakeries
Industry: Food manufacturing, 3 plants
Employees: 410
Pain__c: Production planning is done in Excel by two planners; waste runs at 6% of output.
Primary_Contact: Noor Haddad, Head of Planning
Meeting_Date__c: 2027-04-06 14:00 GMT
Meeting_Booked__c: TRUE
Next_Step__c:
"""


def test_the_meeting_booked_next_is_a_thin_action_item(run, tmp_path):
    actions = _actions(run, write(tmp_path, "fernhill.md", CRM_RECORD_WITH_A_BOOKED_MEETING), "sdr-to-ae")
    assert actions["status"] == "partial", actions


# The tables above, each read by the function it describes (one case a row).
test_a_commitment_request_or_order_is_a_next_step = answers(is_next_step, STEPS)
