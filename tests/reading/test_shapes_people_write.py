"""The judges on the shapes real handoffs come in: CRM field dumps, Slack pastes, prose memos, templates.

Each document is written for this test (none is from the judged corpus) and linted through the CLI;
each test states one behaviour a careful reviewer would expect.
"""

from __future__ import annotations

from conftest import write

CRM = """\
Opportunity Export — generated 2027-01-08 09:14

Account_Name: Harbor Point Dental Group
Owner: Lucy Tran (SDR)
Industry: Healthcare — dental practices
Employees: 420
Locations: 18 clinics in Oregon and Washington
Pain__c: Front desks spend about 3 hours a day on recall calls; 22% of hygiene slots go unfilled each month.
Goal__c: Fill at least 90% of hygiene slots; cut recall call time in half.
Timeline__c: Wants to decide by March 31 so rollout fits the budget year starting April 1.
Budget__c: $60-80k/yr approved by the COO.
Current_Systems__c: Dentrix at all clinics, RingCentral phones.
Competitors__c: Their Salem office is trialling Weave on its own.
Decision_Maker__c: Amir Haddad (COO)
Champion__c: Rosa Delgado, Practice Ops Director
"""

SLACK = """\
#cs-handoffs — Slack export

**Dana Whitfield** (AE) — 9:12 AM
Handoff for Kestrel Logistics, closed yesterday.
• 3PL with 14 warehouses in the Midwest, ~2,100 staff, HQ Columbus
• Bought the WMS add-on for all 14 sites, $186k ARR, 2 yrs
• Why: pick errors run 2.4% and each mis-ship costs them ~$38; they want under 1% by end of Q2

**Dana Whitfield** — 9:20 AM
Expectations they set for us, per the SOW:
• First 3 warehouses live by 3/15 with pick errors under 1.5% within 30 days
• Remaining 11 warehouses live before peak season, no more than 4 hours of downtime per site
"""

MEMO = """\
# Fernwood Veterinary Partners — handover

Fernwood signed on Friday: 31 clinics across the South West, about 650 staff, $240k a year over three years.

The biggest risk is the data export from Vetspace: they have had one failed export already.
We'll ask for a test extract in the first two weeks and fall back to a manual load if it slips.
"""


def categories(run, tmp_path, text: str, handoff_type: str) -> dict:
    path = write(tmp_path, "handoff.md", text)
    result = run("check", path, "--format", "json", "--no-cache", "--type", handoff_type)
    assert result.code in (0, 1), result
    return result.json()["files"][0]["categories"]


def found(judged: dict, category: str) -> str:
    return " ".join(judged[category]["found"])


def test_a_target_and_its_date_in_two_crm_fields_are_one_measurable_expectation(run, tmp_path):
    judged = categories(run, tmp_path, CRM, "sdr-to-ae")
    assert judged["expectations"]["status"] == "complete"
    assert "measurable" in found(judged, "expectations")


def test_a_target_alone_is_not_measurable(run, tmp_path):
    """Without the Timeline field nothing dates "at least 90%": the expectation stays thin."""
    text = "\n".join(line for line in CRM.splitlines() if not line.startswith("Timeline__c"))
    assert categories(run, tmp_path, text, "sdr-to-ae")["expectations"]["status"] == "partial"


def test_a_competitor_crm_field_is_a_risk(run, tmp_path):
    judged = categories(run, tmp_path, CRM, "sdr-to-ae")
    assert judged["risks"]["status"] != "missing"
    assert "1 risks" in found(judged, "risks")


def test_the_account_name_field_is_the_customer_not_a_contact(run, tmp_path):
    relationship = found(categories(run, tmp_path, CRM, "sdr-to-ae"), "relationship")
    assert "Amir Haddad" in relationship and "Rosa Delgado" in relationship
    assert "Harbor Point" not in relationship


def test_a_list_under_a_lead_in_line_is_read_as_what_the_line_says(run, tmp_path):
    judged = categories(run, tmp_path, SLACK, "sales-to-cs")
    assert "measurable success criteria" in found(judged, "expectations")
    assert "(2 measurable)" in found(judged, "expectations") or "(3 measurable)" in found(judged, "expectations")


def test_without_the_lead_in_line_the_same_bullets_are_not_success_criteria(run, tmp_path):
    """Without the lead-in only what reads as an aim counts: the bullet bounded "by 3/15" does, the
    downtime bullet (no aim word, no coming date) does not."""
    text = SLACK.replace("Expectations they set for us, per the SOW:", "Also:")
    expectations = found(categories(run, tmp_path, text, "sales-to-cs"), "expectations")
    assert "(2 measurable)" in expectations and "(3 measurable)" not in expectations


def test_a_measurable_target_in_the_pain_bullets_is_a_success_criterion(run, tmp_path):
    text = SLACK.split("**Dana Whitfield** — 9:20 AM")[0]
    assert "measurable success criteria (1 measurable)" in found(
        categories(run, tmp_path, text, "sales-to-cs"), "expectations"
    )


def test_one_sentence_with_size_and_places_is_a_company_profile(run, tmp_path):
    judged = categories(run, tmp_path, MEMO, "sales-to-implementation")
    assert not any("company profile" in m for m in judged["customer"]["missing"])


def test_a_sentence_after_the_risk_that_says_what_we_will_do_mitigates_it(run, tmp_path):
    judged = categories(run, tmp_path, MEMO, "sales-to-implementation")
    assert "1 risks, 1 mitigated" in found(judged, "risks")
    without = MEMO.replace("We'll ask for a test extract in the first two weeks and fall back", "It may fall back")
    assert "1 mitigated" not in found(categories(run, tmp_path, without, "sales-to-implementation"), "risks")


def test_a_scheduled_demo_is_no_use_case_to_show(run, tmp_path):
    text = (
        "# Demo request — Aldwick Mills\n\nCan you run the demo?\n\n**Demo**\n\n"
        "The demo is booked Mar 3, 45 minutes, Zoom.\n"
    )
    judged = categories(run, tmp_path, text, "ae-to-se")
    assert "use cases" not in found(judged, "expectations")


def test_a_template_instruction_that_sizes_its_answer_is_no_customer_fact(run, tmp_path):
    text = (
        "# Kickoff request — Brightline Tools\n\n### Account snapshot\n\n"
        "*Explain in 2-3 lines what the buyer sells and the reason for buying.*\n\n[Summary]\n"
    )
    assert categories(run, tmp_path, text, "sales-to-implementation")["customer"]["status"] == "missing"
