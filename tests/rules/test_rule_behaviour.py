# ruff: noqa: E501 - the exact messages are long
"""Every rule, held by a small realistic handoff that breaks it: the exact findings (line, column,
message) of that rule, through the CLI as a user runs it with every rule on. Each case is a good example
with one edit (or a small file of its own), and the config a team would write for opt-in rules; a rule
has one case named by its code and may have more, for other flaws it finds in a whole handoff.

The last test switches each rule with a case off in turn (its check yields nothing) and shows that its
case then fails; tests/rules/test_rule_fixtures.py does the same for every rule with its bad_ fixtures. Cases name rules by code, never by module, so they
hold whatever the rule modules are called.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from conftest import good_example, write
from handoff_lint.handoff_types.definitions import load_types
from handoff_lint.rules import registry

BASES = {
    "northwind": good_example("sales-to-cs").read_text(encoding="utf-8"),
    "tidewater": good_example("sdr-to-ae").read_text(encoding="utf-8"),
}
QUOTE = '> "Every hotel sends invoices to a shared inbox and we match them in Excel. Hannah loses the first week of every month to it." — Marcus Bell, Director of Finance Operations, qualification call 2026-11-19\n'
REFS = "## Attachments / References\n"
TEMPLATE = 'structure = "template"\n'
KNOWN_TYPES = ", ".join(sorted(load_types([])))  # every built-in type, a new one too (CONTRIBUTING.md)

# case -> (base example or "raw", edits (old, new) or the raw bytes, config, expected (line, column, message)).
# A case is named by its rule's code: the code alone for the case that holds the rule when it is switched off,
# the code and a few words for more flaws it finds in a whole handoff.
# In an edit, text between <cut> and </cut> is removed: a section taken out whole.
CASES = {
    "HL001": (
        "raw",
        b"# Customer Handoff: Northwind\n\nCaf\xe9 owner\n",
        "",
        [(3, 4, "file is not valid UTF-8 (byte 0xe9); save it as UTF-8")],
    ),
    "HL002": ("raw", b"", "", [(1, 1, "file is empty")]),
    "HL005": (
        "raw",
        ("# Customer Handoff: X\n\n" + "".join(f"## S{i}\n" for i in range(3000))).encode(),
        "",
        [
            (102, 1, "file has more than 100 headings; the rest is not read"),
            (3000, 1, "file has more than 3,000 lines of Markdown; the rest is not read"),
        ],
    ),
    "HL006": (
        "raw",
        (
            "# Kundenübergabe: Müller Logistik\n\n"
            "Müller Logistik hat am 3. November einen Vertrag über zwei Jahre unterschrieben. Das Unternehmen\n"
            "betreibt vier Lager in Bayern und hat etwa 600 Mitarbeiter. Sie haben uns gekauft, weil die\n"
            "Disposition jede Woche zwei Tage mit der Abstimmung der Bestände verbringt. Das Ziel ist ein\n"
            "halber Tag bis Ende März, und die Ansprechpartnerin ist Frau Keller, die Leiterin der Logistik.\n"
        ).encode(),
        "",
        [
            (
                3,
                1,
                "the handoff is written in German; the content judges read English only, so its score is not "
                "meaningful — have a reviewer score it, or write the handoff in English",
            )
        ],
    ),
    "HL010": (
        "northwind",
        [("status: ready\n", "status: [ready\n")],
        "",
        [(8, 10, "invalid YAML in frontmatter: did not find expected ',' or ']'")],
    ),
    "HL100": (
        "raw",
        b"# Notes\n\nWe met on Tuesday.\n",
        "",
        [
            (
                1,
                3,
                f"could not determine the handoff type: set 'type:' in the frontmatter or use --type (known types: {KNOWN_TYPES})",
            )
        ],
    ),
    "HL101": (
        "northwind",
        [("## Risk Flags\n", "## Risk Notes\n")],
        TEMPLATE,
        [
            (
                15,
                1,
                "missing required section '## Risk Flags' — Risk flags; add it after 'Expansion Opportunity' (line 79)",
            )
        ],
    ),
    "HL102": (
        "northwind",
        [("### Internal Champion\n", "### Internal Champion\nTBD\n\n### Old Champion\n")],
        "",
        [
            (
                65,
                1,
                "section 'Internal Champion' has only template placeholders: Who advocated for us internally, why, and how CS should nurture the relationship.",
            )
        ],
    ),
    "HL103": (
        "northwind",
        [(REFS, "## Lunch Order\nPizza for the kickoff team.\n\n" + REFS)],
        TEMPLATE,
        [(98, 1, "section 'Lunch Order' is not part of sales-to-cs (not scored)")],
    ),
    "HL104": (
        "northwind",
        [(REFS, "## Action Items\n- [ ] Send the deck — @sam-ortiz, due 2026-11-25\n\n" + REFS)],
        TEMPLATE,
        [(98, 1, "section 'Action Items' repeats 'Action Items' (line 91) — only the first is scored: merge the two")],
    ),
    "HL105": (
        "northwind",
        [("# Customer Handoff: Northwind Traders\n", "")],
        "",
        [(14, 1, "no '# ' title — start with '# <Handoff kind>: <Customer>'")],
    ),
    "HL110": (
        "northwind",
        [("## Technical Context\n", "<cut>"), ("## Expansion Opportunity\n", "</cut>## Expansion Opportunity\n")],
        "",
        [
            (
                15,
                1,
                "no security and compliance — Technical requirements; add: SSO, security reviews, compliance regimes",
            )
        ],
    ),
    "HL200": (
        "northwind",
        [("---\n", "<cut>"), ("# Customer Handoff", "</cut># Customer Handoff")],
        TEMPLATE,
        [
            (
                1,
                1,
                "no YAML frontmatter — start the file with a '---' block holding: type, customer, from, to, date, status, deal_size, contract_start, term",
            )
        ],
    ),
    "HL201": (
        "northwind",
        [("from: Sam Ortiz\n", "")],
        TEMPLATE,
        [(1, 1, "required frontmatter key 'from' is missing")],
    ),
    "HL202": (
        "northwind",
        [("status: ready\n", "status: finished\n")],
        "",
        [(7, 1, "frontmatter 'status': 'finished' is not one of ['draft', 'ready', 'accepted']")],
    ),
    "HL300": (
        "tidewater",
        [("| Company |", "| Firm |")],
        TEMPLATE,
        [
            (
                17,
                1,
                "'Prospect Summary': required field 'Company' is missing — add a '| Company | … |' row or a '**Company:** …' line",
            )
        ],
    ),
    "HL301": (
        "tidewater",
        [
            (
                "| Company | Tidewater Hospitality Group: 12 hotels, 1,100 staff, hospitality, Charleston SC |",
                "| Company | TBD |",
            )
        ],
        "",
        [(20, 13, "'Company' is still a placeholder: 'TBD'")],
    ),
    "HL302": (
        "northwind",
        [("| Medium | Priya invites Ruth", "| | Priya invites Ruth")],
        "",
        [(86, 59, "'Risk Flags' row: 'Severity' is empty")],
    ),
    "HL303": (
        "northwind",
        [
            (
                "| Risk | Severity | Mitigation |\n|------|----------|------------|",
                "| Risk | Mitigation |\n|------|------------|",
            )
        ],
        TEMPLATE,
        [(83, 1, "'Risk Flags' table has no 'Severity' column")],
    ),
    "HL310": (
        "northwind",
        [(REFS, REFS + "- Signed by [Name] on the order form.\n")],
        "",
        [(99, 13, "placeholder '[Name]' left in")],
    ),
    "HL400": (
        "northwind",
        [
            (
                "2. Auto-match at least 80% of PO-backed invoices with no manual touch by 2027-03-31.",
                "2. Improve matching efficiency for the AP team.",
            )
        ],
        "",
        [
            (
                42,
                4,
                "success criterion has no number and no time bound ('improve' is not measurable): 'Improve matching efficiency for the AP team.'",
            )
        ],
    ),
    "HL400 a criterion without a date": (
        "northwind",
        [
            (
                "4. Shorten month-end close from 9 to 6 working days by the April close (2027-05-07).",
                "4. Shorten month-end close from 9 to 6 working days.",
            )
        ],
        "",
        [(44, 4, "success criterion has no time bound: 'Shorten month-end close from 9 to 6 working days.'")],
    ),
    "HL401": (
        "northwind",
        [
            (
                "4. Shorten month-end",
                "".join(f"{n}. Cut disputes to {15 - n} a month by 2027-03-31.\n" for n in range(5, 10))
                + "4. Shorten month-end",
            )
        ],
        "",
        [(46, 4, "9 success criteria, more than 5 — keep to 5 or fewer that the customer agreed to")],
    ),
    "HL410": (
        "northwind",
        [("## Action Items\n", "## Action Items\n- [ ] Send the kickoff deck, due 2026-11-25\n")],
        "",
        [(92, 7, "action item has no owner: 'Send the kickoff deck, due 2026-11-25'")],
    ),
    "HL410 'we' as the owner": (
        "northwind",
        [
            (
                "Share the pilot results and signed order form with implementation — @sam-ortiz, due 2026-11-24",
                "Share the pilot results and signed order form with implementation — we, due 2026-11-24",
            )
        ],
        "",
        [
            (
                94,
                7,
                "action item has an owner 'we' that is nobody in particular: 'Share the pilot results and signed order form wit…'",
            )
        ],
    ),
    "HL411": (
        "northwind",
        [("## Action Items\n", "## Action Items\n- [ ] Send the kickoff deck — @sam-ortiz\n")],
        "",
        [(92, 7, "action item has no due date: 'Send the kickoff deck — @sam-ortiz'")],
    ),
    "HL411 no due date": (
        "northwind",
        [
            (
                "Book NetSuite connector slots before Aisha Khan's leave — @leo-grant, due 2026-11-27",
                "Book NetSuite connector slots before Aisha Khan's leave — @leo-grant",
            )
        ],
        "",
        [(95, 7, 'action item has no due date: "Book NetSuite connector slots before Aisha Khan\'s…"')],
    ),
    "HL412": (
        "northwind",
        [("## Action Items\n", "## Action Items\n- Send the kickoff deck — @sam-ortiz, due 2026-11-25\n")],
        "",
        [(92, 3, "action item is not a checklist item — write it as '- [ ] …'")],
    ),
    "HL412 a plain bullet": (
        "northwind",
        [("- [ ] Invite Ruth Collins", "- Invite Ruth Collins")],
        "",
        [(96, 3, "action item is not a checklist item — write it as '- [ ] …'")],
    ),
    "HL413": (
        "northwind",
        [
            (
                "## Action Items\n",
                "## Action Items\n- [ ] Send the intro email to Dana Lee — @sam-ortiz, due 2026-11-21\n\n<cut>",
            ),
            (REFS, "</cut>" + REFS),
        ],
        "",
        [
            (
                91,
                1,
                "1 action item(s); this handoff type expects at least 3 — add each next step with an owner and a due date",
            )
        ],
    ),
    "HL420": (
        "northwind",
        [("| Medium | Priya invites Ruth", "| Unclear | Priya invites Ruth")],
        "",
        [(86, 59, "risk has no severity: 'Unclear' — give exactly one (🔴 High, 🟡 Medium or 🟢 Low)")],
    ),
    "HL420 two severities": (
        "northwind",
        [
            (
                "| Ruth Collins may slow sign-off of the approval matrix | Medium |",
                "| Ruth Collins may slow sign-off of the approval matrix | Medium, maybe High |",
            )
        ],
        "",
        [
            (
                86,
                59,
                "risk has 2 severities (medium, high): 'Medium, maybe High' — give exactly one (🔴 High, 🟡 Medium or 🟢 Low)",
            )
        ],
    ),
    "HL421": (
        "northwind",
        [("| Priya invites Ruth to the approval design session and shows the audit trail |", "| Monitor |")],
        "",
        [(86, 68, "mitigation 'Monitor' is not an action — say what to do and who does it")],
    ),
    "HL421 'Monitor' as the mitigation": (
        "northwind",
        [("| Priya tracks auto-match weekly from go-live and escalates below 70% at week 4 |", "| Monitor |")],
        "",
        [(88, 64, "mitigation 'Monitor' is not an action — say what to do and who does it")],
    ),
    "HL422": (
        "northwind",
        [
            ("## Risk Flags\n", "## Risk Flags\nNo risks identified.\n\n<cut>"),
            ("## Action Items\n", "</cut>## Action Items\n"),
        ],
        "[rules.HL422]\nallow-none = false\n",
        [
            (
                83,
                1,
                "'Risk Flags' says there are no risks ('No risks identified.') — this team requires at least one: "
                "a reviewer expects what could go wrong for the receiving team (a date at risk, a missing sponsor), "
                "each with one severity and a mitigation with an owner",
            )
        ],
    ),
    "HL430": (
        "northwind",
        [("| Full rollout | 2027-03-01 |", "| Full rollout | 2027-02-30 |")],
        "",
        [(50, 18, "'2027-02-30' is not a real date")],
    ),
    "HL430 the 31st of April": (
        "northwind",
        [("| First business review | 2027-04-12 |", "| First business review | 2027-04-31 |")],
        "",
        [(51, 27, "'2027-04-31' is not a real date")],
    ),
    "HL431": (
        "northwind",
        [("| Go-live / first value | 2027-01-18 |", "| Go-live / first value | 2026-11-15 |")],
        "",
        [(49, 27, "Go-live / first value (2026-11-15) is before contract start (2026-12-01)")],
    ),
    "HL431 rollout before go-live": (
        "northwind",
        [("| Full rollout | 2027-03-01 |", "| Full rollout | 2027-01-04 |")],
        "",
        [(50, 18, "Full rollout (2027-01-04) is before Go-live / first value (2027-01-18)")],
    ),
    "HL431 a review before go-live": (
        "northwind",
        [("| First business review | 2027-04-12 |", "| First business review | 2027-01-11 |")],
        "",
        [(51, 27, "First business review (2027-01-11) is before Go-live / first value (2027-01-18)")],
    ),
    "HL431 an action due before the handoff": (
        "northwind",
        [("— @sam-ortiz, due 2026-11-21", "— @sam-ortiz, due 2026-11-02")],
        "",
        [(92, 7, "due date 2026-11-02 is before the handoff date 2026-11-20")],
    ),
    "HL432": (
        "northwind",
        [(REFS, REFS + "Kickoff on 05/06/2026.\n")],
        "",
        [(99, 12, "'05/06/2026' is ambiguous (month/day or day/month?) — write it as YYYY-MM-DD")],
    ),
    "HL432 a slashed date": (
        "northwind",
        [("DPA signed 2026-11-12.", "DPA signed 11/05/2026.")],
        "",
        [(62, 96, "'11/05/2026' is ambiguous (month/day or day/month?) — write it as YYYY-MM-DD")],
    ),
    "HL433": (
        "northwind",
        [(REFS, REFS + "- **Renewal date:** 2026-11-30\n")],
        "",
        [(99, 1, "the renewal is given as '2027-12-01' (line 12) and as '2026-11-30' (line 99)")],
    ),
    "HL440": (
        "northwind",
        [("Martin Hale", "Somebody")],
        TEMPLATE,
        [(20, 1, "no Executive Sponsor named — add who it is (name and title)")],
    ),
    "HL441": (
        "tidewater",
        [("marcus.bell@tidewater.example", "marcus.bell@tidewater")],
        "",
        [(21, 58, "'marcus.bell@tidewater' is not a valid email address")],
    ),
    "HL441 an email without a domain": (
        "northwind",
        [("dana.lee@northwind.example", "dana.lee@northwind")],
        "",
        [(24, 43, "'dana.lee@northwind' is not a valid email address")],
    ),
    "HL441 a phone number with a letter": (
        "northwind",
        [("+44 113 496 0321", "+44 113 4x6")],
        "",
        [(24, 71, "'+44 113 4x6' is not a valid phone number")],
    ),
    "HL450": (
        "tidewater",
        [(QUOTE, "")],
        "",
        [(24, 1, "'Why They Took the Meeting' has no verbatim customer quote — add their words in quotes")],
    ),
    "HL450 the quotes taken out": (
        "northwind",
        [
            (
                '> "We have three people re-keying freight invoices into NetSuite every Monday. I want them chasing disputed invoices instead." — Dana Lee, AP Manager, discovery call 2026-09-15',
                "",
            ),
            (
                '> "If month-end isn\'t faster by the April close, this was the wrong purchase." — Martin Hale, CFO, business case review 2026-10-28',
                "",
            ),
        ],
        "",
        [(33, 1, "'Customer Expectations' has no verbatim customer quote — add their words in quotes")],
    ),
    "HL451": (
        "tidewater",
        [(QUOTE, "They were very excited and loved the demo.\n")],
        "",
        [(27, 1, "'very excited' is sentiment, not a fact: 'They were very excited and loved the demo.'")],
    ),
    "HL451 sentiment as context": (
        "northwind",
        [("She wants a case study", "Great call with her last week, she seems really keen. She wants a case study")],
        "",
        [(66, 1, "'Great call' is sentiment, not a fact: 'Great call with her last week, she seems really k…'")],
    ),
    "HL452": (
        "northwind",
        [
            (
                "| Data migration | 2,100 active suppliers and open POs from the last 18 months; no invoice history |",
                "| Data migration | Standard |",
            )
        ],
        "",
        [(75, 20, "'Data migration' says 'Standard', which is not a fact")],
    ),
    "HL460": (
        "northwind",
        [(REFS, REFS + "What did the customer explicitly say they expect? They want faster matching.\n\n")],
        "",
        [(99, 1, "template instruction left in: 'What did the customer explicitly say they expect?…'")],
    ),
    "HL460 an instruction left in": (
        "northwind",
        [("Cascade AP, and staying", "Who else they looked at and why they chose you. Cascade AP, and staying")],
        "",
        [(59, 1, "template instruction left in: 'Who else they looked at and why they chose you. C…'")],
    ),
    "HL461": (
        "northwind",
        [("# Customer Handoff: Northwind Traders", "# Customer Handoff: Globex Corp")],
        "",
        [(15, 3, "title names 'Globex Corp' but the frontmatter customer is 'Northwind Traders'")],
    ),
    "HL461 the title names another company": (
        "northwind",
        [("# Customer Handoff: Northwind Traders", "# Customer Handoff: Globex Shipping")],
        "",
        [(15, 3, "title names 'Globex Shipping' but the frontmatter customer is 'Northwind Traders'")],
    ),
    "HL462": (
        "northwind",
        [(REFS, REFS + "- Compared with Competitor X in the pilot.\n")],
        "",
        [(99, 17, "'Competitor X' looks like an example name left from a template")],
    ),
    "HL462 an example company name": (
        "northwind",
        [("Cascade AP, and staying", "Acme Corp, Cascade AP, and staying")],
        "",
        [(59, 1, "'Acme' looks like an example name left from a template")],
    ),
    "HL470": (
        "northwind",
        [(REFS, REFS + "- Sandbox login: admin / password: Tr0ub4dor&3\n")],
        "",
        [(99, 26, "looks like a password — remove it and rotate it if it was real")],
    ),
    "HL470 a password": (
        "northwind",
        [("She wants a case study", "Sandbox login: admin, password: Tr0ub4dor3. She wants a case study")],
        "",
        [(66, 75, "looks like a password — remove it and rotate it if it was real")],
    ),
    "HL470 a card number": (
        "northwind",
        [("She wants a case study", "Card on file 4111 1111 1111 1111. She wants a case study")],
        "",
        [(66, 66, "looks like a payment card number — remove it")],
    ),
    "HL470 an AWS key": (
        "northwind",
        [("She wants a case study", "Deploy key AKIAIOSFODNN7EXAMPLE. She wants a case study")],
        "",
        [(66, 64, "looks like an AWS access key — remove it and rotate it if it was real")],
    ),
    "HL900": (
        "northwind",
        [(REFS, REFS + "<!-- handoff-lint-disable-next-line HL301 -->\n- Order form signed.\n")],
        "",
        [(99, 1, "handoff-lint-disable-next-line (HL301) suppresses nothing — remove it")],
    ),
}


# The section each case's findings are about (the type's section key): JSON's `section`, and the section
# a score-affecting finding downgrades. Findings about the file, the frontmatter, the title or any text
# name no section.
SECTIONS = {case.split()[0]: None for case in CASES} | {
    "HL101": "risk-flags",
    "HL102": "internal-champion",
    "HL104": "action-items",
    "HL300": "prospect-summary",
    "HL301": "prospect-summary",
    "HL302": "risk-flags",
    "HL303": "risk-flags",
    "HL310": "attachments",
    "HL400": "success-criteria",
    "HL401": "success-criteria",
    "HL410": "action-items",
    "HL411": "action-items",
    "HL412": "action-items",
    "HL413": "action-items",
    "HL420": "risk-flags",
    "HL421": "risk-flags",
    "HL422": "risk-flags",
    "HL430": "timeline-expectations",
    "HL431": "timeline-expectations",
    "HL440": "customer-overview",
    "HL450": "why-they-took-the-meeting",
    "HL451": "why-they-took-the-meeting",
    "HL452": "technical-context",
    "HL460": "attachments",
    # a named case about another section than its rule's first case
    "HL431 an action due before the handoff": "action-items",
    "HL450 the quotes taken out": "customer-expectations",
    "HL451 sentiment as context": "internal-champion",
    "HL460 an instruction left in": "competitors-evaluated",
}


def build(base, edits) -> bytes:
    if base == "raw":
        return edits
    text = BASES[base]
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return re.sub(r"<cut>.*?</cut>", "", text, flags=re.S).encode("utf-8")


def findings_of(run, tmp_path, case):
    code = case.split()[0]
    base, edits, config, _ = CASES[case]
    (tmp_path / "h.md").write_bytes(build(base, edits))
    write(tmp_path, ".handoff-lint.toml", config)
    data = run("h.md", "--format", "json", cwd=tmp_path).json()["files"][0]
    # The text a reader sees: the message, then the fix hint after an em dash (JSON keeps them apart).
    text = [f["message"] + (f" — {f['hint']}" if f.get("hint") else "") for f in data["findings"]]
    return [(f["line"], f["column"], t) for f, t in zip(data["findings"], text, strict=True) if f["code"] == code], data


@pytest.mark.parametrize("case", sorted(CASES))
def test_rule_reports_exactly_this(run, tmp_path, case):
    found, data = findings_of(run, tmp_path, case)
    assert found == CASES[case][3]
    code = case.split()[0]
    assert [f["section"] for f in data["findings"] if f["code"] == code] == [SECTIONS.get(case, SECTIONS[code])] * len(
        found
    )
    severity = registry.get_rule(code).severity.value
    assert {f["severity"] for f in data["findings"] if f["code"] == code} == {severity}
    if severity == "error":
        assert not data["passed"], "an error fails the handoff"


def too_large_and_outside(run, tmp_path):
    """HL003 and HL004: a 1.1 MiB file, and a symlink out of the repository. code -> [(line, message)]."""
    repo = tmp_path / "repo"
    write(repo, ".handoff-lint.toml", "")
    (repo / "big.md").write_text("# Customer Handoff: X\n" + "- [ ] a\n" * 150_000, encoding="utf-8")
    write(tmp_path, "outside/secret.md", "# Customer Handoff: Y\n")
    (repo / "link.md").symlink_to(tmp_path / "outside" / "secret.md")
    r = run("big.md", "link.md", "--format", "json", cwd=repo)
    files = {f["path"]: f["findings"] for f in r.json()["files"]}
    return {
        "HL003": [(f["line"], f["message"]) for f in files["big.md"] if f["code"] == "HL003"],
        "HL004": [(f["line"], f["message"]) for f in files["link.md"] if f["code"] == "HL004"],
    }


FILE_REFUSALS = {
    "HL003": [(1, "file is larger than 1024 KiB; not a handoff, not linted")],
    "HL004": [(1, "is a symlink to a place outside the repository; not read")],
}


def test_file_too_large_and_symlink_outside_the_repository(run, tmp_path):
    assert too_large_and_outside(run, tmp_path) == FILE_REFUSALS


@pytest.mark.parametrize("code", sorted({case.split()[0] for case in CASES} | set(FILE_REFUSALS)))
def test_switching_a_rule_off_fails_its_case(run, tmp_path, monkeypatch, code):
    """A rule with a case here is held by it (a rule without one is held by its fixtures alone:
    tests/rules/test_rule_fixtures.py switches every rule off against its bad_ fixtures)."""
    rule = registry.get_rule(code)
    monkeypatch.setitem(registry._RULES, rule.code, dataclasses.replace(rule, check=lambda ctx: iter(())))
    if rule.code in FILE_REFUSALS:
        assert too_large_and_outside(run, tmp_path)[rule.code] == [] != FILE_REFUSALS[rule.code]
    else:
        assert CASES[rule.code][3], "a case must expect at least one finding"
        assert findings_of(run, tmp_path, rule.code)[0] == [] != CASES[rule.code][3]
