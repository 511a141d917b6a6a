"""The score and the verdict, held exactly: a team type scored from its sections, the judged built-in
types, the reasons a handoff fails and the exit code. Driven through the CLI on small edits of the
good examples, with the outcome functions checked directly where a document cannot reach a case."""

from __future__ import annotations

import json
import re

import pytest

from conftest import REPO, good_example, write
from handoff_lint.model.findings import Finding, Severity
from handoff_lint.model.results import FileResult
from handoff_lint.scoring.verdict import decide, exit_code, score_dropped, verdict

TIDEWATER = good_example("sdr-to-ae").read_text(encoding="utf-8")
NORTHWIND = good_example("sales-to-cs").read_text(encoding="utf-8")


def _without(text: str, start: str, end: str) -> str:
    return text[: text.index(start)] + text[text.index(end) :]


@pytest.fixture
def sections_only(tmp_path):
    """The team's own sdr-to-ae without content elements: each category is scored from its sections."""
    schema = json.loads((REPO / "schemas" / "sdr-to-ae.schema.json").read_text(encoding="utf-8"))
    schema["x-handoff-lint"]["elements"] = []
    write(tmp_path, "team-types/sdr-to-ae.schema.json", json.dumps(schema))
    write(tmp_path, ".handoff-lint.toml", 'schema-dirs = ["team-types"]\n')
    return tmp_path


def _status(run, folder, text):
    write(folder, "lead.md", text)
    r = run("lead.md", "--no-color", cwd=folder)
    return r.code, next(line for line in r.out.splitlines() if line.startswith("lead.md: "))


def _rows(run, folder):
    table = run("score", "lead.md", cwd=folder).out
    return dict(re.findall(r"^\| ([A-Z][^|]+?) \| \S+ \| (Complete|Partial|Missing|Not used|n/a) \|", table, re.M))


def test_sections_only_type_scores_each_category_from_its_sections(run, sections_only):
    assert _status(run, sections_only, TIDEWATER) == (0, "lead.md: sdr-to-ae 100/100 PASS (threshold 70)")
    # Red Flags gone: the risks category (15%) is Missing.
    code, status = _status(run, sections_only, _without(TIDEWATER, "## Red Flags", "## Action Items"))
    assert (code, status) == (0, "lead.md: sdr-to-ae 85/100 PASS (threshold 70)")
    assert _rows(run, sections_only)["Risk flags"] == "Missing"
    # An action item without owner or date: Action Items is Partial, half of the 10% actions weight.
    flagged = TIDEWATER.replace("## Action Items\n", "## Action Items\n- [ ] Send the deck\n", 1)
    assert _status(run, sections_only, flagged) == (0, "lead.md: sdr-to-ae 95/100 PASS (threshold 70)")
    assert _rows(run, sections_only)["Action items"] == "Partial"
    # One of the two relationship sections Partial: 0.75 of 15%; the error fails the handoff.
    placeholder = TIDEWATER.replace(
        "| Marcus Bell | Director of Finance Operations | Champion |",
        "| [Name] | Director of Finance Operations | Champion |",
    )
    code, status = _status(run, sections_only, placeholder)
    assert (code, status) == (1, "lead.md: sdr-to-ae 96/100 FAIL: 1 error (1 incomplete-row) (threshold 70)")
    # Both relationship sections gone, and the risks: 100 - 15 - 15 = 70, still a pass at 70, not at 71.
    thin = _without(_without(TIDEWATER, "## Stakeholders", "## Current Tools"), "## Red Flags", "## Action Items")
    thin = _without(thin, "## Conversation History", "## Suggested Approach")
    assert _status(run, sections_only, thin) == (0, "lead.md: sdr-to-ae 70/100 PASS (threshold 70)")
    write(sections_only, "lead.md", thin)
    assert run("lead.md", "--threshold", "71", cwd=sections_only).code == 1


def test_an_error_in_a_judged_category_makes_it_partial_and_names_the_rules(run, tmp_path):
    text = NORTHWIND.replace("status: ready\n", "status: finished\n")
    text = text.replace("| Medium | Priya invites Ruth", "| | Priya invites Ruth")
    text = text.replace("| Go-live / first value | 2027-01-18 |", "| Go-live / first value | TBD |")
    extra = "- Signed by [Name] on the order form.\n- Sandbox login: admin / password: Tr0ub4dor&3\n"
    text = text.replace("## Attachments / References\n", "## Attachments / References\n" + extra)
    write(tmp_path, "lead.md", text)
    why = "5 errors (1 invalid-frontmatter-value, 1 empty-field, 1 incomplete-row, …)"
    r = run("lead.md", "--no-color", cwd=tmp_path)
    assert r.code == 1
    assert f"lead.md: sales-to-cs 80/100 FAIL: {why} (threshold 70)" in r.out.splitlines()
    table = run("score", "lead.md", cwd=tmp_path).out
    assert _rows(run, tmp_path) == {
        "Customer context": "Complete",
        "Expectations & success criteria": "Partial",
        "Risk flags": "Partial",
        "Technical requirements": "Complete",
        "Relationship context": "Complete",
        "Action items": "Complete",
    }
    assert "- Risk flags: a placeholder or empty required field in this category (see the errors)" in table
    assert f"Overall: 80/100 — FAIL: {why} (threshold 70)" in table


def _finding(code: str, severity: Severity = Severity.ERROR) -> Finding:
    return Finding(code=code, message="m", severity=severity)


def fail_reasons(score, threshold, findings, previous_score=None) -> list[str]:
    """outcome.verdict's reasons for a result with this score, threshold and findings."""
    result = FileResult("h.md", "sdr-to-ae", "frontmatter", score, tuple(findings))
    return list(verdict(result, threshold, previous_score).reasons)


def file_passes(score, threshold, findings, previous_score=None) -> bool:
    result = FileResult("h.md", "sdr-to-ae", "frontmatter", score, tuple(findings))
    return verdict(result, threshold, previous_score).passed


def test_fail_reasons_in_order_and_in_words():
    assert fail_reasons(70, 70, []) == [] and file_passes(70, 70, [])
    assert fail_reasons(69, 70, []) == ["score 69 < 70"] and not file_passes(69, 70, [])
    assert fail_reasons(None, 70, []) == ["not scored"]
    assert fail_reasons(90, 70, [_finding("HL410", Severity.WARNING), _finding("HL103", Severity.INFO)]) == []
    assert fail_reasons(90, 70, [_finding("HL301")]) == ["1 error (1 empty-field)"]
    errors = [_finding(c) for c in ("HL310", "HL301", "HL310", "HL470", "HL999", "HL310", "HL301")]
    assert fail_reasons(50, 70, errors) == [
        "score 50 < 70",
        "7 errors (3 placeholder, 2 empty-field, 1 sensitive-data, …)",
    ]
    exactly_three = [_finding(c) for c in ("HL301", "HL310", "HL470")]
    assert fail_reasons(80, 70, exactly_three) == ["3 errors (1 empty-field, 1 placeholder, 1 sensitive-data)"]
    three = [_finding(c) for c in ("HL301", "HL999", "HL999")]
    assert fail_reasons(80, 70, three) == ["3 errors (2 HL999, 1 empty-field)"], "an unknown code is named as is"
    # The ratchet: a drop fails even above the threshold; equal or better, or no baseline, does not.
    assert fail_reasons(97, 70, [], previous_score=100) == ["score fell 100 → 97"]
    assert fail_reasons(60, 70, [], previous_score=61) == ["score 60 < 70", "score fell 61 → 60"]
    assert fail_reasons(100, 70, [], previous_score=100) == []
    assert file_passes(100, 70, [], previous_score=99)
    assert not file_passes(97, 70, [], previous_score=100), "the ratchet reaches the verdict"
    assert (score_dropped(97, 100), score_dropped(100, 100), score_dropped(None, 100), score_dropped(97, None)) == (
        True,
        False,
        False,
        False,
    )


def test_exit_code_is_1_when_any_handoff_fails_unless_exit_zero():
    passed = FileResult("a.md", "sdr-to-ae", "frontmatter", 90, ())
    failed = FileResult("b.md", "sdr-to-ae", "frontmatter", 50, ())
    assert exit_code(decide([passed, passed], 70)) == 0
    assert exit_code(decide([passed, failed], 70)) == 1
    assert exit_code(decide([], 70)) == 0
    assert exit_code(decide([failed], 70), exit_zero=True) == 0


RUBRIC = {
    "Customer context": 20,
    "Expectations & success criteria": 25,
    "Risk flags": 15,
    "Technical requirements": 15,
    "Relationship context": 15,
    "Action items": 10,
}
_TABLE_ROW = re.compile(r"^\| ([A-Z][^|]+?) \| (\d+)% \| (Complete|Partial|Missing) \| (.*) \|$", re.M)


def _table(run, path) -> tuple[dict[str, tuple[int, str, str]], str]:
    out = run("score", path).out
    return {label: (int(weight), status, found) for label, weight, status, found in _TABLE_ROW.findall(out)}, out


def test_the_score_table_has_a_row_per_category_with_the_rubrics_weight(run):
    rows, _out = _table(run, good_example("sales-to-cs"))
    assert {label: weight for label, (weight, _status, _found) in rows.items()} == RUBRIC


def test_a_complete_handoff_is_complete_in_every_category_and_says_what_it_found(run):
    rows, out = _table(run, good_example("sales-to-cs"))
    assert {label: status for label, (_weight, status, _found) in rows.items()} == dict.fromkeys(RUBRIC, "Complete")
    assert all(found.strip() for _weight, _status, found in rows.values())
    assert "Missing or thin:" not in out


def test_the_lines_the_table_names_hold_what_it_found(run):
    """ "champion: Dana Lee (line 66)": that line of the file names Dana Lee; every line cited is in the file."""
    path = good_example("sales-to-cs")
    lines = path.read_text(encoding="utf-8").split("\n")
    rows, _out = _table(run, path)
    for _weight, _status, found in rows.values():
        for cited in re.findall(r"\(line ([\d, ]+)\)", found):
            assert all(lines[int(n) - 1].strip() for n in cited.split(", "))
    people = re.findall(
        r"(?:^|; |, )(?:[a-z ]+: )?([A-Z][a-z]+ [A-Z][a-z]+) \(line (\d+)\)", rows["Relationship context"][2]
    )
    assert len(people) >= 3
    for name, line in people:
        assert name in lines[int(line) - 1], (name, line)


def test_a_thin_handoff_says_for_every_category_short_of_complete_what_is_missing(run):
    from conftest import EXAMPLES

    rows, out = _table(run, EXAMPLES / "bad" / "vague-sales-to-cs.md")
    reasons = re.findall(r"^- ([^:]+): (.+)$", out.split("Missing or thin:")[1], re.M)
    short = {label for label, (_weight, status, _found) in rows.items() if status != "Complete"}
    assert short and short == {label for label, _reason in reasons}
    said = "\n".join(reason for _label, reason in reasons)
    for expected in (
        "no measurable target (a number and a date)",  # "improve efficiency" is no criterion
        "1 of 1 without a mitigation",  # a risk alone is a worry
        "champion: not found",
        "1 of 1 without an owner and a date",
    ):
        assert expected in said


def test_a_team_made_warning_for_an_empty_field_still_marks_its_category(run, tmp_path):
    write(tmp_path, ".handoff-lint.toml", '[severity]\nHL301 = "warning"\n')
    write(
        tmp_path,
        "lead.md",
        NORTHWIND.replace("| Go-live / first value | 2027-01-18 |", "| Go-live / first value | TBD |"),
    )
    assert _status(run, tmp_path, (tmp_path / "lead.md").read_text(encoding="utf-8")) == (
        0,
        "lead.md: sales-to-cs 88/100 PASS (threshold 70)",
    )
    assert _rows(run, tmp_path)["Expectations & success criteria"] == "Partial"


def test_a_warning_of_a_rule_that_does_not_affect_the_score_leaves_the_section_complete(run, sections_only):
    text = TIDEWATER.replace("marcus.bell@tidewater.example", "marcus.bell@tidewater")
    assert _status(run, sections_only, text) == (0, "lead.md: sdr-to-ae 100/100 PASS (threshold 70)")
    assert _rows(run, sections_only)["Relationship context"] == "Complete"


def test_decide_applies_the_ratchet_only_when_asked_and_keeps_the_git_facts():
    from handoff_lint.engine.baseline import Baseline

    fell = FileResult("a.md", "sdr-to-ae", "frontmatter", 90, ())
    rose = FileResult("b.md", "sdr-to-ae", "frontmatter", 95, ())
    new = FileResult("c.md", "sdr-to-ae", "frontmatter", 80, ())
    baselines = {"a.md": Baseline("main", "a.md", 96), "b.md": Baseline("main", "b.md", 90)}
    changed = {"a.md": frozenset({3, 4})}
    run = decide([fell, rose, new], 70, changed_lines=changed, baselines=baselines, ratchet=True)
    assert [v.passed for v in run.verdicts] == [False, True, True]
    assert run.verdicts[0].reasons == ("score fell 96 → 90",)
    assert run.baseline(fell) == baselines["a.md"] and run.baseline(new) is None
    assert run.changed(fell) == frozenset({3, 4}) and run.changed(rose) == frozenset()
    assert exit_code(run) == 1
    # Without the ratchet the same baselines are reported, never enforced.
    relaxed = decide([fell, rose, new], 70, baselines=baselines)
    assert [v.passed for v in relaxed.verdicts] == [True, True, True]
    assert relaxed.baseline(fell) == baselines["a.md"] and relaxed.changed(fell) == frozenset()
    assert exit_code(relaxed) == 0


def test_error_reasons_name_rules_for_findings_made_without_a_rule_name():
    """A finding made by hand (no rule name) is named from the registry; an unknown code by its code."""
    assert fail_reasons(90, 70, [_finding("HL301"), _finding("HL998")]) == ["2 errors (1 empty-field, 1 HL998)"]


def test_json_gives_each_categorys_points_to_one_decimal_on_both_scoring_paths(run, tmp_path, sections_only):
    """Partial is half the weight: 12.5 of expectations' 25 and 7.5 of risks' 15, not rounded to whole points.
    A category made Partial by an error says so in its missing list."""
    text = NORTHWIND.replace("| Medium | Priya invites Ruth", "| | Priya invites Ruth")
    text = text.replace("| Go-live / first value | 2027-01-18 |", "| Go-live / first value | TBD |")
    write(tmp_path, "lead.md", text)
    categories = run("lead.md", "--format", "json", cwd=tmp_path).json()["files"][0]["categories"]
    points = {key: value["points"] for key, value in categories.items()}
    assert points == {
        "customer": 20.0,
        "expectations": 12.5,
        "risks": 7.5,
        "technical": 15.0,
        "relationship": 15.0,
        "actions": 10.0,
    }
    note = "a placeholder or empty required field in this category (see the errors)"
    assert categories["risks"]["missing"] == categories["expectations"]["missing"] == [note]
    # From sections: Action Items Partial is 5.0 of 10; a category without sections is n/a at 0.0.
    flagged = TIDEWATER.replace("## Action Items\n", "## Action Items\n- [ ] Send the deck\n", 1)
    write(sections_only, "lead.md", flagged)
    categories = run("lead.md", "--format", "json", cwd=sections_only).json()["files"][0]["categories"]
    assert (categories["actions"]["status"], categories["actions"]["points"]) == ("partial", 5.0)
    # One of the two relationship sections Partial: 0.75 of 15 is 11.25, shown as 11.2.
    placeholder = TIDEWATER.replace(
        "| Marcus Bell | Director of Finance Operations | Champion |",
        "| [Name] | Director of Finance Operations | Champion |",
    )
    write(sections_only, "lead.md", placeholder)
    categories = run("lead.md", "--format", "json", cwd=sections_only).json()["files"][0]["categories"]
    assert (categories["relationship"]["status"], categories["relationship"]["points"]) == ("partial", 11.2)


def test_a_category_the_team_type_has_no_sections_for_is_not_scored(run, tmp_path):
    """A team type without a technical section: that category is "n/a" at 0.0 points and its 15% is
    left out of the total, so a handoff missing its risks (15 of the 85 left) scores 82, not 70."""
    schema = json.loads((REPO / "schemas" / "sdr-to-ae.schema.json").read_text(encoding="utf-8"))
    extension = schema["x-handoff-lint"]
    extension["elements"] = []
    extension["sections"] = [s for s in extension["sections"] if s["category"] != "technical"]
    write(tmp_path, "team-types/sdr-to-ae.schema.json", json.dumps(schema))
    write(tmp_path, ".handoff-lint.toml", 'schema-dirs = ["team-types"]\n')
    write(tmp_path, "lead.md", _without(TIDEWATER, "## Red Flags", "## Action Items"))
    result = run("lead.md", "--format", "json", cwd=tmp_path).json()["files"][0]
    categories = result["categories"]
    assert (categories["technical"]["status"], categories["technical"]["points"]) == ("n/a", 0.0)
    assert (categories["risks"]["status"], categories["risks"]["points"]) == ("missing", 0.0)
    assert result["score"] == 82
