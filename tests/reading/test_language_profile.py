"""Company-profile lines and document stamps are context, not systems or dates of the deal (language/profile.py).

The phrasings are written for these tests, in the styles of CRM field dumps, Notion and Google-Docs exports.
"""

from __future__ import annotations

import pytest

from conftest import write
from handoff_lint.reading.language.profile import is_company_profile, is_document_stamp
from support.tables import answers

LABELS = [
    ("Industry", True),
    ("industry", True),
    ("Vertical", True),
    ("Employees", True),
    ("Employee Count", True),
    ("Headcount", True),
    ("HQ", True),
    ("HQ_City", True),
    ("Headquarters", True),
    ("Company Size", True),
    ("Annual_Revenue", True),
    ("Founded", True),
    ("Website", True),
    ("Locations", True),
    ("Current_Systems", False),
    ("Tech stack", False),
    ("ERP", False),
    ("Integrations", False),
    ("Security", False),
    ("Champion", False),
    ("", False),
]


STAMPS = [
    ("Lead Conversion Record — exported 2027-05-19 09:42 ET", True),
    ("Last edited: Mar 3, 2026", True),
    ("Created on 2026-11-02 by Sam", True),
    ("Exported from Notion on 12/18", True),
    ("Last updated 18 Dec", True),
    ("Export the user list from Okta by Friday", False),  # a step, not a stamp
    ("They export invoices to Sage nightly", False),
    ("Created a shared Slack channel with their IT team last week and moved the thread there", False),
    ("Go-live 2027-03-11", False),
    ("Last edited", False),  # no date: no stamp
    ("Exported:2026-03-11", True),
    ("Account record for Harlan Bikes, Bend office, west region team, exported 2027-05-19 09:42 ET", True),  # 14 words
    ("Account record for Harlan Bikes, Bend office, west region sales team, exported 2027-05-19 09:42 ET", False),
    ("2026-03-11: we exported the first file", False),  # the date is before the word
]


CRM_DUMP = """
Lead record — exported 2027-05-19 09:42 ET

Account_Name: Harlan Bikes
Industry: SaaS-enabled bike rental, cloud kitchen cafe
Employees: 240
HQ_City: Bend, OR
Annual_Revenue: ~$31M
Pain: Bookings are taken on paper at 5 shops; 14% of weekend bikes sit unbooked.
"""


def test_profile_lines_and_an_export_stamp_are_not_read_as_systems_or_integrations(run, tmp_path):
    result = run(write(tmp_path, "harlan.md", CRM_DUMP), "--format", "json", "--no-cache", "--type", "sdr-to-ae")
    assert result.code in (0, 1), result
    technical = result.json()["files"][0]["categories"]["technical"]
    assert technical["status"] == "missing", technical


# The tables above, each read by the function it describes (one case a row).
test_a_company_profile_label = answers(is_company_profile, LABELS)
test_a_document_stamp_says_when_the_document_was_made = answers(is_document_stamp, STAMPS)


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
