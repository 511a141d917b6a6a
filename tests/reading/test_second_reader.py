"""Issue 22, round 3's second reader: vague handoffs that round 3 let pass. Phrasings written for this test."""

from __future__ import annotations

import pytest

from conftest import write
from handoff_lint.reading.language.measures import unmeasured
from handoff_lint.reading.language.risks import is_mitigation, is_risk_statement
from handoff_lint.reading.language.targets import aims, is_target
from handoff_lint.reading.statements import is_guidance
from support.tables import answers

# A rate ("daily", "weekly") is a figure only as what an aim moves to, never beside a vague comparative.
RATES_MEASURABLE = [
    "Aiming for daily deploys by the end of Q3",
    "Move to weekly releases by June 2027",
    "Switch to nightly syncs before go-live",
    "Going to hourly inventory updates by 1 March",
    "Aim at fortnightly payroll exports by Q2",
]
RATES_VAGUE = [
    "Better daily reporting by Q2",
    "Weekly wins for the front desk before summer",
    "Smoother nightly batches by the end of March",
    "Improved weekly dashboards by Q4",
    "Happier daily standups before summer",
    "Move to better weekly reviews by Q1",
    "Daily reporting for the clinics by April",
    "Easier hourly checks by the end of May",
]


@pytest.mark.parametrize("text", RATES_MEASURABLE)
def test_a_rate_an_aim_moves_to_is_a_figure(text: str) -> None:
    assert unmeasured(text) == ()


@pytest.mark.parametrize("text", RATES_VAGUE)
def test_a_rate_in_a_wish_is_no_figure(text: str) -> None:
    assert "a number" in unmeasured(text)


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


# The customer's field names the company; people named after it are still people.
CUSTOMER_FIELDS = [
    ("| Customer | Aldermoor Bakeries (sponsor Ines Varga, CFO; Otto Brandt runs the shops) |", "Ines Varga"),
    ("| Client | Aldermoor Bakeries, sponsor Ines Varga (CFO) |", "Ines Varga"),
    ("| Company | Aldermoor Bakeries — signed by Ines Varga, CFO |", "Ines Varga"),
    ("| Account | Aldermoor Bakeries; champion Otto Brandt, Head of Shops |", "Otto Brandt"),
    ("| Customer | Aldermoor Bakeries - Otto Brandt is our day-to-day contact |", "Otto Brandt"),
    ("| Customer Name | Aldermoor Bakeries Group Ltd (Ines Varga signed as CFO) |", "Ines Varga"),
    ("| Organisation | Aldermoor Bakeries / buyer Ines Varga, CFO |", "Ines Varga"),
    ("| Client | Aldermoor Bakeries: Otto Brandt, Head of Shops, is the champion |", "Otto Brandt"),
    ("| Company | Aldermoor Bakeries, 9 shops; CFO Ines Varga sponsors it |", "Ines Varga"),
    ("| Customer | Aldermoor Bakeries of Leeds (Otto Brandt, Head of Shops) |", "Otto Brandt"),
]
PEOPLE = """\
# Handoff: Aldermoor Bakeries

## Customer Overview
| Field | Detail |
|-------|--------|
{row}

## Stakeholders
- Ines Varga, CFO, executive sponsor
- Otto Brandt, Head of Shops, our champion
"""


@pytest.mark.parametrize(("row", "person"), CUSTOMER_FIELDS)
def test_people_named_in_the_customer_field_stay_people(run, tmp_path, row, person):
    path = write(tmp_path, "handoff.md", PEOPLE.format(row=row))
    result = run("check", path, "--format", "json", "--no-cache", "--type", "sales-to-cs")
    relationship = " ".join(result.json()["files"][0]["categories"]["relationship"]["found"])
    assert person in relationship
    assert "Aldermoor" not in relationship


# A mitigation is an action that answers the risk, not an expectation, a fear or a fact about them.
NOT_MITIGATIONS = [
    "We should expect a fight from their purchasing team over the discount",
    "They run their rota on Deputy",
    "We need to know which identity provider they use",
    "I'd assume their lawyers will take a month",
    "We might hear from the CFO about the price",
    "They ship the orders from two warehouses",
    "We should be prepared for a slow security review",
    "They share one IT contractor across all shops",
    "I worry the pilot shops will push back",
    "They book most of their jobs by phone",
]
MITIGATIONS = [
    "We'll send the security pack in week one",
    "Book a reference call with another bakery chain",
    "I'd get the draft templates to legal in the first week",
    "Plan: pilot with two shops before the full rollout",
    "We should show her the savings report before the renewal",
    "Offer a phased start so the budget lands in two quarters",
    "The shared inbox has to be set up before the pilot starts",
    "Escalate to our CFO if the discount is still open on Friday",
    "Then we can move the go-live without losing the slot",
    "Mitigation: run a dry-run of the data import in week two",
]


@pytest.mark.parametrize("text", NOT_MITIGATIONS)
def test_an_expectation_or_a_fact_is_no_mitigation(text: str) -> None:
    assert not is_mitigation(text)


@pytest.mark.parametrize("text", MITIGATIONS)
def test_an_action_that_answers_a_risk_is_a_mitigation(text: str) -> None:
    assert is_mitigation(text)


# "Also looking at" is a risk when a rival is near it, not when the customer plans to grow.
ALSO_LOOKING = [
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


test_also_looking_at_is_a_risk_only_with_a_rival = answers(is_risk_statement, ALSO_LOOKING)


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


# An order with an owner and a date is an action; the template's sizing instruction has neither.
INSTRUCTIONS_AND_ACTIONS = [
    ("Add one row per shop to the rollout sheet — Otto Brandt, due 2027-01-15", False),
    ("List the 2 bullets of the pilot plan for Ines — Otto Brandt, by 12 January", False),
    ("Complete one line per oven in the asset list — Ines Varga, due 2027-02-01", False),
    ("Write 3 sentences on the pilot for the newsletter — Otto Brandt, due Jan 20", False),
    ("Fill in one row per supplier in the tracker — Ines Varga, by 2027-01-30", False),
    ("Explain in 2-3 lines what the buyer sells", True),
    ("List one row per risk", True),
    ("Add up to 5 bullets on the pain", True),
    ("Write one line per stakeholder with their role", True),
    ("Summarise the deal in 2 sentences", True),
]


test_an_owned_dated_order_is_no_template_instruction = answers(is_guidance, INSTRUCTIONS_AND_ACTIONS)


OWNED_ORDERS = """\
# Handoff: Aldermoor Bakeries

## Action Items
- [ ] Add one row per shop to the rollout sheet — Otto Brandt, due 2027-01-15
- [ ] Write 3 sentences on the pilot for the newsletter — Ines Varga, due 2027-01-20
"""


def test_owned_dated_orders_are_action_items_through_the_cli(run, tmp_path):
    path = write(tmp_path, "handoff.md", OWNED_ORDERS)
    result = run("check", path, "--format", "json", "--no-cache", "--type", "sales-to-cs")
    assert result.json()["files"][0]["categories"]["actions"]["status"] == "complete"


# One statement with two figures is a whole company profile ("9 shops and 140 staff around Leeds"); for
# another facts element (adoption) one line is one fact, however many figures it holds.
ONE_LINE_FACTS = [
    ("Company", "A bakery chain with 9 shops and 140 staff around Leeds.", "company profile", True),
    ("Company", "Regional dairy, 3 plants and about 600 people in Yorkshire.", "company profile", True),
    ("Company", "Family-run builders' merchant: 14 depots, 320 staff, HQ in Derby.", "company profile", True),
    ("Company", "Dental group of 22 practices with 410 staff across Wales.", "company profile", True),
    ("Company", "Vet chain, 31 clinics and 650 staff in the South West.", "company profile", True),
    ("Adoption", "88 of 90 seats were active last month.", "adoption and health", False),
    ("Adoption", "Logins are up 40% since March at all 9 shops.", "adoption and health", False),
    ("Adoption", "About 70% of the 140 staff use the app weekly.", "adoption and health", False),
    ("Adoption", "2 of the 9 shops still order on paper.", "adoption and health", False),
    ("Adoption", "They send 1,200 orders a week through 9 shop tablets.", "adoption and health", False),
]
ONE_LINE = "# Expansion: Aldermoor Bakeries\n\n## {heading}\n{line}\n"


@pytest.mark.parametrize(("heading", "line", "element", "usable"), ONE_LINE_FACTS)
def test_one_line_with_two_figures_is_usable_only_as_a_company_profile(run, tmp_path, heading, line, element, usable):
    path = write(tmp_path, "handoff.md", ONE_LINE.format(heading=heading, line=line))
    result = run("check", path, "--format", "json", "--no-cache", "--type", "cs-to-sales")
    customer = result.json()["files"][0]["categories"]["customer"]
    assert any(f.startswith(element) for f in customer["found"])
    thin = f"{element}: no specific figures" in customer["missing"]
    assert thin is not usable
