"""How a document is cut into statements (reading/evidence.py): the units the judges read, each with its line.

A reviewer reads a memo sentence by sentence, a Notion property block line by line, a pasted "•" list
item by item, a table row by its column names, and a frontmatter value under its key. Each table
below is one paragraph or block as people write it and the statements read from it, through
``gather`` on the parsed document. Names and figures are invented.
"""

from __future__ import annotations

import textwrap

from handoff_lint.parse.parser import parse_text
from handoff_lint.reading.evidence import gather
from support.tables import named_cases

HEAD = "# Handoff: Northwind Traders\n\n## Notes\n\n"  # the paragraph under test starts on line 5


def statements(markdown: str, head: str = HEAD):
    evidence = gather(parse_text("handoff.md", head + textwrap.dedent(markdown)))
    return [(u.line, u.kind, u.text, u.label) for u in evidence.units if u.kind != "heading"]


PARAGRAPHS = {
    "memo prose, sentence by sentence": (
        "We met on Monday. The CFO is worried about the January close! Dana wants go-live by 2027-01-18.\n",
        [
            (5, "sentence", "We met on Monday.", ""),
            (5, "sentence", "The CFO is worried about the January close!", ""),
            (5, "sentence", "Dana wants go-live by 2027-01-18.", ""),
        ],
    ),
    "each sentence on the line it starts": (
        "We met the whole finance team on Monday at their office.\n"
        "The CFO is worried about the January close of the books, and says so.\n",
        [
            (5, "sentence", "We met the whole finance team on Monday at their office.", ""),
            (6, "sentence", "The CFO is worried about the January close of the books, and says so.", ""),
        ],
    ),
    "a property block, line by line": (
        "Owner: Dana Lee\nStatus: Live\nRegion: EMEA\n",
        [
            (5, "sentence", "Owner: Dana Lee", "Owner"),
            (6, "sentence", "Status: Live", "Status"),
            (7, "sentence", "Region: EMEA", "Region"),
        ],
    ),
    "pasted bullets, item by item": (
        "Notes from the call with the whole finance team today:\n• Budget is signed off\n  for the first year\n"
        "• Ruth may resist\n",
        [
            (5, "sentence", "Notes from the call with the whole finance team today:", ""),
            (6, "item", "Budget is signed off for the first year", ""),  # its continuation line joined
            (8, "item", "Ruth may resist", ""),
        ],
    ),
    "a Google Docs escaped bullet": (
        "Next steps agreed with the customer on the call today:\n\\- Send the SOW to Dana\n",
        [
            (5, "sentence", "Next steps agreed with the customer on the call today:", ""),
            (6, "item", "Send the SOW to Dana", ""),
        ],
    ),
    "emphasis and escapes taken out": (
        "**Budget:** \\$40k approved by the CFO\n",
        [(5, "sentence", "Budget: $40k approved by the CFO", "Budget")],
    ),
    "an owner first, before a dash": (
        "Dana — send the SOW by Jun 22\n",
        [(5, "sentence", "Dana — send the SOW by Jun 22", "Dana")],
    ),
    "a lead of more than eight words is no label": (
        "What the customer told us at the end of the call: go-live in March\n",
        [(5, "sentence", "What the customer told us at the end of the call: go-live in March", "")],
    ),
    "a checklist item": (
        "- [x] Book kickoff — @priya, due 2026-11-24\n- [ ] Send the SOW — @sam, due 2026-11-25\n",
        [
            (5, "item", "Book kickoff — @priya, due 2026-11-24", "Book kickoff"),
            (6, "item", "Send the SOW — @sam, due 2026-11-25", "Send the SOW"),
        ],
    ),
    "a multi-line list item, whole": (
        "- Ruth Collins may slow the approval matrix sign-off.\n  She was not in the pilot.\n",
        [(5, "item", "Ruth Collins may slow the approval matrix sign-off. She was not in the pilot.", "")],
    ),
    "a quote, whole": (
        "> We want this live. Before the audit, please.\n",
        [(5, "quote", "We want this live. Before the audit, please.", "")],
    ),
    "a template placeholder taken out": (
        "Champion: [Name], who ran the pilot\n\n[Describe the blocker]\n",
        [(5, "sentence", "Champion: , who ran the pilot", "Champion")],
    ),
}


@named_cases("markdown, expected", PARAGRAPHS)
def test_a_paragraph_is_read_as_the_statements_a_reviewer_sees(markdown, expected):
    assert statements(markdown) == expected


def test_a_checklist_item_says_whether_it_is_done():
    evidence = gather(parse_text("h.md", HEAD + "- [x] Book kickoff, due 2026-11-24\n- [ ] Send the SOW\n- Plain\n"))
    assert [u.checked for u in evidence.units if u.kind == "item"] == [True, False, None]


def test_a_table_row_is_read_by_its_column_names_under_its_headings():
    markdown = (
        "### Open items\n\n| Item | Owner | Due date |\n|---|---|---|\n"
        "| Send **the SOW** | Ana Ruiz | 2026-06-22 |\n| Connector | [Name] | |\n\n"
        "| Field | Detail |\n|---|---|\n| Budget | $40k |\n"
    )
    rows = [u for u in gather(parse_text("h.md", HEAD + markdown)).units if u.kind == "row"]
    assert [(u.line, u.text, u.cells, u.label) for u in rows] == [
        (
            9,
            "Send the SOW | Ana Ruiz | 2026-06-22",
            {"item": "Send the SOW", "owner": "Ana Ruiz", "due date": "2026-06-22"},
            "",
        ),
        (10, "Connector", {"item": "Connector", "owner": "", "due date": ""}, ""),  # a placeholder is no value
        (14, "Budget | $40k", {"field": "Budget", "detail": "$40k"}, "Budget"),  # a two-column row's label
    ]
    assert rows[0].topic == ("notes", "open", "items", "item", "owner", "due", "date")
    assert rows[2].topic == ("notes", "open", "items", "field", "detail", "budget")


def test_a_statement_under_a_subheading_has_the_topic_of_every_heading_above_it():
    evidence = gather(parse_text("h.md", HEAD + "### Internal Champion\n\nDana Lee ran the pilot for the AP team.\n"))
    sentence = next(u for u in evidence.units if u.kind == "sentence")
    assert sentence.topic == ("notes", "internal", "champion")
    assert evidence.headings[sentence.section].text == "Internal Champion"
    assert evidence.headings[evidence.headings[sentence.section].section].text == "Notes"
    assert evidence.title_words == ("handoff", "northwind", "traders")


def test_frontmatter_values_are_statements_under_their_key():
    front = (
        "---\ncustomer: Northwind Traders\ndeal_size: 48000\nattendees: [Dana Lee, Martin Hale]\n"
        "renewal: TBD\npilot: true\nnotes: {a: 1}\n---\n"
    )
    evidence = gather(parse_text("h.md", front + HEAD))
    assert [(u.line, u.text, u.label) for u in evidence.units if u.kind == "frontmatter"] == [
        (2, "customer: Northwind Traders", "customer"),
        (3, "deal size: 48000", "deal size"),  # "_" and "-" read as spaces
        (4, "attendees: Dana Lee, Martin Hale", "attendees"),  # a list, joined
    ]  # "TBD", a yes/no and a mapping say nothing


def test_the_same_phrase_is_found_under_any_of_its_word_forms():
    from handoff_lint.reading.evidence import PhraseIndex

    index = PhraseIndex({"risks": ("risk", "watch out"), "integrations": ("api", "data flow")})
    assert index.hits(("top", "risks")) == {"risks"}
    assert index.hits(("watch", "outs")) == {"risks"}
    assert index.hits(("watch", "the", "outs")) == frozenset()  # the words of a phrase follow each other
    assert index.hits(("apis",)) == {"integrations"}
    assert index.hits(("apigee",)) == frozenset()  # a short word (an acronym) only whole or plural
    assert index.hits_in_text("Data flows nightly; the API is REST") == {"integrations"}
    assert index.hits(("data",)) == frozenset()  # a phrase's first word alone is not the phrase


def test_an_escaped_pipe_stays_inside_its_cell():
    markdown = "| Item | Detail |\n|---|---|\n| Integration | REST \\| SOAP via the connector |\n"
    rows = [u for u in gather(parse_text("h.md", HEAD + markdown)).units if u.kind == "row"]
    assert rows[0].cells == {"item": "Integration", "detail": "REST | SOAP via the connector"}
