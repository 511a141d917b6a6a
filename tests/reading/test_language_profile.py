"""Company-profile lines and document stamps are context, not systems or dates of the deal (language/profile.py).

The phrasings are written for these tests, in the styles of CRM field dumps, Notion and Google-Docs exports.
"""

from __future__ import annotations

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
