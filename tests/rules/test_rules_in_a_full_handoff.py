"""The rules in a whole handoff with every rule on, driven through the CLI: the good examples have no
findings at all; options, suppressions and the score read together. Each rule's exact findings on a flaw
edited into a good example are in test_rule_behaviour.py; a rule alone, its boundary cases and its options
in its fixture folder (tests/rules/HLxxx/)."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES, good_example, write

NORTHWIND = good_example("sales-to-cs").read_text(encoding="utf-8")


def findings(run, path, *args):
    data = run(path, "--format", "json", *args).json()["files"][0]
    return data, [(f["code"], f["line"], f["message"]) for f in data["findings"]]


def edited(tmp_path, replacements, base=NORTHWIND, name="h.md"):
    text = base
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return write(tmp_path, name, text)


def line_of(path, needle):
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if needle in line)


@pytest.mark.parametrize("name", sorted(p.name for p in (EXAMPLES / "good").glob("*.md")))
def test_good_examples_have_no_findings_at_all(run, name):
    data, found = findings(run, EXAMPLES / "good" / name)
    assert found == [] and data["score"] == 100


def test_too_few_action_items_per_type_option(run, tmp_path):
    write(tmp_path, "h.md", NORTHWIND)
    write(tmp_path, ".handoff-lint.toml", "[rules.HL413.sales-to-cs]\nmin-items = 6\n")
    found = run("h.md", "--format", "json", cwd=tmp_path).json()["files"][0]["findings"]
    assert [f["code"] for f in found] == ["HL413"] and "at least 6" in found[0]["message"]
    write(tmp_path, ".handoff-lint.toml", "[rules.HL413.sdr-to-ae]\nmin-items = 6\n")
    assert run("h.md", "--format", "json", cwd=tmp_path).json()["files"][0]["findings"] == []
    write(tmp_path, ".handoff-lint.toml", "[rules.HL413]\nminimum = 6\n")
    r = run("h.md", cwd=tmp_path)
    assert r.code == 2 and "has no option 'minimum'" in r.err
    write(tmp_path, ".handoff-lint.toml", "[rules.HL413.sales-to-moon]\nmin-items = 6\n")
    assert run("h.md", cwd=tmp_path).code == 2


def test_unused_suppression_is_reported(run, tmp_path):
    doc = edited(
        tmp_path, [("## Customer Overview", "<!-- handoff-lint-disable-next-line HL301 -->\n## Customer Overview")]
    )
    _data, found = findings(run, doc)
    assert [(c, line) for c, line, _m in found] == [("HL900", line_of(doc, "handoff-lint-disable-next-line"))]


def test_vague_handoff_fails_with_specific_findings_and_score_under_70(run):
    data, found = findings(run, EXAMPLES / "bad" / "vague-sales-to-cs.md")
    codes = {c for c, *_ in found}
    assert {"HL400", "HL410", "HL411", "HL421", "HL431", "HL450", "HL451"} <= codes
    assert not codes & {"HL101", "HL102", "HL300"}  # every section is present and filled in
    assert data["score"] < 70 and not data["passed"]


def test_quality_feeds_the_score(run, tmp_path):
    """Success criteria that are all vague leave expectations Partial, wherever else dates are written."""
    vague = [
        (
            "1. Cut invoice-matching time from 20 h/week to under 4 h/week within 60 days of go-live (by 2027-03-19).",
            "1. Improve matching efficiency.",
        ),
        (
            "2. Auto-match at least 80% of PO-backed invoices with no manual touch by 2027-03-31.",
            "2. Streamline processes across teams.",
        ),
        (
            "3. Reduce late-payment fees from £3,100 per quarter to under £500 in Q2 2027 (April to June).",
            "3. Better visibility for finance.",
        ),
        ("4. Shorten month-end close from 9 to 6 working days by the April close (2027-05-07).", "4. Faster close."),
    ]
    data, found = findings(run, edited(tmp_path, vague))
    assert data["categories"]["expectations"]["status"] == "partial"
    assert data["score"] < 100
    assert any(code == "HL400" for code, _line, _message in found)


def test_stakeholder_role_rule_is_part_of_the_template_structure(run, tmp_path):
    """HL440 checks the template's stakeholder sections: only under structure = "template"."""
    doc = edited(
        tmp_path,
        [
            (
                "| Executive Sponsor | Martin Hale, CFO, martin.hale@northwind.example |",
                "| Executive Sponsor | the finance leadership |",
            )
        ],
    )
    _data, found = findings(run, doc)
    assert not any(code == "HL440" for code, _l, _m in found), "Martin Hale, CFO is named elsewhere"
    (tmp_path / ".handoff-lint.toml").write_text('structure = "template"\n', encoding="utf-8")
    _data, found = findings(run, doc, "--config", str(tmp_path / ".handoff-lint.toml"))
    assert [line for code, line, _m in found if code == "HL440"] == [line_of(doc, "## Customer Overview")]


def test_rules_reference_page_matches_registry(run):
    from conftest import REPO
    from handoff_lint.rules.docs_page import render_rules_markdown

    assert (REPO / "docs" / "rules.md").read_text(encoding="utf-8") == render_rules_markdown(), (
        "docs/rules.md is stale: run `python -m handoff_lint.rules.docs_page > docs/rules.md`"
    )
