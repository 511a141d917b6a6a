"""Filler and untouched templates fail clearly: the rubric's words without facts score low, a blank
template scores lower still, and each unfilled template line is one error, not one per blank in it.

The filler documents in tests/fixtures/filler/ were written for these tests: our own headings, every
slot answered in the rubric's words ("measurable success criteria", "each risk has a mitigation"),
and no name, number, date or system anywhere.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from conftest import REPO, good_example
from handoff_lint.handoff_types.definitions import load_types

FILLER = sorted((REPO / "tests" / "fixtures" / "filler").glob("*.md"))
TEMPLATES = sorted((REPO / "templates").glob("*.md"))


def lint(run, path: Path, *args):
    r = run(path, "--format", "json", "--no-cache", *args)
    assert r.code in (0, 1), r
    return r.json()["files"][0]


def test_there_is_a_filler_document_and_a_template_for_every_built_in_type():
    assert {path.stem for path in TEMPLATES} == set(load_types([])) and len(FILLER) >= 3


@pytest.mark.parametrize("path", FILLER, ids=lambda p: p.stem)
def test_the_rubrics_words_without_facts_score_30_or_less(run, path):
    result = lint(run, path)
    assert result["score"] <= 30, result["categories"]
    assert not result["passed"]


@pytest.mark.parametrize("path", FILLER, ids=lambda p: p.stem)
def test_a_category_of_filler_says_that_it_found_no_fact(run, path):
    result = lint(run, path)
    missing = [m for c in result["categories"].values() for m in c["missing"]]
    assert any("no fact: only the rubric's words" in m for m in missing), missing


def test_the_same_headings_with_facts_under_them_still_pass(run):
    """The filler rule reads statements, not headings: our own good example keeps its score."""
    result = lint(run, good_example("sales-to-cs"))
    assert result["score"] >= 90 and result["passed"]


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_an_untouched_template_scores_20_or_less(run, path, tmp_path):
    """A template starts as a draft (scored, not held to the threshold); marked ready, it fails."""
    result = lint(run, path)
    assert result["type"] == path.stem
    assert result["score"] <= 20 and result["status"] == "draft"
    ready = tmp_path / path.name
    ready.write_text(path.read_text(encoding="utf-8").replace("status: draft", "status: ready", 1), encoding="utf-8")
    result = lint(run, ready)
    assert result["score"] <= 20 and result["status"] == "fail"


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_each_unfilled_template_line_is_one_error(run, path):
    errors = Counter(f["line"] for f in lint(run, path)["findings"] if f["severity"] == "error")
    assert errors, "an untouched template has errors"
    assert {line: count for line, count in errors.items() if count > 1} == {}


def test_an_action_item_left_as_the_template_wrote_it_is_one_finding_naming_every_placeholder(run, tmp_path):
    template = (REPO / "templates" / "sales-to-cs.md").read_text(encoding="utf-8")
    line = next(n for n, text in enumerate(template.split("\n"), 1) if text.startswith("- [ ] [Send the intro"))
    found = [f for f in lint(run, REPO / "templates" / "sales-to-cs.md")["findings"] if f["line"] == line]
    assert [(f["code"], f["message"]) for f in found] == [
        ("HL310", "placeholders '[Send the intro email to the customer]', '[owner]', '[YYYY-MM-DD]' left in")
    ]


def test_a_template_table_row_left_blank_is_one_finding_naming_every_column(run):
    template = (REPO / "templates" / "sales-to-cs.md").read_text(encoding="utf-8")
    line = next(n for n, text in enumerate(template.split("\n"), 1) if text.startswith("| [Risk] |"))
    found = [f for f in lint(run, REPO / "templates" / "sales-to-cs.md")["findings"] if f["line"] == line]
    assert [(f["code"], f["message"]) for f in found] == [
        ("HL302", "'Risk Flags' row: 'Risk', 'Severity' and 'Mitigation' are empty")
    ]


PRAISED = """
---
type: sales-to-cs
customer: Northwind Traders
---
# Customer Handoff: Northwind Traders

## Customer Overview

Northwind Traders is a food distributor with 1,200 staff and 14 depots in the Midlands.
Founded in 1987, headquartered in Leicester.

## What They Bought

Northwind Traders signed a three-year subscription, $84,000 ARR, for 120 seats, signed 2026-11-20.

## Why They Bought

- Order errors cost them $40,000 last year.
- {statement}
"""

CUSTOMER_STATEMENTS = [
    # the customer's name and praise: filler, however many times the name is written
    ("Northwind Traders values the partnership and wants success with the platform.", "partial"),
    ("Northwind Traders is a valued, long-standing customer with a strong relationship with our team.", "partial"),
    ("Northwind wants to maximise value and drive adoption across the wider business.", "partial"),
    ("Northwind Traders is a key strategic account and sees us as a trusted partner.", "partial"),
    ("Northwind Traders is excited about the collaboration and the mutual success of both teams.", "partial"),
    ("Northwind Traders is happy overall, positive sentiment, keen to expand.", "partial"),
    # the customer's name and a fact about them
    ("Northwind Traders re-keys every order from Sage into their WMS by hand.", "complete"),
    ("Northwind Traders lost the Tesco contract after two late deliveries.", "complete"),
    ("Northwind's pickers walk 14 km a shift because the slotting is never updated.", "complete"),
    ("Their drivers wait 40 minutes a day at the Leicester gate for paperwork.", "complete"),
]


@pytest.mark.parametrize(("statement", "expected"), CUSTOMER_STATEMENTS)
def test_praise_that_only_names_the_customer_is_not_customer_context(run, tmp_path, statement, expected):
    """The issue's filler class: "values partnership, wants success" does not make the context Complete."""
    path = tmp_path / "northwind.md"
    path.write_text(PRAISED.lstrip("\n").replace("{statement}", statement), encoding="utf-8")
    customer = lint(run, path)["categories"]["customer"]
    assert customer["status"] == expected, customer
