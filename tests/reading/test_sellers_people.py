"""The seller's own people are left out person by person, never line by line (issue 22).

A handoff names our AE, SE or CSM beside the customer's people, on one line or in one table row: "Our AE:
Tobias Wren; Maren Holt, CFO — economic buyer". The customer's CFO is still the economic buyer; our AE is
nobody's sponsor. Each row below is a Stakeholders section written for this test (invented people, in the
shapes people write: bold labels, table rows, "Our side:/Their side:", "AE (us): …", Slack pastes,
owner-first lines) and what the relationship judge finds in it: "element: name" for every person it
credits, sorted ("contacts" takes any customer's person, "sponsor" and "champion" need the role).
"""

from __future__ import annotations

from handoff_lint.handoff_types.definitions import load_types
from handoff_lint.parse.parser import parse_text
from handoff_lint.reading.evidence import gather
from handoff_lint.reading.judges import judge
from handoff_lint.reading.language.people import own_clauses, sellers_people, without_sellers
from support.tables import answers

SALES_TO_CS = load_types()["sales-to-cs"]


def relationship(section: str) -> tuple[str, ...]:
    """ "element: name" for each person the relationship judge credits in a handoff whose Stakeholders
    section is ``section``."""
    text = f"# Customer Handoff: Kestrel Joinery\n\n## Stakeholders\n\n{section}\n"
    judged = judge(SALES_TO_CS, gather(parse_text("handoff.md", text)))["relationship"]
    found = set()
    for element in judged.elements:
        for entry in element.found:
            if " (line " in entry:
                found.add(f"{element.spec.key}: {entry.split(' (line ')[0]}")
    return tuple(sorted(found))


def buyer(name: str = "Maren Holt") -> tuple[str, ...]:
    return (f"contacts: {name}", f"sponsor: {name}")


def champion(name: str = "Maren Holt") -> tuple[str, ...]:
    return (f"champion: {name}", f"contacts: {name}")


KEPT = [
    # One list item: our AE, then the customer's buyer.
    ("- Our AE: Tobias Wren; Maren Holt, CFO — economic buyer", buyer()),
    ("- Tobias Wren (our AE); Maren Holt, CFO — economic buyer", buyer()),
    ("- Tobias Wren (AE) and Maren Holt (CFO, economic buyer)", buyer()),
    ("- Tobias Wren, AE → Maren Holt, VP Finance (economic buyer)", buyer()),
    ("- AE (us): Tobias Wren — Maren Holt (VP Finance) is the economic buyer", buyer()),
    ("- Tobias Wren (AE, ours) / Maren Holt (Controller, budget holder)", buyer()),
    # Bold labels, one line.
    ("- **AE:** Tobias Wren · **Economic buyer:** Maren Holt (CFO)", buyer()),
    ("**Economic buyer:** Maren Holt (CFO) · **Our CSM:** Ilse Varga", buyer()),
    # "Our side / their side" on one line.
    ("- **Our side:** Tobias Wren (AE), Ilse Varga (SE) — **Their side:** Maren Holt (CFO, signs)", buyer()),
    ("- Our side: Tobias Wren and Ilse Varga; their side: Maren Holt, Head of Payroll, champion", champion()),
    ("- From us: Tobias Wren (AE). From them: Maren Holt, CFO and economic buyer", buyer()),
    # Our person after the customer's.
    ("- Maren Holt, CFO — economic buyer; our CSM Ilse Varga runs onboarding", buyer()),
    ("- Maren Holt (COO) signs; Tobias Wren is our AE and stays through go-live", buyer()),
    ("- Maren Holt, Payroll Manager — champion; AE Tobias Wren keeps the relationship", champion()),
    ("- Maren Holt — Payroll Manager, champion (works closely with our SE, Ilse Varga)", champion()),
    ("- Tobias Wren, our AE, and Maren Holt, the customer's CFO, who holds the budget", buyer()),
    # Slack pastes and owner-first lines.
    ("• Tobias Wren (AE) — 10:04 AM: Maren Holt, their CFO, is the one who approves", buyer()),
    ("- Tobias Wren (AE) → intro call with Maren Holt, CFO and budget holder, by Friday", buyer()),
    ("- Ilse Varga, CSM (ours) runs onboarding with Maren Holt, Payroll Manager — champion", champion()),
    ("- Handing over from Tobias Wren (AE): Maren Holt, CFO, is the economic buyer", buyer()),
    # Table rows.
    ("| Our side | Their side |\n|---|---|\n| Tobias Wren (AE) | Maren Holt (CFO), economic buyer |", buyer()),
    ("| Name | Role | Side |\n|---|---|---|\n| Tobias Wren | AE | us |\n| Maren Holt | CFO | customer |", buyer()),
    ("| Who | Notes |\n|---|---|\n| People | Tobias Wren (AE) owns it; Maren Holt (CFO) signs |", buyer()),
    # Headings and lead-in lines that say whose people follow.
    ("Their side:\n\n- Maren Holt, CFO — economic buyer\n\nOur side:\n\n- Tobias Wren, AE", buyer()),
    ("### Our side and theirs\n\n- Tobias Wren (AE)\n- Maren Holt (CFO) — economic buyer", buyer()),
    # What merely sounds like our team.
    ("- Maren Holt, CFO — she is firmly on our side and owns the budget", buyer()),
    ("- Maren Holt (CFO) signed after our CFO approved the discount", buyer()),
    ("- Maren Holt, VP Member Services — our champion", champion()),
    ("- Maren Holt, CFO at Brenner SE — economic buyer", buyer()),
    # "our <role>" with a noun after it: the customer's person who is our contact (second reader).
    ("- Maren Holt is our finance contact and the economic buyer", buyer()),
    ("- Maren Holt, my director-level contact — economic buyer", buyer()),
    ("- Maren Holt, our CFO counterpart — economic buyer", buyer()),
    # "the SE's critic" is about our SE, not a title; "Rep." is short for Representative.
    (
        "- Maren Holt (Finance Director) — the SE's sharpest critic, blocker",
        ("blocker: Maren Holt", "contacts: Maren Holt"),
    ),
    (
        "- Maren Holt (Finance Director) — the SE’s sharpest critic, blocker",
        ("blocker: Maren Holt", "contacts: Maren Holt"),
    ),
    ("- Maren Holt, Rep. Director, economic buyer", buyer()),
    # Each of the customer's people has their own roles, not the roles of the others on the line.
    (
        "- Our AE: Tobias Wren; Maren Holt, CFO — economic buyer; Corin Blake, Payroll Lead — champion",
        ("champion: Corin Blake", "contacts: Corin Blake", "contacts: Maren Holt", "sponsor: Maren Holt"),
    ),
    (
        "- **Their side:** Maren Holt (CFO, economic buyer), Corin Blake (Payroll Lead, champion), "
        "Edda Morrow (Head of IT, sceptic)",
        ("blocker: Edda Morrow", "champion: Corin Blake", "contacts: Corin Blake", "contacts: Edda Morrow")
        + ("contacts: Maren Holt", "sponsor: Maren Holt"),
    ),
    (
        "- Maren Holt (Finance Director, economic buyer) · Corin Blake (Planning Lead) · Edda Morrow (IT, blocker)",
        ("blocker: Edda Morrow", "contacts: Corin Blake", "contacts: Edda Morrow", "contacts: Maren Holt")
        + ("sponsor: Maren Holt",),
    ),
    # What is said of them all stays said of each.
    ("- Maren Holt and Corin Blake — joint champions", tuple(sorted(champion() + champion("Corin Blake")))),
    (
        "- Maren Holt (Payroll Manager), Corin Blake (Planning Lead) — both champions",
        tuple(sorted(champion() + champion("Corin Blake"))),
    ),
    ("- Maren Holt, Corin Blake: champions of the rollout", tuple(sorted(champion() + champion("Corin Blake")))),
    # Whoever wrote or receives the handoff is ours wherever named.
    ("Prepared by: Tobias Wren\n\n- Maren Holt (CFO) and Tobias Wren signed the order form", buyer()),
    ("From: Tobias Wren\n\n- Tobias Wren's counterpart Maren Holt (CFO)", buyer()),
    ("From: Tobias Wren\n\n- Tobias Wren’s counterpart Maren Holt (CFO)", buyer()),
    # "customer" or "theirs" beside a role in one pair of parentheses: the customer's own SE.
    ("- Maren Holt (SE, customer) — champion of the rollout", champion()),
    ("- Maren Holt (SE, theirs) — champion of the rollout", champion()),
    ("- Maren Holt (AE, client side) — champion of the rollout", champion()),
    # Our people's words give the customer's person no role.
    ("- Our CFO Anselm Vogt approved the discount; Maren Holt, Payroll Manager — champion", champion()),
]

DROPPED = [
    ("- Tobias Wren (AE)", ()),
    ("- Our CSM: Ilse Varga", ()),
    ("- Ilse Varga, our SDR, booked the first call", ()),
    ("- Our CFO, Anselm Vogt, approved the discount", ()),
    ("- Handing over from Tobias Wren (AE) to Ilse Varga (CSM)", ()),
    ("- Handing over from Tobias Wren to Ilse Varga", ()),
    ("- SE: Ilse Varga — runs the demo environment", ()),
    ("- Tobias Wren — sponsor on our side", ()),
    ("- Our AE Tobias Wren is the executive sponsor for this account", ()),
    ("- Ilse Varga, Customer Success Manager — owns onboarding", ()),
    ("- Tobias Wren is our AE and the main contact for their CFO", ()),
    ("- Tobias Wren is my CSM and owns the renewal", ()),
    ("- Tobias Wren, our finance team lead", ()),
    ("- Ilse Varga (Finance Director) — the SE for the pilot", ()),
    ("- Tobias Wren, Rep", ()),
    ("- Tobias Wren, Rep.", ()),
    ("- Tobias Wren (SE, ours) — champion of the rollout", ()),
    ("- Tobias Wren (our SE, client) — champion of the rollout", ()),
    ("- Ilse Varga (CSM) — meets the customer weekly", ()),
    ("Our side:\n\n- Tobias Wren\n- Ilse Varga", ()),
    ("**AE:** Tobias Wren | **Implementation Lead:** Ilse Varga | **Date:** 2027-02-03", ()),
    ("### Our team\n\n- Tobias Wren, Account Executive\n- Ilse Varga, Solutions Architect", ()),
    ("| Our side | Their side |\n|---|---|\n| Tobias Wren (AE), Ilse Varga (SE) | to be confirmed |", ()),
]

test_the_customers_person_keeps_their_role_beside_our_team = answers(relationship, KEPT)
test_our_own_team_alone_is_nobodys_stakeholder = answers(relationship, DROPPED)


# Who of the named people is ours, read from the words beside each (language/people.py sellers_people).
PREAMBLE = (
    "They run four plants and one shared finance team that closes the month in nine days, want five by spring, "
    "and legal wants the DPA signed first; "
)
OURS = [
    (("Sam Ortiz (AM) runs the account", ("Sam Ortiz",)), ("Sam Ortiz",)),  # AM: account manager
    (("Sam Ortiz 9 AM call with their CFO", ("Sam Ortiz",)), ()),  # AM: the morning
    (("Dana Lee (CFO) is firmly on our side", ("Dana Lee",)), ()),  # support, not our team
    (("Their side: Dana Lee (CFO), firmly on our side", ("Dana Lee",)), ()),
    (("Sam Ortiz (SE, customer)", ("Sam Ortiz",)), ()),
    ((PREAMBLE + "Sam Ortiz (our AE) owns the deal", ("Sam Ortiz",)), ("Sam Ortiz",)),  # a mark far into a line
    (("Handing over from Sam Ortiz to Lena Fischer", ("Sam Ortiz", "Lena Fischer")), ("Lena Fischer", "Sam Ortiz")),
]


def _ours(case: tuple[str, tuple[str, ...]]) -> tuple[str, ...]:
    text, names = case
    return tuple(sorted(sellers_people(text, names)))


test_each_person_is_ours_or_theirs_by_the_words_beside_them = answers(_ours, OURS)


# Each person's own part of a line (own_clauses): one person's role is not the next one's.
CLAUSES = [
    (
        ("Martin Hale (CFO, economic buyer), Dana Lee (AP, champion)", ("Martin Hale", "Dana Lee")),
        ("Martin Hale (CFO, economic buyer)", " Dana Lee (AP, champion)"),
    ),
    (
        ("Dana Hale - CFO, sponsor\nDana Lee - AP Manager, champion", ("Dana Hale", "Dana Lee")),
        ("Dana Hale - CFO, sponsor", "Dana Lee - AP Manager, champion"),
    ),
    (
        ("Dana Hale, CFO; Dana Lee (works with Bram Jansen), champion", ("Dana Hale", "Dana Lee")),
        ("Dana Hale, CFO", " Dana Lee (works with Bram Jansen), champion"),
    ),
    # two names with nothing between them share their part; the next one still has its own
    (("Dana Hale with Dana Lee: sponsor; Bram Jansen, champion", ("Bram Jansen",)), (" Bram Jansen, champion",)),
]


def _clauses(case: tuple[str, tuple[str, ...]]) -> tuple[str, ...]:
    text, names = case
    own = own_clauses(text, [*names, *(n for n in ("Dana Hale", "Dana Lee") if n in text and n not in names)])
    return tuple(own[name] for name in names)


test_each_person_reads_their_own_part_of_a_line = answers(_clauses, CLAUSES)


def test_our_people_s_clauses_are_taken_out_and_the_customer_s_kept():
    said = without_sellers("Our CFO Anselm Vogt approved the discount; Maren Holt, Payroll Manager", {"Anselm Vogt"})
    assert "Maren Holt, Payroll Manager" in said and "Anselm" not in said and "discount" not in said
