"""When an action is due and who owns it, in the forms people write them (language/dates.py, owners.py).

The phrasings are written for these tests, in the styles of Notion, Google-Docs, Slack and email handoffs.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import write
from handoff_lint.reading.language.dates import find_when, has_due_date, is_scheduled_event
from handoff_lint.reading.language.owners import find_owner, is_owner, is_title
from support.tables import answers

DUE = [
    ("Send the SOW by 2026-12-18", True),
    ("Send the SOW by 12/18", True),
    ("Send the SOW by Dec 18", True),
    ("Send the SOW by December 18th", True),
    ("Send the SOW — 18 Dec", True),
    ("Send the SOW, due the 18th of December", True),
    ("Book the kickoff by Friday", True),
    ("@raj book kickoff (Fri 12/18)", True),
    ("Noor to intro Callum — by EOD Tue 6/15", True),
    ("Share the deck EOW", True),
    ("Draft the runbook by end of March", True),
    ("Migrate the archive in Q3", True),
    ("Close the security review by Q3 FY27", True),
    ("Export the user list within two weeks", True),
    ("Reply within 2 business days", True),
    ("Confirm the room before kickoff", True),
    ("Walk them through the dashboard at the go-live", True),
    ("Send the pack before design workshop 2", True),
    ("Chase the export next week", True),
    ("Kickoff — week of Jun 21", True),
    ("Welcome note 48h after the account is routed", True),
    ("Confirm sign-off authority in May", True),
    ("Send the quote by Mar 14", True),
    ("Send the quote by 3/14", True),
    ("Send the recap today", True),
    ("Go live before the spring enrolment window", True),
    ("Book the QBR for mid-April", True),
    ("Send the welcome email ASAP", False),
    ("Send the welcome email soon", False),
    ("Due date TBD", False),
    ("We may send the pricing", False),  # the modal, not the month
    ("They may 2x the seats next year", True),  # "next year" is the date here, not "may 2"
    ("They may 2x the seats", False),
    ("Support is 24/7", False),
    ("Get the price file to Marta for sandbox data", False),
    ("Follow up on the IT questions", False),
    ("Half of the team uses it", False),
    ("Send materials", False),
]


_MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"]  # fmt: skip
_RENDERINGS = [
    lambda d: d.isoformat(),  # ISO
    lambda d: f"{d.month}/{d.day}/{d.year}",  # US with the year
    lambda d: f"{d.month}/{d.day}",  # US without it
    lambda d: f"{_MONTH_NAMES[d.month - 1]} {d.day}, {d.year}",  # long form
    lambda d: f"{_MONTH_NAMES[d.month - 1][:3]} {d.day}",  # short month
    lambda d: f"{d.day} {_MONTH_NAMES[d.month - 1]} {d.year}",  # day first
    lambda d: f"{d.day} {_MONTH_NAMES[d.month - 1][:3]}",
]


@settings(max_examples=300, deadline=None)
@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(_RENDERINGS),
    st.sampled_from(["Send the SOW by {}", "Ana — send the SOW — {}", "Kickoff on {} with Raj", "{}: go-live"]),
)
def test_any_iso_us_or_long_form_date_renders_as_a_due_date(day, render, sentence):
    assert has_due_date(sentence.format(render(day)))


SCHEDULED = [
    ("Demo booked for Feb 20", True),
    ("Kickoff is scheduled for 2027-02-09", True),
    ("The steering group is set for next Tuesday", True),
    ("Book the demo for Feb 20", False),  # a step to take
    ("Ana to schedule the kickoff by Friday", False),
    ("Demo booked, date to follow", False),  # no date: neither
    # "The demo is booked Mar 3" dates the timeline; "Book the demo for Mar 3" is a step someone must take
    ("The demo is booked Mar 3, 45 minutes, Zoom", True),
    ("Kickoff scheduled 2027-02-09", True),
    ("Discovery call booked Thursday 10am", True),
    ("Onboarding session scheduled 12/18", True),
    ("Workshop calendared March 14", True),
    ("QBR booked for 4 May", True),
    ("The kickoff is scheduled for 2027-02-09", True),
    ("Go-live call set for Friday 12/18", True),
    ("Training confirmed for Jan 12", True),
    ("Site visit locked in for 22 June", True),
    ("Steerco planned for the 3rd of March", True),
    ("Demo happening on Tuesday", True),
    ("Renewal review already booked on Nov 30", True),
    ("The readout is on the calendar for Fri 26 March", True),
    ("Executive briefing taking place on 9 April", True),
    ("Call booked Mon 9am PT", True),
    ("Book the demo for Mar 3", False),
    ("Schedule the kickoff by Friday", False),
    ("We scheduled the training", False),
    ("Please book the QBR", False),
    ("The demo went well", False),
    ("Demo booked", False),
    ("Scheduled maintenance windows are on Sundays", False),
    ("Kickoff to be scheduled", False),
    ("Set up SSO before go-live", False),
    ("Confirm the date with Rosa", False),
    ("Booked revenue of $40k", False),
    ("Calendar access is needed for the integration", False),
    ("Demo is scheduled", False),
    ("Someone should book the workshop", False),
    # a milestone with a target is no calendar entry: the target stays a success criterion
    ("Cutover is scheduled for 2027-05-03 with under 1% unmatched invoices", False),
    ("Launch planned for end of June, late deliveries down to 3%", False),
    ("Go-live set for 14 April with at least 90% of staff on the app", False),
    ("Pilot confirmed for Q2, aiming to cut queue time from 20 to 8 minutes", False),
    ("Migration booked for the week of 9 March, no more than 2 hours of downtime", False),
    ("Phase 2 rollout is scheduled for 1 September", False),
    ("Billing switch-over planned for 30 June", False),
    ("The review is scheduled for 12 May with churn under 4% by then", False),
    ("Kickoff planned for 2 February, onboarding from 6 weeks to 3 by April", False),
    ("Wave 1 locked in for 20 March", False),
]


OWNERS = [
    ("Ana — send the SOW — Jun 22", "Ana"),
    ("Ana to draft the runbook by June 22", "Ana"),
    ("@raj book kickoff (Fri 12/18)", "@raj"),
    ("- [ ] @priya-shah Send the GIS credentials — due 2026-06-01", "@priya-shah"),
    ("Aisha (IT) — export the user list, within two weeks of kickoff", "Aisha"),
    ("Liam + Keisha: sync on pricing before end of month", "Liam + Keisha"),
    ("Caleb sends the draft project plan to Marisa by April 22", "Caleb"),
    ("Marisa confirms the room by Oct 1", "Marisa"),
    ("Wes takes Caleb over the pricing schedules on April 16", "Wes"),
    ("Rory: intro email to the implementation lead, 24h after assignment", "Rory"),
    ("Felix - send the mutual action plan to Farah - Feb 24", "Felix"),
    ("• Noor — signed order form into the impl folder — today", "Noor"),
    ("Implementation lead — confirm the kickoff date before 1 Feb", "Implementation lead"),
    ("the implementation lead to send the kickoff pack by 3 Feb", "the implementation lead"),
    ("Head of IT to approve the firewall change by Friday", "Head of IT"),
    ("Dana Lee will send the security pack by Dec 18", "Dana Lee"),
    ("Send the SOW — Dana Lee, due 2026-12-01", "Dana Lee"),
    ("Send the SOW (Dana)", "Dana"),
    ("Schedule the kickoff, due 2026-11-27 (Priya Nair)", "Priya Nair"),
    ("Send the welcome email, owner: Omar Haddad, due 2026-11-25", "Omar Haddad"),
    ("Send the welcome email — owned by Dana Lee, due 2026-11-25", "Dana Lee"),
    ("Book the trainer — assigned to @omar", "@omar"),
    ("Schedule the kickoff call — we, due 2026-12-01", None),
    ("Schedule the kickoff — the team, due 2026-11-27", None),
    ("Team to follow up after the call", None),
    ("@team follow up with the customer", None),
    ("CSM to send the welcome pack by Friday", None),
    ("Send the welcome pack — CSM", None),
    ("Ops to set up the SFTP drop by Friday", None),
    ("Legal: review the DPA by Dec 18", None),
    ("AE to own from here", None),
    ("Someone should get the mailer copy started", None),
    ("Send the recap to Dana Lee, due 2026-11-20", None),  # the recipient
    ("Book the training room with @omar", None),
    ("Intro Bram and Ilse for the data feed", None),
    ("Waitlist: every family contacted within 5 business days", None),  # a label
    ("Pricing needs sign-off from Finance by Q3", None),
    ("Graham Pilling — Finance Director. Retires at the end of July", None),  # a person described
    ("Rory Delacroix — AE, remains the contact until launch", None),
    ("Send agenda to Henry", None),
    ("owner: TBD — send the quote", None),
]


def _listed(items: list[str]) -> str:
    body = "\n".join(f"- [ ] {item}" for item in items)
    header = "---\ntype: sales-to-cs\ncustomer: Northwind Traders\n---\n# Customer Handoff: Northwind Traders\n"
    return f"{header}\n## Action Items\n{body}\n"


def _codes_by_line(run, path, code):
    config = write(path.parent, f"{code}.toml", f'select = ["{code}"]\n')
    result = run(path, "--format", "json", "--no-cache", "--config", config)
    assert result.code in (0, 1), result
    return {f["line"] for f in result.json()["files"][0]["findings"] if f["code"] == code}


def test_hl410_and_hl411_accept_every_form_and_flag_the_rest(run, tmp_path):
    """The rules read owners and dates as the recognisers do: one finding per item that lacks one."""
    items = [text for text, _owner in OWNERS if has_due_date(text)]
    path = write(tmp_path, "actions.md", _listed(items))
    first = 8  # the line of the first item
    unowned = {first + n for n, text in enumerate(items) if find_owner(text) is None}
    assert _codes_by_line(run, path, "HL410") == unowned
    assert _codes_by_line(run, path, "HL411") == set()
    undated = [text for text, expected in DUE if not expected]
    path = write(tmp_path, "undated.md", _listed(undated))
    assert _codes_by_line(run, path, "HL411") == {first + n for n in range(len(undated))}


@pytest.mark.parametrize("code", ["HL410", "HL411"])
def test_explain_documents_only_forms_the_rule_accepts(run, tmp_path, code):
    """Every example `explain` gives for an owner or a date is accepted by the rule it documents."""
    text = run("explain", code).out
    rationale = text.split("\n\n")[2]
    examples = re.findall(r"`([^`]+)`", rationale)
    assert len(examples) >= 8, examples
    if code == "HL410":
        items = [e if e[0].isupper() or e.startswith("@") else f"Send the quote, {e}" for e in examples]
        items = [f"{item}, due 2026-12-01" for item in items]
    else:
        items = [f"Send the quote — @dana, {e}" for e in examples]
    path = write(tmp_path, "documented.md", _listed(items))
    assert _codes_by_line(run, path, code) == set(), examples
    for nobody in re.findall(r'"([^"]+)"', rationale.split("nobody in particular")[0].split("first or last")[-1]):
        assert find_owner(f"Send the quote — {nobody}") is None, nobody


def test_the_language_page_lists_only_forms_the_recognisers_accept():
    """docs/language.md: every date form in its table is a due date, every owner example names an owner."""
    from conftest import REPO

    page = (REPO / "docs" / "language.md").read_text(encoding="utf-8")
    dates_part = page.split("## When something is due (`dates.py`)")[1].split("`ASAP`")[0]
    forms = [form for row in dates_part.splitlines() if row.startswith("| ") for form in re.findall(r"`([^`]+)`", row)]
    assert len(forms) >= 30, forms
    assert [form for form in forms if not has_due_date(form)] == []
    owners_part = page.split("## Who owns an action (`owners.py`)")[1].split("Nobody in particular")[0]
    examples = re.findall(r"`([^`]+)`", owners_part)
    assert len(examples) >= 12, examples
    assert [example for example in examples if find_owner(example) is None] == []


OWNER_VALUES = [  # what an Owner cell or a trailing segment may hold
    ("Dana Lee", True),
    ("(Dana Lee).", True),
    ("@dana", True),
    ("Maarten van der Berg", True),
    ("Luis de la Cruz", True),
    ("Ana Maria Lopez Garcia", True),
    ("Dana & Omar", True),
    ("Dana/Omar", True),
    ("Dana+Omar", True),
    ("&", False),  # an owner cell of joiners only: nobody (it crashed the CLI with exit 2)
    (" / + ", False),
    ("the implementation lead", True),
    ("our project manager", True),
    ("their IT Director", True),
    ("Finance Director", True),
    ("VP Finance", True),
    ("CFO", True),
    ("Ana Maria Lopez Garcia Ruiz", False),  # five capitalised words: a heading, not a name
    ("Account Executive", False),
    ("your account manager", False),
    ("AE and SE", False),
    ("CSM / AE", False),
    ("@team", False),
    ("@CS", False),
    ("Dana Lee. Owns the budget", False),
    ("Dana Lee of the Northwind Traders regional finance and procurement office", False),
    ("send the quote", False),
    ("Pricing", False),
    ("Training", False),
    ("The", False),
    ("", False),
]


TITLES = [
    ("Finance Director", True),
    ("Head of Finance Systems", True),
    ("COO", True),
    ("School Business Manager", True),
    ("Account Executive", True),
    ("VP Sales", True),
    ("Director of Finance and Operations", False),  # five words: a clause, not a title
    ("send the kickoff pack to the lead", False),
    ("intro email to the implementation lead", False),
    ("Toast POS at all taprooms", False),
]


MORE_OWNERS = [
    ("- - [ ] Ana — send the SOW — Jun 22", "Ana"),  # nested markers
    ("1. [ ] Ana — send the SOW — Jun 22", "Ana"),
    ("Send the SOW (Dana).", "Dana"),
    ("Send the SOW (Dana); due Friday", "Dana"),
    ("Send the SOW (Acme) and the order form", None),  # a parenthesis mid-sentence is not the owner
    ("Send the SOW — Dana Lee by Friday", "Dana Lee"),
    ("Send the SOW — Dana Lee BY Friday", "Dana Lee"),
    ("Send the SOW — Dana Lee on Friday", "Dana Lee"),
    ("Send the SOW — Dana Lee, Omar Haddad", "Dana Lee"),
    ("@all @dana send the notes by Friday", "@dana"),
    ("@CSM send the deck by Friday", None),
    ("cc @ana — @raj sends the deck by Friday", "@raj"),
    ("Rory: **intro** email to the lead by Friday", "Rory"),
    ("Rory:", None),
    ("Rory Delacroix — Account Executive, stays on through go-live", None),
    ("Dana: Toast POS at all taprooms", None),
]


WHEN = [  # each phrase that says when, in order, with the name of its form
    ("Send it by 2026-12-18", [("2026-12-18", "date")]),
    ("Send it by Dec 18, 2026", [("Dec 18, 2026", "date")]),  # one date, not also "Dec 18"
    ("Kickoff 05/06/2026", [("05/06/2026", "date")]),  # ambiguous, still a date
    ("Send it Dec 18", [("Dec 18", "monthday")]),
    ("Send it 18 Dec", [("18 Dec", "daymonth")]),
    ("Live March 2027", [("March 2027", "monthyear")]),
    ("Send it 12/18", [("12/18", "slashed")]),
    ("Send it by Friday", [("Friday", "weekday")]),
    ("EOD Tue 6/15", [("EOD", "named"), ("Tue", "shortday"), ("6/15", "slashed")]),
    ("Draft it by end of March", [("end of March", "period")]),
    ("Chase it next week", [("next week", "next")]),
    ("Go-live in May", [("in May", "inmonth")]),
    ("Go-live in may", []),  # the modal's spelling
    ("Migrate in Q3", [("Q3", "quarter")]),
    ("Live before the spring", [("before the spring", "season")]),
    ("Reply within 2 business days", [("within 2 business days", "within")]),
    ("Usage over the first 90 days", [("over the first 90 days", "over")]),
    ("Intro 24h after signature", [("24h after", "offset")]),
    ("Review in week 6", [("week 6", "numbered")]),
    ("Confirm it before kickoff", [("before kickoff", "event")]),
]


# The tables above, each read by the function it describes (one case a row).
test_a_due_date_in_any_form_people_write_it = answers(has_due_date, DUE)
test_a_scheduled_event_is_a_dated_fact_not_a_step = answers(is_scheduled_event, SCHEDULED)
test_the_owner_of_an_action_in_any_order_and_nobody_in_particular = answers(find_owner, OWNERS)
test_a_value_written_where_an_owner_goes = answers(is_owner, OWNER_VALUES)
test_a_title_of_one_seat = answers(is_title, TITLES)
test_the_owner_at_the_edges_of_the_forms = answers(find_owner, MORE_OWNERS)
test_each_phrase_that_says_when_is_found_once_with_its_form = answers(
    find_when, WHEN, read=lambda found: [(when.text, when.kind) for when in found]
)
