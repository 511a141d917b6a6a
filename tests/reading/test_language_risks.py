"""Risks as people write them, without the word "risk"; stated absences; mitigations as sentences.

The phrasings are written for these tests (language/risks.py), in the styles of real handoffs.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import write
from handoff_lint.reading.language import risks
from handoff_lint.reading.language.risks import is_explicit_none, is_mitigation, is_risk_statement
from support.tables import answers

RISKS = [
    ("They're also talking to someone else; Hal brought up the other guys last week", True),
    ("Incumbent consultancy is pitching a rebuild", True),
    ("DocuHarbor is on their shortlist too", True),  # a competitor in the evaluation
    ("The competitor demo is next Tuesday", True),
    ("Talk of a budget freeze if Q2 disappoints", True),
    ("Their CFO froze new spend until January", True),
    ("Security approval slipped to March", True),
    ("Legal sign-off is pending and could slip past the pilot", True),
    ("Still waiting on procurement to approve the PO", True),
    ("The MSA is not yet signed", True),
    ("Their Operations Director retires at the end of May", True),
    ("Kenji's bandwidth: provisioning, devices and firewall rules are all his", True),
    ("Wendell has an ERP migration in Q4 that eats his time", True),
    ("Jo is openly sceptical of a new system", True),
    ("Some partner politics between the tax and audit practices", True),
    ("If the POC drags, the Q3 upgrade could hurt", True),
    ("The go-live depends on the HRIS export landing by June", True),
    ("TotsTrack contract ends Oct 31 with no buffer", True),
    ("Churn in the Houston region after the price rise", True),
    ("They were acquired last quarter and a reorg is under way", True),
    ("Risk: champion may leave", True),
    ("Worried the pilot is too small to prove value", True),
    ("No blocker identified", False),
    ("No known risks.", False),
    ("None identified as of 2026-11-20", False),
    ("No competitor involved so far", False),
    ("We haven't identified any risks", False),
    ("Not worried about the integration", False),
    ("They run 14 clinics with 900 staff", False),
    ("Renewal is 30 Nov", False),
    ("SSO is already set up via Okta", False),
    ("Weekly status email every Friday", False),
    # a budget nobody set aside and a rival they are also looking at are risks; a settled matter is not
    ("No budget set aside yet", True),
    ("No budget allocated for next year", True),
    ("Also looking at Weave", True),
    ("They are also trialling a cheaper tool", True),
    ("Also considering building it in-house", True),
    ("Competitors: Weave, Lighthouse", True),
    ("The CFO is sceptical after a failed rollout", True),
    ("A budget freeze after Q1 could delay wave 2", True),
    ("No blocker identified", False),
    ("No competitor involved so far", False),
    ("Budget approved by the COO", False),
    ("Looking at the reports every Monday", False),
    ("They signed on Friday", False),
    ("The budget is $60-80k a year", False),
    ("No known risks", False),
    # "also looking at" is a risk when a rival is near it, not when the customer plans to grow
    ("They are also looking at other vendors", True),
    ("Also trialling a cheaper scheduling tool", True),
    ("They're also evaluating Rotabloc", True),
    ("Also considering building it in-house", True),
    ("Also looking at two other platforms", True),
    ("They are also looking at adding 3 shops next year", False),
    ("They are also looking at a second bakery in York", False),
    ("Ines is also considering our reporting add-on", False),
    ("Also looking at hiring a second baker for the night shift", False),
    ("They are also testing the new oven line in March", False),
]


NONE = [
    ("None identified", True),
    ("No known risks.", True),
    ("No known risks as of 2026-11-20", True),
    ("no blocker identified", True),
    ("Nothing flagged so far", True),
    ("Risks: none", True),
    ("No red flags", True),
    ("No major concerns at this stage", True),
    ("We haven't found any blockers", True),
    ("No SSO yet, which worries IT", False),
    ("None of the sites use SSO", False),
    ("Known risks: champion leaving", False),
]


MITIGATIONS = [
    ("Mitigation: show the 6-week rollout plan and a reference call by March 20", True),
    ("We'll bring a reference customer to the board meeting", True),
    ("Plan: time the quote for the budget meeting on 2027-01-12", True),
    ("Get his tasks into the first two weeks", True),
    ("Book the migration slot before kickoff", True),
    ("Escalate to their COO if the DPA is not signed by Friday", True),
    ("Fallback is a manual CSV upload for the pilot", True),
    ("Agree with Aisha that we import the approved budget by 14 September", True),
    ("Monitor", False),
    ("Keep an eye on it", False),
    ("Mitigation: monitor", False),
    ("Watch it", False),
    ("Mitigation: keep an eye out", False),
    ("They have 14 clinics", False),
    # a recommendation after a risk answers it; watching or restating does not
    ("We'll ask for a test extract in the first two weeks", True),
    ("We should show her the reconciliation before the first billing run", True),
    ("We need to book a QBR with the CFO in January", True),
    ("We must get the security pack to Neil this week", True),
    ("We plan to run the first payroll in parallel", True),
    ("Show them the sandbox results before the steerco", True),
    ("Share the migration plan with IT by Friday", True),
    ("Run a trial pass of the opening payroll export", True),
    ("Pilot with one site first", True),
    ("Fallback: key the pilot centres manually", True),
    ("Mitigation: agree the 40 fields in writing at kickoff", True),
    ("I'll bring a reference customer to the call", True),
    ("Get his tasks into the first two weeks", True),
    ("Escalate through their account manager", True),
    ("Offer a second training session for the night shift", True),
    ("Keep an eye on it", False),
    ("Monitor", False),
    ("Watch this closely", False),
    ("TBD", False),
    ("She was not happy about the price", False),
    ("Their IT is two people and a contractor", False),
    ("The export failed once already", False),
    ("It is what it is", False),
    # an action that answers the risk, not an expectation, a fear or a fact about them
    ("We'll send the security pack in week one", True),
    ("Book a reference call with another bakery chain", True),
    ("I'd get the draft templates to legal in the first week", True),
    ("Plan: pilot with two shops before the full rollout", True),
    ("We should show her the savings report before the renewal", True),
    ("Offer a phased start so the budget lands in two quarters", True),
    ("The shared inbox has to be set up before the pilot starts", True),
    ("Escalate to our CFO if the discount is still open on Friday", True),
    ("Then we can move the go-live without losing the slot", True),
    ("Mitigation: run a dry-run of the data import in week two", True),
    ("We should expect a fight from their purchasing team over the discount", False),
    ("They run their rota on Deputy", False),
    ("We need to know which identity provider they use", False),
    ("I'd assume their lawyers will take a month", False),
    ("We might hear from the CFO about the price", False),
    ("They ship the orders from two warehouses", False),
    ("We should be prepared for a slow security review", False),
    ("They share one IT contractor across all shops", False),
    ("I worry the pilot shops will push back", False),
    ("They book most of their jobs by phone", False),
]


def _risks_status(run, path, handoff_type="cs-to-sales"):
    result = run(path, "--format", "json", "--no-cache", "--type", handoff_type)
    assert result.code in (0, 1), result
    return result.json()["files"][0]["categories"]["risks"]


PROSE_RISKS = """
# Ardmore Tiles — account notes

## Where they are

Ardmore Tiles runs 6 showrooms in Leinster with 140 staff; they pay $48,000 ARR for 40 seats.

## Worth knowing

- There are talk of a budget freeze if Q2 disappoints; Maeve did not confirm it.
- They are also talking to another vendor about the showroom app. We'll bring the Cork reference call to
  the July board and send the pricing comparison by June 20.
"""


def test_risks_in_prose_without_the_word_are_read_and_a_mitigation_next_to_them_counts(run, tmp_path):
    risks = _risks_status(run, write(tmp_path, "ardmore.md", PROSE_RISKS))
    assert risks["status"] != "missing", risks
    assert any("2 risks" in item for item in risks["found"]), risks["found"]
    assert any("1 mitigated" in item for item in risks["found"]), risks["found"]


def test_no_known_risks_on_a_deal_with_obvious_risks_is_not_complete(run, tmp_path):
    text = PROSE_RISKS.replace("## Worth knowing", "## Risks\n\nNo known risks as of 2026-05-01.\n\n## Worth knowing")
    risks = _risks_status(run, write(tmp_path, "ardmore.md", text))
    assert risks["status"] != "complete", risks


LEAD_IN = """
# Ardmore Tiles — account notes

Ardmore Tiles runs 6 showrooms in Leinster with 140 staff; they pay $48,000 ARR for 40 seats.

{lead_in}

1. Their IT contractor is stretched across three clients. We'll book his SSO hours for the first week.
2. Finance is worried the showroom rollout slips past the spring sale. Fallback: go live in two showrooms first.
3. They are also talking to another vendor about the showroom app.
"""


@pytest.mark.parametrize(
    "lead_in",
    [
        "Risks as I see them, worst first:",
        "yes, those are the main ones. the risks as I see them:",
        "What could go wrong on this one:",
        "Concerns the champion raised on the last call:",
    ],
)
def test_the_line_that_leads_into_a_list_of_risks_is_not_a_risk_itself(run, tmp_path, lead_in):
    """Two of the three risks below are answered: 2 of 3 mitigated is Complete; counting the lead-in line
    as a fourth, unanswered risk would make it 2 of 4, Partial."""
    risks = _risks_status(run, write(tmp_path, "ardmore.md", LEAD_IN.replace("{lead_in}", lead_in)))
    assert any("3 risks, 2 mitigated" in item for item in risks["found"]), risks["found"]
    assert risks["status"] == "complete", risks


# --- the risk words run in RE2 (speed): the same answers as Python's re ------------------------------

_RISK_WORDS_RE = re.compile(risks._RISK_PATTERN, re.I)
_PIECES = [
    "risk", "at risk", "budget freeze", "the other guys", "pushed back", "sign-off is pending", "churn",
    "left the company", "could slip", "if it slips", "no time", "walk away", "riskless", "concerned", "bake-off",
    "Dana", "the", "rollout", "by", "Q3", "—", ",", ".", "(", ")", "SSO", "42", "is", "on", "hold",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.sampled_from([" ", "  ", "\t", "-", ""]))
def test_risk_words_in_re2_find_what_pythons_re_finds(pieces, glue):
    text = glue.join(pieces)
    assert bool(risks._risk_words().search(text)) == bool(_RISK_WORDS_RE.search(text))


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009", "\u3000"])
def test_a_risk_written_with_a_no_break_space_is_still_a_risk(space):
    """Google-Docs exports put no-break spaces between words: "at risk" is a risk all the same."""
    assert is_risk_statement(f"The project is on{space}hold")
    assert is_risk_statement(f"They may walk{space}away")
    assert not is_risk_statement("The project is on track")


# The tables above, each read by the function it describes (one case a row).
test_a_risk_in_plain_words_and_a_denied_one = answers(is_risk_statement, RISKS)
test_a_stated_absence_of_risks = answers(is_explicit_none, NONE)
test_a_mitigation_is_an_action_written_as_a_sentence = answers(is_mitigation, MITIGATIONS)


EXPECTED_PUSHBACK = """\
# Handoff: Aldermoor Bakeries

## Risks
- The data protection review may slip past the kickoff.
- We should expect pushback from their purchasing team on the discount.
"""


def test_an_expected_pushback_is_a_second_risk_not_a_mitigation_through_the_cli(run, tmp_path):
    path = write(tmp_path, "handoff.md", EXPECTED_PUSHBACK)
    result = run("check", path, "--format", "json", "--no-cache", "--type", "sales-to-cs")
    found = " ".join(result.json()["files"][0]["categories"]["risks"]["found"])
    assert "2 risks" in found and "mitigated" not in found.replace("0 mitigated", "")
