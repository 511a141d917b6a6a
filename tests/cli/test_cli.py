"""The CLI as users run it: check (and the bare form), formats, options, exit codes, commands."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import EXAMPLES, good_example, in_terminal, write
from handoff_lint.rules import all_rules


def test_good_examples_pass_and_bad_examples_fail(run):
    r = run(EXAMPLES, "--format", "json")
    assert r.code == 1
    files = r.json()["files"]
    good = [f for f in files if "/good/" in f["path"]]
    bad = [f for f in files if "/bad/" in f["path"]]
    assert len(good) == 5 and len(bad) >= 3
    for result in good:
        assert result["passed"], result
        assert result["score"] >= 90
        assert not [f for f in result["findings"] if f["severity"] == "error"]
    for result in bad:
        assert not result["passed"], result["path"]
        assert any(f["severity"] == "error" for f in result["findings"])


# A lead handoff whose one field left is a placeholder, 'TBD' at line 10, column 13.
LEAD_WITH_A_PLACEHOLDER = """\
---
type: sdr-to-ae
customer: Globex
---
# Lead Handoff: Globex

## Prospect Summary
| Field | Detail |
|-------|--------|
| Company | TBD |
"""


def test_text_output_format(run, tmp_path):
    doc = write(tmp_path, "h.md", LEAD_WITH_A_PLACEHOLDER)
    r = run(doc, "--no-color", env={"FORCE_COLOR": "1"})
    assert r.code == 1
    lines = r.out.splitlines()
    assert f"{doc}:10:13: error HL301 'Company' is still a placeholder: 'TBD'" in lines
    status = [line for line in lines if line.startswith(f"{doc}: ")]
    why = "score 0 < 70; 1 error (1 empty-field)"
    assert status and status[0] == f"{doc}: sdr-to-ae 0/100 FAIL: {why} (threshold 70)"
    assert lines[-1].startswith("1 handoff checked: 0 passed, 1 failed")
    assert "\x1b[" not in r.out


def test_bare_form_equals_check(run):
    example = good_example("sales-to-cs")
    assert run(example).out == run("check", example).out


def test_default_paths_from_config_else_docs_handoffs(run, tmp_path):
    write(tmp_path, "docs/handoffs/a.md", good_example("cs-to-sales").read_text(encoding="utf-8"))
    r = run(cwd=tmp_path)
    assert r.code == 0 and "docs/handoffs/a.md: cs-to-sales" in r.out
    write(tmp_path, "handoffs/b.md", "# Lead Handoff: B\n")
    write(tmp_path, "pyproject.toml", '[tool.handoff-lint]\npaths = ["handoffs"]\n')
    r = run(cwd=tmp_path)
    assert r.code == 1 and "handoffs/b.md: sdr-to-ae" in r.out and "a.md" not in r.out


def test_threshold_option_and_config(run, tmp_path):
    write(tmp_path, "h.md", good_example("sales-to-cs").read_text(encoding="utf-8"))
    score = run(tmp_path / "h.md", "--format", "json").json()["files"][0]["score"]
    assert run(tmp_path / "h.md", "--threshold", str(score)).code == 0
    if score < 100:
        assert run(tmp_path / "h.md", "--threshold", str(score + 1)).code == 1
    write(tmp_path, ".handoff-lint.toml", "threshold = 100\n")
    r = run("h.md", "--format", "json", cwd=tmp_path)
    assert r.json()["files"][0]["threshold"] == 100
    assert run("h.md", "--threshold", "101", cwd=tmp_path).code == 2


def test_a_handoff_without_errors_passes_at_its_score_and_fails_one_point_above(run, tmp_path):
    text = (EXAMPLES / "bad" / "vague-sales-to-cs.md").read_text(encoding="utf-8")
    assert "| Medium/Low |" in text
    doc = write(tmp_path, "h.md", text.replace("| Medium/Low |", "| Medium |"))  # its only error
    result = run(doc, "--format", "json").json()["files"][0]
    score = result["score"]
    assert 0 < score < 70 and not result["passed"], "under the default threshold 70"
    assert [f for f in result["findings"] if f["severity"] == "error"] == []
    passing = run(doc, "--no-color", "--threshold", score)
    assert passing.code == 0, passing
    assert f"{doc}: sales-to-cs {score}/100 PASS (threshold {score})" in passing.out.splitlines()
    failing = run(doc, "--no-color", "--threshold", score + 1)
    assert failing.code == 1, failing
    status = f"{doc}: sales-to-cs {score}/100 FAIL: score {score} < {score + 1} (threshold {score + 1})"
    assert status in failing.out.splitlines(), failing.out
    assert "1 handoff checked: 0 passed, 1 failed (0 errors," in failing.out
    data = run(doc, "--format", "json", "--threshold", score + 1).json()["files"][0]
    assert (data["score"], data["threshold"], data["passed"]) == (score, score + 1, False)
    write(tmp_path, ".handoff-lint.toml", f"threshold = {score + 1}\n")
    assert run("h.md", cwd=tmp_path).code == 1
    assert run("h.md", "--threshold", score, cwd=tmp_path).code == 0, "the option beats the config"


def test_json_output_shape(run):
    r = run(EXAMPLES / "bad", "--format", "json")
    data = r.json()
    assert r.out == json.dumps(data, indent=2, ensure_ascii=False) + "\n"  # streamed, yet standard layout
    assert data["version"] == 1
    assert set(data["summary"]) >= {"files", "passed", "failed", "errors", "warnings", "info"}
    first = data["files"][0]
    assert set(first) >= {"path", "type", "score", "threshold", "passed", "categories", "findings"}
    finding = next(f for f in first["findings"])
    assert set(finding) >= {"code", "severity", "line", "column", "message"}
    if first["type"]:
        assert set(first["categories"]) == {"customer", "expectations", "risks", "technical", "relationship", "actions"}


def test_output_file_quiet_exit_zero(run, tmp_path):
    out = tmp_path / "report.json"
    r = run(EXAMPLES, "--format", "json", "--output-file", out)
    assert r.out == "" and r.code == 1
    assert out.read_text(encoding="utf-8").startswith("{")
    quiet = run(EXAMPLES, "--quiet")
    assert "/good/" not in quiet.out and "/bad/" in quiet.out and "checked" not in quiet.out
    assert run(EXAMPLES, "--exit-zero").code == 0


ERROR_IN_RED = "\x1b[31merror\x1b[0m \x1b[31m\x1b[1mHL301\x1b[0m"


def _placeholder_doc(tmp_path):
    return write(
        tmp_path,
        "h.md",
        "---\ntype: sdr-to-ae\ncustomer: Globex\n---\n# Lead Handoff: Globex\n\n"
        "## Prospect Summary\n| Field | Detail |\n|-------|--------|\n| Company | TBD |\n",
    )


def test_colour_on_a_terminal_unless_no_color_or_never(tmp_path):
    doc = _placeholder_doc(tmp_path)
    command = [sys.executable, "-m", "handoff_lint", str(doc)]
    assert ERROR_IN_RED in in_terminal(command)
    assert ERROR_IN_RED in in_terminal([*command, "--color", "always"], env={"NO_COLOR": "1"}), "the option wins"
    for plain in (
        in_terminal(command, env={"NO_COLOR": "1"}),
        in_terminal(command, env={"NO_COLOR": "1", "FORCE_COLOR": "1"}),
        in_terminal([*command, "--no-color"]),
        in_terminal([*command, "--color", "never"], env={"FORCE_COLOR": "1"}),
    ):
        assert f"{doc}:10:13: error HL301 'Company' is still a placeholder: 'TBD'" in plain.splitlines()
        assert "\x1b[" not in plain, plain


def test_colour_off_a_terminal_only_when_forced(run, tmp_path):
    doc = _placeholder_doc(tmp_path)
    unset = {"NO_COLOR": None, "FORCE_COLOR": None}
    assert "\x1b[" not in run(doc, env=unset).out
    assert ERROR_IN_RED in run(doc, env={**unset, "FORCE_COLOR": "1"}).out
    assert "\x1b[" not in run(doc, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).out
    assert ERROR_IN_RED in run(doc, "--color", "always", env=unset).out
    assert ERROR_IN_RED in run(doc, "--color", "always", env={"NO_COLOR": "1"}).out
    # Colour is for people reading text: never in JSON, never in a report file.
    data = run(doc, "--color", "always", "--format", "json").json()
    assert "HL301" in [f["code"] for f in data["files"][0]["findings"]]
    run(doc, "--color", "always", "-o", tmp_path / "report.txt")
    assert "HL301" in (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert "\x1b[" not in (tmp_path / "report.txt").read_text(encoding="utf-8")
    assert run(doc, "--color", "sometimes").code == 2


def test_type_option_forces_type(run, tmp_path):
    doc = write(tmp_path, "notes.md", "# Notes\n\n## Red Flags\nCompetitor already in play.\n")
    r = run(doc, "--format", "json")
    assert r.json()["files"][0]["type"] is None
    assert r.json()["files"][0]["findings"][0]["code"] == "HL100"
    r = run(doc, "--type", "sdr-to-ae", "--format", "json")
    assert r.json()["files"][0]["type"] == "sdr-to-ae"
    assert run(doc, "--type", "nope").code == 2


def test_type_from_config_globs_and_title(run, tmp_path):
    write(tmp_path, "deals/cs/a.md", "# Notes on Initech\n")
    write(tmp_path, "deals/b.md", "# Customer Handoff: Initech\n")
    write(tmp_path, ".handoff-lint.toml", '[types]\n"deals/cs/*" = "sales-to-cs"\n')
    files = {f["path"]: f for f in run("deals", "--format", "json", cwd=tmp_path).json()["files"]}
    assert files["deals/cs/a.md"]["type"] == "sales-to-cs"
    assert files["deals/cs/a.md"]["type_source"] == "config"
    assert files["deals/b.md"]["type"] == "sales-to-cs" and files["deals/b.md"]["type_source"] == "title"


def test_unknown_frontmatter_type_lists_types(run, tmp_path):
    doc = write(tmp_path, "h.md", "---\ntype: sales-to-marketing\n---\n# Customer Handoff: X\n")
    r = run(doc)
    assert r.code == 1
    assert f"{doc}:2:1: error HL100 unknown handoff type 'sales-to-marketing'" in r.out
    assert "sdr-to-ae" in r.out


def test_rules_and_explain(run):
    r = run("rules")
    assert r.code == 0
    codes = [line.split()[0] for line in r.out.splitlines()]
    assert codes == [rule.code for rule in all_rules()]
    r = run("explain", "HL301")
    assert r.code == 0 and "empty-field" in r.out and "Bad:" in r.out and "Good:" in r.out
    assert run("explain", "empty-field").out == r.out
    r = run("explain", "HL999")
    assert r.code == 2 and "no rule 'HL999'" in r.err


EXPLAIN_HL422 = """\
HL422 no-risks-listed — quality, default severity warning.

The risks section states that there are no risks (when the team requires at least one).

{rationale}

A section with this finding counts as Partial in the score.

Options ([tool.handoff-lint.rules.HL422], or per type in [tool.handoff-lint.rules.HL422.<type>]):
- allow-none (default true)

Bad (with allow-none = false):
    None identified as of 2026-11-20.

Good:
    | Risk | Severity | Mitigation |
    |------|----------|------------|
    | Champion may leave | 🟡 Medium | Build a second sponsor — @omar, by 2027-01-15 |

More: handoff-lint explain HL422 or https://github.com/handoff-lint/handoff-lint/blob/main/docs/rules.md#hl422
""".format(
    rationale='Sources disagree: some teams accept an explicit "None identified as of <date>", others hold that no '
    "deal is risk-free. By default an explicit none is accepted; set `allow-none = false` (for all types or one "
    "type) to require at least one risk."
)


def test_explain_prints_the_whole_description_as_plain_text(run):
    """A rule with an option, an example setting and a multi-line example: every paragraph, in order,
    as a terminal shows it (no Markdown backticks around code, examples indented)."""
    r = run("explain", "HL422")
    assert r.code == 0
    assert r.out == EXPLAIN_HL422


def test_score_command_prints_quality_table(run):
    r = run("score", good_example("sales-to-cs"))
    assert "| Section | Weight | Score |" in r.out
    for label in (
        "Customer context | 20%",
        "Expectations & success criteria | 25%",
        "Risk flags | 15%",
        "Technical requirements | 15%",
        "Relationship context | 15%",
        "Action items | 10%",
    ):
        assert label in r.out
    assert "Overall: " in r.out and r.code == 0
    r = run(good_example("sales-to-cs"), "--show-score")
    assert "Handoff Quality Score" in r.out


@pytest.mark.parametrize("args", [["--format", "xml"], ["--no-such-option"]])
def test_usage_errors_exit_2(run, args):
    assert run(EXAMPLES, *args).code == 2


def test_internal_error_is_one_line_exit_2(run, monkeypatch):
    import handoff_lint.engine.linter as linter

    def boom(*_args, **_kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(linter, "match_sections", boom)
    r = run(good_example("sales-to-cs"), "--no-cache")
    assert r.code == 2
    assert r.err.strip().count("\n") == 0
    assert "internal error while linting" in r.err and "sales-to-cs.md" in r.err and "kaboom" in r.err
    assert "Traceback" not in r.err
    r = run(good_example("sales-to-cs"), "--debug", "--no-cache")
    assert r.code == 2 and "Traceback" in r.err


def test_a_reader_that_leaves_the_pipe_early_gets_no_error_message(tmp_path):
    """`handoff-lint … --format json | head`: the reader closes the pipe; no 'internal error', exit 141."""
    for n in range(40):
        write(tmp_path, f"h{n:02d}.md", good_example("sales-to-implementation").read_text(encoding="utf-8"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "handoff_lint", str(tmp_path), "--format", "json", "--no-cache"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout.read(100).startswith(b"{")
    proc.stdout.close()  # as `head -c 100` does
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert "error" not in stderr and "Traceback" not in stderr, stderr
