"""A new user's first hour (issue 10): every message right, every command where they expect it.

Each test drives the CLI the way the user did: CliRunner in a folder of their own.
"""

from __future__ import annotations

import re

from conftest import good_example, write


def _with(example_type: str, old: str, new: str) -> str:
    text = good_example(example_type).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


# --- 1. verdicts explain themselves ----------------------------------------------------------------


def test_a_fail_above_the_threshold_says_why_in_every_format(run, tmp_path):
    migration = re.search(r"\| Data migration \| .* \|", good_example("sales-to-cs").read_text()).group(0)
    doc = write(tmp_path, "acme.md", _with("sales-to-cs", migration, "| Data migration | TBD |"))
    text = run(doc, "--no-color", "--show-score")
    assert text.code == 1
    assert f"{doc}: sales-to-cs 92/100 FAIL: 1 error (1 empty-field) (threshold 70)" in text.out.splitlines()
    assert "Overall: 92/100 — FAIL: 1 error (1 empty-field) (threshold 70)" in text.out
    assert "are flagged" not in text.out, "a failing table must not blame the threshold it meets"
    table = run("score", doc)
    assert "Overall: 92/100 — FAIL: 1 error (1 empty-field) (threshold 70)" in table.out
    markdown = run(doc, "--format", "markdown").out
    assert "| 92/100 | — | ❌ FAIL: 1 error (1 empty-field) |" in markdown
    summary = tmp_path / "summary.md"
    run(doc, "--format", "github", "--summary-file", summary)
    assert "❌ FAIL: 1 error (1 empty-field)" in summary.read_text(encoding="utf-8")
    assert run(doc, "--format", "json").json()["files"][0]["fail_reasons"] == ["1 error (1 empty-field)"]


def test_a_fail_under_the_threshold_names_the_score(run, tmp_path):
    doc = write(tmp_path, "thin.md", "---\ntype: sdr-to-ae\ncustomer: Globex\n---\n# Lead Handoff: Globex\n")
    status = [line for line in run(doc, "--no-color").out.splitlines() if line.startswith(f"{doc}: ")]
    why = r"FAIL: score 0 < 70; \d+ errors \(.+\) \(threshold 70\)"
    assert re.fullmatch(rf"{re.escape(str(doc))}: sdr-to-ae 0/100 {why}", status[0])
    passing = run(good_example("sdr-to-ae"), "--no-color").out
    assert re.search(r": sdr-to-ae \d+/100 PASS \(threshold 70\)$", passing, re.M)
