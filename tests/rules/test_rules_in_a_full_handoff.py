"""The rules in a whole handoff with every rule on, driven through the CLI: the good examples have no
findings at all, and each rule reports at the line of a flaw edited into one of them. A rule alone,
its boundary cases and its options are tested in its fixture folder (tests/rules/HLxxx/)."""

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


CASES = [
    # (code, replacements, line needle)
    (
        "HL400",
        [
            (
                "2. Auto-match at least 80% of PO-backed invoices with no manual touch by 2027-03-31.",
                "2. Improve matching efficiency for the AP team.",
            )
        ],
        "Improve matching efficiency",
    ),
    (
        "HL400",
        [
            (
                "4. Shorten month-end close from 9 to 6 working days by the April close (2027-05-07).",
                "4. Shorten month-end close from 9 to 6 working days.",
            )
        ],
        "Shorten month-end close",
    ),
    (
        "HL410",
        [
            (
                "Share the pilot results and signed order form with implementation — @sam-ortiz, due 2026-11-24",
                "Share the pilot results and signed order form with implementation — we, due 2026-11-24",
            )
        ],
        "Share the pilot results",
    ),
    (
        "HL411",
        [
            (
                "Book NetSuite connector slots before Aisha Khan's leave — @leo-grant, due 2026-11-27",
                "Book NetSuite connector slots before Aisha Khan's leave — @leo-grant",
            )
        ],
        "Book NetSuite connector",
    ),
    ("HL412", [("- [ ] Invite Ruth Collins", "- Invite Ruth Collins")], "Invite Ruth Collins"),
    (
        "HL420",
        [
            (
                "| Ruth Collins may slow sign-off of the approval matrix | Medium |",
                "| Ruth Collins may slow sign-off of the approval matrix | Medium, maybe High |",
            )
        ],
        "Ruth Collins may slow",
    ),
    (
        "HL421",
        [("| Priya tracks auto-match weekly from go-live and escalates below 70% at week 4 |", "| Monitor |")],
        "Pilot auto-match rate",
    ),
    (
        "HL430",
        [("| First business review | 2027-04-12 |", "| First business review | 2027-04-31 |")],
        "| First business review",
    ),
    ("HL431", [("| Full rollout | 2027-03-01 |", "| Full rollout | 2027-01-04 |")], "| Full rollout"),
    (
        "HL431",
        [("| First business review | 2027-04-12 |", "| First business review | 2027-01-11 |")],
        "| First business review",
    ),
    ("HL431", [("— @sam-ortiz, due 2026-11-21", "— @sam-ortiz, due 2026-11-02")], "Send the intro email"),
    ("HL432", [("DPA signed 2026-11-12.", "DPA signed 11/05/2026.")], "Data residency"),
    ("HL441", [("dana.lee@northwind.example", "dana.lee@northwind")], "| Primary Contact"),
    ("HL441", [("+44 113 496 0321", "+44 113 4x6")], "| Primary Contact"),
    (
        "HL450",
        [
            (
                '> "We have three people re-keying freight invoices into NetSuite every Monday. I want them chasing '
                'disputed invoices instead." — Dana Lee, AP Manager, discovery call 2026-09-15',
                "",
            ),
            (
                '> "If month-end isn\'t faster by the April close, this was the wrong purchase." — Martin Hale, CFO, '
                "business case review 2026-10-28",
                "",
            ),
        ],
        "## Customer Expectations",
    ),
    (
        "HL451",
        [("She wants a case study", "Great call with her last week, she seems really keen. She wants a case study")],
        "Dana Lee ran the pilot",
    ),
    (
        "HL452",
        [
            (
                "| Data migration | 2,100 active suppliers and open POs from the last 18 months; no invoice history |",
                "| Data migration | Standard |",
            )
        ],
        "| Data migration",
    ),
    (
        "HL460",
        [("Cascade AP, and staying", "Who else they looked at and why they chose you. Cascade AP, and staying")],
        "Cascade AP, and staying",
    ),
    ("HL461", [("# Customer Handoff: Northwind Traders", "# Customer Handoff: Globex Shipping")], "# Customer Handoff"),
    ("HL462", [("Cascade AP, and staying", "Acme Corp, Cascade AP, and staying")], "Cascade AP, and staying"),
    (
        "HL470",
        [("She wants a case study", "Sandbox login: admin, password: Tr0ub4dor3. She wants a case study")],
        "Dana Lee ran the pilot",
    ),
    (
        "HL470",
        [("She wants a case study", "Card on file 4111 1111 1111 1111. She wants a case study")],
        "Dana Lee ran the pilot",
    ),
    (
        "HL470",
        [("She wants a case study", "Deploy key AKIAIOSFODNN7EXAMPLE. She wants a case study")],
        "Dana Lee ran the pilot",
    ),
]


@pytest.mark.parametrize("code, replacements, needle", CASES, ids=[c[0] + "-" + str(i) for i, c in enumerate(CASES)])
def test_rule_triggers_at_the_offending_line(run, tmp_path, code, replacements, needle):
    doc = edited(tmp_path, replacements)
    _data, found = findings(run, doc)
    lines = [line for c, line, _m in found if c == code]
    assert lines, f"{code} not reported: {found}"
    assert line_of(doc, needle) in lines, (code, lines, found)


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
