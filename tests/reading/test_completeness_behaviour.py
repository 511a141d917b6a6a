"""How much of each expected section is filled (the JSON's ``sections``): Complete, Partial or Missing.

Each case is the good sales-to-cs example with one section rewritten, read through the CLI as a user
reads it. A table section needs every row's required cells, a field section every required label filled,
a content section enough filled items (``min_items``); a stated absence ("None identified as of …") is
an answer. Names, companies and numbers are invented.
"""

from __future__ import annotations

import pytest

from conftest import write
from support.edited_example import BASE, linted, replace_section, rewritten
from support.tables import named_cases


def sections(run, tmp_path, text: str) -> dict:
    return linted(run, tmp_path, text)["sections"]


HEADER = "| Risk | Severity | Mitigation |\n|------|----------|------------|\n"
ROW = "| About 12% duplicate suppliers in the vendor master | Medium | Leo runs the duplicate report in week 1 |\n"
RISK_TABLES = {
    "every row filled": (HEADER + ROW * 2, "complete"),
    "one row's mitigation empty": (HEADER + ROW + "| Aisha Khan is on leave in December | High | |\n", "partial"),
    "one row's mitigation a placeholder": (HEADER + ROW + "| Aisha Khan is on leave | High | [TBD] |\n", "partial"),
    "a row shorter than the header": (HEADER + ROW + "| Aisha Khan is on leave in December | High |\n", "partial"),
    "every row blank": (HEADER + "| | | |\n| [Risk] | [Severity] | [Mitigation] |\n", "missing"),
    "a stated absence": (HEADER + "| None identified as of 2026-11-20 | | |\n", "complete"),
    "a risk and a stated absence": (HEADER + ROW + "| None identified as of 2026-11-20 | | |\n", "complete"),
    "a required column left out": (
        "| Risk | Mitigation |\n|---|---|\n| Duplicate suppliers | Leo cleans it |\n",
        "partial",
    ),
    "a list instead of a table": ("- Duplicate suppliers in the vendor master: Leo cleans it in week 1\n", "complete"),
}


@named_cases("table, expected", RISK_TABLES)
def test_a_risk_table_is_complete_when_every_row_has_its_required_cells(run, tmp_path, table, expected):
    assert sections(run, tmp_path, replace_section(BASE, "## Risk Flags", table))["risk-flags"] == expected


TECHNICAL = {
    "every required field": (None, "complete"),
    "one field a placeholder": ("| Data migration | TBD |", "partial"),
    "one field not written": ("", "partial"),
}


@named_cases("line, expected", TECHNICAL)
def test_a_field_section_is_complete_when_every_required_field_is_filled(run, tmp_path, line, expected):
    text = BASE
    if line is not None:
        old = next(row for row in BASE.splitlines() if row.startswith("| Data migration |"))
        text = BASE.replace(old + "\n", line + "\n" if line else "")
    assert sections(run, tmp_path, text)["technical-context"] == expected


def test_a_field_section_with_every_field_blank_is_missing(run, tmp_path):
    table = "| Item | Detail |\n|------|--------|\n" + "".join(
        f"| {name} | |\n"
        for name in ("Integration requirements", "Data migration", "Technical constraints", "Security/compliance")
    )
    text = replace_section(BASE, "## Technical Context", table)
    assert sections(run, tmp_path, text)["technical-context"] == "missing"


CRITERIA = [
    "Cut invoice-matching time from 20 h/week to under 4 h/week by 2027-03-19.",
    "Auto-match at least 80% of PO-backed invoices by 2027-03-31.",
    "Shorten month-end close from 9 to 6 working days by the April close.",
]


@pytest.mark.parametrize(
    "items, expected",
    [
        (CRITERIA, "complete"),
        (CRITERIA[:2], "partial"),  # the section asks for three
        (CRITERIA + ["[Add a fourth criterion]"], "partial"),  # one item left as a placeholder
        (["[Criterion]", "TBD"], "missing"),
        (["None."], "missing"),  # "None." answers only where risks are asked for
    ],
)
def test_a_content_section_needs_its_minimum_of_filled_items(run, tmp_path, items, expected):
    body = "\n".join(f"{i + 1}. {item}" for i, item in enumerate(items))
    text = replace_section(BASE, "### Success Criteria (Agreed with Customer)", body)
    assert sections(run, tmp_path, text)["success-criteria"] == expected


def test_a_section_not_written_is_missing(run, tmp_path):
    text = BASE.replace("## Risk Flags", "## Notes on the account")
    assert sections(run, tmp_path, text)["risk-flags"] == "missing"


def test_a_table_without_a_required_column_is_reported_at_the_tables_line(run, tmp_path):
    text = replace_section(
        BASE, "## Risk Flags", "| Risk | Mitigation |\n|---|---|\n| Duplicate suppliers | Leo cleans it |"
    )
    path = write(tmp_path, "handoff.md", text)
    config = write(tmp_path, "template.toml", 'structure = "template"\n')  # HL303 checks the template's tables
    r = run("check", path, "--format", "json", "--no-cache", "--config", config)
    line = text.splitlines().index("| Risk | Mitigation |") + 1
    findings = [(f["code"], f["line"], f["message"]) for f in r.json()["files"][0]["findings"] if f["code"] == "HL303"]
    assert findings == [("HL303", line, "'Risk Flags' table has no 'Severity' column")]


BOUGHT = {
    "a table of labels left blank": ("| Product | [Name] |\n|---|---|\n| Users | [Number] |", "missing"),
    "a one-column table": (
        "| What they bought |\n|---|\n| Ledgerly AP Automation Professional for 25 finance users |\n"
        "| About 3,500 supplier invoices a month are matched to POs by hand today |",
        "complete",
    ),
}


@named_cases("body, expected", BOUGHT)
def test_a_table_in_a_prose_section_is_filled_by_what_follows_its_labels(run, tmp_path, body, expected):
    assert rewritten(run, tmp_path, "## What They Bought and Why", body)["sections"]["what-they-bought"] == expected
