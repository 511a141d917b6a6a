"""A failing handoff says what to do next (issue 24): the command to run and what would lift its score most,
or, for a handoff whose score passes, the finding that fails it.
"""

from __future__ import annotations

import re

import pytest

from conftest import EXAMPLES, good_example, write
from handoff_lint.config.settings import Config
from handoff_lint.engine.linter import Linter
from handoff_lint.handoff_types.definitions import load_types
from handoff_lint.output.advice import gains


def _with(example_type: str, old: str, new: str) -> str:
    text = good_example(example_type).read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def test_a_score_only_fail_says_what_to_run_and_what_lifts_it_most(run, tmp_path):
    doc = write(tmp_path, "thin.md", "---\ntype: sdr-to-ae\ncustomer: Globex\n---\n# Lead Handoff: Globex\n")
    r = run(doc, "--no-color")
    assert r.code == 1
    lines = r.out.splitlines()
    status = next(i for i, line in enumerate(lines) if line.startswith(f"{doc}: sdr-to-ae 0/100 FAIL: score 0 < 70"))
    step = lines[status + 1]
    assert step.startswith(f"  next: run `handoff-lint score {doc}` to see what is missing; most to gain: "), step
    points = int(re.search(r"\(up to \+(\d+) points\)$", step).group(1))
    assert points == max(p for p, _ in gains(_lint(doc))), "the category worth the most points"
    assert run(doc, "--format", "json").json()["files"][0]["next_step"] == step.removeprefix("  next: ")


def test_a_full_score_that_fails_names_the_finding(run, tmp_path):
    migration = re.search(r"\| Data migration \| .* \|", good_example("sales-to-cs").read_text()).group(0)
    doc = write(tmp_path, "acme.md", _with("sales-to-cs", migration, "| Data migration | TBD |"))
    line = next(i for i, text in enumerate(doc.read_text().splitlines(), 1) if text == "| Data migration | TBD |")
    r = run(doc, "--no-color")
    assert r.code == 1
    lines = r.out.splitlines()
    step = lines[lines.index(f"{doc}: sales-to-cs 92/100 FAIL: 1 error (1 empty-field) (threshold 70)") + 1]
    assert step.startswith(f"  next: the score passes; it fails on line {line} (empty-field): 'Data migration'"), step


def test_a_passing_handoff_has_no_next_step(run):
    r = run(good_example("sales-to-cs"), "--no-color", "--format", "json")
    assert r.code == 0 and r.json()["files"][0]["next_step"] is None
    assert "next:" not in run(good_example("sales-to-cs"), "--no-color").out


def _lint(path):
    return Linter(Config(), load_types([])).lint(str(path))


@pytest.mark.parametrize("path", sorted((EXAMPLES / "bad").glob("*.md")) + sorted((EXAMPLES / "good").glob("*.md")))
def test_the_gains_add_up_to_what_the_score_lacks(path):
    """Each gain is what completing its category would add, so together they are 100 minus the score."""
    result = _lint(path)
    if result.score is None:
        pytest.skip("not scored")
    total = sum(points for points, _ in gains(result))
    assert abs(total - (100 - result.score)) <= len(result.categories), (total, result.score)
    assert [p for p, _ in gains(result)] == sorted((p for p, _ in gains(result)), reverse=True)
