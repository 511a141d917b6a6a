"""Who the relationship judge takes for the customer's people: person blocks, lines naming several people,
the handoff's own author, and people named in the frontmatter. Names and companies are invented."""

from __future__ import annotations

import pytest

from conftest import write
from support.edited_example import linted

NEXT_STEP = "## Next Steps\n- [ ] Send the intro email to Dana Lee — @sam-ortiz, due 2026-11-21\n"


def relationship(run, tmp_path, people: str, frontmatter: str = "") -> dict:
    """The relationship category's JSON for a short handoff whose Stakeholders section is ``people``."""
    head = f"---\n{frontmatter}---\n" if frontmatter else ""
    text = f"{head}# Customer Handoff: Northwind Traders\n\n## Stakeholders\n{people}\n\n{NEXT_STEP}"
    return linted(run, tmp_path, text, "sales-to-cs")["categories"]["relationship"]


def named(result: dict, role: str) -> str:
    return " ".join(f for f in result["found"] if f.startswith(role))


def test_a_three_word_name_heading_over_a_title_is_a_person_block(run, tmp_path):
    result = relationship(run, tmp_path, "### Dana Maria Lee\n\nAP Manager, champion of the pilot\n")
    assert "Dana Maria Lee" in named(result, "champion")


def test_a_heading_that_mentions_a_name_is_not_a_person_block(run, tmp_path):
    """ "Notes from the call with Dana Lee" is about a meeting; the CFO line under it names nobody."""
    result = relationship(run, tmp_path, "### Notes from the call with Dana Lee\n\nThe CFO is the economic buyer.\n")
    assert "Dana Lee" not in named(result, "executive sponsor")


def test_the_handoffs_author_is_not_the_customers_sponsor(run, tmp_path):
    people = (
        "Prepared by: Kai Moreno, VP Sales — executive sponsor of this handoff\n\n- Dana Lee, AP Manager — champion"
    )
    result = relationship(run, tmp_path, people)
    assert "Kai Moreno" not in " ".join(result["found"])
    assert "Dana Lee" in named(result, "champion")


def test_a_line_naming_our_ae_then_the_customers_buyer_keeps_the_buyer(run, tmp_path):
    people = (
        "- Felix Brandt (our account executive); Martin Hale, CFO and economic buyer\n- Dana Lee, AP Manager — champion"
    )
    result = relationship(run, tmp_path, people)
    assert "Martin Hale" in named(result, "executive sponsor")
    assert "Felix Brandt" not in " ".join(result["found"])


@pytest.mark.parametrize("label", ["stakeholders", "attendees", "contacts"])
def test_people_listed_in_the_frontmatter_are_people(run, tmp_path, label):
    """Only the customer's name fields say who the customer is; other frontmatter names are people."""
    frontmatter = f"customer: Northwind Traders\n{label}: Martin Hale (CFO, economic buyer)\n"
    result = relationship(run, tmp_path, "- Dana Lee, AP Manager — champion", frontmatter)
    assert "Martin Hale" in named(result, "executive sponsor")


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


# One line, several labels: each label is said of the people in its own part ("Sponsor: not named yet;
# champion: …" names no sponsor). (line, who is credited as sponsor, who as champion)
SEVERAL_LABELS = [
    ("- Sponsor: Anneke Vos (CFO), champion: Bram Jansen (AP Lead)", "Anneke Vos", "Bram Jansen"),
    ("- **Sponsor:** Anneke Vos (CFO); **Champion:** Bram Jansen (AP Lead)", "Anneke Vos", "Bram Jansen"),
    ("- Economic buyer: Anneke Vos, CFO | Champion: Bram Jansen, AP Lead", "Anneke Vos", "Bram Jansen"),
    ("- Sponsor: not identified yet; champion: Bram Jansen (AP Lead)", "", "Bram Jansen"),
    ("- Champion: Bram Jansen (AP Lead). Sponsor: unknown", "", "Bram Jansen"),
    ("- Economic buyer: TBD, champion: Bram Jansen, AP Lead", "", "Bram Jansen"),
    # one label over several people is said of each of them
    ("- Champions: Bram Jansen (AP Lead), Ines Varga (Head of Shops)", "", "Bram Jansen Ines Varga"),
    ("- Anneke Vos (CFO): economic buyer, signs the order", "Anneke Vos", ""),
    ("- Call at 9:05 with Anneke Vos (CFO), our sponsor", "Anneke Vos", ""),
]


@pytest.mark.parametrize(("line", "sponsor", "champion"), SEVERAL_LABELS)
def test_each_label_on_a_line_is_said_of_its_own_part(run, tmp_path, line, sponsor, champion):
    result = relationship(run, tmp_path, line)
    for role, expected in (("executive sponsor", sponsor), ("champion", champion)):
        credited = named(result, role)
        for person in ("Anneke Vos", "Bram Jansen", "Ines Varga"):
            assert (person in credited) == (person in expected), (role, person, result["found"])
