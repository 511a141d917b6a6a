"""One judge of "measurable" (reading/language/measures.unmeasured): rule HL400 reports a success
criterion exactly when the content judges would not count it as a measurable target, hedged ones too."""

from __future__ import annotations

import pytest

from conftest import write
from handoff_lint.reading.statements import measurable

HANDOFF = "---\ntype: sales-to-cs\ncustomer: Northwind Traders\n---\n# Handoff: Northwind\n\n## Success Criteria\n"
CRITERIA = [
    "85% touchless invoices by 2027-03-31",
    "Cut invoice matching to under 4 h/week within 60 days of go-live",
    "Probably 85% touchless invoices by 2027-03-31",  # a guess
    "I think month-end close in 5 days by Q2 2027",  # a guess
    "3 entities live by 2027-06-30?",  # a question
    "About 900 invoices a week matched by week 6",  # an estimate is still an answer
    "85% touchless invoices",  # no time bound
    "Touchless invoices by 2027-03-31",  # no number
    "Improve invoice processing efficiency",  # neither
    "Maybe improve efficiency",  # neither, and a guess
]


@pytest.mark.parametrize("criterion", CRITERIA)
def test_hl400_reports_a_criterion_exactly_when_the_judges_find_it_unmeasurable(run, tmp_path, criterion):
    write(tmp_path, "lead.md", HANDOFF + f"- {criterion}\n")
    findings = run("lead.md", "--select", "HL400", "--format", "json", cwd=tmp_path).json()["files"][0]["findings"]
    assert bool(findings) is not measurable(criterion), findings
    if findings and measurable(criterion.replace("Probably ", "").replace("I think ", "").rstrip("?")):
        assert "a guess, not a commitment" in findings[0]["message"]  # says why: only the hedge is wrong
