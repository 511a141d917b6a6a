"""What is a template's instruction and what is a handoff's own statement (reading/statements.py).

Phrasings written for this test.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import write
from handoff_lint.reading.statements import is_guidance, person_names
from support.tables import answers

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


# Who person_names finds. A place word that is also a surname (Park, Hall, Hill, Mills…) names a person when a
# title stands beside it.
PERSON_NAMES = [
    ("Leo Park, CFO, signs off", ("Leo Park",)),
    ("Grace Hall (VP Finance) is the sponsor", ("Grace Hall",)),
    ("Sam Hill — Head of IT", ("Sam Hill",)),
    ("Tom Mills: controller for both plants", ("Tom Mills",)),
    ("CFO Leo Park approved the budget", ("Leo Park",)),
    ("Ben Mills, procurement lead, wants the MSA first", ("Ben Mills",)),
    ("Leo Park | CFO | Economic buyer", ("Leo Park",)),  # a table row: the title in the next cell
    ("Jin Lane (Director of Operations) ran the pilot", ("Jin Lane",)),
    ("Thornbury House is their HQ", ()),
    ("Hyde Park hosts the offsite", ()),
    ("Riverside Mills, the old warehouse", ()),
    ("Plant manager at Riverside Mills", ()),
    ("Riverside Park, next to the depot", ()),
    ("Colmore Row, Birmingham", ()),
    ("Boulder Office: the CFO sits there", ()),
    ("Meet at Kings Court before the demo", ()),
    # a title further on, one that belongs to the next name, or one that names a place: still a place
    ("Kickoff at Thornbury House, with the CFO and the VP Finance", ()),
    ("Hyde Park, CFO Anneke Vos will attend", ("Anneke Vos",)),
    ("Wellington House (CFO office, 3rd floor)", ()),
    ("Grosvenor Court: VP Finance and CFO", ()),
    ("Mill Lane, Director of Ops present", ()),
    ("Old Hall, CEO breakfast at 8", ()),
    # a title written before the name is not part of it; a title alone, or with one name, is nobody
    ("Economic buyer: VP Finance Anneke Vos", ("Anneke Vos",)),
    ("Director Anneke Vos signs the order", ("Anneke Vos",)),
    ("Champion: Controller Bram Jansen", ("Bram Jansen",)),
    ("Procurement Manager Bram Jansen wants the MSA first", ("Bram Jansen",)),
    ("Head of Shops Ines Varga ran the pilot", ("Ines Varga",)),
    ("Operations Director Ines Varga and Finance Lead Bram Jansen", ("Ines Varga", "Bram Jansen")),
    ("Customer Success Manager", ()),
    ("Sales Director Anneke", ()),
    ("Finance Team Lead", ()),
    ("Hui Min Tran runs AP", ("Hui Min Tran",)),
]


test_people_are_found_by_their_names_not_by_the_titles_or_places_around_them = answers(person_names, PERSON_NAMES)


SPONSOR_CALLED_PARK = """\
# Handoff: Aldermoor Bakeries

## Stakeholders
- Leo Park, CFO — economic buyer, signs the order
- Ines Varga, Head of Shops — champion
"""


SPONSOR_CALLED_PARK_IN_A_TABLE = """\
# Handoff: Aldermoor Bakeries

## Stakeholders
| Name | Title | Role |
|---|---|---|
| Leo Park | CFO | Economic buyer |
| Ines Varga | Head of Shops | Champion |
"""


@pytest.mark.parametrize("document", [SPONSOR_CALLED_PARK, SPONSOR_CALLED_PARK_IN_A_TABLE])
def test_a_sponsor_called_park_is_credited_through_the_cli(run, tmp_path, document):
    path = write(tmp_path, "handoff.md", document)
    result = run("check", path, "--format", "json", "--no-cache", "--type", "sales-to-cs")
    assert "Leo Park" in " ".join(result.json()["files"][0]["categories"]["relationship"]["found"])


_TITLES = ["Director", "VP Finance", "Controller", "Head of Operations", "Procurement Manager", "CFO", "Finance Lead"]
_FIRST = ["Anneke", "Bram", "Ines", "Tomasz", "Yuki", "Oluwaseun"]
_LAST = ["Vos", "Jansen", "Varga", "Nowak", "Sato", "Adeyemi"]


@given(st.sampled_from(_TITLES), st.sampled_from(_FIRST), st.sampled_from(_LAST), st.sampled_from(["", "Champion: "]))
def test_any_title_before_any_name_leaves_the_name(title, first, last, label):
    assert person_names(f"{label}{title} {first} {last} owns the rollout") == (f"{first} {last}",)
