"""Property tests on typed handoffs: generated documents that look like the real thing.

The arbitrary-text properties in test_hardening.py almost never produce a document with a type, so
the type-dependent rules (sections, fields, tables, actions, risks, dates, people...) never run
under them. These strategies build a handoff of a real type from schemas/: frontmatter with its
``type:``, the type's section headings and their synonyms, field tables and bold labels, risk
tables, checklists with @owners and dates, and filler or placeholder values anywhere.
"""

from __future__ import annotations

import json
from collections import Counter

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, Phase, event, given, settings, target
from hypothesis import strategies as st

from handoff_lint.cli import cli
from handoff_lint.config.settings import Config
from handoff_lint.engine.linter import Linter
from handoff_lint.handoff_types.definitions import load_types
from handoff_lint.output.formats import get_reporter
from handoff_lint.rules import all_rules
from handoff_lint.scoring.verdict import decide

TYPES = load_types()
TYPE_NAMES = sorted(TYPES)
RULES = {r.code: r for r in all_rules()}
TYPE_DEPENDENT = {code for code, r in RULES.items() if r.needs_type}
LINTER = Linter(Config(), TYPES)
PROPERTY = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PLACEHOLDERS = ["TBD", "TBC", "[Name]", "{{client}}", "<company>", "N/A", "?", "", "xxx", "Lorem ipsum"]
NAMES = ["Dana Lee", "Martin Hale", "Aisha Khan", "Priya Shah", "Sam Ortiz", "Acme Corp", "Globex", "Initech"]
FACTS = [
    "Logistics company, 400 staff, Hull UK",
    "Re-keys 1,200 invoices a month into NetSuite",
    "£48,000 ARR, 3-year term signed 2026-11-14",
    "Cut matching time from 20 h/week to 4 h/week by 2027-03-31",
    "Dana Lee, AP Manager, dana.lee@northwind.example, +44 20 7946 0958",
    "Inbound: webinar on 2026-10-02",
    "Budget approved by the CFO for Q1",
    "Salesforce, NetSuite and an SFTP drop for bank files",
    "Great relationship, very excited, strong fit",
    "Things went well",
    "Standard",
    "dana@@example",
    "Improve things",
]
DATES = ["2026-11-20", "2027-01-15", "2026-02-30", "05/06/2026", "next week", "2026-13-01", "Q1 2027", ""]
SEVERITIES = ["High", "Medium", "Low", "🔴", "🟡", "🟢", "High/Low", "", "Critical"]
OWNERS = ["@dana-lee", "@priya", "Sam Ortiz", "", "@"]
TEXT = st.sampled_from(FACTS + PLACEHOLDERS + NAMES) | st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30
).map(lambda s: s.replace("|", "/").replace("\n", " "))
VALUE = st.sampled_from(FACTS + NAMES + DATES) | st.sampled_from(PLACEHOLDERS) | TEXT


def _cell(text: str) -> str:
    return text.replace("|", "/").replace("\n", " ").strip()


@st.composite
def section_body(draw, spec) -> list[str]:
    lines: list[str] = []
    named = list(spec.fields) or list(spec.columns)
    if spec.fields and draw(st.booleans()):
        lines += ["| Field | Detail |", "|-------|--------|"]
        for field in spec.fields:
            if draw(st.integers(0, 9)):  # now and then a field is left out
                label = draw(st.sampled_from((field.name, *field.aliases)))
                lines.append(f"| {_cell(label)} | {_cell(draw(VALUE))} |")
    elif spec.fields:
        for field in spec.fields:
            label = draw(st.sampled_from((field.name, *field.aliases)))
            lines.append(f"**{label}:** {draw(VALUE)}".rstrip())
            lines.append("")
    if spec.columns:
        columns = [draw(st.sampled_from((c.name, *c.aliases))) for c in spec.columns]
        lines += ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
        for _ in range(draw(st.integers(0, 4))):
            cells = [draw(st.sampled_from(SEVERITIES)) if "sever" in c.lower() else draw(VALUE) for c in columns]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    kinds = set(spec.kinds)
    if "action-items" in kinds or (not named and draw(st.integers(0, 3)) == 0):
        for _ in range(draw(st.integers(0, 5))):
            box = draw(st.sampled_from(["- [ ] ", "- [x] ", "- ", "1. "]))
            owner, due = draw(st.sampled_from(OWNERS)), draw(st.sampled_from(DATES))
            tail = ", ".join(p for p in (owner, f"due {due}" if due else "") if p)
            lines.append(f"{box}{draw(st.sampled_from(FACTS))}" + (f" — {tail}" if tail else ""))
    if "success-criteria" in kinds:
        lines += [f"{n}. {draw(st.sampled_from(FACTS))}" for n in range(1, draw(st.integers(0, 6)) + 1)]
    if "risks" in kinds and not spec.columns:
        lines += [f"- {draw(VALUE)} — {draw(st.sampled_from(SEVERITIES))}" for _ in range(draw(st.integers(0, 3)))]
    if "customer-words" in kinds and draw(st.booleans()):
        quote, who, when = draw(st.sampled_from(FACTS)), draw(st.sampled_from(NAMES)), draw(st.sampled_from(DATES))
        lines.append(f'> "{quote}" — {who}, {when}')
    if not lines or draw(st.integers(0, 3)) == 0:
        lines.append(draw(VALUE))
    return lines


@st.composite
def typed_handoff(draw) -> tuple[str, str]:
    """(type name, document text): a handoff of a real type, complete or not, tidy or not."""
    name = draw(st.sampled_from(TYPE_NAMES))
    handoff_type = TYPES[name]
    customer = draw(st.sampled_from(NAMES + PLACEHOLDERS))
    lines: list[str] = []
    if draw(st.integers(0, 9)):  # mostly with frontmatter; else typed from the title
        front = {"type": name, "customer": customer}
        for key in ("from", "to", "date", "status", "meeting_date", "go_live", "deal_value"):
            if draw(st.booleans()):
                front[key] = draw(st.sampled_from(NAMES + DATES + PLACEHOLDERS + ["ready", "draft", 12000]))
        lines += ["---", yaml.safe_dump(front, allow_unicode=True, sort_keys=False).rstrip("\n"), "---", ""]
    pattern = draw(st.sampled_from(handoff_type.title_patterns))
    lines += [f"# {pattern.title()}: {customer}".rstrip(": "), ""]
    sections = list(handoff_type.sections)
    chosen = draw(st.lists(st.sampled_from(sections), unique_by=lambda s: s.key, max_size=len(sections)))
    if draw(st.integers(0, 3)):
        chosen = sections  # most documents have every section: deeper rules then run
    for spec in chosen:
        heading = draw(st.sampled_from((spec.heading, *spec.aliases)))
        heading = draw(st.sampled_from([heading, heading.lower(), heading.upper()]))
        lines += [f"{draw(st.sampled_from(['##', '##', '###']))} {heading}", ""]
        lines += draw(section_body(spec))
        lines.append("")
    if draw(st.integers(0, 4)) == 0:
        lines += ["## Notes", "", draw(VALUE)]
    return name, "\n".join(lines) + "\n"


def _key(findings):
    return [(f.code, f.severity.value, f.line, f.column, f.message) for f in findings]


@PROPERTY
@given(typed_handoff(), st.sampled_from(sorted({code[:4] for code in RULES} | set(RULES))))
def test_typed_handoffs_keep_every_invariant(handoff, prefix):
    name, text = handoff
    data = text.encode("utf-8")
    result = LINTER.lint("docs/handoffs/generated.md", data)
    event(f"typed: {result.type_name is not None}")
    line_count = text.count("\n") + 1
    if result.type_name is not None:
        assert result.type_name == name
        assert result.score is not None and 0 <= result.score <= 100
        target(len({f.code for f in result.findings} & TYPE_DEPENDENT), label="type-dependent rules fired")
    for finding in result.findings:
        assert finding.code in RULES, finding
        assert 1 <= finding.line <= line_count and finding.column >= 1, finding
    run = decide([result], LINTER.config.threshold)
    assert run.verdicts[0].passed == (not run.verdicts[0].reasons)
    # Deterministic: the same bytes give the same findings and score.
    again = LINTER.lint("docs/handoffs/generated.md", data)
    assert _key(again.findings) == _key(result.findings) and again.score == result.score
    # JSON output parses and says what the API says.
    report = json.loads("".join(get_reporter("json")().chunks(run)))
    assert [f["code"] for f in report["files"][0]["findings"]] == [f.code for f in result.findings]
    # select: a subset of the full run's findings, and exactly the full run's findings of those rules.
    selected = Linter(Config(select=[prefix]), TYPES).lint("docs/handoffs/generated.md", data)
    assert set(_key(selected.findings)) <= set(_key(result.findings))
    expected = [k for k in _key(result.findings) if k[0].startswith(prefix) and k[0] != "HL900"]
    assert [k for k in _key(selected.findings) if k[0] != "HL900"] == expected


def test_most_generated_handoffs_get_a_type_and_reach_type_dependent_rules():
    """Drawn as the property tests draw (generated, never shrunk to the smallest, the same on every run):
    the strategy reaches typed documents and the rules that need a type."""
    results = []

    @settings(max_examples=60, phases=[Phase.generate], derandomize=True, database=None, deadline=None)
    @given(typed_handoff())
    def collect(handoff):
        results.append(LINTER.lint("generated.md", handoff[1].encode("utf-8")))

    collect()
    assert len(results) == 60
    typed = [r for r in results if r.type_name is not None]
    assert len(typed) >= 0.8 * len(results), Counter(r.type_name for r in results)
    assert {r.type_name for r in typed} == set(TYPE_NAMES)
    assert sum(1 for r in typed if r.sections) >= 0.8 * len(results), "their sections were assessed"
    reached = Counter(f.code for r in typed for f in r.findings if f.code in TYPE_DEPENDENT)
    assert len(reached) >= 10, reached


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(typed_handoff())
def test_the_cli_on_a_generated_handoff_exits_0_or_1_with_parsable_json(tmp_path_factory, handoff):
    name, text = handoff
    folder = tmp_path_factory.mktemp("generated")
    (folder / "h.md").write_text(text, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, [str(folder / "h.md"), "--format", "json", "--no-cache"], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    (file,) = data["files"]
    assert file["type"] == name
    assert result.exit_code == (0 if file["passed"] else 1)
    assert file["score"] is None or 0 <= file["score"] <= 100
    text_run = runner.invoke(cli, [str(folder / "h.md"), "--no-color", "--no-cache"], catch_exceptions=False)
    assert text_run.exit_code == result.exit_code
