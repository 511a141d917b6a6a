"""What each category judge decides, one behaviour a test, through the CLI's JSON as a user reads it.

Each case is the good sales-to-cs example with one part rewritten (or a short handoff of its own), so
the category under test is the only thing that changes. These tests hold the thresholds a reviewer
relies on (three of five risks mitigated, two measurable targets, two owned and dated steps), what
counts as a mitigation, an owner, a date or a stakeholder, and that contradictory dates demote a
category. Names, companies and numbers are invented.
"""

from __future__ import annotations

import re

import pytest

from support.edited_example import BASE, linted, replace_section, rewritten
from support.tables import named_cases


def judged(run, tmp_path, text: str, handoff_type: str = "sales-to-cs") -> dict:
    return linted(run, tmp_path, text, handoff_type)["categories"]


def status(run, tmp_path, text: str, category: str) -> str:
    return judged(run, tmp_path, text)[category]["status"]


# --- risks -----------------------------------------------------------------------------------------

# Five risks on subjects the action items do not mention (an action that names a risk's subject
# answers it too), each with a real mitigation.
RISKS = [
    ("Carrier invoices often arrive as scanned images of poor quality", "Leo enables the OCR review queue in week 2"),
    ("About 12% duplicate suppliers in the vendor master", "Leo runs the duplicate report in week 1"),
    ("The finance team freezes system changes during the January close", "Sam agreed a change window from 2027-01-12"),
    (
        "Three AP clerks fear headcount cuts and may resist the new workflow",
        "Martin confirmed on 2026-11-03: no roles go",
    ),
    ("Cascade may re-approach the buyers if early results disappoint", "Priya shares weekly auto-match results"),
]
WITHOUT_CONCERNS = re.sub(r"### Concerns Raised During Sales\n.*?(?=### Internal Champion)", "", BASE, flags=re.S)


def with_risks(mitigated: int, weak: str = "Keep an eye on it") -> str:
    rows = ["| Risk | Severity | Mitigation |", "|------|----------|------------|"]
    for index, (risk, plan) in enumerate(RISKS):
        rows.append(f"| {risk} | Medium | {plan if index < mitigated else weak} |")
    return replace_section(WITHOUT_CONCERNS, "## Risk Flags", "\n".join(rows))


@pytest.mark.parametrize(
    "mitigated, expected",
    [(0, "partial"), (1, "partial"), (2, "partial"), (3, "complete"), (4, "complete"), (5, "complete")],
)
def test_risks_are_complete_when_three_in_five_have_a_mitigation(run, tmp_path, mitigated, expected):
    categories = judged(run, tmp_path, with_risks(mitigated))
    assert categories["risks"]["status"] == expected
    assert f"5 risks, {mitigated} mitigated" in " ".join(categories["risks"]["found"])


@pytest.mark.parametrize("weak", ["Keep an eye on it", "Monitor", "Watch closely", "TBD", "Monitor and escalate"])
def test_watching_a_risk_is_no_mitigation(run, tmp_path, weak):
    categories = judged(run, tmp_path, with_risks(0, weak))
    assert categories["risks"]["status"] == "partial"
    assert "5 of 5 without a mitigation" in " ".join(categories["risks"]["missing"])


PROSE_RISKS = {
    # a mitigation written after the risk, in the same statement or the next one
    "mitigated in the next sentence": (
        "- Carrier invoices often arrive as scanned images of poor quality. Leo enables the OCR review queue "
        "in week 2 and samples 50 invoices.\n"
        "- The finance team freezes system changes during the January close; mitigation: Sam agreed a change "
        "window from 2027-01-12 with the controller.\n",
        "complete",
    ),
    "stated as risks only": (
        "- Carrier invoices often arrive as scanned images of poor quality, which worries the AP team.\n"
        "- The finance team freezes system changes during the January close, a real concern for go-live.\n",
        "partial",
    ),
}


@named_cases("body, expected", PROSE_RISKS)
def test_risks_written_as_prose(run, tmp_path, body, expected):
    entry = rewritten(run, tmp_path, "## Risk Flags", body, base=WITHOUT_CONCERNS, handoff_type="sales-to-cs")
    assert entry["categories"]["risks"]["status"] == expected


def test_no_known_risks_is_not_complete_when_the_handoff_states_risks_elsewhere(run, tmp_path):
    text = replace_section(WITHOUT_CONCERNS, "## Risk Flags", "No known risks as of 2026-11-20.")
    text = text.replace(
        "## Expansion Opportunity\n",
        "## Expansion Opportunity\nA budget freeze after Q1 could delay the Ireland rollout.\n",
    )
    risks = judged(run, tmp_path, text)["risks"]
    assert risks["status"] == "partial" and "risks are stated elsewhere" in " ".join(risks["missing"])


# --- expectations ------------------------------------------------------------------------------------


def with_success_criteria(criteria: list[str]) -> str:
    """The good example with its success criteria replaced by ``criteria``, a numbered list."""
    body = "\n".join(f"{i + 1}. {criterion}" for i, criterion in enumerate(criteria))
    return replace_section(BASE, "### Success Criteria (Agreed with Customer)", body)


TARGETS = [
    "Cut invoice-matching time from 20 h/week to under 4 h/week by 2027-03-19.",
    "Auto-match at least 80% of PO-backed invoices by 2027-03-31.",
    "Shorten month-end close from 9 to 6 working days by the April close.",
]


@pytest.mark.parametrize("count, expected", [(0, "partial"), (1, "partial"), (2, "complete"), (3, "complete")])
def test_one_measurable_target_is_not_enough_for_complete(run, tmp_path, count, expected):
    categories = judged(run, tmp_path, with_success_criteria(TARGETS[:count] or ["Improve efficiency."]))
    assert categories["expectations"]["status"] == expected
    if count:
        assert f"({count} measurable)" in " ".join(categories["expectations"]["found"])


@pytest.mark.parametrize(
    "criteria",
    [
        # a target with no number or no date, or one that is guessed, is no target
        ["Improve efficiency across the AP team.", "Better visibility of invoices for finance."],
        ["Auto-match most PO-backed invoices by 2027-03-31.", "Cut matching time a lot by 2027-03-19."],
        ["I think they want 80% auto-match by 2027-03-31.", "Maybe under 4 h/week of matching by 2027-03-19."],
    ],
)
def test_vague_or_guessed_targets_leave_expectations_partial(run, tmp_path, criteria):
    expectations = judged(run, tmp_path, with_success_criteria(criteria))["expectations"]
    assert expectations["status"] == "partial" and "no measurable target" in " ".join(expectations["missing"])


# --- actions -----------------------------------------------------------------------------------------

OWNED = [
    "- [ ] Send the intro email to Dana Lee — @sam-ortiz, due 2026-11-21",
    "- [ ] Schedule the kickoff call with Aisha Khan — @priya-shah, due 2026-11-24",
    "- [ ] Share the pilot results with implementation — @sam-ortiz, due 2026-11-24",
]
DATED_ONLY = [
    "- [ ] Export the supplier master from NetSuite, due 2026-11-25",
    "- [ ] Confirm the EU hosting region in writing, due 2026-11-26",
]
VAGUE = [
    "- [ ] Follow up with the customer about next steps and the rollout plan",
    "- [ ] Circle back with finance about the approval matrix and the connector",
]


@pytest.mark.parametrize(
    "owned, dated_only, vague, expected",
    [
        (1, 0, 0, "partial"),  # one owned step is not enough
        (2, 0, 0, "complete"),
        (2, 0, 1, "complete"),  # 2 of 3 owned and dated
        (2, 0, 2, "partial"),  # 2 of 4
        (2, 2, 0, "complete"),  # a dated step without an owner is half an answer: 3 of 4
        (3, 0, 2, "complete"),  # 3 of 5
        (0, 2, 0, "partial"),
    ],
)
def test_actions_need_two_owned_and_dated_steps_and_most_of_them(run, tmp_path, owned, dated_only, vague, expected):
    body = "\n".join(OWNED[:owned] + DATED_ONLY[:dated_only] + VAGUE[:vague])
    categories = judged(run, tmp_path, replace_section(BASE, "## Action Items", body))
    assert categories["actions"]["status"] == expected
    items = owned + dated_only + vague
    assert f"({items} items, {owned} owned and dated)" in " ".join(categories["actions"]["found"])


@pytest.mark.parametrize(
    "owner, when, counted",
    [
        ("@sam-ortiz", "by Friday", True),
        ("@sam-ortiz", "Mar 14", True),
        ("@sam-ortiz", "3/14", True),
        ("@sam-ortiz", "by Dec 18", True),
        ("Sam Ortiz", "due 2026-11-21", True),
        ("CSM", "due 2026-11-21", False),  # a role, not a person
        ("ops", "due 2026-11-21", False),
        ("the team", "due 2026-11-21", False),
        ("@sam-ortiz", "soon", False),
        ("@sam-ortiz", "may", False),  # the verb, not the month
        ("@sam-ortiz", "ASAP", False),
    ],
)
def test_an_action_counts_with_a_named_owner_and_a_date(run, tmp_path, owner, when, counted):
    body = "\n".join(
        [
            f"- [ ] Send the intro email to Dana Lee — {owner}, {when}",
            f"- [ ] Schedule the kickoff call with Aisha Khan — {owner}, {when}",
        ]
    )
    categories = judged(run, tmp_path, replace_section(BASE, "## Action Items", body))
    assert categories["actions"]["status"] == ("complete" if counted else "partial")


def test_a_booked_event_is_a_fact_not_an_action(run, tmp_path):
    body = "\n".join(OWNED[:2] + ["- Demo for the AP clerks booked for 2026-12-02 with Dana Lee"])
    categories = judged(run, tmp_path, replace_section(BASE, "## Action Items", body))
    assert "(2 items, 2 owned and dated)" in " ".join(categories["actions"]["found"])


# --- relationship ------------------------------------------------------------------------------------


def stakeholders(people: str) -> str:
    return f"""# Customer Handoff: Northwind Traders

## Stakeholders
{people}

## Next Steps
- [ ] Send the intro email to Dana Lee — @sam-ortiz, due 2026-11-21
"""


CHAMPION = "- Dana Lee, AP Manager — champion, ran the pilot"
PEOPLE = {
    "champion and economic buyer named": (
        CHAMPION + "\n- Martin Hale, CFO — economic buyer, signs the order",
        "complete",
    ),
    "our AE as the sponsor": (CHAMPION + "\n- Felix Brandt, our AE — executive sponsor of the deal", "partial"),
    "our CSM as the buyer": (CHAMPION + "\n- Felix Brandt (our CSM) — economic buyer contact for renewals", "partial"),
    "no sponsor at all": (CHAMPION, "partial"),
    "roles without names": ("- The champion is the AP Manager; the CFO is the economic buyer", "partial"),
    "the company is no person": (CHAMPION + "\n- Northwind Traders, CFO office — economic buyer", "partial"),
}


@named_cases("people, expected", PEOPLE)
def test_a_stakeholder_is_a_named_person_of_the_customer_in_the_role(run, tmp_path, people, expected):
    categories = judged(run, tmp_path, stakeholders(people))
    assert categories["relationship"]["status"] == expected
    if expected == "partial":
        assert "Felix Brandt" not in " ".join(categories["relationship"]["found"])


def test_people_under_our_own_team_heading_are_not_the_customers(run, tmp_path):
    text = stakeholders(CHAMPION + "\n\n### Our side\n- Martin Hale, CFO — economic buyer, signs the order")
    assert judged(run, tmp_path, text)["relationship"]["status"] == "partial"


def test_a_person_block_heading_with_a_title_names_the_stakeholder(run, tmp_path):
    text = stakeholders("### Dana Lee - AP Manager (champion)\n\n### Martin Hale - CFO (economic buyer)\n")
    found = " ".join(judged(run, tmp_path, text)["relationship"]["found"])
    assert "champion: Dana Lee" in found
    assert "economic buyer: Martin Hale" in found


# --- contradictions ----------------------------------------------------------------------------------

WITHOUT_RENEWAL_FIELD = BASE.replace('renewal_date: "2027-12-01"\n', "")


def with_renewal(first: str, second: str) -> str:
    return WITHOUT_RENEWAL_FIELD.replace(
        "## Expansion Opportunity", f"## Renewal\n\n{first}\n\n{second}\n\n## Expansion Opportunity"
    )


@pytest.mark.parametrize(
    "first, second, contradicts",
    [
        ("The renewal date is 2027-12-01.", "Renewal is in March 2028.", True),
        ("The renewal date is 2027-12-01.", "Renewal is in December 2027.", False),  # the day is in the month
        ("Renewal is in Q4 2027.", "The renewal date is 2027-12-01.", False),
        ("Renewal is in Q1 2028.", "The renewal date is 2027-12-01.", True),
        ("The renewal date is 2027-12-01.", "Renewal notice due 2027-10-01.", False),  # another event
        ("Renewal is on 12/1.", "Renewal is on 3/1.", True),
        ("Renewal is on 12/1.", "Renewal is in December.", False),
        ("Renewal is on Dec 1, 2027.", "Renewal is on Mar 1, 2028.", True),
        ("Renewal is in Q4 FY27.", "Renewal is in Q2 FY28.", True),
        ("Renewal is in Q4.", "Renewal is in November.", False),
        ("Renewal is in Q1.", "Renewal is in November.", True),
        ("Renewal is in December.", "Ray may ask for a discount at renewal on 2026-12-01.", False),
    ],
)
def test_two_renewal_dates_demote_expectations(run, tmp_path, first, second, contradicts):
    expectations = judged(run, tmp_path, with_renewal(first, second))["expectations"]
    assert expectations["status"] == ("partial" if contradicts else "complete")
    said = " ".join(expectations["missing"])
    assert ("contradiction: the renewal is given as" in said) is contradicts


@pytest.mark.parametrize(
    "action, answered",
    [
        ("- [ ] Export the supplier master from NetSuite — @leo-grant, due 2026-11-27", True),  # two shared words
        ("- [ ] Export the open purchase orders from NetSuite — @leo-grant, due 2026-11-27", False),
        ("- [ ] Check the supplier list in NetSuite — @leo-grant, due 2026-11-27", False),  # one shared word
    ],
)
def test_a_risk_is_answered_by_an_action_about_the_same_thing(run, tmp_path, action, answered):
    risk = (
        "| Risk | Severity | Mitigation |\n|---|---|---|\n| Duplicate vendors in the supplier master | High | TBD |\n"
    )
    text = replace_section(WITHOUT_CONCERNS, "## Risk Flags", risk)
    text = replace_section(text, "## Action Items", "\n".join(OWNED + [action]))
    risks = judged(run, tmp_path, text)["risks"]
    assert f"1 risks, {int(answered)} mitigated" in " ".join(risks["found"])


def test_success_criteria_written_as_a_table_are_read_across_the_row(run, tmp_path):
    table = (
        "| Metric | Target | By |\n|---|---|---|\n"
        "| Invoice-matching time | under 4 h/week | 2027-03-19 |\n"
        "| Touchless auto-match rate | at least 80% | 2027-03-31 |\n"
    )
    text = replace_section(BASE, "### Success Criteria (Agreed with Customer)", table)
    assert "(2 measurable)" in " ".join(judged(run, tmp_path, text)["expectations"]["found"])


def test_a_numbered_risk_register_is_read_from_its_risk_column(run, tmp_path):
    rows = ["| # | Risk | Severity | Mitigation |", "|---|------|----------|------------|"]
    rows += [f"| {i + 1} | {risk} | Medium | {plan} |" for i, (risk, plan) in enumerate(RISKS)]
    risks = judged(run, tmp_path, replace_section(WITHOUT_CONCERNS, "## Risk Flags", "\n".join(rows)))["risks"]
    assert risks["status"] == "complete"
    assert "5 risks, 5 mitigated" in " ".join(risks["found"])


def test_a_table_with_an_owner_but_no_date_column_is_not_a_list_of_actions(run, tmp_path):
    owners = "## Systems ownership\n| System | Owner |\n|---|---|\n| NetSuite | Aisha Khan |\n| Okta | Leo Grant |\n\n"
    text = BASE.replace("## Expansion Opportunity", owners + "## Expansion Opportunity")
    assert "(5 items, 5 owned and dated)" in " ".join(judged(run, tmp_path, text)["actions"]["found"])


def test_owned_and_dated_steps_are_actions_under_any_heading(run, tmp_path):
    steps = (
        "- Sam Ortiz to send the intro email to Dana Lee by 2026-11-21\n"
        "- Priya Shah to schedule the kickoff call with Aisha Khan by 2026-11-24\n"
        "- Sam Ortiz to share the pilot results with implementation by 2026-11-24"
    )
    text = replace_section(BASE.replace("## Action Items", "## Notes from the call"), "## Notes from the call", steps)
    actions = judged(run, tmp_path, text)["actions"]
    assert actions["status"] == "complete"
    assert "(3 items, 3 owned and dated)" in " ".join(actions["found"])


@pytest.mark.parametrize("prompt", ["- Who is the economic buyer?", "- Identify the economic buyer and the sponsor"])
def test_a_template_prompt_is_not_an_answer(run, tmp_path, prompt):
    relationship = judged(run, tmp_path, stakeholders(CHAMPION + "\n" + prompt))["relationship"]
    assert "executive sponsor or economic buyer: not found" in relationship["missing"]


def test_company_profile_lines_are_context_not_current_systems(run, tmp_path):
    profile = (
        "Industry: freight forwarding, 400 staff\n\nHQ: Leeds, UK, with offices in Hull and York\n\nHeadcount: 400"
    )
    with_profile = judged(run, tmp_path, replace_section(BASE, "## Technical Context", profile))["technical"]
    without = judged(run, tmp_path, replace_section(BASE, "## Technical Context", "See above."))["technical"]

    def systems(found):  # what was found, without its line numbers (the profile shifts them)
        return [f.split(" (line")[0] for f in found if f.startswith("current systems")]

    assert systems(with_profile["found"]) == systems(without["found"])


def test_the_customer_named_in_the_frontmatter_is_no_person(run, tmp_path):
    text = "---\ncustomer: Penrose Ward\n---\n" + stakeholders(
        CHAMPION + "\n- Penrose Ward, CFO office — economic buyer"
    )
    relationship = judged(run, tmp_path, text.replace("Northwind Traders", "the account"))["relationship"]
    assert "executive sponsor or economic buyer: role mentioned but nobody named" in relationship["missing"]


def test_guessed_systems_are_unconfirmed(run, tmp_path):
    guessed = (
        "| Item | Detail |\n|------|--------|\n"
        "| Integration requirements | I think they use NetSuite, not sure which edition |\n"
        "| Data migration | Probably their suppliers, maybe 2,000, not confirmed |\n"
        "| Technical constraints | Not sure yet, we think a monthly sandbox refresh |\n"
        "| Security/compliance | Possibly SSO, unclear, to be confirmed |"
    )
    technical = judged(run, tmp_path, replace_section(BASE, "## Technical Context", guessed))["technical"]
    assert technical["status"] == "partial"
    assert "security and compliance: unconfirmed (guessed or unknown)" in technical["missing"]
    assert not [f for f in technical["found"] if f.startswith("security") and "specific" in f]
