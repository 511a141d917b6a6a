"""Real handoff documents written by other people (../shared/corpus/real) run without a crash, and the
34 reviewed handoffs of tests/data/judged (and its set2/) keep the behaviours reviewers rely on.

The judged tests state aggregate behaviours that hold today with a margin (strong handoffs pass, weak ones
fail, scores rank as the reviewers rank them), not a snapshot of each file's score: a change to the judges
may move one document and must not move these. benchmarks/fidelity.py reports the cross-validated figures.
"""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import CORPUS, JUDGED
from handoff_lint.cli import cli

CATEGORIES = ("customer", "expectations", "risks", "technical", "relationship", "actions")

DOCUMENTS = sorted(p for p in CORPUS.glob("*.md") if p.name != "SOURCES.md") if CORPUS.is_dir() else []


@pytest.mark.skipif(not DOCUMENTS, reason="shared corpus not present beside the repository")
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_real_document_gets_a_type_and_score_or_an_unknown_type_finding(run, path):
    r = run(path, "--format", "json")
    assert r.code in (0, 1), r
    assert "Traceback" not in r.err
    result = r.json()["files"][0]
    if result["type"] is None:
        assert result["score"] is None
        assert [f["code"] for f in result["findings"]] == ["HL100"]
    else:
        assert 0 <= result["score"] <= 100
        assert set(result["categories"]) == {
            "customer",
            "expectations",
            "risks",
            "technical",
            "relationship",
            "actions",
        }


def test_corpus_expectations(run):
    """Blank templates are recognised by their titles and fail; process pages fail, typed or not."""
    if not DOCUMENTS:
        pytest.skip("shared corpus not present")
    results = {p.name: r for p in DOCUMENTS for r in run(p, "--format", "json").json()["files"]}
    assert results["jbalbu01-template-sales-to-cs-customer-handoff.md"]["type"] == "sales-to-cs"
    assert results["jbalbu01-template-sdr-to-ae-lead-handoff.md"]["type"] == "sdr-to-ae"
    assert results["revopsvault-expansion-tracker.md"]["type"] == "cs-to-sales"
    for name in ("jbalbu01-template-sales-to-cs-customer-handoff.md", "jbalbu01-template-sdr-to-ae-lead-handoff.md"):
        assert results[name]["score"] < 30 and not results[name]["passed"]
    sop = results["sales-team-os-closing-csm-handoff-sop.md"]  # a process page about handoffs, not a handoff
    assert sop["type"] is None or (sop["type_source"] == "content" and sop["score"] < 40 and not sop["passed"])
    # The {{mustache}} frontmatter is reported where it breaks, with its line.
    revops = results["revopsvault-sales-to-cs-handoff-checklist.md"]["findings"]
    assert any(f["code"] == "HL010" and f["line"] == 2 for f in revops)


def _judgements() -> list[dict]:
    items = []
    for folder in (JUDGED, JUDGED / "set2"):
        listing = folder / "judgements.json"
        if listing.is_file():
            items += [{**item, "path": folder / item["file"]} for item in json.loads(listing.read_text("utf-8"))]
    return items


def _lint(paths, *args) -> dict:
    """One CLI run over ``paths`` (as a user runs it): resolved path -> its JSON result."""
    result = CliRunner().invoke(
        cli, ["check", "--format", "json", "--no-cache", "--exit-zero", *args, *map(str, paths)]
    )
    assert result.exit_code == 0, result.output
    return {str(Path(f["path"]).resolve()): f for f in json.loads(result.stdout)["files"]}


@pytest.fixture(scope="module")
def judged():
    """Each judged document with the tool's result beside it: linted with its reviewed type (one run a
    type) and without --type (the type from its content alone)."""
    items = _judgements()
    assert len(items) == 34, f"tests/data/judged holds {len(items)} judged documents, not 34"
    typed = {}
    for handoff_type in sorted({item["type"] for item in items}):
        typed.update(_lint([i["path"] for i in items if i["type"] == handoff_type], "--type", handoff_type))
    untyped = _lint([item["path"] for item in items])
    return [{**i, "tool": typed[str(i["path"].resolve())], "untyped": untyped[str(i["path"].resolve())]} for i in items]


# Failures give counts, not documents: folds 3 and 4 are held out (benchmarks/folds.py), and their
# documents' scores are read only by whoever measures them, through benchmarks/fidelity.py.
SEE = "see python benchmarks/fidelity.py (seen folds per document; --show-held-out spends the held-out folds)"


def _count(documents, condition) -> int:
    return len([d for d in documents if condition(d)])


def _ranks(values):
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    for position, index in enumerate(order):
        ties = [j for j in order if values[j] == values[index]]
        ranks[index] = statistics.fmean(order.index(j) + 1 for j in ties) if len(ties) > 1 else position + 1
    return ranks


def test_strong_handoffs_the_reviewers_score_90_or_more_score_60_or_more(judged):
    strong = [d for d in judged if d["score"] >= 90]
    assert len(strong) >= 8
    assert _count(strong, lambda d: d["tool"]["score"] < 60) == 0, SEE


def test_no_handoff_the_reviewers_fail_is_passed(judged):
    assert _count(judged, lambda d: d["score"] < 70 and d["tool"]["passed"]) == 0, SEE


def test_most_handoffs_the_reviewers_pass_are_passed(judged):
    """Today 5 of the 13 are failed (the issue's false FAILs); at most 6 may be."""
    passing = [d for d in judged if d["score"] >= 70]
    assert len(passing) >= 12 and _count(passing, lambda d: not d["tool"]["passed"]) <= 6, SEE


def test_filler_and_unfilled_handoffs_the_reviewers_score_10_or_less_score_45_or_less(judged):
    weak = [d for d in judged if d["score"] <= 10]
    assert len(weak) >= 6
    assert _count(weak, lambda d: d["tool"]["score"] > 45) == 0, SEE


def test_scores_stay_near_the_reviewers_and_rank_as_they_rank(judged):
    tool, theirs = [d["tool"]["score"] for d in judged], [d["score"] for d in judged]
    assert statistics.fmean(abs(a - b) for a, b in zip(tool, theirs, strict=True)) <= 13  # today 11.1
    assert statistics.correlation(_ranks(tool), _ranks(theirs)) >= 0.85  # today 0.89


def test_category_ratings_mostly_agree_with_the_reviewers(judged):
    pairs = [
        (d["tool"]["categories"][k]["status"], d["reviewer_a"]["categories"][k]) for d in judged for k in CATEGORIES
    ]
    assert sum(mine == theirs for mine, theirs in pairs) >= 0.68 * len(pairs)  # today 72%


def test_most_handoffs_get_their_type_from_content_alone(judged):
    detected = [d for d in judged if d["untyped"]["type"] == d["type"]]
    assert len(detected) >= 26, SEE  # today 28 of 34
    # A type it cannot tell is left unset (HL100), seldom guessed wrong.
    assert _count(judged, lambda d: d["untyped"]["type"] not in (None, d["type"])) <= 1, SEE
