"""Thin handoffs as the judges grade them: the rubric's words with no fact under them, a contradiction in a
category already partial, steps written only in prose, and what the receiver is told is missing.
Names, companies and numbers are invented."""

from __future__ import annotations

import re

import pytest

from support.edited_example import BASE, linted, replace_section

# Full sentences of the rubric's words under our own headings, with no name, number or date.
RUBRIC_WORDS = """# Customer Handoff

## Customer Overview
The customer is a strategic account with a strong relationship and clear goals.

## Customer Expectations
The customer expects measurable success criteria and a fast time to value.
Success will be measured against the agreed goals and the business case.

## Risk Flags
Each risk has a mitigation plan owned by the account team.
The champion is highly engaged and the sponsor supports the project.

## Technical Context
The integration requirements are understood and the security review is complete.

## Action Items
- The team will follow up on next steps with the stakeholders.
- The account team will schedule the kickoff with the customer.
{extra}"""

FACTLESS_CATEGORIES = ("expectations", "risks", "technical", "actions")


def categories(run, tmp_path, text: str) -> dict:
    return linted(run, tmp_path, text, "sales-to-cs")["categories"]


def test_the_rubrics_words_without_facts_leave_every_category_but_the_customer_missing(run, tmp_path):
    judged = categories(run, tmp_path, RUBRIC_WORDS.format(extra=""))
    assert [judged[key]["status"] for key in FACTLESS_CATEGORIES] == ["missing"] * 4


def test_frontmatter_facts_do_not_make_the_rubrics_words_a_handoff(run, tmp_path):
    """The frontmatter's dates and amounts are filed, not stated: the body is still only the rubric's words."""
    frontmatter = (
        '---\ncustomer: Northwind Traders\ndate: "2026-11-20"\ndeal_size: 48000\n'
        'contract_start: "2026-12-02"\nrenewal_date: "2027-12-02"\n---\n'
    )
    judged = categories(run, tmp_path, frontmatter + RUBRIC_WORDS.format(extra=""))
    assert [judged[key]["status"] for key in FACTLESS_CATEGORIES] == ["missing"] * 4


def test_one_concrete_step_in_a_factless_document_is_still_read(run, tmp_path):
    """The one statement with a fact keeps its category from Missing; the others stay Missing."""
    step = "- [ ] Dana Lee sends the signed order form to legal — @sam-ortiz, due 2026-11-24\n"
    judged = categories(run, tmp_path, RUBRIC_WORDS.format(extra=step))
    assert judged["actions"]["status"] == "partial"
    assert judged["risks"]["status"] == "missing"


ONE_TARGET = (
    "1. Cut invoice-matching time from 20 h/week to under 4 h/week by 2027-03-19.\n2. Make the AP team happier."
)
WITHOUT_RENEWAL_FIELD = BASE.replace('renewal_date: "2027-12-02"\n', "")


@pytest.mark.parametrize(
    "second, expected",
    [
        ("Renewal is in March 2028.", "missing"),  # contradicts the first date: partial drops to missing
        ("Renewal is in December 2027.", "partial"),  # agrees: stays partial
    ],
)
def test_a_contradiction_in_a_partial_category_leaves_it_missing(run, tmp_path, second, expected):
    text = replace_section(WITHOUT_RENEWAL_FIELD, "### Success Criteria (Agreed with Customer)", ONE_TARGET)
    text = text.replace(
        "## Expansion Opportunity",
        f"## Renewal\n\nThe renewal date is 2027-12-01.\n\n{second}\n\n## Expansion Opportunity",
    )
    assert categories(run, tmp_path, text)["expectations"]["status"] == expected


VAGUE = """# Customer Handoff: Northwind Traders

## Customer Overview
Northwind is a fast-growing, innovative company with an ambitious finance team and a modern outlook on automation.

## Timeline Expectations
Go-live should happen once the finance team is ready, and the full rollout follows later on.

## Action Items
- [ ] Send the intro email to Dana Lee — @sam-ortiz, due 2026-11-21
"""


@pytest.mark.parametrize(
    "category, said",
    [
        ("customer", "company profile (what they do, size, where): no specific figures"),
        ("expectations", "timeline with firm dates: no firm dates"),
    ],
)
def test_a_vague_handoff_says_what_each_element_lacks(run, tmp_path, category, said):
    assert said in categories(run, tmp_path, VAGUE)[category]["missing"]


def test_one_sentence_of_pain_is_thin_even_with_figures(run, tmp_path):
    """Why they bought needs more than one statement: "3,500 invoices by 3 clerks" alone is a start."""
    pain = "They match 3,500 invoices a month by hand with 3 clerks."
    text = f"# Customer Handoff: Northwind Traders\n\n## Why They Bought\n{pain}\n"
    missing = categories(run, tmp_path, text)["customer"]["missing"]
    assert "why they bought (their pain, in specifics): no specific figures" in missing


EXPANSION = """---
type: cs-to-sales
customer: Northwind Traders
---
# Expansion Handoff: Northwind Traders

## Expansion Opportunity
{opportunity}
"""


@pytest.mark.parametrize(
    "opportunity, sized",
    [
        ("Seats: 40 more users for the Irish entity\n\nThey want the analytics module next year.", False),
        ("They want the analytics module for the Irish entity next year.", False),
        ("Expansion value: about £20,000 ARR for 40 more users in the Irish entity", True),
    ],
)
def test_an_expansion_is_sized_by_an_amount_not_by_any_number(run, tmp_path, opportunity, sized):
    missing = linted(run, tmp_path, EXPANSION.format(opportunity=opportunity))["categories"]["expectations"]["missing"]
    assert ("sized expansion opportunity: not sized" in missing) is not sized


def test_unowned_actions_say_how_many_lack_an_owner_and_a_date(run, tmp_path):
    body = (
        "- [ ] Send the intro email to Dana Lee — @sam-ortiz, due 2026-11-21\n"
        "- [ ] Follow up with the finance team about the approval matrix and the sandbox"
    )
    actions = categories(run, tmp_path, replace_section(BASE, "## Action Items", body))["actions"]
    assert "owned, dated next steps: 1 of 2 without an owner and a date" in actions["missing"]


def test_a_numbered_risk_register_is_answered_by_actions_about_its_risks(run, tmp_path):
    """A "#" column first: the risk is read from its Risk column, so an action on the same subject answers it."""
    register = (
        "| # | Risk | Severity | Mitigation |\n|---|------|----------|------------|\n"
        "| 1 | Duplicate suppliers in the vendor master slow the migration | High | TBD |\n"
        "| 2 | Scanned carrier invoices of poor quality fail the OCR step | Medium | TBD |"
    )
    actions = (
        "- [ ] Run the duplicate suppliers report on the vendor master — @leo-grant, due 2026-11-27\n"
        "- [ ] Sample scanned carrier invoices through the OCR step — @leo-grant, due 2026-12-02"
    )
    text = replace_section(replace_section(BASE, "## Risk Flags", register), "## Action Items", actions)
    text = re.sub(r"### Concerns Raised During Sales\n.*?(?=### Internal Champion)", "", text, flags=re.S)
    risks = categories(run, tmp_path, text)["risks"]
    assert "2 risks, 2 mitigated" in " ".join(risks["found"])


PROSE_ONLY = """# Customer Handoff: Northwind Traders

## Summary
Northwind Traders bought AP automation for 25 finance users at £48,000 ARR, starting 2026-12-01.
{steps}
"""


@pytest.mark.parametrize(
    "steps, read",
    [
        ("I'll send Dana Lee the signed order form by 2026-11-24, and Priya books the kickoff for 2026-12-03.", True),
        ('> "I\'ll send the signed order form by 2026-11-24," Dana Lee said on the call.', False),  # a quote
    ],
)
def test_steps_written_only_in_prose_are_the_handoffs_actions(run, tmp_path, steps, read):
    actions = categories(run, tmp_path, PROSE_ONLY.format(steps=steps))["actions"]
    assert (actions["status"] != "missing") is read


def test_a_step_led_by_its_owner_and_title_as_a_label_is_owned(run, tmp_path):
    """The label names the owner ("Martin Hale, CFO: sign-off …, 2026-12-05"); the text alone does not."""
    body = (
        "- Martin Hale, CFO: sign-off on the approval matrix, 2026-12-05\n"
        "- Aisha Khan, NetSuite Administrator: sandbox access for the connector, 2026-12-08"
    )
    actions = categories(run, tmp_path, replace_section(BASE, "## Action Items", body))["actions"]
    assert "(2 items, 2 owned and dated)" in " ".join(actions["found"])


def test_a_purchase_section_of_filler_is_not_there(run, tmp_path):
    """Filler where the deal should be is nothing: customer context stays Missing, not Partial."""
    step = "- [ ] Send the intro email — @sam-ortiz, due 2026-11-21"
    bought = "Standard package.\n\nDetails to follow."
    text = f"# Customer Handoff\n\n## What They Bought\n{bought}\n\n## Action Items\n{step}\n"
    assert categories(run, tmp_path, text)["customer"]["status"] == "missing"
