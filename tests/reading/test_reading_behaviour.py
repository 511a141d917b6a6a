"""How one statement is read (reading/statements.py): a fact or not, who owns an action, when it is due.

Tables of realistic phrasings through the public functions the judges build on. Each row is one
thing a reviewer would say of the statement. Names and addresses are invented.
"""

from __future__ import annotations

import pytest

from handoff_lint.reading.statements import (
    concrete_tokens,
    content_words,
    dates_in,
    due_of,
    has_title,
    is_concrete,
    measurable,
    owner_of,
)

FACTS = [
    # (statement, carries a specific fact)
    ("write to dana.lee+ap@northwind.example about the rollout plan", True),  # an address
    ('they said "we want this live before the audit" twice', True),  # their own words, five or more
    ('they said "go live soon" again', False),  # a short quote is no fact
    ('they said "we want this live before the audit twice', False),  # an unclosed quote
    ("they said “fine” and later “we want this live before the audit”", True),  # curly quotes, the second long
    ("ping @dana.lee on the channel", False),  # a handle, not an address
    ("we met Dana at the office", True),  # a name mid-statement
    ("talk to O'Neil soon", True),
    ("the QBR and the SSO work", True),  # an acronym that names a system
    ("→ 40 stores across the region", True),  # a figure after a leading arrow
    ("→ forty stores across the region", False),
    ("** the team is happy", False),
    ("The plan is fine", False),  # a capital that starts the statement
    ("May is busy for them", False),
    ("I'm sure they like it", False),
    ("-Dana- said yes", False),  # the statement's first word, after symbols
    ("we met Li at the office", True),  # a two-letter name
    ("we met Xu at the office", True),
    ("they said I'm fine with it", False),  # "I'm" mid-statement
]


@pytest.mark.parametrize("text, concrete", FACTS)
def test_a_statement_is_concrete_when_it_names_counts_or_quotes_something(text, concrete):
    assert is_concrete(text) is concrete
    assert (concrete_tokens(text) > 0) is concrete


def test_each_address_is_one_fact():
    assert concrete_tokens("email ops@northwind.example or it@northwind.example") == 2


OWNERS = [
    # (text, label, table cells, the owner read)
    ("Send the SOW", "", {"task": "Send the SOW", "owner": "Ana Ruiz", "due": "2026-06-22"}, "Ana Ruiz"),
    ("Send the SOW", "", {"task": "Send the SOW", "assignee": "Ana Ruiz"}, "Ana Ruiz"),
    ("Send the SOW", "", {"task": "Send the SOW", "dri": "@ana"}, "@ana"),
    ("Send the SOW", "", {"task": "Send the SOW", "owner": "CSM", "due": "2026-06-22"}, None),  # a seat
    ("Send the SOW", "", {"task": "Send the SOW", "owner": "", "due": "2026-06-22"}, None),
    ("Send the SOW", "", {"task": "Ana Ruiz", "notes": "Ana Ruiz"}, None),  # not an owner column
    ("send the SOW by Jun 22", "Ana Ruiz", {}, "Ana Ruiz"),  # a label that is a name
    ("send the SOW by Jun 22", "Next step", {}, None),
    ("Ana to send the SOW by Jun 22", "", {}, "Ana"),  # written in the statement
]


@pytest.mark.parametrize("text, label, cells, owner", OWNERS)
def test_the_owner_of_an_action_is_a_named_person(text, label, cells, owner):
    assert owner_of(text, label, cells) == owner


DUES = [
    ({"task": "Send the SOW", "due": "2026-06-22"}, True),
    ({"task": "Send the SOW", "eta": "Jun 22"}, True),
    ({"task": "Send the SOW", "deadline": "by Friday"}, True),
    ({"task": "Send the SOW", "due": "TBD"}, False),
    ({"task": "Send the SOW", "due": ""}, False),
    ({"task": "Send the SOW", "notes": "Jun 22"}, False),  # a date in another column says nothing of when
]


@pytest.mark.parametrize("cells, dated", DUES)
def test_an_action_row_is_dated_by_its_due_column(cells, dated):
    assert due_of("Send the SOW", cells) is dated


def test_an_action_without_a_table_is_dated_by_its_own_text():
    assert due_of("Send the SOW by Jun 22")
    assert not due_of("Send the SOW soon")


@pytest.mark.parametrize(
    "text, titled",
    [
        ("Dana Lee, VP Finance", True),
        ("head of IT", True),
        ("Martin Hale (CFO)", True),
        ("Dana Lee, finance", False),
        ("Dana Lee, who runs the pilot", False),
    ],
)
def test_a_title_is_a_job_title_or_a_deal_role(text, titled):
    assert has_title(text) is titled


@pytest.mark.parametrize(
    "text, target",
    [
        ("80% auto-match by 2027-03-31", True),
        ("under 4 h/week of matching within 60 days of go-live", True),
        ("I think 80% auto-match by 2027-03-31", False),  # a guess is no target
        ("80% auto-match", False),  # no time bound
        ("auto-match by 2027-03-31", False),  # no quantity
    ],
)
def test_a_measurable_target_has_a_quantity_and_a_time_bound_and_is_not_guessed(text, target):
    assert measurable(text) is target


def test_the_subject_words_of_a_statement_leave_out_generic_words_and_numbers():
    assert content_words("The ERP integration with NetSuite needs 2 weeks of testing") == {
        "netsuite",
        "testing",
        "weeks",
    }


def test_dates_in_a_statement_are_the_full_dates_it_gives():
    assert [d.isoformat() for d in dates_in("kickoff 2026-12-03, review Jan 5, 2027, then soon")] == [
        "2026-12-03",
        "2027-01-05",
    ]
